#!/usr/bin/env node
// Cold imports in fresh processes: bare `node -e 0` beside `node -e "await import(X)"` for the root entry and
// shequ-rules/evaluate, taken in turn (bare, root, evaluate, bare, …) so that a change of the machine's load
// falls on the three alike. The package is resolved by its own name, so Node picks the same file a project that
// installed the package would (the `node` condition of `exports`).
//   node bench/cold.mjs [runs]      prints JSON: { runs, bare, root, evaluate } in ms (median, min, max)
// `bench/run.mjs` imports `coldImports` from here.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const SPECIFIERS = { root: 'shequ-rules', evaluate: 'shequ-rules/evaluate' };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

function once(code, cwd) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`cold import: ${code} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Median of `runs` fresh processes for each of bare Node and the two imports; `over` is the difference. */
export function coldImports({ runs = 9, cwd = process.cwd() } = {}) {
  const times = { bare: [], root: [], evaluate: [] };
  for (let i = 0; i < runs; i++) {
    times.bare.push(once('0', cwd));
    for (const [k, spec] of Object.entries(SPECIFIERS)) times[k].push(once(`await import(${JSON.stringify(spec)})`, cwd));
  }
  const bare = stats(times.bare);
  const out = { runs, bare };
  for (const k of Object.keys(SPECIFIERS)) out[k] = { ...stats(times[k]), over: times[k].length ? median(times[k]) - bare.median : 0 };
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(coldImports({ runs: Number(process.argv[2] ?? 9) }), (_, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
}
