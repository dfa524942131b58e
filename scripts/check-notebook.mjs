#!/usr/bin/env node
// `npm run check:notebook`: run every cell of examples/notebook.ipynb in Deno's
// Jupyter kernel and fail unless each one runs and each display cell (tagged
// "display") shows text/html. Deno comes from the npm registry (the `deno`
// devDependency), Jupyter from Debian (jupyter-core python3-nbconvert
// python3-nbclient python3-ipykernel). `--write` puts the executed notebook,
// outputs included, back in examples/ so that it reads on any forge.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const NOTEBOOK = 'examples/notebook.ipynb';
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const DENO = resolve('node_modules/.bin/deno');
const fail = (message) => {
  console.error(`notebook: FAILED: ${message}`);
  process.exit(1);
};

if (!existsSync(DENO)) fail(`${DENO} not found: run npm ci (deno is a devDependency)`);
try {
  execFileSync(PYTHON, ['-c', 'import nbconvert, nbclient'], { stdio: 'pipe' });
} catch {
  fail(`${PYTHON} cannot import nbconvert and nbclient: apt-get install -y jupyter-core python3-nbconvert python3-nbclient python3-ipykernel`);
}
if (!existsSync('dist/index.js')) fail('dist/ is missing: run npm run build first');

const out = mkdtempSync(join(tmpdir(), 'shequ-notebook-'));
// The kernelspec is installed in a Jupyter data folder of this run's own, pointing at this checkout's deno:
// the user's Jupyter set-up is neither read nor changed.
const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', XDG_DATA_HOME: join(out, 'data') };
try {
  execFileSync(DENO, ['jupyter', '--install', '--force'], { stdio: 'pipe', env });
} catch (e) {
  fail(`deno jupyter --install: ${String(e.stderr ?? e.message)}`);
}
if (!existsSync(join(out, 'data', 'jupyter', 'kernels', 'deno', 'kernel.json'))) fail('deno jupyter --install did not write its kernelspec under XDG_DATA_HOME');
try {
  execFileSync(
    PYTHON,
    ['-m', 'nbconvert', '--to', 'notebook', '--execute', NOTEBOOK, '--output-dir', out, '--ExecutePreprocessor.kernel_name=deno', '--ExecutePreprocessor.timeout=600'],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
} catch (e) {
  fail(`a cell did not run:\n${String(e.stderr ?? e.message).split('\n').slice(-25).join('\n')}`);
}
const executed = join(out, 'notebook.ipynb');
const nb = JSON.parse(readFileSync(executed, 'utf8'));
const problems = [];
let display = 0;
nb.cells.forEach((cell, i) => {
  if (cell.cell_type !== 'code') return;
  for (const o of cell.outputs ?? []) if (o.output_type === 'error') problems.push(`cell ${i + 1}: ${o.ename}: ${o.evalue}`);
  if (cell.metadata?.tags?.includes('display')) {
    display++;
    if (!(cell.outputs ?? []).some((o) => o.data?.['text/html'])) problems.push(`cell ${i + 1}: no text/html output`);
  }
});
if (display === 0) problems.push('no cell is tagged "display"');
if (problems.length) fail(problems.join('\n'));
if (process.argv.includes('--write')) {
  copyFileSync(executed, NOTEBOOK);
  console.log(`notebook: wrote ${NOTEBOOK} with its outputs`);
}
console.log(`notebook: all ${nb.cells.filter((c) => c.cell_type === 'code').length} code cells ran; ${display} display cells show text/html`);
