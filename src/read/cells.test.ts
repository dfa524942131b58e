/**
 * Every cell form of issue 12, read as people type it, or refused with what was expected.
 */
import { describe, expect, test } from 'vitest';
import { excelSerialDay, readCell, type RawCell } from './cells.js';
import type { FieldKind } from './fields.js';

const value = (kind: FieldKind, raw: RawCell, scale = 1) => {
  const r = readCell(kind, raw, scale);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(raw)}`);
  return r.value;
};
const refused = (kind: FieldKind, raw: RawCell) => !readCell(kind, raw).ok;

describe('counts', () => {
  test.each([
    ['3695', 3695],
    ['3,695', 3695],
    ['3 695', 3695],
    ['3\u00a0695', 3695],
    ['1,234,567', 1234567],
    ['３６９５', 3695], // full-width digits
    ['３，６９５', 3695], // full-width comma
    ['3695户', 3695],
    ['11085人', 11085],
    ['5名', 5],
    ['3万', 30000],
    ['1.5万', 15000],
    [' 42 ', 42],
    ['0', 0],
    [3695, 3695], // a spreadsheet's number
    ['3695.00', 3695],
  ] as const)('%j → %i', (raw, n) => expect(value('count', raw)).toBe(n));

  test.each(['3k', '-1', '3.5', '36,95', '1,2345', 'abc', '9007199254740993'])('%j is refused', (raw) => expect(refused('count', raw)).toBe(true));
  test('a fraction or a negative number from a spreadsheet is refused, as is a boolean', () => {
    expect(refused('count', 2.5)).toBe(true);
    expect(refused('count', -1)).toBe(true);
    expect(refused('count', true)).toBe(true);
  });
});

describe('areas and money, exact', () => {
  test.each([
    ['area', '300㎡', '300'],
    ['area', '300 m²', '300'],
    ['area', '300m2', '300'],
    ['area', '300平方米', '300'],
    ['area', '402.5', '402.5'],
    ['area', '1,530.25 m²', '1530.25'],
    ['money', '3万', '30000'],
    ['money', '2.5万元', '25000'],
    ['money', '30000元', '30000'],
    ['money', '30,000', '30000'],
    ['money', '¥30,000', '30000'],
    ['money', '0.1', '0.1'],
    ['money', '007', '7'],
  ] as const)('%s %j → %s', (kind, raw, out) => expect(value(kind, raw)).toBe(out));

  test('a spreadsheet number keeps the digits Excel shows (0.1 stays 0.1, not a binary fraction)', () => {
    expect(value('area', 390.9)).toBe('390.9');
    expect(value('money', 0.1)).toBe('0.1');
  });

  test('a header in 万元 multiplies by 10,000, exactly', () => {
    expect(value('money', 3, 10000)).toBe('30000');
    expect(value('money', '2.5', 10000)).toBe('25000');
    expect(value('money', 0.15, 10000)).toBe('1500');
  });

  test.each([
    ['area', '300 yuan'],
    ['area', '-5'],
    ['money', '三万'],
    ['money', '1e5'],
    ['money', '30000㎡'],
  ] as const)('%s %j is refused', (kind, raw) => expect(refused(kind, raw)).toBe(true));
});

describe('flags', () => {
  test.each(['是', '有', '√', '✓', 'Y', 'y', 'yes', 'YES', 'true', 'TRUE', '1', 1, true])('%j → yes', (raw) => expect(value('flag', raw)).toBe(true));
  test.each(['否', '无', '×', '✗', 'N', 'n', 'no', 'false', 'False', '0', 0, false])('%j → no', (raw) => expect(value('flag', raw)).toBe(false));
  test.each(['maybe', '2', '待定'])('%j is refused', (raw) => expect(refused('flag', raw)).toBe(true));
});

describe('dates', () => {
  test.each([
    ['2013-07-01', '2013-07-01'],
    ['2013/7/1', '2013-07-01'],
    ['2013.7.1', '2013-07-01'],
    ['2013年7月1日', '2013-07-01'],
    ['2013年07月01日', '2013-07-01'],
    ['２０１３年７月１日', '2013-07-01'],
  ] as const)('%j → %s', (raw, iso) => expect(value('date', raw)).toBe(iso));

  test("Excel's own dates: serial days since 1899-12-30", () => {
    expect(value('date', 41456)).toBe('2013-07-01');
    expect(excelSerialDay(41456.75)).toBe('2013-07-01'); // a time of day is dropped
    expect(excelSerialDay(1)).toBeUndefined(); // before the 1900 leap-year slip: not a date we read
  });

  test.each(['2013-02-30', '2013/13/1', '7/1/2013', '二〇一三年七月一日', '2013'])('%j is refused', (raw) => expect(refused('date', raw)).toBe(true));
});

describe('kinds, ids, years', () => {
  test.each([
    ['城市', 'urban'],
    ['城镇', 'urban'],
    ['城市社区', 'urban'],
    ['urban', 'urban'],
    ['Urban', 'urban'],
    ['农村', 'rural'],
    ['农村社区', 'rural'],
    ['rural', 'rural'],
  ] as const)('kind %j → %s', (raw, kind) => expect(value('kind', raw)).toBe(kind));
  test('an unknown kind is refused', () => expect(refused('kind', 'town')).toBe(true));

  test('a division code stored as a number reads as its digits; one too long for Excel is refused', () => {
    expect(value('id', 341881001001)).toBe('341881001001');
    expect(value('id', ' 341881001001 ')).toBe('341881001001');
    expect(refused('id', 3.4188100100100096e17)).toBe(true);
  });

  test.each([
    ['2013', 2013],
    ['2013年', 2013],
    ['2013年度', 2013],
    [2013, 2013],
  ] as const)('year %j → %i', (raw, y) => expect(value('year', raw)).toBe(y));
  test.each(['1899', '2101', '13', 'x'])('year %j is refused', (raw) => expect(refused('year', raw)).toBe(true));
});

describe('empty cells are missing, never 0', () => {
  test.each(['', '   ', null, undefined, '-', '—', '/'])('%j → missing', (raw) => {
    for (const kind of ['count', 'area', 'money', 'flag', 'date'] as const) expect(readCell(kind, raw)).toEqual({ ok: true, value: undefined });
  });
});
