import { describe, expect, test } from 'vitest';
import { createPolicy } from '../../create-policy.js';
import { targets } from './targets.js';

describe('targets (Q1–Q3, I7; A.2): 100 % urban and 90 % rural communities to standard in about three years', () => {
  test('the TSDoc examples hold', () => {
    expect(targets({ year: 2012 }).yearsElapsed).toBe(2);
    expect(targets({ year: 2012 }).ruralShare.toString()).toBe('0.9');
    expect(targets({ year: 2013 }).due).toBe(true);
  });

  test('the three years are 2011, 2012 and 2013', () => {
    const r = targets({ year: 2011 });
    expect(r.urbanShare.toString()).toBe('1');
    expect(r.ruralShare.toString()).toBe('0.9');
    expect(r.deadlineYear).toBe(2013);
    expect(r.horizonYears).toBe(3);
    expect(r.clause).toBe('A.2');
    expect(r.interpretations).toEqual([{ id: 'I7', choice: 'end-of-2013' }]);
  });

  test.each([
    [2010, 0, 3, false],
    [2011, 1, 2, false],
    [2012, 2, 1, false],
    [2013, 3, 0, true],
    [2020, 3, 0, true],
  ])('by the end of %i, %i years have passed and %i remain (due: %s)', (year, elapsed, remaining, due) => {
    const r = targets({ year });
    expect([r.yearsElapsed, r.yearsRemaining, r.due]).toEqual([elapsed, remaining, due]);
  });

  test('a four-year reading of "about three years" moves the deadline to 2014', () => {
    const r = createPolicy({ horizonYears: 4 }).targets({ year: 2013 });
    expect(r.deadlineYear).toBe(2014);
    expect(r.due).toBe(false);
    expect(r.interpretations).toEqual([{ id: 'I7', choice: 'end-of-2014' }]);
  });
});
