/**
 * The explorer's explanation graphs, in headless Chromium from file://: a calculator's result opens to its graph
 * (the staffing rule for 3,100 + 150 households: 6 workers, from the inputs, 600 households per worker and the
 * reading I3), a finding of the data checked on the page opens to its own (城东社区 of the Ningguo 2013 data: 3,695
 * households need 7 workers, 5 in post), every node links to a clause or reading the page has, in Chinese and
 * English, and the graph fits a 390 px phone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../scripts/site/build.js';
import { HAVE_BROWSER, launch, watchedPage } from './browser.js';

const LONG = 240_000;
const out = mkdtempSync(join(tmpdir(), 'shequ-graph-site-'));
let url: string;
let browser: Browser | undefined;

beforeAll(async () => {
  url = pathToFileURL(resolve((await buildSite(out)).path)).href;
  if (HAVE_BROWSER) browser = await launch();
}, LONG);
afterAll(async () => browser?.close());

/** Every link of the graphs on the page, and whether the page has the element it points to. */
const links = (page: Page, scope: string) =>
  page
    .locator(`${scope} a[href^="#"]`)
    .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), document.getElementById(a.getAttribute('href')!.slice(1)) !== null] as const));

describe.skipIf(!HAVE_BROWSER)('the explanation graph in the explorer', () => {
  let page: Page;
  let errors: string[];
  let network: string[];
  beforeAll(async () => {
    ({ page, network, errors } = await watchedPage(browser!));
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
  }, LONG);
  afterAll(() => {
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
  });

  const graphOf = (rule: string) => page.locator(`form[data-rule="${rule}"] details[data-graph-of="${rule}"]`);
  const label = (scope: string, id: string) => page.locator(`${scope} li[data-node="${id}"]:not([data-again]) > .gr-label`).first().textContent();

  test(
    'a calculator’s result opens to its graph: values, inputs, parameter with its document, reading, each linked to its clause',
    async () => {
      await page.locator('form[data-rule="requiredStaff"] input[name="households"]').fill('3100');
      await page.locator('form[data-rule="requiredStaff"] input[name="floatingHouseholds"]').fill('150');
      const box = graphOf('requiredStaff');
      // The page as built carries no graph: it is drawn when opened.
      expect(await box.locator('[data-graph]').count()).toBe(0);
      await box.locator('summary').click();
      const scope = 'form[data-rule="requiredStaff"] [data-graph]';
      // 3,100 + 150 = 3,250 households, ÷ 600 = 5 remainder 250, rounded up: 6.
      expect(await label(scope, 'value:staff')).toBe('所需社区工作者: 6 名');
      expect(await label(scope, 'input:households')).toBe('户数: 3100 户');
      expect(await label(scope, 'input:floatingHouseholds')).toBe('流动人口户数: 150 户');
      expect(await label(scope, 'parameter:staffing.householdsPerWorker')).toBe('staffing.householdsPerWorker: 600 户 per worker');
      expect(await page.locator(`${scope} li[data-node="parameter:staffing.householdsPerWorker"] .gr-src`).first().textContent()).toContain('2011-01-01');
      expect(await label(scope, 'reading:I3')).toContain('I3: 向上取整');
      // The reading's parameter sits under the reading.
      expect(await page.locator(`${scope} li[data-node="reading:I3"] li[data-node="parameter:staffing.rounding"]`).count()).toBeGreaterThan(0);
      const found = await links(page, scope);
      expect(found.length).toBeGreaterThan(5);
      expect(found.filter(([, ok]) => !ok)).toEqual([]);
      expect(found.map(([h]) => h)).toContain('#A.4.2');
      expect(found.map(([h]) => h)).toContain('#I3');
      await box.screenshot({ path: join(out, 'graph-calculator.png') });
    },
    LONG,
  );

  test(
    'another reading redraws the graph with the reading marked as not the default',
    async () => {
      await page.locator('select[data-reading="I3"]').selectOption('floor');
      // Still open: the graph is drawn again with the result.
      expect(await graphOf('requiredStaff').getAttribute('open')).not.toBeNull();
      const scope = 'form[data-rule="requiredStaff"] [data-graph]';
      // 3,250 ÷ 600 = 5 remainder 250, rounded down: 5.
      expect(await label(scope, 'value:staff')).toBe('所需社区工作者: 5 名');
      expect(await label(scope, 'reading:I3')).toContain('(非默认)');
      await page.locator('select[data-reading="I3"]').selectOption('ceil');
    },
    LONG,
  );

  test(
    'a finding of the data checked opens to its graph, the community’s fields with their values',
    async () => {
      await page.locator('input[type="file"][data-dataset]').setInputFiles('examples/ningguo-2013.json');
      await page.waitForSelector('[data-region="finding-graphs"] details[data-finding-graph]');
      const box = page.locator('[data-region="finding-graphs"] details[data-subject="341881001001"][data-finding-graph]').filter({ hasText: 'A.4.2' });
      expect(await box.count()).toBe(1);
      expect(await box.getAttribute('data-status')).toBe('fail');
      await box.locator('summary').click();
      const scope = '[data-region="finding-graphs"] details[data-subject="341881001001"][open]';
      // 城东社区: 3,695 households ÷ 600 = 6 remainder 95, rounded up: 7 workers; 5 in post, 2 short.
      expect(await label(scope, 'value:status')).toBe('结论: 未通过');
      expect(await label(scope, 'value:expected')).toBe('应达: 7 名');
      expect(await label(scope, 'value:actual')).toBe('实际: 5 名');
      expect(await label(scope, 'value:shortfall')).toBe('差额: 2 名');
      expect(await label(scope, 'input:households')).toBe('户数: 3695 户');
      // From the check's formula: only the fields it reads, each operation with its value (3,695 + 0 = 3,695; ÷ 600 rounded up: 7).
      expect(await page.locator(`${scope} li[data-node="input:residents"]`).count()).toBe(0);
      expect(await page.locator(`${scope} [data-graph]`).getAttribute('data-detail')).toBe('formula');
      expect(await page.locator(`${scope} li[data-kind="operation"] > .gr-label`).allTextContents()).toEqual(
        expect.arrayContaining(['≥ → 不成立', '相除 ÷，按 I3 取整 → 7', '求和 + → 3695']),
      );
      expect(await label(scope, 'input:staff')).toBe('社区工作者人数: 5 名');
      const found = await links(page, scope);
      expect(found.filter(([, ok]) => !ok)).toEqual([]);
      expect(found.map(([h]) => h)).toContain('#A.4.2');
      await box.screenshot({ path: join(out, 'graph-finding.png') });
    },
    LONG,
  );

  test(
    'in English, and at 390 px nothing is wider than the phone',
    async () => {
      await page.locator('button[data-lang="en"]').click();
      await page.waitForSelector('html[lang="en"][data-ready="true"], html[lang="en"]');
      await page.locator('form[data-rule="requiredStaff"] input[name="households"]').fill('3100');
      await page.locator('form[data-rule="requiredStaff"] input[name="floatingHouseholds"]').fill('150');
      // Kept open through the language switch and the typing.
      expect(await graphOf('requiredStaff').getAttribute('open')).not.toBeNull();
      const scope = 'form[data-rule="requiredStaff"] [data-graph]';
      expect(await label(scope, 'value:staff')).toBe('Workers required: 6 workers');
      expect(await label(scope, 'reading:I3')).toBe('I3: round up: every started block of 600 households gets a worker');
      await page.setViewportSize({ width: 390, height: 844 });
      const wide = await page
        .locator(`${scope} li`)
        .evaluateAll((lis) => lis.filter((li) => li.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
      expect(wide).toBe(0);
      await graphOf('requiredStaff').screenshot({ path: join(out, 'graph-390.png') });
    },
    LONG,
  );
});
