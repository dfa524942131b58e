/**
 * The HTML report is the text report and more (issue 22, item 2): names beside ids, what was read, the progress
 * table with its targets and a target line, the qualifiers of undecided totals, the readings open with the
 * non-defaults flagged, a headline box, the policy, years, day made and version, print styles, and a page that
 * does not overflow a 390 px phone (tables scroll in their own box).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HAVE_BROWSER, launch, watchedPage } from './browser.js';
import { describeProblems, surfaceProblems } from './support/surface.js';

const LONG = 240_000;
const dir = mkdtempSync(join(tmpdir(), 'shequ-html-'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1372636800' }; // 2013-07-01
function html(args: string[], name: string): string {
  const file = join(dir, name);
  try {
    execFileSync(process.execPath, ['dist/cli/bin.js', 'report', ...args, '--format', 'html', '--output', file], { env, timeout: 120_000 });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e; // 1: a finding fails
  }
  return file;
}
const NINGGUO = () => html(['examples/ningguo-2012.json', 'examples/ningguo-2013.csv'], 'ningguo.html');

test(
  'the page says what the text report says: names with ids, 未填报, the qualifier, 未评估, what was read, the progress with targets',
  () => {
    const page = readFileSync(NINGGUO(), 'utf8');
    expect(page).toContain('南塘社区(虚构) N03'); // the made-up marker of the example communities is kept
    expect(page).toContain('城东社区 341881001001');
    expect(page).toContain('未填报');
    expect(page).toContain('≥ 20,000 元 (1 项无法判断)');
    expect(page).toMatch(/data-owed="developerRoomsM2" data-not-evaluated="">未评估/);
    expect(page).toMatch(/data-read="">[^<]*GB18030[^<]*合计行 10 不作为社区评估，已核对其合计/);
    expect(page).toMatch(/<table class="sr-progress">[\s\S]*目标[\s\S]*<\/table>/);
    expect(page).toMatch(/data-chart="progress"[\s\S]*stroke-dasharray/); // the target line
    expect(page).toMatch(/data-meta="">[\s\S]*城乡社区建设工作意见[\s\S]*2012、2013[\s\S]*2013年7月1日[\s\S]*shequ-rules 0\.1\.0/);
    expect(page).toMatch(/data-headline="failing">4: /);
    expect(page).toMatch(/data-headline="meeting">1 \/ 5 \(20 %\), 目标 100 %/);
    expect(page).not.toContain('<details'); // the readings are open, in print too
    expect(page).toMatch(/@media print\{[\s\S]*@page/);
  },
  LONG,
);

test(
  'a reading that is not the default is flagged',
  () => {
    const params = join(dir, 'floor.json');
    writeFileSync(params, JSON.stringify({ staffing: { rounding: 'floor' } }));
    const page = readFileSync(html(['examples/ningguo-2013.csv', '--params', params], 'floor.html'), 'utf8');
    expect(page).toMatch(/<tr data-reading="I3" class="sr-non-default">[\s\S]*?向下取整[\s\S]*?非默认/);
    expect(page).toMatch(/<tr data-reading="I1"><td>/);
  },
  LONG,
);

describe.skipIf(!HAVE_BROWSER)('in Chromium', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  }, LONG);
  afterAll(async () => browser?.close());

  test(
    'at 390 px the page does not overflow (tables scroll in their own box), and its rendered text is clean',
    async () => {
      const file = NINGGUO();
      const { page, network, errors } = await watchedPage(browser!, { width: 390, height: 800 });
      await page.goto(pathToFileURL(file).href);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const text = await page.evaluate(() => document.body.innerText);
      expect(describeProblems(surfaceProblems(text))).toEqual([]);
      expect(network).toEqual([]);
      expect(errors).toEqual([]);
    },
    LONG,
  );
});
