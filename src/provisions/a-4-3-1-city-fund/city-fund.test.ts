import { describe, expect, test } from 'vitest';
import { createPolicy } from '../../create-policy.js';
import { Decimal } from '../../decimal.js';
import { cityFundBudget, cityFundSchedule } from './city-fund.js';

const compound = createPolicy({ funding: { mode: 'compound' } });

describe('cityFundBudget (Q9, I1; A.4.3): +10 % of the 2011 total each year from 2012', () => {
  test('the TSDoc examples hold', () => {
    expect(cityFundBudget({ baseYearTotal: 1000000, year: 2012 }).amount.toString()).toBe('1100000');
    expect(cityFundBudget({ baseYearTotal: 1000000, year: 2013 }).amount.toString()).toBe('1200000');
    expect(compound.cityFundBudget({ baseYearTotal: 1000000, year: 2013 }).amount.toString()).toBe('1210000');
    expect(cityFundSchedule({ baseYearTotal: 1000000, from: 2011, to: 2013 }).rows.map((r) => r.amount.toString())).toEqual(['1000000', '1100000', '1200000']);
  });

  test('the base year itself gives the base amount', () => {
    const r = cityFundBudget({ baseYearTotal: 1000000, year: 2011 });
    expect(r.amount.toString()).toBe('1000000');
    expect(r.growthYears).toBe(0);
    expect(r.clause).toBe('A.4.3');
    expect(r.interpretations).toEqual([{ id: 'I1', choice: 'fixed-increment' }]);
  });

  test.each([
    [2014, '1300000'],
    [2016, '1500000'],
    [2021, '2000000'],
  ])('with a 1,000,000 base the fixed reading asks in %i for %s', (year, amount) => {
    expect(cityFundBudget({ baseYearTotal: 1000000, year }).amount.toString()).toBe(amount);
  });

  test.each([
    [2014, '1331000'],
    [2016, '1610510'],
    [2021, '2593742.4601'],
  ])('with a 1,000,000 base the compound reading asks in %i for %s', (year, amount) => {
    expect(compound.cityFundBudget({ baseYearTotal: 1000000, year }).amount.toString()).toBe(amount);
  });

  test('a base with half a yuan stays exact: 199,999.5 → 219,999.45 in 2012', () => {
    expect(cityFundBudget({ baseYearTotal: '199999.5', year: 2012 }).amount.toString()).toBe('219999.45');
    expect(cityFundBudget({ baseYearTotal: new Decimal('199999.5'), year: 2012 }).amount.toString()).toBe('219999.45');
  });

  test('compound growth over 89 years is exact to the last digit', () => {
    // 1.1^89 = 11^89 / 10^89; with a base of 1 the amount is exactly that.
    const expected = (11n ** 89n).toString().padStart(90, '0');
    const amount = compound.cityFundBudget({ baseYearTotal: 1, year: 2100 }).amount;
    expect(amount.toFixed()).toBe(`${expected.slice(0, -89)}.${expected.slice(-89)}`.replace(/0+$/, ''));
  });

  test('compound growth at an unusual rate over 89 years is still exact', () => {
    const policy = createPolicy({ funding: { mode: 'compound', growthRate: '0.123456789123' } });
    const amount = policy.cityFundBudget({ baseYearTotal: 1, year: 2100 }).amount;
    const digits = (1123456789123n ** 89n).toString();
    expect(amount.toFixed()).toBe(`${digits.slice(0, -12 * 89)}.${digits.slice(-12 * 89)}`.replace(/0+$/, ''));
  });

  test('the schedule shows the increase of each year', () => {
    const fixed = cityFundSchedule({ baseYearTotal: 1000000, from: 2011, to: 2014 }).rows.map((r) => r.increase.toString());
    expect(fixed).toEqual(['0', '100000', '100000', '100000']);
    const comp = compound.cityFundSchedule({ baseYearTotal: 1000000, from: 2013, to: 2014 }).rows.map((r) => r.increase.toString());
    expect(comp).toEqual(['110000', '121000']);
  });

  test('a growth that starts later keeps the budget flat until then', () => {
    const later = createPolicy({ funding: { firstGrowthYear: 2013 } });
    expect(later.cityFundBudget({ baseYearTotal: 1000000, year: 2012 }).amount.toString()).toBe('1000000');
    expect(later.cityFundBudget({ baseYearTotal: 1000000, year: 2013 }).amount.toString()).toBe('1100000');
  });
});

describe('the base year total under its name before 0.2 (baseAmount, deprecated)', () => {
  test('is still taken, with the same result', () => {
    expect(cityFundBudget({ baseAmount: 1000000, year: 2013 }).amount.toString()).toBe('1200000');
    expect(cityFundSchedule({ baseAmount: 1000000, from: 2011, to: 2012 }).rows.map((r) => r.amount.toString())).toEqual(['1000000', '1100000']);
  });

  test('is refused beside its new name, and a bad value is reported under the name given', () => {
    const codes = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { issues: { path: string; code: string }[] }).issues.map((i) => `${i.path}: ${i.code}`);
      }
      return [];
    };
    expect(codes(() => cityFundBudget({ baseAmount: 1, baseYearTotal: 1, year: 2012 } as never))).toEqual(['baseAmount: unknown-field']);
    expect(codes(() => cityFundBudget({ baseAmount: -1, year: 2012 }))).toEqual(['baseAmount: not-an-amount']);
    expect(codes(() => cityFundSchedule({ from: 2011, to: 2012 } as never))).toEqual(['baseYearTotal: not-an-amount']);
  });
});
