import { describe, expect, test } from 'vitest';
import { createPolicy } from '../../create-policy.js';
import { PolicyInputError } from '../../errors.js';
import { streetSubsidyMinimum } from './street-subsidy.js';

const byDays = createPolicy({ streetSubsidy: { proration: 'by-days' } });

describe('streetSubsidyMinimum (Q10, I8; A.4.3): at least 30,000 yuan per community per year', () => {
  test('the TSDoc examples hold', () => {
    expect(streetSubsidyMinimum({ communities: 10 }).amount.toString()).toBe('300000');
    expect(byDays.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-07-01' }).amount.toString()).toBe('15123.29');
  });

  test('10 communities need 300,000 yuan a year', () => {
    const r = streetSubsidyMinimum({ communities: 10 });
    expect(r.perCommunity.toString()).toBe('30000');
    expect(r.clause).toBe('A.4.3');
    expect(r.interpretations).toEqual([{ id: 'I8', choice: 'none' }]);
  });

  test('no communities, no subsidy', () => {
    expect(streetSubsidyMinimum({ communities: 0 }).amount.toString()).toBe('0');
  });

  test('by default a community that starts on 1 July still gets the whole year’s 30,000', () => {
    const r = streetSubsidyMinimum({ communities: 2, year: 2013, activeFrom: '2013-07-01' });
    expect(r.amount.toString()).toBe('60000');
    expect(r.daysActive).toBe(184);
    expect(r.daysInYear).toBe(365);
  });

  test('a community that did not exist in that year gets nothing, whatever the reading', () => {
    expect(streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2014-01-01' }).amount.toString()).toBe('0');
    expect(byDays.streetSubsidyMinimum({ communities: 1, year: 2013, activeTo: '2012-12-31' }).amount.toString()).toBe('0');
  });

  test.each([
    ['a whole leap year is the whole amount', 2012, undefined, undefined, 1, '30000', 366],
    // 2012-03-01..2012-12-31 = 366 − 31 − 29 = 306 days; 30000 × 306 / 366 = 25081.967… → 25081.97
    ['from 1 March of the leap year 2012', 2012, '2012-03-01', undefined, 1, '25081.97', 306],
    // one day of 365: 30000 / 365 = 82.191… → 82.19 per community, × 3
    ['three communities for New Year’s Day only', 2013, undefined, '2013-01-01', 3, '246.57', 1],
    // 2013-04-01..2013-06-30 = 30 + 31 + 30 = 91 days; 30000 × 91 / 365 = 7479.452… → 7479.45
    ['the second quarter of 2013', 2013, '2013-04-01', '2013-06-30', 1, '7479.45', 91],
    // a period reaching past the year is cut at 31 December: 2013-10-01..2013-12-31 = 92 days → 7561.643… → 7561.64
    ['from October into the next year', 2013, '2013-10-01', '2014-05-01', 1, '7561.64', 92],
  ])('prorated by days (I8): %s', (_name, year, activeFrom, activeTo, communities, amount, days) => {
    const input = { communities, year, ...(activeFrom && { activeFrom }), ...(activeTo && { activeTo }) };
    const r = byDays.streetSubsidyMinimum(input);
    expect(r.amount.toString()).toBe(amount);
    expect(r.daysActive).toBe(days);
  });

  test('a Date is read as its calendar day', () => {
    const r = byDays.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: new Date(2013, 6, 1, 15, 30) });
    expect(r.amount.toString()).toBe('15123.29');
  });

  test('a fifth of the year is exactly a fifth of the amount, and a half cent rounds up', () => {
    expect(byDays.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-01-01', activeTo: '2013-03-14' }).amount.toString()).toBe('6000'); // 31 + 28 + 14 = 73 days = 1/5 of the year
    // 2012-01-01..2012-07-01 = 183 of 366 days: 0.01 × 183 / 366 = 0.005, half-up → 0.01
    const tiny = createPolicy({ streetSubsidy: { proration: 'by-days', minimumPerCommunityPerYear: '0.01' } });
    expect(tiny.streetSubsidyMinimum({ communities: 1, year: 2012, activeTo: '2012-07-01' }).amount.toString()).toBe('0.01');
  });

  test.each([
    ['dates without a year', { communities: 1, activeFrom: '2013-07-01' }, 'year'],
    ['an end before the start', { communities: 1, year: 2013, activeFrom: '2013-07-01', activeTo: '2013-06-30' }, 'activeTo'],
    ['a day that is not in the calendar', { communities: 1, year: 2013, activeFrom: '2013-02-30' }, 'activeFrom'],
    ['a date in another format', { communities: 1, year: 2013, activeFrom: '2013/07/01' }, 'activeFrom'],
    ['an invalid Date', { communities: 1, year: 2013, activeFrom: new Date('nope') }, 'activeFrom'],
  ])('refuses %s', (_name, input, path) => {
    expect(() => streetSubsidyMinimum(input)).toThrow(PolicyInputError);
    try {
      streetSubsidyMinimum(input);
    } catch (e) {
      expect((e as PolicyInputError).issues.map((i) => i.path)).toContain(path);
    }
  });

  test('proration by days needs the year', () => {
    expect(() => byDays.streetSubsidyMinimum({ communities: 1 })).toThrow(/year/);
  });
});
