import { describe, expect, test } from 'vitest';
import { CsvError, CsvParser, type CsvRow } from './csv.js';

function parse(text: string, chunk = text.length || 1): CsvRow[] {
  const rows: CsvRow[] = [];
  const p = new CsvParser();
  for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk), rows);
  p.end(rows);
  return rows;
}

const SAMPLE = 'id,name,note\r\nc1,"东苑, ""老"" 社区","two\nlines"\nc2,,plain\n\nc3,"",x';

describe('CsvParser (RFC 4180)', () => {
  test('fields, quotes, doubled quotes, commas and line breaks inside quotes, CRLF, blank lines', () => {
    expect(parse(SAMPLE)).toEqual([
      { line: 1, fields: ['id', 'name', 'note'] },
      { line: 2, fields: ['c1', '东苑, "老" 社区', 'two\nlines'] },
      { line: 4, fields: ['c2', '', 'plain'] },
      { line: 6, fields: ['c3', '', 'x'] },
    ]);
  });

  test('the same rows however the text is cut into chunks', () => {
    const whole = parse(SAMPLE);
    for (let size = 1; size < SAMPLE.length; size++) expect(parse(SAMPLE, size), `chunks of ${size}`).toEqual(whole);
  });

  test.each([
    ['an unclosed quote', 'a,b\n"c,d\n', 2, /not closed/],
    ['a quote inside an unquoted field', 'a,b\nc"d,e\n', 2, /quote inside an unquoted field/],
    ['text after a closing quote', 'a,b\n"c"d,e\n', 2, /must end at a comma/],
  ])('refuses %s, naming the line', (_name, text, line, message) => {
    try {
      parse(text);
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).line).toBe(line);
      expect((e as CsvError).message).toMatch(message);
    }
  });

  test('an empty input has no rows and says it is empty', () => {
    const p = new CsvParser();
    const rows: CsvRow[] = [];
    p.push('\n\n', rows);
    p.end(rows);
    expect(rows).toEqual([]);
    expect(p.empty).toBe(true);
  });
});
