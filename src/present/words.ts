/**
 * The one table of words every surface reads, in both languages, Chinese first: statuses, units (of findings,
 * fields and parameters), yes and no, and the words of the policy's own declarations — a parameter's `name`, a
 * reading option's `label` (or its formula) — so that a provision a user adds with `extendPolicy` is shown in
 * words too. A declaration without words is shown by its id in corner brackets with 未命名 / unnamed beside it:
 * visibly a gap, never a camelCase name passed off as a word.
 */
import type { Bilingual } from '../bilingual.js';
import { type Language, type Shown, showArea, showCount, showDeviation, showMoney, showNumber, showShare } from './format.js';

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
