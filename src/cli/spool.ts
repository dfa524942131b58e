/**
 * Findings on their way to a JSON or NDJSON report, one JSON line each, held in
 * a temporary file per year rather than in memory: the report is written only
 * once the whole input has been read without a problem (a bad cell on the last
 * row leaves standard output empty), and the years of a file with a 年度 column
 * come interleaved while each year's findings are written together.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../evaluate/evaluate.js';
import { jsonFinding } from '../report/format-report.js';
import { InputError } from './read-input.js';
import { onInterrupt } from './output.js';

/** The spool cannot be written (a full disk, a file-size limit): said as such, never blamed on the input. */
function spoolFailed(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new InputError({
    en: `${path}: cannot write the temporary file that holds the findings (${code}); nothing was written`,
    zh: `${path}：无法写入存放检查结果的临时文件(${code})；报告未写入`,
  });
}

interface YearFile {
  readonly path: string;
  fd: number;
  text: string;
}

/** Findings by year, spooled to temporary files. @internal */
export class Spool {
  private dir: string | undefined;
  private readonly years = new Map<number, YearFile>();
  /** Ends the removal on an interrupt (Ctrl-C), installed while the directory exists. */
  private release: (() => void) | undefined;

  /** One finding of `year`, as its JSON line. */
  add(year: number, f: Finding): void {
    let y = this.years.get(year);
    if (!y) {
      if (this.dir === undefined) {
        const base = join(tmpdir(), 'shequ-rules-');
        try {
          this.dir = mkdtempSync(base);
        } catch (e) {
          throw spoolFailed(base, e);
        }
        const dir = this.dir;
        this.release = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
      }
      const path = join(this.dir, `${year}.ndjson`);
      try {
        y = { path, fd: openSync(path, 'w'), text: '' };
      } catch (e) {
        throw spoolFailed(path, e);
      }
      this.years.set(year, y);
    }
    y.text += `${jsonFinding(f)}\n`;
    if (y.text.length >= 1 << 20) this.flush(y);
  }

  private flush(y: YearFile): void {
    if (!y.text) return;
    const bytes = Buffer.from(y.text, 'utf8');
    y.text = '';
    try {
      // A write may take part of the bytes (a file-size limit reached): the next one throws and says why.
      for (let at = 0; at < bytes.length; ) at += writeSync(y.fd, bytes, at, bytes.length - at);
    } catch (e) {
      throw spoolFailed(y.path, e);
    }
  }

  /** The lines of `year` (none if it has none), in pieces that each end at a line's end. */
  async *read(year: number): AsyncGenerator<string> {
    const y = this.years.get(year);
    if (!y) return;
    if (y.fd >= 0) {
      this.flush(y);
      closeSync(y.fd);
      y.fd = -1;
    }
    let rest = '';
    for await (const chunk of createReadStream(y.path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const text = rest + (chunk as string);
      const cut = text.lastIndexOf('\n') + 1;
      rest = text.slice(cut);
      if (cut > 0) yield text.slice(0, cut);
    }
    if (rest) yield rest;
  }

  /** Delete the files. */
  remove(): void {
    for (const y of this.years.values()) if (y.fd >= 0) closeSync(y.fd);
    this.years.clear();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    this.release?.();
    this.release = undefined;
  }
}
