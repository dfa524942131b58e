/**
 * Reports of an evaluation: text for a terminal, Markdown for a document,
 * JSON for programs (Decimals as strings, read back by `readEvaluation`).
 */
import type { Decimal } from 'decimal.js';
import { D } from '../decimal.js';
import { PolicyInputError, describeValue, issue, refused, type PolicyInputIssueInit } from '../errors.js';
import { count as COUNT, flag as FLAG, names as fieldNames, oneOf } from '../kinds.js';
import { relativeShortfall, type CityEvaluation, type EvaluationSummary, type Finding, type FindingValue } from '../evaluate/evaluate.js';
import { isPolicy } from '../create-policy.js';
import { kindsOf, markEvaluated, policyOf, type Kinds } from '../evaluate/kinds.js';
import type { PolicyCore } from '../provisions/provision.js';
import type { Lang } from '../trace.js';
import { displayWidth } from '../present/format.js';
import { columnWidths, type Fit, wrapLine, wrapText } from '../present/wrap.js';
import { area, count, findingValues, grouped, money, percent, provisionLabel, subjectWords } from './words.js';

/** Options of {@link formatReport}. */
export interface ReportOptions {
  /** `text` (default), `markdown` or `json`. */
  readonly format?: 'text' | 'markdown' | 'json';
  /** `zh` (default) or `en`. */
  readonly lang?: Lang;
  /** List passing findings too (text and Markdown list only the others by default). */
  readonly all?: boolean;
  /** List at most this many findings, the worst first (default: no limit). The counts always cover all. */
  readonly limit?: number;
  /** Community names by id, shown beside the ids in text and Markdown. */
  readonly names?: Readonly<Record<string, string>>;
  /**
   * The policy the evaluation was made under, whose list names and counts its findings (default: the one
   * `evaluateCity` made it under, else the city's document as written).
   */
  readonly policy?: PolicyCore;
  /**
   * The display columns a line of the text report may take (default {@link TEXT_WIDTH}, 100; `Infinity` for no
   * wrapping): the findings' columns wrap inside themselves and long lines go on indented. Markdown is not wrapped.
   */
  readonly width?: number;
}

/** The columns a text report's lines fit by default. */
export const TEXT_WIDTH = 100;
/** The narrowest width a text report is laid out for. */
const MIN_WIDTH = 40;

/**
 * How far each column of the findings' table keeps its width before the others are narrowed (mark, subject,
 * provision, clause, expected, actual, message): the message gives way first, down to 20 columns (ten Chinese
 * characters), then the widest of the others.
 */
const FINDING_KEEP = [1, 12, 14, 5, 9, 9, 20] as const;

const L = {
  title: { zh: '社区建设政策合规报告', en: 'Community-building compliance report' },
  year: { zh: '年度', en: 'Year' },
  communities: { zh: '社区', en: 'Communities' },
  findings: { zh: '检查结果', en: 'Findings' },
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '未通过', en: 'fail' },
  unknown: { zh: '无法判断', en: 'unknown' },
  head: {
    zh: ['', '对象', '条款', '条文', '要求', '实际', '说明'],
    en: ['', 'subject', 'provision', 'clause', 'expected', 'actual', 'message'],
  },
  byProvision: { zh: '按条款统计', en: 'By provision' },
  provisionHead: { zh: ['条款', '通过', '未通过', '无法判断'], en: ['provision', 'pass', 'fail', 'unknown'] },
  owed: { zh: '欠缺合计', en: 'Totals owed' },
  owedUndecided: { zh: '项无法判断', en: 'undecided' },
  urban: { zh: '全部达标的城市社区', en: 'Urban communities meeting all checks' },
  undecided: { zh: '个缺数据无法判断', en: 'lack data to tell' },
  notEvaluated: { zh: '未评估', en: 'Not evaluated' },
  owedNotEvaluated: { zh: '未评估', en: 'not evaluated' },
  sources: { zh: '在本市文件之上适用的文件', en: 'Documents laid over the policy' },
  listed: { zh: '以下列出未通过和无法判断的结果，最严重的在前', en: 'Failing and unknown findings, worst first' },
  listedAll: { zh: '全部结果，最严重的在前', en: 'All findings, worst first' },
  none: { zh: '全部通过', en: 'Everything passes' },
} as const;

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/**
 * What a terminal obeys or what reorders text, when it comes from the data: the C0 controls (ESC starts the
 * sequences that move the cursor, erase a line or set a window title), DEL, the C1 controls (U+009B is CSI on its
 * own) and the bidirectional controls (U+202E shows "fail" as "liaf"). The line break, which a report is made of,
 * is not among them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text with its control characters shown, never obeyed: each written as `\u` and four hex digits, as JSON
 * writes it (ESC as `\u001b`). What the data says exactly is in the JSON report.
 * @internal
 */
export function visible(s: string): string {
  return s.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text from the data as one table cell: a line break or tab inside an id would break the row; a control character is shown. */
function cell(s: string): string {
  return visible(s.replace(/[\r\n\t\u2028\u2029]+/g, ' '));
}

const MARKDOWN_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text as one line of a Markdown document (a table cell or a list item) that shows as written: no raw HTML
 * (`<script>`, `<img onerror>`: `<`, `>` and `&` as entities), no pipe that ends a cell, no emphasis, link, image,
 * code or heading made of the data's punctuation (each backslash-escaped), and control characters shown.
 * @internal
 */
export function markdownText(s: string): string {
  return cell(s).replace(/[\\`*_[\]|~#&<>]/g, (c) => MARKDOWN_ENTITY[c] ?? `\\${c}`);
}

/** Terminal columns a string takes: the presentation's display width (CJK and East Asian Ambiguous count 2). */
const width = displayWidth;
/**
 * Rows as aligned columns for a terminal (CJK characters count two columns).
 * Left-aligned text leaves the last column unpadded; right-aligned suits numbers. Given a `fit`, the widest columns
 * of left-aligned text wrap inside their own column (the row goes on over several lines, each cell's continuation
 * under its start) so that every line fits its width; a number or an id is never cut.
 * @internal
 */
export function table(rows: string[][], align?: 'right', fit?: Fit): string[] {
  const widths = align === 'right' || !fit ? columnWidths(rows, { width: Infinity }) : columnWidths(rows, fit);
  const fill = (cell: string, i: number) => ' '.repeat(Math.max(0, widths[i]! - width(cell)));
  const join = (r: readonly string[]) =>
    r
      .map((cell, i) => (align === 'right' ? fill(cell, i) + cell : cell + fill(cell, i)))
      .join('  ')
      .trimEnd(); // so the last column of left-aligned text is not padded
  const out: string[] = [];
  for (const r of rows) {
    const cells = r.map((cell, i) => (width(cell) > widths[i]! ? wrapText(cell, widths[i]!) : [cell]));
    const height = cells.reduce((h, c) => Math.max(h, c.length), 1);
    for (let line = 0; line < height; line++) out.push(join(cells.map((c) => c[line] ?? '')));
  }
  return out;
}

/** Failing findings first (largest relative shortfall first), then unknown, then passing. */
function ordered(findings: readonly Finding[], all: boolean): Finding[] {
  const rank = { fail: 0, unknown: 1, pass: 2 } as const;
  return (
    findings
      .filter((f) => all || f.status !== 'pass')
      .map((f) => ({ f, key: relativeShortfall(f) }))
      // Array.prototype.sort is stable: findings of equal standing keep their order.
      .sort((a, b) => rank[a.f.status] - rank[b.f.status] || b.key.comparedTo(a.key))
      .map((x) => x.f)
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = COUNT.is;
const isCounts = (v: unknown) => isObject(v) && isCount(v.pass) && isCount(v.fail) && isCount(v.unknown);
const isValue = (v: unknown) => v === null || ['number', 'string', 'boolean'].includes(typeof v) || D.isDecimal(v);
const isText = (v: unknown) => isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string';

/** What is wrong with a finding, or undefined when it has every field a report reads. */
function findingProblem(f: unknown): string | undefined {
  if (!isObject(f)) return `expected a finding { provision, clause, subject, status, … }, got ${describeValue(f)}`;
  if (typeof f.provision !== 'string' || typeof f.clause !== 'string' || typeof f.subject !== 'string') return 'expected provision, clause and subject as text';
  if (f.status !== 'pass' && f.status !== 'fail' && f.status !== 'unknown')
    return `expected status 'pass', 'fail' or 'unknown', got ${describeValue(f.status)}`;
  if (!isValue(f.expected) || !isValue(f.actual)) return 'expected expected and actual as a number, text, true/false, a decimal or null';
  if (!isText(f.message)) return 'expected message as { zh, en }';
  if (!(f.shortfall === undefined || D.isDecimal(f.shortfall))) return `expected shortfall as a plain decimal or nothing, got ${describeValue(f.shortfall)}`;
  return undefined;
}

/**
 * An evaluation with every part a report reads: a result saved without its summary, or with a summary cut short, is
 * refused here with the part that is missing, never met later as a TypeError. @internal
 */
function checkResult(result: unknown, context: string, path: string, k: Kinds): CityEvaluation<string> {
  const at = (part: string) => (part ? `${path}.${part}` : path);
  /** A part refused with its code and words; a part of a finding, by the finding's own words (code `invalid`). */
  const fail = (part: string, message: string | PolicyInputIssueInit): never => {
    throw new PolicyInputError([typeof message === 'string' ? { path: at(part), message } : message], context);
  };
  if (!isObject(result) || !Array.isArray(result.findings) || !isObject(result.summary)) {
    fail(
      '',
      refused(at(''), 'not-an-object', { en: 'the result of evaluateCity ({ findings, summary })', zh: 'evaluateCity 的结果({ findings, summary })' }, result),
    );
  }
  const r = result as unknown as CityEvaluation<string>;
  const s = r.summary as unknown as Record<string, unknown>;
  if (!Number.isInteger(s.year)) fail('summary.year', refused(at('summary.year'), 'not-a-year', { en: 'a whole-number year', zh: '整数年份' }, s.year));
  if (!isCount(s.communities)) fail('summary.communities', refused(at('summary.communities'), COUNT.code, COUNT.expected, s.communities));
  if (!isCounts(s.counts)) fail('summary.counts', 'expected { pass, fail, unknown } as whole numbers ≥ 0');
  if (!isObject(s.byProvision) || !Object.values(s.byProvision).every(isCounts)) fail('summary.byProvision', 'expected { provision: { pass, fail, unknown } }');
  const owedKeys = k.owed.map((t) => t.key);
  // null: a total not evaluated (none of its findings could be made).
  if (!isObject(s.owed) || !owedKeys.every((key) => isValue((s.owed as Record<string, unknown>)[key]))) {
    fail('summary.owed', `expected ${owedKeys.join(', ')}`);
  }
  const u = s.urbanMeetingAll;
  if (!isObject(u) || !isCount(u.count) || !isCount(u.of) || !(u.undecided === undefined || isCount(u.undecided))) {
    fail('summary.urbanMeetingAll', 'expected { count, of, undecided } as whole numbers ≥ 0');
  }
  if (
    !(
      s.notEvaluated === undefined ||
      (Array.isArray(s.notEvaluated) && s.notEvaluated.every((n) => isObject(n) && typeof n.provision === 'string' && isText(n.reason)))
    )
  ) {
    fail('summary.notEvaluated', 'expected a list of { provision, clause, subject, reason: { zh, en } }');
  }
  if (!Array.isArray(s.worst)) fail('summary.worst', 'expected a list of findings');
  (s.worst as unknown[]).forEach((f, i) => {
    const problem = findingProblem(f);
    if (problem) fail(`summary.worst[${i}]`, problem);
  });
  r.findings.forEach((f, i) => {
    const problem = findingProblem(f);
    if (problem) fail(`findings[${i}]`, problem);
  });
  return r;
}

function checkOptions(options: unknown): Required<Omit<ReportOptions, 'policy'>> & { policy: PolicyCore | undefined } {
  if (typeof options !== 'object' || options === null) {
    throw new PolicyInputError(
      [refused('options', 'not-an-object', { en: '{ format?, lang?, all?, limit? }', zh: '{ format?, lang?, all?, limit? }' }, options)],
      'formatReport',
    );
  }
  const o = options as Record<string, unknown>;
  const issues: PolicyInputIssueInit[] = [];
  const allowed = ['format', 'lang', 'all', 'limit', 'names', 'policy', 'width'];
  for (const key of Object.keys(o))
    if (!allowed.includes(key))
      issues.push(issue(key, 'unknown-field', { expected: fieldNames(allowed), received: { en: JSON.stringify(key), zh: JSON.stringify(key) } }));
  const names = o.names;
  if (names !== undefined && (typeof names !== 'object' || names === null || Array.isArray(names) || Object.values(names).some((v) => typeof v !== 'string'))) {
    issues.push(refused('names', 'not-an-object', { en: '{ id: name, … }', zh: '{ 编号: 名称, … }' }, names));
  }
  const format = o.format ?? 'text';
  const lang = o.lang ?? 'zh';
  const all = o.all ?? false;
  const limit = o.limit ?? Infinity;
  if (limit !== Infinity && !COUNT.is(limit)) issues.push(refused('limit', COUNT.code, COUNT.expected, limit));
  if (format !== 'text' && format !== 'markdown' && format !== 'json')
    issues.push(refused('format', 'not-an-option', oneOf(['text', 'markdown', 'json']), format));
  if (lang !== 'zh' && lang !== 'en') issues.push(refused('lang', 'not-an-option', oneOf(['zh', 'en']), lang));
  if (!FLAG.is(all)) issues.push(refused('all', FLAG.code, FLAG.expected, all));
  const lineWidth = o.width ?? TEXT_WIDTH;
  if (lineWidth !== Infinity && !(COUNT.is(lineWidth) && (lineWidth as number) >= MIN_WIDTH))
    issues.push(
      refused(
        'width',
        'out-of-range',
        { en: `a whole number of columns ≥ ${MIN_WIDTH}, or Infinity`, zh: `不小于 ${MIN_WIDTH} 的整数列数，或 Infinity` },
        lineWidth,
      ),
    );
  if (issues.length) throw new PolicyInputError(issues, 'formatReport');
  if (o.policy !== undefined && !isPolicy(o.policy))
    issues.push(
      refused(
        'policy',
        'not-a-policy',
        { en: 'a policy made by createPolicy() or extendPolicy()', zh: '由 createPolicy() 或 extendPolicy() 生成的政策' },
        o.policy,
      ),
    );
  if (issues.length) throw new PolicyInputError(issues, 'formatReport');
  return { format, lang, all, limit, names: (names ?? {}) as Record<string, string>, policy: o.policy, width: lineWidth } as Required<ReportOptions>;
}

/** A total owed with its unit; "unknown" when nothing failed but some findings could not be decided, and the count of those beside it. */
/** Unknown findings of the provisions whose shortfalls add to total `key` (how many could add to it). */
function unknownOwing(s: EvaluationSummary<string>, key: string, k: Kinds): number {
  return k.kinds.filter((x) => x.owed === key).reduce((n, x) => n + (s.byProvision[x.provision]?.unknown ?? 0), 0);
}

function owedWords(unit: string, value: FindingValue, undecided: number, lang: Lang): string {
  if (value === null) return L.owedNotEvaluated[lang];
  const zero = typeof value === 'number' ? value === 0 : typeof value === 'object' && value.isZero();
  const note = undecided > 0 ? ` (${undecided} ${L.owedUndecided[lang]})` : '';
  if (zero && undecided > 0) return `${L.unknown[lang]}${note}`;
  const words =
    unit === 'workers'
      ? typeof value === 'number'
        ? count(value, 'workers', lang)
        : `${grouped(value as Decimal, 0)} ${lang === 'zh' ? '名' : 'workers'}`
      : unit === 'm2'
        ? area(value as Decimal)
        : unit === 'yuan'
          ? money(value as Decimal, lang)
          : `${grouped(value as Decimal)} ${unit}`;
  return `${undecided > 0 ? '≥ ' : ''}${words}${note}`;
}

/** A total owed in words, as every report says it: `≥ 20,000 元 (1 项无法判断)`, `未评估`, `246.25 m²`. */
export function owedText(s: EvaluationSummary<string>, t: { readonly key: string; readonly unit: string }, lang: Lang, k: Kinds): string {
  return owedWords(t.unit, (s.owed as unknown as Record<string, FindingValue>)[t.key]!, unknownOwing(s, t.key, k), lang);
}

/** Never a silent gap: what applies but could not be evaluated, with the reason, one line each. */
function notEvaluatedLines(s: EvaluationSummary<string>, lang: Lang, k: Kinds): string[] {
  return (s.notEvaluated ?? []).map(
    (n) =>
      `${provisionLabel(cell(n.provision), lang, k)}, ${cell(n.clause)}, ${subjectWords(cell(n.subject), lang)}: ${cell(n.reason[lang])}${n.cites?.length ? ` (${lang === 'zh' ? '依' : 'per '}${cell(k.cited(n.cites, lang))})` : ''}`,
  );
}

/** The documents laid over the policy's own, one line each (none for the policy as written). */
function sourceLines(k: Kinds, lang: Lang): string[] {
  return k.sources.slice(1).map((s) => {
    const meta = [s.number, s.date, s.status].filter((x) => x !== undefined).join(lang === 'zh' ? '，' : ', ');
    return cell(
      `${lang === 'zh' ? `《${s.title.zh}》` : s.title.en} (${s.id})${lang === 'zh' ? `，${s.body.zh}` : `, ${s.body.en}`}${meta ? (lang === 'zh' ? `，${meta}` : `, ${meta}`) : ''}`,
    );
  });
}

function summaryLines(s: EvaluationSummary<string>, lang: Lang, k: Kinds): { head: string[]; provisions: string[][]; owed: string[][] } {
  const c = s.counts;
  const u = s.urbanMeetingAll;
  const head = [
    `${L.year[lang]}: ${s.year}    ${L.communities[lang]}: ${s.communities}`,
    `${L.findings[lang]}: ${MARK.pass} ${c.pass} ${L.pass[lang]}   ${MARK.fail} ${c.fail} ${L.fail[lang]}   ${MARK.unknown} ${c.unknown} ${L.unknown[lang]}`,
    `${L.urban[lang]}: ${u.count} / ${u.of}${u.of > 0 ? ` (${percent(new D(u.count).div(u.of))})` : ''}${u.undecided ? (lang === 'zh' ? `(另有 ${u.undecided} ${L.undecided.zh})` : ` (${u.undecided} more ${L.undecided.en})`) : ''}`,
  ];
  const order = k.kinds.map((x) => x.provision);
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  const provisions = [
    [...L.provisionHead[lang]],
    ...Object.entries(s.byProvision)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([p, n]) => [provisionLabel(p, lang, k), String(n.pass), String(n.fail), String(n.unknown)]),
  ];
  const owed = k.owed.map((t) => [
    t.name[lang],
    owedWords(t.unit, (s.owed as unknown as Record<string, FindingValue>)[t.key]!, unknownOwing(s, t.key, k), lang),
  ]);
  return { head, provisions, owed };
}

/**
 * Decimals in plain notation. A replacer sees what `toJSON` made of a value, so it looks at the holder's own
 * value: a Decimal from another decimal.js configuration would otherwise be written as, say, "1e-8".
 */
function decimalsAsStrings(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const own = this[key];
  return D.isDecimal(own) ? own.toFixed() : value;
}

/**
 * The JSON report in pieces, so that a million findings can be written out
 * without ever being one string. Joined, the pieces are one JSON document.
 * @internal
 */
export function* jsonReportChunks(result: CityEvaluation<string>, k: Kinds = kindsOf(result)): Generator<string> {
  const r = checkResult(result, 'formatReport', 'result', k);
  yield '{\n  "findings": [';
  let first = true;
  for (const f of r.findings) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(f, decimalsAsStrings)}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(r.summary, decimalsAsStrings, 2).replace(/\n/g, '\n  ')}\n}\n`;
}

/** A finding's value as JSON: a Decimal as its plain string, as `decimalsAsStrings` writes it. */
function jsonValue(v: FindingValue): string {
  return typeof v === 'object' && v !== null ? `"${v.toFixed()}"` : JSON.stringify(v);
}

/**
 * One finding of the library as JSON: a community finding written field by field (JSON.stringify with a replacer
 * took most of the time of a large JSON report), the same text as `JSON.stringify(f, decimalsAsStrings)`, which a
 * test holds.
 * @internal
 */
export function jsonFinding(f: Finding): string {
  // Plain objects (the city's findings, a few) as JSON.stringify writes them, whatever fields they carry.
  if (Object.getPrototypeOf(f) === Object.prototype) return JSON.stringify(f, decimalsAsStrings);
  const m = f.message;
  const head = `{"provision":${JSON.stringify(f.provision)},"clause":${JSON.stringify(f.clause)},"subject":${JSON.stringify(f.subject)},"status":"${f.status}"`;
  const body = `,"expected":${jsonValue(f.expected)},"actual":${jsonValue(f.actual)},"message":{"zh":${JSON.stringify(m.zh)},"en":${JSON.stringify(m.en)}}`;
  const tail = f.cites === undefined ? '' : `,"cites":${JSON.stringify(f.cites)}`;
  return f.shortfall === undefined ? `${head}${body}${tail}}` : `${head}${body},"shortfall":"${f.shortfall.toFixed()}"${tail}}`;
}

/** The summary as JSON, indented as in a JSON report. @internal */
export function jsonSummary(s: EvaluationSummary, indent = 2): string {
  return JSON.stringify(s, decimalsAsStrings, indent);
}

/**
 * Render an evaluation for a person or a program.
 *
 * Every format lists the failing and unknown findings (with `all`, the passing ones too), the worst first when
 * a `limit` cuts the list; JSON without a limit keeps the findings in their order.
 *
 * @param result - what `evaluateCity` returned
 * @param options - `format` (`text` default, `markdown`, `json`), `lang` (`zh` default, `en`), `all` (list passing findings too), `limit` (list at most so many)
 * @returns the report as one string
 * @throws {@link PolicyInputError} for a result that is not an evaluation or an unknown option
 * @example
 * ```ts
 * const result = evaluateCity({ year: 2013, communities: [] });
 * formatReport(result, { lang: 'en' }).split('\n')[0]; //=> 'Community-building compliance report'
 * JSON.parse(formatReport(result, { format: 'json' })).summary.year; //=> 2013
 * ```
 */
export function formatReport(result: CityEvaluation<string>, options: ReportOptions = {}): string {
  const { format, lang, all, limit, names, policy, width: lineWidth } = checkOptions(options);
  const k = kindsOf(result, policy);
  const r = checkResult(result, 'formatReport', 'result', k);
  // A finding of a provision the policy does not have would be listed without words or unit and counted nowhere.
  const stray = r.findings.findIndex((f) => k.kind(f.provision) === undefined);
  if (stray >= 0) {
    throw new PolicyInputError(
      [
        refused(
          `findings[${stray}].provision`,
          'unknown-name',
          {
            en: `a finding of the policy's provisions (${k.kinds.map((x) => x.provision).join(', ')}): add a provision of your own with extendPolicy`,
            zh: `该政策所含条款的结果(${k.kinds.map((x) => x.provision).join('、')})：自己的条款请用 extendPolicy 加入`,
          },
          r.findings[stray]!.provision,
        ),
      ],
      'formatReport',
    );
  }
  if (format === 'json') return [...jsonReportChunks(jsonChoice(r, all, limit), k)].join('');
  const full = ordered(r.findings, all);
  // slice takes Infinity as 'to the end'
  return renderListed(r.summary, full.slice(0, limit), full.length, { format, lang, all, names, kinds: k, width: lineWidth });
}

/**
 * What a JSON report holds: the failing and unknown findings (with `all`, the passing ones too), in their order, or
 * the worst `limit` of them. @internal
 */
export function jsonChoice(r: CityEvaluation<string>, all: boolean, limit: number): CityEvaluation<string> {
  const chosen = limit === Infinity ? r.findings.filter((f) => all || f.status !== 'pass') : ordered(r.findings, all).slice(0, limit);
  return { findings: chosen, summary: r.summary };
}

/**
 * A text or Markdown report from a summary and the findings to list (already chosen and ordered), of `eligible`
 * findings that could have been listed.
 * @internal
 */
export function renderListed(
  summary: EvaluationSummary<string>,
  list: readonly Finding[],
  eligible: number,
  o: {
    format: 'text' | 'markdown';
    lang: Lang;
    all: boolean;
    names?: Readonly<Record<string, string>> | undefined;
    kinds: Kinds;
    /** The columns a text line may take (default 100; Infinity: no wrapping). */
    width?: number | undefined;
  },
): string {
  const { format, lang, all, names, kinds: k } = o;
  const cols = o.width ?? TEXT_WIDTH;
  const s = summaryLines(summary, lang, k);
  const more = eligible - list.length;
  const moreLine = more > 0 ? (lang === 'zh' ? `…… 另有 ${more} 条未列出` : `… and ${more} more not listed`) : undefined;
  const rows = list.map((f) => {
    const v = findingValues(f, lang, k);
    // A finding a later document changed says so beside its clause: that document is its authority.
    const clause = f.cites?.length ? `${f.clause} (${lang === 'zh' ? '依' : 'per '}${k.cited(f.cites, lang)})` : f.clause;
    return [MARK[f.status], subjectWords(f.subject, lang, names), provisionLabel(f.provision, lang, k), clause, v.expected, v.actual, f.message[lang]].map(
      cell,
    );
  });
  if (format === 'markdown') {
    const md = (cells: string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
    const out = [`# ${L.title[lang]}`, '', ...s.head.map((l) => `- ${markdownText(l)}`), ''];
    out.push(`## ${all ? L.listedAll[lang] : L.listed[lang]}`, '');
    // "Everything passes" only when nothing was left to list, not when a limit of 0 left everything out.
    if (rows.length > 0) {
      out.push(md([...L.head[lang]]), md(L.head[lang].map(() => '---')));
      for (const row of rows) out.push(md(row));
      out.push('');
    } else if (!moreLine) out.push(L.none[lang], '');
    if (moreLine) out.push(moreLine, '');
    out.push(`## ${L.owed[lang]}`, '', md(['', '']), md(['---', '---:']), ...s.owed.map(md), '');
    out.push(`## ${L.byProvision[lang]}`, '', md(s.provisions[0]!), md(s.provisions[0]!.map(() => '---')), ...s.provisions.slice(1).map(md), '');
    const gaps = notEvaluatedLines(summary, lang, k);
    if (gaps.length) out.push(`## ${L.notEvaluated[lang]}`, '', ...gaps.map((l) => `- ${markdownText(l)}`), '');
    const docs = sourceLines(k, lang);
    if (docs.length) out.push(`## ${L.sources[lang]}`, '', ...docs.map((l) => `- ${markdownText(l)}`), '');
    return out.join('\n');
  }
  const out = [L.title[lang], '='.repeat(width(L.title[lang])), ...s.head.flatMap((l) => wrapLine(l, cols)), ''];
  out.push(`${all ? L.listedAll[lang] : L.listed[lang]}:`);
  // Line by line: spreading a list of a hundred thousand lines into push() overflows the stack.
  const findings = rows.length ? table([[...L.head[lang]], ...rows], undefined, { width: cols, keep: FINDING_KEEP }) : moreLine ? [] : [L.none[lang]];
  for (const line of findings) out.push(line);
  if (moreLine) out.push(moreLine);
  out.push('');
  const indented = { width: cols, indent: 2 };
  out.push(`${L.owed[lang]}:`, ...table(s.owed, undefined, indented).map((l) => `  ${l}`), '');
  out.push(`${L.byProvision[lang]}:`, ...table(s.provisions, undefined, indented).map((l) => `  ${l}`), '');
  const gaps = notEvaluatedLines(summary, lang, k);
  if (gaps.length) out.push(`${L.notEvaluated[lang]}:`, ...gaps.flatMap((l) => wrapLine(`  ${l}`, cols)), '');
  const docs = sourceLines(k, lang);
  if (docs.length) out.push(`${L.sources[lang]}:`, ...docs.flatMap((l) => wrapLine(`  ${l}`, cols)), '');
  // The cells are shown already (so the columns align); this catches what comes from elsewhere (a provision's key).
  return visible(out.join('\n'));
}

/** The fields of a finding a JSON report writes as decimal strings (the totals owed too, but a count, a number while it is safe). */
const DECIMAL_FIELDS = new Set(['expected', 'actual', 'shortfall']);

/**
 * Read a JSON report back into an evaluation: the decimal strings of
 * `expected`, `actual`, `shortfall` and the totals owed become Decimals again.
 *
 * @param json - what `formatReport(result, { format: 'json' })` wrote
 * @returns the evaluation
 * @throws {@link PolicyInputError} when the text is not such a report
 * @example
 * ```ts
 * const result = evaluateCity({ year: 2013, communities: [], villages: { total: 10, covered: 9 } });
 * readEvaluation(formatReport(result, { format: 'json', all: true })).findings[0].expected; //=> 9
 * ```
 */
export function readEvaluation(json: string, options?: { readonly policy?: PolicyCore }): CityEvaluation {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new PolicyInputError([refused('options', 'not-an-object', { en: '{ policy? }', zh: '{ policy? }' }, options)], 'readEvaluation');
  }
  const extra = Object.keys(options ?? {}).filter((k) => k !== 'policy');
  if (extra.length)
    throw new PolicyInputError(
      extra.map((k) => issue(k, 'unknown-field', { expected: fieldNames(['policy']), received: { en: JSON.stringify(k), zh: JSON.stringify(k) } })),
      'readEvaluation',
    );
  const policy = options?.policy;
  if (policy !== undefined && !isPolicy(policy))
    throw new PolicyInputError(
      [refused('policy', 'not-a-policy', { en: 'a policy made by createPolicy()', zh: '由 createPolicy() 生成的政策' }, policy)],
      'readEvaluation',
    );
  let parsed: unknown;
  const decimal = (value: unknown) => typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value);
  try {
    parsed = JSON.parse(json, (key, value: unknown) => (DECIMAL_FIELDS.has(key) && decimal(value) ? new D(value as string) : value));
  } catch (e) {
    throw new PolicyInputError([issue('json', 'not-json', { note: { en: (e as Error).message, zh: (e as Error).message } })], 'readEvaluation');
  }
  // The totals owed, whatever the policy names them: money and areas were written as decimal strings.
  const owed = isObject(parsed) && isObject(parsed.summary) && isObject(parsed.summary.owed) ? parsed.summary.owed : undefined;
  if (owed) for (const [key, value] of Object.entries(owed)) if (decimal(value)) owed[key] = new D(value as string);
  return markEvaluated(checkResult(parsed, 'readEvaluation', 'json', kindsOf(undefined, policy)), policyOf(undefined, policy)) as CityEvaluation;
}
