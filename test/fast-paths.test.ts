/**
 * Every community check's fast path (integers where the numbers fit) gives
 * the verdict of its exact path (Decimals), on generated records and
 * policies: a loop over the registry, so a new check with a fast path is
 * held to it the day it is added (issue 11, point 6).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createPolicy, type ParameterOverrides } from '../src/index.js';
import { COMMUNITY_CHECKS, relativeShortfall, type Finding } from '../src/evaluate/evaluate.js';
import { FAIL } from '../src/evaluate/check.js';
import { approxDiv, D } from '../src/decimal.js';
import { findingKind } from '../src/provisions/registry.js';
import type { CommunityRecord } from '../src/evaluate/dataset.js';

const near = (n: number) =>
  fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: Math.max(0, n - 50), max: n + 50 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
const amount = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 99_999_999 })).map(([w, f]) => `${w}.${String(f).padStart(8, '0')}`),
  fc.constant('399.99999999999999'),
);
const record: fc.Arbitrary<CommunityRecord> = fc
  .record(
    {
      id: fc.constant('c'),
      name: fc.constant('n'),
      kind: fc.constantFrom('urban' as const, 'rural' as const),
      households: near(3000),
      residents: near(8000),
      floatingHouseholds: fc.integer({ min: 0, max: 5000 }),
      staff: fc.integer({ min: 0, max: 40 }),
      roomAreaM2: amount,
      streetSubsidyPaid: amount,
      activeFrom: fc.constantFrom('2013-07-01', '2013-01-01', '2013-12-31'),
    },
    { requiredKeys: ['id', 'name', 'kind', 'households', 'residents'] },
  )
  .filter((c) => Number.isSafeInteger(c.households + (c.floatingHouseholds ?? 0)));
const overrides: fc.Arbitrary<ParameterOverrides> = fc.record(
  {
    sizing: fc.record(
      {
        tolerance: fc.oneof(
          fc.constantFrom('0.2', '0.15', '0.333333333333', '0'),
          fc.integer({ min: 0, max: 1000 }).map((n) => `${n / 1000}`),
        ),
      },
      { requiredKeys: [] },
    ),
    rooms: fc.record(
      {
        m2Per100Residents: fc.oneof(
          fc.integer({ min: 1, max: 50 }),
          fc.integer({ min: 1, max: 5000 }).map((n) => `${n / 100}`),
        ),
      },
      { requiredKeys: [] },
    ),
    streetSubsidy: fc.record(
      {
        minimumPerCommunityPerYear: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant('30000.5')),
        proration: fc.constantFrom('none' as const, 'by-days' as const),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('fast path equals exact path, for every community check that has both', () => {
  const checks = COMMUNITY_CHECKS.filter((c) => c.exact !== undefined);
  test('there are such checks (size, rooms, subsidy today)', () => {
    expect(checks.length).toBeGreaterThanOrEqual(3);
  });
  for (const check of checks) {
    test.prop([record, overrides, fc.constantFrom(2013, undefined)], { numRuns: 400 })(`${check.provision}`, (c, o, year) => {
      const k = check.compile(createPolicy(o), year);
      expect(check.status(c, k)).toBe(check.exact!(c, k));
    });
  }
});

describe('the quick shortfall a tally reads (integers) equals the exact finding’s, for every community check that has one', () => {
  const checks = COMMUNITY_CHECKS.filter((c) => c.quick !== undefined);
  test('there are such checks (size, rooms, staff, subsidy today)', () => {
    expect(checks.length).toBeGreaterThanOrEqual(4);
  });
  for (const check of checks) {
    test.prop([record, overrides, fc.constantFrom(2013, undefined)], { numRuns: 400 })(`${check.provision}`, (c, o, year) => {
      const k = check.compile(createPolicy(o), year);
      if (check.exact ? check.exact(c, k) !== FAIL : check.status(c, k) !== FAIL) return;
      const q = { num: 0, den: 0, owe: 0 };
      // False when the integers would not be exact: the tally then asks the finding itself.
      if (!check.quick!(c, k, q)) return;
      const d = check.detail(c, k, true);
      // Its relative shortfall, as the tally orders the worst: the exact fraction against the finding's (which is
      // shown to 20 significant digits where it does not terminate), so equal to 15 digits.
      // A denominator of 0 (a tolerance of 0) leaves the order to the finding's own key.
      const exact = relativeShortfall({ shortfall: d.shortfall, expected: d.expected } as Finding);
      if (q.den !== 0) expect(approxDiv(q.num, q.den).minus(exact).abs().lte(exact.abs().times('1e-15')), `${q.num}/${q.den} against ${exact}`).toBe(true);
      // What it owes, in the check's units, exactly.
      if (findingKind(check.provision)?.owed) expect(new D(q.owe).eq(d.shortfall!.times(check.owedScale ?? 1)), `${q.owe} against ${d.shortfall}`).toBe(true);
    });
  }
});
