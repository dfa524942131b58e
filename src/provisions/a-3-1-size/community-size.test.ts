import { describe, expect, expectTypeOf, test } from 'vitest';
import { createPolicy } from '../../create-policy.js';
import { Decimal } from '../../decimal.js';
import { communitySize } from './community-size.js';

describe('communitySize (Q4, Q5, I4; A.3.1): about 3,000 households and 8,000 residents', () => {
  test('the TSDoc examples hold', () => {
    expect(communitySize({ households: 3600, residents: 8000 }).withinGuideline).toBe(true);
    expect(communitySize({ households: 3601, residents: 8000 }).withinGuideline).toBe(false);
    expect(communitySize({ households: 3300, residents: 6000 }).residentDeviation.toString()).toBe('-0.25');
  });

  test('a community of exactly 3,000 households and 8,000 residents has no deviation', () => {
    const r = communitySize({ households: 3000, residents: 8000 });
    expect(r.householdDeviation.toString()).toBe('0');
    expect(r.residentDeviation.toString()).toBe('0');
    expect(r.withinGuideline).toBe(true);
    expect(r.clause).toBe('A.3.1');
    expect(r.interpretations).toEqual([{ id: 'I4', choice: '0.2' }]);
  });

  test.each([
    ['20 % below on both counts is still "about" (bounds included)', 2400, 6400, '-0.2', '-0.2', true],
    ['20 % above on both counts is still "about"', 3600, 9600, '0.2', '0.2', true],
    ['one household too many fails', 3601, 8000, '0.20033333333333333333', '0', false],
    ['one resident too few fails', 3000, 6399, '0', '-0.200125', false],
    ['half the size fails', 1500, 4000, '-0.5', '-0.5', false],
    ['an empty area is 100 % below', 0, 0, '-1', '-1', false],
  ])('%s', (_name, households, residents, hDev, rDev, within) => {
    const r = communitySize({ households, residents });
    expect(r.householdDeviation.toString()).toBe(hDev);
    expect(r.residentDeviation.toString()).toBe(rDev);
    expect(r.withinGuideline).toBe(within);
  });

  test('a deviation that does not terminate is given to 20 significant digits; the trace shows it as a percentage marked ≈', () => {
    const r = communitySize({ households: 3100, residents: 8000 });
    // 100 / 3000 = 1/30 = 3.333… %, shown to one decimal
    expect(r.householdDeviation.toString()).toBe('0.033333333333333333333');
    expect(r.trace[0]!.en).toBe('Households deviation: (3,100 − 3,000) ÷ 3,000 ≈ 3.3 %, within ±20 %');
    expect(r.trace[0]!.zh).toBe('户数偏差：(3,100 − 3,000) ÷ 3,000 ≈ 3.3 %，在 ±20 % 以内');
    // 0 deviation is exact and shown as it is
    expect(r.trace[1]!.zh).toBe('人口偏差：(8,000 − 8,000) ÷ 8,000 = 0 %，在 ±20 % 以内');
  });

  test('each count is judged on its own', () => {
    const r = communitySize({ households: 3000, residents: 12000 });
    expect(r.householdsWithin).toBe(true);
    expect(r.residentsWithin).toBe(false);
    expect(r.withinGuideline).toBe(false);
  });

  test('a tighter reading of "about" (±10 %) moves the bound', () => {
    const policy = createPolicy({ sizing: { tolerance: '0.1' } });
    expect(policy.communitySize({ households: 3300, residents: 8800 }).withinGuideline).toBe(true);
    expect(policy.communitySize({ households: 3301, residents: 8800 }).withinGuideline).toBe(false);
    expect(policy.communitySize({ households: 3300, residents: 8800 }).interpretations).toEqual([{ id: 'I4', choice: '0.1' }]);
  });

  test('deviations are Decimals', () => {
    const r = communitySize({ households: 3000, residents: 8000 });
    expect(r.householdDeviation).toBeInstanceOf(Decimal);
    expectTypeOf(r.householdDeviation).toEqualTypeOf<Decimal>();
  });
});
