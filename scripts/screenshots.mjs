#!/usr/bin/env node
// `node scripts/screenshots.mjs [DIR] [--docs]`: screenshots of the explorer
// (each section, in both languages) and of a notebook cell, taken in headless
// Chromium from the built site (npm run site) and the committed notebook.
// --docs also writes the PNGs the README shows under docs/ (the staffing
// clause at 1,280 px, "check your data" with the Ningguo CSV read at 1,280
// and 390 px, a notebook cell);
// --report only writes the HTML report of the Ningguo example (2012 JSON and
// 2013 GB18030 CSV) at 1,280 px (its first screen) and on a 390 px phone, as
// docs/report.png and docs/report-390.png; --docs writes them too.
// --compare only writes the explorer's comparison of the Ningguo 2013 data
// (national-2011 and national-2021 ticked) at 1,100 and 390 px wide, as
// docs/explorer-compare.png and docs/explorer-compare-390.png.
// Chinese text needs a CJK font on the machine (e.g. fonts-wqy-microhei).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'scratch/screenshots';
const docs = process.argv.includes('--docs');
mkdirSync(dir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
/** The comparison section at a width, its first `height` pixels (all of it without). */
async function compareShot(width, path, height) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(pathToFileURL(resolve('site/index.html')).href);
  await page.waitForSelector('html[data-ready="true"]');
  await page.locator('input[data-dataset]').setInputFiles('examples/ningguo-2013.json');
  await page.waitForSelector('[data-region="data"] [data-count]');
  for (const id of ['national-2011', 'national-2021']) await page.locator(`input[data-standard="${id}"]`).check();
  await page.waitForSelector('[data-comparison] th[data-policy="national-2021"]');
  // Where the section is on the page (not in the viewport, which ticking the boxes scrolled).
  const box = await page.evaluate(() => {
    const r = document.getElementById('compare').getBoundingClientRect();
    return { y: r.top + window.scrollY, height: r.height };
  });
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: box.y - 8, width, height: Math.min(box.height + 16, height ?? Infinity) } });
  await page.close();
}
/** The HTML report the CLI writes for the Ningguo example, on 1 July 2013 (so the picture does not change with the day). */
function ningguoReport() {
  const file = join(mkdtempSync(join(tmpdir(), 'shequ-shots-')), 'ningguo.html');
  const r = spawnSync(
    process.execPath,
    ['dist/cli/bin.js', 'report', 'examples/ningguo-2012.json', 'examples/ningguo-2013.csv', '--format', 'html', '--output', file],
    { env: { ...process.env, SOURCE_DATE_EPOCH: '1372636800' }, encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`the report was not written (exit ${r.status}): ${r.stderr}`);
  return file;
}
/** The report's first screen at 1,280 px, and its top on a 390 px phone (headline, what was read, the first table). */
async function reportShots() {
  const file = ningguoReport();
  for (const [width, height, path] of [
    [1280, 1000, 'docs/report.png'],
    [390, 1600, 'docs/report-390.png'],
  ]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path });
    await page.close();
  }
}
if (process.argv.includes('--report')) {
  await reportShots();
  await browser.close();
  console.log('wrote docs/report.png and docs/report-390.png');
  process.exit(0);
}
if (process.argv.includes('--compare')) {
  await compareShot(1100, 'docs/explorer-compare.png');
  await compareShot(390, 'docs/explorer-compare-390.png', 1900);
  await browser.close();
  console.log('wrote docs/explorer-compare.png and docs/explorer-compare-390.png');
  process.exit(0);
}
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
  await page.goto(pathToFileURL(resolve('site/index.html')).href);
  await page.waitForSelector('html[data-ready="true"]');
  await page.locator('input[data-dataset]').setInputFiles('examples/city.json');
  await page.waitForSelector('[data-region="data"] [data-count]');
  for (const lang of ['zh', 'en']) {
    await page.locator(`button[data-lang="${lang}"]`).click();
    await page.waitForSelector('[data-region="data"] [data-count]');
    for (const section of ['readings', 'A.4.2', 'A.4.3', 'audit', 'presets', 'data']) {
      await page.locator(`[id="${section}"]`).scrollIntoViewIfNeeded();
      await page.evaluate((id) => document.getElementById(id).scrollIntoView({ behavior: 'instant' }), section);
      await page.screenshot({ path: join(dir, `explorer-${section}-${lang}.png`) });
    }
  }
  if (docs) {
    await reportShots();
    // "Check your data" as the page opens, the Ningguo CSV read: at 1,280 px and on a 390 px phone.
    for (const [width, height, path] of [
      [1280, 900, 'docs/explorer-data.png'],
      [390, 844, 'docs/explorer-390.png'],
    ]) {
      const first = await browser.newPage({ viewport: { width, height } });
      await first.goto(pathToFileURL(resolve('site/index.html')).href);
      await first.waitForSelector('html[data-ready="true"]');
      await first.locator('input[data-dataset]').setInputFiles('examples/ningguo-2013.csv');
      await first.waitForSelector('[data-region="data"] [data-count]');
      await first.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      await first.screenshot({ path });
      await first.close();
    }
    const shot = await browser.newPage({ viewport: { width: 1280, height: 820 } });
    await shot.goto(pathToFileURL(resolve('site/index.html')).href);
    await shot.waitForSelector('html[data-ready="true"]');
    await shot.locator('button[data-lang="en"]').click();
    await shot.locator('select[data-reading="I3"]').selectOption('floor');
    await shot.locator('form[data-rule="requiredStaff"] input[name="households"]').fill('3350');
    await shot.evaluate(() => {
      document.getElementById('A.4.2').scrollIntoView({ behavior: 'instant' });
      window.scrollBy({ top: -70, behavior: 'instant' });
    });
    await shot.screenshot({ path: 'docs/explorer.png' });
    await shot.close();
  }
  // A notebook cell: the committed notebook's own HTML output, drawn as a notebook shows it.
  const nb = JSON.parse(readFileSync('examples/notebook.ipynb', 'utf8'));
  const cell = nb.cells.find((c) => c.cell_type === 'code' && c.source.join('').startsWith('requiredStaff('));
  const raw = cell.outputs.find((o) => o.data?.['text/html']).data['text/html'];
  const html = Array.isArray(raw) ? raw.join('') : raw; // nbformat keeps multi-line text as a list of lines
  const source = cell.source.join('').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cellPage = await browser.newPage({ viewport: { width: 900, height: 240 } });
  await cellPage.setContent(`<!doctype html><meta charset="utf-8"><body style="font:14px system-ui,sans-serif;margin:16px">
<div style="display:flex;gap:8px"><div style="color:#303f9f;font-family:monospace;width:70px">[${cell.execution_count}]:</div><pre style="flex:1;margin:0;background:#f5f5f5;border:1px solid #e0e0e0;padding:6px 8px">${source}</pre></div>
<div style="display:flex;gap:8px;margin-top:8px"><div style="color:#d84315;font-family:monospace;width:70px">[${cell.execution_count}]:</div><div style="flex:1">${html}</div></div></body>`);
  await cellPage.screenshot({ path: join(dir, 'notebook-cell.png'), fullPage: true });
  if (docs) await cellPage.screenshot({ path: 'docs/notebook-cell.png', fullPage: true });
  console.log(`screenshots in ${dir}${docs ? ' and docs/' : ''}`);
} finally {
  await browser.close();
}
