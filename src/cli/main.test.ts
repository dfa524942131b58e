import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { issue, PolicyInputError } from '../errors.js';
import { readTable } from '../read/read-table.js';
import { main } from './main.js';

function io(stderrIsTTY: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  return { io: { stdin: Readable.from([]), stdout, stderr, stderrIsTTY }, out, err };
}

describe('the progress line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shequ-main-'));
  const file = join(dir, 'big.csv');
  const rows = ['id,name,kind,households,residents,roomAreaM2,staff,roomsOnGroundFloor,oneStopWindow,streetSubsidyPaid'];
  for (let i = 0; i < 120_000; i++) rows.push(`c${i},n,urban,3000,8000,400,5,true,true,30000`);
  writeFileSync(file, `${rows.join('\n')}\n`);

  test('appears on a terminal for inputs over 100,000 rows', async () => {
    const t = io(true);
    expect(await main(['report', file, '--year', '2013'], t.io)).toBe(0);
    expect(t.err.join('')).toContain('\r100000 rows…');
    expect(t.err.join('')).not.toContain('\r200000 rows…');
  }, 60_000);

  test('never in JSON output, and never when standard error is not a terminal', async () => {
    const json = io(true);
    await main(['report', file, '--year', '2013', '--format', 'json'], json.io);
    expect(json.err.join('')).toBe('');
    const piped = io(false);
    await main(['report', file, '--year', '2013'], piped.io);
    expect(piped.err.join('')).toBe('');
  }, 60_000);
});

describe('problems found while reading a table follow --lang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shequ-main-lang-'));
  const HEAD = ['区划代码', '社区名称', '类型', '户数', '常住人口'];
  const csv = (name: string, rows: string[][]) => {
    const path = join(dir, name);
    writeFileSync(path, `${rows.map((r) => r.join(',')).join('\n')}\n`);
    return path;
  };
  /** The issues the library's table reader finds in the same rows: the CLI says each of them, located. */
  const issuesOf = (rows: string[][]) => {
    try {
      readTable(rows, { year: 2013 });
    } catch (e) {
      if (e instanceof PolicyInputError) return e.issues;
      throw e;
    }
    throw new Error('expected the rows to be refused');
  };
  const run = async (args: string[]) => {
    const t = io(false);
    const code = await main(args, t.io);
    return { code, err: t.err.join('') };
  };

  test.each([
    [
      'a negative count and a count in letters',
      [HEAD, ['c1', '甲社区', '城市', '-3', '8000'], ['c2', '乙社区', '城市', 'abc', '8000']],
      ['not-a-count', 'not-a-count'],
    ],
    [
      'an id used twice and a value under no header',
      [HEAD, ['c1', '甲社区', '城市', '3000', '8000'], ['c1', '甲社区', '城市', '3000', '8000'], ['c2', '乙社区', '城市', '3000', '8000', 'x']],
      ['duplicate-id', 'invalid'],
    ],
    [
      'an unknown header (the header refused whole)',
      [
        [...HEAD, '楼层'],
        ['c1', '甲社区', '城市', '3000', '8000', '1'],
      ],
      ['unknown-field'],
    ],
  ])('%s: in Chinese by default, in English with --lang en, exit 2', async (_name, rows, codes) => {
    const issues = issuesOf(rows);
    expect(issues.map((i) => i.code).sort()).toEqual(codes);
    const file = csv('bad.csv', rows);
    const zh = await run(['report', file, '--year', '2013']);
    const en = await run(['report', file, '--year', '2013', '--lang', 'en']);
    expect([zh.code, en.code]).toEqual([2, 2]);
    for (const i of issues) {
      expect(zh.err).toContain(i.messages.zh);
      expect(zh.err).not.toContain(i.messages.en);
      // A CSV's rows are its lines: where the library says "row 2", the CLI says "line 2".
      expect(en.err).toContain(i.messages.en.replace(/\bon row (\d+)/, 'on line $1'));
    }
    // Each problem located by its file and row, in the language asked for.
    expect(zh.err).toContain(`${file}: 第 ${issues[0]!.path.match(/^row (\d+)/)![1]} 行`);
    expect(en.err).toContain(`${file}: line ${issues[0]!.path.match(/^row (\d+)/)![1]}`);
  });

  test('past 50 problems, the count of the rest in the language asked for', async () => {
    const rows = [HEAD, ...Array.from({ length: 53 }, (_, i) => [`c${i}`, 'x', '城市', '-1', '8000'])];
    const file = csv('many.csv', rows);
    const zh = await run(['report', file, '--year', '2013']);
    const en = await run(['report', file, '--year', '2013', '--lang', 'en']);
    const tail = issue('', 'too-many-issues', { received: { en: '3', zh: '3' } }).messages!;
    expect(zh.err.trimEnd().split('\n').at(-1)).toBe(tail.zh);
    expect(en.err.trimEnd().split('\n').at(-1)).toBe(tail.en);
  });

  test('an id used in two files of one year, in the language asked for', async () => {
    const a = csv('a.csv', [HEAD, ['c1', '甲社区', '城市', '3000', '8000']]);
    const b = csv('b.csv', [HEAD, ['c1', '甲社区', '城市', '3000', '8000']]);
    const zh = await run(['report', a, b, '--year', '2013']);
    const en = await run(['report', a, b, '--year', '2013', '--lang', 'en']);
    expect([zh.code, en.code]).toEqual([2, 2]);
    expect(zh.err).toContain(`${b}: 第 2 行：`);
    expect(zh.err).toContain(`${a}: 第 2 行`);
    expect(en.err).toContain(`${b}: line 2: duplicate id "c1" in 2013 (first at ${a}: line 2)`);
  });
});
