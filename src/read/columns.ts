/**
 * The quick reading of a table's rows from bytes. Once the full reader has
 * found the header (its rules, its column map, its scales), the columns are
 * compiled here into a plan: for each column, how a cell of the common form
 * is read straight from the row's bytes — plain digits into an exact number,
 * true/false/1/0 into a flag, urban/rural into a kind, an ASCII id or name
 * into a string without the decoder. A cell of any other form is read by the
 * full reader's `readCell`, and a row that is not of the common shape (a
 * title, a total, a note, a cell that cannot be read) is left to the full
 * reader whole: this module decides nothing the full reader would decide
 * otherwise (`table-bytes.test.ts` holds the two readings equal).
 */
import type { Column } from './headers.js';
import { FIELD_SPECS } from './fields.js';

/** How the plan reads a column. */
export const SKIP = 0; // a column read as nothing (序号, 备注)
export const DIGITS = 1; // a count, an amount or a year at scale 1: plain digits are the number
export const FLAG = 2;
export const KIND = 3;
export const WORDS = 4; // an id or a text
export const OTHER = 5; // any other kind or scale: the full reader's readCell

/** The columns of a table, compiled for the quick reading. */
export interface RowPlan {
  /** The way each column is read (SKIP … OTHER). */
  readonly op: Uint8Array;
  /** Each column's field ('' for a column read as nothing). */
  readonly key: readonly string[];
  /** Each column's place in a {@link RowValues} (-1 for a column whose values it does not hold). */
  readonly held: Int8Array;
  /** How many columns have a header. */
  readonly width: number;
}

/** The plan of a header's columns. */
export function planOf(columns: readonly Column[]): RowPlan {
  const op = new Uint8Array(columns.length);
  const key: string[] = [];
  const held = new Int8Array(columns.length).fill(-1);
  columns.forEach((c, j) => {
    if (c.type !== 'field') {
      op[j] = SKIP;
      key.push('');
      return;
    }
    held[j] = HELD_AT.get(c.field.key) ?? -1;
    const kind = c.field.kind;
    op[j] =
      c.scale === 1 && (kind === 'count' || kind === 'area' || kind === 'money' || kind === 'year')
        ? DIGITS
        : kind === 'flag'
          ? FLAG
          : kind === 'kind'
            ? KIND
            : kind === 'id' || kind === 'text'
              ? WORDS
              : OTHER;
    key.push(c.field.key);
  });
  return { op, key, held, width: columns.length };
}

/** The fields whose values a {@link RowValues} holds as numbers: the counts, amounts, flags and the kind. */
const HELD = FIELD_SPECS.filter((f) => f.kind === 'count' || f.kind === 'area' || f.kind === 'money' || f.kind === 'flag' || f.kind === 'kind');
/** The number of values a {@link RowValues} holds. */
export const HELD_COUNT = HELD.length;
/** Each such field's place in {@link RowValues.v}. */
export const HELD_AT: ReadonlyMap<string, number> = new Map(HELD.map((f, i) => [f.key, i]));

/**
 * One row's values as numbers, reused from row to row, read as a community record: a getter for each field held
 * (made from the list of fields) gives a count or an amount as its number, a flag as true or false, the kind as
 * urban or rural, and undefined for a missing cell (NaN in `v`). The evaluation reads the same properties of it
 * as of a record, on one shape, so its inline caches stay monomorphic.
 */
export class RowValues {
  /** Each field's value by its place in {@link HELD_AT}: the number, 1/0 for a flag, 0 urban / 1 rural; NaN missing. */
  readonly v = new Float64Array(HELD.length).fill(Number.NaN);
}
HELD.forEach((f, i) => {
  const get =
    f.kind === 'flag'
      ? function (this: RowValues) {
          const x = this.v[i];
          return x === 1 ? true : x === 0 ? false : undefined;
        }
      : f.kind === 'kind'
        ? function (this: RowValues) {
            const x = this.v[i];
            return x === 0 ? 'urban' : x === 1 ? 'rural' : undefined;
          }
        : function (this: RowValues) {
            const x = this.v[i]!;
            return Number.isNaN(x) ? undefined : x;
          };
  Object.defineProperty(RowValues.prototype, f.key, { get, enumerable: true, configurable: true });
});

/** Whether a cell with these bytes is exactly `word` (ASCII). */
function bytesAre(bytes: Uint8Array, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[s + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** true/1 → 1, false/0 → 0, else -1 (the forms readCell reads first, as written). */
export const flagAt = (b: Uint8Array, s: number, e: number): number =>
  bytesAre(b, s, e, 'true') || bytesAre(b, s, e, '1') ? 1 : bytesAre(b, s, e, 'false') || bytesAre(b, s, e, '0') ? 0 : -1;

/** urban → 0, rural → 1, else -1. */
export const kindAt = (b: Uint8Array, s: number, e: number): number => (bytesAre(b, s, e, 'urban') ? 0 : bytesAre(b, s, e, 'rural') ? 1 : -1);

/** 1 to 15 ASCII digits as their number (exact), else -1. */
export function digitsAt(bytes: Uint8Array, s: number, e: number): number {
  if (e - s < 1 || e - s > 15) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** An ASCII letter or digit. */
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Whether the cell is ASCII that starts with a letter or a digit and ends in a character trim() keeps: then its
 * text is its bytes, as the full reader would give it trimmed (ASCII is the same text in UTF-8 and GB18030).
 */
export function plainAscii(bytes: Uint8Array, s: number, e: number): boolean {
  if (e <= s || !isAlnum(bytes[s]!) || bytes[e - 1]! <= 0x20 || bytes[e - 1]! === 0x7f) return false;
  for (let i = s + 1; i < e - 1; i++) if (bytes[i]! >= 0x80) return false;
  return bytes[e - 1]! < 0x80;
}

/**
 * Whether a label cell may end a total's word (合计, Total, Sum…: its trimmed text ends in 计, l or m), told from
 * its bytes when they are ASCII: 1 it may (the row goes to the full reader), 0 it cannot, -1 the bytes cannot tell
 * (a character beyond ASCII: the caller decodes the text and looks).
 */
export function labelMayTotal(bytes: Uint8Array, s: number, e: number): number {
  let last = e - 1;
  // Trailing ASCII spaces, which trim() removes.
  while (last >= s && (bytes[last] === 0x20 || (bytes[last]! >= 0x09 && bytes[last]! <= 0x0d))) last--;
  for (let i = s; i <= last; i++) if (bytes[i]! >= 0x80) return -1;
  if (last < s) return 0;
  const c = bytes[last]! | 0x20; // lower case
  return c === 0x6c || c === 0x6d ? 1 : 0;
}

/** Whether bytes `s`, `s+1`, `s+2` (before `e`) are a CJK unified ideograph (U+4E00–U+9FFF) in UTF-8. */
function ideographAt(bytes: Uint8Array, s: number, e: number): boolean {
  if (e - s < 3) return false;
  const a = bytes[s]!;
  const b = bytes[s + 1]!;
  const c = bytes[s + 2]!;
  if (b < 0x80 || b > 0xbf || c < 0x80 || c > 0xbf) return false;
  return (a === 0xe4 && b >= 0xb8) || (a >= 0xe5 && a <= 0xe9);
}

/** Whether the UTF-8 bytes end in a CJK ideograph. */
const endsInIdeograph = (bytes: Uint8Array, s: number, e: number): boolean => e - s >= 3 && ideographAt(bytes, e - 3, e);

/**
 * Whether a UTF-8 cell is an id or a name as the full reader gives it without looking further: it starts with an
 * ASCII letter or digit or a CJK ideograph and ends in an ASCII character other than a space or in an ideograph,
 * so trim() leaves it whole and its text is its bytes decoded.
 */
export function utf8Word(bytes: Uint8Array, s: number, e: number): boolean {
  if (e <= s) return false;
  const first = bytes[s]!;
  if (!(first < 0x80 ? isAlnum(first) : ideographAt(bytes, s, e))) return false;
  const last = bytes[e - 1]!;
  return last < 0x80 ? last > 0x20 && last !== 0x7f : endsInIdeograph(bytes, s, e);
}

/**
 * {@link labelMayTotal} for UTF-8 bytes: a label that ends (spaces aside) in an ASCII character or in a CJK
 * ideograph is told from its bytes whatever comes before — it may end a total's word when that is l, m or 计 —
 * and only one that ends in another character (a full-width letter, a space trim() removes) is left to the caller.
 */
export function labelMayTotalUtf8(bytes: Uint8Array, s: number, e: number): number {
  let last = e - 1;
  while (last >= s && (bytes[last] === 0x20 || (bytes[last]! >= 0x09 && bytes[last]! <= 0x0d))) last--;
  if (last < s) return 0;
  const c = bytes[last]!;
  if (c < 0x80) return (c | 0x20) === 0x6c || (c | 0x20) === 0x6d ? 1 : 0;
  if (!endsInIdeograph(bytes, s, last + 1)) return -1;
  // 计 is E8 AE A1.
  return bytes[last - 2] === 0xe8 && bytes[last - 1] === 0xae && c === 0xa1 ? 1 : 0;
}

/**
 * A community record from a row read quickly: the values of `values` and the words `word(j)` gives for word
 * column `j` (undefined for an empty one), in the order of the plan's columns — as the full reader makes it, the
 * name standing for the id in a table without one.
 */
export function recordOf(plan: RowPlan, values: RowValues, word: (j: number) => string | undefined, idFromName: boolean): Record<string, unknown> {
  const figures = values as unknown as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (let j = 0; j < plan.width; j++) {
    const how = plan.op[j]!;
    const key = plan.key[j]!;
    if (how === SKIP || key === 'year') continue;
    const v = how === WORDS ? word(j) : figures[key];
    if (v !== undefined) record[key] = v;
  }
  if (idFromName) record.id = record.name;
  return record;
}

/** Where a row read quickly is copied for another thread (a block of rows, ./blocks.ts). */
export interface RowTarget {
  /** The row's values, and the words of its word columns `cols`, each held as `how[j]` says (1, 2: bytes; 3: texts[j]). */
  addView(
    year: number,
    row: number,
    values: Float64Array,
    cols: readonly number[],
    how: Uint8Array,
    start: Int32Array,
    end: Int32Array,
    texts: readonly string[],
    bytes: Uint8Array,
  ): void;
}

/** The columns of a plan that hold words (ids and names), in order. */
export const wordColumns = (plan: RowPlan): number[] => [...plan.op.keys()].filter((j) => plan.op[j] === WORDS);
