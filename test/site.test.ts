/**
 * The policy explorer, built and driven in headless Chromium from file://:
 * the calculators give the library's exact values, the readings recompute
 * results and the audit as the library says, the example city's files give
 * the CLI's counts, and nothing is requested from the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, SITE_BUDGET } from '../scripts/site/build.js';
import { createPolicy, requiredStaff, serviceRoomArea } from '../src/index.js';
import type { FileInput } from '../src/read/notes.js';
import { inputLines } from '../src/report/input-report.js';
import { auditPolicy, interpretations, provisions } from '../src/spec.js';
import { HAVE_BROWSER, launch, watchedPage } from './browser.js';

const LONG = 240_000;
const out = mkdtempSync(join(tmpdir(), 'shequ-site-'));
let site: Awaited<ReturnType<typeof buildSite>>;
let browser: Browser | undefined;

beforeAll(async () => {
  site = await buildSite(out);
  if (HAVE_BROWSER) browser = await launch();
}, LONG);
afterAll(async () => browser?.close());

test('the site is one file within its size budget, with nothing to fetch', () => {
  expect(site.raw).toBeLessThanOrEqual(SITE_BUDGET.raw);
  expect(site.gzip).toBeLessThanOrEqual(SITE_BUDGET.gzip);
  const html = readFileSync(site.path, 'utf8');
  expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
});

/** The CLI's JSON report of a file: its counts, and what it read. */
function cliReport(args: string[]): { summary: { counts: Record<string, number> }; input: FileInput[] } {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'report', ...args, '--format', 'json'], { encoding: 'utf8' });
  } catch (e) {
    stdout = (e as { stdout: string }).stdout; // exit 1: a finding fails
  }
  return JSON.parse(stdout);
}

describe.skipIf(!HAVE_BROWSER)('in Chromium, from file://', () => {
  let page: Page;
  let network: string[];
  let errors: string[];
  beforeAll(async () => {
    ({ page, network, errors } = await watchedPage(browser!));
    await page.goto(pathToFileURL(resolve(site.path)).href);
    await page.waitForSelector('html[data-ready="true"]');
  }, LONG);
  afterAll(() => {
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
  });

  const output = (rule: string, name: string) => page.locator(`form[data-rule="${rule}"] output[name="${name}"]`).getAttribute('data-value');
  const fill = async (rule: string, field: string, value: string) => page.locator(`form[data-rule="${rule}"] input[name="${field}"]`).fill(value);
  const reading = (id: string, option: string) => page.locator(`select[data-reading="${id}"]`).selectOption(option);

  test(
    'every clause has its anchor, in order',
    async () => {
      const ids = await page.locator('article[data-clause]').evaluateAll((els) => els.map((e) => e.id));
      expect(ids).toEqual(provisions.map((p) => p.id));
    },
    LONG,
  );

  test(
    'every switchable reading of the register is a control whose values are its option ids',
    async () => {
      for (const i of interpretations.filter((x) => x.parameter !== null)) {
        const values = await page.locator(`select[data-reading="${i.id}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(values, i.id).toEqual(i.options.map((o) => o.id));
        expect(await page.locator(`select[data-reading="${i.id}"]`).inputValue()).toBe(i.default);
        expect(await page.locator(`label[for="reading-${i.id}"]`).count()).toBe(1);
        expect(await page.locator(`select[data-reading="${i.id}"] option[disabled]`).count(), `${i.id}: an option the page cannot apply`).toBe(0);
      }
    },
    LONG,
  );

  test(
    'a calculator gives the library’s exact values as they are typed',
    async () => {
      await fill('requiredStaff', 'households', '3100');
      await fill('requiredStaff', 'floatingHouseholds', '');
      expect(await output('requiredStaff', 'staff')).toBe(String(requiredStaff({ households: 3100 }).staff));
      await fill('serviceRoomArea', 'residents', '8001');
      expect(await output('serviceRoomArea', 'areaM2')).toBe(serviceRoomArea({ residents: 8001 }).areaM2.toFixed());
      await fill('cityFundBudget', 'baseYearTotal', '1000000.07');
      await fill('cityFundBudget', 'year', '2015');
      expect(await output('cityFundBudget', 'amount')).toBe('1400000.098'); // 1,000,000.07 × 1.4, exact
      await fill('requiredStaff', 'households', '3k');
      await expect(page.locator('form[data-rule="requiredStaff"] [role="alert"]').count()).resolves.toBe(1);
      await fill('requiredStaff', 'households', '3100');
    },
    LONG,
  );

  test(
    'switching a reading recomputes the calculators, the schedules and the audit as the library says',
    async () => {
      const k1 = page.locator('[data-audit="K1"]');
      expect(await k1.getAttribute('data-verdict')).toBe(auditPolicy().findings[0]!.verdict);
      await reading('I2', 'share-of-remaining');
      const remaining = createPolicy({ rollout: { mode: 'share-of-remaining' } });
      expect(await k1.getAttribute('data-verdict')).toBe('conflict');
      expect(await k1.getAttribute('data-verdict')).toBe(auditPolicy(remaining).findings[0]!.verdict);
      const rows = remaining.ruralRolloutSchedule({ from: 2011, to: 2014, villages: 120 }).rows;
      for (const [i, r] of rows.entries()) expect(await output('ruralRolloutSchedule', `rows[${i}].share`)).toBe(r.share.toFixed());
      await reading('I3', 'floor');
      expect(await output('requiredStaff', 'staff')).toBe(String(createPolicy({ staffing: { rounding: 'floor' } }).requiredStaff({ households: 3100 }).staff));
      const verdicts = await page
        .locator('[data-audit]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-audit')} ${e.getAttribute('data-verdict')}`));
      const both = createPolicy({ rollout: { mode: 'share-of-remaining' }, staffing: { rounding: 'floor' } });
      expect(verdicts).toEqual(auditPolicy(both).findings.map((f) => `${f.id} ${f.verdict}`));
      await reading('I9', 'households'); // the national plan's 20 m² per 100 households
      expect(await output('serviceRoomArea', 'areaM2')).toBe(
        createPolicy({ rooms: { m2Per100Households: 20 } })
          .serviceRoomArea({ residents: 8001, households: 3000 })
          .areaM2.toFixed(),
      );
      await page.locator('button[data-reset-readings]').click();
      expect(await k1.getAttribute('data-verdict')).toBe('consistent');
      expect(await output('requiredStaff', 'staff')).toBe('6');
    },
    LONG,
  );

  test(
    'the national standards are compared with the city’s',
    async () => {
      const rooms = await page.locator('table.presets tbody tr td:nth-child(2)').evaluateAll((tds) => tds.map((t) => t.getAttribute('data-value')));
      expect(rooms).toEqual(['400', '600', '900']);
    },
    LONG,
  );

  // The page reads with the CLI's reading (src/read/): a GB18030 CSV with a title, a 合计 row and notes, and a
  // workbook of two yearly sheets, give the counts `report FILE --year 2013` gives (the year field says 2013).
  test.each([
    ['examples/city.json', []],
    ['examples/communities.csv', ['--year', '2013']],
    ['examples/ningguo-2013.csv', ['--year', '2013']],
    ['examples/ningguo.xlsx', ['--year', '2013']],
  ] as const)(
    'loading %s gives the CLI’s counts',
    async (file, args) => {
      await page.locator('input[type="file"][data-dataset]').setInputFiles(file);
      await page.waitForSelector('[data-region="data"] [data-count="pass"]');
      const counts = Object.fromEntries(
        await page.locator('[data-region="data"] [data-count]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-count'), Number(e.textContent)])),
      );
      const cli = cliReport([file, ...args]);
      expect(counts).toEqual(cli.summary.counts);
      // What was read (encoding, header, title and total rows, where the year came from, sheets left out), as the CLI's report says it.
      const read = await page.locator('[data-region="data"] details[data-read] li').allTextContents();
      const cliRead = inputLines(
        cli.input.map((f) => ({ ...f, file: basename(f.file) })),
        'zh',
      );
      expect(read).toEqual(cliRead.map((l) => l.trim()).filter((l) => l !== ''));
      expect(await page.locator('[data-region="data"] svg').count()).toBeGreaterThanOrEqual(1);
      const download = page.waitForEvent('download');
      await page.locator('[data-save-report]').click();
      const saved = readFileSync((await (await download).path())!, 'utf8');
      expect(saved).toContain('data-count="fail"');
    },
    LONG,
  );

  test(
    'a file that cannot be read says why, with its line, in an alert',
    async () => {
      const bad = join(out, 'bad.csv');
      writeFileSync(bad, 'id,name,kind,households,residents\nc1,东苑,urban,3k,8000\n');
      await page.locator('input[type="file"][data-dataset]').setInputFiles(bad);
      const alert = page.locator('[data-region="data"] [role="alert"]');
      await alert.waitFor();
      // As the CLI says it (zh, the page's first language): the file, the line and the header as written.
      expect(await alert.textContent()).toContain('bad.csv: 第 2 行“households”：');
      expect(await page.locator('[data-region="data"] [data-count]').count()).toBe(0);
    },
    LONG,
  );

  test(
    'the language switch redraws the page in English, keeping the readings and inputs',
    async () => {
      await reading('I2', 'share-of-remaining');
      await page.locator('button[data-lang="en"]').click();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('button[data-lang="en"]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('select[data-reading="I2"]').inputValue()).toBe('share-of-remaining');
      expect(await page.locator('[data-audit="K1"]').getAttribute('data-verdict')).toBe('conflict');
      expect(await output('requiredStaff', 'staff')).toBe('6');
      await page.locator('button[data-lang="zh"]').click();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.locator('button[data-reset-readings]').click();
    },
    LONG,
  );
});
