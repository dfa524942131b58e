/**
 * The workbooks the CLI writes, as a clerk opens them: read back by an independent reader (python3 with openpyxl)
 * for what Excel and WPS show — number formats per column, the frozen, bold, filtered header, the colours of failing,
 * undecided and not evaluated rows, the page setup, the readings sheet — and for the exact numbers the cells hold;
 * and by the library's own reader, so that a workbook the CLI writes is one it can read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readWorkbook } from '../src/read/xlsx.js';

const BIN = 'dist/cli/bin.js';
const PY = '/usr/bin/python3';
const TIMEOUT = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'shequ-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// CI must have the reader; elsewhere a machine without it skips, and says so.
const READER = spawnSync(PY, ['-c', 'import openpyxl'], { timeout: 60_000 }).status === 0;
if (!READER && process.env.CI) throw new Error(`${PY} with openpyxl is needed to read the workbooks back`);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** What openpyxl reads of a workbook: per sheet its view, filter, page setup, widths and every cell with its format, boldness and fill. */
const DUMP = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    ps = ws.page_setup
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if hasattr(v, 'isoformat'):
                v = {'date': v.date().isoformat()}
            cells.append({'v': v, 'fmt': c.number_format, 'bold': bool(c.font.b), 'fill': c.fill.fgColor.rgb if c.fill.fill_type == 'solid' else None})
        rows.append(cells)
    out.append({
        'name': ws.title,
        'freeze': ws.freeze_panes,
        'filter': ws.auto_filter.ref,
        'titles': ws.print_title_rows,
        'orientation': ps.orientation,
        'fitToWidth': ps.fitToWidth,
        'fitToHeight': ps.fitToHeight,
        'fitToPage': ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        'widths': {k: d.width for k, d in ws.column_dimensions.items()},
        'rows': rows,
    })
print(json.dumps(out, ensure_ascii=False))
`;

interface Cell {
  v: string | number | null | { date: string };
  fmt: string;
  bold: boolean;
  fill: string | null;
}
interface Sheet {
  name: string;
  freeze: string | null;
  filter: string | null;
  titles: string | null;
  orientation: string | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean | null;
  widths: Record<string, number>;
  rows: Cell[][];
}

function readBack(path: string): Sheet[] {
  const r = spawnSync(PY, ['-c', DUMP, path], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Sheet[];
}

const sheetOf = (book: Sheet[], name: string): Sheet => {
  const s = book.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${book.map((x) => x.name).join(', ')}`);
  return s;
};
const values = (row: Cell[]) => row.map((c) => c.v);
const RED = 'FFFFC7CE';
const AMBER = 'FFFFEB9C';
const GREY = 'FFE7E6E6';

describe.skipIf(!READER)('the report workbook, read back by openpyxl', () => {
  let book: Sheet[];
  const out = join(dir, 'report.xlsx');
  test(
    'written for the Ningguo workbook of 2012 and 2013',
    () => {
      const r = cli(['report', 'examples/ningguo.xlsx', '--format', 'xlsx', '--output', out]);
      expect([r.code, r.err]).toEqual([1, '']);
      book = readBack(out);
      expect(book.map((s) => s.name)).toEqual(['摘要', '欠缺合计', '结果 2012', '结果 2013', '历年进展', '口径与参数', '读取的数据']);
    },
    TIMEOUT,
  );

  test('every table sheet: a frozen, bold, filtered header repeated on each printed page; landscape, fitted to the width', () => {
    for (const s of book) {
      const header = s.name === '摘要' ? 3 : 1; // the summary has its title above the table
      expect(s.freeze, s.name).toBe(`A${header + 1}`);
      expect(s.filter, s.name).toMatch(new RegExp(`^A${header}:[A-Z]+${s.rows.length}$`));
      expect(s.titles, s.name).toBe(`$${header}:$${header}`);
      expect(s.rows[header - 1]!.every((c) => c.bold && c.v !== null)).toBe(true);
      expect([s.orientation, s.fitToWidth, s.fitToHeight, s.fitToPage], s.name).toEqual(['landscape', 1, 0, true]);
    }
  });

  test('a year’s findings: numbers as numbers in their formats, exact; names beside ids; failing red, undecided amber, not evaluated grey', () => {
    const s = sheetOf(book, '结果 2013');
    expect(values(s.rows[0]!)).toEqual(['年度', '对象', '名称', '条款', '编号', '条文', '结果', '要求', '实际', '差额', '单位', '说明']);
    const row = (subject: string, name: string) => s.rows.find((r) => r[1]!.v === subject && r[3]!.v === name)!;
    // 城东社区: ⌈3,695 ÷ 600⌉ = 7 workers against 5; 11,085 × 5 ÷ 100 = 554.25 m² against 308.
    const staff = row('341881001001', '工作人员');
    expect(staff.slice(6, 11).map((c) => [c.v, c.fmt])).toEqual([
      ['未通过', 'General'],
      [7, '#,##0'],
      [5, '#,##0'],
      [2, '#,##0'],
      ['名', 'General'],
    ]);
    expect(staff.every((c) => c.fill === RED)).toBe(true);
    const rooms = row('341881001001', '用房面积');
    expect(rooms.slice(7, 10).map((c) => [c.v, c.fmt])).toEqual([
      [554.25, '#,##0.00'],
      [308, '#,##0.00'],
      [246.25, '#,##0.00'],
    ]);
    // Size: residents (11,085 − 8,000) ÷ 8,000 = 0.385625 above, against a tolerance of ±0.2.
    expect(
      row('341881001001', '社区规模')
        .slice(7, 10)
        .map((c) => [c.v, c.fmt]),
    ).toEqual([
      [0.2, '"±"0.0%'],
      [0.385625, '0.0%'],
      [0.185625, '0.0%'],
    ]);
    // The year is digits alone (2013, not 2,013); money in whole yuan grouped.
    expect([staff[0]!.v, staff[0]!.fmt]).toEqual([2013, '0']);
    expect(
      row('N06', '配套补助')
        .slice(7, 10)
        .map((c) => [c.v, c.fmt]),
    ).toEqual([
      [30000, '#,##0'],
      [15000, '#,##0'],
      [15000, '#,##0'],
    ]);
    // The ground-floor finding by its name, with the id the reports show (not the code's A.3.4/ground-floor).
    const ground = row('341881001001', '一楼用房');
    expect(values(ground).slice(4, 9)).toEqual(['A.3.4', 'A.3.4', '无法判断', '是', null]);
    expect(ground.every((c) => c.fill === AMBER)).toBe(true);
    expect(s.rows.flat().some((c) => c.v === 'A.3.4/ground-floor')).toBe(false);
    // What a table cannot carry (villages, the city budget, projects) is a row of its own, 未评估, grey.
    const gaps = s.rows.filter((r) => r[6]!.v === '未评估');
    expect(gaps.map((r) => r[4]!.v)).toEqual(['Q6', 'Q9', 'Q11/Q12', 'Q3']);
    expect(gaps.every((r) => r.every((c) => c.fill === GREY))).toBe(true);
    // A passing row has no fill.
    expect(row('N02', '工作人员').every((c) => c.fill === null)).toBe(true);
  });

  test('a share is the exact fraction as Excel shows it: 2/3 to 15 significant digits, not a binary artefact', () => {
    // 2012: the straight path to 100 % by the end of 2013 asks 2/3 by the end of 2012 (I10).
    const s = sheetOf(book, '结果 2012');
    const target = s.rows.find((r) => r[3]!.v === '城市社区达标')!;
    expect([target[7]!.v, target[7]!.fmt]).toEqual([0.666666666666667, '0.0%']);
    expect(target[7]!.v).not.toBe(2 / 3);
    const progress = sheetOf(book, '历年进展');
    expect(progress.rows.slice(1).map((r) => [r[3]!.v, r[3]!.fmt, r[4]!.v])).toEqual([
      [0.666666666666667, '0.0%', 0.6],
      [1, '0.0%', 0.9],
    ]);
  });

  test('totals owed: a total whose checks were not evaluated says 未评估, never 0; one with undecided findings says so', () => {
    const s = sheetOf(book, '欠缺合计');
    expect(values(s.rows[0]!)).toEqual(['年度', '合计', '数值', '单位', '说明']);
    const y2013 = s.rows.filter((r) => r[0]!.v === 2013);
    const total = (name: string) => y2013.find((r) => r[1]!.v === name)!;
    expect([total('社区用房')[2]!.v, total('社区用房')[2]!.fmt]).toEqual([246.25, '#,##0.00']);
    expect([total('社区工作人员')[2]!.v, total('社区工作人员')[2]!.fmt]).toEqual([3, '#,##0']);
    for (const name of ['市财政社区资金', '开发企业配建用房', '开发企业用房资金']) {
      expect(total(name)[2]!.v, name).toBe('未评估');
      expect(total(name)[0]!.fill, name).toBe(GREY);
    }
    // 配套补助: 5,000 + 15,000 short, and 城东社区 gives no figure: at least 20,000.
    expect(values(total('街道(乡镇)配套补助'))).toEqual([2013, '街道(乡镇)配套补助', 20000, '元', '1 项无法判断，合计至少为此数']);
    expect(total('街道(乡镇)配套补助')[0]!.fill).toBe(AMBER);
  });

  test('the readings, parameters and documents used, so that the file can be audited alone', () => {
    const s = sheetOf(book, '口径与参数');
    expect(values(s.rows[0]!)).toEqual(['类别', '编号', '内容', '所用取值', '默认', '单位', '条文', '适用起始', '来源文件', '说明']);
    const byId = (id: string) => s.rows.find((r) => r[1]!.v === id)!;
    expect(values(byId('I3')).slice(0, 7)).toEqual(['口径', 'I3', '户数 ÷ 600 不是整数时如何取整？', '向上取整：每开始一个600户就配1名', '是', null, 'A.4.2']);
    expect(byId('I3')[8]!.v).toBe('《城乡社区建设工作意见(约 2011 年)》');
    const perWorker = byId('staffing.householdsPerWorker');
    expect(perWorker.slice(0, 9).map((c) => c.v)).toEqual([
      '参数',
      'staffing.householdsPerWorker',
      '工作人员',
      600,
      '是',
      '户/名',
      'A.4.2',
      { date: '2011-01-01' },
      '《城乡社区建设工作意见(约 2011 年)》',
    ]);
    expect([perWorker[3]!.fmt, perWorker[7]!.fmt]).toEqual(['#,##0', 'yyyy"年"m"月"d"日"']);
    // The growth of the city fund applies from 2012; a share as a percentage.
    expect([byId('funding.growthRate')[3]!.v, byId('funding.growthRate')[3]!.fmt, byId('funding.growthRate')[7]!.v]).toEqual([
      0.1,
      '0.0%',
      { date: '2012-01-01' },
    ]);
    expect(values(byId('ningguo-2011')).slice(0, 3)).toEqual(['文件', 'ningguo-2011', '《城乡社区建设工作意见(约 2011 年)》']);
    // Every reading of the register is there, each once (walked from the policy's list).
    const readings = s.rows.filter((r) => r[0]!.v === '口径').map((r) => r[1]!.v);
    expect(new Set(readings).size).toBe(readings.length);
    expect(readings).toContain('I10');
    expect(s.rows.filter((r) => r[0]!.v === '口径').every((r) => r[4]!.v === '是')).toBe(true);
  });

  test('widths fit the Chinese headers (a CJK character counts as two)', () => {
    const s = sheetOf(book, '摘要');
    // 全部达标的城市社区: nine characters, eighteen columns wide, and room for the filter's button.
    expect(s.widths.F).toBeGreaterThanOrEqual(18);
    expect(sheetOf(book, '结果 2013').widths.C).toBeGreaterThanOrEqual(16); // 西苑社区(虚构): six CJK characters and two brackets
  });

  test('the library’s own reader reads it, values as written', async () => {
    const sheets = await readWorkbook(readFileSync(out));
    expect(sheets.map((s) => s.name)).toEqual(book.map((s) => s.name));
    const target = sheets[2]!.rows.map((r) => r.cells).find((c) => c[3] === '城市社区达标')!;
    expect(target[7]).toBe(0.666666666666667);
  });
});

describe.skipIf(!READER)('the report workbook, from other data', () => {
  test(
    'money with fen in #,##0.00, whole yuan in #,##0; a non-default reading marked; hostile text kept as text',
    async () => {
      const data = join(dir, 'fen.json');
      writeFileSync(
        data,
        JSON.stringify({
          year: 2013,
          communities: [
            {
              id: 'c1',
              name: '东苑\u001b_x0041_<&>',
              kind: 'urban',
              households: 3100,
              residents: 8000,
              staff: 6,
              roomAreaM2: 400,
              streetSubsidyPaid: '15123.29',
              roomsOnGroundFloor: true,
              oneStopWindow: true,
            },
          ],
        }),
      );
      const params = join(dir, 'floor.json');
      writeFileSync(params, JSON.stringify({ staffing: { rounding: 'floor' } }));
      const out = join(dir, 'fen.xlsx');
      const r = cli(['report', data, '--params', params, '--format', 'xlsx', '--output', out, '--lang', 'en']);
      expect([r.code, r.err]).toEqual([1, '']);
      const book = readBack(out);
      expect(book.map((s) => s.name)).toEqual(['Summary', 'Totals owed', 'Findings 2013', 'Readings and parameters', 'Data read']);
      const s = sheetOf(book, 'Findings 2013');
      // 30,000 yuan due, 15,123.29 paid: 14,876.71 short.
      const q10 = s.rows.find((row) => row[4]!.v === 'Q10')!;
      expect(q10.slice(7, 10).map((c) => [c.v, c.fmt])).toEqual([
        [30000, '#,##0'],
        [15123.29, '#,##0.00'],
        [14876.71, '#,##0.00'],
      ]);
      // The control character is carried as OOXML escapes it (openpyxl leaves the escape as it is); the rest is text.
      expect(q10[2]!.v).toBe('东苑_x001B__x005F_x0041_<&>');
      // I3 taken as floor: marked as not the default, and its source is this evaluation, not the document.
      const audit = sheetOf(book, 'Readings and parameters');
      const i3 = audit.rows.find((row) => row[1]!.v === 'I3')!;
      expect(values(i3).slice(3, 5)).toEqual(['round down: only full blocks of 600 count', 'no']);
      expect(i3[8]!.v).toBe('set for this evaluation (not the document’s)');
      expect(i3[0]!.fill).toBe('FFDDEBF7');
      const i4 = audit.rows.find((row) => row[1]!.v === 'I4')!;
      expect([i4[3]!.v, i4[3]!.fmt, i4[4]!.v]).toEqual([0.2, '0.0%', 'yes']);
      // The library's reader gives the name back as it was.
      const sheets = await readWorkbook(readFileSync(out));
      expect(sheets[2]!.rows.map((x) => x.cells).find((c) => c[4] === 'Q10')![2]).toBe('东苑\u001b_x0041_<&>');
    },
    TIMEOUT,
  );
});

describe.skipIf(!READER)('the report workbook under a document laid over the policy', () => {
  test(
    'a parameter the document dates is cited to it from its day; one of a provision it replaced names it beside the policy’s own',
    () => {
      const policy = join(dir, 'mine.mjs');
      writeFileSync(
        policy,
        `import { createPolicy, extendPolicy } from ${JSON.stringify(join(process.cwd(), 'dist/index.js'))};
const source = { id: 'nb-2024', body: { zh: '某区民政局', en: 'a district bureau' }, title: { zh: '补充规定', en: 'Supplementary rules' }, date: '2024-01-01', status: 'unverified' };
export default extendPolicy(createPolicy({}, { on: '2024-06-30' }), {
  source,
  replace: { 'a-4-2-staff': { clause: '第四条' } },
  parameters: { 'streetSubsidy.minimumPerCommunityPerYear': [{ value: 40000, from: '2024-01-01', clause: '第五条' }] },
});
`,
      );
      const out = join(dir, 'mine.xlsx');
      const r = cli(['report', 'examples/ningguo-2013.json', '--policy', policy, '--format', 'xlsx', '--output', out]);
      expect([r.code, r.err]).toEqual([1, '']);
      const audit = sheetOf(readBack(out), '口径与参数');
      const row = (id: string) => audit.rows.find((x) => x[1]!.v === id)!;
      // 40,000 yuan from 2024-01-01, per the district's rules: the documents' value, not one set for this run.
      expect(values(row('streetSubsidy.minimumPerCommunityPerYear')).slice(3, 10)).toEqual([
        40000,
        '是',
        '元/社区/年',
        'A.4.3',
        { date: '2024-01-01' },
        '《补充规定》',
        null,
      ]);
      expect(values(row('staffing.householdsPerWorker')).slice(8, 10)).toEqual(['《城乡社区建设工作意见(约 2011 年)》', '所属条款经《补充规定》增补或修改']);
      expect(values(row('nb-2024')).slice(0, 3)).toEqual(['文件', 'nb-2024', '《补充规定》']);
    },
    TIMEOUT,
  );
});

describe.skipIf(!READER)('the comparison workbook, read back by openpyxl', () => {
  test(
    'formats, headers, fills and 未评估 where a policy’s checks were not evaluated',
    () => {
      const out = join(dir, 'compare.xlsx');
      const r = cli(['compare', 'examples/ningguo-2013.csv', '--policy', 'ningguo-2011', '--policy', 'national-2011', '--format', 'xlsx', '--output', out]);
      expect([r.code, r.err]).toEqual([1, '']);
      const book = readBack(out);
      expect(book.map((s) => s.name)).toEqual([
        '摘要',
        '各政策欠缺合计',
        '1 城乡社区建设工作意见(约 2011 年)',
        '2 社区服务体系建设规划(2011－2015年)',
        '差异',
        '新增未达标社区',
        '口径与参数',
        '读取的数据',
      ]);
      for (const s of book) {
        const header = s.name === '摘要' ? 3 : 1;
        expect([s.freeze, s.titles, s.orientation, s.fitToWidth, s.fitToHeight, s.fitToPage], s.name).toEqual([
          `A${header + 1}`,
          `$${header}:$${header}`,
          'landscape',
          1,
          0,
          true,
        ]);
        expect(s.filter, s.name).toMatch(new RegExp(`^A${header}:`));
        expect(s.rows[header - 1]!.every((c) => c.bold)).toBe(true);
      }
      // Rooms: 246.25 m² owed under the city's document, 1,242.5 m² under national-2011, 996.25 more.
      const diff = sheetOf(book, '差异');
      const rooms = diff.rows.find((row) => row[3]!.v === '社区用房')!;
      expect(rooms.slice(5, 8).map((c) => [c.v, c.fmt])).toEqual([
        [246.25, '#,##0.00'],
        [1242.5, '#,##0.00'],
        [996.25, '#,##0.00'],
      ]);
      // A table carries no city budget: the fund owed is not evaluated under either policy, not 0 against 0.
      const fund = diff.rows.find((row) => row[3]!.v === '市财政社区资金')!;
      expect(values(fund).slice(5, 8)).toEqual(['未评估', '未评估', '未评估']);
      expect(fund[0]!.fill).toBe(GREY);
      const policy = book[3]!;
      const q7 = policy.rows.find((row) => row[1]!.v === '341881001001' && row[3]!.v === '用房面积')!;
      expect(q7.every((c) => c.fill === RED)).toBe(true);
      expect(q7.slice(7, 10).map((c) => c.fmt)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00']);
      // Each policy's readings and parameters, the policy first, by its short name (its id in the 编号 column).
      const audit = sheetOf(book, '口径与参数');
      expect(new Set(audit.rows.slice(1).map((row) => row[0]!.v))).toEqual(new Set(['本市文件(约 2011 年)', '国家规划 2011—2015']));
      expect(audit.rows.some((row) => row[0]!.v === '国家规划 2011—2015' && row[1]!.v === '文件' && row[2]!.v === 'national-2011')).toBe(true);
    },
    TIMEOUT,
  );
});
