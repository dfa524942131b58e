/**
 * `shequ-rules report FILE --format html`: one self-contained page, checked
 * in headless Chromium — it renders, it has its charts, names from the data
 * are escaped (nothing they hold runs), and nothing is fetched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateCity } from '../src/evaluation.js';
import { reportHtml } from '../src/view.js';
import { HAVE_BROWSER, launch, watchedPage } from './browser.js';

const LONG = 240_000;
const dir = mkdtempSync(join(tmpdir(), 'shequ-report-'));
const NASTY = '<img src=x onerror="window.__pwned=1">东苑&社区';

function cli(args: string[]): { code: number; stdout: string } {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], { encoding: 'utf8' }) };
  } catch (e) {
    const x = e as { status: number; stdout: string };
    return { code: x.status, stdout: x.stdout };
  }
}

let browser: Browser | undefined;
beforeAll(async () => {
  if (HAVE_BROWSER) browser = await launch();
}, LONG);
afterAll(async () => browser?.close());

test(
  'the html report goes to standard output or to --output, with the usual exit code',
  () => {
    const out = cli(['report', 'examples/city.json', '--format', 'html', '--lang', 'en']);
    expect(out.code).toBe(1); // a finding fails
    expect(out.stdout).toMatch(/^<!doctype html>/);
    const file = join(dir, 'city.html');
    const written = cli(['report', 'examples/city.json', '--format', 'html', '--lang', 'en', '--output', file]);
    expect(written.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(out.stdout);
  },
  LONG,
);

describe.skipIf(!HAVE_BROWSER)('in Chromium', () => {
  test(
    'the example city’s report renders with its charts and fetches nothing',
    async () => {
      const file = join(dir, 'city-zh.html');
      cli(['report', 'examples/city.json', '--format', 'html', '--output', file]);
      const { page, network, errors } = await watchedPage(browser!);
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect(await page.locator('[data-chart="provisions"] svg rect').count()).toBeGreaterThan(10);
      expect(await page.locator('[data-chart="worst"] svg').count()).toBe(1);
      const counts = await page.locator('[data-count]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-count')} ${e.textContent}`));
      expect(counts).toEqual(['pass 216', 'fail 11', 'unknown 3']);
      expect(await page.locator('.sr-readings tr[data-reading]').count()).toBeGreaterThanOrEqual(9);
      await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
      expect(network).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
    LONG,
  );

  test(
    'names from the data are shown as text, never run',
    async () => {
      const data = join(dir, 'nasty.json');
      writeFileSync(
        data,
        JSON.stringify({ year: 2013, communities: [{ id: NASTY, name: NASTY, kind: 'urban', households: 3000, residents: 8000, staff: 2 }] }),
      );
      const file = join(dir, 'nasty.html');
      cli(['report', data, '--format', 'html', '--output', file]);
      const { page, network, errors } = await watchedPage(browser!);
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('table.sr-findings').textContent()).toContain(NASTY);
      expect(network).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
    LONG,
  );

  test(
    'several years get a chart of the progress across them',
    async () => {
      const year = (y: number, staff: number) =>
        evaluateCity({
          year: y,
          communities: [
            { id: 'c1', name: 'a', kind: 'urban', households: 3000, residents: 8000, staff },
            { id: 'c2', name: 'b', kind: 'urban', households: 3000, residents: 8000, staff: 5 },
          ],
        });
      const { page, network } = await watchedPage(browser!);
      await page.setContent(reportHtml([year(2012, 3), year(2013, 5)], { lang: 'en' }));
      // The share, and the target line beside it (the urban target of each year).
      expect(await page.locator('[data-chart="progress"] svg path').count()).toBe(2);
      expect(await page.locator('h2[id^="year-"]').allTextContents()).toEqual(['Year 2012', 'Year 2013']);
      expect(network).toEqual([]);
      await page.close();
    },
    LONG,
  );
});
