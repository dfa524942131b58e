#!/usr/bin/env node
// `npm run size`: bundle what a consumer would ship, minify, gzip, and hold it
// to the budgets. Bundled for the browser, so a Node built-in in the library's
// entries fails the build. Deterministic, so the budgets are asserted.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const cases = [
  { name: 'requiredStaff only', code: "import { requiredStaff } from 'shequ-rules'; console.log(requiredStaff);", budget: 8 * 1024 },
  { name: 'cityFundBudget only', code: "import { cityFundBudget } from 'shequ-rules'; console.log(cityFundBudget);", budget: 18 * 1024 },
  { name: 'the whole root entry', code: "export * from 'shequ-rules';", budget: 30 * 1024 },
  { name: 'shequ-rules/spec (no budget)', code: "export * from 'shequ-rules/spec';" },
  { name: 'shequ-rules/evaluate (no budget)', code: "export * from 'shequ-rules/evaluate';" },
];

let failed = false;
const rows = [];
for (const c of cases) {
  const out = await build({
    stdin: { contents: c.code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const raw = out.outputFiles[0].contents;
  const gz = gzipSync(raw, { level: 9 }).length;
  const over = c.budget !== undefined && gz > c.budget;
  failed ||= over;
  rows.push([c.name, `${(raw.length / 1024).toFixed(1)} KB`, `${(gz / 1024).toFixed(1)} KB`, c.budget ? `${c.budget / 1024} KB` : '—', over ? 'OVER' : 'ok']);
}
const widths = rows[0].map((_, i) => Math.max(...[['bundle', 'minified', 'gzipped', 'budget', ''], ...rows].map((r) => r[i].length)));
for (const r of [['bundle', 'minified', 'gzipped', 'budget', ''], ...rows]) console.log(r.map((x, i) => x.padEnd(widths[i])).join('  '));
if (failed) {
  console.error('size: a bundle is over its budget');
  process.exitCode = 1;
}
