#!/usr/bin/env node
// `npm run size`: bundle what a consumer would ship, minify, gzip, and hold it
// to the budgets. Bundled for the browser, so a Node built-in in the library's
// entries fails the build. Deterministic, so the budgets are asserted.
// Code splitting is on, as in a web app's bundler: what a page loads up front
// (the entry and its static imports) is held to the budget; what a dynamic
// import loads only when called (the views, when a result is displayed in a
// notebook) is listed apart as "on demand".
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const cases = [
  { name: 'requiredStaff only', code: "import { requiredStaff } from 'shequ-rules'; console.log(requiredStaff);", budget: 8 * 1024 },
  // A rule's trace writes its numbers through the one formatter (src/present/format.ts, issue 22): about 1 KB gzipped
  // more in each rule's bundle than when every trace formatted its own numbers.
  { name: 'cityFundBudget only', code: "import { cityFundBudget } from 'shequ-rules'; console.log(cityFundBudget);", budget: 20 * 1024 },
  // The whole root entry carries the policy as a value (issue 20): every provision's rules, checks, readings and
  // words, createPolicy and extendPolicy with their checks of a user's provision — what the evaluation and spec
  // entries carried before — and PRESETS, read from the registry of standards with their sources (issue 21). An
  // app that imports one rule pays for none of it (the two budgets above). Issue 23 adds each check's formula and
  // the one compiler that derives its verdict, exact path, shortfall and detail from it (src/formula/, about 4 KB
  // gzipped), in place of three hand-written copies of each check's arithmetic; issue 22 adds the parameters' words.
  { name: 'the whole root entry', code: "export * from 'shequ-rules';", budget: 56 * 1024 },
  { name: 'shequ-rules/spec (no budget)', code: "export * from 'shequ-rules/spec';" },
  { name: 'shequ-rules/evaluate (no budget)', code: "export * from 'shequ-rules/evaluate';" },
  { name: 'shequ-rules/view (no budget)', code: "export * from 'shequ-rules/view';" },
];

const HEAD = ['bundle', 'minified', 'gzipped', 'on demand (gzipped)', 'budget', ''];
let failed = false;
const rows = [];
for (const c of cases) {
  const out = await build({
    stdin: { contents: c.code, resolveDir: process.cwd(), loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir: 'size-out',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  // A bundler takes the per-module files (the `default` condition), never the build bundled for Node, where one
  // rule would carry its whole chunk.
  const bundledForNode = Object.keys(out.metafile.inputs).filter((k) => k.includes('dist/node/'));
  if (bundledForNode.length) {
    console.error(`size: ${c.name} resolved the build for Node: ${bundledForNode.join(', ')}`);
    failed = true;
  }
  // What loads up front: the entry and every chunk reached through static imports.
  const outputs = out.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  const upFront = new Set([entry]);
  for (const k of upFront) for (const i of outputs[k].imports) if (i.kind === 'import-statement') upFront.add(i.path);
  const bytes = (keys) => Buffer.concat(out.outputFiles.filter((f) => keys.some((k) => f.path.endsWith(k))).map((f) => Buffer.from(f.contents)));
  const raw = bytes([...upFront]);
  const gz = gzipSync(raw, { level: 9 }).length;
  const lazy = bytes(Object.keys(outputs).filter((k) => !upFront.has(k)));
  const lazyGz = lazy.length ? gzipSync(lazy, { level: 9 }).length : 0;
  const over = c.budget !== undefined && gz > c.budget;
  failed ||= over;
  rows.push([
    c.name,
    `${(raw.length / 1024).toFixed(1)} KB`,
    `${(gz / 1024).toFixed(1)} KB`,
    lazyGz ? `${(lazyGz / 1024).toFixed(1)} KB` : '—',
    c.budget ? `${c.budget / 1024} KB` : '—',
    over ? 'OVER' : 'ok',
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...[HEAD, ...rows].map((r) => r[i].length)));
for (const r of [HEAD, ...rows]) console.log(r.map((x, i) => x.padEnd(widths[i])).join('  '));
if (failed) {
  console.error('size: a bundle is over its budget');
  process.exitCode = 1;
}
