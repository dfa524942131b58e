/**
 * A comparison of policies as a report (`shequ-rules compare`): for each
 * year, each policy's counts, failing communities and totals owed, and what
 * each alternative asks beyond the baseline — the communities that pass
 * under one and fail under the other, and how much more room, staff and
 * money — in text, Markdown, JSON (exact) and a workbook (a sheet per policy
 * and one of differences). Display rounds for the eye; JSON keeps the exact
 * values.
 */
import type { Decimal } from 'decimal.js';
import type { PolicyComparison } from '../evaluate/compare.js';
import type { FileInput } from '../read/notes.js';
import type { Lang } from '../trace.js';
import { showDate } from '../present/format.js';
import { SOURCE_STATUS } from '../present/words.js';
import { wrapLine } from '../present/wrap.js';
import { markdownText, TEXT_WIDTH, table, visible } from './format-report.js';
import { inputLines } from './input-report.js';
import { area, count, grouped, money, subjectWords } from './words.js';

/** One year's comparison with the names of its communities. */
export interface ComparedYear {
  readonly comparison: PolicyComparison;
  readonly names: Readonly<Record<string, string>>;
}

/**
 * The comparison's words, the one source for every surface that compares policies: this report, its workbook, the
 * explorer's comparison and the policy book's. @internal
 */
export const W = {
  title: { zh: '政策对比：同一数据在不同标准下', en: 'Policies compared: the same data under each standard' },
  year: { zh: '年度', en: 'Year' },
  on: { zh: '现行日期', en: 'in force on' },
  policies: { zh: '各政策', en: 'The policies' },
  /** The policies' table: these three columns, then the counts by status and the communities failing. */
  head: { zh: ['政策', '文件', '状态'], en: ['policy', 'document', 'status'] },
  /** A policy's findings by status, and its communities failing. */
  counts: {
    pass: { zh: '通过', en: 'pass' },
    fail: { zh: '未通过', en: 'fail' },
    unknown: { zh: '无法判断', en: 'unknown' },
  },
  failing: { zh: '未达标社区', en: 'communities failing' },
  owed: { zh: '欠缺合计', en: 'Totals owed' },
  owedEach: { zh: '各政策下的欠缺合计', en: 'Totals owed under each policy' },
  moreAsked: { zh: '多需', en: 'More asked' },
  against: { zh: '与基准相比', en: 'Against the baseline' },
  more: { zh: '多需', en: 'more asked' },
  nowFailing: { zh: '新增未达标社区', en: 'Communities now failing' },
  noLonger: { zh: '不再未达标的社区', en: 'Communities no longer failing' },
  newlyFailing: { zh: '在基准下通过、在此政策下未通过的结果', en: 'Findings that pass under the baseline and fail under this policy' },
  newlyPassing: { zh: '在基准下未通过、在此政策下通过的结果', en: 'Findings that fail under the baseline and pass under this policy' },
  none: { zh: '无', en: 'none' },
  baseline: { zh: '基准', en: 'baseline' },
  standards: { zh: '所用标准', en: 'Standards used' },
  inForce: {
    yes: { zh: '当日施行', en: 'in force on the day' },
    no: { zh: '当日未施行(测算)', en: 'not in force on the day (a what-if)' },
    unknown: { zh: '施行日期不详', en: 'date in force unknown' },
  },
  read: { zh: '读取的数据', en: 'Data read' },
} as const;

/** A source's status in words. @internal */
export const STATUS = SOURCE_STATUS;

/** A total in words, with its unit. */
function amount(v: Decimal, unit: string, lang: Lang): string {
  if (unit === 'm2') return area(v);
  if (unit === 'yuan') return money(v, lang);
  if (unit === 'workers')
    return v.isInteger() && v.abs().lte(Number.MAX_SAFE_INTEGER) ? count(v.toNumber(), 'workers', lang) : `${grouped(v)} ${lang === 'zh' ? '名' : 'workers'}`;
  return `${grouped(v)} ${unit}`;
}

const who = (ids: readonly string[], names: Readonly<Record<string, string>>, lang: Lang) =>
  ids.length ? ids.map((id) => subjectWords(id, lang, names)).join(lang === 'zh' ? '、' : ', ') : W.none[lang];

/** The comparison in text or Markdown. */
export function compareText(years: readonly ComparedYear[], input: readonly FileInput[], lang: Lang, md: boolean, width: number = TEXT_WIDTH): string {
  const out: string[] = [];
  const title = W.title[lang];
  out.push(md ? `# ${markdownText(title)}` : title, md ? '' : '='.repeat(title.length * (lang === 'zh' ? 2 : 1)), '');
  const mdRow = (cells: readonly string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
  const grid = (rows: string[][]) =>
    md ? [mdRow(rows[0]!), mdRow(rows[0]!.map(() => '---')), ...rows.slice(1).map(mdRow)] : table(rows, undefined, { width, indent: 2 }).map((l) => `  ${l}`);
  /** A line of text fitted to the width (Markdown is not wrapped). */
  const fit = (l: string) => (md ? [l] : wrapLine(l, width));
  for (const { comparison: c, names } of years) {
    const named = new Map(c.policies.map((p) => [p.id, p.name[lang]]));
    /** A policy by its name (its id only when the comparison does not carry it). */
    const name = (id: string) => named.get(id) ?? id;
    out.push(md ? `## ${W.year[lang]} ${c.year}` : `${W.year[lang]}: ${c.year}    ${W.on[lang]}: ${showDate(c.on, lang).text}`, '');
    if (md) out.push(`${W.on[lang]}: ${showDate(c.on, lang).text}`, '');
    out.push(md ? `### ${W.policies[lang]}` : `${W.policies[lang]}:`, '');
    const head = [...W.head[lang], W.counts.pass[lang], W.counts.fail[lang], W.counts.unknown[lang], W.failing[lang]];
    const rows = c.policies.map((p, i) => {
      const source = p.sources.at(-1)!;
      return [
        `${p.name[lang]}${i === 0 ? ` (${W.baseline[lang]})` : ''}`,
        `${lang === 'zh' ? `《${p.title.zh}》` : p.title.en}${source.number ? ` ${source.number}` : ''}`,
        STATUS[source.status ?? 'unverified']![lang],
        String(p.counts.pass),
        String(p.counts.fail),
        String(p.counts.unknown),
        String(p.failing.length),
      ];
    });
    out.push(...grid([head, ...rows]), '');
    // Every total any policy owes, under each policy.
    const keys = [...new Map(c.differences.flatMap((d) => d.owed.map((o) => [o.key, o] as const))).values()];
    const owedRows = keys.map((o) => [o.name[lang], ...c.policies.map((p) => (Object.hasOwn(p.owed, o.key) ? amount(p.owed[o.key]!, o.unit, lang) : '—'))]);
    out.push(md ? `### ${W.owed[lang]}` : `${W.owed[lang]}:`, '');
    out.push(...grid([['', ...c.policies.map((p) => p.name[lang])], ...owedRows]), '');
    for (const d of c.differences) {
      const heading = `${name(d.policy)}: ${W.against[lang]} ${name(d.against)}`;
      out.push(md ? `### ${markdownText(heading)}` : `${heading}:`, '');
      const more = d.owed.filter((o) => !o.more.isZero()).map((o) => `${o.name[lang]} ${o.more.isNegative() ? '' : '+'}${amount(o.more, o.unit, lang)}`);
      const lines = [
        `${W.more[lang]}: ${more.length ? more.join(lang === 'zh' ? '；' : '; ') : W.none[lang]}`,
        `${W.nowFailing[lang]} (${d.communitiesNowFailing.length}): ${who(d.communitiesNowFailing, names, lang)}`,
        `${W.noLonger[lang]} (${d.communitiesNoLongerFailing.length}): ${who(d.communitiesNoLongerFailing, names, lang)}`,
        `${W.newlyFailing[lang]} (${d.newlyFailing.length})`,
      ];
      out.push(...lines.flatMap((l) => (md ? [`- ${markdownText(l)}`] : fit(`  ${l}`))), '');
    }
    // Each policy's standards and whether each applied on the day (a policy named by its one standard says only that).
    const used = c.policies.flatMap((p) =>
      p.standards.length === 0
        ? []
        : [
            `${p.name[lang]}: ${p.standards
              .map((s) => (s.id === p.id ? W.inForce[s.inForce][lang] : `${(s.source.short ?? s.source.title)[lang]} (${W.inForce[s.inForce][lang]})`))
              .join(lang === 'zh' ? '；' : '; ')}`,
          ],
    );
    if (used.length)
      out.push(md ? `### ${W.standards[lang]}` : `${W.standards[lang]}:`, '', ...used.flatMap((l) => (md ? [`- ${markdownText(l)}`] : fit(`  ${l}`))), '');
  }
  out.push(md ? `## ${W.read[lang]}` : `${W.read[lang]}:`, '', ...inputLines(input, lang).flatMap((l) => (md ? [`- ${markdownText(l.trim())}`] : fit(l))), '');
  return visible(out.join('\n'));
}

/** Decimals as their plain strings in JSON (a Decimal's own toJSON may use an exponent). */
function decimals(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const own = this[key] as { toFixed?: () => string; d?: unknown } | undefined;
  return own && typeof own === 'object' && typeof own.toFixed === 'function' && 'd' in own ? own.toFixed() : value;
}

/** The comparison as JSON, every value exact: `{ years: [{ year, on, policies, differences, rows }], input }`. */
export function compareJson(years: readonly ComparedYear[], input: readonly FileInput[]): string {
  const plain = years.map(({ comparison: c }) => ({
    year: c.year,
    on: c.on,
    policies: c.policies.map(({ evaluation, ...p }) => ({ ...p, summary: evaluation.summary })),
    differences: c.differences,
    rows: c.rows.map(({ findings, ...r }) => ({ ...r, findings })),
  }));
  return `${JSON.stringify({ years: plain, input }, decimals, 2)}\n`;
}
