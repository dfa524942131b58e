/**
 * The explorer's one place for naming things and showing values: every part
 * of the page that names a field, a parameter, a unit or a reading's option,
 * or shows a value, asks here, and here asks the library: the rules' field
 * words, the parameters' and readings' own declarations, and the one
 * formatter and table of words of `src/present/`. The page names nothing and
 * formats nothing of its own.
 */
import { interpretations } from '../../src/spec.js';
import { NINGGUO_2011, type Lang } from '../../src/index.js';
import { showDate } from '../../src/present/format.js';
import { optionWords, parameterValueWords, parameterWords, showValue, unitWords } from '../../src/present/words.js';
import { fieldInfo, fieldName } from '../../src/view/fields.js';
import { esc, RULE_INPUTS, type RuleName } from './lib.js';

/** A field of a rule's input or result in words (its own name only when nobody has named it: a user's rule). */
export function fieldLabel(name: string, lang: Lang, rule?: RuleName): string {
  return fieldName(name, lang, rule, RULE_INPUTS);
}

/** The unit of a rule's field in words ('' for none): `户`, `m²`, `元`. */
export function fieldUnit(name: string, lang: Lang, rule?: RuleName): string {
  const unit = fieldInfo(name, rule, RULE_INPUTS)?.unit;
  return unit ? unitWords(unit, lang) : '';
}

/** A value with its unit, in the page's language, as the library's formatter shows it (`80.6 %`, `1,350,000 元`, `554.25 m²`). */
export const show = (value: unknown, unit: string | undefined, lang: Lang): string => showValue(value, unit, lang).text;

/** A value as HTML: the shown text, with the exact value in a title when the text rounds it. */
export function showHtml(value: unknown, unit: string | undefined, lang: Lang): string {
  const s = showValue(value, unit, lang);
  return s.rounded ? `<span title="${esc(s.exact)}">${esc(s.text)}</span>` : esc(s.text);
}

/** The interpretation register's entry of a parameter, when a reading sets it. */
const readingOf = (path: string) => interpretations.find((i) => i.parameter === path);

/** A reading's option in words, as the register declares it (its label, else its formula). */
export function optionLabel(readingId: string, option: string, lang: Lang): string {
  return optionWords(option, interpretations.find((x) => x.id === readingId)?.options, lang);
}

/** A parameter's declaration in the city's document (its name, unit and values), by path. */
function declarationOf(path: string): { readonly name?: { zh: string; en: string } } | undefined {
  for (const p of NINGGUO_2011) {
    const d = (p.parameters as Readonly<Record<string, { readonly name?: { zh: string; en: string } }>>)[path];
    if (d) return d;
  }
  return undefined;
}

/** A parameter's name in words, as its provision declares it. */
export const parameterLabel = (path: string, lang: Lang): string => parameterWords(path, declarationOf(path), lang);

/** A parameter's unit in words ('' when its value says it: a share in %, an option in words, a year). */
export const parameterUnit = (unit: string, lang: Lang): string => unitWords(unit, lang);

/** A parameter's value as shown (its unit is said apart): a share as a percentage, an option in words, a number grouped. */
export function parameterValue(path: string, unit: string, value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return lang === 'zh' ? '未设置' : 'not set';
  if (unit === 'share' || unit === 'option' || unit === 'year') return parameterValueWords(value, unit, lang, readingOf(path)?.options);
  return showValue(value, undefined, lang).text;
}

/** A day as people write it: 2013年7月1日 in Chinese. */
export const dayWords = (iso: string, lang: Lang): string => showDate(iso, lang).text;
