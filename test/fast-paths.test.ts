/**
 * Every community check's fast path (integers where the numbers fit) gives
 * the verdict of its exact path (Decimals), on generated records and
 * policies: a loop over the registry, so a new check with a fast path is
 * held to it the day it is added (issue 11, point 6).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createPolicy, type ParameterOverrides } from '../src/index.js';
import { relativeShortfall, shapeOf, type Finding } from '../src/evaluate/evaluate.js';
import { FAIL } from '../src/rules/check.js';
import { approxDiv, D } from '../src/decimal.js';
import type { CommunityRecord } from '../src/evaluate/dataset.js';

// The community checks of the city's list, each at its position (a loop over the policy's list: a new check is held to it the day it is added).
const SHAPE = shapeOf(createPolicy());
const COMMUNITY_CHECKS = SHAPE.community;
const findingKind = SHAPE.kind;

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

/** Hundredths as a plain decimal string: 12345 → '123.45'. */
const hundredths = (n: number) => `${Math.trunc(n / 100)}.${String(Math.abs(n % 100)).padStart(2, '0')}`;
/**
 * Records on the edges of the policy as written, where a fast path and an exact path part first: sizes at ±20 % of
 * 3,000 households and 8,000 residents and a step either side, rooms of exactly 5 m² per 100 residents and a
 * hundredth either side, a subsidy of exactly 30,000 yuan and a fen either side, exactly the workers due and one
 * either side.
 */
const edge: fc.Arbitrary<CommunityRecord> = fc
  .record({
    households: fc.constantFrom(2399, 2400, 2401, 3000, 3599, 3600, 3601),
    residents: fc.constantFrom(6399, 6400, 6401, 8000, 9599, 9600, 9601),
    rooms: fc.constantFrom(-100, -1, 0, 1, 100),
    subsidy: fc.constantFrom(-100, -1, 0, 1, 100),
    staff: fc.constantFrom(-1, 0, 1),
    whole: fc.boolean(),
  })
  .map(({ households, residents, rooms, subsidy, staff, whole }) => {
    const need = residents * 5 + rooms; // in hundredths of m²
    const paid = 3_000_000 + subsidy; // in fen
    return {
      id: 'c',
      name: 'n',
      kind: 'urban' as const,
      households,
      residents,
      staff: Math.ceil(households / 600) + staff,
      roomAreaM2: whole && need % 100 === 0 ? need / 100 : hundredths(need),
      streetSubsidyPaid: whole && paid % 100 === 0 ? paid / 100 : hundredths(paid),
    };
  });
const records = fc.oneof(record, edge);
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
    test.prop([records, overrides, fc.constantFrom(2013, undefined)], { numRuns: 400 })(`${check.provision}`, (c, o, year) => {
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
    test.prop([records, overrides, fc.constantFrom(2013, undefined)], { numRuns: 400 })(`${check.provision}`, (c, o, year) => {
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
