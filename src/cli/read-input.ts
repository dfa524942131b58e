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
import type { Policy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { readDataset, type CommunityRecord, type Dataset } from '../evaluate/dataset.js';
import { checkYear, communityFinding, communityStatuses, compile, STATUS, type Compiled, type Finding, CHECKS_PER_COMMUNITY as N } from '../evaluate/evaluate.js';
import { cityTail, evaluateDataset } from '../evaluate/city.js';
import { Tally, type FindingSource } from '../evaluate/tally.js';
import { decodeText, EncodingError, type TextEncodingName } from '../read/encoding.js';
import { checkColumnMap, type ColumnMap } from '../read/headers.js';
import type { FileEvaluation, FileInput, TableInput, YearEvaluation } from '../read/notes.js';

export type { FileEvaluation } from '../read/notes.js';
import { HeaderError, TableReader, yearInTitle, type TableNotes, type TableProblem } from '../read/table.js';
import { CsvError, CsvParser, type CsvRow } from './csv.js';

/** An input problem the CLI reports with exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface ReadOptions {
  /** Paths, or '-' for standard input (once). */
  readonly files: readonly string[];
  readonly stdin: Readable;
  readonly policy: Policy;
  /** The year to evaluate: the year of a table that gives none, and the one year picked from data of several. */
  readonly year?: number;
  /** Largest input accepted, bytes (each file). */
  readonly maxBytes: number;
  /** Keep passing findings (for JSON output or --all). */
  readonly keepPassing: boolean;
  /** Header → field, for headers the reader does not know. */
  readonly columns?: ColumnMap;
  /** The one sheet of a workbook to read (by name, or its number from 1). */
  readonly sheet?: string;
  /** Called every 100,000 rows with the count so far. */
  readonly progress?: (rows: number) => void;
}

const MAX_PROBLEMS = 50;

interface YearState {
  readonly k: Compiled;
  /** Counts, totals owed and the worst findings, from the status codes (the machinery evaluateCity uses). */
  readonly tally: Tally;
  readonly findings: Finding[];
  readonly codes: Uint8Array;
  /** The community being tallied, and the one source of its findings (made only for what the tally keeps). */
  current: CommunityRecord | undefined;
  readonly src: FindingSource;
  /** Ids seen in this year, with where: the table's number × 2³² + the row (a number, not a string per row). */
  readonly ids: Map<string, number>;
  dataset?: Dataset;
}

class Collector {
  readonly states = new Map<number, YearState>();
  readonly problems: string[] = [];
  problemCount = 0;
  readonly other = new Set<number>();
  rows = 0;
  constructor(private readonly o: ReadOptions) {}
  /** Names of the communities whose findings are kept, for the report. */
  readonly names: Record<string, string> = {};
  // City findings are always kept: the progress across the years reads them.
  keep = (f: Finding) => this.o.keepPassing || f.status !== 'pass' || f.subject === 'city' || f.subject.startsWith('city/');

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
        k, tally: new Tally(k), findings: [], codes: new Uint8Array(N), ids: new Map(), current: undefined,
        src: { finding: (_i: number, j: number, code: number) => communityFinding(state.current!, k, j, code) },
      };
      s = state;
      this.states.set(year, s);
    }
    return s;
  }

  problem(message: string): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(message);
  }

  /** Where each table is, for messages: `file: sheet "2013", row`. */
  readonly tables: string[] = [];

  community(c: CommunityRecord, year: number, table: number, row: number): void {
    const s = this.state(year);
    if (!s) return;
    const first = s.ids.get(c.id);
    if (first !== undefined) {
      const at = (t: number, r: number) => `${this.tables[t]} ${r}`;
      return this.problem(`${at(table, row)}: duplicate id "${c.id}" in ${year} (first at ${at(Math.floor(first / 2 ** 32), first % 2 ** 32)})`);
    }
    s.ids.set(c.id, table * 2 ** 32 + row);
    const before = s.findings.length;
    communityStatuses(c, s.k, s.codes, 0);
    s.current = c;
    s.tally.community(c, s.codes, 0, s.src, this.rows);
    // A finding object only for what is kept: passing ones only when asked for (never for a city subject here).
    for (let j = 0; j < N; j++) {
      const code = s.codes[j]!;
      if (code === 0 || (STATUS[code] === 'pass' && !this.o.keepPassing)) continue;
      s.findings.push(communityFinding(c, s.k, j, code));
    }
    if (s.findings.length > before) this.names[c.id] = c.name;
    this.rows++;
    if (this.o.progress && this.rows % 100000 === 0) this.o.progress(this.rows);
  }
}

function openFile(file: string, stdin: Readable, maxBytes: number): Readable {
  if (file === '-') return stdin;
  let size: number;
  try {
    const stat = statSync(file);
    // A directory opens and then fails as the stream is read (an internal error): refuse it here, by name.
    if (!stat.isFile() && !stat.isFIFO()) throw new InputError(`${file}: ${stat.isDirectory() ? 'is a directory' : 'is not a regular file'}; give the path of a dataset file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (size > maxBytes) throw new InputError(`${file}: the file is ${size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-mb)`);
  return createReadStream(file);
}

const tooBig = (file: string) => (limit: number) => new InputError(`${file}: the input is over the limit of ${limit} bytes (raise it with --max-mb)`);

function located(file: string, sheet: string | undefined, unit: 'line' | 'row', p: TableProblem): string {
  const at = [sheet !== undefined ? `sheet "${sheet}"` : '', p.row > 0 ? `${unit} ${p.row}` : '', p.header ? p.header : ''].filter(Boolean).join(', ');
  return `${file}: ${at ? `${at}: ` : ''}${p.message}`;
}

/** A year in a file name such as 2013.csv or 社区统计2013年.csv. */
function yearInFileName(file: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d\d)(?:年|[^\d]|$)/.exec(basename(file).replace(/\.[^.]+$/, ''));
  return m ? Number(m[1]) : undefined;
}

function readTable(o: ReadOptions, c: Collector, file: string, sheet: string | undefined, unit: 'line' | 'row', year: number | undefined): TableReader {
  const table = c.tables.push(`${file}: ${sheet !== undefined ? `sheet "${sheet}", ` : ''}${unit}`) - 1;
  return new TableReader({ unit, ...(o.columns && { columns: o.columns }), ...(year !== undefined && { year }), ...(o.year !== undefined && { fallbackYear: o.year }) }, (record, y, row) =>
    c.community(record, y, table, row),
  );
}

function finishTable(reader: TableReader, c: Collector, file: string, sheet: string | undefined, unit: 'line' | 'row'): TableNotes {
  const notes = reader.end();
  const { shown, count } = reader.problemList;
  for (const p of shown) c.problem(located(file, sheet, unit, p));
  c.problemCount += count - shown.length;
  return notes;
}

/** A CSV, decoded and parsed as a stream, row by row into the collector. */
async function readCsv(o: ReadOptions, c: Collector, file: string, input: AsyncIterable<Uint8Array | string>): Promise<FileInput> {
  let encoding: TextEncodingName | undefined;
  const parser = new CsvParser();
  const reader = readTable(o, c, file, undefined, 'line', yearInFileName(file));
  const rows: CsvRow[] = [];
  const take = () => {
    for (const r of rows) reader.push({ row: r.line, cells: r.fields });
    rows.length = 0;
  };
  try {
    for await (const chunk of decodeText(input, (e) => (encoding = e), o.maxBytes, tooBig(file))) {
      parser.push(chunk, rows);
      take();
    }
    parser.end(rows);
    take();
  } catch (e) {
    if (e instanceof CsvError) throw new InputError(`${file}: line ${e.line}: ${e.message}`);
    if (e instanceof EncodingError) throw new InputError(`${file}: near byte ${e.offset}: ${e.message}`);
    if (e instanceof HeaderError) throw new InputError(e.problems.map((p) => located(file, undefined, 'line', p)).join('\n'));
    throw e;
  }
  let notes: TableNotes;
  try {
    notes = finishTable(reader, c, file, undefined, 'line');
  } catch (e) {
    if (e instanceof HeaderError) throw new InputError(e.problems.map((p) => located(file, undefined, 'line', p)).join('\n'));
    throw e;
  }
  return { file, format: 'csv', ...(encoding && { encoding }), tables: [{ notes }], skippedSheets: [] };
}

/** A JSON dataset (one year), read whole. */
async function readJson(o: ReadOptions, c: Collector, file: string, input: AsyncIterable<Uint8Array | string>): Promise<FileInput> {
  let encoding: TextEncodingName | undefined;
  let all = '';
  try {
    for await (const chunk of decodeText(input, (e) => (encoding = e), o.maxBytes, tooBig(file))) all += chunk;
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

/** A workbook: every sheet with a community table (a year in its name, its title or a 年度 column), or the --sheet. */
async function readXlsx(o: ReadOptions, c: Collector, file: string, bytes: Uint8Array): Promise<FileInput> {
  const { readWorkbook } = await import('../read/xlsx.js');
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (e) {
    throw new InputError(`${file}: cannot read the workbook (${(e as Error).message})`);
  }
  let chosen = sheets;
  const skipped: string[] = [];
  if (o.sheet !== undefined) {
    const byNumber = /^\d+$/.test(o.sheet) ? sheets[Number(o.sheet) - 1] : undefined;
    const one = sheets.find((s) => s.name === o.sheet) ?? byNumber;
    if (!one) throw new InputError(`${file}: no sheet ${JSON.stringify(o.sheet)}; the sheets are ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`);
    chosen = [one];
    skipped.push(...sheets.filter((s) => s !== one).map((s) => s.name));
  }
  const tables: TableInput[] = [];
  for (const sheet of chosen) {
    const year = yearInTitle(sheet.name) ?? (chosen.length === 1 ? yearInFileName(file) : undefined);
    const reader = readTable(o, c, file, sheet.name, 'row', year);
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
      throw new InputError(e.problems.map((p) => located(file, sheet.name, 'row', p)).join('\n'));
    }
  }
  if (tables.length === 0) throw new InputError(`${file}: no sheet holds a community table; the sheets are ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`);
  return { file, format: 'xlsx', tables, skippedSheets: skipped };
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

async function readOne(o: ReadOptions, c: Collector, file: string): Promise<FileInput> {
  const input = openFile(file, o.stdin, o.maxBytes);
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || lower.endsWith('.xls')) return readXlsx(o, c, file, await readAll(input, file, o.maxBytes));
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(o, c, file, input);
  if (lower.endsWith('.json')) return readJson(o, c, file, input);
  // Standard input or another name: look at the first bytes (a zip is a workbook, '{' is JSON, else CSV).
  const chunks: Buffer[] = [];
  let kind: 'json' | 'csv' | 'xlsx' | undefined;
  for await (const chunk of input.iterator({ destroyOnReturn: false })) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    const head = Buffer.concat(chunks);
    if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) kind = 'xlsx';
    else {
      const at = head.findIndex((x) => x !== 0x20 && x !== 0x0a && x !== 0x0d && x !== 0x09 && x !== 0xef && x !== 0xbb && x !== 0xbf && x !== 0xff && x !== 0xfe && x !== 0x00);
      if (at >= 0) kind = head[at] === 0x7b ? 'json' : 'csv';
    }
    if (kind) break;
  }
  const { Readable } = await import('node:stream');
  const rest = Readable.from((async function* () {
    yield* chunks;
    yield* input;
  })());
  if (kind === 'xlsx') return readXlsx(o, c, file, await readAll(rest, file, o.maxBytes));
  return kind === 'json' ? readJson(o, c, file, rest) : readCsv(o, c, file, rest);
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

/** Evaluate the files: every year they hold (or the one --year picks), with what was read from each. */
export async function evaluateFiles(o: ReadOptions): Promise<FileEvaluation> {
  if (o.files.filter((f) => f === '-').length > 1) throw new InputError('standard input (-) can be read only once');
  const c = new Collector(o);
  const input: FileInput[] = [];
  for (const file of o.files) input.push(await readOne(o, c, file));
  if (c.problemCount > 0) {
    const more = c.problemCount - c.problems.length;
    throw new InputError([...c.problems, ...(more > 0 ? [`… and ${more} more problems`] : [])].join('\n'));
  }
  if (c.states.size === 0) {
    if (o.year !== undefined && c.other.size > 0) throw new InputError(`${o.files.join(', ')}: no data for ${o.year}; the data holds ${[...c.other].sort().join(', ')}`);
    const table = input.find((f) => f.format !== 'json');
    if (table) throw new InputError(`${table.file}: no community rows to evaluate`);
  }
  const years: YearEvaluation[] = [];
  for (const [year, s] of [...c.states].sort(([a], [b]) => a - b)) {
    if (s.dataset && s.ids.size > 0) throw new InputError(`${o.files.join(', ')}: ${year} is given both by a JSON dataset and by a table; give each year once`);
    for (const community of s.dataset?.communities ?? []) c.names[community.id] = community.name;
    let result: YearEvaluation['result'];
    if (s.dataset) {
      const r = evaluateDataset(s.dataset, o.policy, true);
      result = { findings: r.findings.filter(c.keep), summary: r.summary };
    } else {
      // A table of communities carries no villages, budgets or projects: those checks are not evaluated, with reasons.
      const city = cityTail({ year, communities: [] }, o.policy, s.tally, 'communities-only');
      result = { findings: [...s.findings, ...city.filter(c.keep)], summary: s.tally.build(year) };
    }
    years.push({ year, result });
  }
  return { years, input, otherYears: [...c.other].sort((a, b) => a - b), names: c.names };
}
