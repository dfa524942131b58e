/**
 * The ESM build bundled for Node (dist/node, the `node` condition of `exports`, issue 24): the package's own name
 * resolves to it under Node, it exports what the per-module files export, it gives the same results and the same
 * refusals (zod is bundled into it), a result still displays itself (the views are named at run time), and what it
 * loads up front is its own chunks and decimal.js. Run on the built files (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';

const ENTRIES = { 'shequ-rules': 'index.js', 'shequ-rules/spec': 'spec.js', 'shequ-rules/evaluate': 'evaluation.js', 'shequ-rules/view': 'view.js' };
const load = (file: string) => import(pathToFileURL(resolve('dist', file)).href);

/** What `call` throws, as plain data: its class name, message and issues. */
function refusal(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    const err = e as { name: string; message: string; issues?: unknown };
    return { name: err.name, message: err.message, issues: JSON.parse(JSON.stringify(err.issues ?? null)) };
  }
  throw new Error('expected a refusal');
}

describe('the ESM build for Node', async () => {
  const perModule = { root: await load('index.js'), evaluate: await load('evaluation.js') };
  const node = { root: await load('node/index.js'), evaluate: await load('node/evaluation.js') };

  test("each entry resolves to dist/node under Node, by the package's own name, as from a project that installed it", () => {
    const code = `console.log(JSON.stringify(${JSON.stringify(Object.keys(ENTRIES))}.map((s) => import.meta.resolve(s))))`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(Object.values(ENTRIES).map((file) => pathToFileURL(resolve('dist/node', file)).href));
  }, 90_000);

  test.each(Object.values(ENTRIES))('dist/node/%s exports what the per-module file exports', async (file) => {
    const [a, b] = [await load(file), await load(`node/${file}`)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  });

  test('the same evaluation of the Ningguo data, and the same JSON Schema', () => {
    const data = JSON.parse(readFileSync('examples/ningguo-2013.json', 'utf8'));
    expect(JSON.stringify(node.evaluate.evaluateCity(data))).toBe(JSON.stringify(perModule.evaluate.evaluateCity(data)));
    expect(node.evaluate.datasetJsonSchema()).toEqual(perModule.evaluate.datasetJsonSchema());
  });

  test.each([
    ['not an object', 42],
    ['no year', { communities: [] }],
    ['a count that is negative', { year: 2013, communities: [{ id: 'c1', name: '东苑', kind: 'urban', households: -3, residents: 8000 }] }],
    [
      'an amount that is not a number',
      { year: 2013, communities: [{ id: 'c1', name: '东苑', kind: 'urban', households: 3, residents: 8, roomAreaM2: '1e3' }] },
    ],
    ['a kind that is neither', { year: 2013, communities: [{ id: 'c1', name: '东苑', kind: 'town', households: 3, residents: 8 }] }],
    ['an unknown field', { year: 2013, communities: [{ id: 'c1', name: '东苑', kind: 'urban', households: 3, residents: 8, staf: 1 }] }],
  ])('the same refusal of a dataset with %s (zod bundled in gives the same words)', (_, bad) => {
    const a = refusal(() => perModule.evaluate.readDataset(bad));
    expect(refusal(() => node.evaluate.readDataset(bad))).toEqual(a);
    expect((a as { name: string }).name).toBe('PolicyInputError');
  });

  test('a rule result and an evaluation display themselves (the views are found beside the chunks)', async () => {
    const display = Symbol.for('Jupyter.display');
    const r = node.root.requiredStaff({ households: 3000 });
    const bundle = await r[display]();
    expect(bundle).toEqual(await perModule.root.requiredStaff({ households: 3000 })[display]());
    expect(Object.keys(bundle)).toContain('text/html');
    const data = JSON.parse(readFileSync('examples/ningguo-2013.json', 'utf8'));
    expect(await node.evaluate.evaluateCity(data)[display]()).toEqual(await perModule.evaluate.evaluateCity(data)[display]());
  });

  test('up front it loads its own chunks and decimal.js, nothing else from node_modules', () => {
    const packages = new Set<string>();
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      // Static imports only: `import … from "x"` and `import "x"` (a dynamic import() loads when called).
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s*(?:[^"'()]*?\sfrom\s*)?["']([^"']+)["']/gm)) {
        const spec = m[1] as string;
        if (spec.startsWith('.')) walk(resolve(dirname(file), spec));
        else packages.add(spec);
      }
    };
    for (const file of Object.values(ENTRIES)) walk(resolve('dist/node', file));
    expect([...packages]).toEqual(['decimal.js']);
    expect([...seen].every((f) => !relative(resolve('dist/node'), f).startsWith('..'))).toBe(true);
  });
});
