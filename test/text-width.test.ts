/**
 * The text report fits 100 display columns by default (issue 22, item 5): its findings' cells wrap inside their
 * columns and long lines go on indented, with nothing lost — the findings are those of the JSON report of the same
 * data, and each cell holds what the unwrapped report's cell holds, its numbers and ids whole on one line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { displayWidth } from '../src/present/format.js';

const BIN = join(import.meta.dirname, '..', 'dist', 'cli', 'bin.js');
const EXAMPLES = join(import.meta.dirname, '..', 'examples');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A made-up city whose names are long enough to overflow any column, in two years' worth of findings. */
function longCity(): string {
  const dir = mkdtempSync(join(tmpdir(), 'width-'));
  const communities = Array.from({ length: 8 }, (_, i) => ({
    id: `SQ-2013-${String(1000 + i)}`,
    name: `${'很长的名字'.repeat(3 + i)}社区(虚构第${i + 1}号，用于测试折行)`,
    kind: i === 7 ? 'rural' : 'urban',
    households: 3100 + 250 * i,
    residents: 9000 + 1000 * i,
    roomAreaM2: '300.25',
    staff: 3,
    roomsOnGroundFloor: i % 2 === 0,
    oneStopWindow: i % 3 === 0 ? undefined : false,
    streetSubsidyPaid: 10000 + i,
  }));
  const file = join(dir, 'long-names-city.json');
  writeFileSync(file, JSON.stringify({ year: 2013, communities }));
  return file;
}

const CASES: [string, string[]][] = [
  ['city.json', [join(EXAMPLES, 'city.json')]],
  ['ningguo-2013.csv', [join(EXAMPLES, 'ningguo-2013.csv')]],
  ['ningguo.xlsx', [join(EXAMPLES, 'ningguo.xlsx')]],
];

/** The text of `line` between display columns `from` and `to` (a wide character belongs where it starts). */
function columns(line: string, from: number, to: number): string {
  let at = 0;
  let out = '';
  for (const ch of line) {
    if (at >= from && at < to) out += ch;
    at += displayWidth(ch);
  }
  return out.trim();
}

/** The findings' table of one year's report, row by row, each cell joined from its lines. */
function findingRows(text: string): string[][][] {
  const lines = text.split('\n');
  const tables: string[][][] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    // The header follows the line that says what is listed.
    if (!/(最严重的在前|worst first):$/.test(lines[i - 1] ?? '')) continue;
    // Column starts: after the mark, each header word that follows two spaces or more.
    const starts = [0, ...[...head.matchAll(/(?<= {2})\S/g)].map((m) => displayWidth(head.slice(0, m.index)))];
    const rows: string[][] = [];
    for (let j = i + 1; j < lines.length && lines[j] !== '' && !/^\S.*:$/.test(lines[j]!); j++) {
      const line = lines[j]!;
      if (/^…/.test(line)) break;
      const cells = starts.map((s, k) => columns(line, s, starts[k + 1] ?? Infinity));
      if (cells[0] !== '') rows.push(cells.map((c) => c));
      else rows.at(-1)!.forEach((_, k) => (rows.at(-1)![k] += cells[k] ? `\n${cells[k]}` : ''));
    }
    tables.push(rows);
  }
  return tables;
}

const listed = (json: unknown) => {
  const j = json as { years?: { findings: { status: string }[] }[]; findings?: { status: string }[] };
  return (j.years ?? [j as { findings: { status: string }[] }]).map((y) => y.findings.filter((f) => f.status !== 'pass'));
};

describe('the text report fits 100 columns', { timeout: 120_000 }, () => {
  const long = longCity();
  const all: [string, string[]][] = [...CASES, ['a city with long names', [long]]];
  for (const [name, files] of all) {
    for (const lang of ['zh', 'en'] as const) {
      test(`${name} (${lang}): every line ≤ 100 columns, the JSON's findings all there, each cell whole`, () => {
        const text = run(['report', ...files, '--lang', lang]);
        expect(text.stderr).toBe('');
        const wide = text.stdout.split('\n').filter((l) => displayWidth(l) > 100);
        expect(wide).toEqual([]);
        const json = run(['report', ...files, '--format', 'json', '--lang', lang]);
        expect(json.code).toBe(text.code);
        const expected = listed(JSON.parse(json.stdout));
        const unwrapped = findingRows(run(['report', ...files, '--lang', lang, '--width', '0']).stdout);
        const wrapped = findingRows(text.stdout);
        // One table a year, one row a failing or unknown finding of the JSON, marked as its status.
        expect(wrapped.map((rows) => rows.map((r) => r[0]))).toEqual(expected.map((fs) => fs.map(() => expect.stringMatching(/^[✗?]$/))));
        expect(wrapped.map((rows) => rows.filter((r) => r[0] === '✗').length)).toEqual(expected.map((fs) => fs.filter((f) => f.status === 'fail').length));
        expect(unwrapped.map((rows) => rows.length)).toEqual(expected.map((fs) => fs.length));
        // Each wrapped cell is the unwrapped cell broken at spaces or between characters, every number and id on one line.
        wrapped.forEach((rows, t) =>
          rows.forEach((row, r) =>
            row.forEach((cell, c) => {
              const whole = unwrapped[t]![r]![c]!;
              expect(cell.replace(/\s/g, '')).toBe(whole.replace(/\s/g, ''));
              const cellLines = cell.split('\n');
              for (const token of whole.match(/[0-9A-Za-z][0-9A-Za-z.,/_-]*[0-9A-Za-z]/g) ?? [])
                expect(
                  cellLines.some((l) => l.includes(token)),
                  `${token} cut in ${JSON.stringify(cell)}`,
                ).toBe(true);
            }),
          ),
        );
      });
    }
  }

  test('--width 80 fits 80 columns; --width 0 does not wrap; a width under 40 is refused in both languages', () => {
    for (const lang of ['zh', 'en']) {
      const narrow = run(['report', join(EXAMPLES, 'city.json'), '--width', '80', '--lang', lang]);
      expect(narrow.stdout.split('\n').filter((l) => displayWidth(l) > 80)).toEqual([]);
    }
    const wide = run(['report', join(EXAMPLES, 'city.json'), '--width', '0']);
    expect(Math.max(...wide.stdout.split('\n').map(displayWidth))).toBeGreaterThan(100);
    const zh = run(['report', join(EXAMPLES, 'city.json'), '--width', '30']);
    const en = run(['report', join(EXAMPLES, 'city.json'), '--width', '30', '--lang', 'en']);
    expect([zh.code, en.code]).toEqual([2, 2]);
    expect(zh.stderr).toContain('--width');
    expect(en.stderr).toContain('--width');
    expect(zh.stderr).not.toBe(en.stderr);
  });

  test('to a terminal, the report fits the terminal; --width overrides it; a file gets 100', async () => {
    const { main } = await import('../src/cli/main.js');
    const widest = async (args: string[], stdoutColumns: number) => {
      const chunks: string[] = [];
      const stdout = new PassThrough();
      stdout.on('data', (d) => chunks.push(String(d)));
      await main(['report', join(EXAMPLES, 'city.json'), ...args], {
        stdin: Readable.from([]),
        stdout,
        stderr: new PassThrough(),
        stderrIsTTY: false,
        stdoutColumns,
      });
      return Math.max(...chunks.join('').split('\n').map(displayWidth));
    };
    expect(await widest([], 84)).toBeLessThanOrEqual(84);
    expect(await widest([], 84)).toBeGreaterThan(80);
    expect(await widest(['--width', '120'], 84)).toBeGreaterThan(100);
    const out = join(mkdtempSync(join(tmpdir(), 'width-')), 'report.txt');
    await main(['report', join(EXAMPLES, 'city.json'), '--output', out], {
      stdin: Readable.from([]),
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stderrIsTTY: false,
      stdoutColumns: 60,
    });
    const lines = readFileSync(out, 'utf8').split('\n').map(displayWidth);
    expect(Math.max(...lines)).toBeGreaterThan(80);
    expect(Math.max(...lines)).toBeLessThanOrEqual(100);
  });

  test.each(['zh', 'en'])('compare, audit and explain fit 100 columns too (%s)', (lang) => {
    for (const args of [
      ['compare', join(EXAMPLES, 'ningguo-2013.csv'), '--policy', 'national-2011', '--policy', 'national-2021'],
      ['audit'],
      ['explain', 'staff', '--households', '3100'],
    ]) {
      const r = run([...args, '--lang', lang]);
      expect(r.stderr).toBe('');
      expect(
        r.stdout.split('\n').filter((l) => displayWidth(l) > 100),
        args[0],
      ).toEqual([]);
      // The document numbers of the standards are whole on one line.
      if (args[0] === 'compare') for (const n of ['国办发〔2011〕61号', '国办发〔2021〕56号']) expect(r.stdout).toContain(n);
    }
  });

  test('Markdown is not wrapped: its findings are one table row each', () => {
    const md = run(['report', join(EXAMPLES, 'city.json'), '--format', 'markdown']);
    const json = listed(JSON.parse(run(['report', join(EXAMPLES, 'city.json'), '--format', 'json']).stdout));
    expect(md.stdout.split('\n').filter((l) => /^\| [✗?] \|/.test(l)).length).toBe(json[0]!.length);
  });
});
