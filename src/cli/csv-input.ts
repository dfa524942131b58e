// Not wired into the CLI yet: the CLI reads tables through src/read (issue 12); putting this byte-level path under it is the open part of issue 13.
/**
 * A CSV of communities read from bytes into columns: the tokenizer hands over
 * rows as byte ranges, the common cells (plain whole numbers, urban/rural,
 * true/false/1/0, ids and names that need no trimming) are taken straight into
 * a block of typed arrays; any other row is read as text and checked by the
 * dataset schema, as every record is, so its messages are the schema's. Ids
 * and names become strings only for the findings that are kept.
 */
import { PolicyInputError, describeValue } from '../errors.js';
import { CommunityColumns, type TextSource } from '../evaluate/columns.js';
import { communitySchema, sumIssue, toIssues } from '../evaluate/dataset.js';
import { closest } from '../policy/names.js';
import type { CsvRowSink } from '../csv/tokenizer.js';

/** An input problem the CLI reports with exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const FIELDS = Object.keys(communitySchema.def.shape);
const REQUIRED = ['id', 'name', 'kind', 'households', 'residents'];
const COUNT_FIELDS = new Set(['households', 'floatingHouseholds', 'residents', 'staff']);
const FLAG_FIELDS = new Set(['roomsOnGroundFloor', 'oneStopWindow']);

const enum F {
  Id,
  Name,
  Kind,
  Households,
  Floating,
  Residents,
  Room,
  Staff,
  Ground,
  OneStop,
  Subsidy,
  Active,
}
const FIELD_CODE: Record<string, F> = {
  id: F.Id,
  name: F.Name,
  kind: F.Kind,
  households: F.Households,
  floatingHouseholds: F.Floating,
  residents: F.Residents,
  roomAreaM2: F.Room,
  staff: F.Staff,
  roomsOnGroundFloor: F.Ground,
  oneStopWindow: F.OneStop,
  streetSubsidyPaid: F.Subsidy,
  activeFrom: F.Active,
};

/** A cell as the old text reader took it (the slow path, for rows the fast path does not take). */
function cell(field: string, raw: string): unknown {
  const v = raw.trim();
  if (COUNT_FIELDS.has(field) && /^\d{1,16}$/.test(v)) return Number(v);
  if (FLAG_FIELDS.has(field)) {
    const lower = v.toLowerCase();
    if (['true', '1', 'yes', 'y', '是'].includes(lower)) return true;
    if (['false', '0', 'no', 'n', '否'].includes(lower)) return false;
  }
  return v;
}

/** 1 to 15 ASCII digits as a number (exact), or -1. */
function digits(buf: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n < 1 || n > 15) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Lead bytes of the UTF-8 forms of the whitespace `String.prototype.trim` removes (U+00A0, U+1680, U+2000–U+3000, U+FEFF). */
const isSpaceLead = (b: number) => b === 0xc2 || b === 0xe1 || b === 0xe2 || b === 0xe3 || b === 0xef;
const isAsciiSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** Whether a UTF-8 cell is non-empty and certainly unchanged by trim(). */
function untrimmed(buf: Uint8Array, s: number, e: number): boolean {
  if (e <= s) return false;
  const first = buf[s]!;
  if (isAsciiSpace(first) || isSpaceLead(first)) return false;
  let last = e - 1;
  if (buf[last]! < 0x80) return !isAsciiSpace(buf[last]!);
  while (last > s && (buf[last]! & 0xc0) === 0x80) last--;
  return !isSpaceLead(buf[last]!);
}

/** Exact bytes of a short ASCII word. */
function is(buf: Uint8Array, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[s + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * The ids seen so far, for duplicates: their bytes in one arena, a hash and the line of each, and an open
 * addressing table — exact, and about 30 bytes an id (a million ids take some 30 MB).
 */
export class IdSet implements IdCheck {
  /** Pairs (entry + 1, hash) per slot: a probe reads one cache line; bytes are compared only when hashes match. */
  private table: Int32Array;
  private starts: Uint32Array;
  private lines: Uint32Array;
  private arena: Uint8Array;
  private used = 0;
  private count = 0;

  /** Sized for about `expected` ids (it grows past them), so that the table is rarely rebuilt. */
  constructor(expected: number) {
    let slots = 1 << 16;
    while (slots * 3 < expected * 4 && slots < 1 << 26) slots *= 2;
    this.table = new Int32Array(2 * slots);
    const n = Math.max(1 << 15, Math.min(expected, 1 << 25));
    this.starts = new Uint32Array(n);
    this.lines = new Uint32Array(n);
    this.arena = new Uint8Array(n * 8);
  }

  /** FNV-1a, then MurmurHash3's finaliser to spread sequential ids over the table. */
  private static hash(buf: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** Add an id; returns the line where it was first seen if it was, else 0. */
  add(buf: Uint8Array, s: number, e: number, line: number): number {
    const h = IdSet.hash(buf, s, e);
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    const n = e - s;
    let slot = h & mask;
    for (;;) {
      const entry = table[2 * slot]!;
      if (entry === 0) break;
      if (table[2 * slot + 1] === h) {
        const a = this.starts[entry - 1]!;
        const b = entry === this.count ? this.used : this.starts[entry]!;
        if (b - a === n) {
          const arena = this.arena;
          let i = 0;
          while (i < n && arena[a + i] === buf[s + i]) i++;
          if (i === n) return this.lines[entry - 1]!;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (this.used + n > this.arena.length) this.arena = grow(this.arena, this.used + n);
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts, this.count + 1);
      this.lines = grow(this.lines, this.count + 1);
    }
    const arena = this.arena;
    for (let i = 0, at = this.used; i < n; i++) arena[at + i] = buf[s + i]!; // a loop: subarray() would make an object per id
    this.starts[this.count] = this.used;
    this.lines[this.count] = line;
    this.used += n;
    this.count++;
    table[2 * slot] = this.count;
    table[2 * slot + 1] = h;
    if (this.count * 8 > table.length * 3) this.rehash();
    return 0;
  }

  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let x = 0; x < old.length; x += 2) {
      if (old[x] === 0) continue;
      let slot = old[x + 1]! & mask;
      while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[x]!;
      table[2 * slot + 1] = old[x + 1]!;
    }
    this.table = table;
  }
}

/** A duplicate-id check: `add` returns the line where the id was first seen, or 0. @internal */
export interface IdCheck {
  add(buf: Uint8Array, s: number, e: number, line: number): number;
}

/** A 53-bit key of an id's bytes: FNV-1a (32 bits) and a second, differently seeded hash (21 bits). */
function idKey(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  let g = 0x9747b28c;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    h = Math.imul(h ^ b, 0x01000193);
    g = Math.imul(g ^ b, 0x5bd1e995);
    g ^= g >>> 15;
  }
  return (h >>> 0) * 0x200000 + (g & 0x1fffff);
}

/**
 * The first reading of a file: only a key per id, written one after another (8 bytes a row, no table to probe).
 * Keys that occur twice are the only ids that can be duplicates; a second reading settles them exactly
 * ({@link IdVerifier}). Two different ids share a key with a chance of about n² / 2^54 (a few in ten thousand
 * for three million rows): then the second reading finds them different, and nothing is reported.
 * @internal
 */
export class IdKeys implements IdCheck {
  private keys: Float64Array;
  private count = 0;
  /** Sized for about `expected` ids, so that the array is rarely copied to grow. */
  constructor(expected: number) {
    this.keys = new Float64Array(Math.max(1 << 12, Math.min(expected, 1 << 27)));
  }
  add(buf: Uint8Array, s: number, e: number): number {
    if (this.count === this.keys.length) this.keys = grow(this.keys, this.count + 1);
    this.keys[this.count++] = idKey(buf, s, e);
    return 0;
  }
  /** Keys seen more than once (sorts the keys: call once, at the end). */
  repeated(): Set<number> {
    const keys = this.keys.subarray(0, this.count).sort();
    const out = new Set<number>();
    for (let i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) out.add(keys[i]!);
    return out;
  }
}

/** The second reading: the ids whose keys repeat, compared as text. @internal */
export class IdVerifier implements IdCheck {
  private readonly first = new Map<string, number>();
  constructor(private readonly keys: Set<number>) {}
  add(buf: Uint8Array, s: number, e: number, line: number): number {
    if (!this.keys.has(idKey(buf, s, e))) return 0;
    const id = utf8.decode(buf.subarray(s, e));
    const at = this.first.get(id);
    if (at !== undefined) return at;
    this.first.set(id, line);
    return 0;
  }
}

function grow<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(a: T, need: number): T {
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** What the sink does with a full block. */
export type BlockHandler = (cols: CommunityColumns) => void;

/** Rows of a CSV of communities into blocks of columns. @internal */
export class CommunityCsvSink implements CsvRowSink, TextSource {
  readonly cols = new CommunityColumns(4096);
  private header: string[] | undefined;
  private codes: Int8Array = new Int8Array(0);
  private readonly ids: IdCheck | undefined;
  /** Byte ranges of each row's id and name in the current buffer. */
  private readonly idStart = new Int32Array(4096);
  private readonly idEnd = new Int32Array(4096);
  private readonly nameStart = new Int32Array(4096);
  private readonly nameEnd = new Int32Array(4096);
  private buf: Uint8Array = new Uint8Array(0);
  /** Communities read. */
  rows = 0;

  constructor(
    private readonly file: string,
    private readonly onBlock: BlockHandler,
    /** The duplicate-id check, if any. */
    ids: IdCheck | undefined,
    private readonly progress?: (rows: number) => void,
  ) {
    this.ids = ids;
    this.cols.source = this;
  }

  get sawHeader(): boolean {
    return this.header !== undefined;
  }

  text(i: number, field: 'id' | 'name'): string {
    return field === 'id' ? utf8.decode(this.buf.subarray(this.idStart[i], this.idEnd[i])) : utf8.decode(this.buf.subarray(this.nameStart[i], this.nameEnd[i]));
  }

  /** Hand on the rows read so far (their ids and names point into the tokenizer's buffer, which is reused next). */
  flush(): void {
    if (this.cols.length > 0) this.onBlock(this.cols);
    this.cols.length = 0;
  }

  row(buf: Uint8Array, start: Int32Array, end: Int32Array, count: number, line: number): void {
    if (!this.header) {
      this.readHeader(buf, start, end, count, line);
      return;
    }
    if (count !== this.header.length) {
      throw new InputError(`${this.file}: line ${line}: ${count} fields, but the header has ${this.header.length}`);
    }
    if (this.cols.length === this.cols.capacity) this.flush();
    this.buf = buf;
    const cols = this.cols;
    const i = cols.add(line);
    let ok = true;
    for (let x = 0; x < count && ok; x++) {
      const s = start[x]!;
      const e = end[x]!;
      const code = this.codes[x]!;
      if (s === e) {
        // An empty cell: the field is absent (the schema says which are required).
        if (code <= F.Kind || code === F.Households || code === F.Residents) ok = false;
        continue;
      }
      switch (code) {
        case F.Id:
          ok = untrimmed(buf, s, e);
          this.idStart[i] = s;
          this.idEnd[i] = e;
          break;
        case F.Name:
          ok = untrimmed(buf, s, e);
          this.nameStart[i] = s;
          this.nameEnd[i] = e;
          break;
        case F.Kind:
          if (is(buf, s, e, 'urban')) cols.rural[i] = 0;
          else if (is(buf, s, e, 'rural')) cols.rural[i] = 1;
          else ok = false;
          break;
        case F.Households:
          ok = (cols.households[i] = digits(buf, s, e)) >= 0;
          break;
        case F.Residents:
          ok = (cols.residents[i] = digits(buf, s, e)) >= 0;
          break;
        case F.Floating:
          ok = (cols.floatingHouseholds[i] = digits(buf, s, e)) >= 0;
          break;
        case F.Staff:
          ok = (cols.staff[i] = digits(buf, s, e)) >= 0;
          break;
        case F.Room:
          ok = (cols.roomAreaM2[i] = digits(buf, s, e)) >= 0;
          break;
        case F.Subsidy:
          ok = (cols.streetSubsidyPaid[i] = digits(buf, s, e)) >= 0;
          break;
        case F.Ground:
        case F.OneStop: {
          const flags = code === F.Ground ? cols.roomsOnGroundFloor : cols.oneStopWindow;
          if (is(buf, s, e, 'true') || is(buf, s, e, '1')) flags[i] = 1;
          else if (is(buf, s, e, 'false') || is(buf, s, e, '0')) flags[i] = 0;
          else ok = false;
          break;
        }
        default:
          ok = false; // a date: the schema checks it
      }
    }
    if (!ok) this.slowRow(buf, start, end, count, line, i);
    if (this.ids) {
      let first: number;
      if (ok) first = this.ids.add(buf, this.idStart[i]!, this.idEnd[i]!, line);
      else {
        const id = encoder.encode(cols.ids[i]!);
        first = this.ids.add(id, 0, id.length, line);
      }
      if (first !== 0) {
        throw new InputError(`${this.file}: line ${line}: communities[${this.rows}].id: duplicate id ${describeValue(cols.id(i))} (first on line ${first})`);
      }
    }
    this.rows++;
    if (this.progress && this.rows % 100000 === 0) this.progress(this.rows);
  }

  /** A row the fast path did not take: as text, through the schema. */
  private slowRow(buf: Uint8Array, start: Int32Array, end: Int32Array, count: number, line: number, i: number): void {
    const record: Record<string, unknown> = {};
    for (let x = 0; x < count; x++) {
      const raw = utf8.decode(buf.subarray(start[x], end[x]));
      const name = this.header![x]!;
      if (raw.trim() !== '') record[name] = cell(name, raw);
    }
    const at = ['communities', this.rows];
    const parsed = communitySchema.safeParse(record, { reportInput: true });
    if (!parsed.success) throw located(this.file, line, new PolicyInputError(toIssues(parsed.error.issues, at), 'report'));
    const sum = sumIssue(parsed.data, at);
    if (sum) throw located(this.file, line, new PolicyInputError([sum], 'report'));
    this.cols.setRecord(i, parsed.data);
  }

  private readHeader(buf: Uint8Array, start: Int32Array, end: Int32Array, count: number, line: number): void {
    const header: string[] = [];
    for (let x = 0; x < count; x++) header.push(utf8.decode(buf.subarray(start[x], end[x])).trim());
    const issues: string[] = [];
    header.forEach((name, i) => {
      if (!FIELDS.includes(name)) {
        const guess = closest(name, FIELDS);
        issues.push(`${this.file}: line ${line}: column ${i + 1} ${describeValue(name)} is not a community field${guess ? ` (did you mean "${guess}"?)` : ''}; allowed: ${FIELDS.join(', ')}`);
      } else if (header.indexOf(name) !== i) issues.push(`${this.file}: line ${line}: column ${describeValue(name)} appears twice`);
    });
    for (const name of REQUIRED) if (!header.includes(name)) issues.push(`${this.file}: line ${line}: the header lacks the required column ${describeValue(name)}`);
    if (issues.length) throw new InputError(issues.join('\n'));
    this.header = header;
    this.codes = Int8Array.from(header, (name) => FIELD_CODE[name]!);
  }
}

function located(file: string, line: number, e: PolicyInputError): InputError {
  return new InputError(e.issues.map((i) => `${file}: line ${line}: ${i.path}: ${i.message}`).join('\n'));
}

/** The header a CSV of communities needs, for messages. @internal */
export const REQUIRED_COLUMNS = REQUIRED;
