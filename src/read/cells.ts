/**
 * Reading one cell as people type it into Excel or WPS: "3,695", "3 695",
 * full-width digits, "300㎡", "3万", "2.5万元", 是/否/√/×, 2013年7月1日, and
 * the numbers, booleans and date serials a spreadsheet stores. An empty cell
 * is missing (the finding will be unknown), never 0. Exact: amounts come out
 * as plain decimal strings, counts as safe integers.
 */
import { D } from '../decimal.js';
import type { IssueCode } from '../errors.js';
import type { Bilingual } from '../policy/provisions.js';
import { amount as AMOUNT, count as COUNT, date as DATE, flag as FLAG, id as ID, squeeze, text as TEXT, year as YEAR } from '../kinds.js';
import { isoDay, YEAR_MAX, YEAR_MIN } from '../values.js';
import type { FieldKind } from './fields.js';

/** A cell as a reader hands it over: text from a CSV; text, a number or a boolean from a spreadsheet. */
export type RawCell = string | number | boolean | null | undefined;

/**
 * A cell of a workbook that holds no value to read: an error value (`#N/A`, `#DIV/0!`, `#REF!`…), or a formula
 * whose result the file does not hold (written by a program that does not calculate). Never read as empty.
 */
export interface ErrorCell {
  /** The error value as Excel shows it, or '' for a formula without a saved value. */
  readonly error: string;
}

/** A cell as the table reader takes it: a {@link RawCell}, or a workbook's {@link ErrorCell}. */
export type SheetCell = RawCell | ErrorCell;

/** A cell read: its value (`undefined` when the cell is empty), or the code of the problem, what was expected instead and, when the cell itself is not the best words for it, what was found. */
export type CellResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: IssueCode; readonly expected: Bilingual; readonly received?: Bilingual; readonly note?: Bilingual };

/**
 * The value Excel shows for a number it stores: 15 significant digits (so 350.09999999999997, the binary
 * result of =E2/100*5, is 350.1), as an exact decimal string. Every number of a spreadsheet is read through here,
 * and nowhere else is one rounded.
 */
export function shownNumber(n: number): string {
  return new D(n.toPrecision(15)).toFixed();
}

/** A cell's text as the reader compares it (a header, a label, a note): trimmed; a number as Excel shows it; an error value as its code. */
export function cellText(c: SheetCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number') return Number.isFinite(c) ? shownNumber(c) : String(c);
  if (typeof c === 'boolean') return String(c);
  return c.error;
}

/** Whether a cell is a workbook's error value or formula without a result. */
export const isErrorCell = (c: SheetCell): c is ErrorCell => typeof c === 'object' && c !== null;

/**
 * Scale words, in a header's unit (`(万元)`, `(千人)`, `亿元`) or after a cell's number (`3万`, `1.2亿`), and the
 * power of ten each multiplies by. The longer words first, so that 百万 is not read as 万.
 */
export const SCALE_WORDS: readonly (readonly [word: string, power: number])[] = [
  ['十万', 5],
  ['百万', 6],
  ['千万', 7],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['百', 2],
];
const SCALE_AT_END = new RegExp(`(?:${SCALE_WORDS.map(([w]) => w).join('|')})$`);
/** The scale word of a factor (10,000 → 万), for messages. */
export const scaleWord = (scale: number): string => SCALE_WORDS.find(([, p]) => 10 ** p === scale)?.[0] ?? `×${scale}`;

const MISSING = /^(?:-+|—+|–|\/|\\)$/;
const URBAN = new Set(['urban', '城市', '城镇', '城区', '城市社区', '城镇社区', '城']);
const RURAL = new Set(['rural', '农村', '乡村', '农村社区', '村', '乡']);

const EXPECT: Record<FieldKind, Bilingual> = {
  id: ID.expectedText,
  text: TEXT.expectedText,
  kind: { zh: '城市(城镇)或农村', en: 'urban (城市/城镇) or rural (农村)' },
  count: COUNT.expectedText,
  area: { zh: '不小于 0 的面积，如 300 或 300㎡', en: 'an area ≥ 0 such as 300 or 300 m²' },
  money: { zh: '不小于 0 的金额，如 30000、3万 或 30,000元', en: 'an amount ≥ 0 such as 30000, 3万 or 30,000元' },
  flag: FLAG.expectedText,
  date: DATE.expectedText,
  year: YEAR.expectedText,
};

/** The code of a cell that a column of this kind cannot read: the catalogue's code of its kind of value. */
const CODE: Record<FieldKind, IssueCode> = {
  id: ID.code,
  text: TEXT.code,
  kind: 'not-an-option',
  count: COUNT.code,
  area: AMOUNT.code,
  money: AMOUNT.code,
  flag: FLAG.code,
  date: DATE.code,
  year: YEAR.code,
};

/** What a column of this kind expects, in words. */
export const expectedOf = (kind: FieldKind): Bilingual => EXPECT[kind];

const ok = (value: unknown): CellResult => ({ ok: true, value });
const bad = (kind: FieldKind): CellResult => ({ ok: false, code: CODE[kind], expected: EXPECT[kind] });

/** A cell that gives its own unit or scale word under a header that already scales its numbers. */
const TWICE = Symbol('twice');

/**
 * A number written with a thousands separator, a scale word (万, 千, 亿…) and a unit, as an exact decimal string
 * (or undefined). `scale` is the header's: under a header that scales (万元), a cell that writes a unit or a scale
 * word of its own is {@link TWICE} — "2万" under 万元 could mean 20,000 or 200,000,000 yuan, and is never guessed.
 */
function decimalText(s: string, units: RegExp, scale: number): string | undefined | typeof TWICE {
  let t = squeeze(s).replace(/^[¥￥]/, '');
  const unit = units.exec(t);
  if (unit) t = t.slice(0, unit.index);
  const word = SCALE_AT_END.exec(t);
  if (word) t = t.slice(0, word.index);
  if (scale !== 1 && (unit || word)) return TWICE;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return undefined;
  const power = word ? SCALE_WORDS.find(([w]) => w === word[0])![1] : 0;
  return new D(t).times(scale).times(new D(10).pow(power)).toFixed();
}

/** A spreadsheet's number ≥ 0 as the exact decimal string of what Excel shows, times the header's scale. */
function numberText(n: number, scale: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  return new D(shownNumber(n)).times(scale).toFixed();
}

/**
 * Excel's date serial as an ISO day: days since 1899-12-30 (the 1900 leap-year slip included), or since 1904-01-01
 * in a workbook of the 1904 date system (`date1904`, as Excel for the Mac wrote them). A time of day is dropped.
 */
export function excelSerialDay(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  if (date1904 ? serial < 0 || serial > 2957003 : serial < 61 || serial > 2958465) return undefined; // 1900-03-01 (1904-01-01) … 9999-12-31
  const ms = (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return isoDay(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** What a cell under a scaling header may not do, and what it holds when it is an error value. */
const TWICE_EXPECTED = (scale: number): Bilingual => ({
  zh: `只写数字：表头的单位已含“${scaleWord(scale)}”，单元格不能再写单位或“万”“千”等倍数`,
  en: `a number alone: the header's unit already scales it by ${scaleWord(scale)}, so the cell may not add a unit or a scale word (万, 千…) of its own`,
});
const ERROR_RECEIVED = (c: ErrorCell): Bilingual =>
  c.error === ''
    ? { zh: '没有保存计算结果的公式', en: 'a formula whose result the file does not hold' }
    : { zh: `错误值 ${c.error}`, en: `the error value ${c.error}` };
const ERROR_NOTE = (c: ErrorCell): Bilingual =>
  c.error === ''
    ? { zh: '请在 Excel 或 WPS 中打开并保存，使公式算出结果', en: 'open and save the file in Excel or WPS so that its formulas are calculated' }
    : { zh: '表格无法计算这个单元格', en: 'the spreadsheet could not compute this cell' };

/**
 * Read one cell of a column of the given kind. `scale` is the header's factor: 10,000 for a header in 万元 (a money
 * column whose numbers are in ten-thousands), 1 for most. A number from a spreadsheet is read as Excel shows it
 * ({@link shownNumber}); in a date column a plain number is not a date (a workbook's date-formatted cells come
 * as days already, see `readWorkbook`), so 2013 typed into 成立日期 is refused as the text "2013" is. An error
 * value or a formula without a result is refused in every column, never read as empty.
 */
export function readCell(kind: FieldKind, raw: SheetCell, scale = 1): CellResult {
  if (raw === null || raw === undefined) return ok(undefined);
  if (isErrorCell(raw)) return { ok: false, code: CODE[kind], expected: EXPECT[kind], received: ERROR_RECEIVED(raw), note: ERROR_NOTE(raw) };
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed === '' || MISSING.test(trimmed.normalize('NFKC'))) return ok(undefined);
    // The common case first: plain digits.
    if (scale === 1 && /^\d{1,15}$/.test(trimmed) && kind !== 'id' && kind !== 'text' && kind !== 'flag' && kind !== 'kind' && kind !== 'date') {
      const n = Number(trimmed);
      return kind === 'year' && (n < YEAR_MIN || n > YEAR_MAX) ? bad(kind) : ok(kind === 'count' || kind === 'year' ? n : trimmed.replace(/^0+(?=\d)/, ''));
    }
  }
  switch (kind) {
    case 'id': {
      // A code of more than 15 digits is no longer what Excel shows (it keeps 15 significant digits).
      if (typeof raw === 'number')
        return Number.isInteger(raw) && raw >= 0 && raw < 1e15
          ? ok(String(raw))
          : {
              ok: false,
              code: ID.code,
              expected: { zh: '完整的编号(超过 15 位的代码请在表格中存为文本)', en: 'a whole id (store codes of more than 15 digits as text in the sheet)' },
            };
      return typeof raw === 'string' ? ok(raw.trim()) : bad(kind);
    }
    case 'text':
      return typeof raw === 'string' ? ok(raw.trim()) : typeof raw === 'number' ? ok(cellText(raw)) : bad(kind);
    case 'kind': {
      if (typeof raw !== 'string') return bad(kind);
      // As written first (the common case), then half-width and without spaces.
      const t = URBAN.has(raw) || RURAL.has(raw) ? raw : squeeze(raw).toLowerCase();
      return URBAN.has(t) ? ok('urban') : RURAL.has(t) ? ok('rural') : bad(kind);
    }
    case 'count': {
      if (typeof raw === 'boolean') return bad(kind);
      const text = typeof raw === 'number' ? numberText(raw, scale) : decimalText(raw, /(?:户|人|名|个|位)$/, scale);
      if (text === TWICE) return { ok: false, code: CODE[kind], expected: TWICE_EXPECTED(scale) };
      if (text === undefined) return bad(kind);
      const d = new D(text);
      return d.isInteger() && d.lte(Number.MAX_SAFE_INTEGER) ? ok(d.toNumber()) : bad(kind);
    }
    case 'area':
    case 'money': {
      if (typeof raw === 'boolean') return bad(kind);
      const units = kind === 'area' ? /(?:m2|平方米|平米)$/i : /(?:元)$/;
      const text = typeof raw === 'number' ? numberText(raw, scale) : decimalText(raw, units, scale);
      if (text === TWICE) return { ok: false, code: CODE[kind], expected: TWICE_EXPECTED(scale) };
      if (text === undefined) return bad(kind);
      return ok(text);
    }
    case 'flag': {
      if (typeof raw === 'boolean') return ok(raw);
      const read = FLAG.parse(cellText(raw));
      return read.ok ? ok(read.value) : bad(kind);
    }
    case 'date': {
      if (typeof raw === 'number')
        return {
          ...(bad(kind) as CellResult & { ok: false }),
          note: { zh: '是普通数字，不是日期格式的单元格', en: 'a plain number, not a cell formatted as a date' },
        };
      if (typeof raw !== 'string') return bad(kind);
      const day = DATE.parse(raw);
      return day.ok ? ok(day.value) : bad(kind);
    }
    case 'year': {
      const y = typeof raw === 'number' || typeof raw === 'string' ? YEAR.parse(cellText(raw)) : undefined;
      return y?.ok ? ok(y.value) : bad(kind);
    }
  }
}
