/**
 * Every Chinese surface, read as an official reads it (issue 22): the CLI's text and Markdown reports, the
 * comparison, `audit`, `schedule`, `explain` of every rule, the HTML report rendered in Chromium, the workbook's
 * cells as an independent reader (openpyxl) sees them under their number formats, the policy book and the
 * notebook's committed outputs. None may show an identifier of the code where words belong, a value with more than
 * four decimals, or a second spacing convention (one checker for all: `test/support/surface.ts`).
 *
 * The explorer is read by the same checker after every calculator and every switch in `test/site.test.ts`
 * ("every Chinese text of the page …"), where its page is already built and open.
 *
 * What a surface may show although it looks like code is allowed by name below, with the reason: the data's own
 * ids, the file names given on the command line, and in the book the values a reader types (in code spans).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HAVE_BROWSER, launch } from './browser.js';
import { describeProblems, surfaceProblems, type SurfaceOptions } from './support/surface.js';

const LONG = 240_000;
const dir = mkdtempSync(join(tmpdir(), 'shequ-surfaces-'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1372636800' };

/** The CLI's standard output (exit 1, a finding failing, is a report too). */
function cli(args: readonly string[]): string {
  const r = spawnSync(process.execPath, ['dist/cli/bin.js', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`shequ-rules ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const NINGGUO = ['examples/ningguo-2012.json', 'examples/ningguo-2013.csv'];
const CITY = ['examples/city.json', '--all'];
/** Every rule `explain` knows, with the inputs of a worked example (the rule list is `explain --help`'s). */
const EXPLAIN: Readonly<Record<string, readonly string[]>> = {
  targets: ['--year', '2012'],
  size: ['--households', '3100', '--residents', '8000'],
  plan: ['--households', '31000', '--residents', '80000'],
  rollout: ['--year', '2013', '--villages', '101'],
  rooms: ['--residents', '8333'],
  staff: ['--households', '3100', '--floating-households', '250'],
  fund: ['--base-year-total', '1234567.89', '--year', '2014'],
  subsidy: ['--communities', '7', '--year', '2013', '--active-from', '2013-07-01'],
  developer: ['--floor-area', '150000', '--price', '3333.33'],
};

/** The book and the notebook show the values a reader types in code spans (`--policy national-2021`): meant. */
const CODE_SPANS: SurfaceOptions = { allow: [/`[^`\n]+`/] };

const surfaces: [string, () => string, SurfaceOptions?][] = [
  ['the text report (JSON and GB18030 CSV, two years)', () => cli(['report', ...NINGGUO])],
  ['the text report of every finding', () => cli(['report', ...CITY])],
  ['the Markdown report', () => cli(['report', ...NINGGUO, '--format', 'markdown'])],
  ['the Markdown report of every finding', () => cli(['report', ...CITY, '--format', 'markdown'])],
  [
    'the comparison with the national standards',
    () => cli(['compare', 'examples/ningguo-2013.json', '--policy', 'national-2011', '--policy', 'national-2021']),
  ],
  ['the policy audit', () => cli(['audit'])],
  ['the fund schedule', () => cli(['schedule', 'fund', '--base-year-total', '1234567.89'])],
  ['the rollout schedule', () => cli(['schedule', 'rollout'])],
  ...Object.entries(EXPLAIN).map(([rule, args]): [string, () => string] => [`explain ${rule}`, () => cli(['explain', rule, ...args])]),
  ['the policy book', () => readFileSync('docs/policy-book.zh.md', 'utf8').replace(/<a id="[^"]*"><\/a>/g, ''), CODE_SPANS],
  ['the notebook outputs', () => notebookText('examples/notebook.ipynb')],
];

/** What the notebook's committed outputs show: their plain text, or their HTML's text. */
function notebookText(file: string): string {
  const nb = JSON.parse(readFileSync(file, 'utf8')) as { cells: { outputs?: { text?: string[]; data?: Record<string, string | string[]> }[] }[] };
  const join = (x: string | string[] | undefined) => (Array.isArray(x) ? x.join('') : (x ?? ''));
  const shown: string[] = [];
  for (const cell of nb.cells)
    for (const o of cell.outputs ?? []) {
      const html = join(o.data?.['text/html']);
      if (html)
        shown.push(
          html
            .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
            .replace(/<[^>]+>/g, ' ')
            .replace(/&nbsp;/g, ' ')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&'),
        );
      else shown.push(join(o.data?.['text/plain']));
      shown.push(join(o.text));
    }
  return shown.join('\n');
}

describe('every Chinese surface reads as words', () => {
  test.each(surfaces)(
    '%s',
    (_name, make, options) => {
      const text = make();
      expect(text.length).toBeGreaterThan(100); // something was shown
      expect(describeProblems(surfaceProblems(text, options))).toEqual([]);
    },
    LONG,
  );

  test('the checker is not blind: it finds each kind of slip on a surface that has them', () => {
    const slips = surfaceProblems('应配 requiredStaff 名，口径 fixed-increment，80.555555555555556 %，±20%，5㎡，undefined 元');
    expect(slips.map((p) => p.rule)).toEqual(['identifier', 'code-id', 'digits', 'spacing', 'spacing', 'artefact']);
  });
});

// ——— the workbook: the cells an independent reader gets, with the text each shows under its number format ———

const PY = '/usr/bin/python3';
const READER = spawnSync(PY, ['-c', 'import openpyxl'], { timeout: 60_000 }).status === 0;
if (!READER && process.env.CI) throw new Error(`${PY} with openpyxl is needed to read the workbooks back`);

const DUMP = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    ids = set()  # the columns headed 编号: an id belongs there, beside the words of the next column
    for row in ws.iter_rows():
        for c in row:
            if c.value == '编号': ids.add(c.column_letter)
            if c.value is None or c.value == '编号': continue
            kind = 'id' if c.column_letter in ids else type(c.value).__name__
            out.append([ws.title, c.coordinate, kind, str(c.value), c.number_format])
print(json.dumps(out, ensure_ascii=False))
`;

/** The decimals a number format shows (`#,##0.00` → 2, `0.0%` → 1); General shows what the value has. */
const formatDecimals = (format: string): number | 'general' => {
  if (format === 'General') return 'general';
  const m = /\.(0+)/.exec(format.replace(/"[^"]*"/g, ''));
  return m ? m[1]!.length : 0;
};

describe.skipIf(!READER)('the workbook as a clerk sees it', () => {
  test.each([
    ['the report workbook', ['report', ...NINGGUO]],
    ['the report workbook of every finding', ['report', ...CITY]],
    ['the comparison workbook', ['compare', 'examples/ningguo-2013.json', '--policy', 'national-2021']],
  ])(
    '%s: words in every text cell, at most four decimals shown by every number format',
    (name, args) => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
      cli([...args, '--format', 'xlsx', '--output', file]);
      const cells = JSON.parse(execFileSync(PY, ['-c', DUMP, file], { encoding: 'utf8', timeout: 60_000 })) as [string, string, string, string, string][];
      expect(cells.length).toBeGreaterThan(20);
      const text = cells.filter(([, , type]) => type === 'str').map(([sheet, at, , v]) => `${sheet}!${at} ${v}`);
      // A column headed 编号 holds ids (a finding's, a parameter's path to set it by): the words are beside it.
      expect(describeProblems(surfaceProblems(text.join('\n')))).toEqual([]);
      const tooMany = cells.filter(([, , type, v, format]) => {
        if (type !== 'float') return false;
        const d = formatDecimals(format);
        // General shows the digits the value has (Excel: up to 10 after the point); a format shows its own.
        return d === 'general' ? /\.\d{5,}/.test(v) : d > 4 || (format.includes('%') && d > 2);
      });
      expect(tooMany).toEqual([]);
    },
    LONG,
  );
});

// ——— the HTML report, rendered ———

describe.skipIf(!HAVE_BROWSER)('the HTML report in Chromium', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  }, LONG);
  afterAll(async () => browser?.close());

  test.each([
    ['two years of Ningguo', NINGGUO],
    ['every finding of a city', CITY],
  ])(
    '%s: its rendered text at 1,280 px is words',
    async (name, args) => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.html`);
      writeFileSync(file, '');
      cli(['report', ...args, '--format', 'html', '--output', file]);
      const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      // What the reader sees, as laid out (innerText, not textContent: hidden text and the titles are not shown).
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the subject
      const text = await page.evaluate(() => document.body.innerText);
      await page.close();
      expect(describeProblems(surfaceProblems(text))).toEqual([]);
    },
    LONG,
  );
});
