/**
 * Bad input never gets through: each row is an input that the policy cannot
 * be applied to, and must throw PolicyInputError naming the field — never a
 * TypeError, never a result.
 */
import { describe, expect, test } from 'vitest';
import { codesOf } from './support/issues.js';
import * as lib from '../src/index.js';
import { PolicyInputError } from '../src/index.js';

type Call = () => unknown;
const cases: [string, Call, string][] = [
  // counts
  ['households as a string', () => lib.requiredStaff({ households: '3000' as never }), 'households'],
  ['households as a fraction', () => lib.requiredStaff({ households: 600.5 }), 'households'],
  ['households negative', () => lib.requiredStaff({ households: -1 }), 'households'],
  ['households NaN', () => lib.requiredStaff({ households: NaN }), 'households'],
  ['households Infinity', () => lib.requiredStaff({ households: Infinity }), 'households'],
  ['households null', () => lib.requiredStaff({ households: null as never }), 'households'],
  ['households missing', () => lib.requiredStaff({} as never), 'households'],
  ['households beyond safe integers', () => lib.requiredStaff({ households: 2 ** 53 }), 'households'],
  ['households as a bigint', () => lib.requiredStaff({ households: 3000n as never }), 'households'],
  ['floatingHouseholds negative', () => lib.requiredStaff({ households: 1, floatingHouseholds: -5 }), 'floatingHouseholds'],
  ['a misspelt field is refused, not dropped', () => lib.requiredStaff({ households: 1, floatingHousehold: 5 } as never), 'floatingHousehold'],
  ['input that is not an object', () => lib.requiredStaff(3000 as never), ''],
  ['input that is null', () => lib.serviceRoomArea(null as never), ''],
  ['input that is an array', () => lib.serviceRoomArea([8000] as never), ''],
  ['residents as a boolean', () => lib.serviceRoomArea({ residents: true as never }), 'residents'],
  ['residents fractional in communitySize', () => lib.communitySize({ households: 3000, residents: 7999.9 }), 'residents'],
  ['households missing in planCommunities', () => lib.planCommunities({ residents: 8000 } as never), 'households'],
  // years
  ['year as a string', () => lib.ruralRollout({ year: '2012' as never }), 'year'],
  ['year fractional', () => lib.ruralRollout({ year: 2012.5 }), 'year'],
  ['year out of range', () => lib.targets({ year: 20130 }), 'year'],
  ['villages negative', () => lib.ruralRollout({ year: 2012, villages: -3 }), 'villages'],
  ['schedule ending before it starts', () => lib.ruralRolloutSchedule({ from: 2014, to: 2011 }), 'to'],
  ['fund year before the base year', () => lib.cityFundBudget({ baseYearTotal: 1000000, year: 2010 }), 'year'],
  ['fund schedule from before the base year', () => lib.cityFundSchedule({ baseYearTotal: 1, from: 2009, to: 2012 }), 'from'],
  // amounts
  ['baseYearTotal negative', () => lib.cityFundBudget({ baseYearTotal: -1, year: 2012 }), 'baseYearTotal'],
  ['baseYearTotal NaN', () => lib.cityFundBudget({ baseYearTotal: NaN, year: 2012 }), 'baseYearTotal'],
  ['baseYearTotal an unparsable string', () => lib.cityFundBudget({ baseYearTotal: '1,000,000', year: 2012 }), 'baseYearTotal'],
  ['baseYearTotal a negative Decimal', () => lib.cityFundBudget({ baseYearTotal: new lib.Decimal(-5), year: 2012 }), 'baseYearTotal'],
  ['baseYearTotal an infinite Decimal', () => lib.cityFundBudget({ baseYearTotal: new lib.Decimal(Infinity), year: 2012 }), 'baseYearTotal'],
  ['floorAreaM2 Infinity', () => lib.developerObligation({ floorAreaM2: Infinity }), 'floorAreaM2'],
  ['floorAreaM2 as hexadecimal', () => lib.developerObligation({ floorAreaM2: '0x10' }), 'floorAreaM2'],
  ['pricePerM2 negative', () => lib.developerObligation({ floorAreaM2: 1000, pricePerM2: -3000 }), 'pricePerM2'],
  ['residents fractional in developerObligation', () => lib.developerObligation({ floorAreaM2: 250000, residents: 1.5 }), 'residents'],
  // dates
  ['communities as a string', () => lib.streetSubsidyMinimum({ communities: 'ten' as never }), 'communities'],
  ['activeFrom not a date', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: 'July' }), 'activeFrom'],
  // createPolicy
  ['an unknown parameter group', () => lib.createPolicy({ staff: {} } as never), 'staff'],
  ['a misspelt parameter', () => lib.createPolicy({ staffing: { householdsPerWroker: 500 } } as never), 'staffing.householdsPerWroker'],
  ['householdsPerWorker 0', () => lib.createPolicy({ staffing: { householdsPerWorker: 0 } }), 'staffing.householdsPerWorker'],
  ['householdsPerWorker fractional', () => lib.createPolicy({ staffing: { householdsPerWorker: 600.5 } }), 'staffing.householdsPerWorker'],
  ['an unknown rounding', () => lib.createPolicy({ staffing: { rounding: 'round' as never } }), 'staffing.rounding'],
  ['a tolerance above 1', () => lib.createPolicy({ sizing: { tolerance: 1.5 } }), 'sizing.tolerance'],
  ['a share as text that is not a number', () => lib.createPolicy({ targets: { ruralShare: 'ninety' } }), 'targets.ruralShare'],
  ['a negative growth rate', () => lib.createPolicy({ funding: { growthRate: '-0.1' } }), 'funding.growthRate'],
  ['a zero rollout share', () => lib.createPolicy({ rollout: { sharePerYear: 0 } }), 'rollout.sharePerYear'],
  ['a growth that starts before its base', () => lib.createPolicy({ funding: { firstGrowthYear: 2011 } }), 'funding.firstGrowthYear'],
  ['a group that is not an object', () => lib.createPolicy({ sizing: 5 } as never), 'sizing'],
  ['overrides that are not an object', () => lib.createPolicy('strict' as never), ''],
  ['a __proto__ key', () => lib.createPolicy(JSON.parse('{"__proto__": {"polluted": true}}')), '__proto__'],
  ['a nested __proto__ key', () => lib.createPolicy(JSON.parse('{"staffing": {"__proto__": {"polluted": true}}}')), 'staffing.__proto__'],
  ['a constructor key', () => lib.createPolicy(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')), 'constructor'],
  ['formatTrace in an unknown language', () => lib.formatTrace([], 'fr' as never), 'lang'],
];

describe('every invalid input throws PolicyInputError naming the field', () => {
  test(`the table has at least 30 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  test.each(cases)('%s', (_name, call, path) => {
    let error: unknown;
    try {
      const result = call();
      expect.fail(`expected PolicyInputError, got a result: ${JSON.stringify(result)}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyInputError);
    const issues = (error as PolicyInputError).issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.path)).toContain(path);
    for (const issue of issues) expect(issue.message).toMatch(/expected|unknown/);
    expect((error as Error).message).toContain(path);
  });

  test('no prototype was polluted along the way', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('several problems are reported together', () => {
    try {
      lib.communitySize({ households: -1, residents: 'many' as never });
      expect.fail('no error');
    } catch (e) {
      expect((e as PolicyInputError).issues.map((i) => i.path)).toEqual(['households', 'residents']);
    }
  });

  test('an issue names its code, what it got and what is allowed (the words: test/__snapshots__/issue-messages.txt)', () => {
    expect(codesOf(() => lib.requiredStaff({ households: '3k' as never }))).toEqual(['households: not-a-count']);
    expect(codesOf(() => lib.createPolicy({ staffing: { householdsPerWroker: 500 } } as never))).toEqual(['staffing.householdsPerWroker: unknown-field']);
    try {
      lib.requiredStaff({ households: '3k' as never });
    } catch (e) {
      expect((e as PolicyInputError).issues[0]).toMatchObject({ expected: 'a whole number ≥ 0 (a safe integer)', received: '"3k"' });
    }
  });
});
