/**
 * The one function a policy's community checks are decided by in a batch (src/formula/batch.ts): each helper of
 * the fast path written out inline gives what the helper gives, value for value, and the function gives every
 * check's own `status`, on generated policies, years and records (a loop over the policy's list).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, test as plainTest } from 'vitest';
import { compile } from '../src/evaluate/evaluate.js';
import { batchDecider, deciderSource, INLINE } from '../src/formula/batch.js';
import { FAST_HELPERS } from '../src/formula/fast.js';
import { createPolicy } from '../src/index.js';
import type { CommunityCheck } from '../src/provisions/provision.js';
import { whole } from '../src/rules/check.js';
import { edgeOf, overrides, record } from './support/formula-records.js';

const MAX = Number.MAX_SAFE_INTEGER;
/** What a helper's arguments can be: numbers of the fast path (unknown, NaN, −0, the limits), field values, codes. */
const VALUES: unknown[] = [undefined, null, Number.NaN, 0, -0, 1, -1, 3, 7, 600, MAX, -MAX, MAX + 1, 2 ** 60, 1.5, '12', '1.5', 'x', true, false];
/** Later arguments of the comparisons, the division and the rescaling: literal multipliers and modes. */
const SMALL: unknown[] = [0, 1, 2, 20, -3, 2 ** 40];

/** The inline form of helper `name` as a function of its arguments. */
function inlined(name: string, arity: number): (...args: unknown[]) => unknown {
  const args = Array.from({ length: arity }, (_, i) => `a${i}`);
  let n = 0;
  const parts = INLINE[name]!(args, () => `t${n++}`);
  const temps = Array.from({ length: n }, (_, i) => `t${i}`);
  const body = `${temps.length ? `let ${temps.join(', ')};` : ''}${parts
    .slice(0, -1)
    .map((p) => `${p};`)
    .join('')} return ${parts[parts.length - 1]};`;
  return new Function('whole', ...args, body).bind(null, whole) as (...args: unknown[]) => unknown;
}

/** Every combination of arguments: the full list for the first two, the small one after. */
function* argumentsOf(arity: number, at = 0): Generator<unknown[]> {
  if (at === arity) return yield [];
  for (const v of at < 2 ? VALUES : SMALL) for (const rest of argumentsOf(arity, at + 1)) yield [v, ...rest];
}

describe('each helper written out inline gives what the helper gives', () => {
  for (const name of Object.keys(INLINE)) {
    plainTest(name, () => {
      const helper = FAST_HELPERS[name] as (...args: unknown[]) => unknown;
      expect(helper, `${name} is a helper of fast.ts`).toBeTypeOf('function');
      const inline = inlined(name, helper.length);
      let compared = 0;
      for (const args of argumentsOf(helper.length)) {
        const want = helper(...args);
        const got = inline(...args);
        if (!Object.is(got, want)) expect({ args, got }).toEqual({ args, got: want });
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});

const policyYearRecord = fc.tuple(overrides, fc.constantFrom(2013, 2016, undefined)).chain(([o, year]) => {
  const policy = createPolicy(o);
  return fc.tuple(fc.constant(policy), fc.constant(year), fc.array(fc.oneof(record, edgeOf(policy, year)), { minLength: 1, maxLength: 8 }));
});

describe("the policy's decider gives each check's status", () => {
  test.prop([policyYearRecord], { numRuns: 300 })('on generated policies, years and records (urban and rural)', ([policy, year, records]) => {
    const k = compile(policy, year);
    expect(k.decide).toBeTypeOf('function');
    const out = new Uint8Array(records.length * k.n).fill(9);
    records.forEach((c, i) => k.decide!(c, out, i * k.n));
    records.forEach((c, i) => {
      const want = k.community.map((check, j) => (c.kind === 'urban' || check.rural ? check.status(c, k.per[j]) : 0));
      expect([...out.subarray(i * k.n, (i + 1) * k.n)], JSON.stringify(c)).toEqual(want);
    });
  });

  plainTest('every formula check of the city is written out inline (none left to its status but where the integers cannot decide)', () => {
    const k = compile(createPolicy(), 2013);
    const source = deciderSource(k.community, k.per);
    k.community.forEach((check, j) => {
      expect(check.formula, check.provision).toBeDefined();
      // The check's status is named once, in the branch where the integers cannot decide.
      expect(source.split(`st${j}(c, k${j})`).length - 1, check.provision).toBe(1);
      expect(source, check.provision).toContain(`out[at + ${j}] = t`);
    });
  });

  plainTest('a check without a formula is decided by its own status, rural or not', () => {
    const seen: unknown[] = [];
    const own = (rural: boolean, code: number): CommunityCheck => ({
      scope: 'community',
      provision: `X${code}`,
      clause: 'X',
      rural,
      compile: () => ({ code }),
      status(c, k) {
        seen.push([c.id, k]);
        return (k as { code: number }).code;
      },
      detail: () => ({ expected: null, actual: null }),
      message: () => ({ zh: '', en: '' }),
    });
    const checks = [own(true, 1), own(false, 2)];
    const per = checks.map((c) => c.compile(createPolicy(), 2013));
    const decide = batchDecider(checks, per)!;
    const out = new Uint8Array(4);
    decide({ id: 'u', name: 'u', kind: 'urban', households: 1, residents: 1 }, out, 0);
    decide({ id: 'r', name: 'r', kind: 'rural', households: 1, residents: 1 }, out, 2);
    expect([...out]).toEqual([1, 2, 1, 0]);
    expect(seen).toEqual([
      ['u', { code: 1 }],
      ['u', { code: 2 }],
      ['r', { code: 1 }],
    ]);
  });
});
