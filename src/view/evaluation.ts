/**
 * An evaluation of a city's data as HTML and plain text: the summary (counts
 * in `data-count="pass|fail|unknown"`), charts of the findings by provision,
 * of the worst shortfalls and, for several years, of the progress across
 * them; the totals owed; the failing and unknown findings, worst first.
 * Every name and id from the data is escaped.
 */
import type { CityEvaluation, Finding, FindingStatus, FindingValue } from '../evaluate/evaluate.js';
import { relativeShortfall } from '../evaluate/evaluate.js';
import { kindsOf, type Kinds } from '../evaluate/kinds.js';
import type { Lang } from '../trace.js';
import type { ValueUnit } from '../provisions/declare.js';
import type { PolicyCore } from '../provisions/provision.js';
import { esc, exact, shownHtml } from './html.js';
import { ratioDigits, type Shown, showShare } from '../present/format.js';
import { showValue } from '../present/words.js';
import { owedText } from '../report/format-report.js';
import { subjectWords } from '../report/words.js';
import { clauseTitle } from './result.js';
import { barChart, lineChart } from './svg.js';

/** Each kind of finding of a policy in words (capitalised for a heading), and the unit of its expected and actual values. */
export function provisionWords(k: Kinds): Readonly<Record<string, { readonly zh: string; readonly en: string; readonly unit?: ValueUnit }>> {
  return Object.fromEntries(k.kinds.map((x) => [x.provision, { zh: x.name.zh, en: x.name.en.charAt(0).toUpperCase() + x.name.en.slice(1), unit: x.unit }]));
}

/** The city's document's kinds of finding in words (`provisionWords` of its policy). */
export const PROVISION_WORDS = /* @__PURE__ */ provisionWords(kindsOf(undefined));

const W = {
  title: { zh: '社区建设政策合规报告', en: 'Community-building compliance report' },
  year: { zh: '年度', en: 'Year' },
  communities: { zh: '社区数', en: 'Communities' },
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '未通过', en: 'fail' },
  unknown: { zh: '无法判断', en: 'unknown' },
  urban: { zh: '全部达标的城市社区', en: 'Urban communities meeting all checks' },
  byProvision: { zh: '按条款统计', en: 'Findings by provision' },
  worst: { zh: '缺口最大的结果(相对缺口)', en: 'Worst shortfalls (relative to what is due)' },
  progress: { zh: '逐年进展', en: 'Progress across the years' },
  owed: { zh: '欠缺合计', en: 'Totals owed' },
  findings: { zh: '未通过和无法判断的结果，最严重的在前', en: 'Failing and unknown findings, worst first' },
  none: { zh: '全部通过', en: 'Everything passes' },
  more: { zh: '另有 {n} 条未列出', en: '{n} more not listed' },
  head: { zh: ['', '对象', '条款', '要求', '实际', '说明'], en: ['', 'subject', 'provision', 'expected', 'actual', 'message'] },
  provisionHead: { zh: ['条款', '通过', '未通过', '无法判断'], en: ['provision', 'pass', 'fail', 'unknown'] },
  share: { zh: '全部达标的城市社区比例', en: 'Share of urban communities meeting all checks' },
  target: { zh: '目标', en: 'Target' },
  undecided: { zh: '另有 {n} 个缺少数据，无法判断', en: '{n} more lack data to decide' },
  notEvaluated: { zh: '未能评估的条款', en: 'Provisions not evaluated' },
  owedNotEvaluated: { zh: '未评估', en: 'not evaluated' },
} as const;

const MARK: Record<FindingStatus, string> = { pass: '✓', fail: '✗', unknown: '?' };
const COLOR: Record<FindingStatus, string> = { pass: '#2e7d32', fail: '#c62828', unknown: '#9e9e9e' };

/** A provision's name in words with the id it is shown by: `'一楼用房 (A.3.4)'`. */
export function provisionName(id: string, lang: Lang, k: Kinds = kindsOf(undefined)): string {
  const x = k.kind(id);
  return x ? `${lang === 'en' ? x.name.en.charAt(0).toUpperCase() + x.name.en.slice(1) : x.name.zh} (${x.label ?? id})` : id;
}

/** An expected or actual value of a finding as shown, with the provision's unit (its exact value beside it when rounded). */
export function findingShown(f: Finding, v: FindingValue, lang: Lang, k: Kinds = kindsOf(undefined)): Shown {
  const unit = k.kind(f.provision)?.unit;
  // A developer's money without a price: the yuan due are unknown (its area equivalent is in the message), as the text report says.
  const when = k.kind(f.provision)?.areaWhen;
  if (v === null && v === f.expected && when !== undefined && f.status === 'unknown' && f.message.en.includes(when)) {
    return { ...showValue(null, undefined, lang), text: lang === 'zh' ? '—(无单价)' : '— (no price)' };
  }
  if (v === null) return showValue(null, undefined, lang); // 未填报, as the text report says
  return showValue(v, unit, lang);
}

/** An expected or actual value of a finding in words, with the provision's unit. */
export function findingValue(f: Finding, v: FindingValue, lang: Lang, k: Kinds = kindsOf(undefined)): string {
  return findingShown(f, v, lang, k).text;
}

function ordered(findings: readonly Finding[]): Finding[] {
  const rank = { fail: 0, unknown: 1, pass: 2 } as const;
  return findings
    .filter((f) => f.status !== 'pass')
    .map((f) => ({ f, key: relativeShortfall(f) }))
    .sort((a, b) => rank[a.f.status] - rank[b.f.status] || b.key.comparedTo(a.key))
    .map((x) => x.f);
}

/** Findings by provision as a stacked bar chart (SVG). */
export function provisionChart(e: CityEvaluation, lang: Lang, k: Kinds = kindsOf(e)): string {
  return barChart({
    title: `${W.byProvision[lang]} (${e.summary.year})`,
    bars: Object.entries(e.summary.byProvision).map(([p, n]) => ({
      label: provisionName(p, lang, k),
      segments: (['pass', 'fail', 'unknown'] as const).map((s) => ({ value: n[s], color: COLOR[s], name: W[s][lang] })),
      note: `${n.pass} / ${n.fail} / ${n.unknown}`,
    })),
  });
}

/** The worst failing findings by relative shortfall as a bar chart (SVG); empty when nothing fails. */
export function worstChart(e: CityEvaluation, lang: Lang, k: Kinds = kindsOf(e)): string {
  if (e.summary.worst.length === 0) return '';
  return barChart({
    title: W.worst[lang],
    bars: e.summary.worst.map((f) => {
      const rel = relativeShortfall(f);
      return {
        label: `${f.subject} · ${provisionName(f.provision, lang, k)}`,
        segments: [{ value: Math.min(1, rel.toNumber()), color: COLOR.fail, name: W.fail[lang] }],
        note: `${rel.times(100).toDecimalPlaces(1).toFixed()} %`,
      };
    }),
  });
}

/** The share of urban communities meeting all checks, year by year (SVG); for two years or more. */
export function progressChart(years: readonly CityEvaluation[], lang: Lang, policy?: PolicyCore): string {
  if (years.length < 2) return '';
  const points = years.map(
    (e) => [e.summary.year, e.summary.urbanMeetingAll.of ? (e.summary.urbanMeetingAll.count / e.summary.urbanMeetingAll.of) * 100 : 0] as const,
  );
  // The target of each year, as the city's finding of the urban targets says it: a dashed line beside the share.
  const k = kindsOf(years[0]!, policy);
  const urban = k.kinds.find((x) => x.progress === 'urban')?.provision;
  const goals = years.flatMap((e) => {
    const f = e.findings.find((x) => x.provision === urban && x.subject === 'city');
    return f && f.expected !== null && typeof f.expected !== 'boolean' ? [[e.summary.year, Number(exact(f.expected)) * 100] as const] : [];
  });
  return lineChart({
    title: W.progress[lang],
    xLabel: W.year[lang],
    yLabel: '%',
    yMin: 0,
    yMax: 100,
    yStep: 20,
    yFormat: (y) => `${y} %`,
    series: [
      { name: W.share[lang], color: '#1f6fb4', points },
      ...(goals.length ? [{ name: W.target[lang], color: '#c62828', points: goals, dashed: true }] : []),
    ],
  });
}

/**
 * An evaluation as an HTML fragment: summary, charts, totals owed, findings.
 *
 * @param e - what `evaluateCity` returned
 * @param lang - `'zh'` or `'en'`
 * @param limit - list at most so many findings (default 500); the counts and charts cover all
 * @param eligible - how many findings could be listed, when `e.findings` holds only the worst of them (the CLI's bounded list)
 */
export function evaluationHtml(
  e: CityEvaluation,
  lang: Lang,
  limit = 500,
  eligible?: number,
  policy?: PolicyCore,
  names: Readonly<Record<string, string>> = {},
): string {
  const s = e.summary;
  const k = kindsOf(e, policy);
  const out: string[] = ['<div class="sr-evaluation">'];
  out.push(
    `<dl class="sr-summary"><dt>${esc(W.year[lang])}</dt><dd data-summary="year">${s.year}</dd>` +
      `<dt>${esc(W.communities[lang])}</dt><dd data-summary="communities">${s.communities}</dd>` +
      (['pass', 'fail', 'unknown'] as const)
        .map((k) => `<dt>${MARK[k]} ${esc(W[k][lang])}</dt><dd class="sr-${k}" data-count="${k}">${s.counts[k]}</dd>`)
        .join('') +
      `<dt>${esc(W.urban[lang])}</dt><dd data-summary="urban">${s.urbanMeetingAll.count} / ${s.urbanMeetingAll.of}${s.urbanMeetingAll.of > 0 ? ` (${shownHtml(showShare(ratioDigits(s.urbanMeetingAll.count, s.urbanMeetingAll.of)))})` : ''}${s.urbanMeetingAll.undecided ? ` <small>(${esc(W.undecided[lang].replace('{n}', String(s.urbanMeetingAll.undecided)))})</small>` : ''}</dd></dl>`,
  );
  out.push(`<figure class="sr-chart" data-chart="provisions">${provisionChart(e, lang, k)}</figure>`);
  const worst = worstChart(e, lang, k);
  if (worst) out.push(`<figure class="sr-chart" data-chart="worst">${worst}</figure>`);
  const owed = k.owed
    .map((t) => {
      const v = (s.owed as unknown as Record<string, FindingValue>)[t.key]!;
      // Not evaluated (null) is said in words and marked, never shown as 0.
      if (v === null)
        return `<tr><th scope="row">${esc(t.name[lang])}</th><td data-owed="${esc(t.key)}" data-not-evaluated="">${esc(W.owedNotEvaluated[lang])}</td></tr>`;
      // As the text report says it: "≥ … (N 项无法判断)" where findings that could add to it are undecided.
      return `<tr><th scope="row">${esc(t.name[lang])}</th><td data-owed="${esc(t.key)}" data-value="${esc(exact(v))}">${esc(owedText(s, t, lang, k))}</td></tr>`;
    })
    .join('');
  out.push(`<h3>${esc(W.owed[lang])}</h3><table class="sr-owed"><tbody>${owed}</tbody></table>`);
  const list = ordered(e.findings);
  out.push(`<h3>${esc(W.findings[lang])}</h3>`);
  if (list.length === 0) out.push(`<p>${esc(W.none[lang])}</p>`);
  else {
    const rows = list
      .slice(0, limit)
      .map(
        (f) =>
          `<tr class="sr-${f.status}" data-status="${f.status}" data-provision="${esc(f.provision)}"><td>${MARK[f.status]}</td><td>${esc(subjectWords(f.subject, lang, names))}</td><td>${esc(provisionName(f.provision, lang, k))}<br><small>${esc(clauseTitle(f.clause, lang))}</small>${f.cites?.length ? `<br><small class="sr-cite" data-cites="${esc(f.cites.map((c) => c.source).join(' '))}">${esc(`${lang === 'zh' ? '依' : 'per '}${k.cited(f.cites, lang)}`)}</small>` : ''}</td>` +
          `<td>${shownHtml(findingShown(f, f.expected, lang, k))}</td><td>${shownHtml(findingShown(f, f.actual, lang, k))}</td><td>${esc(f.message[lang])}</td></tr>`,
      )
      .join('');
    out.push(
      `<div class="sr-scroll"><table class="sr-findings"><thead><tr>${W.head[lang].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`,
    );
    const total = Math.max(eligible ?? 0, list.length);
    if (total > limit) out.push(`<p>${esc(W.more[lang].replace('{n}', String(total - limit)))}</p>`);
  }
  if (s.notEvaluated?.length) {
    out.push(
      `<h3>${esc(W.notEvaluated[lang])}</h3><ul class="sr-not-evaluated">${s.notEvaluated
        .map(
          (n) =>
            `<li data-not-evaluated="${esc(n.provision)}">${esc(provisionName(n.provision, lang, k))} · ${esc(subjectWords(n.subject, lang, names))}: ${esc(n.reason[lang])}${n.cites?.length ? ` <small class="sr-cite">(${esc(k.cited(n.cites, lang))})</small>` : ''}</li>`,
        )
        .join('')}</ul>`,
    );
  }
  const byProvision = Object.entries(s.byProvision)
    .map(([p, n]) => `<tr><th scope="row">${esc(provisionName(p, lang, k))}</th><td>${n.pass}</td><td>${n.fail}</td><td>${n.unknown}</td></tr>`)
    .join('');
  out.push(
    `<h3>${esc(W.byProvision[lang])}</h3><div class="sr-scroll"><table class="sr-by-provision"><thead><tr>${W.provisionHead[lang].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${byProvision}</tbody></table></div>`,
  );
  out.push('</div>');
  return out.join('');
}

/** An evaluation as plain text: the counts and the worst findings. */
export function evaluationText(e: CityEvaluation, lang: Lang): string {
  const s = e.summary;
  const k = kindsOf(e);
  const lines = [
    `${W.title[lang]} ${s.year}: ${s.communities} ${W.communities[lang]}; ${MARK.pass} ${s.counts.pass} ${W.pass[lang]}, ${MARK.fail} ${s.counts.fail} ${W.fail[lang]}, ${MARK.unknown} ${s.counts.unknown} ${W.unknown[lang]}`,
    `${W.urban[lang]}: ${s.urbanMeetingAll.count} / ${s.urbanMeetingAll.of}`,
  ];
  for (const f of ordered(e.findings).slice(0, 10)) lines.push(`  ${MARK[f.status]} ${f.subject} ${provisionName(f.provision, lang, k)}: ${f.message[lang]}`);
  return lines.join('\n');
}

export { W as EVALUATION_WORDS };
