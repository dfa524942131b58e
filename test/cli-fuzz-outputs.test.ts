/**
 * The CLI's outputs under faults, in every format (spawning the built binary, so few runs): a full disk, a file-size
 * limit, a signal in the middle of the write, an output that is the input, an output in a directory that does not
 * exist. The faults' details are drawn at random (which signal and when, how the input is named again, the size
 * limit, whether a previous report exists). Every run ends in 0, 1 or 2, or by the signal sent (a shell's 130 or 143),
 * and leaves either the previous report or the complete new one (or nothing, when there was none) — never a part of
 * one, and never a temporary file, beside the target or in the spool's directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';

const BIN = join(process.cwd(), 'dist/cli/bin.js');
const root = mkdtempSync(join(tmpdir(), 'shequ-fuzz-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FORMATS = ['text', 'markdown', 'json', 'ndjson', 'html', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

const HEADER = 'id,name,kind,households,residents,roomAreaM2,staff,roomsOnGroundFloor,oneStopWindow,streetSubsidyPaid';
/** `n` communities, every other one short of rooms: failing and passing findings. */
const csv = (n: number) =>
  `${HEADER}\n${Array.from({ length: n }, (_, i) => `c${i},社区${i},urban,3000,8000,${i % 2 ? 400 : 100},5,true,true,30000`).join('\n')}\n`;
const SMALL = csv(4);
/** Large enough that making and writing the report takes a while (a signal lands in the middle of it). */
const LARGE = csv(5_000);
const PREVIOUS = 'the previous report\n';

/** The complete report of the small input in each format, from a run without faults (the input named `in.csv` in the directory run in, as the report names it). */
const reference = new Map<Format, Buffer>();
const args = (format: Format, input: string, output: string) => [
  'report',
  input,
  '--year',
  '2013',
  '--all',
  '--limit',
  '0',
  '--format',
  format,
  '--output',
  output,
];

beforeAll(() => {
  const dir = join(root, 'reference');
  mkdirSync(dir);
  writeFileSync(join(dir, 'in.csv'), SMALL);
  for (const format of FORMATS) {
    const out = join(dir, `r.${format}`);
    const r = spawnSync(process.execPath, [BIN, ...args(format, 'in.csv', out)], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    reference.set(format, readFileSync(out));
  }
}, 180_000);

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
}

let places = 0;
/** A directory with the input `in.csv`, a spool directory `tmp` (as TMPDIR), and the previous report at `out` if given. */
function place(input: string, previous: boolean) {
  const dir = join(root, `p${places++}`);
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(dir, 'in.csv'), input);
  if (previous) writeFileSync(join(dir, 'out'), PREVIOUS);
  return { dir, tmp, input: join(dir, 'in.csv'), out: join(dir, 'out') };
}

/** Run the CLI (through bash when `shell` is given), optionally sending `signal` once the report's temporary file appears. */
function run(argv: string[], o: { cwd: string; tmp: string; shell?: string; signal?: { name: NodeJS.Signals; afterMs: number } }): Promise<Ended> {
  const quoted = [process.execPath, BIN, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const env = { ...process.env, TMPDIR: o.tmp };
  const child =
    o.shell === undefined
      ? spawn(process.execPath, [BIN, ...argv], { cwd: o.cwd, env, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn('bash', ['-c', `${o.shell} exec ${quoted}`], { cwd: o.cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const ended = new Promise<Ended>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, err })));
  if (o.signal) {
    const { name, afterMs } = o.signal;
    void (async () => {
      while (child.exitCode === null && child.signalCode === null) {
        if (readdirSync(o.cwd).some((n) => n.endsWith('.tmp'))) {
          await new Promise((r) => setTimeout(r, afterMs));
          child.kill(name);
          return;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
  }
  return ended;
}

/** A report read whole: the end each format has (a report cut short has none). */
function complete(format: Format, bytes: Buffer): boolean {
  const text = bytes.toString('utf8');
  switch (format) {
    case 'json':
      return (JSON.parse(text) as { findings?: unknown[] }).findings !== undefined;
    case 'ndjson':
      return text.endsWith('\n') && text.trimEnd().split('\n').at(-1)!.startsWith('{"summary":');
    case 'html':
      return text.trimEnd().endsWith('</html>');
    case 'xlsx':
      // A zip ends with its directory's end record (PK 5 6), 22 bytes from the end when there is no comment.
      return bytes.readUInt32LE(bytes.length - 22) === 0x06054b50;
    default:
      return /(Data read|读取的数据)/.test(text.slice(-4000));
  }
}

/**
 * What every run must leave: an exit of 0, 1 or 2 (or death by the signal sent); beside the input, only the target
 * (with the previous report, or the complete new one) or nothing where there was nothing; the spool's directory empty.
 */
function settled(
  p: ReturnType<typeof place>,
  end: Ended,
  o: { format: Format; previous: boolean; extra?: readonly string[]; signal?: NodeJS.Signals; exact?: Buffer },
): void {
  if (end.signal !== null) expect(end.signal).toBe(o.signal);
  else expect([0, 1, 2], end.err).toContain(end.code);
  if (end.code === 2) expect(end.err).toMatch(/^shequ-rules: /);
  const names = readdirSync(p.dir)
    .filter((n) => n !== 'tmp')
    .sort();
  expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  expect(readdirSync(p.tmp)).toEqual([]);
  if (!existsSync(p.out)) {
    expect(o.previous).toBe(false); // a previous report is never removed
    expect(end.code === 0 || end.code === 1).toBe(false); // a report said written exists
    return;
  }
  const now = readFileSync(p.out);
  const previous = now.toString('utf8') === PREVIOUS;
  if (previous) expect(o.previous).toBe(true);
  if (end.code === 0 || end.code === 1) expect(previous).toBe(false);
  if (!previous) {
    if (o.exact) expect(now.equals(o.exact)).toBe(true);
    else expect(complete(o.format, now)).toBe(true);
  }
}

const faults = fc.record({
  signal: fc.constantFrom<NodeJS.Signals>('SIGINT', 'SIGTERM'),
  afterMs: fc.integer({ min: 0, max: 150 }),
  previous: fc.boolean(),
  limitKb: fc.integer({ min: 1, max: 8 }),
  same: fc.constantFrom('path', 'dot', 'symlink', 'hardlink'),
  depth: fc.integer({ min: 1, max: 3 }),
});

describe('every format under output faults', () => {
  // Five processes a run, one run a format; the signal's run makes a report of 5,000 communities.
  for (const format of FORMATS) {
    test.prop([faults], { numRuns: 1, ...(process.env.FUZZ_SEED && { seed: Number(process.env.FUZZ_SEED) }) })(
      `${format}: a full disk, a size limit, a signal, the input as output, a missing directory`,
      async ({ signal, afterMs, previous, limitKb, same, depth }) => {
        const exact = reference.get(format)!;

        // A full disk: nothing written, exit 2 naming the device.
        const full = place(SMALL, false);
        const f = await run(args(format, 'in.csv', '/dev/full'), { cwd: full.dir, tmp: full.tmp });
        expect(f.code).toBe(2);
        expect(f.err).toContain('/dev/full');
        settled(full, f, { format, previous: false });

        // A file-size limit: refused when the report is larger, written whole when it is not.
        const limited = place(SMALL, previous);
        const l = await run(args(format, 'in.csv', limited.out), { cwd: limited.dir, tmp: limited.tmp, shell: `ulimit -f ${limitKb};` });
        if (exact.length > limitKb * 1024) expect(l.code).toBe(2);
        settled(limited, l, { format, previous, exact });

        // A signal while the report is made and written: the previous report or the new one, whole.
        const big = place(LARGE, previous);
        const s = await run(args(format, 'in.csv', big.out), { cwd: big.dir, tmp: big.tmp, signal: { name: signal, afterMs } });
        settled(big, s, { format, previous, signal });

        // The input as the output, by one of its names: refused, the data unchanged.
        const self = place(SMALL, false);
        const name = { path: self.input, dot: './in.csv', symlink: 'link.csv', hardlink: 'hard.csv' }[same];
        if (same === 'symlink') symlinkSync('in.csv', join(self.dir, name));
        if (same === 'hardlink') linkSync(self.input, join(self.dir, name));
        const i = await run(args(format, 'in.csv', name), { cwd: self.dir, tmp: self.tmp });
        expect(i.code).toBe(2);
        expect(readFileSync(self.input, 'utf8')).toBe(SMALL);
        expect(readdirSync(self.tmp)).toEqual([]);

        // A directory that does not exist: refused, nothing made.
        const missing = place(SMALL, false);
        const target = join(missing.dir, ...Array.from({ length: depth }, (_, k) => `no${k}`), 'r.out');
        const m = await run(args(format, 'in.csv', target), { cwd: missing.dir, tmp: missing.tmp });
        expect(m.code).toBe(2);
        expect(m.err).toContain(target);
        expect(readdirSync(missing.dir).sort()).toEqual(['in.csv', 'tmp']);
      },
      240_000,
    );
  }
});
