import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { issue, PolicyInputError, refused } from '../errors.js';
import { amount as AMOUNT, count as COUNT, year as YEAR } from '../kinds.js';
import { NINGGUO_2011 } from '../policies/ningguo-2011.js';
import type { RuleAbout } from '../provisions/declare.js';

const RULE_ABOUT: Readonly<Record<string, RuleAbout>> = Object.fromEntries(
  NINGGUO_2011.flatMap((p) => Object.entries(p.rules).map(([name, r]) => [name, r.about])),
);
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

describe('explain: a negative number given to a flag is refused in the library’s words, never as an ambiguous argument', () => {
  const KIND = { count: COUNT, year: YEAR, amount: AMOUNT } as const;
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  /** Every numeric flag of every rule explain offers, as the provisions declare them (a former flag too). */
  const flags = Object.values(RULE_ABOUT).flatMap((r) =>
    r.command === undefined
      ? []
      : r.fields.flatMap((f) => {
          const kind = f.kind;
          return kind === 'date' ? [] : [f.flag ?? kebab(f.name), ...(f.was ? [f.was.flag] : [])].map((flag) => [r.command!, flag, kind] as const);
        }),
  );

  test('there are numeric flags to try', () => expect(flags.length).toBeGreaterThan(10));

  test.each(flags)('explain %s --%s -3 (a %s), and the same with =-3: exit 2, the catalogue’s refusal in both languages', async (command, flag, kind) => {
    const expected = refused(`--${flag}`, KIND[kind].code, KIND[kind].expectedText, '-3');
    expect(expected.code).toBe(KIND[kind].code); // not-a-count, not-a-year, not-an-amount
    for (const given of [[`--${flag}`, '-3'], [`--${flag}=-3`]]) {
      for (const lang of ['zh', 'en'] as const) {
        const t = io(false);
        const code = await main(['explain', command, ...given, ...(lang === 'en' ? ['--lang', 'en'] : [])], t.io);
        expect(code).toBe(2);
        const more = lang === 'zh' ? '用法见 shequ-rules --help。' : "Run 'shequ-rules --help' for usage.";
        expect(t.err.join('')).toBe(`shequ-rules: ${expected.path}: ${expected.messages![lang]}\n${more}\n`);
      }
    }
  });

  test('so in the other commands: schedule rollout --villages -3 is refused as not a count', async () => {
    const expected = refused('--villages', COUNT.code, COUNT.expectedText, '-3');
    const t = io(false);
    expect(await main(['schedule', 'rollout', '--villages', '-3', '--lang', 'en'], t.io)).toBe(2);
    expect(t.err.join('')).toContain(`${expected.path}: ${expected.messages!.en}`);
  });

  test('a negative number after a flag is its value only: a flag after a flag is still an error of usage', async () => {
    const t = io(false);
    expect(await main(['explain', Object.values(RULE_ABOUT).find((r) => r.command)!.command!, '--lang', '--format'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/ambiguous/);
  });
});
