/**
 * Reading a city's data for the CLI: JSON datasets, CSV in any of the
 * encodings Excel writes (streamed: a million rows never sit in memory), and
 * .xlsx workbooks (a sheet per year). Several files, or a 年度 column, give
 * several years, each evaluated on its own. Every unreadable cell is named
 * with its file, sheet, row and header as written — all of them, up to 50.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { PolicyCore } from '../provisions/provision.js';
import { describeValue, PolicyInputError, type Words } from '../errors.js';
import { readDataset, type CommunityRecord, type Dataset } from '../evaluate/dataset.js';
import { checkYear, communityFinding, communityStatuses, compile, type Compiled, type Finding } from '../evaluate/evaluate.js';
import { cityTail } from '../evaluate/city.js';
import { Tally, type FindingSource, type ListSpec } from '../evaluate/tally.js';
import { CsvSyntaxError, CsvTokenizer, type CsvRowSink } from '../csv/tokenizer.js';
import { decodeText, detectEncoding, EncodingError, type TextEncodingName } from '../read/encoding.js';
import { checkColumnMap, type ColumnMap } from '../read/headers.js';
import type { FileEvaluation, FileInput, TableInput, YearEvaluation } from '../read/notes.js';
import { HeaderError, oneYear, TableReader, yearInTitle, type TableNotes, type TableOptions, type TableProblem, type YearSource } from '../read/table.js';
import { CsvError, CsvParser, type CsvRow } from './csv.js';

/** An input problem the CLI reports with exit code 2. */
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

export interface ReadOptions {
  /** Paths, or '-' for standard input (once). */
  readonly files: readonly string[];
  readonly stdin: Readable;
  readonly policy: PolicyCore;
  /** The year to evaluate: the year of a table that gives none, and the one year picked from data of several. */
  readonly year?: number;
  /** Largest input accepted, bytes (each file). */
  readonly maxBytes: number;
  /**
   * The findings kept in memory for the report, worst first, in a bounded heap (city findings are kept besides,
   * for the progress across the years).
   */
  readonly list?: ListSpec;
  /** Where each community finding goes as it is decided (failing and unknown; passing ones too with `all`). */
  readonly stream?: FindingStream;
  /** Header → field, for headers the reader does not know. */
  readonly columns?: ColumnMap;
  /** The one sheet of a workbook to read (by name, or its number from 1). */
  readonly sheet?: string;
  /** Called every 100,000 rows with the count so far. */
  readonly progress?: (rows: number) => void;
}

/** Findings handed on as they are decided, never kept: one year's community findings in data order, then its city findings. */
export interface FindingStream {
  /** Passing findings too. */
  readonly all: boolean;
  finding(year: number, f: Finding): void;
}

/** One year of the report: its evaluation (the listed findings and the city's), and what a report lists. */
export interface ReportYear extends YearEvaluation {
  /** The findings to list, worst first (the list asked for in {@link ReadOptions}). */
  readonly listed: readonly Finding[];
  /** How many findings could have been listed (failing and unknown; with `all`, passing too). */
  readonly eligible: number;
}

/** What {@link evaluateFiles} returns. */
export interface ReportData extends FileEvaluation {
  readonly years: readonly ReportYear[];
}

const MAX_PROBLEMS = 50;
/** V8's longest string on 64-bit Node 20 (2^29 − 24 characters). */
const MAX_STRING = 2 ** 29 - 24;

interface YearState {
  readonly k: Compiled;
  /** Counts, totals owed and the worst findings, from the status codes (the machinery evaluateCity uses). */
  readonly tally: Tally;
  readonly codes: Uint8Array;
  /** The community being tallied, and the one source of its findings (made only for what the tally keeps). */
  current: CommunityRecord | undefined;
  readonly src: FindingSource;
  /**
   * Ids seen in this year across tables (only when there are several: a table checks its own), with where: the
   * table's number × 2³² + the row.
   */
  readonly ids: Map<string, number>;
  /** Communities read from tables. */
  rows: number;
  dataset?: Dataset;
}

class Collector {
  readonly states = new Map<number, YearState>();
  readonly problems: Words[] = [];
  problemCount = 0;
  readonly other = new Set<number>();
  rows = 0;
  /** Whether ids must be checked across tables (several files or sheets); a table checks its own. */
  acrossTables: boolean;
  constructor(private readonly o: ReadOptions) {
    this.acrossTables = o.files.length > 1;
  }
  /** Names of the communities whose findings were made for the list, for the report. */
  readonly names: Record<string, string> = {};

  state(year: number): YearState | undefined {
    if (this.o.year !== undefined && year !== this.o.year) {
      this.other.add(year);
      return undefined;
    }
    let s = this.states.get(year);
    if (!s) {
      checkYear(year, 'report'); // the year's range
      const k = compile(this.o.policy, year);
      const state: YearState = {
        k,
        tally: new Tally(k, this.o.list),
        codes: new Uint8Array(k.n),
        ids: new Map(),
        current: undefined,
        rows: 0,
        src: {
          finding: (_i: number, j: number, code: number) => {
            const c = state.current!;
            this.names[c.id] = c.name;
            return communityFinding(c, k, j, code);
          },
        },
      };
      s = state;
      this.states.set(year, s);
    }
    return s;
  }

  problem(message: Words): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(message);
  }

  /** Where each table is, for messages: its file, its sheet and what its rows are called. */
  readonly tables: Where[] = [];

  community(c: CommunityRecord, year: number, table: number, row: number): void {
    const s = this.state(year);
    if (!s) return;
    if (this.acrossTables) {
      const first = s.ids.get(c.id);
      if (first !== undefined) {
        const here = rowAt(this.tables[table]!, row);
        const there = rowAt(this.tables[Math.floor(first / 2 ** 32)]!, first % 2 ** 32);
        return this.problem({
          en: `${here.en}: duplicate id ${describeValue(c.id)} in ${year} (first at ${there.en})`,
          zh: `${here.zh}：${year} 年的编号 ${describeValue(c.id, 'zh')} 重复(第一次出现在 ${there.zh})`,
        });
      }
      s.ids.set(c.id, table * 2 ** 32 + row);
    }
    s.rows++;
    this.evaluate(s, year, c);
    this.rows++;
    if (this.o.progress && this.rows % 100000 === 0) this.o.progress(this.rows);
  }

  /** One community's verdicts, tallied; its findings streamed (a finding object only for what is handed on or listed). */
  evaluate(s: YearState, year: number, c: CommunityRecord): void {
    communityStatuses(c, s.k, s.codes, 0);
    s.current = c;
    s.tally.community(c, s.codes, 0, s.src, this.rows);
    const stream = this.o.stream;
    if (!stream || this.problemCount > 0) return; // nothing is reported once the input has a problem
    for (let j = 0; j < s.k.n; j++) {
      const code = s.codes[j]!;
      if (code === 0 || (code === 1 && !stream.all)) continue;
      stream.finding(year, communityFinding(c, s.k, j, code));
    }
  }
}

function openFile(file: string, stdin: Readable, maxBytes: number): Readable {
  if (file === '-') return stdin;
  let size: number;
  try {
    const stat = statSync(file);
    // A directory opens and then fails as the stream is read (an internal error): refuse it here, by name.
    if (!stat.isFile() && !stat.isFIFO())
      throw new InputError(`${file}: ${stat.isDirectory() ? 'is a directory' : 'is not a regular file'}; give the path of a dataset file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (size > maxBytes) throw new InputError(`${file}: the file is ${size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-mb)`);
  return createReadStream(file);
}

const tooBig = (file: string) => (limit: number) => new InputError(`${file}: the input is over the limit of ${limit} bytes (raise it with --max-mb)`);

/** A table: its file, its sheet (of a workbook) and what its rows are called ('line' in a CSV, 'row' in a sheet). */
interface Where {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly unit: 'line' | 'row';
}

/** A row of a table in words: `file: sheet "2013", row 3` and `file: 工作表 "2013" 第 3 行`. */
function rowAt(t: Where, row: number): Words {
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

/** A header that cannot be read, every problem of it, as the CLI says it. */
const headerProblem = (t: Where, e: HeaderError): InputError => new InputError(lines(e.problems.map((p) => located(t, p))));

/** Messages in both languages, a line each. */
const lines = (ws: readonly Words[]): Words => ({ en: ws.map((w) => w.en).join('\n'), zh: ws.map((w) => w.zh).join('\n') });

/**
 * The year a file's name gives, such as 2013.csv or 社区统计2013年.csv, as a source of the table's year: none when the
 * name holds a day (导出2014-01-15.csv: the day of the export) or several years (2011-2013.csv).
 */
function yearOfFileName(file: string): YearSource[] {
  if (file === '-') return [];
  const y = oneYear(basename(file).replace(/\.[^.]+$/, ''), /(?:^|\D)((?:19|20)\d\d)(?!\d)/g);
  return y === undefined ? [] : [{ year: y, from: { en: 'the file name', zh: '文件名' } }];
}

/** The year a sheet's name gives (2013, 2013年), as a source of the table's year. */
function yearOfSheetName(name: string): YearSource[] {
  const y = yearInTitle(name);
  return y === undefined ? [] : [{ year: y, from: { en: `the sheet name "${name}"`, zh: `工作表名“${name}”` } }];
}

function readTable(
  o: ReadOptions,
  c: Collector,
  file: string,
  sheet: string | undefined,
  unit: 'line' | 'row',
  years: readonly YearSource[],
  ids?: TableOptions['ids'],
): TableReader {
  const table = c.tables.push({ file, sheet, unit }) - 1;
  return new TableReader(tableOptions(o, unit, years, ids), (record, y, row) => c.community(record, y, table, row));
}

function tableOptions(o: ReadOptions, unit: 'line' | 'row', years: readonly YearSource[], ids?: TableOptions['ids']): TableOptions {
  return {
    unit,
    ...(o.columns && { columns: o.columns }),
    ...(years.length > 0 && { years }),
    ...(o.year !== undefined && { fallbackYear: o.year }),
    ...(ids && { ids }),
  };
}

function finishTable(reader: TableReader, c: Collector, file: string, sheet: string | undefined, unit: 'line' | 'row'): TableNotes {
  const notes = reader.end();
  const { shown, count } = reader.problemList;
  for (const p of shown) c.problem(located({ file, sheet, unit }, p));
  c.problemCount += count - shown.length;
  return notes;
}

/** How many bytes are looked at before the encoding is decided (as `decodeText` does). */
const SNIFF_BYTES = 64 * 1024;

/** The tokenizer's rows into the table reader, as bytes (the reader makes strings only where it needs them). */
class RowSink implements CsvRowSink {
  private bytes: Buffer | undefined;
  constructor(
    private readonly reader: TableReader,
    private readonly decoder: InstanceType<typeof TextDecoder>,
  ) {}
  row(buf: Uint8Array, start: Int32Array, end: Int32Array, count: number, line: number): void {
    // The tokenizer reuses its buffer (a new one only when it grows): one Buffer view per buffer, not per row.
    if (this.bytes?.buffer !== buf.buffer) this.bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    this.reader.pushBytes(line, this.bytes, start, end, count, this.decoder);
  }
}

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

/** A CSV problem as the CLI says it, with the file and the line. */
function csvProblem(file: string, e: unknown): unknown {
  if (e instanceof CsvError || e instanceof CsvSyntaxError) return new InputError(`${file}: line ${e.line}: ${e.message}`);
  if (e instanceof EncodingError) return new InputError(`${file}: near byte ${e.offset}: ${e.message}`);
  if (e instanceof HeaderError) return headerProblem({ file, sheet: undefined, unit: 'line' }, e);
  return e;
}

/**
 * A CSV, read as a stream, row by row into the collector: from bytes (UTF-8, GB18030), or from text (UTF-16). The
 * ids of a file on disk are kept as 53-bit keys (8 bytes a row); only when a key repeats is the file read a
 * second time, keeping the ids of those keys, to find the duplicates exactly. Standard input (and a file read
 * beside others, whose ids are checked across them) keeps its ids in a table.
 */
async function readCsv(o: ReadOptions, c: Collector, file: string, input: AsyncIterable<Uint8Array | string>): Promise<FileInput> {
  const again = !c.acrossTables && file !== '-' && statSync(file).isFile();
  const reader = readTable(o, c, file, undefined, 'line', yearOfFileName(file), again ? 'keys' : 'table');
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
  if (repeated.size > 0) {
    // The second reading: the same rows, their problems (duplicates included, exactly) instead of the first's.
    read = new TableReader(tableOptions(o, 'line', yearOfFileName(file), { verify: repeated }), () => undefined);
    try {
      await readCsvRows(o, file, createReadStream(file), read);
      read.end();
    } catch (e) {
      throw csvProblem(file, e);
    }
  }
  const { shown, count } = read.problemList;
  for (const p of shown) c.problem(located({ file, sheet: undefined, unit: 'line' }, p));
  c.problemCount += count - shown.length;
  return { file, format: 'csv', ...(encoding && { encoding }), tables: [{ notes }], skippedSheets: [] };
}

/** The rows of a CSV into a table reader; returns the encoding read. */
async function readCsvRows(
  o: ReadOptions,
  file: string,
  input: AsyncIterable<Uint8Array | string>,
  reader: TableReader,
): Promise<TextEncodingName | undefined> {
  let encoding: TextEncodingName | undefined;
  {
    const held: Uint8Array[] = [];
    let heldBytes = 0;
    let bytes = 0;
    let tokenizer: CsvTokenizer | undefined;
    let check: ByteCheck | undefined;
    let text = false;
    const it = input[Symbol.asyncIterator]();
    const start = (complete: boolean): void => {
      const head = Buffer.concat(held);
      held.length = 0;
      encoding = detectEncoding(head, complete);
      if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
        text = true;
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
      const buf = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
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
        if (text) break;
      }
    }
    if (!tokenizer && !text) start(true);
    if (text) {
      // UTF-16 (rare: Excel's "Unicode text"): decoded to text and read by the text reader.
      const rest = (async function* () {
        yield* held;
        for (;;) {
          const next = await it.next();
          if (next.done) return;
          yield next.value;
        }
      })();
      const parser = new CsvParser();
      const rows: CsvRow[] = [];
      const take = () => {
        for (const r of rows) reader.push({ row: r.line, cells: r.fields });
        rows.length = 0;
      };
      for await (const chunk of decodeText(rest, () => undefined, o.maxBytes, tooBig(file))) {
        parser.push(chunk, rows);
        take();
      }
      parser.end(rows);
      take();
    } else {
      if (check && tokenizer && bytes > 0) check.end();
      tokenizer?.finish();
    }
  }
  return encoding;
}

/** A JSON dataset (one year), read whole. */
async function readJson(o: ReadOptions, c: Collector, file: string, input: AsyncIterable<Uint8Array | string>): Promise<FileInput> {
  // A file's size says before reading when its text could be longer than a string (a character takes a byte or more).
  const size = file === '-' ? 0 : statSync(file).size;
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
  if (o.year !== undefined && o.year !== d.year && o.files.length === 1) throw new InputError(`${file}: the data is for ${d.year}, but --year says ${o.year}`);
  const s = c.state(d.year);
  if (s) {
    if (s.dataset || s.ids.size > 0) throw new InputError(`${file}: a second dataset for ${d.year}; give each year once`);
    s.dataset = d;
  }
  return { file, format: 'json', ...(encoding && { encoding }), tables: [], skippedSheets: [] };
}

/**
 * A workbook: every visible sheet with a community table (a year in its name, its title or a 年度 column), or the
 * --sheet. A hidden sheet (an old draft, a lookup list) is not read unless --sheet names it; the report says so.
 */
async function readXlsx(o: ReadOptions, c: Collector, file: string, bytes: Uint8Array, named?: FileInput['named']): Promise<FileInput> {
  const { readWorkbook, WorkbookError } = await import('../read/xlsx.js');
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
  if (chosen.length > 1) c.acrossTables = true;
  for (const sheet of chosen) {
    // The file's name speaks for the year of its one sheet read, not for each of several.
    const year = yearInTitle(sheet.name);
    const reader = readTable(o, c, file, sheet.name, 'row', [...yearOfSheetName(sheet.name), ...(chosen.length === 1 ? yearOfFileName(file) : [])]);
    try {
      for (const r of sheet.rows) reader.push(r);
      tables.push({ sheet: sheet.name, notes: finishTable(reader, c, file, sheet.name, 'row') });
    } catch (e) {
      if (!(e instanceof HeaderError)) throw e;
      // A sheet of notes beside the yearly sheets is left out; a sheet meant to be read is an error.
      if (chosen.length > 1 && year === undefined) {
        skipped.push(sheet.name);
        continue;
      }
      throw headerProblem({ file, sheet: sheet.name, unit: 'row' }, e);
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

async function readAll(input: Readable, file: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buf.length;
    if (bytes > maxBytes) throw tooBig(file)(maxBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
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

/**
 * One file, read by what its bytes are, whatever its name says: a workbook saved as .csv is read as a workbook,
 * a JSON dataset saved as .csv as JSON, and the report says that the content was not what the name said.
 */
async function readOne(o: ReadOptions, c: Collector, file: string): Promise<FileInput> {
  const input = openFile(file, o.stdin, o.maxBytes);
  const byName = file === '-' ? undefined : formatOfName(file);
  const chunks: Buffer[] = [];
  let kind: FileInput['format'] | undefined;
  for await (const chunk of input.iterator({ destroyOnReturn: false })) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    kind = formatOfBytes(chunks.length === 1 ? buf : Buffer.concat(chunks));
    if (kind) break;
  }
  // Nothing tells (an empty file, or only spaces): as the name says.
  kind ??= byName ?? 'csv';
  const named = byName !== undefined && byName !== kind ? byName : undefined;
  const { Readable } = await import('node:stream');
  const rest = Readable.from(
    (async function* () {
      yield* chunks;
      yield* input;
    })(),
  );
  const read =
    kind === 'xlsx'
      ? await readXlsx(o, c, file, await readAll(rest, file, o.maxBytes), named)
      : kind === 'json'
        ? await readJson(o, c, file, rest)
        : await readCsv(o, c, file, rest);
  return named && kind !== 'xlsx' ? { ...read, named } : read;
}

/** Read a column map (`--columns map.json`): `{ "header as written": "field" | null }`. */
export function readColumnMap(file: string): ColumnMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new InputError(`${file}: cannot read the column map (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const problems = checkColumnMap(map);
  if (problems.length) throw new InputError(problems.map((p) => `${file}: ${p}`).join('\n'));
  return map as ColumnMap;
}

/**
 * Evaluate the files: every year they hold (or the one --year picks), with what was read from each. Community
 * findings go to `stream` as they are decided and to the bounded list of `list`; none is kept otherwise.
 */
export async function evaluateFiles(o: ReadOptions): Promise<ReportData> {
  if (o.files.filter((f) => f === '-').length > 1) throw new InputError('standard input (-) can be read only once');
  const c = new Collector(o);
  const input: FileInput[] = [];
  for (const file of o.files) input.push(await readOne(o, c, file));
  if (c.problemCount > 0) {
    const more = c.problemCount - c.problems.length;
    throw new InputError(lines([...c.problems, ...(more > 0 ? [{ en: `… and ${more} more problems`, zh: `……另有 ${more} 个问题` }] : [])]));
  }
  if (c.states.size === 0) {
    if (o.year !== undefined && c.other.size > 0) {
      // --year and the data's own year disagree: both named, with where the data's year came from.
      const said = input.flatMap((f) =>
        f.tables.flatMap((t) => {
          const y = t.notes.year;
          if (y.year === undefined || y.from.some((w) => w.en === '--year')) return [];
          const where = t.sheet !== undefined ? { en: `${f.file}, sheet "${t.sheet}"`, zh: `${f.file} 工作表“${t.sheet}”` } : { en: f.file, zh: f.file };
          return [
            {
              en: `${where.en}: ${y.year} from ${y.from.map((w) => w.en).join(' and ')}`,
              zh: `${where.zh}：${y.year} 年，取自${y.from.map((w) => w.zh).join('、')}`,
            },
          ];
        }),
      );
      const holds = [...c.other].sort();
      throw new InputError({
        en: `${o.files.join(', ')}: no data for ${o.year}; the data holds ${holds.join(', ')}${said.length ? ` (${said.map((w) => w.en).join('; ')})` : ''}`,
        zh: `${o.files.join(', ')}: 没有 ${o.year} 年的数据(--year)；数据是 ${holds.join('、')} 年的${said.length ? `(${said.map((w) => w.zh).join('；')})` : ''}`,
      });
    }
    const table = input.find((f) => f.format !== 'json');
    if (table) throw new InputError(`${table.file}: no community rows to evaluate`);
  }
  const years: ReportYear[] = [];
  const all = o.list?.all ?? false;
  for (const [year, s] of [...c.states].sort(([a], [b]) => a - b)) {
    if (s.dataset && s.rows > 0) throw new InputError(`${o.files.join(', ')}: ${year} is given both by a JSON dataset and by a table; give each year once`);
    // A dataset's communities through the same path as a table's rows (the dataset was validated whole).
    for (const community of s.dataset?.communities ?? []) {
      c.evaluate(s, year, community);
      c.rows++;
    }
    // A table of communities carries no villages, budgets or projects: those checks are not evaluated, with reasons.
    const city = cityTail(s.dataset ?? { year, communities: [] }, o.policy, s.tally, s.dataset ? 'dataset' : 'communities-only');
    if (o.stream) for (const f of city) if (o.stream.all || f.status !== 'pass') o.stream.finding(year, f);
    const summary = s.tally.build(year);
    const listed = s.tally.listed();
    // The city findings are kept besides the list: the progress across the years reads them.
    const findings = [...listed, ...city.filter((f) => !listed.includes(f))];
    const n = summary.counts;
    years.push({ year, result: { findings, summary }, listed, eligible: n.fail + n.unknown + (all ? n.pass : 0) });
  }
  const listedIds = new Set(years.flatMap((y) => y.listed.map((f) => f.subject)));
  const names = Object.fromEntries(Object.entries(c.names).filter(([id]) => listedIds.has(id)));
  return { years, input, otherYears: [...c.other].sort((a, b) => a - b), names };
}
