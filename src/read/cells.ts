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

/** A cell read: its value (`undefined` when the cell is empty), or the code of the problem and what was expected instead. */
export type CellResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly code: IssueCode; readonly expected: Bilingual };

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

/** A number written with a thousands separator, a 万 and a unit, as an exact decimal string (or undefined). */
function decimalText(s: string, units: RegExp, scale: number): string | undefined {
  let t = squeeze(s)
    .replace(/^[¥￥]/, '')
    .replace(units, '');
  let factor = scale;
  if (t.endsWith('万')) {
    factor *= 10000;
    t = t.slice(0, -1);
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return undefined;
  return new D(t).times(factor).toFixed();
}

/** A spreadsheet's number as an exact decimal string (what Excel shows: the shortest form that reads back). */
function numberText(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  return new D(String(n)).toFixed();
}

/** Excel's date serial (days since 1899-12-30, the 1900 leap-year slip included) as an ISO day. */
export function excelSerialDay(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return undefined; // 1900-03-01 … 9999-12-31
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return isoDay(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
 * Read one cell of a column of the given kind. `scale` is 10,000 for a
 * header in 万元 (a money column whose numbers are in ten-thousands).
 */
export function readCell(kind: FieldKind, raw: RawCell, scale = 1): CellResult {
  if (raw === null || raw === undefined) return ok(undefined);
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
      if (typeof raw === 'number')
        return Number.isSafeInteger(raw) && raw >= 0
          ? ok(String(raw))
          : {
              ok: false,
              code: ID.code,
              expected: { zh: '完整的编号(超过 15 位的代码请在表格中存为文本)', en: 'a whole id (store codes of more than 15 digits as text in the sheet)' },
            };
      return typeof raw === 'string' ? ok(raw.trim()) : bad(kind);
    }
    case 'text':
      return typeof raw === 'string' ? ok(raw.trim()) : typeof raw === 'number' ? ok(String(raw)) : bad(kind);
    case 'kind': {
      if (typeof raw !== 'string') return bad(kind);
      // As written first (the common case), then half-width and without spaces.
      const t = URBAN.has(raw) || RURAL.has(raw) ? raw : squeeze(raw).toLowerCase();
      return URBAN.has(t) ? ok('urban') : RURAL.has(t) ? ok('rural') : bad(kind);
    }
    case 'count': {
      if (typeof raw === 'boolean') return bad(kind);
      const text = typeof raw === 'number' ? numberText(raw * scale) : decimalText(raw, /(?:户|人|名|个|位)$/, scale);
      if (text === undefined) return bad(kind);
      const d = new D(text);
      return d.isInteger() && d.lte(Number.MAX_SAFE_INTEGER) ? ok(d.toNumber()) : bad(kind);
    }
    case 'area':
    case 'money': {
      if (typeof raw === 'boolean') return bad(kind);
      const units = kind === 'area' ? /(?:m2|平方米|平米)$/i : /(?:元)$/;
      const text = typeof raw === 'number' ? (raw >= 0 ? numberText(raw) : undefined) : decimalText(raw, units, 1);
      if (text === undefined) return bad(kind);
      return ok(scale === 1 ? text : new D(text).times(scale).toFixed());
    }
    case 'flag': {
      if (typeof raw === 'boolean') return ok(raw);
      const read = FLAG.parse(String(raw));
      return read.ok ? ok(read.value) : bad(kind);
    }
    case 'date': {
      if (typeof raw === 'number') {
        const day = excelSerialDay(raw);
        return day ? ok(day) : bad(kind);
      }
      if (typeof raw !== 'string') return bad(kind);
      const day = DATE.parse(raw);
      return day.ok ? ok(day.value) : bad(kind);
    }
    case 'year': {
      const y = typeof raw === 'number' || typeof raw === 'string' ? YEAR.parse(String(raw)) : undefined;
      return y?.ok ? ok(y.value) : bad(kind);
    }
  }
}
