#!/usr/bin/env node
// The ESM build bundled for the browser (no Node built-ins allowed) and run in
// headless Chromium (Debian's package, driven by playwright-core; never a
// downloaded browser): a standard community's requirements, two schedules, an
// audit verdict and a tiny evaluation, compared with values worked out by hand.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const message = `browser: ${CHROMIUM} not found (apt-get install -y chromium)`;
  if (process.env.REQUIRE_BROWSER) {
    console.error(`${message}: FAILED`);
    process.exit(1);
  }
  console.log(`${message}: browser check SKIPPED`);
  process.exit(0);
}

const entry = `
import { serviceRoomArea, requiredStaff, communitySize, streetSubsidyMinimum, cityFundSchedule, ruralRolloutSchedule, createPolicy } from 'shequ-rules';
import { auditPolicy } from 'shequ-rules/spec';
import { evaluateCity } from 'shequ-rules/evaluate';
const compound = createPolicy({ funding: { mode: 'compound' } });
window.__result = {
  rooms: serviceRoomArea({ residents: 8000 }).areaM2.toString(),
  staff: requiredStaff({ households: 3000 }).staff,
  within: communitySize({ households: 3000, residents: 8000 }).withinGuideline,
  subsidy: streetSubsidyMinimum({ communities: 10 }).amount.toString(),
  fund: cityFundSchedule({ baseYearTotal: 1000000, from: 2011, to: 2015 }).rows.map((r) => r.amount.toString()),
  fundCompound: compound.cityFundSchedule({ baseYearTotal: 1000000, from: 2011, to: 2015 }).rows.map((r) => r.amount.toString()),
  rollout: ruralRolloutSchedule({ from: 2011, to: 2015, villages: 120 }).rows.map((r) => r.villagesCovered),
  k1: auditPolicy().findings[0].verdict,
  evaluation: evaluateCity({ year: 2013, communities: [{ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 }] }).findings.find((f) => f.provision === 'Q8').status,
};`;
const expected = {
  rooms: '400', // 8,000 × 5 ÷ 100
  staff: 5, // 3,000 ÷ 600
  within: true,
  subsidy: '300000', // 10 × 30,000
  fund: ['1000000', '1100000', '1200000', '1300000', '1400000'],
  fundCompound: ['1000000', '1100000', '1210000', '1331000', '1464100'],
  rollout: [36, 72, 108, 120, 120], // ceil(120 × 0.3, 0.6, 0.9, 1, 1)
  k1: 'consistent',
  evaluation: 'fail', // 4 workers where 5 are due
};

const bundle = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  write: false,
  logLevel: 'silent',
});
const script = bundle.outputFiles[0].text;

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent('<!doctype html><meta charset="utf-8"><title>shequ-rules</title><body></body>');
  await page.addScriptTag({ content: script });
  const result = await page.evaluate(() => window.__result);
  const userAgent = await page.evaluate(() => navigator.userAgent);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  const diff = Object.keys(expected).filter((k) => JSON.stringify(result?.[k]) !== JSON.stringify(expected[k]));
  if (diff.length)
    throw new Error(`wrong values: ${diff.map((k) => `${k}: got ${JSON.stringify(result?.[k])}, expected ${JSON.stringify(expected[k])}`).join('; ')}`);
  console.log(`browser: all values right in ${userAgent.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}`);
} catch (e) {
  console.error(`browser: FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
