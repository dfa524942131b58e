import { describe, expect, test } from 'vitest';
import { createPolicy, Decimal, DEFAULT_PARAMETERS, PARAMETER_REFERENCES, requiredStaff, serviceRoomArea } from '../src/index.js';
import type { IssueCode } from '../src/errors.js';
import { codesOf } from './support/issues.js';

function leaves(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('DEFAULT_PARAMETERS: the policy’s numbers as data', () => {
  test('hold the numbers of Document A', () => {
    expect(DEFAULT_PARAMETERS).toEqual({
      baseYear: 2011,
      horizonYears: 3,
      targets: { urbanShare: 1, ruralShare: '0.9', interim: 'straight-path' },
      sizing: { households: 3000, residents: 8000, tolerance: '0.2' },
      rooms: { m2Per100Residents: 5 },
      staffing: { householdsPerWorker: 600, rounding: 'ceil' },
      rollout: { startYear: 2011, sharePerYear: '0.3', mode: 'share-of-all' },
      funding: { firstGrowthYear: 2012, growthRate: '0.1', mode: 'fixed-increment' },
      streetSubsidy: { minimumPerCommunityPerYear: 30000, proration: 'none' },
      developer: { thresholdM2: 200000, boundary: 'in-kind', fundsRate: '0.003' },
    });
  });

  test('are deeply frozen', () => {
    expect(Object.isFrozen(DEFAULT_PARAMETERS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PARAMETERS.staffing)).toBe(true);
    expect(() => {
      (DEFAULT_PARAMETERS.staffing as { householdsPerWorker: number }).householdsPerWorker = 1;
    }).toThrow(TypeError);
  });

  test('every parameter has a clause, a unit and a start date, and every reference a parameter', () => {
    const required = Object.entries(PARAMETER_REFERENCES)
      .filter(([, r]) => !r.optional)
      .map(([k]) => k);
    expect(required.sort()).toEqual(leaves(DEFAULT_PARAMETERS).sort());
    expect(Object.keys(PARAMETER_REFERENCES).filter((k) => !required.includes(k))).toEqual(['rooms.m2Per100Households']);
    for (const ref of Object.values(PARAMETER_REFERENCES)) {
      expect(ref.clause).toMatch(/^A\.\d(\.\d+)?$/);
      expect(ref.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(PARAMETER_REFERENCES['funding.growthRate']!.from).toBe('2012-01-01');
  });
});

describe('createPolicy', () => {
  test('without overrides computes like the root exports', () => {
    const policy = createPolicy();
    expect(policy.parameters).toBe(DEFAULT_PARAMETERS);
    expect(policy.requiredStaff({ households: 3100 }).staff).toBe(requiredStaff({ households: 3100 }).staff);
  });

  test('deep-merges: one override leaves the other numbers of its group alone', () => {
    const policy = createPolicy({ staffing: { rounding: 'floor' } });
    expect(policy.parameters.staffing).toEqual({ householdsPerWorker: 600, rounding: 'floor' });
    expect(policy.parameters.sizing).toEqual(DEFAULT_PARAMETERS.sizing);
  });

  test('fractions given as numbers are stored as exact decimal strings; integers as numbers', () => {
    const policy = createPolicy({ sizing: { tolerance: 0.15 }, rooms: { m2Per100Residents: '6.0' }, targets: { ruralShare: '1' } });
    expect(policy.parameters.sizing.tolerance).toBe('0.15');
    expect(policy.parameters.rooms.m2Per100Residents).toBe(6);
    expect(policy.parameters.targets.ruralShare).toBe(1);
  });

  test('an override never changes the defaults, another policy or the overrides object', () => {
    const overrides = Object.freeze({ staffing: Object.freeze({ householdsPerWorker: 500 }) });
    const a = createPolicy(overrides);
    const b = createPolicy({ staffing: { householdsPerWorker: 400 } });
    expect(a.requiredStaff({ households: 3000 }).staff).toBe(6);
    expect(b.requiredStaff({ households: 3000 }).staff).toBe(8);
    expect(requiredStaff({ households: 3000 }).staff).toBe(5);
    expect(DEFAULT_PARAMETERS.staffing.householdsPerWorker).toBe(600);
    expect(overrides).toEqual({ staffing: { householdsPerWorker: 500 } });
    expect(Object.isFrozen(a.parameters.staffing)).toBe(true);
    expect(Object.isFrozen(a)).toBe(true);
  });

  test('a consumer changing decimal.js settings does not change our results', () => {
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding };
    try {
      Decimal.set({ precision: 2, rounding: Decimal.ROUND_DOWN });
      expect(serviceRoomArea({ residents: 8001 }).areaM2.toString()).toBe('400.05');
    } finally {
      Decimal.set(saved);
    }
  });
});

describe('override bounds, at the edge', () => {
  const ok = (o: unknown) => expect(() => createPolicy(o as never)).not.toThrow();
  const bad = (o: unknown, path: string, code: IssueCode) => expect(codesOf(() => createPolicy(o as never))).toEqual([path ? `${path}: ${code}` : code]);

  test('years from 1900 to 2100, horizons from 1 to 100 years', () => {
    ok({ baseYear: 1900, funding: { firstGrowthYear: 1901 } });
    ok({ rollout: { startYear: 2100 } });
    bad({ rollout: { startYear: 1899 } }, 'rollout.startYear', 'not-a-year');
    bad({ rollout: { startYear: 2101 } }, 'rollout.startYear', 'not-a-year');
    ok({ horizonYears: 1 });
    ok({ horizonYears: 90 }); // 2011–2100
    ok({ baseYear: 2001, funding: { firstGrowthYear: 2002 }, horizonYears: 100 }); // 2001–2100
    // A deadline after 2100 is refused here, not later by the audit or the targets (issue 10).
    bad({ horizonYears: 100 }, 'horizonYears', 'out-of-range');
    bad({ baseYear: 2100, funding: { firstGrowthYear: 2101 } }, 'funding.firstGrowthYear', 'not-a-year');
    bad({ horizonYears: 0 }, 'horizonYears', 'out-of-range');
    bad({ horizonYears: 101 }, 'horizonYears', 'out-of-range');
    bad({ baseYear: '2011' }, 'baseYear', 'not-a-year');
  });

  test('decimal strings up to 50 characters; shares from 0 to 1', () => {
    ok({ sizing: { tolerance: `0.${'1'.repeat(48)}` } }); // 50 characters
    bad({ sizing: { tolerance: `0.${'1'.repeat(49)}` } }, 'sizing.tolerance', 'not-a-share');
    ok({ sizing: { tolerance: 0 } });
    ok({ sizing: { tolerance: 1 } });
    bad({ sizing: { tolerance: Infinity } }, 'sizing.tolerance', 'not-a-share');
    bad({ rollout: { sharePerYear: '1.5' } }, 'rollout.sharePerYear', 'not-a-share');
    bad({ rollout: { sharePerYear: 0 } }, 'rollout.sharePerYear', 'out-of-range');
    bad({ rooms: { m2Per100Residents: 0 } }, 'rooms.m2Per100Residents', 'out-of-range');
    bad({ staffing: { rounding: 1 } }, 'staffing.rounding', 'not-an-option');
  });

  test('an undefined value or group means "keep the default"; a Date, a Map or an array is not an object of parameters', () => {
    expect(createPolicy({ staffing: undefined, baseYear: undefined, sizing: { tolerance: undefined } }).parameters).toEqual(DEFAULT_PARAMETERS);
    bad({ staffing: new Date(0) }, 'staffing', 'not-an-object');
    bad({ staffing: [600] }, 'staffing', 'not-an-object');
    bad(new Map(), '', 'not-an-object');
  });

  test('values are stored exactly: integers as numbers, fractions as canonical decimal strings', () => {
    const p = createPolicy({
      rooms: { m2Per100Residents: '5.0' },
      sizing: { tolerance: '0.250' },
      streetSubsidy: { minimumPerCommunityPerYear: 30000.5 },
    }).parameters;
    expect([p.rooms.m2Per100Residents, p.sizing.tolerance, p.streetSubsidy.minimumPerCommunityPerYear]).toEqual([5, '0.25', '30000.5']);
  });
});

describe('a policy on a day (parameters amended from a date)', () => {
  test('the policy as written has no amendment yet: on any day, the first values', () => {
    expect(createPolicy({}, { on: '2013-06-30' }).parameters).toEqual(createPolicy().parameters);
    expect(createPolicy(undefined, { on: new Date(2020, 0, 1) }).parameters.staffing.householdsPerWorker).toBe(600);
  });
  test('a bad day or an unknown option is refused by name', () => {
    expect(codesOf(() => createPolicy({}, { on: '2013-02-30' }))).toEqual(['on: not-a-date']);
    expect(codesOf(() => createPolicy({}, { day: '2013-01-01' } as never))).toEqual(['day: unknown-field']);
  });
});
