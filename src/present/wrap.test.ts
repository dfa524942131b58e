/** Wrapping by display width: where a line may break and where it may not (issue 22, item 5). */
import { describe, expect, test } from 'vitest';
import { displayWidth } from './format.js';
import { columnWidths, narrowest, wrapLine, wrapText } from './wrap.js';

describe('wrapText', () => {
  test('breaks English at spaces, a unit kept with its number', () => {
    expect(wrapText('Rooms 308 m² against 554.25 m²: 246.25 m² short', 16)).toEqual(['Rooms 308 m²', 'against', '554.25 m²:', '246.25 m² short']);
    expect(wrapText('larger deviation 38.6 %, outside ±20 %', 12)).toEqual(['larger', 'deviation', '38.6 %,', 'outside', '±20 %']);
  });

  test('breaks Chinese between characters, never inside a number, a date or an id, never before closing punctuation', () => {
    // 10 columns: five Chinese characters; '308 m²，' is 9 (² and ， two each), so 标 goes on.
    expect(wrapText('用房 308 m²，标准 554.25 m²', 10)).toEqual(['用房', '308 m²，', '标准', '554.25 m²']);
    expect(wrapText('自2013年7月1日起施行', 10)).toEqual(['自', '2013年7月1日', '起施行']);
    expect(wrapText('城东社区 341881001001', 8)).toEqual(['城东社区', '341881001001']);
    expect(wrapText('3,695 户、11,085 人', 10)).toEqual(['3,695 户、', '11,085 人']);
    expect(wrapText('服务体系规划 国办发〔2021〕56号', 12)).toEqual(['服务体系规划', '国办发〔2021〕56号']);
  });

  test('a piece wider than the room stands alone, whole', () => {
    expect(wrapText('id 3418810010011234 ok', 6)).toEqual(['id', '3418810010011234', 'ok']);
    expect(narrowest('id 3418810010011234 ok')).toBe(16);
  });
});

describe('wrapLine', () => {
  test('keeps its indent and goes on two columns further in', () => {
    expect(wrapLine('  rural rollout (Q6), A.3.3, the city: no village counts', 30)).toEqual([
      '  rural rollout (Q6), A.3.3,',
      '    the city: no village',
      '    counts',
    ]);
    expect(wrapLine('short', 30)).toEqual(['short']);
    expect(wrapLine('x '.repeat(80), Infinity)).toEqual(['x '.repeat(80)]);
  });
});

describe('columnWidths', () => {
  const rows = [
    ['a', 'bbbbb bbbb', 'the message is long enough to wrap'],
    ['c', 'dd', 'short'],
  ];
  test('natural widths when the table fits', () => {
    expect(columnWidths(rows, { width: 100 })).toEqual([1, 10, 34]);
  });
  test('with keep, the last column gives way first, down to what it keeps', () => {
    // 1 + 10 + 2·2 = 15 columns besides the message: 25 left for it of 40.
    expect(columnWidths(rows, { width: 40, keep: [1, 4, 20] })).toEqual([1, 10, 25]);
    // At 30 the message keeps 20 and the second column gives 5.
    expect(columnWidths(rows, { width: 30, keep: [1, 4, 20] })).toEqual([1, 5, 20]);
  });
  test('never below the widest unbreakable piece', () => {
    const w = columnWidths(rows, { width: 10 });
    expect(w[1]).toBe(5);
    expect(w[2]).toBe(displayWidth('message'));
  });
});
