/**
 * A comparison of policies as one offline HTML page: for each year, a chart
 * of each total owed under each policy, the policies with their documents,
 * statuses and counts, and what each alternative asks beyond the baseline.
 * The text, Markdown, JSON and workbook forms are in
 * `src/report/compare-report.ts`; this page shows the same numbers.
 */
import { STATUS, W, type ComparedYear } from '../report/compare-report.js';
import type { Lang } from '../trace.js';
import { htmlDocument } from './document.js';
import { esc, exact, grouped } from './html.js';
import { barChart } from './svg.js';

const UNIT: Readonly<Record<string, { zh: string; en: string }>> = {
  m2: { zh: 'm²', en: 'm²' },
  yuan: { zh: '元', en: 'yuan' },
  workers: { zh: '名', en: 'workers' },
};
const COLORS = ['#1f6fb4', '#c62828', '#2e7d32', '#f9a825', '#6a1b9a', '#00838f'];

/**
 * The comparison of one or more years as a self-contained HTML page.
 * @internal — `shequ-rules compare --format html`
 */
export function compareHtml(years: readonly ComparedYear[], lang: Lang): string {
  const body: string[] = ['<main>', `<h1>${esc(W.title[lang])}</h1>`];
  for (const { comparison: c, names } of years) {
    body.push(`<h2 id="year-${c.year}">${esc(W.year[lang])} ${c.year} <small>(${esc(W.on[lang])} ${esc(c.on)})</small></h2>`);
    const rows = c.policies
      .map((p) => {
        const s = p.sources.at(-1)!;
        const doc = `${lang === 'zh' ? `《${p.title.zh}》` : p.title.en}${s.number ? ` ${s.number}` : ''}`;
        const link = s.url ? ` <small><a href="https://${esc(s.url.replace(/^https?:\/\//, ''))}">${esc(s.url)}</a></small>` : '';
        return `<tr data-policy="${esc(p.id)}"><th scope="row">${esc(p.id)}</th><td>${esc(doc)}${link}</td><td data-status="${esc(s.status ?? 'unverified')}">${esc(STATUS[s.status ?? 'unverified']![lang])}</td><td data-count="pass">${p.counts.pass}</td><td data-count="fail">${p.counts.fail}</td><td data-count="unknown">${p.counts.unknown}</td><td data-failing="${p.failing.length}">${p.failing.length}</td></tr>`;
      })
      .join('');
    body.push(
      `<div class="sr-scroll"><table class="sr-compare"><thead><tr>${W.head[lang].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`,
    );
    // One chart per total: a bar for each policy.
    const keys = [...new Map(c.differences.flatMap((d) => d.owed.map((o) => [o.key, o] as const))).values()];
    body.push(`<h3>${esc(W.owedEach[lang])}</h3>`);
    for (const o of keys) {
      const unit = UNIT[o.unit]?.[lang] ?? o.unit;
      const bars = c.policies.map((p, i) => {
        const v = Object.hasOwn(p.owed, o.key) ? p.owed[o.key]! : undefined;
        return {
          label: p.id,
          segments: [{ value: v ? v.toNumber() : 0, color: COLORS[i % COLORS.length]!, name: p.id }],
          note: v ? `${grouped(exact(v))} ${unit}` : '—',
        };
      });
      body.push(`<figure class="sr-chart" data-chart="owed-${esc(o.key)}">${barChart({ title: `${o.name[lang]} (${unit})`, bars })}</figure>`);
    }
    for (const d of c.differences) {
      const more = d.owed
        .filter((o) => !o.more.isZero())
        .map(
          (o) =>
            `<li data-more="${esc(o.key)}" data-value="${esc(exact(o.more))}">${esc(o.name[lang])}: ${o.more.isNegative() ? '' : '+'}${esc(grouped(exact(o.more)))} ${esc(UNIT[o.unit]?.[lang] ?? o.unit)}</li>`,
        )
        .join('');
      const now = d.communitiesNowFailing.map((id) => (names[id] ? `${names[id]} ${id}` : id));
      body.push(
        `<section class="sr-difference" data-policy="${esc(d.policy)}"><h3>${esc(d.policy)}: ${esc(W.against[lang])} ${esc(d.against)}</h3>` +
          `<p>${esc(W.moreAsked[lang])}:</p><ul>${more || `<li>${esc(W.none[lang])}</li>`}</ul>` +
          `<p data-now-failing="${now.length}">${esc(W.nowFailing[lang])} (${now.length}): ${esc(now.length ? now.join(lang === 'zh' ? '、' : ', ') : W.none[lang])}</p></section>`,
      );
    }
  }
  body.push('</main>');
  const css =
    '<style>.sr-scroll{overflow-x:auto}.sr-compare{border-collapse:collapse}.sr-compare td,.sr-compare th{border:1px solid #ccc;padding:.2rem .5rem}@media print{a{color:inherit}}</style>';
  return htmlDocument({ lang, title: `${W.title[lang]} ${years.map((y) => y.comparison.year).join(', ')}`, body: body.join('\n'), head: css });
}
