/**
 * One PolicyInputError across the package's entries and formats (issue 19, item 5): each CommonJS entry is a
 * bundle with its own copy of the class, the per-module ESM files are one more and the ESM bundled for Node
 * (dist/node, issue 24) one more, yet a refusal from any of them is `instanceof` the class of every other. Run on
 * the built files (`npm test` builds first); the packed package is checked the same way by
 * scripts/check-package.mjs.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { PolicyInputError } from '../src/errors.js';

const require = createRequire(import.meta.url);
const dist = (file: string) => resolve('dist', file);

/** What `call` throws. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

describe('instanceof PolicyInputError across entries and formats', async () => {
  const cjs = { root: require(dist('index.cjs')), spec: require(dist('spec.cjs')), evaluate: require(dist('evaluation.cjs')) };
  const esm = {
    root: await import(pathToFileURL(dist('index.js')).href),
    spec: await import(pathToFileURL(dist('spec.js')).href),
    evaluate: await import(pathToFileURL(dist('evaluation.js')).href),
  };
  const node = {
    root: await import(pathToFileURL(dist('node/index.js')).href),
    spec: await import(pathToFileURL(dist('node/spec.js')).href),
    evaluate: await import(pathToFileURL(dist('node/evaluation.js')).href),
  };
  const refusals = {
    'CJS root': () => thrown(() => cjs.root.requiredStaff({ households: -1 })),
    'CJS spec': () => thrown(() => cjs.spec.dutiesOf('no such body')),
    'CJS evaluate': () => thrown(() => cjs.evaluate.readDataset({})),
    'ESM root': () => thrown(() => esm.root.requiredStaff({ households: -1 })),
    'ESM spec': () => thrown(() => esm.spec.dutiesOf('no such body')),
    'ESM evaluate': () => thrown(() => esm.evaluate.readDataset({})),
    'Node ESM root': () => thrown(() => node.root.requiredStaff({ households: -1 })),
    'Node ESM spec': () => thrown(() => node.spec.dutiesOf('no such body')),
    'Node ESM evaluate': () => thrown(() => node.evaluate.readDataset({})),
    source: () => new PolicyInputError([{ path: 'x', message: 'bad' }]),
  };
  const classes = {
    'CJS root': cjs.root.PolicyInputError,
    'ESM root': esm.root.PolicyInputError,
    'Node ESM root': node.root.PolicyInputError,
    source: PolicyInputError,
  };
  const pairs = Object.entries(refusals).flatMap(([from, make]) => Object.entries(classes).map(([of, cls]) => [from, of, make, cls] as const));

  test('each CommonJS entry carries its own copy of the class (what made instanceof fail)', () => {
    expect(cjs.root.PolicyInputError).not.toBe(PolicyInputError);
    expect(esm.root.PolicyInputError).not.toBe(cjs.root.PolicyInputError);
    expect(node.root.PolicyInputError).not.toBe(esm.root.PolicyInputError);
  });
  test('the build for Node holds one copy of the class for all its entries (its chunks are shared)', () => {
    expect(Object.getPrototypeOf(thrown(() => node.evaluate.readDataset({})))).toBe(node.root.PolicyInputError.prototype);
    expect(Object.getPrototypeOf(thrown(() => node.spec.dutiesOf('no such body')))).toBe(node.root.PolicyInputError.prototype);
  });
  test.each(pairs)('a refusal from %s is instanceof the class of %s', (_, __, make, cls) => {
    const e = make();
    expect(e instanceof cls).toBe(true);
    expect(e instanceof Error).toBe(true);
  });
  test('anything else is not', () => {
    for (const cls of Object.values(classes)) {
      for (const other of [new Error('x'), new TypeError('x'), { issues: [] }, null, undefined, 'PolicyInputError', Object.create(null)])
        expect(other instanceof cls).toBe(false);
    }
  });
  test('a subclass keeps the ordinary test', () => {
    class Narrower extends PolicyInputError {}
    expect(new Narrower([{ path: '', message: 'x' }]) instanceof Narrower).toBe(true);
    expect(new Narrower([{ path: '', message: 'x' }]) instanceof PolicyInputError).toBe(true);
    expect(new PolicyInputError([{ path: '', message: 'x' }]) instanceof Narrower).toBe(false);
  });
});
