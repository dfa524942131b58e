/**
 * What the views need to know about the rules' inputs and results: each
 * field's name in both languages and its unit, and each rule's inputs with a
 * worked example. Tests hold this against the rules (every field of every
 * rule's result is named; every example is accepted by its rule), so it
 * cannot drift from them unnoticed.
 */
import type { RuleName as PolicyRuleName } from '../create-policy.js';
import { NINGGUO_2011 } from '../policies/ningguo-2011.js';
import type { Lang } from '../trace.js';
import type { InputKind as DeclaredInputKind, FieldUnit, RuleAbout } from '../provisions/declare.js';
import type { Provision } from '../provisions/provision.js';
import { exact, grouped, isDecimal, percent, yesNo } from './html.js';

/** How a value is shown. */
export type Unit = FieldUnit;

const UNIT: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  households: { zh: '户', en: 'households' },
  people: { zh: '人', en: 'people' },
  m2: { zh: 'm²', en: 'm²' },
  yuan: { zh: '元', en: 'yuan' },
  share: { zh: '', en: '' },
  year: { zh: '年', en: '' },
  years: { zh: '年', en: 'years' },
  workers: { zh: '名', en: 'workers' },
  communities: { zh: '个', en: 'communities' },
  villages: { zh: '个村(组)', en: 'villages' },
  days: { zh: '天', en: 'days' },
  flag: { zh: '', en: '' },
  option: { zh: '', en: '' },
  date: { zh: '', en: '' },
};

/** The unit's word in a language ('' for none). */
export const unitWord = (unit: Unit, lang: Lang): string => (Object.hasOwn(UNIT, unit) ? UNIT[unit]![lang] : unit);

/** A field of a rule's input or result. */
export interface FieldInfo {
  readonly zh: string;
  readonly en: string;
  readonly unit: Unit;
}

const f = (zh: string, en: string, unit: Unit): FieldInfo => ({ zh, en, unit });

/** The field names rules take or give, with their words and units (a rule's own `words` come first: see {@link fieldInfo}). */
export const FIELDS: Readonly<Record<string, FieldInfo>> = {
  // inputs (and results that repeat them)
  households: f('户数', 'Households', 'households'),
  floatingHouseholds: f('流动人口户数', 'Floating households', 'households'),
  residents: f('居民人数', 'Residents', 'people'),
  year: f('年份', 'Year', 'year'),
  villages: f('村(组)总数', 'Villages', 'villages'),
  baseYearTotal: f('2011年基数', 'Base-year total', 'yuan'),
  from: f('起始年份', 'From', 'year'),
  to: f('截止年份', 'To', 'year'),
  communities: f('社区个数', 'Communities', 'communities'),
  activeFrom: f('成立日期', 'Active from', 'date'),
  activeTo: f('撤销日期', 'Active to', 'date'),
  floorAreaM2: f('开发面积', 'Developed floor area', 'm2'),
  pricePerM2: f('每平方米单价', 'Price per m²', 'yuan'),
  // results
  staff: f('所需社区工作者', 'Workers required', 'workers'),
  totalHouseholds: f('计入户数', 'Households counted', 'households'),
  areaM2: f('所需用房面积', 'Rooms required', 'm2'),
  basis: f('计算口径', 'Basis', 'option'),
  withinGuideline: f('符合规模标准', 'Within the guideline', 'flag'),
  householdsWithin: f('户数在幅度内', 'Households within', 'flag'),
  residentsWithin: f('人口在幅度内', 'Residents within', 'flag'),
  householdDeviation: f('户数偏差', 'Household deviation', 'share'),
  residentDeviation: f('人口偏差', 'Resident deviation', 'share'),
  householdsPerCommunity: f('每社区户数', 'Households per community', 'households'),
  residentsPerCommunity: f('每社区人数', 'Residents per community', 'people'),
  share: f('累计推行比例', 'Cumulative share', 'share'),
  rolloutYears: f('推行年数', 'Rollout years', 'years'),
  villagesCovered: f('应覆盖村(组)', 'Villages to reach', 'villages'),
  amount: f('金额', 'Amount', 'yuan'),
  growthYears: f('增长次数', 'Growth steps', 'years'),
  perCommunity: f('每社区下限', 'Per community', 'yuan'),
  daysActive: f('存续天数', 'Days active', 'days'),
  daysInYear: f('当年天数', 'Days in the year', 'days'),
  route: f('方式', 'Route', 'option'),
  roomAreaM2: f('配建用房面积', 'Rooms in kind', 'm2'),
  fundsAreaM2: f('用房资金面积当量', 'Room money, area equivalent', 'm2'),
  urbanShare: f('城市社区目标', 'Urban target', 'share'),
  ruralShare: f('农村社区目标', 'Rural target', 'share'),
  deadlineYear: f('到期年份', 'Deadline', 'year'),
  horizonYears: f('期限年数', 'Horizon', 'years'),
  yearsElapsed: f('已过年数', 'Years elapsed', 'years'),
  yearsRemaining: f('剩余年数', 'Years remaining', 'years'),
  due: f('已到期', 'Due', 'flag'),
};

/** Result fields that are not values (shown apart, or not at all). */
export const META_FIELDS: ReadonlySet<string> = new Set(['clause', 'interpretations', 'trace', 'rows']);

/** A value with its unit, exact, in a language: `'5 名'`, `'400.05 m²'`, `'90 %'`, `'是'`. */
export function showValue(v: unknown, unit: Unit, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return yesNo(v, lang);
  if (unit === 'share' && (isDecimal(v) || typeof v === 'number' || typeof v === 'string') && /^-?\d/.test(exact(v))) return percent(v as string);
  const digits = exact(v);
  if (unit === 'year' || unit === 'option' || unit === 'date' || unit === 'flag') return digits;
  const word = unitWord(unit, lang);
  return word ? `${grouped(digits)} ${word}` : grouped(digits);
}

/** A field's words and unit: the rule's own when it declares them, else the shared ones. */
export const fieldInfo = (name: string, rule?: string, rules: Readonly<Record<string, RuleInputs>> = RULE_INPUTS): FieldInfo | undefined =>
  (rule && Object.hasOwn(rules, rule) ? rules[rule]!.words?.[name] : undefined) || FIELDS[name];

/** The name of a field in a language (the field's own name when the views do not know it). */
export const fieldName = (name: string, lang: Lang, rule?: string, rules?: Readonly<Record<string, RuleInputs>>): string =>
  fieldInfo(name, rule, rules)?.[lang] ?? name;

/** How an input is typed. */
export type InputKind = DeclaredInputKind;

/** One input field of a rule. */
export interface RuleInputField {
  readonly name: string;
  readonly kind: InputKind;
  readonly required: boolean;
}

/** Names of the rules of the city's document. */
export type RuleName = PolicyRuleName;

/** A rule's inputs, and a worked example a reader can follow by hand. */
export interface RuleInputs {
  readonly fields: readonly RuleInputField[];
  readonly example: Readonly<Record<string, number | string>>;
  /** What a calculator starts with when it differs from the example (e.g. both counts, so either basis of the room reading computes). */
  readonly form?: Readonly<Record<string, number | string>>;
  /** Whether the result is a year-by-year table (`rows`), drawn as a chart. */
  readonly schedule: boolean;
  /** For a schedule: the field of its rows the chart draws. */
  readonly plots?: string;
  /** Words and units of its result's fields where they are its own. */
  readonly words?: Readonly<Record<string, FieldInfo>>;
}

/** Every rule of a list with its inputs and worked example, as its provision declares them, in document order. */
export function rulesAbout(list: readonly Provision[]): Readonly<Record<string, RuleAbout>> {
  return Object.fromEntries(list.flatMap((p) => Object.entries(p.rules).map(([name, r]) => [name, r.about])));
}

/** Every rule of the city's document with its inputs and worked example (the policy book's examples too). */
export const RULE_INPUTS: Readonly<Record<RuleName, RuleInputs>> = /* @__PURE__ */ rulesAbout(NINGGUO_2011) as Record<RuleName, RuleInputs>;

/**
 * A rule's input from the texts typed into a form: counts and years as whole
 * numbers when they are digits (anything else is passed as typed, so the
 * rule refuses it with its own message), amounts as exact decimal strings,
 * empty optional fields left out.
 */
export function inputFromText(rule: RuleName, texts: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of RULE_INPUTS[rule].fields) {
    const raw = (texts[field.name] ?? '').trim();
    if (raw === '') {
      if (field.required) input[field.name] = undefined;
      continue;
    }
    input[field.name] = (field.kind === 'count' || field.kind === 'year') && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
  }
  return input;
}
