/**
 * The CLI's side of reading a city's data: it opens each file (or standard
 * input), refuses what is not a file or is too large before reading, and
 * hands the bytes, a chunk at a time, to the one reading of `src/read/`
 * (`evaluateFiles`), which tells the format, reads and evaluates them.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkColumnMap, type ColumnMap } from '../read/headers.js';
import { evaluateFiles as evaluateSources, type EvaluateFilesOptions, type ReportData } from '../read/evaluate-files.js';
import { BlockFeed, errorFrom, type BlockMessage, type ErrorData } from '../read/blocks.js';
import { InputError, type BlockRequest, type FileSource, type RecordSink, type RowsRead } from '../read/read-file.js';

export { InputError } from '../read/read-file.js';
export type { FindingStream, ReportData, ReportYear } from '../read/evaluate-files.js';

/** What `report` reads: the files, and how they are read and evaluated. */
export interface ReadOptions extends EvaluateFilesOptions {
  /** Paths, or '-' for standard input (once). */
  readonly files: readonly string[];
  readonly stdin: Readable;
}

/** A stream's chunks as bytes (standard input may have been given an encoding and yield text). */
async function* bytesOf(input: Readable): AsyncGenerator<Uint8Array> {
  for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
}

/** A file (or standard input) to read: refused by name when it is not a file or is over the limit. */
function openFile(file: string, stdin: Readable, maxBytes: number): FileSource {
  if (file === '-') return { name: file, bytes: bytesOf(stdin) };
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
    // A directory opens and then fails as the stream is read (an internal error): refuse it here, by name.
    if (!stat.isFile() && !stat.isFIFO())
      throw new InputError(`${file}: ${stat.isDirectory() ? 'is a directory' : 'is not a regular file'}; give the path of a dataset file`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (stat.size > maxBytes) throw new InputError(`${file}: the file is ${stat.size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-mb)`);
  return {
    name: file,
    bytes: bytesOf(createReadStream(file)),
    size: stat.size,
    // A regular file can be read a second time (a pipe cannot).
    ...(stat.isFile() && { again: () => bytesOf(createReadStream(file)) }),
    // A large one may be read as a CSV by a second thread while this one evaluates (see workerMinBytes).
    ...(stat.isFile() &&
      stat.size >= workerMinBytes() &&
      existsSync(WORKER) && { elsewhere: (request, sink, table) => readInWorker(file, request, sink, table) }),
  };
}

/** The reading thread's module, beside this one once built (from the sources, as in the tests, there is none). */
const WORKER = fileURLToPath(new URL('./csv-worker.js', import.meta.url));

/**
 * The smallest file read by a second thread, from SHEQU_RULES_WORKER_MIN_BYTES; without it, none is. Measured on
 * this two-core machine under the load of other work (load average 9–12), the second thread made a report of 1M
 * rows slower (4.8–7.7 s against 2.7–5.9 s on one thread, 0.3 s more CPU): it stays off until it is measured to
 * pay on a machine with a core to spare (docs/PERFORMANCE.md). The tests set it to read small files so.
 */
function workerMinBytes(): number {
  const env = process.env.SHEQU_RULES_WORKER_MIN_BYTES;
  const n = env === undefined || env === '' ? Number.NaN : Number(env);
  return Number.isFinite(n) && n >= 0 ? n : Number.POSITIVE_INFINITY;
}

/** A CSV read by the reading thread (./csv-worker.ts): its blocks' rows to the sink as they come, each block acknowledged. */
function readInWorker(path: string, request: BlockRequest, sink: RecordSink, table: number): Promise<RowsRead> {
  const feed = new BlockFeed(sink, table);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { path, request } });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: { type: 'block'; block: BlockMessage } | { type: 'done'; result: RowsRead } | { type: 'error'; error: ErrorData }) => {
      if (settled) return;
      if (m.type === 'block') {
        try {
          feed.block(m.block);
        } catch (e) {
          return settle(() => reject(e));
        }
        worker.postMessage(0);
      } else if (m.type === 'done') settle(() => resolve(m.result));
      else settle(() => reject(errorFrom(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the thread reading ${path} stopped (exit code ${code})`))));
  });
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
  const { files, stdin, ...options } = o;
  // Each file is opened when its turn comes: a missing second file is named once the first has been read.
  return evaluateSources(
    files.map((file) => () => openFile(file, stdin, o.maxBytes)),
    options,
  );
}
