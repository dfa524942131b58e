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
import { STATUS } from '../src/report/compare-report.js';
import { buildSite, SITE_BUDGET } from '../scripts/site/build.js';
import { createPolicy, requiredStaff, serviceRoomArea } from '../src/index.js';
import type { FileInput } from '../src/read/notes.js';
import { inputLines } from '../src/report/input-report.js';
import { auditPolicy, interpretations, provisions } from '../src/spec.js';
import { comparePolicies } from '../src/evaluate/compare.js';
import type { Dataset } from '../src/evaluate/dataset.js';
import { applyStandard } from '../src/policies/standard-overlays.js';
import { STANDARDS } from '../src/policies/standards.js';
import { HAVE_BROWSER, launch, watchedPage } from './browser.js';
import { describeProblems, surfaceProblems } from './support/surface.js';

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
function cliReport(args: string[]): {
  summary: { counts: Record<string, number> };
  findings: { provision: string; status: string; message: { zh: string } }[];
  input: FileInput[];
} {
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
    '“check your data” is the first section, within the first screen',
    async () => {
      const first = await page.locator('main > section').first().getAttribute('id');
      expect(first).toBe('data');
      const top = await page.locator('input[type="file"][data-dataset]').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
      expect(top).toBeLessThan(900);
      expect(await page.locator('header nav a').first().getAttribute('href')).toBe('#data');
    },
    LONG,
  );

  test(
    'a calculator reads what the CLI reads: thousands separators, full-width digits, a date in Chinese, a year with 年',
    async () => {
      await fill('requiredStaff', 'households', '3,100'); // 3,100 ÷ 600 → 6 under ceil
      expect(await output('requiredStaff', 'staff')).toBe('6');
      await fill('requiredStaff', 'households', '３１００');
      expect(await output('requiredStaff', 'staff')).toBe('6');
      // By days (I8): 30,000 × 184 days (1 July to 31 December 2013) ÷ 365 = 15,123.287… → 15,123.29 yuan.
      await reading('I8', 'by-days');
      await fill('streetSubsidyMinimum', 'communities', '1');
      await fill('streetSubsidyMinimum', 'year', '2013年');
      await fill('streetSubsidyMinimum', 'activeFrom', '2013年7月1日');
      expect(await output('streetSubsidyMinimum', 'amount')).toBe('15123.29');
      await fill('cityFundBudget', 'baseYearTotal', '1,000,000');
      await fill('cityFundBudget', 'year', '2013');
      expect(await output('cityFundBudget', 'amount')).toBe('1200000');
      await page.locator('button[data-reset-readings]').click();
      await fill('streetSubsidyMinimum', 'year', '');
      await fill('streetSubsidyMinimum', 'activeFrom', '');
      await fill('requiredStaff', 'households', '3100');
    },
    LONG,
  );

  test(
    'a calculator’s refusal is the library’s issue in the page’s language, with the field in words',
    async () => {
      const alert = page.locator('form[data-rule="requiredStaff"] [role="alert"]');
      await fill('requiredStaff', 'households', '-5');
      expect(await alert.locator('li').getAttribute('data-issue')).toBe('not-a-count');
      const zh = (await alert.textContent())!;
      expect(zh).toContain('户数：应为不小于 0 的整数');
      expect(zh).not.toMatch(/expected|households/);
      await fill('streetSubsidyMinimum', 'activeFrom', '2013年2月30日');
      expect(await page.locator('form[data-rule="streetSubsidyMinimum"] [role="alert"] li').getAttribute('data-issue')).toBe('not-a-date');
      await page.locator('button[data-lang="en"]').click();
      const en = (await page.locator('form[data-rule="requiredStaff"] [role="alert"]').textContent())!;
      expect(en).toContain('Households: expected a whole number ≥ 0');
      await page.locator('button[data-lang="zh"]').click();
      await fill('streetSubsidyMinimum', 'activeFrom', '');
      await fill('requiredStaff', 'households', '3100');
      expect(await alert.count()).toBe(0);
    },
    LONG,
  );

  test(
    'the readings’ options and the parameters are in words, not the code’s ids',
    async () => {
      const options = await page.locator('select[data-reading="I1"] option').allTextContents();
      expect(options[0]).toBe(`${interpretations[0]!.options[0]!.formula.zh}(默认)`);
      for (const o of await page.locator('select[data-reading] option').allTextContents()) expect(o).not.toMatch(/[a-z]-[a-z]|fixed|ceil|funds/);
      const row = page.locator('tr[data-parameter="streetSubsidy.minimumPerCommunityPerYear"] td');
      expect(await row.allTextContents()).toEqual(['每个社区每年配套补助下限', '30,000', '元/社区·年', '2011年1月1日', 'A.4.3 · Q10']);
      const rounding = page.locator('tr[data-parameter="staffing.rounding"] td');
      expect(await rounding.nth(1).textContent()).toBe('向上取整：每开始一个600户就配1名');
      expect(await rounding.nth(1).getAttribute('data-value')).toBe('ceil');
      expect(await page.locator('tr[data-parameter="sizing.tolerance"] td').nth(1).textContent()).toBe('20 %');
      const heads = await page.locator('form[data-rule] h4').allTextContents();
      for (const h of heads) expect(h).not.toMatch(/[a-z][A-Z]/);
    },
    LONG,
  );

  test(
    'the page’s address holds its state: a link reproduces the readings, the inputs, the language and the standards',
    async () => {
      const first = await page.locator('form[data-rule="requiredStaff"] input[name="households"]').inputValue();
      await reading('I3', 'floor');
      await fill('requiredStaff', 'households', '3,350'); // floor(3,350 ÷ 600) = 5
      await page.locator('input[data-standard="national-2011"]').check();
      await page.locator('button[data-lang="en"]').click();
      // The address as the page holds it (the browser's own record of it follows a replaceState a moment later).
      const here = () => page.evaluate(() => location.href);
      const link = new URL(await here());
      // Only what differs from the first state (earlier tests left other calculators' inputs changed: they are there too).
      expect(Object.fromEntries(link.searchParams)).toMatchObject({ lang: 'en', I3: 'floor', 'requiredStaff.households': '3,350', standards: 'national-2011' });
      expect(link.searchParams.has('I1'), link.search).toBe(false);
      const other = await watchedPage(browser!);
      try {
        await other.page.goto(`${link.href}#A.4.2`);
        await other.page.waitForSelector('html[data-ready="true"]');
        expect(await other.page.locator('html').getAttribute('lang')).toBe('en');
        expect(await other.page.locator('select[data-reading="I3"]').inputValue()).toBe('floor');
        expect(await other.page.locator('form[data-rule="requiredStaff"] input[name="households"]').inputValue()).toBe('3,350');
        expect(await other.page.locator('form[data-rule="requiredStaff"] output[name="staff"]').getAttribute('data-value')).toBe('5');
        expect(await other.page.locator('input[data-standard="national-2011"]').isChecked()).toBe(true);
        expect(await other.page.locator('[data-unused]').count()).toBe(0);
        // What an address holds that the page cannot use is named, not silently dropped.
        await other.page.goto(`${link.href.split('?')[0]}?I3=sideways&nothing.here=1&year=2012`);
        await other.page.waitForSelector('html[data-ready="true"]');
        expect(await other.page.locator('[data-unused] code').allTextContents()).toEqual(['I3=sideways', 'nothing.here']);
        expect(await other.page.locator('select[data-reading="I3"]').inputValue()).toBe('ceil');
        expect(await other.page.locator('input[data-dataset-year]').inputValue()).toBe('2012');
        expect(other.errors).toEqual([]);
      } finally {
        await other.page.close();
      }
      await page.locator('button[data-lang="zh"]').click();
      await page.locator('input[data-standard="national-2011"]').uncheck();
      await page.locator('button[data-reset-readings]').click();
      await fill('requiredStaff', 'households', first);
      const after = new URL(await here());
      expect(after.searchParams.has('I3')).toBe(false);
      expect(after.searchParams.has('requiredStaff.households'), after.href).toBe(false);
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
      // The same findings, each with the CLI's message in Chinese.
      const findings = await page
        .locator('[data-region="data"] tr[data-status]')
        .evaluateAll((trs) => trs.map((t) => `${t.getAttribute('data-provision')} ${t.getAttribute('data-status')} ${t.lastElementChild!.textContent}`));
      expect(findings.sort()).toEqual(cli.findings.map((f) => `${f.provision} ${f.status} ${f.message.zh}`).sort());
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
    'the table of standards lists every entry of the registry: its document, rule, status, address and readings',
    async () => {
      const rows = await page.locator('table.standards tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-standard-row'),
          status: tr.getAttribute('data-status'),
          badge: tr.querySelector('.status')?.textContent,
          url: tr.querySelector('[data-url]')?.textContent,
          held: tr.querySelector('[data-reading-of="I11"]')?.getAttribute('data-option') ?? null,
          households: tr.querySelector('[data-reading-of="I12"]')?.getAttribute('data-option') ?? null,
          text: tr.textContent,
        })),
      );
      // The report's words for a document's status (src/report/compare-report.ts): one source for both.
      const words = { verified: STATUS.verified!.zh, derivative: STATUS.derivative!.zh, unverified: STATUS.unverified!.zh } as const;
      expect(rows.map((r) => r.id)).toEqual(STANDARDS.map((s) => s.id));
      for (const [i, s] of STANDARDS.entries()) {
        const r = rows[i]!;
        expect([r.status, r.badge, r.url], s.id).toEqual([s.source.status, words[s.source.status!], s.source.url]);
        expect([r.held, r.households], s.id).toEqual([s.readings?.held ?? null, s.readings?.households ?? null]);
        for (const part of [s.source.body.zh, s.source.title.zh, s.source.number ?? '', s.rule.zh]) expect(r.text, s.id).toContain(part);
      }
      expect(await page.locator('[data-standard-reading]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-standard-reading')))).toEqual(['I11', 'I12']);
      // A checkbox for each, with its status.
      const boxes = await page
        .locator('input[data-standard]')
        .evaluateAll((bs) => bs.map((b) => `${b.getAttribute('data-standard')} ${b.closest('label')!.querySelector('.status')!.getAttribute('data-status')}`));
      expect(boxes).toEqual(STANDARDS.map((s) => `${s.id} ${s.source.status}`));
    },
    LONG,
  );

  test(
    'the Ningguo 2013 data compared under the city’s document, national-2011 and national-2021: the hand-worked totals and comparePolicies’ result',
    async () => {
      const ningguo = JSON.parse(readFileSync('examples/ningguo-2013.json', 'utf8')) as Dataset;
      const compareRegion = page.locator('[data-region="compare"]');
      await page.locator('input[type="file"][data-dataset]').setInputFiles('examples/ningguo-2013.json');
      await page.waitForSelector('[data-region="data"] [data-count="pass"]');
      expect(await compareRegion.textContent()).toContain('尚未勾选标准');
      await page.locator('input[data-standard="national-2011"]').check();
      await page.locator('input[data-standard="national-2021"]').check();
      await page.waitForSelector('[data-comparison="2013"] th[data-policy="national-2021"]');
      const cells = (sel: string, attr: string) => compareRegion.locator(sel).evaluateAll((es, a) => es.map((e) => e.getAttribute(a)), attr);
      expect(await cells('thead th[data-policy]', 'data-policy')).toEqual(['ningguo-2011', 'national-2011', 'national-2021']);
      // By hand (test/standards.test.ts): 5 m² per 100 residents leaves 城东 246.25 m² short; 20 and 30 per 100
      // households leave every urban community short, 1,242.5 and 2,804 m² in all.
      expect(await cells('td[data-owed="roomsM2"]', 'data-value')).toEqual(['246.25', '1242.5', '2804']);
      expect(await compareRegion.locator('td[data-owed="roomsM2"]').allTextContents()).toEqual(['246.25 m²', '1,242.5 m²', '2,804 m²']);
      expect(await cells('td[data-failing]', 'data-failing')).toEqual([
        '341881001001 N03 N04 N06',
        '341881001001 N02 N03 N04 N06',
        '341881001001 N02 N03 N04 N06',
      ]);
      expect(await compareRegion.locator('td[data-failing]').first().textContent()).toContain('城东社区');
      for (const id of ['national-2011', 'national-2021']) {
        const diff = compareRegion.locator(`[data-difference="${id}"]`);
        expect(await diff.locator('[data-now-failing]').getAttribute('data-now-failing')).toBe('N02');
        expect(await diff.locator('[data-newly-failing]').getAttribute('data-newly-failing')).toBe('N02:Q7 N03:Q7 N04:Q7 N06:Q7');
        expect(await diff.locator('[data-now-failing]').textContent()).toContain('西苑社区');
      }
      expect(await cells('[data-difference] tr[data-more="roomsM2"]', 'data-value')).toEqual(['996.25', '2557.75']);
      expect(await compareRegion.locator('[data-difference="national-2021"] tr[data-more="roomsM2"] td').allTextContents()).toEqual([
        '246.25 m²',
        '2,804 m²',
        '+2,557.75 m²',
      ]);
      expect(await cells('td[data-in-force]', 'data-in-force')).toEqual(['yes', 'no']);
      expect(await compareRegion.locator('[data-table-note]').count()).toBe(0); // a dataset gives its villages and budgets

      // Everything the page shows is comparePolicies' own result, called here on the same data.
      const c = comparePolicies(ningguo, {
        alternatives: [applyStandard(createPolicy(), 'national-2011'), applyStandard(createPolicy(), 'national-2021')],
      });
      for (const status of ['pass', 'fail', 'unknown'] as const)
        expect(await cells(`td[data-compare-count="${status}"]`, 'data-value'), status).toEqual(c.policies.map((p) => String(p.counts[status])));
      expect(await cells('td[data-failing]', 'data-failing')).toEqual(c.policies.map((p) => p.failing.join(' ')));
      for (const key of Object.keys(c.policies[0]!.owed))
        expect(await cells(`td[data-owed="${key}"]`, 'data-value'), key).toEqual(c.policies.map((p) => p.owed[key]!.toFixed()));
      for (const d of c.differences) {
        const diff = compareRegion.locator(`[data-difference="${d.policy}"]`);
        expect(await diff.locator('[data-newly-failing]').getAttribute('data-newly-failing')).toBe(
          d.newlyFailing.map((x) => `${x.subject}:${x.provision}`).join(' '),
        );
        expect(await diff.locator('[data-newly-passing]').getAttribute('data-newly-passing')).toBe(
          d.newlyPassing.map((x) => `${x.subject}:${x.provision}`).join(' '),
        );
        expect(await diff.locator('[data-now-failing]').getAttribute('data-now-failing')).toBe(d.communitiesNowFailing.join(' '));
        const more = d.owed.filter((o) => !o.more.isZero()).map((o) => `${o.key} ${o.more.toFixed()}`);
        expect(
          await diff.locator('tr[data-more]').evaluateAll((trs) => trs.map((t) => `${t.getAttribute('data-more')} ${t.getAttribute('data-value')}`)),
        ).toEqual(more);
      }

      // In English, the ticks kept; then one standard unticked.
      await page.locator('button[data-lang="en"]').click();
      await page.waitForSelector('[data-comparison="2013"] th[data-policy="national-2021"]');
      const en = (await compareRegion.textContent())!;
      for (const words of ['Communities now failing', '1,242.5 m²', '+996.25 m²', 'not in force on the day (a what-if)', '5 communities'])
        expect(en).toContain(words);
      await page.locator('input[data-standard="national-2021"]').uncheck();
      expect(await cells('thead th[data-policy]', 'data-policy')).toEqual(['ningguo-2011', 'national-2011']);
      await page.locator('button[data-lang="zh"]').click();
      await page.locator('input[data-standard="national-2011"]').uncheck();
      await page.waitForSelector('[data-region="data"] [data-count="pass"]');
      expect(await compareRegion.locator('[data-comparison]').count()).toBe(0);
    },
    LONG,
  );

  test(
    'the Ningguo CSV, read as the CLI reads it, gives the same rooms owed and failing communities as its JSON',
    async () => {
      await page.locator('input[data-standard="national-2011"]').check();
      await page.locator('input[data-standard="national-2021"]').check();
      await page.locator('input[type="file"][data-dataset]').setInputFiles('examples/ningguo-2013.csv');
      await page.waitForSelector('[data-comparison="2013"] th[data-policy="national-2021"]');
      const cells = (sel: string, attr: string) =>
        page.locator(`[data-region="compare"] ${sel}`).evaluateAll((es, a) => es.map((e) => e.getAttribute(a)), attr);
      expect(await cells('td[data-owed="roomsM2"]', 'data-value')).toEqual(['246.25', '1242.5', '2804']);
      expect((await cells('td[data-failing]', 'data-failing'))[0]).toBe('341881001001 N03 N04 N06');
      // A table carries no villages or budgets: the comparison says how it counts those checks.
      expect(await page.locator('[data-region="compare"] [data-table-note]').count()).toBe(1);
      await page.locator('input[data-standard="national-2011"]').uncheck();
      await page.locator('input[data-standard="national-2021"]').uncheck();
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

describe.skipIf(!HAVE_BROWSER)('on a 390 px phone, and printed', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await watchedPage(browser!, { width: 390, height: 844 }));
    await page.goto(pathToFileURL(resolve(site.path)).href);
    await page.waitForSelector('html[data-ready="true"]');
  }, LONG);
  afterAll(() => expect(errors).toEqual([]));

  /** How wide the page is, and the widest element that is not inside a box of its own that scrolls. */
  const width = () =>
    page.evaluate(() => {
      const inScroll = (e: Element) => {
        for (let p = e.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      const over = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 390.5 && !inScroll(e));
      return { scrollWidth: document.documentElement.scrollWidth, over: over.slice(0, 5).map((e) => `${e.tagName} ${e.textContent?.slice(0, 30)}`) };
    });

  test(
    'nothing is wider than the screen: the page as it opens, with a file read and standards compared, in both languages',
    async () => {
      expect(await width()).toEqual({ scrollWidth: 390, over: [] });
      await page.locator('input[type="file"][data-dataset]').setInputFiles('examples/ningguo-2013.csv');
      await page.waitForSelector('[data-region="data"] [data-count="pass"]');
      for (const id of ['national-2011', 'national-2021']) await page.locator(`input[data-standard="${id}"]`).check();
      await page.waitForSelector('[data-comparison="2013"] th[data-policy="national-2021"]');
      expect(await width()).toEqual({ scrollWidth: 390, over: [] });
      await page.locator('button[data-lang="en"]').click();
      await page.waitForSelector('[data-comparison="2013"] th[data-policy="national-2021"]');
      expect(await width()).toEqual({ scrollWidth: 390, over: [] });
      await page.locator('button[data-lang="zh"]').click();
    },
    LONG,
  );

  test(
    'printed, the bar and the controls that cannot be used on paper are left out, tables are whole and what was read is open',
    async () => {
      await page.emulateMedia({ media: 'print' });
      try {
        expect(await page.locator('header.top').isVisible()).toBe(false);
        expect(await page.locator('button[data-reset-readings]').isVisible()).toBe(false);
        expect(await page.locator('table.sr-findings').evaluate((t) => getComputedStyle(t).display)).toBe('table');
        await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
        expect(await page.locator('details[data-read]').getAttribute('open')).not.toBeNull();
        await page.evaluate(() => dispatchEvent(new Event('afterprint')));
        expect(await page.locator('details[data-read]').getAttribute('open')).toBeNull();
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    },
    LONG,
  );
});

/**
 * The Chinese page as an official reads it, after every calculator and every switch has been used: no identifier of
 * the code where words belong, no value with more than four decimals, one spacing convention (test/support/surface.ts).
 */
describe.skipIf(!HAVE_BROWSER)('the Chinese page’s surfaces, every calculator and switch used', () => {
  let page: Page;
  let errors: string[];
  /** Every problem seen, as the page's own words and in what the library draws into it, with what had just been done. */
  const seen = { page: new Map<string, string>(), library: new Map<string, string>() };
  // Meant although they look like code: the ids of the city's document and the registry's standards, which `compare --policy` takes.
  const allow = [new RegExp(`(?<![\\w-])(?:ningguo-2011|${STANDARDS.map((s) => s.id).join('|')})(?![\\w-])`)];
  /**
   * What the library draws into the page (a rule's result, the audit, the evaluation, a trace) and the texts of
   * its declarations the page shows (the readings' questions, reasons and formulas, the clauses' summaries).
   */
  const LIBRARY =
    '[data-result-of], [data-region="audit"], [data-region="data"], [data-region="presets"] small, .reading, .clause > p, .standard-readings, table.standards td';

  beforeAll(async () => {
    ({ page, errors } = await watchedPage(browser!));
    await page.goto(pathToFileURL(resolve(site.path)).href);
    await page.waitForSelector('html[data-ready="true"]');
    const read = async (after: string) => {
      const texts = await page.evaluate((library) => {
        const own = document.body.cloneNode(true) as HTMLElement;
        for (const e of own.querySelectorAll(library)) e.remove();
        own.style.position = 'absolute';
        document.documentElement.append(own);
        // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the rendered text
        const page = own.innerText;
        own.remove();
        // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the rendered text
        return { page, library: [...document.querySelectorAll<HTMLElement>(library)].map((e) => e.innerText).join('\n') };
      }, LIBRARY);
      for (const part of ['page', 'library'] as const)
        for (const line of describeProblems(surfaceProblems(texts[part], { allow }))) if (!seen[part].has(line)) seen[part].set(line, after);
    };
    await page.locator('input[type="file"][data-dataset]').setInputFiles('examples/ningguo-2013.csv');
    await page.waitForSelector('[data-region="data"] [data-count="pass"]');
    for (const id of ['national-2011', 'national-2021']) await page.locator(`input[data-standard="${id}"]`).check();
    await page.waitForSelector('[data-comparison="2013"] th[data-policy="national-2021"]');
    await read('a file read and compared');
    // Every option of every switch, one at a time.
    for (const i of interpretations.filter((x) => x.parameter !== null)) {
      for (const o of i.options) {
        await page.locator(`select[data-reading="${i.id}"]`).selectOption(o.id);
        await page.waitForSelector('[data-region="data"] [data-count="pass"]');
        await read(`${i.id} = ${o.id}`);
      }
      await page.locator(`select[data-reading="${i.id}"]`).selectOption(i.default);
    }
    // Every calculator: every field typed (a refusal, then the worked example again), read after each.
    for (const form of await page.locator('form[data-rule]').all()) {
      const rule = (await form.getAttribute('data-rule'))!;
      for (const input of await form.locator('input[name]').all()) {
        const before = await input.inputValue();
        await input.fill('-1');
        await read(`${rule}: ${await input.getAttribute('name')} = -1`);
        await input.fill(before);
        await read(`${rule}: ${await input.getAttribute('name')} = ${before}`);
      }
    }
  }, LONG);
  afterAll(() => expect(errors).toEqual([]));

  const listed = (m: Map<string, string>) => [...m].map(([line, after]) => `${line} (after ${after})`);

  test('the page’s own words: no code, no long decimals, one spacing convention', () => {
    expect(listed(seen.page)).toEqual([]);
  });

  // What the library draws and declares: the results' and the audit's readings in words, the rules' traces through
  // the formatter, the register's and provisions' texts, the schedule chart's axis and legend (issue 22, item 1).
  test('what the library draws into the page: no code, no long decimals, one spacing convention', () => {
    expect(listed(seen.library)).toEqual([]);
  });
});
