import { describe, expect, test } from 'vitest';
import { PolicyInputError } from '../errors.js';
import { evaluateCity } from '../evaluate/city.js';
import { readTable } from './read-table.js';

const HEAD = ['区划代码', '社区名称', '类型', '户数', '常住人口', '流动人口'];

describe('readTable', () => {
  test('a dataset per year from a 年度 column, evaluated like any dataset', () => {
    const r = readTable(
      [
        [...HEAD.slice(0, 5), '年度'],
        ['c1', '甲', '城市', '3,000', '8,000', 2012],
        ['c1', '甲', '城市', '3,100', '8,100', 2013],
      ],
      {},
    );
    expect(r.datasets).toEqual([
      { year: 2012, communities: [{ id: 'c1', name: '甲', kind: 'urban', households: 3000, residents: 8000 }] },
      { year: 2013, communities: [{ id: 'c1', name: '甲', kind: 'urban', households: 3100, residents: 8100 }] },
    ]);
    expect(evaluateCity(r.datasets[1]!).summary.communities).toBe(1);
  });

  test('the columns option settles an ambiguous header; year gives the year of a table that has none', () => {
    const r = readTable([HEAD, ['c1', '甲', '城市', '3000', '8000', '700']], { columns: { 流动人口: 'floatingHouseholds' }, year: 2013 });
    expect(r.datasets[0]!.communities[0]!.floatingHouseholds).toBe(700);
  });

  test('every problem at once, as a PolicyInputError at paths of row and header', () => {
    const e = (() => {
      try {
        readTable([HEAD.slice(0, 5), ['c1', '甲', '镇', '3k', '8000']], { year: 2013 });
      } catch (err) {
        return err as PolicyInputError;
      }
    })();
    expect(e).toBeInstanceOf(PolicyInputError);
    expect(e!.issues.map((i) => i.path)).toEqual(['row 2, 类型', 'row 2, 户数']);
    expect(() => readTable([HEAD, ['c1']], { year: 2013 })).toThrow(/row 1, 流动人口: column 6 "流动人口" is not a community field: it could be/);
  });

  test('bad arguments are refused with their paths', () => {
    const issues = (rows: unknown, options: unknown) => {
      try {
        readTable(rows as never, options as never);
      } catch (e) {
        return (e as PolicyInputError).issues.map((i) => `${i.path}: ${i.code}`);
      }
      return [];
    };
    expect(issues('x', {})).toEqual(['rows: not-a-list']);
    expect(issues([[{}]], { yaer: 2013, year: 1800, columns: { a: 'b' } })).toEqual([
      'rows[0][0]: invalid',
      'options.yaer: unknown-field',
      'options.columns: invalid',
      'options.year: not-a-year',
    ]);
    expect(issues([[NaN]], null)).toEqual(['rows[0][0]: invalid', 'options: not-an-object']);
  });
});
