/**
 * Generated policies and community records for the tests of the checks' formulas and of their SQL: policies with
 * every reading and overridden numbers, records of every shape the schema takes, and records on a policy's own
 * edges, where a verdict turns.
 */
import { fc } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { D } from '../../src/decimal.js';
import type { CommunityRecord } from '../../src/evaluate/dataset.js';
import type { ParameterOverrides, Policy } from '../../src/index.js';

// ——— generated policies: every reading, and numbers overridden ———

export const overrides: fc.Arbitrary<ParameterOverrides> = fc.record(
  {
    sizing: fc.record(
      {
        households: fc.integer({ min: 1, max: 10_000 }),
        residents: fc.integer({ min: 1, max: 30_000 }),
        tolerance: fc.oneof(
          fc.constantFrom('0.2', '0.1', '0.15', '0.333333333333', '0'),
          fc.integer({ min: 0, max: 1000 }).map((x) => `${x / 1000}`),
        ),
      },
      { requiredKeys: [] },
    ),
    rooms: fc.record(
      {
        m2Per100Residents: fc.oneof(
          fc.integer({ min: 1, max: 50 }),
          fc.integer({ min: 1, max: 5000 }).map((x) => `${x / 100}`),
        ),
        m2Per100Households: fc.oneof(
          fc.integer({ min: 1, max: 50 }),
          fc.integer({ min: 1, max: 50_000 }).map((x) => `${x / 1000}`),
        ),
      },
      { requiredKeys: [] },
    ),
    staffing: fc.record(
      { householdsPerWorker: fc.integer({ min: 1, max: 2000 }), rounding: fc.constantFrom('ceil' as const, 'floor' as const, 'half-up' as const) },
      { requiredKeys: [] },
    ),
    streetSubsidy: fc.record(
      {
        minimumPerCommunityPerYear: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('30000.5', '12345.67')),
        proration: fc.constantFrom('none' as const, 'by-days' as const),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

export const decimalText = fc
  .tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 8 }))
  .map(([w, f, places]) => (places === 0 ? String(w) : `${w}.${String(f).padStart(8, '0').slice(0, places)}`));
const anyAmount = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  decimalText,
  fc.constant('399.99999999999999'),
);
export const day = fc.constantFrom('2012-03-01', '2013-01-01', '2013-07-01', '2013-12-31', '2014-01-01', '2012-02-29', '2016-02-29');

export const record: fc.Arbitrary<CommunityRecord> = fc
  .record(
    {
      id: fc.constant('c'),
      name: fc.constant('n'),
      kind: fc.constantFrom('urban' as const, 'rural' as const),
      households: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
      residents: fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
      floatingHouseholds: fc.integer({ min: 0, max: 5000 }),
      staff: fc.integer({ min: 0, max: 40 }),
      roomAreaM2: anyAmount,
      streetSubsidyPaid: anyAmount,
      roomsOnGroundFloor: fc.boolean(),
      oneStopWindow: fc.boolean(),
      activeFrom: day,
    },
    { requiredKeys: ['id', 'name', 'kind', 'households', 'residents'] },
  )
  .filter((c) => Number.isSafeInteger(c.households + (c.floatingHouseholds ?? 0)));

/**
 * A record on the edges of a given policy, where a verdict turns: a size at tolerance × guideline and a step either
 * side, the workers due and one either side, the room area and the subsidy due and a hundredth either side.
 */
export function edgeOf(policy: Policy, year: number | undefined): fc.Arbitrary<CommunityRecord> {
  const { sizing } = policy.parameters;
  const bound = (s: number) => new D(sizing.tolerance).times(s).floor().toNumber();
  return fc
    .record({
      hs: fc.constantFrom(-1, 1),
      rs: fc.constantFrom(-1, 1),
      hStep: fc.constantFrom(-1, 0, 1),
      rStep: fc.constantFrom(-1, 0, 1),
      staff: fc.constantFrom(-1, 0, 1),
      rooms: fc.constantFrom('-0.01', '0', '0.01'),
      subsidy: fc.constantFrom('-0.01', '0', '0.01'),
      floating: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      activeFrom: fc.option(day, { nil: undefined }),
    })
    .map(({ hs, rs, hStep, rStep, staff, rooms, subsidy, floating, activeFrom }) => {
      const households = Math.max(0, sizing.households + hs * bound(sizing.households) + hStep);
      const residents = Math.max(0, sizing.residents + rs * bound(sizing.residents) + rStep);
      const due = policy.requiredStaff({ households, floatingHouseholds: floating }).staff;
      const need = policy.serviceRoomArea({ residents, households }).areaM2;
      const min =
        year === undefined ? new D(30000) : policy.streetSubsidyMinimum({ communities: 1, year, ...(activeFrom !== undefined && { activeFrom }) }).perCommunity;
      const nonNegative = (x: Decimal) => (x.isNegative() ? '0' : x.toFixed());
      return {
        id: 'e',
        name: 'e',
        kind: 'urban' as const,
        households,
        residents,
        ...(floating !== undefined && { floatingHouseholds: floating }),
        staff: Math.max(0, due + staff),
        roomAreaM2: nonNegative(need.plus(rooms)),
        streetSubsidyPaid: nonNegative(min.plus(subsidy)),
        ...(activeFrom !== undefined && { activeFrom }),
      };
    });
}
