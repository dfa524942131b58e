/**
 * The one table of words every surface reads, in both languages, Chinese first: statuses, units (of findings,
 * fields and parameters), yes and no, and the words of the policy's own declarations — a parameter's `name`, a
 * reading option's `label` (or its formula) — so that a provision a user adds with `extendPolicy` is shown in
 * words too. A declaration without words is shown by its id in corner brackets with 未命名 / unnamed beside it:
 * visibly a gap, never a camelCase name passed off as a word.
 */
import type { Bilingual } from '../bilingual.js';
import { type Language, type Shown, showArea, showCount, showDate, showDeviation, showMoney, showNumber, showShare } from './format.js';

/** The statuses of a finding and of a check in words. */
export const STATUS: Readonly<Record<'pass' | 'fail' | 'unknown' | 'notEvaluated' | 'notApplicable', Bilingual>> = {
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '未通过', en: 'fail' },
  unknown: { zh: '无法判断', en: 'unknown' },
  notEvaluated: { zh: '未评估', en: 'not evaluated' },
  notApplicable: { zh: '不适用', en: 'not applicable' },
};

/** What a surface shows for a value the data does not give. */
export const NOT_GIVEN: Bilingual = { zh: '未填报', en: 'not given' };

/** Yes and no. */
export const yesNo = (v: boolean, lang: Language): string => (v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no');

/** Every unit the library's declarations name, in words (the English singular where a count is one). */
const UNIT: Readonly<Record<string, Bilingual>> = {
  yuan: { zh: '元', en: 'yuan' },
  元: { zh: '元', en: 'yuan' },
  m2: { zh: 'm²', en: 'm²' },
  'm²': { zh: 'm²', en: 'm²' },
  workers: { zh: '名', en: 'workers' },
  villages: { zh: '个村(组)', en: 'villages' },
  households: { zh: '户', en: 'households' },
  户: { zh: '户', en: 'households' },
  people: { zh: '人', en: 'people' },
  residents: { zh: '人', en: 'residents' },
  人: { zh: '人', en: 'people' },
  communities: { zh: '个社区', en: 'communities' },
  days: { zh: '天', en: 'days' },
  years: { zh: '年', en: 'years' },
  'm² per 100 人': { zh: 'm²/百人', en: 'm² per 100 residents' },
  'm² per 100 户': { zh: 'm²/百户', en: 'm² per 100 households' },
  '户 per worker': { zh: '户/名', en: 'households per worker' },
  '元 per community per year': { zh: '元/社区·年', en: 'yuan per community and year' },
};
const SINGULAR: Readonly<Record<string, string>> = {
  workers: 'worker',
  villages: 'village',
  communities: 'community',
  households: 'household',
  days: 'day',
  years: 'year',
};

/** Units whose values are whole counts. */
const COUNTS = new Set(['workers', 'villages', 'households', '户', 'people', 'residents', '人', 'communities', 'days', 'years']);

/**
 * A unit in words (`'yuan'` → 元, `'m² per 100 户'` → m²/百户); a unit of another document's own is shown as it is
 * named; shares, options, flags, years and dates have no word of their own (empty).
 */
export function unitWords(unit: string | undefined, lang: Language, n?: number | string): string {
  if (unit === undefined || unit === 'share' || unit === 'deviation' || unit === 'option' || unit === 'flag' || unit === 'year' || unit === 'date') return '';
  const w = UNIT[unit];
  if (!w) return unit;
  return lang === 'en' && (n === 1 || n === '1') && SINGULAR[unit] !== undefined ? SINGULAR[unit]! : w[lang];
}

/**
 * A value with its unit, as every surface shows it: a share as a percentage, money with fen only where there are
 * fen, an area to two decimals, a count grouped, a year as its digits, true and false as yes and no, nothing as
 * 未填报 (not given).
 */
export function showValue(value: unknown, unit: string | undefined, lang: Language): Shown {
  if (value === null || value === undefined) return { text: NOT_GIVEN[lang], rounded: false, exact: '' };
  if (typeof value === 'boolean') return { text: yesNo(value, lang), rounded: false, exact: String(value) };
  if (typeof value === 'string' && !/^-?\d+(?:\.\d+)?$/.test(value)) return { text: value, rounded: false, exact: value };
  switch (unit) {
    case 'share':
      return showShare(value);
    case 'deviation':
      return showDeviation(value);
    case 'yuan':
    case '元':
      return showMoney(value, lang);
    case 'm2':
    case 'm²':
      return showArea(value);
    case 'year': {
      const t = String(typeof value === 'object' ? (value as { toFixed(): string }).toFixed() : value);
      return { text: t, rounded: false, exact: t };
    }
    default: {
      if (unit !== undefined && COUNTS.has(unit)) {
        const s = showNumber(value, 2);
        return { ...s, text: `${s.text} ${unitWords(unit, lang, s.exact)}` };
      }
      const words = unitWords(unit, lang);
      return showNumber(value, 4, words);
    }
  }
}

/** A count with its unit in words: `3 名`, `1 worker`. */
export const countWords = (n: number, unit: string, lang: Language): string => showCount(n, unitWords(unit, lang, n)).text;

/** How a declaration without words of its own is shown: its id in corner brackets, marked as unnamed. */
export function unnamed(id: string, lang: Language): string {
  return lang === 'zh' ? `〔${id}〕(未命名)` : `〔${id}〕 (unnamed)`;
}

/** A parameter in words: its declared `name`, or its path marked as unnamed. */
export function parameterWords(path: string, declaration: { readonly name?: Bilingual } | undefined, lang: Language): string {
  return declaration?.name?.[lang] ?? unnamed(path, lang);
}

/** A reading's option in words: its `label`, else its formula; an option the reading does not list is marked as unnamed. */
export function optionWords(
  id: string,
  options: readonly { readonly id: string; readonly formula: Bilingual; readonly label?: Bilingual }[] | undefined,
  lang: Language,
): string {
  const o = options?.find((x) => x.id === id);
  return o ? (o.label ?? o.formula)[lang] : unnamed(id, lang);
}

/**
 * A parameter's value in words: an option by its reading's words, a number with the parameter's unit (a share as a
 * percentage, money grouped).
 */
export function parameterValueWords(
  value: unknown,
  unit: string,
  lang: Language,
  options?: readonly { readonly id: string; readonly formula: Bilingual; readonly label?: Bilingual }[],
): string {
  if (unit === 'option' || (typeof value === 'string' && !/^-?\d+(?:\.\d+)?$/.test(value))) return optionWords(String(value), options, lang);
  return showValue(value, unit, lang).text;
}

/**
 * The numbers the policy's self-audit (K1–K11) sets beside its verdicts, in words, each with the unit its value is
 * in (as {@link showValue} takes it). An area of a standard is keyed `<standard id>AreaM2`: see {@link auditNumberWords}.
 */
export const AUDIT_NUMBERS: Readonly<Record<string, { readonly name: Bilingual; readonly unit?: string }>> = {
  deadlineYear: { name: { zh: '目标期限(当年年底)', en: 'deadline (end of the year)' }, unit: 'year' },
  rolloutShare: { name: { zh: '到期时农村社区推行的累计比例', en: 'rural rollout reached by then' }, unit: 'share' },
  ruralTarget: { name: { zh: '农村社区达标目标', en: 'rural target' }, unit: 'share' },
  households: { name: { zh: '户数', en: 'households' }, unit: 'households' },
  householdsPerWorker: { name: { zh: '每名社区工作者服务的户数', en: 'households per worker' }, unit: '户 per worker' },
  staff: { name: { zh: '所需社区工作者', en: 'workers needed' }, unit: 'workers' },
  remainder: { name: { zh: '余下的户数', en: 'households left over' }, unit: 'households' },
  residents: { name: { zh: '常住人口', en: 'residents' }, unit: 'residents' },
  basis: { name: { zh: '用房标准所按的人口', en: 'what the room standard counts' } },
  areaM2: { name: { zh: '用房面积', en: 'room area' }, unit: 'm2' },
  thresholdM2: { name: { zh: '开发面积门槛', en: 'threshold of floor area' }, unit: 'm2' },
  inKindClaims: { name: { zh: '“以上”条款包括门槛本身', en: 'the “or more” clause takes the threshold itself' }, unit: 'flag' },
  fundsClaims: { name: { zh: '“以下”条款包括门槛本身', en: 'the “or less” clause takes the threshold itself' }, unit: 'flag' },
  routeAtThreshold: { name: { zh: '门槛处所取的方式', en: 'route taken at the threshold' } },
  fundsAreaM2: { name: { zh: '用房资金折合的面积', en: 'area the room money stands for' }, unit: 'm2' },
  inKindAreaM2: { name: { zh: '按标准配建的用房面积', en: 'rooms in kind by the standard' }, unit: 'm2' },
  assumedFloorAreaPerHouseholdM2: { name: { zh: '假定的每户建筑面积', en: 'floor area per household assumed' }, unit: 'm2' },
  impliedHouseholdSize: { name: { zh: '隐含的每户人数', en: 'people per household implied' }, unit: 'people' },
  breakEvenFloorAreaPerHouseholdM2: {
    name: { zh: '两种负担相等时的每户建筑面积', en: 'floor area per household at which the two burdens are equal' },
    unit: 'm2',
  },
  localAreaM2: { name: { zh: '本市标准的用房面积', en: 'rooms by the city’s standard' }, unit: 'm2' },
  nationalPlan2011AreaM2: { name: { zh: '2011 年国家规划标准的用房面积', en: 'rooms by the national plan of 2011' }, unit: 'm2' },
  nationalPlan2021AreaM2: { name: { zh: '2021 年国家规划标准的用房面积', en: 'rooms by the national plan of 2021' }, unit: 'm2' },
  floorAreaM2: { name: { zh: '开发面积', en: 'developed floor area' }, unit: 'm2' },
  amountDetermined: { name: { zh: '金额能否确定', en: 'amount determined' }, unit: 'flag' },
  startYear: { name: { zh: '开始推行的年份', en: 'first year of the rollout' }, unit: 'year' },
  fullCoverageYear: { name: { zh: '全部覆盖的年份', en: 'year of full coverage' }, unit: 'year' },
  date: { name: { zh: '日期', en: 'day' }, unit: 'date' },
  standards: { name: { zh: '当日适用的国家标准', en: 'national standards in force on the day' } },
};

/** The words of the audit's values that are not numbers: what it says where no number exists, and its options. */
const AUDIT_VALUES: Readonly<Record<string, Bilingual>> = {
  never: { zh: '永不达到', en: 'never' },
  none: { zh: '无', en: 'none' },
  unknown: { zh: '不详', en: 'unknown' },
  residents: { zh: '常住人口', en: 'residents' },
  households: { zh: '户数', en: 'households' },
  'in-kind': { zh: '配建用房', en: 'rooms in kind' },
  funds: { zh: '缴纳用房资金', en: 'room money' },
};

/**
 * One number of the audit in words: its name (a standard's area by the standard's id, a key the table does not know
 * marked as unnamed) and its value through the one formatter; a word the audit writes instead of a number
 * (`never`, `none`, an option) in words.
 */
export function auditNumberWords(key: string, value: unknown, lang: Language): { name: string; shown: Shown } {
  const known = AUDIT_NUMBERS[key];
  const standard = known ? undefined : /^(.+)AreaM2$/.exec(key)?.[1];
  const name = known?.name[lang] ?? (standard !== undefined ? (lang === 'zh' ? `${standard} 标准的用房面积` : `rooms by ${standard}`) : unnamed(key, lang));
  const unit = known?.unit ?? (standard !== undefined ? 'm2' : undefined);
  if (typeof value === 'string' && AUDIT_VALUES[value]) return { name, shown: { text: AUDIT_VALUES[value][lang], rounded: false, exact: value } };
  if (unit === 'date' && typeof value === 'string') return { name, shown: showDate(value, lang) };
  return { name, shown: showValue(value, unit, lang) };
}

/** A document's status in words (how far it was read): one table for every surface. */
export const SOURCE_STATUS: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  verified: { zh: '已核实原文', en: 'verified in its text' },
  derivative: { zh: '转引', en: 'quoted by another document' },
  unverified: { zh: '未核实', en: 'unverified' },
};
