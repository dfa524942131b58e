import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CsvError, CsvParser, type CsvRow } from '../../test/support/csv.js';
import { CsvSyntaxError, CsvTokenizer } from './tokenizer.js';

const utf8 = new TextDecoder();

/** Rows as the byte tokenizer gives them, the bytes cut into chunks at `cuts`. */
function tokenize(bytes: Uint8Array, cuts: number[] = [], limits = {}): CsvRow[] {
  const rows: CsvRow[] = [];
  const t = new CsvTokenizer(
    {
      row(buf, start, end, count, line) {
        const fields: string[] = [];
        for (let i = 0; i < count; i++) fields.push(utf8.decode(buf.subarray(start[i], end[i])));
        rows.push({ line, fields });
      },
    },
    limits,
  );
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    t.push(bytes.subarray(at, cut));
    at = cut;
  }
  t.push(bytes.subarray(at));
  t.finish();
  return rows;
}

/** The text reader's rows (the reference), or its error. */
function reference(text: string): CsvRow[] | { line: number; message: string } {
  const rows: CsvRow[] = [];
  const p = new CsvParser();
  try {
    p.push(text, rows);
    p.end(rows);
  } catch (e) {
    if (e instanceof CsvError) return { line: e.line, message: e.message };
    throw e;
  }
  return rows;
}

function bytesResult(bytes: Uint8Array, cuts: number[]): CsvRow[] | { line: number; message: string } {
  try {
    return tokenize(bytes, cuts);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { line: e.line, message: e.message };
    throw e;
  }
}

const SAMPLE = 'id,name,note\r\nc1,"东苑, ""老"" 社区","two\nlines"\nc2,,plain\n\nc3,"",x';

describe('CsvTokenizer (bytes in, rows out)', () => {
  test('fields, quotes, doubled quotes, commas and line breaks inside quotes, CRLF, blank lines', () => {
    expect(tokenize(new TextEncoder().encode(SAMPLE))).toEqual([
      { line: 1, fields: ['id', 'name', 'note'] },
      { line: 2, fields: ['c1', '东苑, "老" 社区', 'two\nlines'] },
      { line: 4, fields: ['c2', '', 'plain'] },
      { line: 6, fields: ['c3', '', 'x'] },
    ]);
  });

  test('the same rows however the bytes are cut, even inside a character', () => {
    const bytes = new TextEncoder().encode(SAMPLE);
    const whole = tokenize(bytes);
    for (let a = 1; a < bytes.length; a++) expect(tokenize(bytes, [a, a + 3]), `cut at ${a}`).toEqual(whole);
  });

  // The text reader is the reference: the same rows, lines and messages on any text.
  prop.prop(
    [
      fc.array(fc.constantFrom('a', '社', ',', '"', '\n', '\r', ' ', '""'), { maxLength: 40 }).map((xs) => xs.join('')),
      fc.array(fc.nat(200), { maxLength: 4 }),
    ],
    { numRuns: 2000 },
  )('gives the rows and errors of the text reader, wherever the chunks are cut', (text, cuts) => {
    expect(bytesResult(new TextEncoder().encode(text), cuts)).toEqual(reference(text));
  });

  test('a row longer than the limit, and too many fields, are refused with the line', () => {
    const long = new TextEncoder().encode(`a\n${'x'.repeat(5000)}\n`);
    expect(() => tokenize(long, [100, 200], { maxRowBytes: 1000 })).toThrow(/a row longer than 1000 bytes/);
    try {
      tokenize(long, [], { maxRowBytes: 1000 });
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
    expect(() => tokenize(new TextEncoder().encode(`${','.repeat(10)}\n`), [], { maxFields: 5 })).toThrow(/more than 5 fields/);
  });

  test('GB18030: no byte of a two- or four-byte character is a quote, a comma, CR or LF', () => {
    // Decoded with the built-in decoder: after any lead byte, a delimiter is never taken into the character.
    const gb = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (const d of [0x22, 0x2c, 0x0d, 0x0a]) {
        expect(gb.decode(new Uint8Array([lead, d])).endsWith(String.fromCharCode(d))).toBe(true);
        expect(gb.decode(new Uint8Array([lead, 0x30, d])).endsWith(String.fromCharCode(d))).toBe(true);
        expect(gb.decode(new Uint8Array([lead, 0x30, 0x81, d])).endsWith(String.fromCharCode(d))).toBe(true);
      }
    }
    // And a GB18030 file tokenizes into the fields its decoder reads.
    const bytes = new Uint8Array([0xb6, 0xab, 0xd4, 0xb7, 0x2c, 0x22, 0x81, 0x30, 0x81, 0x30, 0x2c, 0x22, 0x22, 0x22, 0x0a]); // 东苑,"€…,"""
    const rows: string[][] = [];
    const t = new CsvTokenizer({ row: (buf, s, e, n) => rows.push(Array.from({ length: n }, (_, i) => gb.decode(buf.subarray(s[i], e[i])))) });
    t.push(bytes);
    t.finish();
    expect(rows).toEqual([['东苑', `${gb.decode(new Uint8Array([0x81, 0x30, 0x81, 0x30]))},"`]]);
  });
});
