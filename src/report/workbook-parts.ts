/**
 * What both workbooks (the report's and the comparison's) are made of: a
 * finding's values as formatted numbers, a status as a row colour, a total
 * owed that was not evaluated said as such, and the sheet that lets the file
 * be audited alone — the readings taken, the parameters computed with and the
 * documents they come from, walked from the policy's own list.
 */
import type { Decimal } from 'decimal.js';
import { D } from '../decimal.js';
import type { EvaluationSummary, Finding, FindingValue, NotEvaluated } from '../evaluate/evaluate.js';
import type { Kinds } from '../evaluate/kinds.js';
import { registerOf } from '../policies/interpretations.js';
import { declarationsOf, parametersOn, valueAtPath } from '../policy/parameters.js';
import type { PolicyCore, Source } from '../provisions/provision.js';
import type { Lang } from '../trace.js';
import type { CellIn, NumberFormat, Row, RowFill } from './ooxml.js';
import { expectedIsArea, STATUS_WORDS, subjectWords, unitOf, yesNo } from './words.js';
import { SOURCE_STATUS } from '../present/words.js';

/** A status in words, and the colour of its row. */
export const STATUS_FILL: Readonly<Record<'pass' | 'fail' | 'unknown', RowFill | undefined>> = { pass: undefined, fail: 'fail', unknown: 'unknown' };

/** 未评估: what applies but was not evaluated (no number stands for it). */
export const NOT_EVALUATED = { zh: '未评估', en: 'not evaluated' } as const;

/** The format of a number in a unit: counts grouped, shares as percentages, money with fen only where it has fen, areas to two decimals. */
export function formatOf(v: number | Decimal, unit: string | undefined): NumberFormat | undefined {
  switch (unit) {
    case 'share':
    case 'deviation':
      return 'share';
    case 'm2':
      return 'area';
    case 'yuan':
      return new D(v).isInteger() ? 'money' : 'fen';
    case 'workers':
      return 'count';
    case 'villages':
      // Without village counts, the rollout expects a share of the villages (a Decimal; a count is a number).
      return typeof v === 'number' ? 'count' : 'share';
    default:
      // A unit of another document's provision: a whole number grouped, any other as Excel shows it.
      return new D(v).isInteger() ? 'count' : undefined;
  }
}

/** A finding's value as a cell: a number in its unit's format, yes/no in words, nothing for a value not given. */
export function valueCell(v: FindingValue | undefined, unit: string | undefined, lang: Lang): CellIn {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return yesNo(v, lang);
  if (typeof v === 'string') return v;
  return { v, fmt: formatOf(v, unit) };
}

/**
 * How many of the checks that add to total `key` were not evaluated (from the summary's list of what was not
 * evaluated: a check listed under its own id or under a joint id of several, parted by `/`). The one place that decides
 * it, so that a marker on the total itself can replace the lookup.
 */
export function owedNotEvaluated(s: EvaluationSummary<string>, key: string, k: Kinds): number {
  const ids = new Set(k.kinds.filter((x) => x.owed === key).map((x) => x.provision));
  return (s.notEvaluated ?? []).filter((n) => ids.has(n.provision) || n.provision.split('/').some((p) => ids.has(p))).length;
}

/** How many findings that add to total `key` could not be decided (the total is then at least its value). */
export function owedUndecided(s: EvaluationSummary<string>, key: string, k: Kinds): number {
  return k.kinds.filter((x) => x.owed === key).reduce((n, x) => n + (s.byProvision[x.provision]?.unknown ?? 0), 0);
}

const isZero = (v: FindingValue): boolean => (typeof v === 'number' ? v === 0 : typeof v === 'object' && v !== null && v.isZero());

/**
 * A total owed as a row: its amount formatted in its unit; 未评估 (not 0) when the checks adding to it were not
 * evaluated, 无法判断 when nothing failed but some could not be decided; and a note saying which.
 */
export function owedRow(
  lead: readonly CellIn[],
  t: { readonly key: string; readonly name: { readonly zh: string; readonly en: string }; readonly unit: string },
  value: FindingValue | undefined,
  s: EvaluationSummary<string>,
  k: Kinds,
  lang: Lang,
): Row {
  const zh = lang === 'zh';
  const gaps = owedNotEvaluated(s, t.key, k);
  const undecided = owedUndecided(s, t.key, k);
  const unit = unitWords(t.unit, lang);
  const none = value === null || value === undefined;
  const notes: string[] = [];
  if (gaps > 0) notes.push(zh ? `${gaps} 项检查未评估` : `${gaps} ${gaps === 1 ? 'check' : 'checks'} not evaluated`);
  if (undecided > 0) notes.push(zh ? `${undecided} 项无法判断，合计至少为此数` : `${undecided} could not be decided: the total is at least this`);
  const note = notes.join(zh ? '；' : '; ') || null;
  if ((none || isZero(value)) && gaps > 0) return { cells: [...lead, t.name[lang], NOT_EVALUATED[lang], unit, note], fill: 'notEvaluated' };
  if ((none || isZero(value)) && undecided > 0) return { cells: [...lead, t.name[lang], STATUS_WORDS.unknown[lang], unit, note], fill: 'unknown' };
  if (none) return { cells: [...lead, t.name[lang], zh ? '未填报' : 'not given', unit, note] };
  return {
    cells: [...lead, t.name[lang], valueCell(value, t.unit, lang), unit, note],
    ...(gaps + undecided > 0 && { fill: gaps > 0 ? 'notEvaluated' : 'unknown' }),
  };
}

/** The header of the rows {@link owedRow} makes, after the lead columns. */
export const OWED_HEAD = { zh: ['合计', '数值', '单位', '说明'], en: ['total', 'amount', 'unit', 'note'] } as const;

const UNIT_WORDS: Readonly<Record<string, { zh: string; en: string }>> = {
  share: { zh: '比例', en: 'share' },
  deviation: { zh: '偏差比例', en: 'deviation (share)' },
  m2: { zh: 'm²', en: 'm²' },
  yuan: { zh: '元', en: 'yuan' },
  workers: { zh: '名', en: 'workers' },
  flag: { zh: '是/否', en: 'yes/no' },
  villages: { zh: '个村(组)', en: 'villages' },
  option: { zh: '口径选项', en: 'option' },
  year: { zh: '年份', en: 'year' },
  years: { zh: '年', en: 'years' },
};

const PER_WORDS: Readonly<Record<string, string>> = { worker: '名', workers: '名', community: '社区', year: '年', household: '户', households: '户' };

/**
 * A unit in words. A unit a provision declares in words of its own is shown as it is, but for the English of a
 * rate in a Chinese workbook: `户 per worker` reads `户/名`.
 */
export function unitWords(unit: string, lang: Lang): string {
  const known = UNIT_WORDS[unit]?.[lang];
  if (known !== undefined) return known;
  if (lang !== 'zh' || !unit.includes(' per ')) return unit;
  return unit
    .split(' per ')
    .map((part) => part.replace(/\b[a-z]+\b/g, (w) => PER_WORDS[w] ?? w).trim())
    .join('/');
}

// ——— findings ———

/** A year: digits alone, never grouped. */
export const yearCell = (y: number): CellIn => ({ v: y, fmt: 'plain' });

/** A finding as a row: its subject and provision in words beside their ids, its values in their formats, coloured by its status. */
export function findingRow(y: number, f: Finding, lang: Lang, names: Readonly<Record<string, string>>, k: Kinds): Row {
  const unit = unitOf(f.provision, k);
  const kind = k.kind(f.provision);
  // The money a developer owes, when no price was given, stands as an area: its message says so; no number in yuan.
  const areaForMoney = expectedIsArea(f, k);
  const expected = valueCell(f.expected, unit, lang);
  return {
    cells: [
      yearCell(y),
      subjectWords(f.subject, lang),
      names[f.subject] ?? null,
      kind?.name[lang] ?? f.provision,
      kind?.label ?? f.provision,
      f.clause,
      STATUS_WORDS[f.status][lang],
      areaForMoney
        ? null
        : unit === 'deviation' && expected !== null && typeof expected === 'object' && 'v' in expected
          ? { ...expected, fmt: 'tolerance' }
          : expected,
      valueCell(f.actual, unit, lang),
      // A yes/no falls short by no amount: its shortfall is not a number to add up.
      f.status === 'fail' && f.shortfall && unit !== 'flag' ? valueCell(f.shortfall, unit, lang) : null,
      unit ? unitWords(unit, lang) : null,
      f.message[lang],
      // The document that changed it, when documents were laid over the policy (the column is there only then).
      ...(k.sources.length > 1 ? [f.cites?.length ? k.cited(f.cites, lang) : null] : []),
    ],
    fill: STATUS_FILL[f.status],
  };
}

/** The header of the rows {@link findingRow} makes (with the column of the documents laid over the policy, when there are some). */
export function findingHead(lang: Lang, cites: boolean): string[] {
  return lang === 'zh'
    ? ['年度', '对象', '名称', '条款', '编号', '条文', '结果', '要求', '实际', '差额', '单位', '说明', ...(cites ? ['依据的文件'] : [])]
    : [
        'year',
        'subject',
        'name',
        'provision',
        'id',
        'clause',
        'status',
        'expected',
        'actual',
        'shortfall',
        'unit',
        'message',
        ...(cites ? ['per document'] : []),
      ];
}

/** What applies but was not evaluated, as a row of the findings (never a silent gap). */
export function notEvaluatedRow(y: number, n: NotEvaluated, lang: Lang, k: Kinds): Row {
  const kind = k.kind(n.provision);
  return {
    cells: [
      yearCell(y),
      subjectWords(n.subject, lang),
      null,
      kind?.name[lang] ?? n.provision,
      kind?.label ?? n.provision,
      n.clause,
      NOT_EVALUATED[lang],
      null,
      null,
      null,
      null,
      n.reason[lang],
      ...(k.sources.length > 1 ? [n.cites?.length ? k.cited(n.cites, lang) : null] : []),
    ],
    fill: 'notEvaluated',
  };
}

// ——— the readings, parameters and documents: the sheet that lets the workbook be audited alone ———

/** The header of the rows {@link auditRows} makes. */
export const AUDIT_HEAD = {
  zh: ['类别', '编号', '内容', '所用取值', '默认', '单位', '条文', '适用起始', '来源文件', '说明'],
  en: ['kind', 'id', 'what', 'value used', 'default', 'unit', 'clause', 'applies from', 'document', 'note'],
} as const;

const KIND_WORDS = {
  reading: { zh: '口径', en: 'reading' },
  parameter: { zh: '参数', en: 'parameter' },
  source: { zh: '文件', en: 'document' },
} as const;

/** Where a value set for this evaluation comes from, when no document of the policy set it. */
const SET_HERE = { zh: '本次评估设定(与文件不同)', en: 'set for this evaluation (not the document’s)' } as const;

/** A day as a date cell; a year or a month alone as text (never a guessed day). */
const dayCell = (day: string | undefined): CellIn => (day === undefined ? null : /^\d{4}-\d{2}-\d{2}$/.test(day) ? { v: { date: day }, fmt: 'date' } : day);

/** A parameter's value as a cell: a number in its unit's format, an option by its words where a reading names it. */
function parameterCell(v: unknown, unit: string, words: string | undefined): CellIn {
  if (v === undefined || v === null) return null;
  if (words !== undefined) return words;
  if (typeof v === 'number' || D.isDecimal(v) || (typeof v === 'string' && unit !== 'option' && /^-?\d+(\.\d+)?$/.test(v))) {
    const d = new D(v as Decimal.Value);
    const fmt: NumberFormat | undefined = unit === 'share' ? 'share' : unit === 'year' ? 'plain' : d.isInteger() ? 'count' : undefined;
    return { v: d, fmt };
  }
  return String(v);
}

/**
 * The rows of the audit sheet for a policy: each reading of its register with the choice its parameter makes and
 * whether that is the default, each parameter with the value the evaluation used, its unit, clause, the day it
 * applies from and the document it comes from, and each document the policy is made of. A row that differs from
 * the policy as written is marked (fill `note`).
 */
export function auditRows(policy: PolicyCore, lang: Lang, day: string, lead: readonly CellIn[] = []): Row[] {
  const k = policy.sources;
  const own = k[0]!;
  const title = (s: Source | undefined) => (s === undefined ? null : lang === 'zh' ? `《${s.title.zh}》` : s.title.en);
  const byId = new Map(k.map((s) => [s.id, s]));
  // The policy as written by its own list: the defaults a reading and a parameter are held against.
  const declarations = declarationsOf(policy.provisions);
  const declaredOf = new Map(declarations.map((d) => [d.path, d]));
  const defaults = parametersOn(declarations);
  const register = registerOf(policy.provisions);
  const rows: Row[] = [];
  const asOf = policy.asOf(day);
  const parameterOf = new Map(asOf.map((p) => [p.path, p]));
  const text = (v: unknown) => (v === undefined ? undefined : D.isDecimal(v) ? (v as Decimal).toFixed() : String(v));
  for (const r of register) {
    // A reading whose parameter the policy leaves unset takes its default (as the rule that reads it does).
    const shown = (r.parameter === null ? undefined : text(valueAtPath(policy.parameters, r.parameter))) ?? r.default;
    const written = (r.parameter === null ? undefined : text(valueAtPath(defaults, r.parameter))) ?? r.default;
    const isDefault = shown === written;
    const option = r.options.find((o) => o.id === shown);
    const p = r.parameter === null ? undefined : parameterOf.get(r.parameter);
    // A closed list's choice in its words; a free value (a tolerance, a deadline) as a value in its unit.
    const choice: CellIn = r.optionKind === 'enum' && option ? option.formula[lang] : parameterCell(shown, String(p?.unit ?? 'option'), undefined);
    rows.push({
      cells: [
        ...lead,
        KIND_WORDS.reading[lang],
        r.id,
        r.question[lang],
        choice,
        yesNo(isDefault, lang),
        p && p.unit !== 'option' ? unitWords(String(p.unit), lang) : null,
        r.clause,
        null,
        isDefault ? title(own) : SET_HERE[lang],
        r.why[lang],
      ],
      ...(!isDefault && { fill: 'note' as const }),
    });
  }
  const readingOf = new Map(register.filter((r) => r.parameter !== null).map((r) => [r.parameter!, r]));
  for (const p of asOf) {
    const used = valueAtPath(policy.parameters, p.path);
    const written = valueAtPath(defaults, p.path);
    const reading = readingOf.get(p.path);
    const option = reading?.options.find((o) => o.id === String(used));
    // The document its value comes from: the one that declared the value used (a document laid over the policy
    // declares its values with its citation), else the one the value in force on the day cites, else the policy's own.
    const declaredValue = [...(declaredOf.get(p.path)?.values ?? [])].reverse().find((v) => text(v.value) === text(used));
    const cited = declaredValue?.cites?.source ?? p.cites?.[0]?.source;
    const from = declaredValue?.from ?? p.from;
    // A parameter of a provision a document added or replaced: that document is named beside the policy's own.
    const changedBy = policy.provisions.find((x) => Object.hasOwn(x.parameters, p.path))?.cites?.map((c) => byId.get(c.source));
    // As the documents set it (their first value, or a dated one), or set for this evaluation (an override).
    const same = text(used) === text(written) || declaredValue !== undefined;
    // What it serves in words: the finding whose id is (or joins) the id, or the reading by its id.
    const findings = policy.provisions.flatMap((x) => Object.entries(x.findings));
    const serves = p.provisions.map((id) => {
      const f = findings.find(([fid]) => fid === id) ?? findings.find(([fid]) => fid.split('/').includes(id));
      if (f) return f[1].name[lang];
      return register.some((r) => r.id === id) ? (lang === 'zh' ? `口径 ${id}` : `reading ${id}`) : id;
    });
    rows.push({
      cells: [
        ...lead,
        KIND_WORDS.parameter[lang],
        p.path,
        [...new Set(serves)].join(lang === 'zh' ? '、' : ', '),
        parameterCell(used, String(p.unit), p.unit === 'option' ? option?.formula[lang] : undefined),
        yesNo(same, lang),
        unitWords(String(p.unit), lang),
        p.clause,
        dayCell(from),
        cited !== undefined ? title(byId.get(cited) ?? own) : same ? title(own) : SET_HERE[lang],
        [
          p.optional ? (lang === 'zh' ? '本政策未设定，可另行设定' : 'not set by the policy itself: may be set') : undefined,
          cited === undefined && changedBy?.length
            ? `${lang === 'zh' ? '所属条款经' : 'its provision added or changed by '}${changedBy.map(title).join(lang === 'zh' ? '、' : '; ')}${lang === 'zh' ? '增补或修改' : ''}`
            : undefined,
        ]
          .filter((x) => x !== undefined)
          .join(lang === 'zh' ? '；' : '; ') || null,
      ],
      ...(!same && { fill: 'note' as const }),
    });
  }
  for (const s of k) {
    const meta = [s.number, s.status && SOURCE_STATUS[s.status]?.[lang], s.note?.[lang]].filter((x) => x !== undefined && x !== '');
    rows.push({
      cells: [
        ...lead,
        KIND_WORDS.source[lang],
        s.id,
        title(s),
        null,
        null,
        null,
        null,
        dayCell(s.date),
        s.body[lang],
        meta.join(lang === 'zh' ? '；' : '; ') || null,
      ],
    });
  }
  return rows;
}
