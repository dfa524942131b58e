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
import { esc, shownHtml } from './html.js';
import { kindsOf } from '../evaluate/kinds.js';
import { ratioDigits, showDate, showShare } from '../present/format.js';
import { parameterValueWords, parameterWords } from '../present/words.js';
import { owedText } from '../report/format-report.js';
import { subjectWords } from '../report/words.js';

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
  /** The communities' names by id, shown beside their ids (`朝阳社区 c19`). */
  readonly names?: Readonly<Record<string, string>>;
  /** What was read, one line a fact (the text report's "data read" section). */
  readonly input?: readonly string[];
  /** The progress table across the years: a header row, then one row a year (the text report's). */
  readonly progress?: readonly (readonly string[])[];
  /** The day the report was made (ISO), shown in its head (default: none). */
  readonly made?: string;
  /** The library's version, shown in the head. */
  readonly version?: string;
}

const READINGS = {
  zh: '所用口径',
  en: 'Readings used',
  default: { zh: '默认', en: 'default' },
  changed: { zh: '非默认', en: 'not the default' },
  head: { zh: ['口径', '问题', '所取', ''], en: ['reading', 'question', 'taken', ''] },
} as const;

const HEAD = {
  city: { zh: '政策', en: 'Policy' },
  made: { zh: '生成日期', en: 'Made on' },
  version: { zh: '版本', en: 'Version' },
  data: { zh: '数据', en: 'Data' },
  read: { zh: '读取的数据', en: 'Data read' },
  progress: { zh: '历年进展', en: 'Progress across the years' },
  headline: { zh: '要点', en: 'In brief' },
  failing: { zh: '有未通过结果的社区', en: 'Communities with a failing finding' },
  none: { zh: '无', en: 'none' },
  meeting: { zh: '全部达标的城市社区', en: 'Urban communities meeting all checks' },
  target: { zh: '目标', en: 'target' },
  short: { zh: '缺口', en: 'Shortfalls' },
} as const;

/** Each switchable reading of the register with what its parameter takes in a policy, in words, the non-defaults flagged. */
function readingsUsed(policy: PolicyCore, lang: Lang): string {
  const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], o);
  // The defaults are the policy's own list as written: a reading of a provision a user added has its own.
  const declared = declarationsOf(policy.provisions);
  const DEFAULT_PARAMETERS = parametersOn(declared);
  const rows = registerOf(policy.provisions)
    .filter((i) => i.parameter !== null)
    .map((i) => {
      const v = at(policy.parameters, i.parameter!);
      const d = declared.find((x) => x.path === i.parameter);
      const isDefault = String(v) === String(at(DEFAULT_PARAMETERS, i.parameter!));
      // A reading without a value set takes its default (the register's).
      const taken = parameterValueWords(v === undefined ? i.default : v, d?.unit ?? 'option', lang, i.options);
      const flag = isDefault
        ? `<span class="sr-default">${esc(READINGS.default[lang])}</span>`
        : `<strong class="sr-changed">${esc(READINGS.changed[lang])}</strong>`;
      return `<tr data-reading="${esc(i.id)}"${isDefault ? '' : ' class="sr-non-default"'}><td><span class="sr-id">${esc(i.id)}</span> ${esc(parameterWords(i.parameter!, d, lang))}</td><td>${esc(i.question[lang])}</td><td>${esc(taken)}</td><td>${flag}</td></tr>`;
    });
  return `<section class="sr-readings"><h2>${esc(READINGS[lang])}</h2><div class="sr-scroll"><table><thead><tr>${READINGS.head[lang].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

/** The headline of the latest year: who fails, the shortfalls, the share of urban communities meeting every check. */
function headline(e: CityEvaluation, lang: Lang, names: Readonly<Record<string, string>>, policy: PolicyCore | undefined): string {
  const s = e.summary;
  const k = kindsOf(e, policy);
  const failing = [...new Set(e.findings.filter((f) => f.status === 'fail' && !/^(?:city|projects)(?:\/|$)/.test(f.subject)).map((f) => f.subject))];
  const who =
    failing.length === 0 ? HEAD.none[lang] : `${failing.length}: ${failing.map((id) => subjectWords(id, lang, names)).join(lang === 'zh' ? '、' : ', ')}`;
  const u = s.urbanMeetingAll;
  const target = e.findings.find((f) => f.provision === k.kinds.find((x) => x.progress === 'urban')?.provision && f.subject === 'city');
  const share = u.of > 0 ? showShare(ratioDigits(u.count, u.of)) : undefined;
  const meeting = `${u.count} / ${u.of}${share ? ` (${shownHtml(share)})` : ''}${target && target.expected !== null && typeof target.expected !== 'boolean' ? `, ${esc(HEAD.target[lang])} ${esc(showShare(target.expected).text)}` : ''}`;
  const owed = k.owed.map((t) => `<li>${esc(t.name[lang])}: <strong>${esc(owedText(s, t, lang, k))}</strong></li>`).join('');
  return (
    `<section class="sr-headline" data-headline=""><h2>${esc(HEAD.headline[lang])} · ${s.year}</h2><dl class="sr-summary">` +
    `<dt>${esc(HEAD.failing[lang])}</dt><dd data-headline="failing">${esc(who)}</dd>` +
    `<dt>${esc(HEAD.meeting[lang])}</dt><dd data-headline="meeting">${meeting}</dd>` +
    `<dt>${esc(HEAD.short[lang])}</dt><dd><ul class="sr-owed-list">${owed}</ul></dd></dl></section>`
  );
}

const REPORT_CSS = `
.sr-scroll{overflow-x:auto;max-width:100%}.sr-findings td:nth-child(n+4):nth-child(-n+5),.sr-progress td{white-space:nowrap}
.sr-meta{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;color:var(--muted);margin:.2rem 0 1rem}.sr-meta b{color:var(--fg);font-weight:600}
.sr-headline{border:2px solid var(--accent);border-radius:6px;padding:.2rem 1rem .6rem;margin:1rem 0;background:#f7fafd}.sr-headline h2{border:0;margin-top:.6rem}
.sr-owed-list{margin:0;padding-left:1.1rem}
.sr-non-default td{background:#fff4e5}.sr-changed{color:#b45309}.sr-default{color:var(--muted)}
.sr-read{white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em;background:var(--soft);padding:.5rem .7rem;border-radius:4px}
.sr-rounded{text-decoration:underline dotted var(--muted)}
td,th{overflow-wrap:anywhere}
@media (max-width:600px){main{padding:.6rem .7rem 2rem}h1{font-size:1.3rem}.sr-view th,.sr-view td{padding:.2rem .35rem}}
@media print{
  @page{size:A4;margin:16mm 12mm;@top-center{content:"${'${HEADER}'}";font-size:9pt;color:#555}@bottom-right{content:counter(page) " / " counter(pages);font-size:9pt}}
  body{font-size:10.5pt}main{max-width:none;padding:0}.sr-scroll{overflow:visible}.sr-scroll table{width:100%}td{white-space:normal!important}
  table{page-break-inside:auto}tr,td,th,dd,.sr-headline{break-inside:avoid}h2,h3{break-after:avoid}td,th{white-space:normal;overflow-wrap:anywhere}
  .sr-chart svg{max-width:100%}
}
`;

/**
 * The HTML report of one evaluation or of several years': the text report and more, in one self-contained file
 * with inline CSS and SVG charts, nothing loaded from the network, every name from the data escaped. Its head says
 * the policy, the years, the day it was made and the version; a headline box says who fails and what is owed;
 * then the readings used (open, the non-defaults flagged), the progress across the years with its targets, each
 * year's findings with the communities' names beside their ids, and what was read.
 */
export function reportHtml(evaluations: CityEvaluation | readonly CityEvaluation[], options: HtmlReportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const years = Array.isArray(evaluations) ? (evaluations as readonly CityEvaluation[]) : [evaluations as CityEvaluation];
  const names = options.names ?? {};
  const title = EVALUATION_WORDS.title[lang];
  const policyTitle = options.policy ? `《${options.policy.sources[0]!.title[lang]}》` : '';
  const span = years.map((e) => e.summary.year).join(lang === 'zh' ? '、' : ', ');
  const body: string[] = ['<main>', `<h1>${esc(title)}</h1>`];
  const meta = [
    policyTitle && `<span>${esc(HEAD.city[lang])}: <b>${esc(policyTitle)}</b></span>`,
    `<span>${esc(EVALUATION_WORDS.year[lang])}: <b>${esc(span)}</b></span>`,
    options.source && `<span>${esc(HEAD.data[lang])}: <b>${esc(options.source)}</b></span>`,
    options.made && `<span>${esc(HEAD.made[lang])}: <b>${esc(showDate(options.made, lang).text)}</b></span>`,
    options.version && `<span>${esc(HEAD.version[lang])}: <b>shequ-rules ${esc(options.version)}</b></span>`,
  ].filter(Boolean);
  body.push(`<p class="sr-meta" data-meta="">${meta.join('')}</p>`);
  body.push(headline(years.at(-1)!, lang, names, options.policy));
  if (options.policy) body.push(readingsUsed(options.policy, lang));
  const progress = progressChart(years, lang, options.policy);
  if (progress || (options.progress && options.progress.length > 2)) {
    body.push(`<h2>${esc(HEAD.progress[lang])}</h2>`);
    if (progress) body.push(`<figure class="sr-chart" data-chart="progress">${progress}</figure>`);
    if (options.progress && options.progress.length > 2) {
      const [head, ...rows] = options.progress;
      body.push(
        `<div class="sr-scroll"><table class="sr-progress"><thead><tr>${head!.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`,
      );
    }
  }
  years.forEach((e, i) => {
    if (years.length > 1) body.push(`<h2 id="year-${e.summary.year}">${esc(EVALUATION_WORDS.year[lang])} ${e.summary.year}</h2>`);
    body.push(evaluationHtml(e, lang, options.limit, options.eligible?.[i], options.policy, names));
  });
  if (options.input?.length) body.push(`<h2>${esc(HEAD.read[lang])}</h2><div class="sr-read" data-read="">${esc(options.input.join('\n'))}</div>`);
  body.push('</main>');
  const header = `${title} ${span}`.replace(/["\\]/g, '');
  return htmlDocument({ lang, title: `${title} ${span}`, body: body.join('\n'), head: `<style>${REPORT_CSS.replace('${HEADER}', header)}</style>\n` });
}
