/**
 * The explorer's one place for naming things and showing values: every part
 * of the page that names a field, a parameter, a unit or a reading's option,
 * or shows a value, asks here. It takes what the library declares (the
 * rules' field words, the readings' options, the views' value display); what
 * the library does not yet declare (the parameters' names, their units in
 * words) is said here once, until the declarations carry it.
 */
import { interpretations } from '../../src/spec.js';
import type { Lang } from '../../src/index.js';
import { fieldInfo, fieldName } from '../../src/view/fields.js';
import { exact, grouped } from '../../src/view/html.js';
import { RULE_INPUTS, showValue, type RuleName } from './lib.js';

type Words = { readonly zh: string; readonly en: string };
const w = (zh: string, en: string): Words => ({ zh, en });

/** A field of a rule's input or result in words (its own name only when nobody has named it: a user's rule). */
export function fieldLabel(name: string, lang: Lang, rule?: RuleName): string {
  return fieldName(name, lang, rule, RULE_INPUTS);
}

/** The unit of a rule's field in words ('' for none): `户`, `m²`, `元`. */
export function fieldUnit(name: string, lang: Lang, rule?: RuleName): string {
  const unit = fieldInfo(name, rule, RULE_INPUTS)?.unit;
  return unit ? showValue(1, unit, lang).replace(/^1 ?/, '') : '';
}

/** A value with its unit, in the page's language. */
export const show = showValue;

/** An option of a reading in words: its formula, as the register states it (the id only for an unknown option). */
export function optionLabel(readingId: string, option: string, lang: Lang): string {
  const i = interpretations.find((x) => x.id === readingId);
  return i?.options.find((o) => o.id === option)?.formula[lang] ?? option;
}

/** The parameters' names in words, by path. */
const PARAMETER_NAMES: Readonly<Record<string, Words>> = {
  horizonYears: w('目标期限', 'Horizon of the targets'),
  'targets.urbanShare': w('城市社区达标比例', 'Urban communities to meet the standard'),
  'targets.ruralShare': w('农村社区达标比例', 'Rural communities to meet the standard'),
  'targets.interim': w('期满前的年度目标', 'Targets before the deadline'),
  'sizing.households': w('社区规模：户数', 'Community size: households'),
  'sizing.residents': w('社区规模：人数', 'Community size: residents'),
  'sizing.tolerance': w('“左右”的幅度', 'How far “about” reaches'),
  'rollout.startYear': w('农村社区推行起始年', 'First year of the rural rollout'),
  'rollout.sharePerYear': w('每年推行比例', 'Share rolled out a year'),
  'rollout.mode': w('推行比例的计算方式', 'How the yearly share counts'),
  'rooms.m2Per100Residents': w('用房标准(每百名居民)', 'Rooms per 100 residents'),
  'rooms.m2Per100Households': w('用房标准(每百户)', 'Rooms per 100 households'),
  'staffing.householdsPerWorker': w('每名社区工作者服务户数', 'Households per worker'),
  'staffing.rounding': w('人员配备的取整方式', 'Rounding of the workers'),
  baseYear: w('基数年份', 'Base year'),
  'funding.firstGrowthYear': w('资金首个增长年份', 'First year of growth'),
  'funding.growthRate': w('资金年增长比例', 'Yearly growth of the fund'),
  'funding.mode': w('资金增长方式', 'How the fund grows'),
  'streetSubsidy.minimumPerCommunityPerYear': w('街道配套补助下限', 'Street subsidy minimum'),
  'streetSubsidy.proration': w('存续不满一年的社区', 'A community active for part of a year'),
  'developer.thresholdM2': w('开发项目面积界限', 'Project size threshold'),
  'developer.boundary': w('恰为界限的项目', 'A project exactly at the threshold'),
  'developer.fundsRate': w('用房资金比例', 'Room money rate'),
};

/** The parameters' units in words, by the unit as declared. */
const PARAMETER_UNITS: Readonly<Record<string, Words>> = {
  years: w('年', 'years'),
  year: w('', ''),
  share: w('', ''),
  option: w('', ''),
  户: w('户', 'households'),
  人: w('人', 'residents'),
  'm²': w('m²', 'm²'),
  'm² per 100 人': w('m²/百人', 'm² per 100 residents'),
  'm² per 100 户': w('m²/百户', 'm² per 100 households'),
  '户 per worker': w('户/名', 'households per worker'),
  '元 per community per year': w('元/社区·年', 'yuan per community a year'),
};

/** A parameter's name in words (its path only for a parameter nobody has named: a user's). */
export const parameterLabel = (path: string, lang: Lang): string => PARAMETER_NAMES[path]?.[lang] ?? path;

/** A parameter's unit in words ('' when its value says it: a share in %, an option in words, a year). */
export const parameterUnit = (unit: string, lang: Lang): string => PARAMETER_UNITS[unit]?.[lang] ?? unit;

/** A parameter's value as shown (its unit is said apart): a share as a percentage, an option in words, a number grouped. */
export function parameterValue(path: string, unit: string, value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return lang === 'zh' ? '未设置' : 'not set';
  if (unit === 'share') return show(value, 'share', lang);
  if (unit === 'option') {
    const reading = interpretations.find((i) => i.parameter === path);
    return reading ? optionLabel(reading.id, String(value), lang) : String(value);
  }
  return unit === 'year' ? String(value) : grouped(exact(value));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A day as people write it: 2013年7月1日, 1 July 2013 (a text that is not an ISO day as it is). */
export function dayWords(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  return lang === 'zh' ? `${y}年${mo}月${d}日` : `${d} ${MONTHS[mo - 1]} ${y}`;
}
