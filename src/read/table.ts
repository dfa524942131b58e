/**
 * A community table as a bureau keeps it, read row by row: title rows and the
 * header found, blank rows and rows of bare separators skipped, notes under
 * the table skipped, 合计/总计/小计 rows recognised (not evaluated; their sums
 * checked), every other row read into a community record by year. Works on
 * rows of cells, whatever read them (a CSV tokenizer, a spreadsheet), and
 * keeps only the header and running sums: a million rows stream through.
 */
import { D, type Decimal } from '../decimal.js';
import { describeValue, issue, received, type IssueCode } from '../errors.js';
import { YEAR_MAX, YEAR_MIN } from '../values.js';
import { looksValid } from '../evaluate/batch.js';
import { communitySchema, sumIssue, toIssues, type CommunityRecord } from '../evaluate/dataset.js';
import type { Bilingual } from '../policy/provisions.js';
import { cellText as shownText, readCell, type SheetCell } from './cells.js';
import { findHeader, type Column, type ColumnMap } from './headers.js';
import { FIELD_SPECS, fieldSpec } from './fields.js';
import {
  DIGITS,
  digitsAt,
  HELD_AT,
  FLAG,
  flagAt,
  KIND,
  kindAt,
  labelMayTotal,
  labelMayTotalUtf8,
  plainAscii,
  planOf,
  recordOf,
  RowValues,
  SKIP,
  utf8Word,
  wordColumns,
  WORDS,
  type RowPlan,
  type RowTarget,
} from './columns.js';

/** One row of a table, numbered as the spreadsheet (or the CSV's line) shows it. */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly SheetCell[];
}

/**
 * A community read quickly from a CSV row, handed on without a record of its own: its figures in one record
 * reused from row to row, its id and name read from the row's bytes only when asked. Valid during the call it is
 * handed to: the record and the bytes are reused for the next row.
 */
export interface RowView {
  /** The row's counts, amounts, flags and kind (its id and name are not set). */
  readonly record: CommunityRecord;
  /** The community as the full reading gives it: a record of its own, with its id and name. */
  full(): CommunityRecord;
  /** Its id (its name in a table without an id column). */
  id(): string;
  /** Copy the row into a block for another thread, as a row of `year` at `row`. */
  copyTo(block: RowTarget, year: number, row: number): void;
}

/** A problem with one cell or row, located by row and by the header as written. */
export interface TableProblem {
  readonly row: number;
  /** The header as written ('' for a problem of the whole row). */
  readonly header: string;
  /** Stable code (src/errors.ts): act on this, not on the message. */
  readonly code: IssueCode;
  /** What was wrong, in English (the same as `messages.en`). */
  readonly message: string;
  /** What was wrong, in both languages. */
  readonly messages: Bilingual;
}

/** A problem at a row and a header, its words in both languages. */
const problemAt = (row: number, header: string, code: IssueCode, messages: Bilingual): TableProblem => ({ row, header, code, message: messages.en, messages });

/** The fields a header row should name, as the messages list them. */
const SOME_FIELDS = {
  en: '区划代码/id, 社区名称/name, 类型/kind, 户数/households, 常住人口/residents, …',
  zh: '区划代码/id、社区名称/name、类型/kind、户数/households、常住人口/residents……',
};

/** A warning: a total that does not add up, a column left out. */
export interface TableWarning {
  readonly row?: number;
  readonly message: Bilingual;
}

/** What the reader did with the rows, for the report. */
export interface TableNotes {
  /** Rows of the header (one or two). */
  readonly headerRows: readonly number[];
  /** Title rows above the header. */
  readonly titleRows: readonly number[];
  readonly blankRows: number;
  readonly noteRows: readonly number[];
  /** 合计/总计/小计 rows, not evaluated. */
  readonly totalRows: readonly number[];
  /** Columns read as nothing to evaluate (序号, 备注) or left out by the column map. */
  readonly ignoredColumns: readonly string[];
  /** The header (as written) of each field read. */
  readonly columns: Readonly<Record<string, string>>;
  /** True when the table has no id column: communities are identified by their names. */
  readonly idFromName: boolean;
  readonly warnings: readonly TableWarning[];
  /** Communities read, by year. */
  readonly rowsByYear: Readonly<Record<string, number>>;
  /**
   * Where the year of the rows came from: the table's own year and every source that gives it (a title row, the
   * sheet's name, the file's name, or --year when none does), and the header of the 年度 column when there is one.
   */
  readonly year: { readonly year?: number; readonly from: readonly Bilingual[]; readonly column?: string };
  /** Each 合计/总计/小计 row checked: the year whose rows it was held to, or none for a total over every year above. */
  readonly totalsChecked: readonly { readonly row: number; readonly year?: number; readonly rows: number }[];
}

/** A year the table's surroundings give (its sheet's or its file's name), in words for the report and for a conflict. */
export interface YearSource {
  readonly year: number;
  readonly from: Bilingual;
}

/** Options of {@link TableReader}. */
export interface TableOptions {
  /** Header → field (or null to leave out), for headers the reader does not know or reads otherwise. */
  readonly columns?: ColumnMap;
  /**
   * The years the table's surroundings give (its sheet's name, its file's name). With the years of its title rows
   * they are the table's own year: when they agree, that is the year of rows without a 年度 cell; when two disagree
   * the table is refused, both named.
   */
  readonly years?: readonly YearSource[];
  /** The year when neither a 年度 column, the sheet, the file nor a title gives one (--year). */
  readonly fallbackYear?: number;
  /** What a row is called in messages: 'row' in a sheet (default), 'line' in a CSV. */
  readonly unit?: 'row' | 'line';
  /** Rows looked at to find the header (default 20). */
  readonly headerSearch?: number;
  /**
   * How duplicate ids are found: `'table'` (default) keeps every id in a table; `'keys'` keeps only a 53-bit key
   * per id (8 bytes a row) and tells at the end whether a key repeats ({@link TableReader.repeatedKeys}), for a
   * file that can be read again: a second reading with `{ verify: keys }` keeps only the ids of those keys and
   * finds the duplicates exactly, with the same problems as the first way.
   */
  readonly ids?: 'table' | 'keys' | { readonly verify: ReadonlySet<number> };
}

/** A 53-bit key of a year and an id: FNV-1a (32 bits) and a second, differently seeded hash (21 bits). */
export function idKey(year: number, id: string): number {
  let h = Math.imul(0x811c9dc5 ^ year, 0x01000193);
  let g = 0x9747b28c ^ year;
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h = Math.imul(h ^ ch, 0x01000193);
    g = Math.imul(g ^ ch, 0x5bd1e995);
    g ^= g >>> 15;
  }
  return (h >>> 0) * 0x200000 + (g & 0x1fffff);
}

/** {@link idKey} of an id given as ASCII bytes (each byte its character). */
export function idKeyOfBytes(year: number, bytes: Uint8Array, s: number, e: number): number {
  let h = Math.imul(0x811c9dc5 ^ year, 0x01000193);
  let g = 0x9747b28c ^ year;
  for (let i = s; i < e; i++) {
    const ch = bytes[i]!;
    h = Math.imul(h ^ ch, 0x01000193);
    g = Math.imul(g ^ ch, 0x5bd1e995);
    g ^= g >>> 15;
  }
  return (h >>> 0) * 0x200000 + (g & 0x1fffff);
}

/**
 * The values that occur more than once among `keys` (53-bit keys, themselves hashes): a table of open addressing
 * at most two thirds full, each key's slot from its low bits — one pass, where sorting took several times as long.
 */
export function repeatedIn(keys: Float64Array): Set<number> {
  const out = new Set<number>();
  let size = 1024;
  while (size < keys.length * 1.5) size *= 2;
  const table = new Float64Array(size);
  const mask = size - 1;
  // 0 marks an empty slot: a key 0 is counted apart.
  let zeros = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === 0) {
      if (++zeros === 2) out.add(0);
      continue;
    }
    let at = (k % 0x100000000) & mask; // the low 32 bits: the second hash and 11 bits of the first
    for (;;) {
      const t = table[at]!;
      if (t === 0) {
        table[at] = k;
        break;
      }
      if (t === k) {
        out.add(k);
        break;
      }
      at = (at + 1) & mask;
    }
  }
  return out;
}

/** The header could not be read; every problem of the header at once. */
export class HeaderError extends Error {
  constructor(readonly problems: readonly TableProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'HeaderError';
  }
}

const TOTAL = /^(?:.{0,12}?)(合计|总计|小计)$|^(?:total|subtotal|sum|grand total)$/i;
const NOTE = /^(?:注|说明|备注|填表|制表|填报|审核|负责人|联系人|联系电话|数据来源|来源|单位|日期)/;
const SEPARATORS = /^[\s\-=_—–·.,;:|*#~]*$/;
const SUMMED = ['households', 'floatingHouseholds', 'residents', 'roomAreaM2', 'staff', 'streetSubsidyPaid'] as const;
const MAX_PROBLEMS = 50;
/** Each summed field's place in the quick reading's values. */
const SUMMED_AT = SUMMED.map((k) => HELD_AT.get(k)!);

const text = shownText;
/** Chinese words followed by more: a space after a trailing digit or Latin letter (标题行 1 是), none after Chinese. */
const spaced = (zh: string) => (/[\x21-\x7e]$/.test(zh) ? `${zh} ` : zh);
const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** A cell's text: bytes that are all ASCII as they are (one byte, one character), others decoded. */
function cellText(bytes: Uint8Array, s: number, e: number, decoder: InstanceType<typeof TextDecoder>): string {
  for (let i = s; i < e; i++) if (bytes[i]! >= 0x80) return decoder.decode(bytes.subarray(s, e));
  // ASCII is the same text in every encoding read: a Node Buffer slices it fastest; elsewhere the decoder does.
  const b = bytes as Uint8Array & { latin1Slice?: (s: number, e: number) => string };
  return b.latin1Slice ? b.latin1Slice(s, e) : decoder.decode(bytes.subarray(s, e));
}

/** The text of bytes known to be ASCII (a Node Buffer slices it fastest; elsewhere the decoder does). */
function asciiText(bytes: Uint8Array, s: number, e: number, decoder: InstanceType<typeof TextDecoder>): string {
  const b = bytes as Uint8Array & { latin1Slice?: (s: number, e: number) => string };
  return b.latin1Slice ? b.latin1Slice(s, e) : decoder.decode(bytes.subarray(s, e));
}

/** An ASCII letter or digit, or a CJK unified ideograph: characters NFKC leaves as they are. */
const isWordStart = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x4e00 && c <= 0x9fff);

/**
 * The year a title names, such as 宁国市2013年社区建设情况统计表, 2013年度 or a sheet named 2013 — or none when the
 * text names a day rather than a year (填报日期：2013年1月15日, 2013-01-15: the day a form was filled in is not the
 * year of its data), is a line of a form (填报, 制表, 日期…), or names more than one year (2011—2013年).
 */
export function yearInTitle(title: string): number | undefined {
  const t = squeeze(title);
  if (NOTE.test(t)) return undefined;
  return oneYear(t, /((?:19|20)\d\d)\s*年(?!\d{1,2}月)/g, /^((?:19|20)\d\d)$/);
}

/**
 * The one year a text names by `pattern` (or is, by `whole`): none when it names a day (a year followed by a month
 * and a day) or several different years.
 */
export function oneYear(t: string, pattern: RegExp, whole?: RegExp): number | undefined {
  const any = [...t.matchAll(/(?:^|\D)((?:19|20)\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  if (new Set(any).size > 1) return undefined;
  if (/(?:19|20)\d\d(?:[-/.年_]\d{1,2}){2}/.test(t)) return undefined;
  const m = pattern.exec(t) ?? whole?.exec(t);
  pattern.lastIndex = 0;
  return m ? Number(m[1]) : undefined;
}

/**
 * Running sums of the summed columns (by their place in SUMMED): whole numbers in a safe integer while they fit,
 * the rest exactly in a Decimal; a bit for each column that some row leaves empty.
 */
interface Sums {
  readonly int: Float64Array;
  readonly dec: (Decimal | undefined)[];
  missing: number;
  rows: number;
}
const emptySums = (): Sums => ({ int: new Float64Array(SUMMED.length), dec: SUMMED.map(() => undefined), missing: 0, rows: 0 });
/** Add the value `v` of summed column `i` (its whole number `n`, or NaN when it is not one). */
function add(sums: Sums, i: number, v: number | string, n: number): void {
  const next = sums.int[i]! + n;
  if (Number.isSafeInteger(next)) sums.int[i] = next;
  else sums.dec[i] = (sums.dec[i] ?? new D(0)).plus(v);
}
const total = (sums: Sums, i: number): Decimal => new D(sums.int[i]!).plus(sums.dec[i] ?? 0);
/** A summed value's whole number, or NaN (a fraction, or digits beyond 15). */
const wholeOf = (v: number | string): number => (typeof v === 'number' ? v : /^\d{1,15}$/.test(v) ? Number(v) : NaN);

/** Push rows in, take community records out (with their year and row). */
export class TableReader {
  private readonly head: TableRow[] = [];
  private columns: readonly Column[] | undefined;
  private headerRows: number[] = [];
  private titleRows: number[] = [];
  private blankRows = 0;
  private noteRows: number[] = [];
  private totalRows: number[] = [];
  private warnings: TableWarning[] = [];
  private problems: TableProblem[] = [];
  private problemCount = 0;
  private ids = new Map<string, Map<string, number>>();
  /** The key of each id read, when ids are kept as keys. */
  private keys: Float64Array | undefined;
  private keyCount = 0;
  private sums = new Map<string, { sub: Sums; all: Sums }>();
  /** The sums of every year's rows together, for a grand total under a table with a 年度 column. */
  private grand = { sub: emptySums(), all: emptySums() };
  private byYear: Record<string, number> = {};
  /** The table's own year (its title rows and surroundings agree on it), and every source that gives it. */
  private statedYear: number | undefined;
  private yearFrom: Bilingual[] = [];
  /** Rows that took the table's year (no 年度 cell). */
  private rowsOfTableYear = 0;
  /** Two sources gave the table different years (a problem said once). */
  private conflicted = false;
  private totalsChecked: { row: number; year?: number; rows: number }[] = [];
  private yearColumn = -1;
  private householdsAt = -1;
  private saidNoYear = false;
  private idColumn = -1;
  private nameColumn = -1;
  private readonly search: number;

  constructor(
    private readonly options: TableOptions,
    private readonly emit: (record: CommunityRecord, year: number, row: number) => void,
    /** Where rows read quickly go instead, as views (without it, each becomes a record for `emit`). */
    private readonly emitView?: (view: RowView, year: number, row: number) => void,
  ) {
    this.search = options.headerSearch ?? 20;
  }

  /** The plan of the quick reading (once the header is found and a row was read quickly), and whether names stand for ids. */
  get quickPlan(): { readonly plan: RowPlan; readonly idFromName: boolean } | undefined {
    return this.plan && { plan: this.plan, idFromName: this.idColumn < 0 };
  }

  /** Problems found in the rows so far (the first 50) and how many in all. */
  get problemList(): { readonly shown: readonly TableProblem[]; readonly count: number } {
    return { shown: this.problems, count: this.problemCount };
  }

  push(row: TableRow): void {
    if (this.columns) return this.body(row);
    if (row.cells.every((c) => text(c) === '')) {
      this.blankRows++;
      return;
    }
    this.head.push(row);
    if (this.head.length >= this.search) this.decide();
  }

  /**
   * One row as bytes (a CSV's, from the tokenizer): field `x` is `bytes[start[x] … end[x])`, text in the encoding
   * `decoder` reads. A row of the common shape — every cell empty, plain digits, or text that {@link readCell}
   * reads, under a header already found — becomes a record here, without a string for each cell; any other row
   * (a title, the header, a total, a note, a cell that cannot be read) is decoded and read as {@link push} reads it.
   */
  pushBytes(row: number, bytes: Uint8Array, start: Int32Array, end: Int32Array, count: number, decoder: InstanceType<typeof TextDecoder>): void {
    if (!this.columns || !this.quick(row, bytes, start, end, count, decoder)) {
      const cells: string[] = new Array(count);
      for (let x = 0; x < count; x++) cells[x] = cellText(bytes, start[x]!, end[x]!, decoder);
      this.push({ row, cells });
    }
  }

  /** The quick reading of {@link pushBytes}: false (nothing done) when the row needs the full one. */
  private quick(row: number, bytes: Uint8Array, start: Int32Array, end: Int32Array, count: number, decoder: InstanceType<typeof TextDecoder>): boolean {
    const plan = this.plan!;
    // Not blank, not a note: the households cell holds plain digits (never a separator, and a note has none).
    const h = this.householdsAt;
    if (h < 0 || h >= count || digitsAt(bytes, start[h]!, end[h]!) < 0) return false;
    // A value without a header is a problem, said by the full reading.
    for (let j = plan.width; j < count; j++) if (end[j]! > start[j]!) return false;
    // A total's label ends in 计, l or m: such rows are read in full. ASCII labels are told from their bytes.
    const texts = this.texts;
    if (texts.length < count) texts.length = count;
    texts.fill(undefined, 0, count);
    if (decoder !== this.decoder) [this.decoder, this.utf8] = [decoder, decoder.encoding === 'utf-8'];
    const utf8 = this.utf8;
    for (const j of this.labels) {
      if (j >= count) continue;
      const may = utf8 ? labelMayTotalUtf8(bytes, start[j]!, end[j]!) : labelMayTotal(bytes, start[j]!, end[j]!);
      if (may === 1) return false;
      if (may === 0) continue;
      const t = (texts[j] = cellText(bytes, start[j]!, end[j]!, decoder)).trim();
      if (/[计lLmMｌＬｍＭ]$/.test(t)) return false;
    }
    if (this.fast(row, bytes, start, end, count, decoder)) return true;
    return this.quickRecord(row, bytes, start, end, count, decoder);
  }

  /** The decoder of the last row read quickly, and whether it reads UTF-8. */
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private utf8 = false;

  /**
   * The common row of the quick reading, without a record of its own: its figures into the one reused record,
   * its id and name left as bytes (`words`), then checked, added up and handed on as a view. False (nothing
   * done) for a row with a cell of another form: {@link quickRecord} reads it.
   */
  private fast(row: number, bytes: Uint8Array, start: Int32Array, end: Int32Array, count: number, decoder: InstanceType<typeof TextDecoder>): boolean {
    const plan = this.plan!;
    const op = plan.op;
    const keys = plan.key;
    const vals = this.values.v;
    const held = plan.held;
    const { wk, ws, we, wstr } = this;
    const texts = this.texts;
    const utf8 = this.utf8;
    let year = this.tableYear;
    let ownYear = false;
    const n = Math.min(count, plan.width);
    for (let j = 0; j < plan.width; j++) {
      const how = op[j]!;
      if (how === SKIP) continue;
      const s = j < n ? start[j]! : 0;
      const e = j < n ? end[j]! : 0;
      if (how === WORDS) {
        if (e === s) wk[j] = 0;
        else if (texts[j] === undefined && plainAscii(bytes, s, e)) wk[j] = 1;
        else if (texts[j] === undefined && utf8 && utf8Word(bytes, s, e)) wk[j] = 2;
        else {
          // Decoded (for the total check, or a form the bytes do not tell): a word as the full reader gives it, or
          // the row goes to the record's reading.
          const t = (texts[j] ?? cellText(bytes, s, e, decoder)).trim();
          if (t === '' || !isWordStart(t.charCodeAt(0))) return false;
          wk[j] = 3;
          wstr[j] = t;
        }
        ws[j] = s;
        we[j] = e;
        continue;
      }
      const key = keys[j]!;
      const at = held[j]!;
      if (e === s) {
        if (at >= 0) vals[at] = Number.NaN;
        continue;
      }
      let x: number;
      if (how === DIGITS) {
        if ((x = digitsAt(bytes, s, e)) < 0) return false;
        if (key === 'year') {
          if (x < YEAR_MIN || x > YEAR_MAX) return false;
          if (this.statedYear !== undefined && x !== this.statedYear) return false; // said by the full reading
          year = x;
          ownYear = true;
          continue;
        }
      } else if (how === FLAG) {
        if ((x = flagAt(bytes, s, e)) < 0) return false;
      } else if (how === KIND) {
        if ((x = kindAt(bytes, s, e)) < 0) return false;
      } else return false;
      if (at < 0) return false; // a field the values do not hold
      vals[at] = x;
    }
    // What looksValid asks of a record, here from how each value was read: an id (or a name standing for it) and a
    // name that are words, a kind, households and residents; every other value read is of its kind already.
    const rec = this.values as unknown as CommunityRecord;
    if (year === undefined || rec.kind === undefined || rec.households === undefined || rec.residents === undefined) return false;
    if (this.nameColumn < 0 || wk[this.nameColumn] === 0 || (this.idColumn >= 0 && wk[this.idColumn] === 0)) return false;
    this.bytes = bytes;
    this.acceptView(year, row, ownYear);
    return true;
  }

  /** The values of the row read by {@link fast}, one object reused. */
  private readonly values = new RowValues();
  /** How each word cell of the row read by {@link fast} is held: 0 empty, 1 ASCII bytes, 2 UTF-8 bytes, 3 text (wstr). */
  private readonly wk = new Uint8Array(4096);
  private readonly ws = new Int32Array(4096);
  private readonly we = new Int32Array(4096);
  private readonly wstr: string[] = [];
  /** The bytes of the row read by {@link fast}. */
  private bytes: Uint8Array = new Uint8Array(0);

  /** Word cell `j` of the row read by {@link fast}, as its text. */
  private word(j: number): string {
    const k = this.wk[j];
    if (k === 1) return asciiText(this.bytes, this.ws[j]!, this.we[j]!, this.decoder!);
    if (k === 2) return this.decoder!.decode(this.bytes.subarray(this.ws[j]!, this.we[j]!));
    return this.wstr[j]!;
  }

  /** The row read by {@link fast} as the full reading's record: its values in the order of its columns. */
  private fullRecord(): CommunityRecord {
    return recordOf(this.plan!, this.values, (j) => (this.wk[j] === 0 ? undefined : this.word(j)), this.idColumn < 0) as unknown as CommunityRecord;
  }

  /** The word columns of the plan. */
  private get wordCols(): readonly number[] {
    return (this.words ??= wordColumns(this.plan!));
  }
  private words: readonly number[] | undefined;

  /** The id of the row read by {@link fast} (its name in a table without ids). */
  private rowId(): string {
    return this.word(this.idColumn >= 0 ? this.idColumn : this.nameColumn);
  }

  /** The key of the id of the row read by {@link fast}: from its bytes when they are ASCII. */
  private rowKey(year: number): number {
    const j = this.idColumn >= 0 ? this.idColumn : this.nameColumn;
    return this.wk[j] === 1 ? idKeyOfBytes(year, this.bytes, this.ws[j]!, this.we[j]!) : idKey(year, this.rowId());
  }

  /** The view of the row read by {@link fast}, handed on. */
  private readonly view: RowView = ((reader: TableReader): RowView => ({
    get record() {
      return reader.values as unknown as CommunityRecord;
    },
    full: () => reader.fullRecord(),
    id: () => reader.rowId(),
    copyTo: (block, year, row) => block.addView(year, row, reader.values.v, reader.wordCols, reader.wk, reader.ws, reader.we, reader.wstr, reader.bytes),
  }))(this);

  /** {@link accept} for the row read by {@link fast}. */
  private acceptView(year: number, row: number, ownYear: boolean): void {
    if (year !== this.lastYear) [this.lastYear, this.lastKey] = [year, String(year)];
    const key = this.lastKey;
    const mode = this.options.ids ?? 'table';
    if (mode === 'keys') this.addKey(this.rowKey(year));
    else if ((mode === 'table' || mode.verify.has(this.rowKey(year))) && this.repeated(this.rowId(), key, row)) return;
    this.addValues(key);
    if (!ownYear) this.rowsOfTableYear++;
    this.byYear[key] = (this.byYear[key] ?? 0) + 1;
    if (this.emitView) this.emitView(this.view, year, row);
    else this.emit(this.fullRecord(), year, row);
  }

  /** The reading of a common row into a record of its own, cell by cell (after the checks of {@link quick}). */
  private quickRecord(row: number, bytes: Uint8Array, start: Int32Array, end: Int32Array, count: number, decoder: InstanceType<typeof TextDecoder>): boolean {
    const plan = this.plan!;
    const texts = this.texts;
    const cols = this.columns!;
    const op = plan.op;
    const record: Record<string, unknown> = {};
    let year = this.tableYear;
    let ownYear = false;
    const n = Math.min(count, plan.width);
    for (let j = 0; j < n; j++) {
      const s = start[j]!;
      const e = end[j]!;
      const how = op[j]!;
      if (how === SKIP || e === s) continue;
      let value: unknown;
      let x: number;
      if (how === DIGITS && (x = digitsAt(bytes, s, e)) >= 0) {
        // Plain digits, as readCell reads them (an amount's value the same number, given as a number).
        if (plan.key[j] === 'year') {
          if (x < YEAR_MIN || x > YEAR_MAX) return false;
          if (this.statedYear !== undefined && x !== this.statedYear) return false; // said by the full reading
          year = x;
          ownYear = true;
          continue;
        }
        value = x;
      } else if (how === FLAG && (x = flagAt(bytes, s, e)) >= 0) {
        value = x === 1; // true, false, 1, 0: as readCell reads them
      } else if (how === KIND && (x = kindAt(bytes, s, e)) >= 0) {
        value = x === 0 ? 'urban' : 'rural';
      } else if (how === WORDS && texts[j] === undefined && plainAscii(bytes, s, e)) {
        value = asciiText(bytes, s, e, decoder); // an ASCII id or name: its bytes are its trimmed text
      } else {
        const c = cols[j] as Extract<Column, { type: 'field' }>;
        const kind = c.field.kind;
        const text = texts[j] ?? cellText(bytes, s, e, decoder);
        const t = how === WORDS ? text.trim() : '';
        // An id or a name that starts with a letter, a digit or a CJK ideograph is not a mark of a missing cell ('-', '/'): readCell would give it trimmed.
        if (t !== '' && isWordStart(t.charCodeAt(0))) value = t;
        else {
          const cell = readCell(kind, text, c.scale);
          if (!cell.ok) return false;
          value = cell.value;
        }
        if (value === undefined) continue;
        if (c.field.key === 'year') {
          if (this.statedYear !== undefined && value !== this.statedYear) return false; // said by the full reading
          year = value as number;
          ownYear = true;
          continue;
        }
      }
      record[plan.key[j]!] = value;
    }
    if (this.idColumn < 0 && typeof record.name === 'string' && record.name !== '') record.id = record.name;
    if (year === undefined || !looksValid(record)) return false;
    this.accept(record, year, row, ownYear);
    return true;
  }

  /** The plan of the quick reading, made from the header once it is found. */
  private plan: RowPlan | undefined;
  /** The columns whose text may be a total's label (the id, the name and the first), each once. */
  private labels: readonly number[] = [];

  /** The texts of the row being read quickly that were decoded for its total check (reused). */
  private readonly texts: (string | undefined)[] = [];

  /**
   * With `ids: 'keys'`, after {@link end}: the keys that occur more than once (empty: no id is repeated). Call once:
   * the keys are let go.
   */
  repeatedKeys(): Set<number> {
    const keys = this.keys;
    this.keys = undefined;
    return keys ? repeatedIn(keys.subarray(0, this.keyCount)) : new Set();
  }

  /** Finish: decide the header if the table was short, then check the last totals. */
  end(): TableNotes {
    if (!this.columns) this.decide();
    const columns: Record<string, string> = {};
    const ignored: string[] = [];
    for (const c of this.columns!) {
      if (c.type === 'field') columns[c.field.key] = c.header;
      else if (c.header !== '') ignored.push(c.header);
    }
    return {
      headerRows: this.headerRows,
      titleRows: this.titleRows,
      blankRows: this.blankRows,
      noteRows: this.noteRows,
      totalRows: this.totalRows,
      ignoredColumns: ignored,
      columns,
      idFromName: this.idColumn < 0,
      warnings: this.warnings,
      rowsByYear: this.byYear,
      year: {
        ...(this.statedYear !== undefined
          ? { year: this.statedYear, from: this.yearFrom }
          : this.options.fallbackYear !== undefined && this.rowsOfTableYear > 0
            ? { year: this.options.fallbackYear, from: [{ en: '--year', zh: '--year' }] }
            : { from: [] }),
        ...(this.yearColumn >= 0 && { column: (this.columns![this.yearColumn] as { header: string }).header }),
      },
      totalsChecked: this.totalsChecked,
    };
  }

  private decide(): void {
    const found = findHeader(
      this.head.map((r) => r.cells),
      this.options.columns,
    );
    if (!found) {
      if (this.head.length === 0)
        throw new HeaderError([
          problemAt(0, '', 'invalid', {
            en: `the file is empty; expected a header row naming the community fields (${SOME_FIELDS.en})`,
            zh: `文件是空的；应有一行表头，写出社区的各个字段(${SOME_FIELDS.zh})`,
          }),
        ]);
      const n = this.head.length;
      throw new HeaderError([
        problemAt(this.head[0]!.row, '', 'invalid', {
          en: `no header row found in the first ${n} rows: expected a row naming at least two community fields (${SOME_FIELDS.en}); see 'shequ-rules schema --columns'`,
          zh: `前 ${n} 行中没有找到表头：表头这一行至少要写出两个社区字段(${SOME_FIELDS.zh})；可用的表头见 'shequ-rules schema --columns'`,
        }),
      ]);
    }
    const at = found.rows.at(-1)!;
    this.headerRows = found.rows.map((i) => this.head[i]!.row);
    this.titleRows = this.head.slice(0, found.rows[0]).map((r) => r.row);
    this.columns = found.columns;
    this.statedYears(this.head.slice(0, found.rows[0]));
    this.checkHeader(this.headerRows[0]!);
    this.plan = planOf(this.columns);
    const rest = this.head.slice(at + 1);
    this.head.length = 0;
    for (const r of rest) this.body(r);
  }

  /**
   * The table's own year from its title rows (each cell that names one) and its surroundings; two that disagree are
   * a problem naming both, and then no row takes a year but from its 年度 cell.
   */
  private statedYears(titles: readonly TableRow[]): void {
    const sources: (YearSource & { row?: number })[] = [];
    for (const r of titles)
      for (const c of r.cells) {
        const y = yearInTitle(text(c));
        if (y !== undefined && !sources.some((s) => s.row === r.row && s.year === y))
          sources.push({ year: y, row: r.row, from: { en: `the title row ${r.row}`, zh: `标题行 ${r.row}` } });
      }
    sources.push(...(this.options.years ?? []));
    const first = sources[0];
    const other = sources.find((s) => s.year !== first?.year);
    if (first && other) {
      this.problem(sources.find((s) => s.row !== undefined)?.row ?? 0, '', 'invalid', {
        en: `two years for the table: ${first.from.en} says ${first.year}, ${other.from.en} says ${other.year}; correct the one that is wrong`,
        zh: `表格的年度有两个：${spaced(first.from.zh)}是 ${first.year} 年，${spaced(other.from.zh)}是 ${other.year} 年；请改正错误的那一个`,
      });
      this.saidNoYear = true; // rows without a 年度 cell have no year: said once, here
      this.conflicted = true;
      return;
    }
    if (first) {
      this.statedYear = first.year;
      this.yearFrom = sources.map((s) => s.from);
    }
  }

  private checkHeader(row: number): void {
    const problems: TableProblem[] = [];
    const seen = new Map<string, string>();
    this.columns!.forEach((c, j) => {
      const column = describeValue(c.header);
      if (c.type === 'unknown') {
        const hint = c.candidates
          ? {
              en: `: it could be ${c.candidates.map((x) => x.en).join(' or ')} (${c.candidates.map((x) => x.zh).join(' 或 ')}); say which with a column map (--columns)`,
              zh: `：它可能是${c.candidates.map((x) => x.zh).join('，也可能是')}；请用列映射(--columns)说明是哪一个`,
            }
          : {
              en: `${c.suggestion ? ` (did you mean "${c.suggestion}"?)` : ''}; map it to a field with --columns, or see 'shequ-rules schema --columns'`,
              zh: `${c.suggestion ? `(是否想写 "${c.suggestion}"？)` : ''}；请用 --columns 把它对应到一个字段，可用的表头见 'shequ-rules schema --columns'`,
            };
        problems.push(
          problemAt(row, c.header, 'unknown-field', {
            en: `column ${j + 1} ${column} is not a community field${hint.en}`,
            zh: `第 ${j + 1} 列 ${column} 不是社区的字段${hint.zh}`,
          }),
        );
      } else if (c.type === 'field') {
        const first = seen.get(c.field.key);
        if (first !== undefined)
          problems.push(
            problemAt(row, c.header, 'invalid', {
              en: `column ${j + 1} ${column} means ${c.field.key}, as column ${describeValue(first)} does`,
              zh: `第 ${j + 1} 列 ${column} 与 ${describeValue(first)} 列说的是同一个字段 ${c.field.key}`,
            }),
          );
        else seen.set(c.field.key, c.header);
      }
    });
    this.idColumn = this.columns!.findIndex((c) => c.type === 'field' && c.field.key === 'id');
    this.nameColumn = this.columns!.findIndex((c) => c.type === 'field' && c.field.key === 'name');
    this.yearColumn = this.columns!.findIndex((c) => c.type === 'field' && c.field.key === 'year');
    this.householdsAt = this.columns!.findIndex((c) => c.type === 'field' && c.field.key === 'households');
    this.labels = [...new Set([this.idColumn, this.nameColumn, 0].filter((j) => j >= 0))];
    for (const f of FIELD_SPECS) {
      if (!f.required || seen.has(f.key)) continue;
      if (f.key === 'id' && seen.has('name')) continue; // identified by name, said in the report
      problems.push(
        problemAt(row, '', 'missing-field', {
          en: `the header lacks the required column ${f.name.zh}/${f.key}`,
          zh: `表头缺少必需的列 ${f.name.zh}/${f.key}`,
        }),
      );
    }
    if (problems.length) throw new HeaderError(problems);
  }

  private problem(row: number, header: string, code: IssueCode, messages: Bilingual): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problemAt(row, header, code, messages));
  }

  private body(r: TableRow): void {
    const cells = r.cells;
    const texts = cells.map(text);
    if (texts.every((t) => SEPARATORS.test(t))) {
      this.blankRows++;
      return;
    }
    const cols = this.columns!;
    // A total's label ends in 计 (合计, 总计, 小计) or is total/subtotal/sum: looked at closely only then (most rows are not).
    const label = [this.idColumn, this.nameColumn, 0]
      .map((j) => (j >= 0 ? (texts[j] ?? '') : ''))
      .filter((t) => /[计lLmMｌＬｍＭ]$/.test(t))
      .map(squeeze)
      .find((t) => TOTAL.test(t));
    if (label !== undefined) return this.total(r, label);
    const first = texts.find((t) => t !== '') ?? '';
    if (NOTE.test(first) && (this.householdsAt < 0 || (texts[this.householdsAt] ?? '') === '')) {
      this.noteRows.push(r.row);
      return;
    }
    const record: Record<string, unknown> = {};
    let year = this.tableYear;
    let ownYear = false;
    let bad = false;
    const width = Math.max(cells.length, cols.length);
    for (let j = 0; j < width; j++) {
      const c = cols[j];
      const raw = cells[j];
      if (c?.type !== 'field') {
        if (texts[j] && !c) {
          this.problem(r.row, '', 'invalid', {
            en: `column ${j + 1} has a value (${describeValue(texts[j])}) but no header`,
            zh: `第 ${j + 1} 列有值(${describeValue(texts[j], 'zh')})，但没有表头`,
          });
          bad = true;
        }
        continue;
      }
      const cell = readCell(c.field.kind, raw, c.scale);
      if (!cell.ok) {
        const said = issue(c.header, cell.code, {
          expected: cell.expected,
          received: cell.received ?? received(typeof raw === 'string' ? raw.trim() : raw),
          ...(cell.note && { note: cell.note }),
        });
        this.problem(r.row, c.header, cell.code, said.messages!);
        bad = true;
        continue;
      }
      if (cell.value === undefined) continue;
      if (c.field.key === 'year') {
        if (this.statedYear !== undefined && cell.value !== this.statedYear) {
          this.problem(r.row, c.header, 'invalid', {
            en: `the year ${cell.value as number} disagrees with the table's year ${this.statedYear} (from ${this.yearFrom.map((f) => f.en).join(' and ')})`,
            zh: `年度 ${cell.value as number} 与表格的年度 ${this.statedYear} 年(取自${this.yearFrom.map((f) => f.zh).join('、')})不一致`,
          });
          bad = true;
          continue;
        }
        year = cell.value as number;
        ownYear = true;
      } else record[c.field.key] = cell.value;
    }
    if (this.idColumn < 0 && typeof record.name === 'string' && record.name !== '') record.id = record.name;
    if (bad) return;
    if (year === undefined) {
      if (!this.saidNoYear)
        this.problem(r.row, '', 'missing-field', {
          en: 'no year: the table has no 年度 column, and neither its title, its sheet nor its file name gives one; give it with --year',
          zh: '没有年度：表中没有“年度”列，标题、工作表名和文件名中也都没有年份；请用 --year 给出',
        });
      this.saidNoYear = true;
      return;
    }
    // The common row through the quick check (held to the schema by a test), the rest through the schema for its messages.
    let c: CommunityRecord;
    if (looksValid(record)) c = record;
    else {
      const parsed = communitySchema.safeParse(record, { reportInput: true });
      if (!parsed.success) {
        for (const iss of parsed.error.issues) {
          const key = String(iss.path[0] ?? '');
          const header = cols.find((c) => c.type === 'field' && c.field.key === key)?.header ?? key;
          if (iss.input === undefined) {
            const byName = key === 'id' && this.idColumn < 0;
            this.problem(r.row, header, 'missing-field', {
              en: `is empty; ${byName ? 'a name' : key} is required`,
              zh: `未填写；${byName ? '社区名称' : (fieldSpec(key)?.name.zh ?? key)}必须填写`,
            });
          } else {
            const said = toIssues([iss])[0]!;
            this.problem(r.row, header, said.code ?? 'invalid', said.messages ?? { en: said.message, zh: said.message });
          }
        }
        return;
      }
      c = parsed.data;
    }
    const sum = sumIssue(c, []);
    if (sum)
      return this.problem(
        r.row,
        cols.find((x) => x.type === 'field' && x.field.key === 'floatingHouseholds')?.header ?? '',
        sum.code ?? 'out-of-range',
        sum.messages ?? { en: sum.message, zh: sum.message },
      );
    this.accept(c, year, r.row, ownYear);
  }

  /** A valid community: its id checked for duplicates, its figures added to the sums, handed on. */
  private accept(c: CommunityRecord, year: number, row: number, ownYear: boolean): void {
    if (year !== this.lastYear) [this.lastYear, this.lastKey] = [year, String(year)];
    const key = this.lastKey;
    const mode = this.options.ids ?? 'table';
    if (mode === 'keys') this.addKey(idKey(year, c.id));
    else if ((mode === 'table' || mode.verify.has(idKey(year, c.id))) && this.repeated(c.id, key, row)) return;
    this.addToSums(key, c);
    if (!ownYear) this.rowsOfTableYear++;
    this.byYear[key] = (this.byYear[key] ?? 0) + 1;
    this.emit(c, year, row);
  }

  /** Whether the id was read before in the year `key` (a problem said), else noted at this row. */
  private repeated(id: string, key: string, row: number): boolean {
    const ids = this.ids.get(key) ?? this.ids.set(key, new Map()).get(key)!;
    const firstRow = ids.get(id);
    if (firstRow === undefined) {
      ids.set(id, row);
      return false;
    }
    const cols = this.columns!;
    const byId = this.idColumn >= 0;
    this.problem(row, byId ? cols[this.idColumn]!.header : cols[this.nameColumn]!.header, 'duplicate-id', {
      en: `duplicate ${byId ? 'id' : 'name'} ${describeValue(id)} (first on ${this.options.unit ?? 'row'} ${firstRow}) in ${key}`,
      zh: `${key} 年的${byId ? '编号' : '社区名称'} ${describeValue(id, 'zh')} 重复(第一次出现在第 ${firstRow} 行)`,
    });
    return true;
  }

  /** The last year accepted, and its key (most tables hold one year). */
  private lastYear = NaN;
  private lastKey = '';

  private addKey(k: number): void {
    let keys = this.keys ?? (this.keys = new Float64Array(1 << 16));
    if (this.keyCount === keys.length) {
      keys = new Float64Array(keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    keys[this.keyCount++] = k;
  }

  /** The year of rows without a 年度 cell: the table's own (its titles, sheet and file agree on it), else --year. */
  private get tableYear(): number | undefined {
    if (this.conflicted) return undefined;
    return this.statedYear ?? this.options.fallbackYear;
  }

  private sumsOf(key: string) {
    return this.sums.get(key) ?? this.sums.set(key, { sub: emptySums(), all: emptySums() }).get(key)!;
  }

  private addToSums(key: string, c: CommunityRecord): void {
    const s = this.sumsOf(key);
    const groups = [s.sub, s.all, this.grand.sub, this.grand.all];
    for (const group of groups) group.rows++;
    for (let i = 0; i < SUMMED.length; i++) {
      const v = (c as unknown as Record<string, number | string | undefined>)[SUMMED[i]!];
      if (v === undefined) {
        for (const group of groups) group.missing |= 1 << i;
        continue;
      }
      const n = wholeOf(v);
      for (const group of groups) add(group, i, v, n);
    }
  }

  /** {@link addToSums} for the row read by {@link fast}: its values are whole numbers of at most 15 digits, or missing. */
  private addValues(key: string): void {
    if (key !== this.sumsKey) [this.sumsKey, this.sumsAt] = [key, this.sumsOf(key)];
    const s = this.sumsAt!;
    const { sub, all } = s;
    const { sub: gsub, all: gall } = this.grand;
    sub.rows++;
    all.rows++;
    gsub.rows++;
    gall.rows++;
    const v = this.values.v;
    for (let i = 0; i < SUMMED_AT.length; i++) {
      const x = v[SUMMED_AT[i]!]!;
      if (Number.isNaN(x)) {
        const bit = 1 << i;
        sub.missing |= bit;
        all.missing |= bit;
        gsub.missing |= bit;
        gall.missing |= bit;
        continue;
      }
      add(sub, i, x, x);
      add(all, i, x, x);
      add(gsub, i, x, x);
      add(gall, i, x, x);
    }
  }
  /** The year whose sums {@link addValues} added to last, and its sums (a total row replaces them: then reset). */
  private sumsKey: string | undefined;
  private sumsAt: { sub: Sums; all: Sums } | undefined;

  /** A 合计/总计/小计 row: not a community; its figures are checked against the rows it totals. */
  private total(r: TableRow, label: string): void {
    this.totalRows.push(r.row);
    const cols = this.columns!;
    let key = String(this.tableYear ?? '');
    let ofYear = this.yearColumn < 0;
    if (this.yearColumn >= 0) {
      const y = readCell('year', r.cells[this.yearColumn]);
      if (y.ok && y.value !== undefined) [key, ofYear] = [String(y.value), true];
    }
    // A total that names its year is held to that year's rows; one that names none, under a table with a 年度
    // column, is a grand total of every year's rows above.
    const s = ofYear ? this.sumsOf(key) : this.grand;
    const sub = /小计$/.test(label) || /^subtotal$/i.test(label);
    const group = sub ? s.sub : s.all;
    this.totalsChecked.push({ row: r.row, ...(ofYear && key !== '' && { year: Number(key) }), rows: group.rows });
    const above = ofYear
      ? { en: `the ${group.rows} rows above`, zh: `上面 ${group.rows} 行` }
      : { en: `the ${group.rows} rows above (every year)`, zh: `上面各年度共 ${group.rows} 行` };
    cols.forEach((c, j) => {
      if (c.type !== 'field' || !(SUMMED as readonly string[]).includes(c.field.key)) return;
      const cell = readCell(c.field.kind, r.cells[j], c.scale);
      if (!cell.ok) {
        this.warnings.push({
          row: r.row,
          message: { zh: `第 ${r.row} 行(${label})的“${c.header}”无法读取，未核对`, en: `row ${r.row} (${label}): ${c.header} cannot be read, not checked` },
        });
        return;
      }
      if (cell.value === undefined) return;
      const stated = new D(cell.value as number | string);
      const at = (SUMMED as readonly string[]).indexOf(c.field.key);
      if (group.missing & (1 << at)) {
        this.warnings.push({
          row: r.row,
          message: {
            zh: `第 ${r.row} 行(${label})的“${c.header}”未核对：上面有的行没有填写`,
            en: `row ${r.row} (${label}): ${c.header} not checked, some rows above leave it empty`,
          },
        });
        return;
      }
      const sum = total(group, at);
      if (!stated.eq(sum)) {
        this.warnings.push({
          row: r.row,
          message: {
            zh: `第 ${r.row} 行(${label})的“${c.header}”为 ${stated.toFixed()}，但${above.zh}合计为 ${sum.toFixed()}`,
            en: `row ${r.row} (${label}): ${c.header} says ${stated.toFixed()}, but ${above.en} add up to ${sum.toFixed()}`,
          },
        });
      }
    });
    this.sumsKey = undefined; // the sums of the year may be replaced
    if (sub) s.sub = emptySums();
    else if (ofYear) this.sums.set(key, { sub: emptySums(), all: emptySums() });
    else this.grand = { sub: emptySums(), all: emptySums() };
  }
}
