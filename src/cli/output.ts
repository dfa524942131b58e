/**
 * Where a report goes, so that writing it never destroys data: a file named by `--output` is written to a temporary
 * file beside it and renamed over it only once complete and flushed to disk; an output that is one of the inputs is
 * refused before anything is read; a failed write (a full disk, a file-size limit, no permission) is an error that
 * names the output, and leaves the previous file as it was. Standard output has the same errors, except that a reader
 * who stops early (`| head`, EPIPE) ends the report quietly.
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  close,
  closeSync,
  constants,
  fchmod,
  fstatSync,
  fsync,
  lstatSync,
  openSync,
  realpathSync,
  rename,
  rmSync,
  statSync,
  type Stats,
  write,
  writeSync,
} from 'node:fs';
import { Socket } from 'node:net';
import { promisify } from 'node:util';
import { basename, dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Words } from '../errors.js';
import { InputError } from './read-input.js';

/** Where chunks of a report are written, in order. */
export interface Sink {
  write(chunk: string | Uint8Array): Promise<void>;
}

/** The reader of standard output has gone (EPIPE, `| head`): the report stops, quietly. @internal */
export class ReaderGone extends Error {
  constructor() {
    super('the reader of standard output has gone');
    this.name = 'ReaderGone';
  }
}

/** A system error's code in words, for the messages below. */
const CODE_WORDS: Readonly<Record<string, Words>> = {
  ENOSPC: { en: 'no space left on the device', zh: '磁盘空间不足' },
  EDQUOT: { en: 'disk quota exceeded', zh: '超出磁盘配额' },
  EFBIG: { en: 'the file would exceed the size limit', zh: '超出文件大小限制' },
  EACCES: { en: 'permission denied', zh: '没有写入权限' },
  EPERM: { en: 'not permitted', zh: '不允许写入' },
  EROFS: { en: 'a read-only file system', zh: '只读文件系统' },
  EISDIR: { en: 'it is a directory', zh: '这是一个目录' },
  ENOENT: { en: 'its directory does not exist', zh: '所在目录不存在' },
  ENOTDIR: { en: 'a part of its path is not a directory', zh: '路径中有一段不是目录' },
  EPIPE: { en: 'the reader has closed it', zh: '读取方已关闭' },
  EIO: { en: 'an input/output error', zh: '输入输出错误' },
};

/**
 * "FILE: cannot write the report (CODE: words)" in both languages; `file` undefined for standard output, `kept` when
 * a previous file of that name is left as it was.
 */
export function writeFailed(file: string | undefined, code: string, kept = false): InputError {
  const w = CODE_WORDS[code];
  const where = { en: file ?? 'standard output', zh: file ?? '标准输出' };
  const after =
    file === undefined
      ? { en: 'the report is incomplete', zh: '报告不完整' }
      : kept
        ? { en: `nothing was written, and the previous ${file} is as it was`, zh: `报告未写入，原有的 ${file} 保持原样` }
        : { en: 'nothing was written', zh: '报告未写入' };
  return new InputError({
    en: `${where.en}: cannot write the report (${code}${w ? `: ${w.en}` : ''}); ${after.en}`,
    zh: `${where.zh}：无法写入报告(${code}${w ? `，${w.zh}` : ''})；${after.zh}`,
  });
}

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));

// ---------------------------------------------------------------------------------------------------------------
// Cleaning up on a signal

const cleanups = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Interrupted (Ctrl-C, SIGTERM, a closed terminal): remove every temporary file, then end by the same signal, as an
 * interrupted program does (a shell reports 130 for SIGINT, 143 for SIGTERM).
 */
function interrupted(signal: NodeJS.Signals): void {
  for (const c of cleanups) {
    try {
      c();
    } catch {
      // a file already gone
    }
  }
  cleanups.clear();
  disarm();
  process.kill(process.pid, signal);
}

function disarm(): void {
  for (const s of SIGNALS) process.off(s, interrupted);
}

/**
 * Run `cleanup` (synchronous) if the process is interrupted before the returned function is called. The handlers
 * are installed only while there is something to clean, so that Ctrl-C otherwise stops the program at once.
 * @internal
 */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const s of SIGNALS) process.on(s, interrupted);
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) disarm();
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The output file

/** The file `--output` names, checked before anything is read. @internal */
export interface OutputPlan {
  /** As the user wrote it, for messages. */
  readonly file: string;
  /** The path written: a symbolic link's target, so that the link stays a link. */
  readonly path: string;
  /** A device or a named pipe (`/dev/null`, `/dev/stdout`): written directly, never replaced. */
  readonly direct: boolean;
  /** The permissions of the file replaced, kept on its successor. */
  readonly mode: number | undefined;
}

/** What an input is: its path, or standard input read from a file. */
export type InputPlace = { readonly path: string } | { readonly stdin: Readable };

const same = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

function statOf(input: InputPlace): Stats | undefined {
  try {
    if ('path' in input) return statSync(input.path);
    const fd = (input.stdin as { fd?: unknown }).fd; // standard input redirected from a file is a stream with its fd
    return typeof fd === 'number' ? fstatSync(fd) : undefined;
  } catch {
    return undefined; // an input that cannot be read is refused by the reader, in its words
  }
}

/** `file` (or standard output, when undefined) is `input`: refused, the report would replace or append to the data. */
function isTheInput(file: string | undefined, input: InputPlace): InputError {
  const name = 'path' in input ? input.path : undefined;
  const where = { en: file ?? 'standard output', zh: file ?? '标准输出' };
  return new InputError({
    en: `${where.en}: the output is the input ${name ?? '(standard input)'}: the report would ${file === undefined ? 'be written into' : 'replace'} the data; ${file === undefined ? 'redirect standard output to another file' : 'give --output another file'}`,
    zh: `${where.zh}：输出文件就是输入文件 ${name ?? '(标准输入)'}，报告会${file === undefined ? '写进' : '覆盖'}数据；${file === undefined ? '请把标准输出重定向到另一个文件' : '请用 --output 指定另一个文件'}`,
  });
}

/**
 * Standard output redirected to a file that is one of the inputs (`report in.csv >> in.csv`): refused before
 * anything is read, as `--output in.csv` is.
 * @internal
 */
export function checkStdout(stdout: Writable, inputs: readonly InputPlace[]): void {
  const fd = (stdout as { fd?: unknown }).fd;
  if (typeof fd !== 'number' || stdout instanceof Socket) return;
  let out: Stats;
  try {
    out = fstatSync(fd);
  } catch {
    return;
  }
  if (!out.isFile()) return;
  for (const input of inputs) {
    const s = statOf(input);
    if (s && same(s, out)) throw isTheInput(undefined, input);
  }
}

/**
 * Check the output before anything is read: an output that is an input (the same file by another path, a symbolic
 * or a hard link) is refused, so are a directory and a directory that does not exist or cannot be written.
 * @internal
 */
export function planOutput(file: string, inputs: readonly InputPlace[]): OutputPlan {
  let target: Stats | undefined;
  try {
    lstatSync(file);
    target = statSync(file);
  } catch (e) {
    // Missing (or a link to nothing): a new file, in a directory that must exist and take it.
    if (codeOf(e) !== 'ENOENT') throw writeFailed(file, codeOf(e));
  }
  if (target) {
    for (const input of inputs) {
      const s = statOf(input);
      if (s && same(s, target)) throw isTheInput(file, input);
    }
    if (target.isDirectory()) throw writeFailed(file, 'EISDIR');
  }
  const direct = target !== undefined && !target.isFile();
  const path = target?.isFile() ? realpathSync(file) : file;
  if (!direct) {
    const dir = dirname(path);
    try {
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
      accessSync(dir, constants.W_OK);
      // A report made read-only is not replaced behind its owner's back, as a shell's `>` would not.
      if (target) accessSync(path, constants.W_OK);
    } catch (e) {
      throw writeFailed(file, codeOf(e), target !== undefined);
    }
  }
  return { file, path, direct, mode: target?.isFile() ? target.mode & 0o7777 : undefined };
}

/** Chunks gathered before a write: few system calls, and never a whole report in one more copy. */
const BATCH = 1 << 20;

/** Gathers chunks and writes them in batches through `put`. */
abstract class Batched implements Sink {
  private pending: string[] = [];
  private size = 0;
  protected abstract put(bytes: Uint8Array): Promise<void>;

  async write(chunk: string | Uint8Array): Promise<void> {
    if (typeof chunk === 'string') {
      this.pending.push(chunk);
      this.size += chunk.length;
      if (this.size >= BATCH) await this.flush();
    } else {
      await this.flush();
      await this.put(chunk);
    }
  }

  protected async flush(): Promise<void> {
    if (this.size === 0 && this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.size = 0;
    await this.put(bytes);
  }
}

/**
 * The report file: a temporary file beside the target (the same directory, so the rename is atomic), flushed to
 * disk and renamed over the target on `commit`; `abort` removes it and leaves the target untouched. A device or a
 * named pipe is written directly.
 * @internal
 */
export class FileOutput extends Batched {
  /** The open file, until it is closed. */
  private fd: number | undefined;

  private constructor(
    private readonly plan: OutputPlan,
    fd: number,
    private readonly temp: string | undefined,
    private readonly release: () => void,
  ) {
    super();
    this.fd = fd;
  }

  /**
   * Open the temporary file (or the device) for `plan`. Synchronously: an interrupt, handled on this thread, then
   * always finds the file made, never a file about to be made by another thread after it was cleaned up.
   */
  static open(plan: OutputPlan): FileOutput {
    if (plan.direct) {
      try {
        return new FileOutput(plan, openSync(plan.path, 'w'), undefined, () => {});
      } catch (e) {
        throw writeFailed(plan.file, codeOf(e));
      }
    }
    const temp = join(dirname(plan.path), `.${basename(plan.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      // A new file only (never one of the same name), private until it is complete if the previous one was.
      const fd = openSync(temp, 'wx', plan.mode ?? 0o666);
      return new FileOutput(
        plan,
        fd,
        temp,
        onInterrupt(() => rmSync(temp, { force: true })),
      );
    } catch (e) {
      throw writeFailed(plan.file, codeOf(e), plan.mode !== undefined);
    }
  }

  protected async put(bytes: Uint8Array): Promise<void> {
    try {
      // A write may take part of the bytes (a file-size limit reached in the middle): the next one says why.
      for (let at = 0; at < bytes.length; ) at += await writeAsync(this.fd!, bytes, at, bytes.length - at);
    } catch (e) {
      throw writeFailed(this.plan.file, codeOf(e), this.kept);
    }
  }

  /** Whether a failure leaves a previous file in place (never said of a device). */
  private get kept(): boolean {
    return this.temp !== undefined && this.plan.mode !== undefined;
  }

  /** Write what is pending, flush it to disk and put the file in the target's place. */
  async commit(): Promise<void> {
    try {
      await this.flush();
      const fd = this.fd!;
      if (this.temp !== undefined) {
        await fsyncAsync(fd);
        // umask narrows the mode given at creation: give the replaced file's permissions exactly.
        if (this.plan.mode !== undefined) await fchmodAsync(fd, this.plan.mode);
      }
      this.fd = undefined;
      await closeAsync(fd);
      if (this.temp !== undefined) await renameAsync(this.temp, this.plan.path);
    } catch (e) {
      this.abort();
      throw e instanceof InputError ? e : writeFailed(this.plan.file, codeOf(e), this.kept);
    }
    this.release();
    if (this.temp !== undefined) syncDirectory(dirname(this.plan.path));
  }

  /** Give up: the temporary file is removed, the target left as it was. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // a device that failed may fail again: the file is gone either way
      }
      this.fd = undefined;
    }
    if (this.temp !== undefined) rmSync(this.temp, { force: true });
    this.release();
  }
}

const writeAsync = promisify((fd: number, b: Uint8Array, at: number, n: number, cb: (e: Error | null, written: number) => void) =>
  write(fd, b, at, n, null, cb),
);
const fsyncAsync = promisify(fsync);
const fchmodAsync = promisify(fchmod);
const closeAsync = promisify(close);
const renameAsync = promisify(rename);

/** The rename made durable where the file system allows it (a directory cannot always be opened for fsync). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsync(fd, () => close(fd, () => {}));
  } catch {
    // not possible here: the rename stands, as durable as the file system makes it
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Standard output

const watched = new WeakSet<Writable>();

/**
 * Standard output as a sink: each batch waits for its write to finish, so that an error (a full disk, a closed pipe)
 * is met here, never as an unhandled 'error' event, and never after the program has said it succeeded.
 * @internal
 */
export class StreamOutput extends Batched {
  /** Standard output redirected to a file or a device: Node writes it synchronously, and drops what a write left. */
  private readonly fd: number | undefined;

  constructor(private readonly stream: Writable) {
    super();
    if (!watched.has(stream)) {
      watched.add(stream);
      stream.on('error', () => {}); // each error is met by the write it fails, below
    }
    const fd = (stream as { fd?: unknown }).fd;
    this.fd = typeof fd === 'number' && !(stream instanceof Socket) ? fd : undefined;
  }

  protected put(bytes: Uint8Array): Promise<void> {
    if (this.fd !== undefined) {
      try {
        // A write that takes part of the bytes (a file-size limit reached) is followed by one that says why.
        for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(codeOf(e) === 'EPIPE' ? new ReaderGone() : writeFailed(undefined, codeOf(e)));
      }
    }
    return new Promise<void>((resolve, reject) => {
      const done = (e?: Error | null) => {
        if (!e) resolve();
        else reject(codeOf(e) === 'EPIPE' ? new ReaderGone() : writeFailed(undefined, codeOf(e)));
      };
      if (this.stream.destroyed || this.stream.writableEnded) return done(Object.assign(new Error('closed'), { code: 'EPIPE' }));
      try {
        this.stream.write(bytes, done);
      } catch (e) {
        done(e as Error); // a file as standard output is written synchronously, and throws
      }
    });
  }

  /** Write what is pending. */
  end(): Promise<void> {
    return this.flush();
  }
}
