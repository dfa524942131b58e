/**
 * A CSV's rows read in one thread and evaluated in another: the reading
 * thread runs the one table reader and fills blocks of typed arrays (each
 * row's values, its id and name as bytes, its line and year; a row read in
 * full as its record), and the evaluating thread hands the rows to its sink
 * in the order of the file, a row read quickly as a view of its block. Errors
 * cross as data and are made again as the same classes. Nothing here is
 * loaded unless a CSV is read so (the CLI's `src/cli/csv-worker.ts`).
 */
import { CsvSyntaxError } from '../csv/tokenizer.js';
import type { Words } from '../errors.js';
import type { CommunityRecord } from '../evaluate/dataset.js';
import { HELD_COUNT, recordOf, RowValues, wordColumns, type RowPlan, type RowTarget } from './columns.js';
import { EncodingError, type TextEncodingName } from './encoding.js';
import { InputError, readCsvRows, type BlockRequest, type RecordSink, type RowsRead } from './read-file.js';
import { HeaderError, TableReader, type RowView, type TableNotes, type TableProblem } from './table.js';

/** A block of rows read elsewhere, with the plan that tells its values and words. */
export interface BlockMessage {
  readonly data: RowBlockData;
  readonly plan: RowPlan | undefined;
  readonly idFromName: boolean;
}

/** The rows of a block, as they travel between threads (typed arrays and plain data only). */
export interface RowBlockData {
  /** Rows in the block. */
  readonly n: number;
  /** Each row's line and year. */
  readonly rows: Int32Array;
  readonly years: Int32Array;
  /** Each row's values, {@link RowValues.v} after one another; NaN for a row that is a record of its own. */
  readonly values: Float64Array;
  /** Each word column of each row: how it is held (0 empty, 1 ASCII bytes, 2 UTF-8 bytes, 3 a text), and where. */
  readonly wordHow: Uint8Array;
  readonly wordStart: Int32Array;
  readonly wordEnd: Int32Array;
  /** The words' bytes, and the texts of words held as texts (by their place in wordStart). */
  readonly bytes: Uint8Array;
  readonly texts: readonly string[];
  /** Rows read as records of their own (by their place in the block). */
  readonly records: readonly (readonly [at: number, record: Record<string, unknown>])[];
}

/** A block of rows being filled, a row at a time, for another thread. */
export class RowBlock implements RowTarget {
  n = 0;
  private rows: Int32Array;
  private years: Int32Array;
  private values: Float64Array;
  private wordHow: Uint8Array;
  private wordStart: Int32Array;
  private wordEnd: Int32Array;
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private texts: string[] = [];
  private records: [number, Record<string, unknown>][] = [];

  constructor(
    readonly capacity: number,
    /** Word columns a row has. */
    private readonly words: number,
  ) {
    this.rows = new Int32Array(capacity);
    this.years = new Int32Array(capacity);
    this.values = new Float64Array(capacity * HELD_COUNT);
    this.wordHow = new Uint8Array(capacity * words);
    this.wordStart = new Int32Array(capacity * words);
    this.wordEnd = new Int32Array(capacity * words);
  }

  private start(year: number, row: number): number {
    const i = this.n++;
    this.rows[i] = row;
    this.years[i] = year;
    return i;
  }

  /**
   * A row read quickly: its values, and the words of its word columns `cols`, each held as `how[j]` says (1, 2:
   * bytes[start[j] … end[j]); 3: texts[j]).
   */
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
  ): void {
    const i = this.start(year, row);
    this.values.set(values, i * HELD_COUNT);
    for (let w = 0; w < cols.length; w++) {
      const j = cols[w]!;
      const at = i * this.words + w;
      const k = how[j]!;
      this.wordHow[at] = k;
      if (k === 1 || k === 2) {
        const s = start[j]!;
        const len = end[j]! - s;
        if (this.used + len > this.bytes.length) {
          const next = new Uint8Array(Math.max(this.bytes.length * 2, this.used + len));
          next.set(this.bytes.subarray(0, this.used));
          this.bytes = next;
        }
        for (let x = 0; x < len; x++) this.bytes[this.used + x] = bytes[s + x]!;
        this.wordStart[at] = this.used;
        this.used += len;
        this.wordEnd[at] = this.used;
      } else if (k === 3) {
        this.wordStart[at] = this.texts.push(texts[j]!) - 1;
      }
    }
  }

  /** A row read as a record of its own. */
  addRecord(year: number, row: number, record: Record<string, unknown>): void {
    const i = this.start(year, row);
    this.values.fill(Number.NaN, i * HELD_COUNT, (i + 1) * HELD_COUNT);
    this.records.push([i, record]);
  }

  /** The block's rows as data (copies), the block emptied for the next rows. */
  take(): RowBlockData {
    const n = this.n;
    const texts = this.texts;
    const records = this.records;
    const used = this.used;
    this.n = this.used = 0;
    this.texts = [];
    this.records = [];
    return {
      n,
      rows: this.rows.slice(0, n),
      years: this.years.slice(0, n),
      values: this.values.slice(0, n * HELD_COUNT),
      wordHow: this.wordHow.slice(0, n * this.words),
      wordStart: this.wordStart.slice(0, n * this.words),
      wordEnd: this.wordEnd.slice(0, n * this.words),
      bytes: this.bytes.slice(0, used),
      texts,
      records,
    };
  }
}

/** Blocks of rows read elsewhere, to the sink a row at a time: a row read quickly as a view of the block. */
export class BlockFeed {
  private readonly values = new RowValues();
  private data: RowBlockData | undefined;
  private plan: RowPlan | undefined;
  private idFromName = false;
  /** Each column's place among the word columns (-1 for another). */
  private wordAt: number[] = [];
  private words = 0;
  private i = 0;
  private readonly decoder = new TextDecoder();
  private readonly view: RowView;

  constructor(
    private readonly sink: RecordSink,
    private readonly table: number,
  ) {
    const feed = this;
    this.view = {
      get record() {
        return feed.values as unknown as CommunityRecord;
      },
      full: () => recordOf(this.plan!, this.values, (j) => this.word(j), this.idFromName) as unknown as CommunityRecord,
      id: () => this.word(this.plan!.key.indexOf(this.idFromName ? 'name' : 'id'))!,
      copyTo: () => {
        throw new Error('a row read elsewhere is not copied again');
      },
    };
  }

  /** Word column `j` of the row being handed on. */
  private word(j: number): string | undefined {
    const d = this.data!;
    const at = this.i * this.words + this.wordAt[j]!;
    const how = d.wordHow[at];
    if (how === 0) return undefined;
    if (how === 3) return d.texts[d.wordStart[at]!];
    // ASCII or UTF-8 bytes (only a UTF-8 file's words are held as UTF-8).
    return this.decoder.decode(d.bytes.subarray(d.wordStart[at], d.wordEnd[at]));
  }

  block(b: BlockMessage): void {
    if (b.plan && b.plan !== this.plan) {
      this.plan = b.plan;
      this.idFromName = b.idFromName;
      const cols = wordColumns(b.plan);
      this.words = cols.length;
      this.wordAt = Array.from({ length: b.plan.width }, (_, j) => cols.indexOf(j));
    }
    const d = (this.data = b.data);
    const v = this.values.v;
    let r = 0;
    for (let i = 0; i < d.n; i++) {
      this.i = i;
      const year = d.years[i]!;
      const row = d.rows[i]!;
      if (r < d.records.length && d.records[r]![0] === i) {
        this.sink.community(d.records[r++]![1] as unknown as CommunityRecord, year, this.table, row);
        continue;
      }
      for (let x = 0; x < HELD_COUNT; x++) v[x] = d.values[i * HELD_COUNT + x]!;
      if (this.sink.communityView) this.sink.communityView(this.view, year, this.table, row);
      else this.sink.community(this.view.full(), year, this.table, row);
    }
    this.data = undefined;
  }
}

/** Rows in a block sent from a reading elsewhere. */
const BLOCK_ROWS = 16384;

/**
 * The rows of a CSV read by a table reader and sent on in blocks (for a reading in another thread: `send` gets
 * each block as the reader's rows fill it, the last one before the end or before an error is thrown); returns
 * what the reader noted, its problems and the repeated keys of its ids.
 */
export async function readCsvBlocks(request: BlockRequest, input: AsyncIterable<Uint8Array>, send: (b: BlockMessage) => void): Promise<RowsRead> {
  let block: RowBlock | undefined;
  const flush = () => {
    if (!block || block.n === 0) return;
    const q = reader.quickPlan;
    send({ data: block.take(), plan: q?.plan, idFromName: q?.idFromName ?? false });
  };
  const blockOf = () => (block ??= new RowBlock(BLOCK_ROWS, reader.quickPlan ? wordColumns(reader.quickPlan.plan).length : 0));
  const reader: TableReader = new TableReader(
    request.table,
    (record, year, row) => {
      const b = blockOf();
      b.addRecord(year, row, record as unknown as Record<string, unknown>);
      if (b.n === BLOCK_ROWS) flush();
    },
    (view, year, row) => {
      const b = blockOf();
      view.copyTo(b, year, row);
      if (b.n === BLOCK_ROWS) flush();
    },
  );
  let encoding: TextEncodingName | undefined;
  let notes: TableNotes;
  try {
    encoding = await readCsvRows(request.read, request.file, input, reader);
    notes = reader.end();
  } finally {
    flush();
  }
  return { encoding, notes, problems: reader.problemList, repeated: [...reader.repeatedKeys()] };
}

/** An error of a reading elsewhere, as data that can cross to another thread. */
export type ErrorData =
  | { readonly type: 'csv'; readonly line: number; readonly message: string }
  | { readonly type: 'encoding'; readonly offset: number; readonly message: string }
  | { readonly type: 'header'; readonly problems: readonly TableProblem[] }
  | { readonly type: 'input'; readonly message: string; readonly words: Words | undefined }
  | { readonly type: 'other'; readonly name: string; readonly message: string; readonly stack: string | undefined };

/** An error as data, for another thread. */
export function errorData(e: unknown): ErrorData {
  if (e instanceof CsvSyntaxError) return { type: 'csv', line: e.line, message: e.message };
  if (e instanceof EncodingError) return { type: 'encoding', offset: e.offset, message: e.message };
  if (e instanceof HeaderError) return { type: 'header', problems: e.problems };
  if (e instanceof InputError) return { type: 'input', message: e.message, words: e.words };
  const x = e instanceof Error ? e : new Error(String(e));
  return { type: 'other', name: x.name, message: x.message, stack: x.stack };
}

/** The error of {@link errorData} made again. */
export function errorFrom(d: ErrorData): Error {
  switch (d.type) {
    case 'csv':
      return new CsvSyntaxError(d.line, d.message);
    case 'encoding':
      return new EncodingError(d.offset, d.message);
    case 'header':
      return new HeaderError(d.problems);
    case 'input':
      return new InputError(d.words ?? d.message);
    default: {
      const e = new Error(d.message);
      e.name = d.name;
      if (d.stack) e.stack = d.stack;
      return e;
    }
  }
}
