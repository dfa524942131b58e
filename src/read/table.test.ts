/**
 * Rows as a bureau lays them out: title rows, a merged two-row header, blank rows and rows of bare separators,
 * 合计/总计/小计 rows (not evaluated, sums checked), notes under the table, several years, and every bad cell listed.
 */
import { describe, expect, test } from 'vitest';
import type { CommunityRecord } from '../evaluate/dataset.js';
import type { RawCell } from './cells.js';
import { HeaderError, TableReader, yearInTitle, type TableOptions } from './table.js';

function read(rows: RawCell[][], options: TableOptions = { fallbackYear: 2013 }) {
  const records: { record: CommunityRecord; year: number; row: number }[] = [];
  const reader = new TableReader(options, (record, year, row) => records.push({ record, year, row }));
  rows.forEach((cells, i) => reader.push({ row: i + 1, cells }));
  const notes = reader.end();
  return { records, notes, problems: reader.problemList };
}

const HEAD = ['区划代码', '社区名称', '类型', '户数', '常住人口', '用房面积(㎡)', '社区工作者人数'];
const ROW_A = ['c1', '甲社区', '城市', '3,000', '8,000', '400', '5'];
const ROW_B = ['c2', '乙社区', '城市', '3 100', '8 100', '405.5㎡', '6'];

describe('rows as people lay them out', () => {
  test('a title row and a blank row above the header, a blank row and a row of bare separators between the rows', () => {
    const r = read([['宁国市2013年统计表', '', ''], ['', '', ''], HEAD, ROW_A, ['', '', '', '', '', '', ''], [',,,', '', '—', '', '', '', ''], ROW_B]);
    expect(r.records.map((x) => [x.record.id, x.row])).toEqual([
      ['c1', 4],
      ['c2', 7],
    ]);
    expect(r.notes).toMatchObject({ headerRows: [3], titleRows: [1], blankRows: 3 });
    expect(r.records[1]!.record).toEqual({ id: 'c2', name: '乙社区', kind: 'urban', households: 3100, residents: 8100, roomAreaM2: '405.5', staff: 6 });
  });

  test('the title gives the year when nothing else does', () => {
    const r = read([['宁国市2012年城乡社区建设情况统计表'], HEAD, ROW_A], {});
    expect(r.records[0]!.year).toBe(2012);
    expect(yearInTitle('2013年')).toBe(2013);
    expect(yearInTitle('Sheet1')).toBeUndefined();
  });

  test('a two-row header with a merged top row', () => {
    const top = ['区划代码', '社区名称', '类型', '户数', '常住人口', '办公服务用房', null, '社区工作者人数'];
    const bottom = [null, null, null, null, null, '面积(㎡)', '是否在一楼', null];
    const r = read([top, bottom, ['c1', '甲', '城市', 3000, 8000, 400, '是', 5]]);
    expect(r.notes.headerRows).toEqual([1, 2]);
    expect(r.records[0]!.record).toMatchObject({ roomAreaM2: '400', roomsOnGroundFloor: true, staff: 5 });
    expect(r.notes.columns.roomAreaM2).toBe('办公服务用房 面积(㎡)');
  });

  test('an empty cell is missing, never 0', () => {
    const r = read([HEAD, ['c1', '甲', '城市', '3000', '8000', '', '']]);
    expect(r.records[0]!.record).toEqual({ id: 'c1', name: '甲', kind: 'urban', households: 3000, residents: 8000 });
  });

  test('notes under the table are skipped', () => {
    const r = read([HEAD, ROW_A, ['注：城东社区数据取自社区简介', '', ''], ['填表人：张三', '', '', '', '', '', '']]);
    expect(r.records).toHaveLength(1);
    expect(r.notes.noteRows).toEqual([3, 4]);
  });

  test('a table without an id column identifies communities by their names, and says so', () => {
    const r = read([HEAD.slice(1), ROW_A.slice(1), ROW_B.slice(1)]);
    expect(r.records.map((x) => x.record.id)).toEqual(['甲社区', '乙社区']);
    expect(r.notes.idFromName).toBe(true);
    const dup = read([HEAD.slice(1), ROW_A.slice(1), ROW_A.slice(1)]);
    expect(dup.problems.shown).toMatchObject([
      { row: 3, header: '社区名称', code: 'duplicate-id', message: 'duplicate name "甲社区" (first on row 2) in 2013' },
    ]);
  });

  test('a 年度 column gives each row its year', () => {
    const r = read(
      [
        [...HEAD, '年度'],
        [...ROW_A, '2012'],
        [...ROW_A, '2013年'],
        [...ROW_B, 2013],
      ],
      {},
    );
    expect(r.records.map((x) => [x.record.id, x.year])).toEqual([
      ['c1', 2012],
      ['c1', 2013],
      ['c2', 2013],
    ]);
    expect(r.notes.rowsByYear).toEqual({ '2012': 1, '2013': 2 });
  });
});

describe('the year of a table: its sources named, never guessed', () => {
  const codes = (r: ReturnType<typeof read>) => r.problems.shown.map((p) => `${p.row}: ${p.code}`);
  const fromFile = { year: 2012, from: { en: 'the file name', zh: '文件名' } };

  test('a date of filing in a title row is not the data’s year', () => {
    // 2013年1月15日 is the day the form was filled in; with no other source the table has no year.
    const none = read([['填报日期：2013年1月15日'], HEAD, ROW_A], {});
    expect(none.records).toEqual([]);
    expect(codes(none)).toEqual(['3: missing-field']);
    const given = read([['填报日期：2013年1月15日'], HEAD, ROW_A], { fallbackYear: 2012 });
    expect(given.records.map((x) => x.year)).toEqual([2012]);
    expect(given.notes.year).toEqual({ year: 2012, from: [{ en: '--year', zh: '--year' }] });
    for (const t of ['2013年1月15日', '制表日期 2013年12月', '2013-01-15', '2011—2013年社区建设情况', '填报单位：宁国市民政局 2013年'])
      expect(yearInTitle(t)).toBeUndefined();
    expect(yearInTitle('宁国市2013年度社区建设情况统计表')).toBe(2013);
  });

  test('sources that agree give the year, and the notes name each; the title beats nothing silently', () => {
    const r = read([['宁国市2012年社区统计表'], HEAD, ROW_A], { years: [fromFile], fallbackYear: 2012 });
    expect(r.records.map((x) => x.year)).toEqual([2012]);
    expect(r.notes.year).toEqual({ year: 2012, from: [{ en: 'the title row 1', zh: '标题行 1' }, fromFile.from] });
  });

  test('two sources that disagree are refused, both named: a title against the file name, or two title rows', () => {
    const r = read([['宁国市2013年社区统计表'], HEAD, ROW_A], { years: [fromFile] });
    expect(r.records).toEqual([]);
    expect(r.problems.shown.map((p) => p.messages.en)).toEqual([
      'two years for the table: the title row 1 says 2013, the file name says 2012; correct the one that is wrong',
    ]);
    const titles = read([['宁国市社区统计表', '', '2013年度'], ['(2012年)'], HEAD, ROW_A], {});
    expect(codes(titles)).toEqual(['1: invalid']);
    expect(titles.problems.count).toBe(1); // said once, not again for each row without a year
  });

  test('a 年度 cell that contradicts the table’s own year is refused at its cell; the column itself is named in the notes', () => {
    const r = read([['宁国市2013年社区统计表'], [...HEAD, '年度'], [...ROW_A, '2013'], [...ROW_B, '2012']], {});
    expect(r.problems.shown.map((p) => [p.row, p.header, p.code])).toEqual([[4, '年度', 'invalid']]);
    expect(r.notes.year).toMatchObject({ year: 2013, column: '年度' });
  });
});

describe('totals', () => {
  test('a grand 合计 under a table with a 年度 column is held to every year’s rows above, and says so', () => {
    const r = read(
      [
        [...HEAD, '年度'],
        [...ROW_A, '2012'],
        [...ROW_B, '2012'],
        [...ROW_A, '2013'],
        [...ROW_B, '2013'],
        ['合计', '', '', '12200', '32200', '1611', '22', ''],
      ],
      {},
    );
    expect(r.notes.warnings).toEqual([]);
    expect(r.notes.totalsChecked).toEqual([{ row: 6, rows: 4 }]);
    const wrong = read(
      [
        [...HEAD, '年度'],
        [...ROW_A, '2012'],
        [...ROW_B, '2013'],
        ['合计', '', '', '6000', '16100', '805.5', '11', ''],
      ],
      {},
    );
    expect(wrong.notes.warnings.map((w) => w.message.en)).toEqual(['row 4 (合计): 户数 says 6000, but the 2 rows above (every year) add up to 6100']);
  });

  test('a 合计 that names its year is held to that year’s rows', () => {
    const r = read(
      [
        [...HEAD, '年度'],
        [...ROW_A, '2012'],
        ['合计', '', '', '3000', '8000', '400', '5', '2012'],
        [...ROW_B, '2013'],
        ['合计', '', '', '3100', '8100', '405.5', '6', '2013'],
      ],
      {},
    );
    expect(r.notes.warnings).toEqual([]);
    expect(r.notes.totalsChecked).toEqual([
      { row: 3, year: 2012, rows: 1 },
      { row: 5, year: 2013, rows: 1 },
    ]);
  });

  test('合计, 总计 and 小计 rows are not communities; sums that match say nothing', () => {
    const r = read([
      HEAD,
      ROW_A,
      ROW_B,
      ['', '小计', '', '6,100', '16,100', '805.5', '11'],
      ROW_A.map((x) => (x === 'c1' ? 'c3' : x)),
      ['', '合计', '', '9100', '24100', '1205.5', '16'],
      ['总计', '', '', '', '', '', ''],
    ]);
    expect(r.records.map((x) => x.record.id)).toEqual(['c1', 'c2', 'c3']);
    expect(r.notes.totalRows).toEqual([4, 6, 7]);
    expect(r.notes.warnings).toEqual([]);
  });

  test('a sum that does not match is a warning with the row, the header as written, the figure and the sum', () => {
    const r = read([HEAD, ROW_A, ROW_B, ['合 计', '', '', '6,000', '16,100', '', '']]);
    expect(r.notes.warnings).toEqual([
      {
        row: 4,
        message: { zh: '第 4 行(合计)的“户数”为 6000，但上面 2 行合计为 6100', en: 'row 4 (合计): 户数 says 6000, but the 2 rows above add up to 6100' },
      },
    ]);
  });

  test('a total over rows that leave a column empty is not checked, and says so', () => {
    const r = read([HEAD, ROW_A, ['c2', '乙', '城市', '3000', '8000', '', '5'], ['合计', '', '', '6000', '16000', '400', '10']]);
    expect(r.notes.warnings.map((w) => w.message.en)).toEqual(['row 4 (合计): 用房面积(㎡) not checked, some rows above leave it empty']);
  });
});

describe('every bad cell of a table, located', () => {
  test('three bad cells in two rows are all listed, with the row and the header as written', () => {
    const r = read([HEAD, ['c1', '甲', '城市', '3k', '8000', '400', '5.5'], ROW_B, ['c3', '丙', '镇', '3000', '8000', '400', '5']]);
    expect(r.problems.count).toBe(3);
    expect(r.problems.shown).toMatchObject([
      { row: 2, header: '户数', code: 'not-a-count', message: 'expected a whole number ≥ 0 such as 3,695, got "3k"' },
      { row: 2, header: '社区工作者人数', code: 'not-a-count', message: 'expected a whole number ≥ 0 such as 3,695, got "5.5"' },
      { row: 4, header: '类型', code: 'not-an-option', message: 'expected urban (城市/城镇) or rural (农村), got "镇"' },
    ]);
    expect(r.records.map((x) => x.record.id)).toEqual(['c2']);
  });

  test('the first 50 are kept, all are counted', () => {
    const rows = [HEAD, ...Array.from({ length: 60 }, (_, i) => [`c${i}`, 'x', '城市', 'many', '8000', '', ''])];
    const r = read(rows);
    expect(r.problems.count).toBe(60);
    expect(r.problems.shown).toHaveLength(50);
    expect(r.problems.shown[49]!.row).toBe(51);
  });

  test('a required cell left empty', () => {
    const r = read([HEAD, ['c1', '甲', '城市', '', '8000', '', '']]);
    expect(r.problems.shown).toMatchObject([{ row: 2, header: '户数', code: 'missing-field', message: 'is empty; households is required' }]);
  });

  test('a value under no header', () => {
    const r = read([HEAD, [...ROW_A, 'stray']]);
    expect(r.problems.shown).toMatchObject([{ row: 2, header: '', code: 'invalid', message: 'column 8 has a value ("stray") but no header' }]);
  });
});

describe('headers refused, all at once', () => {
  const problems = (rows: RawCell[][]) => {
    try {
      read(rows);
    } catch (e) {
      if (e instanceof HeaderError) return e.problems.map((p) => p.message);
      throw e;
    }
    return [];
  };

  test('an ambiguous header, an unknown one with a suggestion, one without, and a field named twice', () => {
    expect(problems([[...HEAD, '流动人口', '户 数数', '楼层', '总户数'], ROW_A])).toEqual([
      'column 8 "流动人口" is not a community field: it could be floating households (floatingHouseholds) or floating persons (counted in people, not used by the policy) (流动人口户数 (floatingHouseholds，按户计) 或 流动人口人数 (按人计，本政策不使用)); say which with a column map (--columns)',
      'column 9 "户 数数" is not a community field (did you mean "户数"?); map it to a field with --columns, or see \'shequ-rules schema --columns\'',
      'column 10 "楼层" is not a community field; map it to a field with --columns, or see \'shequ-rules schema --columns\'',
      'column 11 "总户数" means households, as column "户数" does',
    ]);
  });

  test('a missing required column; an empty table; a table with no header', () => {
    expect(
      problems([
        ['区划代码', '社区名称', '类型', '户数'],
        ['c1', 'x', '城市', '1'],
      ]),
    ).toEqual(['the header lacks the required column 常住人口/residents']);
    expect(problems([])).toEqual([expect.stringMatching(/^the file is empty/)]);
    expect(
      problems([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toEqual([expect.stringMatching(/^no header row found in the first 2 rows/)]);
  });
});
