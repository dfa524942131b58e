/**
 * Whole HTML documents: the style every view shares, and the self-contained
 * HTML report of an evaluation (inline CSS and SVG, nothing loaded from the
 * network).
 */
import type { CityEvaluation } from '../evaluate/evaluate.js';
import { registerOf } from '../policies/interpretations.js';
import { declarationsOf, parametersOn } from '../policy/parameters.js';
import type { PolicyCore } from '../provisions/provision.js';
import type { Lang } from '../trace.js';
import { EVALUATION_WORDS, evaluationHtml, progressChart } from './evaluation.js';
import { COMPONENT_CSS } from './css.js';
import { esc } from './html.js';

/** The style of a whole page built from the views: the components' style plus the page's. */
export { COMPONENT_CSS };

export const VIEW_CSS = `${COMPONENT_CSS}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#fff}
main{max-width:1000px;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #d9d9d9;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
@media print{.sr-noprint{display:none}}
`;

/** A complete, self-contained HTML document around a body. */
export function htmlDocument(o: { readonly lang: Lang; readonly title: string; readonly body: string; readonly head?: string }): string {
  return (
    `<!doctype html>\n<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(o.title)}</title>\n<style>${VIEW_CSS}</style>\n${o.head ?? ''}</head>\n<body class="sr-view">\n${o.body}\n</body>\n</html>\n`
  );
}

/** Options of {@link reportHtml}. */
export interface HtmlReportOptions {
  /** `'zh'` (default) or `'en'`. */
  readonly lang?: Lang;
  /** Where the data came from, shown under the title (escaped). */
  readonly source?: string;
  /** List at most so many findings per year (default 500). */
  readonly limit?: number;
  /** How many findings each year could list, when the evaluations hold only the worst of them. @internal */
  readonly eligible?: readonly number[];
  /** The policy the data was held against: the report lists the value of every reading's parameter. */
  readonly policy?: PolicyCore;
}

const READINGS = { zh: '所用解读', en: 'Readings used', default: { zh: '默认', en: 'default' } } as const;

/** Each switchable reading of the register with the value its parameter has in a policy, marking the defaults. */
function readingsUsed(policy: PolicyCore, lang: Lang): string {
  const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], o);
  // The defaults are the policy's own list as written: a reading of a provision a user added has its own.
  const DEFAULT_PARAMETERS = parametersOn(declarationsOf(policy.provisions));
  const items = registerOf(policy.provisions)
    .filter((i) => i.parameter !== null)
    .map((i) => {
      const v = at(policy.parameters, i.parameter!);
      const shown = v === undefined ? '—' : String(v);
      const isDefault = shown === String(at(DEFAULT_PARAMETERS, i.parameter!) ?? '—');
      return `<li data-reading="${esc(i.id)}"><span class="sr-id">${esc(i.id)}</span> <code>${esc(i.parameter!)}</code> = <code>${esc(shown)}</code>${isDefault ? ` (${esc(READINGS.default[lang])})` : ''}: ${esc(i.question[lang])}</li>`;
    });
  return `<details class="sr-readings"><summary>${esc(READINGS[lang])}</summary><ul>${items.join('')}</ul></details>`;
}

/**
 * The HTML report of one evaluation or of several years': one self-contained
 * file with inline CSS and SVG charts (findings by provision, the worst
 * shortfalls and, for several years, the progress across them), nothing
 * loaded from the network, every name from the data escaped.
 */
export function reportHtml(evaluations: CityEvaluation | readonly CityEvaluation[], options: HtmlReportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const years = Array.isArray(evaluations) ? (evaluations as readonly CityEvaluation[]) : [evaluations as CityEvaluation];
  const title = EVALUATION_WORDS.title[lang];
  const body: string[] = ['<main>', `<h1>${esc(title)}</h1>`];
  if (options.source) body.push(`<p class="sr-cite">${esc(options.source)}</p>`);
  if (options.policy) body.push(readingsUsed(options.policy, lang));
  const progress = progressChart(years, lang);
  if (progress) body.push(`<figure class="sr-chart" data-chart="progress">${progress}</figure>`);
  years.forEach((e, i) => {
    if (years.length > 1) body.push(`<h2 id="year-${e.summary.year}">${esc(EVALUATION_WORDS.year[lang])} ${e.summary.year}</h2>`);
    body.push(evaluationHtml(e, lang, options.limit, options.eligible?.[i], options.policy));
  });
  body.push('</main>');
  return htmlDocument({ lang, title: `${title} ${years.map((e) => e.summary.year).join(', ')}`, body: body.join('\n') });
}
