/**
 * `npm run site`: the policy explorer as one self-contained file,
 * site/index.html — inline style and script, nothing loaded from the network,
 * so it works opened from disk and can be mailed. The page is written as it
 * first shows (readable without script); the script then takes over.
 * The build fails when the file is over its size budget.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { htmlDocument } from '../../src/view.js';
import { SITE_CSS, T } from './render.js';

/**
 * Budgets of the one file: raw (what a mail carries) and gzipped (what a server would send). The spreadsheet
 * library's reader is most of it (about 280 KB raw, 80 KB gzipped): the page reads workbooks as the CLI does.
 * 4 KB raw and 1 KB gzipped more since the evaluation decides a policy's community checks in one function written
 * out per policy (src/formula/batch.ts), which every evaluation the page makes goes through.
 */
// Raw 736 KB, gzipped 250 KB: the page draws its body from the script, so the file carries the page once (the body
// written out beside the script took 92 KB raw, 20 KB gzipped); its Chinese is written as \u escapes.
export const SITE_BUDGET = { raw: 736 * 1024, gzip: 250 * 1024 };

/** Build the explorer; returns the file's path and sizes. */
export async function buildSite(outDir = 'site'): Promise<{ path: string; raw: number; gzip: number }> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./app.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    // The library's smallest build that reads .xlsx (its full build adds the old binary .xls and other formats,
    // about 75 KB gzipped more): bundled into the page, which loads nothing.
    alias: { '@e965/xlsx': '@e965/xlsx/dist/xlsx.mini.min.js' },
  });
  // An inline script ends at the first "</script" whatever the context: write it so it cannot appear.
  const script = bundle.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
  // The page draws itself from the script (the same pageBody the builder would write, so the file carries it once):
  // without scripts it says so in both languages.
  const html = htmlDocument({
    lang: 'zh',
    title: T.title.zh,
    body: `<noscript><p>${T.noScript.zh}</p><p lang="en">${T.noScript.en}</p></noscript>\n<script>${script}</script>`,
    head: `<style>${SITE_CSS}</style>\n`,
  });
  mkdirSync(outDir, { recursive: true });
  const path = `${outDir}/index.html`;
  writeFileSync(path, html);
  const raw = Buffer.byteLength(html);
  const gzip = gzipSync(html, { level: 9 }).length;
  return { path, raw, gzip };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { path, raw, gzip } = await buildSite(process.argv[2] ?? 'site');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`site: wrote ${path}: ${kb(raw)} (${kb(gzip)} gzipped); budget ${kb(SITE_BUDGET.raw)} (${kb(SITE_BUDGET.gzip)} gzipped)`);
  if (raw > SITE_BUDGET.raw || gzip > SITE_BUDGET.gzip) {
    console.error('site: over its size budget');
    process.exitCode = 1;
  }
}
