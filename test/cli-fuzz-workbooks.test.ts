/**
 * The CLI on generated workbooks (spawning the built binary, so few runs): sheets written by hand and zipped by the
 * test's own zip writer, with what other programs put in files — stale dimensions, the 1904 date system, date
 * formats, error values, formulas without a result, hidden sheets, parts that inflate to far more than the file,
 * sizes declared falsely, bytes cut short. Every run must end in a result (exit 0 or 1, a report on stdout) or a
 * refusal (exit 2, a message on stderr), never an internal error (exit 3) or a crash.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type HandCell, type HandSheet, HEAD, workbookParts, zip } from './support/xlsx-by-hand.js';

const dir = mkdtempSync(join(tmpdir(), 'shequ-fuzz-workbooks-'));

const cell: fc.Arbitrary<HandCell> = fc.oneof(
  fc.constantFrom<HandCell>(null, '', '城市', '农村', '是', '否', '2万', '3,695', '2013年7月1日', '合计', '#N/A'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 20_000 }),
  fc.double({ min: -1e3, max: 1e6, noNaN: true }),
  fc.constantFrom<HandCell>({ v: '350.09999999999997' }, { v: '2.0201' }, { v: '1E+300' }),
  fc.integer({ min: -10, max: 3_000_000 }).map((date): HandCell => ({ date })),
  fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!').map((error): HandCell => ({ error })),
  fc.constantFrom<HandCell>({ f: 'E2/100*5' }, { f: 'SUM(D2:D9)', v: '6100' }),
);

const community = fc.tuple(
  fc.oneof(fc.constantFrom('c1', 'c2', 'c3'), fc.string({ maxLength: 6 })),
  fc.constantFrom('甲', '乙', '丙'),
  fc.constantFrom('城市', '农村', 'x'),
  fc.oneof(fc.integer({ min: 0, max: 9000 }), cell),
  fc.oneof(fc.integer({ min: 0, max: 20_000 }), cell),
  fc.oneof(fc.integer({ min: 0, max: 900 }), cell),
  cell,
);

/** Sheets that inflate to megabytes from a few kilobytes, named so that a counterexample prints short. */
const SHEET_DATA = {
  'many cells': Buffer.alloc(3_000_000, '<c/>'),
  'unclosed rows': Buffer.alloc(2_000_000, '<row>'),
  'one far cell': '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
};

const sheet: fc.Arbitrary<HandSheet> = fc
  .record(
    {
      name: fc.constantFrom('2012', '2013', '2013年', '说明', 'Sheet1', '草稿'),
      rows: fc.tuple(
        fc.constantFrom([], [['宁国市2013年社区统计表']], [['填报日期：2013年1月15日']], [['2011—2013年']]),
        fc.constantFrom([...HEAD, '成立日期'], [...HEAD, '年度'], [...HEAD, '街道配套补助(万元)'], ['户数', 'x']),
        fc.array(community, { maxLength: 6 }),
      ),
      dimension: fc.constantFrom('A1:F2', 'A1', 'A1:XFD1048576', 'Z9'),
      state: fc.constantFrom('hidden', 'veryHidden'),
      sheetData: fc.constantFrom('many cells', 'unclosed rows', 'one far cell'),
    },
    { requiredKeys: ['name', 'rows'] },
  )
  .map(({ sheetData, ...s }) => ({ ...s, rows: [...s.rows[0], s.rows[1], ...s.rows[2]], ...(sheetData && { sheetData: SHEET_DATA[sheetData] }) }));

const book = fc.record({
  sheets: fc.array(sheet, { minLength: 1, maxLength: 3 }),
  date1904: fc.boolean(),
  deflate: fc.boolean(),
  lie: fc.boolean(), // declare every part 10 bytes long
  cut: fc.constantFrom(0, 0, 0, 7, 200), // bytes cut off the end
  maxMb: fc.constantFrom(undefined, '1'),
});

describe('the CLI on generated workbooks', { timeout: 240_000 }, () => {
  // Each run starts a process that may inflate a few megabytes: twelve of them on a busy two-core machine take long.
  test.prop([book, fc.constantFrom('xlsx', 'csv')], { numRuns: 12 })(
    'ends in a result or a refusal, never an internal error',
    (b, ext) => {
      const names = new Set<string>();
      const sheets = b.sheets.filter((s) => !names.has(s.name) && names.add(s.name));
      const parts = workbookParts({ sheets, date1904: b.date1904 });
      const bytes = zip(parts, { deflate: b.deflate, ...(b.lie && { declare: () => 10 }) });
      const path = join(dir, `book.${ext}`);
      writeFileSync(path, bytes.subarray(0, bytes.length - b.cut));
      const args = [path, '--lang', 'en', ...(b.maxMb ? ['--max-mb', b.maxMb] : [])];
      const r = spawnSync(process.execPath, ['dist/cli/bin.js', 'report', ...args], { encoding: 'utf8', timeout: 120_000 });
      expect([0, 1, 2], `${r.status} ${r.signal ?? ''} ${r.stderr.slice(0, 400)}`).toContain(r.status);
      if (r.status === 2) expect(r.stderr).toMatch(/^shequ-rules: /);
      else expect(r.stdout).toMatch(/^Community-building compliance report/);
      expect(r.stderr).not.toMatch(/internal error|heap out of memory|TypeError|RangeError/);
      // A whole workbook whose parts inflate past --max-mb is refused for that, whatever sizes its zip declares.
      const inflated = parts.reduce((n, [, part]) => n + part.length, 0);
      if (b.maxMb && b.cut === 0 && inflated > 1024 * 1024) expect(r.stderr).toMatch(/over the limit of 1,?048,?576 bytes \(raise it with --max-mb\)/);
    },
    240_000,
  );
});
