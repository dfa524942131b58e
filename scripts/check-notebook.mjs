#!/usr/bin/env node
// `npm run check:notebook`: run every cell of examples/notebook.ipynb in Deno's
// Jupyter kernel and fail unless each one runs and each display cell (tagged
// "display") shows text/html. Deno comes from the npm registry (the `deno`
// devDependency), Jupyter from Debian (jupyter-core python3-nbconvert
// python3-nbclient python3-ipykernel); a cell tagged "result" must show some
// output. `--write` puts the executed notebook,
// outputs included, back in examples/ so that it reads on any forge; without
// it the check fails when the committed outputs differ from the fresh run's.
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
if (!existsSync(join(out, 'data', 'jupyter', 'kernels', 'deno', 'kernel.json')))
  fail('deno jupyter --install did not write its kernelspec under XDG_DATA_HOME');
/** Execute the notebook once; returns the executed notebook, or fails on a cell that does not run. */
function execute() {
  try {
    execFileSync(
      PYTHON,
      [
        '-m',
        'nbconvert',
        '--to',
        'notebook',
        '--execute',
        NOTEBOOK,
        '--output-dir',
        out,
        '--ExecutePreprocessor.kernel_name=deno',
        '--ExecutePreprocessor.timeout=600',
        '--ExecutePreprocessor.iopub_timeout=120',
        '--ExecutePreprocessor.raise_on_iopub_timeout=True',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
  } catch (e) {
    fail(
      `a cell did not run:\n${String(e.stderr ?? e.message)
        .split('\n')
        .slice(-25)
        .join('\n')}`,
    );
  }
  return JSON.parse(readFileSync(join(out, 'notebook.ipynb'), 'utf8'));
}

/** What is wrong with an executed notebook: errors, and display cells without HTML. */
function check(nb) {
  const errors = [];
  const missing = [];
  let display = 0;
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    for (const o of cell.outputs ?? []) if (o.output_type === 'error') errors.push(`cell ${i + 1}: ${o.ename}: ${o.evalue}`);
    if (cell.metadata?.tags?.includes('result') && (cell.outputs ?? []).length === 0)
      missing.push({ cell: i + 1, none: true, text: `cell ${i + 1}: no output` });
    if (cell.metadata?.tags?.includes('display')) {
      display++;
      if (!(cell.outputs ?? []).some((o) => o.data?.['text/html'])) {
        const got = (cell.outputs ?? []).map(
          (o) => `${o.output_type} ${Object.keys(o.data ?? {}).join(',')} ${String(o.data?.['text/plain'] ?? o.text ?? '').slice(0, 200)}`,
        );
        missing.push({ cell: i + 1, none: got.length === 0, text: `cell ${i + 1}: no text/html output (outputs: ${got.join(' | ') || 'none'})` });
      }
    }
  });
  return { errors, missing, display };
}

/**
 * A cell's outputs as compared: their kind, text and data, without what changes from run to run (execution counts,
 * timings, the kernel's ids); text with its line ends and trailing spaces evened out.
 */
function normalised(cell) {
  const text = (t) =>
    (Array.isArray(t) ? t.join('') : String(t ?? ''))
      .replace(/\r\n/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .trim();
  return JSON.stringify(
    (cell.outputs ?? []).map((o) => ({
      type: o.output_type === 'execute_result' ? 'display_data' : o.output_type,
      ...(o.name && { name: o.name }),
      ...(o.text !== undefined && { text: text(o.text) }),
      ...(o.data && { data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, typeof v === 'object' && !Array.isArray(v) ? v : text(v)])) }),
      ...(o.ename && { error: `${o.ename}: ${o.evalue}` }),
    })),
  );
}

/** The code cells whose committed outputs differ from the fresh run's (by position, and by source when they moved). */
function staleCells(committed, fresh) {
  const code = (nbk) => nbk.cells.filter((c) => c.cell_type === 'code');
  const [a, b] = [code(committed), code(fresh)];
  const stale = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (!a[i] || !b[i] || normalised(a[i]) !== normalised(b[i])) stale.push(`code cell ${i + 1}`);
  return stale;
}

// Deno's kernel sometimes reports a cell done before its result reaches the client, and nbclient then records no
// output at all (plain \`1 + 1\` cells lose theirs too: a race in the kernel, not in the notebook). A run where a cell
// has no output whatsoever is tried again, a few times; an error, or an output without HTML, fails at once.
const TRIES = 5;
let nb;
let result;
for (let attempt = 1; ; attempt++) {
  nb = execute();
  result = check(nb);
  const raced = result.errors.length === 0 && result.missing.length > 0 && result.missing.every((m) => m.none);
  if (!raced || attempt === TRIES) break;
  console.log(`notebook: run ${attempt}: the kernel dropped the output of ${result.missing.map((m) => `cell ${m.cell}`).join(', ')}; running again`);
}
const problems = [...result.errors, ...result.missing.map((m) => m.text)];
const display = result.display;
if (display === 0) problems.push('no cell is tagged "display"');
if (problems.length) fail(problems.join('\n'));
if (process.argv.includes('--write')) {
  copyFileSync(join(out, 'notebook.ipynb'), NOTEBOOK);
  console.log(`notebook: wrote ${NOTEBOOK} with its outputs`);
} else {
  // The committed outputs are what a reader sees on a forge without running anything: they must be today's.
  const stale = staleCells(JSON.parse(readFileSync(NOTEBOOK, 'utf8')), nb);
  if (stale.length)
    fail(`the committed outputs of ${NOTEBOOK} differ from a fresh run in ${stale.join(', ')}: run npm run check:notebook -- --write and commit it`);
}
console.log(`notebook: all ${nb.cells.filter((c) => c.cell_type === 'code').length} code cells ran; ${display} display cells show text/html`);
