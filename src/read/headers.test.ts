/**
 * Every header of issue 12 means its field, after normalising; ambiguous headers are never guessed;
 * suggestions come only when close, in the header's language; a column map settles the rest.
 */
import { describe, expect, test } from 'vitest';
import { checkColumnMap, columnOf, findHeader, headerTable, suggestHeader } from './headers.js';
import { FIELD_SPECS, headerScale, normalHeader } from './fields.js';

const fieldOf = (h: string, map?: Record<string, string | null>) => {
  const c = columnOf(h, map);
  return c.type === 'field' ? c.field.key : c.type;
};

describe('the headers a bureau writes', () => {
  test.each([
    ['区划代码', 'id'],
    ['社区编号', 'id'],
    ['编号', 'id'],
    ['id', 'id'],
    ['社区名称', 'name'],
    ['名称', 'name'],
    ['类型', 'kind'],
    ['社区类型', 'kind'],
    ['户数', 'households'],
    ['总户数', 'households'],
    ['流动人口户数', 'floatingHouseholds'],
    ['常住人口', 'residents'],
    ['居民人数', 'residents'],
    ['办公服务用房面积', 'roomAreaM2'],
    ['用房面积', 'roomAreaM2'],
    ['社区工作者人数', 'staff'],
    ['工作人员数', 'staff'],
    ['用房是否在一楼', 'roomsOnGroundFloor'],
    ['一站式服务窗口', 'oneStopWindow'],
    ['街道配套补助', 'streetSubsidyPaid'],
    ['成立日期', 'activeFrom'],
    ['年度', 'year'],
    ['年份', 'year'],
    ['households', 'households'],
    ['floatingHouseholds', 'floatingHouseholds'],
    ['roomAreaM2', 'roomAreaM2'],
  ] as const)('%s → %s', (h, key) => expect(fieldOf(h)).toBe(key));

  test.each([
    ['用房面积(㎡)', 'roomAreaM2'],
    ['用房面积(m²)', 'roomAreaM2'],
    ['用房面积（平方米）', 'roomAreaM2'],
    ['用房面积 (m2)', 'roomAreaM2'],
    ['用房面积㎡', 'roomAreaM2'],
    ['街道配套补助(元)', 'streetSubsidyPaid'],
    ['街道配套补助(万元)', 'streetSubsidyPaid'],
    ['户数(户)', 'households'],
    ['户数（户）', 'households'],
    ['常住人口(人)', 'residents'],
    ['户　数', 'households'], // a full-width space
    [' 户数 ', 'households'],
    ['ＩＤ', 'id'], // full-width letters
    ['Households', 'households'],
    ['room area', 'roomAreaM2'],
  ] as const)('%j → %s after normalising', (h, key) => expect(fieldOf(h)).toBe(key));

  test('a header in 万元 scales its numbers by 10,000; others do not', () => {
    expect(headerScale('街道配套补助(万元)')).toBe(10000);
    expect(headerScale('街道配套补助（万元）')).toBe(10000);
    expect(headerScale('街道配套补助(元)')).toBe(1);
    expect(normalHeader('用房面积（㎡）')).toBe('用房面积');
  });

  test.each([
    ['常住人口(万人)', 'residents', 10000],
    ['户数（万户）', 'households', 10000],
    ['街道配套补助(千元)', 'streetSubsidyPaid', 1000],
    ['街道配套补助(亿元)', 'streetSubsidyPaid', 100000000],
    ['街道配套补助(百万元)', 'streetSubsidyPaid', 1000000],
    ['街道配套补助万元', 'streetSubsidyPaid', 10000],
    ['常住人口(万)', 'residents', 10000],
    ['常住人口(人)', 'residents', 1],
  ] as const)('a scale word in the unit: %j is %s, its numbers × %i', (h, key, scale) => {
    expect(fieldOf(h)).toBe(key);
    expect(headerScale(h)).toBe(scale);
  });

  test('序号 and 备注 are read as columns with nothing to evaluate', () => {
    expect(fieldOf('序号')).toBe('ignored');
    expect(fieldOf('备注')).toBe('ignored');
  });
});

describe('never guessed', () => {
  test('流动人口 alone could be households or persons: both are named', () => {
    const c = columnOf('流动人口');
    expect(c.type).toBe('unknown');
    expect(c.type === 'unknown' && c.candidates?.map((x) => x.en)).toEqual([
      'floating households (floatingHouseholds)',
      'floating persons (counted in people, not used by the policy)',
    ]);
  });

  test('人数 alone could be residents or staff', () => {
    const c = columnOf('人数');
    expect(c.type === 'unknown' && c.candidates?.length).toBe(2);
  });

  test('a suggestion only when close, in the header’s own language', () => {
    expect(suggestHeader('户 数数')).toBe('户数');
    expect(suggestHeader('社区工作者数')).toBe('社区工作者人数');
    expect(suggestHeader('houshelds')).toBe('households');
    expect(suggestHeader('floor')).toBeUndefined(); // shares too little with any field
    expect(suggestHeader('楼层')).toBeUndefined();
    // A Chinese header is never answered with an English name, nor the reverse.
    expect(suggestHeader('户数目')).toBe('户数');
    expect(suggestHeader('residnts')).toBe('residents');
    expect(suggestHeader('idd')).toBe('id');
  });

  test('a column map settles an ambiguous or unknown header, or leaves a column out', () => {
    expect(fieldOf('流动人口', { 流动人口: 'floatingHouseholds' })).toBe('floatingHouseholds');
    expect(fieldOf('片区', { 片区: null })).toBe('ignored');
    expect(fieldOf('户数', { 户数: 'residents' })).toBe('residents'); // the map wins over the known headers
    expect(checkColumnMap({ 片区: 'district' })).toEqual([
      '"片区": "district" is not a field; fields: id, name, kind, households, floatingHouseholds, residents, roomAreaM2, staff, roomsOnGroundFloor, oneStopWindow, streetSubsidyPaid, serviceCentreM2, activeFrom, year (or null to leave the column out)',
    ]);
    expect(checkColumnMap([])).toHaveLength(1);
    expect(checkColumnMap({ a: 'households', b: null })).toEqual([]);
  });
});

describe('finding the header', () => {
  test('title rows above it are skipped', () => {
    const h = findHeader([
      ['宁国市2013年城乡社区建设情况统计表', '', ''],
      ['', '', ''],
      ['区划代码', '社区名称', '户数'],
    ]);
    expect(h?.rows).toEqual([2]);
  });

  test('a two-row header whose top row is merged is read as one', () => {
    const top = ['区划代码', '社区名称', '类型', '户数', '常住人口', '办公服务用房', null, '社区工作者人数'];
    const bottom = [null, null, null, null, null, '面积(㎡)', '是否在一楼', null];
    const h = findHeader([['统计表'], top, bottom]);
    expect(h?.rows).toEqual([1, 2]);
    expect(h?.columns.map((c) => (c.type === 'field' ? c.field.key : c.type))).toEqual([
      'id',
      'name',
      'kind',
      'households',
      'residents',
      'roomAreaM2',
      'roomsOnGroundFloor',
      'staff',
    ]);
    expect(h?.columns[5]?.header).toBe('办公服务用房 面积(㎡)');
  });

  test('no row naming two fields: no header', () => {
    expect(
      findHeader([
        ['a', 'b'],
        ['户数', 'x'],
      ]),
    ).toBeUndefined();
  });
});

test('the table of columns lists every field once, with its headers', () => {
  const rows = headerTable();
  expect(rows.map((r) => r.key)).toEqual(FIELD_SPECS.map((f) => f.key));
  expect(rows.find((r) => r.key === 'households')?.headers).toEqual(['户数', '总户数', '居民户数', '常住户数']);
});

describe('the work per header is bounded', () => {
  test('40 header cells of 8,000 characters are refused in well under a second, without a suggestion', () => {
    const long = Array.from({ length: 40 }, (_, i) => `${'户'.repeat(7999)}${i}`);
    const start = performance.now();
    const found = findHeader([
      ['区划代码', '社区名称', ...long],
      ['c1', '甲', ...long.map(() => '1')],
    ]);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(found?.columns.filter((c) => c.type === 'unknown')).toHaveLength(40);
    expect(found?.columns.some((c) => c.type === 'unknown' && c.suggestion !== undefined)).toBe(false);
    // A header a letter or two away from a known one is still suggested.
    expect(suggestHeader('户树')).toBe('户数');
  });
});
