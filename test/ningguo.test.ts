/**
 * The bureau's own files through the built CLI (`npm test` builds first): the Ningguo-style examples give exactly
 * the findings of the same data written as JSON datasets; 城东社区's published figures give the hand-worked values;
 * the XLSX report reads back; bad cells are all listed; the spreadsheet reader is loaded only for spreadsheets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readWorkbook } from '../src/read/xlsx.js';

const BIN = 'dist/cli/bin.js';
const dir = mkdtempSync(join(tmpdir(), 'shequ-ningguo-'));
const TIMEOUT = 60_000;

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const json = (args: string[]) => {
  const r = run([...args, '--format', 'json', '--all']); // every finding, passing ones too
  expect(r.err).toBe('');
  return JSON.parse(r.out);
};

interface Report {
  findings: { provision: string; status: string; actual: unknown }[];
  summary: Record<string, unknown> & { notEvaluated?: { provision: string }[] };
}
/**
 * A table holds communities only: the city checks it cannot carry (Q6 villages, Q9 budgets) are
 * "not evaluated" for it, while a JSON dataset that leaves them out gets them as unknown. Everything else is compared
 * whole: every community finding, Q1/Q2, the worst shortfalls, the totals owed.
 */
function sameAsJson(table: Report, dataset: Report): void {
  const alsoForJson = new Set((dataset.summary.notEvaluated ?? []).map((n) => n.provision));
  const cityOnly = (table.summary.notEvaluated ?? []).map((n) => n.provision).filter((p) => !alsoForJson.has(p));
  expect(cityOnly).toEqual(['Q6', 'Q9']);
  const kept = (r: Report) => r.findings.filter((f) => !['Q6', 'Q9'].includes(f.provision));
  expect(kept(table)).toEqual(kept(dataset));
  expect(dataset.findings.filter((f) => ['Q6', 'Q9'].includes(f.provision)).map((f) => [f.provision, f.status, f.actual])).toEqual([
    ['Q6', 'unknown', null],
    ['Q9', 'unknown', null],
  ]);
  for (const key of ['year', 'communities', 'worst', 'urbanMeetingAll']) expect(table.summary[key]).toEqual(dataset.summary[key]);
  // The totals owed alike, but those none of whose checks the table could carry: not evaluated (null), never 0.
  const owed = { table: table.summary.owed as Record<string, unknown>, dataset: dataset.summary.owed as Record<string, unknown> };
  const gaps = Object.keys(owed.table).filter((k) => owed.table[k] === null);
  expect(gaps).toContain('cityBudgetYuan');
  for (const k of Object.keys(owed.dataset)) if (!gaps.includes(k)) expect(owed.table[k], k).toEqual(owed.dataset[k]);
}

describe('the examples give the findings of the same data as JSON', () => {
  test(
    'the GB18030 CSV (title row, Chinese headers, typed cells, a 合计 row, a note) and ningguo-2013.json',
    () => {
      const csv = json(['report', 'examples/ningguo-2013.csv']);
      const ref = json(['report', 'examples/ningguo-2013.json']);
      sameAsJson(csv, ref);
      expect(csv.findings.length).toBe(32);
      expect(csv.input[0]).toMatchObject({
        format: 'csv',
        encoding: 'GB18030',
        tables: [{ notes: { headerRows: [2], titleRows: [1], totalRows: [10], noteRows: [11], blankRows: 1, warnings: [] } }],
      });
    },
    TIMEOUT,
  );

  test(
    'the workbook (a sheet per year, a merged two-row header, Excel numbers and dates) and both JSON datasets',
    () => {
      const xlsx = json(['report', 'examples/ningguo.xlsx']);
      const ref = json(['report', 'examples/ningguo-2012.json', 'examples/ningguo-2013.json']);
      expect(xlsx.years).toHaveLength(2);
      xlsx.years.forEach((y: Report, i: number) => sameAsJson(y, ref.years[i]));
      const urban = (p: { year: number; urban: unknown; urbanMeetingAll: unknown }[]) => p.map((r) => [r.year, r.urban, r.urbanMeetingAll]);
      expect(urban(xlsx.progress)).toEqual(urban(ref.progress));
      expect(xlsx.years.map((y: { summary: { year: number } }) => y.summary.year)).toEqual([2012, 2013]);
      expect(xlsx.input[0]).toMatchObject({
        format: 'xlsx',
        skippedSheets: ['说明'],
        tables: [{ sheet: '2012', notes: { headerRows: [2, 3] } }, { sheet: '2013' }],
      });
    },
    TIMEOUT,
  );

  test(
    '城东社区 (3,695 households, 11,085 residents, 5 workers, 308 m²): 7 workers and 554.25 m² due, size outside ±20 %',
    () => {
      const r = json(['report', 'examples/ningguo-2013.csv']);
      const of = (p: string) => r.findings.find((f: { subject: string; provision: string }) => f.subject === '341881001001' && f.provision === p);
      // 3,695 / 600 = 6.158…, rounded up (I3): 7. 11,085 × 5 / 100 = 554.25 m².
      expect(of('Q8')).toMatchObject({ status: 'fail', expected: 7, actual: 5, shortfall: '2' });
      expect(of('Q7')).toMatchObject({ status: 'fail', expected: '554.25', actual: '308', shortfall: '246.25' });
      // (3,695 − 3,000) / 3,000 = 0.2316… and (11,085 − 8,000) / 8,000 = 0.385625: both outside 0.2.
      expect(of('Q4/Q5')).toMatchObject({ status: 'fail', expected: '0.2', actual: '0.385625' });
      // Not published: unknown, never a pass or a 0.
      expect(of('A.3.4/ground-floor').status).toBe('unknown');
      expect(of('Q10')).toMatchObject({ status: 'unknown', actual: null });
    },
    TIMEOUT,
  );

  test(
    'the text report reads in words and says what it read',
    () => {
      // A row a line (--width 0): the wrapping to 100 columns is test/text-width.test.ts's.
      const r = run(['report', 'examples/ningguo-2013.csv', '--width', '0']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/✗  城东社区 341881001001 +工作人员 \(Q8\) +A\.4\.2 +7 名 +5 名 /);
      expect(r.out).toMatch(/✗  城东社区 341881001001 +用房面积 \(Q7\) +A\.3\.4 +554\.25 m² +308 m² /);
      expect(r.out).toMatch(/✗  城东社区 341881001001 +社区规模 \(Q4\/Q5\) +A\.3\.1 +±20 % +38\.6 % /);
      expect(r.out).toContain('examples/ningguo-2013.csv: CSV，编码 GB18030(含 GBK)');
      expect(r.out).toContain('合计行 10 不作为社区评估，已核对其合计');
      expect(r.out).not.toMatch(/true|false|city\/2013/);
    },
    TIMEOUT,
  );

  test(
    'several years: the progress across them; --year picks one; --sheet reads one sheet',
    () => {
      const all = run(['report', 'examples/ningguo.xlsx', '--lang', 'en', '--width', '0']);
      expect(all.out).toContain('Community-building compliance report · 2012');
      expect(all.out).toMatch(/Progress across the years:\n.*\n  2012 +✗ 0\/4 \(0 %\) +66\.7 % +60 % +not given +not given +not given\n/);
      expect(all.out).toMatch(/\n  2013 +✗ 1\/5 \(20 %\) +100 % +90 % /);
      const one = json(['report', 'examples/ningguo.xlsx', '--year', '2012']);
      sameAsJson(one, json(['report', 'examples/ningguo-2012.json']));
      const sheet = json(['report', 'examples/ningguo.xlsx', '--sheet', '2013']);
      expect(sheet.summary.year).toBe(2013);
      expect(sheet.input[0].skippedSheets).toEqual(['说明', '2012']);
      const none = run(['report', 'examples/ningguo.xlsx', '--year', '2014', '--lang', 'en']);
      expect([none.code, none.err]).toEqual([
        2,
        'shequ-rules: examples/ningguo.xlsx: no data for 2014; the data holds 2012, 2013 (examples/ningguo.xlsx, sheet "2012": 2012 from the title row 1 and the sheet name "2012"; examples/ningguo.xlsx, sheet "2013": 2013 from the title row 1 and the sheet name "2013")\n',
      ]);
    },
    TIMEOUT,
  );
});

describe('the XLSX report', () => {
  test(
    'one row per finding with its numbers as numbers, a summary sheet, the progress; read back',
    async () => {
      const out = join(dir, 'report.xlsx');
      const r = run(['report', 'examples/ningguo.xlsx', '--format', 'xlsx', '--output', out]);
      expect([r.code, r.out, r.err]).toEqual([1, '', '']);
      // Read back by the library's own reader: the workbook the CLI writes is one it can read.
      const sheets = await readWorkbook(readFileSync(out));
      expect(sheets.map((s) => s.name)).toEqual(['摘要', '欠缺合计', '结果 2012', '结果 2013', '历年进展', '口径与参数', '读取的数据']);
      const findings = sheets[3]!.rows.map((x) => x.cells);
      expect(findings[0]).toEqual(['年度', '对象', '名称', '条款', '编号', '条文', '结果', '要求', '实际', '差额', '单位', '说明']);
      expect(findings.find((c) => c[1] === '341881001001' && c[4] === 'Q8')).toEqual([
        2013,
        '341881001001',
        '城东社区',
        '工作人员',
        'Q8',
        'A.4.2',
        '未通过',
        7,
        5,
        2,
        '名',
        expect.stringContaining('需 7 名'),
      ]);
      expect(findings.find((c) => c[1] === '341881001001' && c[4] === 'Q7')!.slice(7, 11)).toEqual([554.25, 308, 246.25, 'm²']);
      // The finding's name, and the id the reports show beside it (A.3.4, not the code's A.3.4/ground-floor).
      expect(findings.find((c) => c[1] === '341881001001' && c[3] === '一楼用房')!.slice(4, 9)).toEqual(['A.3.4', 'A.3.4', '无法判断', '是', null]);
      expect(findings.filter((c) => c[6] !== '未评估')).toHaveLength(1 + 32); // every finding, passing ones included
      expect(findings.filter((c) => c[6] === '未评估').map((c) => c[4])).toEqual(['Q6', 'Q9', 'Q11/Q12', 'Q3']); // and what was not evaluated
      const summary = sheets[0]!.rows.map((x) => x.cells);
      expect(summary[3]).toEqual([2012, 5, 10, 13, 3, 0, 4, 0, 0]);
      expect(summary[4]).toEqual([2013, 6, 20, 9, 3, 1, 5, 0.2, 0]);
      // 2013: 1 of 5 urban communities against a target of 1; 90 % of villages due; no village or budget figures in a table.
      expect(sheets[4]!.rows[2]!.cells).toEqual([2013, 1, 5, 1, 0.9, '未评估', '未评估', '未评估', '未评估']);
    },
    TIMEOUT,
  );

  test(
    'a workbook on standard input is told by its first bytes',
    () => {
      const r = spawnSync(process.execPath, [BIN, 'report', '-', '--format', 'json', '--year', '2013'], { input: readFileSync('examples/ningguo.xlsx') });
      expect(r.status).toBe(1);
      expect(JSON.parse(String(r.stdout)).input[0]).toMatchObject({ file: '-', format: 'xlsx' });
    },
    TIMEOUT,
  );

  test(
    '--format xlsx without --output is refused',
    () => {
      const r = run(['report', 'examples/ningguo.xlsx', '--format', 'xlsx', '--lang', 'en']);
      expect([r.code, r.err]).toEqual([
        2,
        "shequ-rules: --format xlsx writes a workbook: give the file with --output report.xlsx\nRun 'shequ-rules --help' for usage.\n",
      ]);
    },
    TIMEOUT,
  );
});

describe('files as people save them', () => {
  const HEAD = '区划代码,社区名称,类型,户数,常住人口,用房面积(㎡),社区工作者人数';
  test(
    'UTF-16 with a BOM, as Excel’s "Unicode text" saves it',
    () => {
      const r = json([
        'report',
        file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEAD}\r\nc1,甲,城市,"3,000",8000,400,5\r\n`, 'utf16le')])),
        '--year',
        '2013',
      ]);
      expect(r.input[0].encoding).toBe('UTF-16LE');
      expect(r.findings.find((f: { provision: string }) => f.provision === 'Q8')).toMatchObject({ status: 'pass', expected: 5, actual: 5 });
    },
    TIMEOUT,
  );

  test(
    'every bad cell of a file is listed with its line and header as written, and the run exits 2',
    () => {
      const csv = `${HEAD}\nc1,甲,城市,3k,8000,400,5\nc2,乙,城镇,3000,8000,四百,5\nc3,丙,镇,3000,8000,400,5.5\n`;
      const r = run(['report', file('bad.csv', csv), '--year', '2013', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const at = (s: string) => `shequ-rules: ${join(dir, 'bad.csv')}: ${s}`;
      expect(r.err.split('\n').slice(0, 4)).toEqual([
        at('line 2, 户数: expected a whole number ≥ 0 such as 3,695, got "3k"'),
        `${join(dir, 'bad.csv')}: line 3, 用房面积(㎡): expected an area ≥ 0 such as 300 or 300 m², got "四百"`,
        `${join(dir, 'bad.csv')}: line 4, 类型: expected urban (城市/城镇) or rural (农村), got "镇"`,
        `${join(dir, 'bad.csv')}: line 4, 社区工作者人数: expected a whole number ≥ 0 such as 3,695, got "5.5"`,
      ]);
    },
    TIMEOUT,
  );

  test(
    'in a workbook, the sheet and the row as Excel numbers it',
    async () => {
      const { writeWorkbook } = await import('../src/read/xlsx.js');
      const bytes = await writeWorkbook([
        {
          name: '2013',
          rows: [['统计表'], ['区划代码', '社区名称', '类型', '户数', '常住人口'], ['c1', '甲', '城市', 'x', 8000], ['c2', '乙', '城市', 3000, -1]],
        },
      ]);
      const r = run(['report', file('bad.xlsx', Buffer.from(bytes)), '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('bad.xlsx: sheet "2013", row 3, 户数: expected a whole number ≥ 0 such as 3,695, got "x"');
      expect(r.err).toContain('bad.xlsx: sheet "2013", row 4, 常住人口: expected a whole number ≥ 0 such as 3,695, got -1');
      // In Chinese by default, located the same way.
      const zh = run(['report', join(dir, 'bad.xlsx')]);
      expect(zh.code).toBe(2);
      expect(zh.err).toContain('bad.xlsx: 工作表 "2013" 第 3 行“户数”：应为');
      expect(zh.err).toContain('bad.xlsx: 工作表 "2013" 第 4 行“常住人口”：应为');
    },
    TIMEOUT,
  );

  test(
    'an ambiguous header is refused naming both fields; a column map settles it',
    () => {
      const csv = `区划代码,社区名称,类型,户数,常住人口,流动人口\nc1,甲,城市,3000,8000,700\n`;
      const refused = run(['report', file('amb.csv', csv), '--year', '2013', '--lang', 'en']);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('column 6 "流动人口" is not a community field: it could be floating households (floatingHouseholds) or floating persons');
      const map = file('map.json', JSON.stringify({ 流动人口: 'floatingHouseholds' }));
      const r = json(['report', join(dir, 'amb.csv'), '--year', '2013', '--columns', map]);
      // 3,000 + 700 households need ⌈3,700 / 600⌉ = 7 workers.
      expect(r.findings.find((f: { provision: string }) => f.provision === 'Q8')).toMatchObject({ expected: 7 });
      const badMap = run(['report', join(dir, 'amb.csv'), '--columns', file('badmap.json', '{"流动人口":"floating"}')]);
      expect(badMap.err).toMatch(/badmap\.json: "流动人口": "floating" is not a field/);
    },
    TIMEOUT,
  );

  test(
    'a 合计 row whose sums do not match is a warning in the report, not evaluated',
    () => {
      const csv = `${HEAD}\nc1,甲,城市,3000,8000,400,5\nc2,乙,城市,3000,8000,400,5\n合计,,,6001,16000,800,10\n`;
      const r = run(['report', file('total.csv', csv), '--year', '2013', '--lang', 'en']);
      expect(r.code).not.toBe(2);
      expect(r.out).toContain('⚠ warning: row 4 (合计): 户数 says 6001, but the 2 rows above add up to 6000');
      expect(r.out).toContain('Communities: 2');
    },
    TIMEOUT,
  );

  test(
    'shequ-rules schema --columns prints the table of fields and headers',
    () => {
      const r = run(['schema', '--columns']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/households +户数 +count +户 +户数、总户数、居民户数、常住户数/);
      expect(r.out).toContain('“流动人口”“人数”“面积”单独作表头时有歧义');
      expect(JSON.parse(run(['schema', '--columns', '--format', 'json']).out)[0]).toMatchObject({ key: 'id', zh: '区划代码' });
    },
    TIMEOUT,
  );
});

describe('the spreadsheet reader is loaded only for spreadsheets', () => {
  // The static import graph of the built entries and of the CLI: no path reaches @e965/xlsx; only read/xlsx.js
  // names it, in a dynamic import(), and only dynamic imports reach read/xlsx.js.
  const staticImports = (path: string) =>
    [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2]!);
  const reach = (entry: string) => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const walk = (p: string) => {
      if (seen.has(p)) return;
      seen.add(p);
      for (const spec of staticImports(p)) {
        if (spec.startsWith('.')) walk(resolve(dirname(p), spec));
        else packages.add(spec);
      }
    };
    walk(resolve(entry));
    return { files: [...seen].map((f) => relative('dist', f)), packages: [...packages] };
  };

  test.each(['dist/index.js', 'dist/evaluation.js', 'dist/spec.js', 'dist/cli/main.js'])('%s', (entry) => {
    const r = reach(entry);
    expect(r.packages).not.toContain('@e965/xlsx');
    expect(r.files).not.toContain('read/xlsx.js');
    expect(r.files).not.toContain('report/xlsx-report.js');
  });

  test('read/xlsx.js loads it with import()', () => {
    expect(readFileSync('dist/read/xlsx.js', 'utf8')).toMatch(/import\(["']@e965\/xlsx["']\)/);
    expect(readdirSync('dist/read')).toContain('xlsx.js');
  });
});
