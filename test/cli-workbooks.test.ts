/**
 * Workbooks read as Excel shows them (issue 19): files written by hand (sheet XML zipped by the test's own zip
 * writer, never by the library's writer), read in process by `readWorkbook` and through the built CLI
 * (`npm test` builds first). Each case is one thing Excel, WPS or a script puts in a file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCell } from '../src/read/cells.js';
import { checkZip, MAX_CELLS, MAX_ENTRIES, readWorkbook, WorkbookError } from '../src/read/xlsx.js';
import { HEAD, handWorkbook, workbookParts, zip } from './support/xlsx-by-hand.js';

const BIN = 'dist/cli/bin.js';
const dir = mkdtempSync(join(tmpdir(), 'shequ-workbooks-'));
// Each CLI case starts a process; on a busy two-core machine that can take seconds.
const TIMEOUT = 90_000;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: TIMEOUT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const community = (i: number) => [`c${i}`, `社区${i}`, '城市', 3000, 8000, 400];
const refusal = (call: () => unknown): WorkbookError => {
  try {
    call();
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw e;
  }
  throw new Error('expected a WorkbookError');
};

describe('readWorkbook: the cells Excel shows', () => {
  test('a stale <dimension ref="A1:F2"> over six rows of data: every row is read', async () => {
    const [sheet] = await readWorkbook(handWorkbook({ sheets: [{ name: '2013', dimension: 'A1:F2', rows: [[...HEAD], ...[1, 2, 3, 4, 5].map(community)] }] }));
    expect(sheet!.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sheet!.rows[5]!.cells[0]).toBe('c5');
  });

  test('a date-formatted cell is its day in the workbook’s date system; a plain number stays a number', async () => {
    // 2013-07-01 is serial 41456 in the 1900 system and 41456 − 1462 = 39994 in the 1904 system.
    const row = (serial: number) => [
      [...HEAD, '成立日期', '备注'],
      ['c1', '甲', '城市', 3000, 8000, 400, { date: serial }, 2013],
    ];
    const [mac] = await readWorkbook(handWorkbook({ date1904: true, sheets: [{ name: '2013', rows: row(39994) }] }));
    const [win] = await readWorkbook(handWorkbook({ sheets: [{ name: '2013', rows: row(41456) }] }));
    expect(mac!.rows[1]!.cells.slice(6)).toEqual(['2013-07-01', 2013]);
    expect(win!.rows[1]!.cells.slice(6)).toEqual(['2013-07-01', 2013]);
  });

  test('error values and a formula without a saved result are error cells; a formula’s saved result is its value', async () => {
    const [sheet] = await readWorkbook(
      handWorkbook({
        sheets: [
          {
            name: '2013',
            rows: [
              [...HEAD],
              ['c1', { error: '#REF!' }, '城市', { error: '#N/A' }, { error: '#DIV/0!' }, { f: 'E2/100*5' }],
              ['c2', '乙', '城市', 3000, 7002, { f: 'E3/100*5', v: '350.09999999999997' }],
            ],
          },
        ],
      }),
    );
    expect(sheet!.rows[1]!.cells).toEqual(['c1', { error: '#REF!' }, '城市', { error: '#N/A' }, { error: '#DIV/0!' }, { error: '' }]);
    expect(sheet!.rows[2]!.cells[5]).toBe(350.09999999999997);
    expect(readCell('area', sheet!.rows[2]!.cells[5])).toEqual({ ok: true, value: '350.1' });
  });

  test('hidden and very hidden sheets are marked', async () => {
    const sheets = await readWorkbook(
      handWorkbook({
        sheets: [
          { name: '2013', rows: [[...HEAD]] },
          { name: '草稿', state: 'hidden', rows: [['x']] },
          { name: 'lists', state: 'veryHidden', rows: [['y']] },
        ],
      }),
    );
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['2013', undefined],
      ['草稿', 'hidden'],
      ['lists', 'veryHidden'],
    ]);
  });
});

describe('checkZip: the work is bounded before the library inflates anything', () => {
  const bomb = (bytes: number) => Buffer.alloc(bytes, '<c/>'); // compresses about a thousandfold
  test('a small workbook that inflates past --max-mb is refused, declared sizes or not', () => {
    const parts = workbookParts({ sheets: [{ name: '2013', sheetData: bomb(8_000_000) }] });
    const honest = zip(parts);
    expect(honest.length).toBeLessThan(100_000);
    expect(refusal(() => checkZip(honest, { maxBytes: 1024 * 1024 })).words.en).toMatch(
      /inflates to more than .* over the limit of 1,048,576 bytes \(raise it with --max-mb\)/,
    );
    // A zip that declares tiny sizes is held to what its parts really inflate to.
    const lying = zip(parts, { declare: () => 10 });
    expect(refusal(() => checkZip(lying, { maxBytes: 1024 * 1024 })).words.en).toMatch(/over the limit of 1,048,576 bytes/);
    expect(checkZip(honest, { maxBytes: 64 * 1024 * 1024 }).cells).toBe(2_000_000);
  });

  test('more cells than a workbook is read with are refused, with the way out (a CSV)', () => {
    const many = zip(workbookParts({ sheets: [{ name: '2013', sheetData: bomb(4 * (MAX_CELLS + 1)) }] }));
    const e = refusal(() => checkZip(many));
    expect(e.words.en).toBe(
      'the workbook holds more than 4,000,000 cells, more than a workbook is read with; save the table as a CSV, which is read as a stream',
    );
    expect(e.words.zh).toContain('请把表格另存为 CSV');
  });

  test('a zip of more entries than a workbook has is refused before any is inflated', () => {
    const entries = Array.from({ length: MAX_ENTRIES + 1 }, (_, i): [string, Buffer] => [`x/${i}.xml`, Buffer.from('<a/>')]);
    expect(refusal(() => checkZip(zip(entries, { deflate: false }))).words.en).toMatch(/has 10,001 entries, more than the 10,000/);
  });

  test('a damaged zip is refused as damaged', () => {
    const book = handWorkbook({ sheets: [{ name: '2013', rows: [[...HEAD]] }] });
    expect(refusal(() => checkZip(book.subarray(0, book.length - 30))).words.en).toMatch(/damaged/);
  });
});

describe('the CLI on workbooks from other programs', () => {
  test(
    'a stale dimension: all five communities are evaluated, not one',
    () => {
      const r = run([
        'report',
        file('stale.xlsx', handWorkbook({ sheets: [{ name: '2013', dimension: 'A1:F2', rows: [[...HEAD], ...[1, 2, 3, 4, 5].map(community)] }] })),
        '--format',
        'json',
      ]);
      expect(r.err).toBe('');
      expect(JSON.parse(r.out).input[0].tables[0].notes.rowsByYear).toEqual({ 2013: 5 });
    },
    TIMEOUT,
  );

  test(
    'a 1904-date workbook: a community founded on 2013-07-01 owes no 2012 subsidy (read in the 1900 system it would be 2009-06-30)',
    () => {
      const rows = [
        [...HEAD, '成立日期', '街道配套补助(元)'],
        ['c1', '甲', '城市', 3000, 8000, 400, { date: 39994 }, 0],
      ];
      const r = run(['report', file('mac.xlsx', handWorkbook({ date1904: true, sheets: [{ name: '2012', rows }] })), '--format', 'json', '--all']);
      expect(r.err).toBe('');
      expect(JSON.parse(r.out).findings.find((f: { provision: string }) => f.provision === 'Q10')).toMatchObject({ status: 'pass', expected: '0' });
    },
    TIMEOUT,
  );

  test(
    'error values, a formula without a result, 2013 typed into 成立日期 and 2万 under (万元) are each listed with their cell, exit 2',
    () => {
      const rows = [
        [...HEAD, '成立日期', '街道配套补助(万元)'],
        ['c1', '甲', '城市', { error: '#N/A' }, 8000, { f: 'E2/100*5' }, 2013, '2万'],
        ['c2', '乙', '城市', 3000, { error: '#DIV/0!' }, 400, { date: 41456 }, 3],
      ];
      const r = run(['report', file('errors.xlsx', handWorkbook({ sheets: [{ name: '2013', rows }] })), '--lang', 'en']);
      expect(r.code).toBe(2);
      const at = (s: string) => expect(r.err).toContain(`errors.xlsx: sheet "2013", ${s}`);
      at('row 2, 户数: expected a whole number ≥ 0 such as 3,695, got the error value #N/A');
      at('row 2, 办公服务用房面积(㎡): expected an area ≥ 0 such as 300 or 300 m², got a formula whose result the file does not hold');
      at('row 2, 成立日期: expected a date such as 2013-07-01, 2013/7/1 or 2013年7月1日, got 2013 (a plain number, not a cell formatted as a date)');
      at('row 2, 街道配套补助(万元): expected a number alone');
      at('row 3, 常住人口: expected a whole number ≥ 0 such as 3,695, got the error value #DIV/0!');
      expect(r.err.split('\n').filter(Boolean)).toHaveLength(5);
    },
    TIMEOUT,
  );

  test(
    'rooms computed =E2/100*5 (stored 350.09999999999997) pass A.3.4 at 350.1 m²; a count in 万人 is scaled exactly',
    () => {
      const rows = [
        ['区划代码', '社区名称', '类型', '户数', '常住人口', '办公服务用房面积(㎡)', '流动人口户数(万户)'],
        ['c1', '甲', '城市', 3000, 7002, { f: 'E2/100*5', v: '350.09999999999997' }, 0.0201],
      ];
      const r = run(['report', file('rooms.xlsx', handWorkbook({ sheets: [{ name: '2013', rows }] })), '--format', 'json', '--all']);
      expect(r.err).toBe('');
      const q = (p: string) => JSON.parse(r.out).findings.find((f: { provision: string }) => f.provision === p);
      expect(q('Q7')).toMatchObject({ status: 'pass', expected: '350.1', actual: '350.1' });
      // 3,000 + 201 households need ⌈3,201 / 600⌉ = 6 workers (0.0201 × 10,000 = 201, not 200.99999999999997).
      expect(q('Q8')).toMatchObject({ expected: 6 });
    },
    TIMEOUT,
  );

  test(
    'a hidden draft sheet is not evaluated, and the report says it was skipped because hidden; --sheet reads it',
    () => {
      const path = file(
        'hidden.xlsx',
        handWorkbook({
          sheets: [
            { name: '2013', rows: [[...HEAD], community(1)] },
            { name: '2012年(草稿)', state: 'hidden', rows: [[...HEAD], ['c1', '甲', '城市', 3000, 8000, 1]] },
            { name: 'lists', state: 'veryHidden', rows: [['城市', '农村']] },
          ],
        }),
      );
      const r = run(['report', path, '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('hidden sheets not read: 2012年(草稿), lists (very hidden) (name one with --sheet to read it)');
      const draft = run(['report', path, '--sheet', '2012年(草稿)', '--format', 'json']);
      expect(JSON.parse(draft.out).summary).toMatchObject({ year: 2012, communities: 1 });
    },
    TIMEOUT,
  );

  test(
    'a 50 KB workbook that inflates to 8 MB is refused under --max-mb 1, exit 2, instead of exhausting the memory',
    () => {
      const big = Buffer.concat([Buffer.from(`<row r="1"><c r="A1" t="inlineStr"><is><t>户数</t></is></c></row>`), Buffer.alloc(8_000_000, '<c/>')]);
      const r = run(['report', file('bomb.xlsx', handWorkbook({ sheets: [{ name: '2013', sheetData: big }] })), '--max-mb', '1', '--lang', 'en']);
      expect([r.code, r.out]).toEqual([2, '']);
      expect(r.err).toMatch(
        /^shequ-rules: .*bomb\.xlsx: the workbook inflates to more than .* bytes, over the limit of 1,048,576 bytes \(raise it with --max-mb\)\n$/,
      );
    },
    TIMEOUT,
  );
});

describe('the CLI: the year and the format of a file are told from its own content, never guessed', () => {
  const CSV = `${HEAD.join(',')}\nc1,甲,城市,3000,8000,400\n`;

  test(
    'a year in the file name that contradicts the title is refused, both named; --year against the file’s year names where that came from',
    () => {
      const conflict = run(['report', file('社区2012.csv', `宁国市2013年社区统计表\n${CSV}`), '--lang', 'en']);
      expect([conflict.code, conflict.out]).toEqual([2, '']);
      expect(conflict.err).toContain('line 1: two years for the table: the title row 1 says 2013, the file name says 2012; correct the one that is wrong');
      const flag = run(['report', file('社区2013.csv', CSV), '--year', '2012', '--lang', 'en']);
      expect(flag.code).toBe(2);
      expect(flag.err).toContain('no data for 2012; the data holds 2013 (');
      expect(flag.err).toContain('社区2013.csv: 2013 from the file name)');
    },
    TIMEOUT,
  );

  test(
    'the data read section says where the year came from',
    () => {
      const r = run(['report', file('titled.csv', `填报日期：2014年1月15日\n宁国市2013年社区统计表\n${CSV}`), '--lang', 'en']);
      expect(r.err).toBe('');
      expect(r.out).toContain('    year: 2013, from the title row 2\n');
      const zh = run(['report', join(dir, 'titled.csv')]);
      expect(zh.out).toContain('    年度: 2013 年，取自标题行 2\n');
    },
    TIMEOUT,
  );

  test(
    'a workbook saved with a .csv name is read as a workbook, and the report says so',
    () => {
      const r = run(['report', file('book.csv', handWorkbook({ sheets: [{ name: '2013', rows: [[...HEAD], community(1)] }] })), '--lang', 'en']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/book\.csv: Excel workbook\n {4}the name says CSV, but the content is an Excel workbook: read as its content\n/);
    },
    TIMEOUT,
  );

  test(
    'a JSON dataset saved with a .csv name is read as JSON, and the report says so',
    () => {
      const data = { year: 2013, communities: [{ id: 'c1', name: '甲', kind: 'urban', households: 3000, residents: 8000 }] };
      const r = run(['report', file('data.csv', JSON.stringify(data)), '--format', 'json']);
      expect(r.err).toBe('');
      expect(JSON.parse(r.out).input[0]).toMatchObject({ format: 'json', named: 'csv' });
    },
    TIMEOUT,
  );
});
