/**
 * One file read, from its bytes and its name, wherever it comes from (a file
 * the CLI opened, standard input, a file picked in a page): its format told
 * by its content (a zip or an OLE2 file is a workbook, `{` is a JSON dataset,
 * anything else a CSV in the encoding its bytes show), then read into
 * community records that go to a {@link RecordSink} one at a time, with what
 * the reading noticed (encoding, header and title rows, totals, where the
 * year came from, sheets left out) returned for the report. A CSV streams: a
 * million rows go through a chunk at a time. No Node module is used, so the
 * same reading runs in a browser; the spreadsheet library is loaded with
 * `import()` only when a workbook is read.
 */
import { PolicyInputError, type Words } from '../errors.js';
import { readDataset, type CommunityRecord, type Dataset } from '../evaluate/dataset.js';
import { CsvSyntaxError, CsvTokenizer, type CsvRowSink } from '../csv/tokenizer.js';
import { concatBytes, decodeText, detectEncoding, EncodingError, type TextEncodingName } from './encoding.js';
import type { ColumnMap } from './headers.js';
import type { FileInput, TableInput } from './notes.js';
import {
  HeaderError,
  oneYear,
  TableReader,
  yearInTitle,
  type RowView,
  type TableNotes,
  type TableOptions,
  type TableProblem,
  type YearSource,
} from './table.js';

/** A problem with the input, for the person who gave it: exit code 2 in the CLI, a message in the page. */
export class InputError extends Error {
  /** The message in both languages, when it has been written in both (the CLI says it in the language of --lang). */
  readonly words: Words | undefined;
  /** @param message - in English, or in both languages */
  constructor(message: string | Words) {
    super(typeof message === 'string' ? message : message.en);
    this.name = 'InputError';
    this.words = typeof message === 'string' ? undefined : message;
  }
}

/** A file to read: its name (for messages, its format and its year; `-` for standard input) and its bytes. */
export interface FileSource {
  readonly name: string;
  /** The bytes: all of them, or a stream of chunks (read a chunk at a time). */
  readonly bytes: Uint8Array | AsyncIterable<Uint8Array>;
  /** The size when it is known before reading (a file on disk). */
  readonly size?: number;
  /**
   * The same bytes again, when they can be read a second time (a regular file; bytes in memory can always): a CSV
   * then keeps 8 bytes a row to find repeated ids, and reads itself again only when one may repeat.
   */
  readonly again?: () => AsyncIterable<Uint8Array>;
  /**
   * A reading of the same bytes as a CSV elsewhere (another thread), when the file can be read so: it reads them
   * there as `request` says (`readCsvBlocks` of ./blocks.ts), hands each row to `sink` as a row of table `table`
   * in the order of the file, and resolves to what that reading gives at the end — or rejects with its error
   * made again (the same classes as here), or with the error the sink threw. Used for a CSV read alone whose
   * bytes can be read again.
   */
  readonly elsewhere?: (request: BlockRequest, sink: RecordSink, table: number) => Promise<RowsRead>;
}

/** What a reading of a CSV elsewhere is asked to do: how the file is read, and how its table is. */
export interface BlockRequest {
  readonly file: string;
  readonly read: ReadFileOptions;
  readonly table: TableOptions;
}

/** What a reading of a CSV's rows into blocks gives at its end. */
export interface RowsRead {
  readonly encoding: TextEncodingName | undefined;
  readonly notes: TableNotes;
  readonly problems: { readonly shown: readonly TableProblem[]; readonly count: number };
  /** The keys that occur more than once (the ids were kept as keys). */
  readonly repeated: readonly number[];
}

/** How files are read: the options of the CLI's `report`. */
export interface ReadFileOptions {
  /** The year of a table that gives none (and the one year evaluated, see the sink). */
  readonly year?: number;
  /** Header → field, for headers the reader does not know. */
  readonly columns?: ColumnMap;
  /** The one sheet of a workbook to read (by name, or its number from 1). */
  readonly sheet?: string;
  /** Largest input accepted, bytes. */
  readonly maxBytes: number;
}

/** A table: its file, its sheet (of a workbook) and what its rows are called ('line' in a CSV, 'row' in a sheet). */
export interface Where {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly unit: 'line' | 'row';
}

/** Where the records of the files go, one at a time, and their problems. */
export interface RecordSink {
  /** Whether ids must be checked across tables (several files or sheets): a table alone checks its own. */
  acrossTables: boolean;
  /** A table about to be read; returns its number for {@link community}. */
  table(where: Where): number;
  /** One community of a table, at its row. */
  community(c: CommunityRecord, year: number, table: number, row: number): void;
  /**
   * One community of a CSV read quickly, as a view valid during the call (see {@link RowView}); without this
   * method each becomes a record for {@link community}.
   */
  communityView?(v: RowView, year: number, table: number, row: number): void;
  /** A JSON dataset, validated whole. */
  dataset(file: string, d: Dataset): void;
  /** Problems of the rows (cells that cannot be read): the first few, as shown, and how many there are. */
  problems(shown: readonly Words[], count: number): void;
}

/** V8's longest string on 64-bit Node 20 (2^29 − 24 characters). */
const MAX_STRING = 2 ** 29 - 24;

const tooBig = (file: string) => (limit: number) => new InputError(`${file}: the input is over the limit of ${limit} bytes (raise it with --max-mb)`);

/** A row of a table in words: `file: sheet "2013", row 3` and `file: 工作表 "2013" 第 3 行`. */
export function rowAt(t: Where, row: number): Words {
  return {
    en: `${t.file}: ${t.sheet !== undefined ? `sheet "${t.sheet}", ` : ''}${t.unit} ${row}`,
    zh: `${t.file}: ${t.sheet !== undefined ? `工作表 "${t.sheet}" ` : ''}第 ${row} 行`,
  };
}

/** A table's problem with its file, sheet, row and header: `file: line 3, 户数: …` and `file: 第 3 行“户数”：…`. */
function located(t: Where, p: TableProblem): Words {
  const { file, sheet, unit } = t;
  const en = [sheet !== undefined ? `sheet "${sheet}"` : '', p.row > 0 ? `${unit} ${p.row}` : '', p.header].filter(Boolean).join(', ');
  const zh = `${[sheet !== undefined ? `工作表 "${sheet}"` : '', p.row > 0 ? `第 ${p.row} 行` : ''].filter(Boolean).join(' ')}${p.header ? `“${p.header}”` : ''}`;
  return { en: `${file}: ${en ? `${en}: ` : ''}${p.messages.en}`, zh: `${file}: ${zh ? `${zh}：` : ''}${p.messages.zh}` };
}

/** Messages in both languages, a line each. */
export const lines = (ws: readonly Words[]): Words => ({ en: ws.map((w) => w.en).join('\n'), zh: ws.map((w) => w.zh).join('\n') });

/** A header that cannot be read, every problem of it, as the CLI says it. */
const headerProblem = (t: Where, e: HeaderError): InputError => new InputError(lines(e.problems.map((p) => located(t, p))));

/** The name without its folders (a path from any system). */
const baseName = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/**
 * The year a file's name gives, such as 2013.csv or 社区统计2013年.csv, as a source of the table's year: none when the
 * name holds a day (导出2014-01-15.csv: the day of the export) or several years (2011-2013.csv).
 */
function yearOfFileName(file: string): YearSource[] {
  if (file === '-') return [];
  const y = oneYear(baseName(file).replace(/\.[^.]+$/, ''), /(?:^|\D)((?:19|20)\d\d)(?!\d)/g);
  return y === undefined ? [] : [{ year: y, from: { en: 'the file name', zh: '文件名' } }];
}

/** The year a sheet's name gives (2013, 2013年), as a source of the table's year. */
function yearOfSheetName(name: string): YearSource[] {
  const y = yearInTitle(name);
  return y === undefined ? [] : [{ year: y, from: { en: `the sheet name "${name}"`, zh: `工作表名“${name}”` } }];
}

function tableOptions(o: ReadFileOptions, unit: 'line' | 'row', years: readonly YearSource[], ids?: TableOptions['ids']): TableOptions {
  return {
    unit,
    ...(o.columns && { columns: o.columns }),
    ...(years.length > 0 && { years }),
    ...(o.year !== undefined && { fallbackYear: o.year }),
    ...(ids && { ids }),
  };
}

/** A table reader whose communities go to the sink, as rows of the table `where`. */
function tableReader(o: ReadFileOptions, sink: RecordSink, where: Where, years: readonly YearSource[], ids?: TableOptions['ids']): TableReader {
  const table = sink.table(where);
  return new TableReader(
    tableOptions(o, where.unit, years, ids),
    (record, y, row) => sink.community(record, y, table, row),
    sink.communityView && ((v, y, row) => sink.communityView!(v, y, table, row)),
  );
}

/** The rows' problems of a table read, located, to the sink. */
function handProblems(reader: TableReader, sink: RecordSink, where: Where): void {
  const { shown, count } = reader.problemList;
  sink.problems(
    shown.map((p) => located(where, p)),
    count,
  );
}

/** How many bytes are looked at before the encoding is decided (as `decodeText` does). */
const SNIFF_BYTES = 64 * 1024;

/** The tokenizer's rows into the table reader, as bytes (the reader makes strings only where it needs them). */
class RowSink implements CsvRowSink {
  private bytes: Uint8Array | undefined;
  constructor(
    private readonly reader: TableReader,
    private readonly decoder: InstanceType<typeof TextDecoder>,
  ) {}
  row(buf: Uint8Array, start: Int32Array, end: Int32Array, count: number, line: number): void {
    // The tokenizer reuses its buffer (a new one only when it grows): one view per buffer, not per row — a Node
    // Buffer where there is one, whose ASCII slices are the reader's fastest strings.
    if (this.bytes?.buffer !== buf.buffer) this.bytes = NodeBuffer ? NodeBuffer.from(buf.buffer, buf.byteOffset, buf.byteLength) : buf;
    this.reader.pushBytes(line, this.bytes, start, end, count, this.decoder);
  }
}

/** Node's Buffer, where the reading runs in Node. */
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;

/**
 * The bytes of a text file checked in its encoding as they stream by (a fatal decoder whose text is dropped), so
 * that a byte that is not valid is named with its offset, as `decodeText` names it.
 */
class ByteCheck {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  constructor(
    private readonly name: TextEncodingName,
    /** Bytes before the first checked (a BOM). */
    private bytes: number,
  ) {
    this.decoder = new TextDecoder(name === 'GB18030' ? 'gb18030' : 'utf-8', { fatal: true, ignoreBOM: true });
  }
  check(buf: Uint8Array, last = false): void {
    const offset = this.bytes;
    this.bytes += buf.length;
    // ASCII needs no decoding, unless a character cut at the end of the last chunk is waiting for its rest.
    if (!this.pending && !last && isAscii(buf)) return;
    try {
      this.decoder.decode(buf, { stream: !last });
      this.pending = !isAscii(buf.subarray(Math.max(0, buf.length - 4)));
    } catch {
      throw new EncodingError(
        offset,
        this.name === 'UTF-8' && offset > 0
          ? 'bytes that are not UTF-8 after a start that was (the file mixes encodings?)'
          : `bytes that are not valid ${this.name}`,
      );
    }
  }
  private pending = false;
  end(): void {
    try {
      this.decoder.decode();
    } catch {
      throw new EncodingError(this.bytes, `the input ends in the middle of a ${this.name} character`);
    }
  }
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return false;
  return true;
}

/** A CSV problem with the file and the line. */
function csvProblem(file: string, e: unknown): unknown {
  if (e instanceof CsvSyntaxError) return new InputError(`${file}: line ${e.line}: ${e.message}`);
  if (e instanceof EncodingError) return new InputError(`${file}: near byte ${e.offset}: ${e.message}`);
  if (e instanceof HeaderError) return headerProblem({ file, sheet: undefined, unit: 'line' }, e);
  return e;
}

/**
 * A CSV, read as a stream, row by row into the sink. When the bytes can be read again, the ids are kept as 53-bit
 * keys (8 bytes a row); only when a key repeats is the file read a second time, keeping the ids of those keys, to
 * find the duplicates exactly. Otherwise (standard input, or a file read beside others, whose ids are checked
 * across them) the ids are kept in a table.
 */
async function readCsv(o: ReadFileOptions, sink: RecordSink, source: FileSource, input: AsyncIterable<Uint8Array>): Promise<FileInput> {
  const file = source.name;
  const { bytes } = source;
  const again = sink.acrossTables ? undefined : (source.again ?? (bytes instanceof Uint8Array ? () => chunksOf(bytes) : undefined));
  const where: Where = { file, sheet: undefined, unit: 'line' };
  if (again && source.elsewhere) return readCsvElsewhere(o, sink, source, source.elsewhere, again, where);
  const reader = tableReader(o, sink, where, yearOfFileName(file), again ? 'keys' : 'table');
  let encoding: TextEncodingName | undefined;
  let notes: TableNotes;
  try {
    encoding = await readCsvRows(o, file, input, reader);
    notes = reader.end();
  } catch (e) {
    throw csvProblem(file, e);
  }
  let read = reader;
  const repeated = again ? reader.repeatedKeys() : new Set<number>();
  if (again && repeated.size > 0) {
    // The second reading: the same rows, their problems (duplicates included, exactly) instead of the first's.
    read = new TableReader(tableOptions(o, 'line', yearOfFileName(file), { verify: repeated }), () => undefined);
    try {
      await readCsvRows(o, file, again(), read);
      read.end();
    } catch (e) {
      throw csvProblem(file, e);
    }
  }
  handProblems(read, sink, where);
  return { file, format: 'csv', ...(encoding && { encoding }), tables: [{ notes }], skippedSheets: [] };
}

/**
 * A CSV read elsewhere (another thread), its rows handed to the sink here in the order of the file, block by
 * block: the same table reader runs there on the same bytes, so the sink gets what {@link readCsv} gives it here.
 */
async function readCsvElsewhere(
  o: ReadFileOptions,
  sink: RecordSink,
  source: FileSource,
  elsewhere: NonNullable<FileSource['elsewhere']>,
  again: () => AsyncIterable<Uint8Array>,
  where: Where,
): Promise<FileInput> {
  const file = source.name;
  const table = sink.table(where);
  let done: RowsRead;
  try {
    const read: ReadFileOptions = { maxBytes: o.maxBytes, ...(o.year !== undefined && { year: o.year }), ...(o.columns && { columns: o.columns }) };
    done = await elsewhere({ file, read, table: tableOptions(o, 'line', yearOfFileName(file), 'keys') }, sink, table);
  } catch (e) {
    throw csvProblem(file, e);
  }
  let problems = done.problems;
  if (done.repeated.length > 0) {
    // The second reading, here: the same rows, their problems (duplicates included, exactly) instead of the first's.
    const read = new TableReader(tableOptions(o, 'line', yearOfFileName(file), { verify: new Set(done.repeated) }), () => undefined);
    try {
      await readCsvRows(o, file, again(), read);
      read.end();
    } catch (e) {
      throw csvProblem(file, e);
    }
    problems = read.problemList;
  }
  sink.problems(
    problems.shown.map((p) => located(where, p)),
    problems.count,
  );
  return { file, format: 'csv', ...(done.encoding && { encoding: done.encoding }), tables: [{ notes: done.notes }], skippedSheets: [] };
}

/**
 * The rows of a CSV into a table reader, through the byte tokenizer; returns the encoding read. UTF-8 and GB18030
 * are tokenized as they are; UTF-16 (rare: Excel's "Unicode text") is decoded and tokenized as UTF-8.
 */
export async function readCsvRows(
  o: ReadFileOptions,
  file: string,
  input: AsyncIterable<Uint8Array>,
  reader: TableReader,
): Promise<TextEncodingName | undefined> {
  let encoding: TextEncodingName | undefined;
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let bytes = 0;
  let tokenizer: CsvTokenizer | undefined;
  let check: ByteCheck | undefined;
  let wide = false;
  const it = input[Symbol.asyncIterator]();
  const start = (complete: boolean): void => {
    const head = concatBytes(held);
    held.length = 0;
    encoding = detectEncoding(head, complete);
    if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
      wide = true;
      held.push(head);
      return;
    }
    const body = encoding === 'UTF-8 with BOM' ? head.subarray(3) : head;
    check = new ByteCheck(encoding, head.length - body.length);
    const decoder = new TextDecoder(encoding === 'GB18030' ? 'gb18030' : 'utf-8', { ignoreBOM: true });
    tokenizer = new CsvTokenizer(new RowSink(reader, decoder));
    check.check(body, complete);
    tokenizer.push(body);
  };
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    const buf = next.value;
    bytes += buf.length;
    if (bytes > o.maxBytes) throw tooBig(file)(o.maxBytes);
    if (tokenizer) {
      check!.check(buf);
      tokenizer.push(buf);
      continue;
    }
    held.push(buf);
    heldBytes += buf.length;
    // Decided as decodeText decides: once a non-ASCII byte is in view, on at least the first 4 KiB, else after 1 MiB.
    if ((!held.every(isAscii) && heldBytes >= Math.min(SNIFF_BYTES, 4096)) || heldBytes >= SNIFF_BYTES * 16) {
      start(false);
      if (wide) break;
    }
  }
  if (!tokenizer && !wide) start(true);
  if (wide) {
    const rest = (async function* () {
      yield* held;
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield next.value;
      }
    })();
    const utf8 = new TextEncoder();
    tokenizer = new CsvTokenizer(new RowSink(reader, new TextDecoder('utf-8')));
    for await (const text of decodeText(rest, () => undefined, o.maxBytes, tooBig(file))) tokenizer.push(utf8.encode(text));
    tokenizer.finish();
  } else {
    if (check && tokenizer && bytes > 0) check.end();
    tokenizer?.finish();
  }
  return encoding;
}

/** A JSON dataset (one year), read whole. */
async function readJson(o: ReadFileOptions, sink: RecordSink, source: FileSource, input: AsyncIterable<Uint8Array>): Promise<FileInput> {
  const file = source.name;
  // A file's size says before reading when its text could be longer than a string (a character takes a byte or more).
  const size = source.size ?? 0;
  if (size > MAX_STRING)
    throw new InputError(
      `${file}: a JSON dataset is read whole, and this one (${size} bytes) may be longer than the longest string (${MAX_STRING} characters); give the communities as a CSV, which is read as a stream`,
    );
  let encoding: TextEncodingName | undefined;
  let all = '';
  try {
    for await (const chunk of decodeText(input, (e) => (encoding = e), o.maxBytes, tooBig(file))) {
      // Refused by name before the text outgrows V8's longest string (a RangeError otherwise).
      if (all.length + chunk.length > MAX_STRING)
        throw new InputError(
          `${file}: a JSON dataset is read whole, and this one is longer than the longest string (${MAX_STRING} characters); give the communities as a CSV, which is read as a stream`,
        );
      all += chunk;
    }
  } catch (e) {
    if (e instanceof EncodingError) throw new InputError(`${file}: near byte ${e.offset}: ${e.message}`);
    throw e;
  }
  if (all.trim() === '') throw new InputError(`${file}: the file is empty; expected a JSON dataset { "year": …, "communities": [ … ] }`);
  let data: unknown;
  try {
    data = JSON.parse(all);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  let d: Dataset;
  try {
    d = readDataset(data);
  } catch (e) {
    if (e instanceof PolicyInputError) throw new InputError(e.issues.map((i) => `${file}: ${i.path}: ${i.message}`).join('\n'));
    throw e;
  }
  sink.dataset(file, d);
  return { file, format: 'json', ...(encoding && { encoding }), tables: [], skippedSheets: [] };
}

/**
 * A workbook: every visible sheet with a community table (a year in its name, its title or a 年度 column), or the
 * --sheet. A hidden sheet (an old draft, a lookup list) is not read unless --sheet names it; the report says so.
 */
async function readXlsx(o: ReadFileOptions, sink: RecordSink, file: string, bytes: Uint8Array, named?: FileInput['named']): Promise<FileInput> {
  const { readWorkbook, WorkbookError } = await import('./xlsx.js');
  let sheets: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    sheets = await readWorkbook(bytes, { maxBytes: o.maxBytes });
  } catch (e) {
    if (e instanceof WorkbookError) throw new InputError({ en: `${file}: ${e.words.en}`, zh: `${file}: ${e.words.zh}` });
    throw new InputError({
      en: `${file}: cannot read the workbook (${(e as Error).message})`,
      zh: `${file}: 无法读取工作簿(${(e as Error).message})`,
    });
  }
  let chosen = sheets.filter((s) => !s.hidden);
  const skipped: string[] = [];
  const hidden = sheets.filter((s) => s.hidden).map((s) => ({ name: s.name, state: s.hidden! }));
  if (o.sheet !== undefined) {
    const byNumber = /^\d+$/.test(o.sheet) ? sheets[Number(o.sheet) - 1] : undefined;
    const one = sheets.find((s) => s.name === o.sheet) ?? byNumber;
    if (!one) throw new InputError(`${file}: no sheet ${JSON.stringify(o.sheet)}; the sheets are ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`);
    chosen = [one];
    skipped.push(...sheets.filter((s) => s !== one && !s.hidden).map((s) => s.name));
  }
  const tables: TableInput[] = [];
  if (chosen.length > 1) sink.acrossTables = true;
  for (const sheet of chosen) {
    // The file's name speaks for the year of its one sheet read, not for each of several.
    const year = yearInTitle(sheet.name);
    const where: Where = { file, sheet: sheet.name, unit: 'row' };
    const reader = tableReader(o, sink, where, [...yearOfSheetName(sheet.name), ...(chosen.length === 1 ? yearOfFileName(file) : [])]);
    try {
      for (const r of sheet.rows) reader.push(r);
      const notes = reader.end();
      handProblems(reader, sink, where);
      tables.push({ sheet: sheet.name, notes });
    } catch (e) {
      if (!(e instanceof HeaderError)) throw e;
      // A sheet of notes beside the yearly sheets is left out; a sheet meant to be read is an error.
      if (chosen.length > 1 && year === undefined) {
        skipped.push(sheet.name);
        continue;
      }
      throw headerProblem(where, e);
    }
  }
  if (tables.length === 0)
    throw new InputError({
      en: `${file}: no sheet holds a community table; the sheets are ${sheets.map((s) => `${JSON.stringify(s.name)}${s.hidden ? ' (hidden, not read; name it with --sheet)' : ''}`).join(', ')}`,
      zh: `${file}: 没有一个工作表含社区表格；工作表有 ${sheets.map((s) => `${JSON.stringify(s.name)}${s.hidden ? '(隐藏，未读取；可用 --sheet 指定)' : ''}`).join('、')}`,
    });
  return {
    file,
    format: 'xlsx',
    ...(named && { named }),
    tables,
    skippedSheets: skipped,
    ...(hidden.length > 0 && { hiddenSheets: hidden.filter((h) => !chosen.some((s) => s.name === h.name)) }),
  };
}

async function readAll(input: AsyncIterable<Uint8Array>, file: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const buf of input) {
    bytes += buf.length;
    if (bytes > maxBytes) throw tooBig(file)(maxBytes);
    chunks.push(buf);
  }
  return concatBytes(chunks);
}

/** The format a file's name says, by its extension. */
function formatOfName(file: string): FileInput['format'] | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || lower.endsWith('.xls')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

/** The format the first bytes show: a zip or an OLE2 file is a workbook, '{' (after spaces and a BOM) JSON, else text; undefined until a byte tells. */
function formatOfBytes(head: Uint8Array): FileInput['format'] | undefined {
  if (head.length >= 4) {
    const book = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
    if (book || ole) return 'xlsx';
  } else if (head[0] === 0x50 || head[0] === 0xd0) return undefined; // the start of a zip's or an OLE file's signature, perhaps
  const at = head.findIndex(
    (x) => x !== 0x20 && x !== 0x0a && x !== 0x0d && x !== 0x09 && x !== 0xef && x !== 0xbb && x !== 0xbf && x !== 0xff && x !== 0xfe && x !== 0x00,
  );
  if (at < 0) return undefined;
  return head[at] === 0x7b ? 'json' : 'csv';
}

/** A chunk at a time: a stream as it comes, bytes in memory in slices of 64 KiB (as a file is read). */
async function* chunksOf(bytes: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (!(bytes instanceof Uint8Array)) {
    yield* bytes;
    return;
  }
  for (let i = 0; i < bytes.length; i += SNIFF_BYTES) yield bytes.subarray(i, i + SNIFF_BYTES);
}

/**
 * Read one file by what its bytes are, whatever its name says: a workbook saved as .csv is read as a workbook, a
 * JSON dataset saved as .csv as JSON, and what was read says that the content was not what the name said. Each
 * community goes to `sink` as it is read.
 *
 * @param source - the file's name and its bytes (all of them, or a stream of chunks)
 * @param options - the year of tables that give none, a column map, the sheet to read, the most bytes accepted
 * @param sink - where the communities, a JSON dataset and the rows' problems go
 * @returns what was read: the format, the encoding, each table's notes, the sheets left out
 * @throws {@link InputError} naming the file (and its sheet, line or byte) when it cannot be read
 */
export async function readFile(source: FileSource, options: ReadFileOptions, sink: RecordSink): Promise<FileInput> {
  const file = source.name;
  const byName = file === '-' ? undefined : formatOfName(file);
  const it = chunksOf(source.bytes);
  const head: Uint8Array[] = [];
  let kind: FileInput['format'] | undefined;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
    kind = formatOfBytes(concatBytes(head));
    if (kind) break;
  }
  // Nothing tells (an empty file, or only spaces): as the name says.
  kind ??= byName ?? 'csv';
  const named = byName !== undefined && byName !== kind ? byName : undefined;
  const rest = (async function* () {
    yield* head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  const read =
    kind === 'xlsx'
      ? await readXlsx(options, sink, file, await readAll(rest, file, options.maxBytes), named)
      : kind === 'json'
        ? await readJson(options, sink, source, rest)
        : await readCsv(options, sink, source, rest);
  return named && kind !== 'xlsx' ? { ...read, named } : read;
}
