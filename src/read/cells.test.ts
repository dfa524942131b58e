/**
 * Every cell form of issue 12, read as people type it, or refused with what was expected.
 */
import { describe, expect, test } from 'vitest';
import { excelSerialDay, readCell, shownNumber, type SheetCell } from './cells.js';
import type { FieldKind } from './fields.js';

const value = (kind: FieldKind, raw: SheetCell, scale = 1) => {
  const r = readCell(kind, raw, scale);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(raw)}`);
  return r.value;
};
const refused = (kind: FieldKind, raw: SheetCell, scale = 1) => !readCell(kind, raw, scale).ok;

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

  test('a spreadsheet number is what Excel shows, 15 significant digits: =E2/100*5 stored as 350.09999999999997 is 350.1', () => {
    expect((7002 / 100) * 5).toBe(350.09999999999997);
    expect(value('area', 350.09999999999997)).toBe('350.1');
    expect(value('money', 0.1 + 0.2)).toBe('0.3');
    expect(value('count', 3694.9999999999995)).toBe(3695);
    expect(value('text', 350.09999999999997)).toBe('350.1');
    expect(shownNumber(123456789012345.6)).toBe('123456789012346');
    expect(shownNumber(1e21)).toBe('1000000000000000000000');
    expect(shownNumber(1.5e-7)).toBe('0.00000015');
  });

  test('a header in 万元 multiplies by 10,000, exactly', () => {
    expect(value('money', 3, 10000)).toBe('30000');
    expect(value('money', '2.5', 10000)).toBe('25000');
    expect(value('money', 0.15, 10000)).toBe('1500');
    expect(value('money', '2', 10000)).toBe('20000');
  });

  test('a count under 万人 is scaled exactly: 2.0201 × 10,000 is 20,201 (the float product is 20200.999999999996)', () => {
    expect(2.0201 * 10000).not.toBe(20201);
    expect(value('count', 2.0201, 10000)).toBe(20201);
    expect(value('count', '2.0201', 10000)).toBe(20201);
    expect(value('count', 1.1, 1000)).toBe(1100);
  });

  test('a cell with its own unit or scale word under a header that scales is refused, never scaled twice', () => {
    // "2万" under (万元) would be 200,000,000 yuan read both ways; "20000元" under (万元) contradicts the header.
    for (const raw of ['2万', '2万元', '20000元', '2千', '1亿']) expect(readCell('money', raw, 10000)).toMatchObject({ ok: false, code: 'not-an-amount' });
    expect(readCell('count', '2万人', 10000)).toMatchObject({ ok: false, code: 'not-a-count' });
    expect(readCell('count', '3人', 10000)).toMatchObject({ ok: false, code: 'not-a-count' });
    // Under a header in yuan, the cell's own word is read once.
    expect(value('money', '2万', 1)).toBe('20000');
  });

  test.each([
    ['money', '3千', '3000'],
    ['money', '1.2亿', '120000000'],
    ['money', '2百万元', '2000000'],
    ['money', '1.5千万', '15000000'],
    ['count', '3千人', 3000],
    ['count', '2.5千', 2500],
  ] as const)('the other scale words: %s %j → %s', (kind, raw, out) => expect(value(kind, raw)).toBe(out));

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

  test("Excel's own dates: serial days since 1899-12-30, or since 1904-01-01 in the 1904 date system", () => {
    expect(excelSerialDay(41456)).toBe('2013-07-01');
    expect(excelSerialDay(41456.75)).toBe('2013-07-01'); // a time of day is dropped
    expect(excelSerialDay(1)).toBeUndefined(); // before the 1900 leap-year slip: not a date we read
    // The same day is 1,462 days fewer in the 1904 system (4 years and the 1900 slip).
    expect(excelSerialDay(41456 - 1462, true)).toBe('2013-07-01');
    expect(excelSerialDay(0, true)).toBe('1904-01-01');
  });

  test('a plain number in a date column is not a date serial: 2013 is refused, as the text "2013" is', () => {
    expect(readCell('date', 2013)).toMatchObject({ ok: false, code: 'not-a-date' });
    expect(readCell('date', 41456)).toMatchObject({ ok: false, code: 'not-a-date' });
    expect(readCell('date', '2013')).toMatchObject({ ok: false, code: 'not-a-date' });
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

describe('error values and formulas without a result are refused in every column, never read as empty', () => {
  test.each(['id', 'text', 'kind', 'count', 'area', 'money', 'flag', 'date', 'year'] as const)('%s', (kind) => {
    for (const error of ['#N/A', '#DIV/0!', '#REF!', '']) expect(readCell(kind, { error })).toMatchObject({ ok: false });
    expect(readCell(kind, { error: '#N/A' })).toMatchObject({ received: { en: 'the error value #N/A' } });
  });
});

describe('empty cells are missing, never 0', () => {
  test.each(['', '   ', null, undefined, '-', '—', '/'])('%j → missing', (raw) => {
    for (const kind of ['count', 'area', 'money', 'flag', 'date'] as const) expect(readCell(kind, raw)).toEqual({ ok: true, value: undefined });
  });
});
