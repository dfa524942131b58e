import * as zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { D } from '../decimal.js';
import { readWorkbook } from '../read/xlsx.js';
import { columnName, crc32, displayWidth, excelNumber, excelSerial, writeXlsx, xmlText } from './ooxml.js';

describe('the workbook writer', () => {
  test('a number as Excel holds it: at most 15 significant digits from the exact value, plain notation', () => {
    expect(excelNumber(new D(2).div(3))).toBe('0.666666666666667');
    expect(excelNumber(0.1 + 0.2)).toBe('0.3'); // the float's artefact is not written
    expect(excelNumber(new D('554.25'))).toBe('554.25');
    expect(excelNumber(1350000)).toBe('1350000');
    expect(excelNumber(new D('0.00000000000000000001'))).toBe('0.00000000000000000001');
    expect(excelNumber(new D('-0'))).toBe('0');
  });

  test('days as serials of the 1900 date system', () => {
    expect(excelSerial('2013-07-01')).toBe(41456);
    expect(excelSerial('1900-03-01')).toBe(61);
  });

  test('text escaped for XML; control characters as _xHHHH_, a literal _xHHHH_ kept literal', () => {
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlText('\u001b\r\u0000')).toBe('_x001B__x000D__x0000_');
    expect(xmlText('tab\tline\n')).toBe('tab\tline\n');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_'); // its underscore escaped: _x005F_, then x0041_
    expect(xmlText('\uD800x')).toBe('\uFFFDx'); // a lone surrogate has no UTF-8
  });

  test('display widths count a CJK character as two; column names', () => {
    expect(displayWidth('城东社区 N02')).toBe(12);
    expect(displayWidth('（）')).toBe(4);
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  test('the zip’s checksum is CRC-32', () => {
    const bytes = new TextEncoder().encode('社区建设 community building');
    // Node's own CRC-32, where this Node has it.
    if ('crc32' in zlib) expect(crc32(bytes)).toBe((zlib as unknown as { crc32(b: Uint8Array): number }).crc32(bytes));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the check value of the standard
  });

  test('sheet names as Excel allows them: no []:*?/\\, at most 31 characters, unique', async () => {
    const bytes = writeXlsx(
      ['a/b', 'A/B', 'x'.repeat(40), "'q'", ''].map((name) => ({ name, rows: [{ cells: ['v'] }] })),
      { lang: 'en' },
    );
    const sheets = await readWorkbook(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['a b', 'A B (2)', 'x'.repeat(31), 'q', 'Sheet']);
  });

  test('the same sheets give the same bytes (no clock in the file)', () => {
    const sheets = [{ name: 's', header: 0, rows: [{ cells: ['h'] }, { cells: [{ v: new D('1.5'), fmt: 'area' as const }], fill: 'fail' as const }] }];
    expect(writeXlsx(sheets, { lang: 'zh' })).toEqual(writeXlsx(sheets, { lang: 'zh' }));
  });
});
