/**
 * Reading a dataset for the CLI. A CSV is read as bytes in chunks, straight
 * into blocks of columns that are decided and tallied as they arrive: memory
 * stays flat however long the file, and the file is never one string. When
 * every finding is asked for (JSON and NDJSON without a limit), the CSV is
 * read a second time to stream them, so that nothing is written before the
 * whole file has been checked. JSON is read whole (up to V8's longest string).
 * Every problem names the file, the row (line) and the field.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Policy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { CsvSyntaxError, CsvTokenizer } from '../csv/tokenizer.js';
import { cityTail, evaluateDataset } from '../evaluate/city.js';
import { ColumnFindings, flatRecord, tallyColumns, type CommunityColumns } from '../evaluate/columns.js';
import { readDataset, type CommunityRecord, type Dataset } from '../evaluate/dataset.js';
import { communityFinding, communityStatuses, compile, type Compiled, type EvaluationSummary, type Finding } from '../evaluate/evaluate.js';
import { Tally, TooManyToList, type ListSpec } from '../evaluate/tally.js';
import { CommunityCsvSink, IdKeys, IdSet, IdVerifier, InputError, REQUIRED_COLUMNS, type IdCheck } from './csv-input.js';

export { InputError };

export interface ReadOptions {
  /** Path, or '-' for standard input. */
  readonly file: string;
  readonly stdin: Readable;
  readonly policy: Policy;
  /** The year, for CSV input (JSON carries its own). */
  readonly year?: number;
  /** Largest input accepted, bytes. */
  readonly maxBytes: number;
  /** The findings a report lists (worst first, bounded). */
  readonly list: ListSpec;
  /** Whether every listed kind of finding will be streamed in data order (`FileEvaluation.findings`). */
  readonly stream: boolean;
  /** Called every 100,000 rows with the count so far. */
  readonly progress?: (rows: number) => void;
}

/** What the CLI reports. */
export interface FileEvaluation {
  readonly summary: EvaluationSummary;
  /** The findings to list, worst first, at most `list.limit`. */
  readonly listed: Finding[];
  /** Every failing and unknown finding (and passing, with `list.all`) in data order, a batch at a time. */
  findings(): AsyncGenerator<Finding[]>;
  /** Remove what reading left behind (a copy of standard input). */
  close(): void;
}

/** V8's longest string, in UTF-16 code units (2^29 − 24 on 64-bit platforms). */
const MAX_STRING = 0x1fffffe8;
const CHUNK = 1 << 20;

function size(file: string, maxBytes: number): number {
  let bytes: number;
  try {
    const st = statSync(file);
    // A directory opens and then fails as the stream is read (an internal error): refuse it here, by name.
    if (!st.isFile() && !st.isFIFO()) throw new InputError(`${file}: ${st.isDirectory() ? 'is a directory' : 'is not a regular file'}; give the path of a dataset file`);
    bytes = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (bytes > maxBytes) throw new InputError(`${file}: the file is ${bytes} bytes, over the limit of ${maxBytes} bytes (raise it with --max-mb)`);
  return bytes;
}

const tooLongForJson = (file: string) =>
  new InputError(`${file}: a JSON dataset is read whole, and this one is longer than the longest string JavaScript can hold (${MAX_STRING} characters); give the communities as CSV, which is read in pieces`);

function open(file: string, stdin: Readable): Readable {
  const stream = file === '-' ? stdin : createReadStream(file, { highWaterMark: CHUNK });
  return stream;
}

/** Decode UTF-8 strictly into a string, for a JSON dataset, refusing what no string can hold. */
async function wholeText(file: string, input: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buf.length;
    if (bytes > maxBytes) throw new InputError(`${file}: the input is over the limit of ${maxBytes} bytes (raise it with --max-mb)`);
    if (bytes > MAX_STRING) throw tooLongForJson(file);
    chunks.push(buf);
  }
  const all = Buffer.concat(chunks);
  if (!isUtf8(all)) throw new InputError(`${file}: the input is not valid UTF-8; it may be GBK or another encoding — save it as UTF-8`);
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(all);
}

/** Where a UTF-8 byte run can be cut without splitting a character. */
function utf8Cut(b: Uint8Array): number {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (b[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return b.length;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return b.length - i >= need ? b.length : i;
}

/**
 * Read a CSV of communities: bytes checked as UTF-8 (a BOM is dropped), tokenized, filled into blocks of
 * columns, each block handed on before the next chunk is read (the generator yields after each chunk).
 * `copy` receives every raw chunk.
 */
async function* readCsv(file: string, input: Readable, maxBytes: number, sink: CommunityCsvSink, copy?: (chunk: Buffer) => void): AsyncGenerator<void> {
  const tokenizer = new CsvTokenizer(sink);
  let bytes = 0;
  let carry: Uint8Array | undefined;
  let first = true;
  try {
    for await (const chunk of input) {
      let buf: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      copy?.(buf as Buffer);
      const at = bytes;
      bytes += buf.length;
      if (bytes > maxBytes) throw new InputError(`${file}: the input is over the limit of ${maxBytes} bytes (raise it with --max-mb)`);
      if (carry) {
        const joined = new Uint8Array(carry.length + buf.length);
        joined.set(carry);
        joined.set(buf, carry.length);
        buf = joined;
        carry = undefined;
      }
      if (first && buf.length >= 3) {
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
        first = false;
      }
      const cut = utf8Cut(buf);
      if (!isUtf8(buf.subarray(0, cut))) {
        throw new InputError(`${file}: the input is not valid UTF-8 (near byte ${at}); it may be GBK or another encoding — save it as UTF-8`);
      }
      if (cut < buf.length) carry = buf.slice(cut);
      tokenizer.push(buf.subarray(0, cut));
      sink.flush();
      yield;
    }
    if (carry) {
      if (first && carry.length === 3 && carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf) carry = undefined;
      else throw new InputError(`${file}: the input ends in the middle of a UTF-8 character; save it as UTF-8`);
    }
    tokenizer.finish();
    sink.flush();
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InputError(`${file}: line ${e.line}: ${e.message}`);
    throw e;
  }
}

/** Findings of a block whose status is listed, in data order. */
function blockFindings(cols: CommunityColumns, k: Compiled, all: boolean, out: Finding[]): void {
  const codes = new Uint8Array(6);
  const view = flatRecord();
  for (let i = 0; i < cols.length; i++) {
    communityStatuses(cols.view(i, view) as CommunityRecord, k, codes, 0);
    let record: CommunityRecord | undefined;
    for (let j = 0; j < 6; j++) {
      const code = codes[j]!;
      if (code === 0 || (code === 1 && !all)) continue;
      record ??= cols.record(i);
      out.push(communityFinding(record, k, j, code));
    }
  }
}

function tooMany(file: string, e: unknown): never {
  if (e instanceof TooManyToList) {
    throw new InputError(`${file}: more than ${e.max} findings to list; text and Markdown list at most ${e.max} (give --limit N), while --format json or ndjson streams every one`);
  }
  throw e;
}

/** Read and evaluate a CSV of communities. */
async function evaluateCsv(o: ReadOptions, input: Readable): Promise<FileEvaluation> {
  if (o.year === undefined) throw new InputError(`${o.file}: a CSV holds communities only; give the year with --year`);
  const year = o.year;
  const k = compile(o.policy, year);
  const tally = new Tally(k, o.list);
  const codes = new Uint8Array(4096 * 6);
  const view = flatRecord();
  let src: ColumnFindings | undefined;
  // Duplicate ids: a file is read again for the ids whose keys repeat (8 bytes a row in between); standard input,
  // read once, keeps its ids in a table (about 30 bytes a row).
  const keys = o.file === '-' ? undefined : new IdKeys(Math.ceil(statSync(o.file).size / 50) + 1); // rows are rarely under 50 bytes
  const ids: IdCheck = keys ?? new IdSet(1 << 15);
  const sink: CommunityCsvSink = new CommunityCsvSink(
    o.file,
    (cols) => {
      src ??= new ColumnFindings(cols, k);
      tallyColumns(cols, k, tally, codes, src, view);
    },
    ids,
    o.progress,
  );
  // Standard input can be read once: when the findings are streamed after it, a copy is kept in a temporary file.
  let spool: { dir: string; path: string; fd: number } | undefined;
  let city: Finding[] = [];
  if (o.stream && o.file === '-') {
    const dir = mkdtempSync(join(tmpdir(), 'shequ-rules-'));
    const path = join(dir, 'stdin.csv');
    spool = { dir, path, fd: openSync(path, 'w') };
  }
  const close = () => {
    if (spool) rmSync(spool.dir, { recursive: true, force: true });
  };
  try {
    for await (const _ of readCsv(o.file, input, o.maxBytes, sink, spool && ((chunk) => void writeSync(spool!.fd, chunk)))) void _;
    if (spool) closeSync(spool.fd);
    if (!sink.sawHeader) throw new InputError(`${o.file}: the file is empty; expected a header row naming the community fields (${REQUIRED_COLUMNS.join(',')},…)`);
    const repeated = keys?.repeated();
    if (repeated?.size) {
      const verify = new CommunityCsvSink(o.file, () => undefined, new IdVerifier(repeated));
      for await (const _ of readCsv(o.file, createReadStream(o.file, { highWaterMark: CHUNK }), Infinity, verify)) void _;
    }
    // A table of communities carries no villages, budgets or projects: those checks are not evaluated, with the reason.
    city = cityTail({ year, communities: [] }, o.policy, tally, 'communities-only');
  } catch (e) {
    close();
    tooMany(o.file, e);
  }
  const again = spool?.path ?? o.file;
  return {
    summary: tally.build(year),
    listed: tally.listed(),
    close,
    async *findings() {
      let batch: Finding[] = [];
      const second = new CommunityCsvSink(o.file, (cols) => blockFindings(cols, k, o.list.all, batch), undefined);
      for await (const _ of readCsv(o.file, createReadStream(again, { highWaterMark: CHUNK / 4 }), Infinity, second)) {
        void _;
        if (batch.length) {
          yield batch;
          batch = [];
        }
      }
      yield [...batch, ...city.filter((f) => f.status !== 'pass' || o.list.all)];
    },
  };
}

/** Read a JSON dataset (whole) and evaluate it. */
async function evaluateJson(o: ReadOptions, input: Readable): Promise<FileEvaluation> {
  const all = await wholeText(o.file, input, o.maxBytes);
  if (all.trim() === '') throw new InputError(`${o.file}: the file is empty; expected a JSON dataset { "year": …, "communities": [ … ] }`);
  let data: unknown;
  try {
    data = JSON.parse(all);
  } catch (e) {
    throw new InputError(`${o.file}: not valid JSON: ${(e as Error).message}`);
  }
  let d: Dataset;
  try {
    d = readDataset(data);
  } catch (e) {
    if (e instanceof PolicyInputError) throw new InputError(e.issues.map((i) => `${o.file}: ${i.path}: ${i.message}`).join('\n'));
    throw e;
  }
  if (o.year !== undefined && o.year !== d.year) throw new InputError(`${o.file}: the data is for ${d.year}, but --year says ${o.year}`);
  let r: ReturnType<typeof evaluateDataset>;
  try {
    r = evaluateDataset(d, o.policy, false, o.list);
  } catch (e) {
    tooMany(o.file, e);
  }
  const k = compile(o.policy, d.year);
  return {
    summary: r.summary,
    listed: r.listed,
    close: () => undefined,
    async *findings() {
      const codes = new Uint8Array(6);
      let batch: Finding[] = [];
      for (const c of d.communities) {
        communityStatuses(c, k, codes, 0);
        for (let j = 0; j < 6; j++) {
          const code = codes[j]!;
          if (code !== 0 && (code !== 1 || o.list.all)) batch.push(communityFinding(c, k, j, code));
        }
        if (batch.length >= 10000) {
          yield batch;
          batch = [];
        }
      }
      batch.push(...r.city.filter((f) => f.status !== 'pass' || o.list.all));
      yield batch;
    },
  };
}

/** Evaluate the file (JSON, or CSV by its name or its first character). */
export async function evaluateFile(o: ReadOptions): Promise<FileEvaluation> {
  const bytes = o.file === '-' ? 0 : size(o.file, o.maxBytes);
  if (o.file.toLowerCase().endsWith('.json') && bytes > MAX_STRING) throw tooLongForJson(o.file);
  const input = open(o.file, o.stdin);
  if (o.file.toLowerCase().endsWith('.csv')) return evaluateCsv(o, input);
  if (o.file.toLowerCase().endsWith('.json')) return evaluateJson(o, input);
  // Standard input or another name: look at the first non-blank character.
  const chunks: Buffer[] = [];
  let first: number | undefined;
  for await (const chunk of input.iterator({ destroyOnReturn: false })) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    const at = buf.findIndex((x) => x !== 0x20 && x !== 0x0a && x !== 0x0d && x !== 0x09 && x !== 0xef && x !== 0xbb && x !== 0xbf);
    if (at >= 0) {
      first = buf[at];
      break;
    }
  }
  const { Readable } = await import('node:stream');
  const rest = Readable.from((async function* () {
    yield* chunks;
    yield* input;
  })());
  return first === 0x7b ? evaluateJson(o, rest) : evaluateCsv(o, rest);
}
