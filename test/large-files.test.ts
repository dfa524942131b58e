/**
 * Large inputs through the built CLI, in bounded memory (not timed: each case
 * has a generous timeout for a busy two-core machine).
 * - 300,000 communities under a 64 MB heap, in every format.
 * - Files longer than V8's longest string: read in pieces or refused with exit 2, never exit 3.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark, without types
import { writeCsv } from '../bench/csv.mjs';

const dir = mkdtempSync(join(tmpdir(), 'shequ-large-'));
const ROWS = 300_000;
const csv = join(dir, 'communities.csv');
/** A smaller file for the limits: 20,000 communities, 120,000 findings with the passing ones. */
const small = join(dir, 'small.csv');

/** Run the CLI (in a heap of `heapMB`); stdout is only measured (lines and bytes), never kept whole, unless `keep`. */
function run(args: string[], keep = false, heapMB = 64): Promise<{ code: number | null; err: string; out: string; bytes: number; lines: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMB}`, 'dist/cli/bin.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    let bytes = 0;
    let lines = 0;
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
      for (const x of b) if (x === 10) lines++;
      if (keep) out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code) => resolve({ code, err, out, bytes, lines }));
  });
}

beforeAll(() => {
  writeCsv(csv, ROWS, 'passing');
  writeCsv(small, 20_000, 'passing');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`${ROWS.toLocaleString('en')} communities under a 64 MB heap`, () => {
  test('text and Markdown: the summary and the worst 1,000, then how many more', async () => {
    for (const format of ['text', 'markdown']) {
      const r = await run(['report', csv, '--year', '2013', '--format', format, '--lang', 'en'], true);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      expect(r.out).toContain(`Communities: ${ROWS}`);
      expect(r.out).toMatch(/… and \d+ more not listed/);
    }
  }, 300_000);

  test('JSON: the failing and unknown findings, streamed, and the summary; NDJSON: one finding a line, the summary last', async () => {
    const json = await run(['report', csv, '--year', '2013', '--format', 'json'], true);
    expect(json.err).toBe('');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as { findings: { status: string }[]; summary: { counts: { fail: number; unknown: number }; communities: number } };
    expect(parsed.summary.communities).toBe(ROWS);
    expect(parsed.findings.length).toBe(parsed.summary.counts.fail + parsed.summary.counts.unknown);
    expect(parsed.findings.some((f) => f.status === 'pass')).toBe(false);
    const nd = await run(['report', csv, '--year', '2013', '--format', 'ndjson']);
    expect(nd.err).toBe('');
    expect(nd.code).toBe(1);
    expect(nd.lines).toBe(parsed.findings.length + 1);
  }, 600_000);

  test('--limit is honoured in every format, and 0 (all) is refused where the list would not fit', async () => {
    const nd = await run(['report', small, '--year', '2013', '--format', 'ndjson', '--limit', '7']);
    expect(nd.lines).toBe(8);
    const json = await run(['report', small, '--year', '2013', '--format', 'json', '--limit', '3'], true);
    expect((JSON.parse(json.out) as { findings: unknown[] }).findings).toHaveLength(3);
    const text = await run(['report', small, '--year', '2013', '--limit', '0', '--all']);
    expect(text.code).toBe(2);
    expect(text.err).toMatch(
      /more than 100000 findings to list; --format text lists at most 100000 \(give --limit N for the worst N\), while --format json or ndjson streams every one/,
    );
    const md = await run(['report', small, '--year', '2013', '--format', 'markdown', '--limit', '5', '--lang', 'en'], true);
    expect(md.code).toBe(1);
    expect(md.out.split('\n').filter((l) => /^\| [✗?✓] \|/.test(l))).toHaveLength(5);
    expect(md.out).toMatch(/… and \d+ more not listed/);
    const html = await run(['report', small, '--year', '2013', '--format', 'html', '--limit', '4', '--lang', 'en'], true);
    expect(html.code).toBe(1);
    expect(html.out.match(/<tr class="sr-(fail|unknown)"/g)).toHaveLength(4);
    expect(html.out).toMatch(/<p>\d+ more not listed<\/p>/);
    // A workbook lists passing findings too: 120,000 rows are more than it holds, unless --limit says how many.
    const xlsx = await run(['report', small, '--year', '2013', '--format', 'xlsx', '--output', join(dir, 'r.xlsx')]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toMatch(/more than 100000 findings to list; a workbook lists at most 100000/);
    const xlsx10 = await run(['report', small, '--year', '2013', '--format', 'xlsx', '--output', join(dir, 'r.xlsx'), '--limit', '10']);
    expect(xlsx10.err).toBe('');
    expect(xlsx10.code).toBe(1);
  }, 600_000);
});

describe('the heap stays flat as the rows grow', () => {
  // A budget, not a timing: the report of 20 times the rows fits the same small heap. What may grow with the rows is
  // off the heap (8 bytes a row of id keys, in a typed array); anything kept per row on the heap (50 bytes a row
  // would be 30 MB here) runs out of it, exit 134 instead of 1.
  test('30,000 and 600,000 rows, each under a 32 MB heap', async () => {
    const sizes = [30_000, 600_000];
    for (const rows of sizes) {
      const file = join(dir, `flat-${rows}.csv`);
      writeCsv(file, rows, 'failing');
      const r = await run(['report', file, '--year', '2013', '--lang', 'en'], true, 32);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      expect(r.out).toContain(`Communities: ${rows}`);
      rmSync(file);
    }
  }, 600_000);
});

describe('JSON and NDJSON in the order of the data', () => {
  test("each year's communities as the file gives them (years interleaved in a 年度 column), then the city; --limit: the worst first", async () => {
    const file = join(dir, 'years.csv');
    writeFileSync(
      file,
      'id,name,kind,households,residents,staff,year\nc1,a,urban,500,8000,1,2012\nc2,b,urban,3000,8000,5,2013\nc3,c,urban,3000,8000,4,2012\nc4,d,urban,1000,8000,1,2013\n',
    );
    const json = await run(['report', file, '--format', 'json'], true);
    expect(json.code).toBe(1);
    const years = (JSON.parse(json.out) as { years: { findings: { subject: string; provision: string; status: string }[]; summary: { year: number } }[] })
      .years;
    expect(years.map((y) => y.summary.year)).toEqual([2012, 2013]);
    const subjects = (y: (typeof years)[number]) => [...new Set(y.findings.map((f) => f.subject))];
    expect(subjects(years[0]!)).toEqual(['c1', 'c3', 'city']);
    expect(subjects(years[1]!)).toEqual(['c2', 'c4', 'city']);
    const nd = await run(['report', file, '--format', 'ndjson'], true);
    const lines = nd.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { subject?: string; summary?: { year: number } });
    expect(lines.filter((l) => l.summary).map((l) => l.summary!.year)).toEqual([2012, 2013]);
    expect(lines.length).toBe(years[0]!.findings.length + years[1]!.findings.length + 2);
    const worst = await run(['report', file, '--format', 'json', '--limit', '1'], true);
    const first = (JSON.parse(worst.out) as { years: { findings: { subject: string; provision: string }[] }[] }).years.map((y) => y.findings);
    // The sizes of c1 (83 % off the standard) and c4 (67 % off) are further short than anything else of their year.
    expect(first.map((f) => f.map((x) => `${x.subject} ${x.provision}`))).toEqual([['c1 Q4/Q5'], ['c4 Q4/Q5']]);
  }, 120_000);
});

describe('files longer than the longest string', () => {
  // Sparse files: 600 MB that take no disk and read fast. A header, then NUL bytes.
  const sparse = (name: string, head: string) => {
    const path = join(dir, name);
    const fd = openSync(path, 'w');
    writeSync(fd, head);
    ftruncateSync(fd, 600 * 1024 * 1024);
    closeSync(fd);
    return path;
  };

  test('a CSV is read in pieces: refused at its first overlong row, exit 2', async () => {
    const r = await run(['report', sparse('big.csv', 'id,name,kind,households,residents\nc1,a,urban,3000,8000\n'), '--year', '2013']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/big\.csv: line 3: a row longer than 1048576 bytes/);
  }, 300_000);

  test('a JSON dataset, read whole, is refused before it outgrows a string, exit 2', async () => {
    const r = await run(['report', sparse('big.json', '{"year":2013,"communities":['), '--max-mb', '2048']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/big\.json: a JSON dataset is read whole, and this one \(\d+ bytes\) may be longer than the longest string/);
  }, 300_000);
});
