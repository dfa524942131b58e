/**
 * The words a report reads in, in one place, for every report format (text,
 * Markdown, the workbook, the HTML view): provisions named in words with the
 * Q-id beside them, 是/否 and yes/no, shares as percentages, money with
 * separators (or in 万元), a unit on every value. Display only: it rounds
 * for the eye; the JSON report keeps the exact values.
 */
import type { Decimal } from 'decimal.js';
import { b, type Bilingual } from '../bilingual.js';
import { D } from '../decimal.js';
import type { Finding, FindingValue } from '../evaluate/evaluate.js';
import type { Kinds } from '../evaluate/kinds.js';
import type { Lang } from '../trace.js';
import type { ValueUnit } from '../provisions/declare.js';
import { countWords, NOT_GIVEN, STATUS, yesNo } from '../present/words.js';
import { showArea, showMoney, showNumber, showShare } from '../present/format.js';

export type { ValueUnit };

/** A provision in words with its id beside it: `一楼用房 (A.3.4)`, as the policy's list declares it. */
export function provisionLabel(provision: string, lang: Lang, k: Kinds): string {
  const kind = k.kind(provision);
  return kind ? `${kind.name[lang]} (${kind.label ?? provision})` : provision;
}

/**
 * Whether a finding's expected value is an area standing for money that cannot be priced: its kind declares the
 * text (`areaWhen`) its message then holds. For the reports and the views alike.
 */
export function expectedIsArea(f: { readonly provision: string; readonly status: string; readonly message: { readonly en: string } }, k: Kinds): boolean {
  const when = k.kind(f.provision)?.areaWhen;
  return when !== undefined && f.status === 'unknown' && f.message.en.includes(when);
}

/** The unit of a provision's values. */
export const unitOf = (provision: string, k: Kinds): ValueUnit | undefined => k.kind(provision)?.unit;

/** Digits grouped by thousands: 1350000 → 1,350,000 (and at most `places` decimals, trailing zeros dropped). */
export const grouped = (value: Decimal | number | string, places = 2): string => showNumber(value, places).text;

/** A share as a percentage with at most one decimal: 0.80555… → `80.6 %`. */
export const percent = (value: Decimal | number | string): string => showShare(value).text;

export { yesNo };

/** Money: `1,350,000 元`, fen only where there are fen; with `wan`, amounts of 10,000 or more in 万元 (`135 万元`). */
export function money(value: Decimal | number | string, lang: Lang, wan = false): string {
  const d = new D(value as Decimal.Value);
  if (wan && d.abs().gte(10000)) return `${grouped(d.div(10000), 4)} ${lang === 'zh' ? '万元' : '× 10,000 yuan'}`;
  return showMoney(d, lang).text;
}

/** An area: `554.25 m²`. */
export const area = (value: Decimal | number | string): string => showArea(value).text;

/** A count with its unit. */
export const count = (n: number, unit: 'workers' | 'villages' | 'households' | 'residents' | 'communities', lang: Lang): string => countWords(n, unit, lang);

export { NOT_GIVEN };

/** A value with its unit, as a report shows it. */
export function valueWords(v: FindingValue, unit: ValueUnit | undefined, lang: Lang): string {
  if (v === null) return NOT_GIVEN[lang];
  if (typeof v === 'boolean') return yesNo(v, lang);
  if (typeof v === 'string') return v;
  switch (unit) {
    case 'share':
      return percent(v);
    case 'deviation':
      return percent(v);
    case 'm2':
      return area(v);
    case 'yuan':
      return money(v, lang);
    case 'workers':
    case 'villages':
      // Without village counts, the rollout expects a share of the villages.
      return typeof v === 'number' ? count(v, unit as 'workers' | 'villages', lang) : percent(v);
    default: {
      // A unit of a provision of another document is shown as it is named.
      const n = typeof v === 'number' ? grouped(v, 0) : grouped(v, 4);
      return unit === undefined || unit === 'flag' ? n : `${n} ${unit}`;
    }
  }
}

/**
 * A finding's expected and actual values in words. The one case where a
 * finding's expected value is not in its provision's unit — a developer's
 * room money owed as an area because no price per m² was given — shows
 * no expected value: the message gives the area.
 */
export function findingValues(f: Finding, lang: Lang, k: Kinds): { expected: string; actual: string } {
  const unit = unitOf(f.provision, k);
  const areaForMoney = expectedIsArea(f, k);
  // Room money without a price: the yuan due are unknown (the area it stands for is in the message and in `areaEquivalentM2`).
  const expected = areaForMoney
    ? lang === 'zh'
      ? '—(无单价)'
      : '— (no price)'
    : unit === 'deviation' && f.expected !== null
      ? `±${percent(f.expected as Decimal)}`
      : valueWords(f.expected, unit, lang);
  return { expected, actual: valueWords(f.actual, unit, lang) };
}

/**
 * The subjects that are not an id, as the checks make them: the city, and the city's development projects taken
 * together (what a dataset that lists no projects, or a table of communities, leaves unevaluated). `city/YYYY`, the
 * city's budget of a year, is said in {@link subjectWords}.
 */
const SUBJECT_WORDS: Readonly<Record<string, Bilingual>> = {
  city: b('全市', 'the city'),
  projects: b('开发建设项目', 'the development projects'),
};

/** A finding's subject in words: the city, the city's budget of a year, the development projects, or a community (with its name when known). */
export function subjectWords(subject: string, lang: Lang, names?: Readonly<Record<string, string>>): string {
  if (Object.hasOwn(SUBJECT_WORDS, subject)) return SUBJECT_WORDS[subject]![lang];
  const m = /^city\/(\d{4})$/.exec(subject);
  if (m) return lang === 'zh' ? `全市 ${m[1]} 年` : `the city, ${m[1]}`;
  const name = names && Object.hasOwn(names, subject) ? names[subject] : undefined;
  return name && name !== subject ? `${name} ${subject}` : subject;
}

/** Status words (the presentation's one table). */
export const STATUS_WORDS: Readonly<Record<'pass' | 'fail' | 'unknown', Bilingual>> = STATUS;

/** The text encodings in words. */
export function encodingWords(name: string, lang: Lang): string {
  if (lang === 'en') return name;
  return { 'UTF-8': 'UTF-8', 'UTF-8 with BOM': 'UTF-8(带 BOM)', 'UTF-16LE': 'UTF-16LE', 'UTF-16BE': 'UTF-16BE', GB18030: 'GB18030(含 GBK)' }[name] ?? name;
}
