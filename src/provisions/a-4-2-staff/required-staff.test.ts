import { describe, expect, test } from 'vitest';
import { createPolicy } from '../../create-policy.js';
import { PolicyInputError } from '../../errors.js';
import { formatTrace } from '../../trace.js';
import { requiredStaff } from './required-staff.js';

describe('requiredStaff (Q8, A.4.2): one worker per 600 households, floating population included', () => {
  test('the TSDoc examples hold', () => {
    expect(requiredStaff({ households: 3000 }).staff).toBe(5);
    expect(requiredStaff({ households: 601 }).staff).toBe(2);
    expect(requiredStaff({ households: 2900, floatingHouseholds: 200 }).staff).toBe(6);
  });

  test('a 3,000-household community needs exactly 5 workers', () => {
    const r = requiredStaff({ households: 3000 });
    expect(r.staff).toBe(5);
    expect(r.clause).toBe('A.4.2');
    expect(r.interpretations).toEqual([{ id: 'I3', choice: 'ceil' }]);
  });

  test.each([
    ['no households need no worker', 0, 0],
    ['a single household already needs one worker (every started 600 counts)', 1, 1],
    ['599 households need one worker', 599, 1],
    ['600 households need exactly one worker', 600, 1],
    ['601 households need two workers', 601, 2],
    ['1,200 households need two workers', 1200, 2],
    ['1,201 households need three workers', 1201, 3],
    ['3,100 households need six workers', 3100, 6],
  ])('%s', (_name, households, staff) => {
    expect(requiredStaff({ households }).staff).toBe(staff);
  });

  test('floating-population households are counted on top of the residents’ households', () => {
    const r = requiredStaff({ households: 550, floatingHouseholds: 60 });
    expect(r.totalHouseholds).toBe(610);
    expect(r.staff).toBe(2);
  });

  test.each([
    ['floor', 601, 1],
    ['floor', 599, 0],
    ['floor', 3000, 5],
    ['half-up', 899, 1],
    ['half-up', 900, 2],
    ['half-up', 299, 0],
    ['half-up', 300, 1],
  ] as const)('under the "%s" reading (I3), %i households need %i workers', (rounding, households, staff) => {
    const r = createPolicy({ staffing: { rounding } }).requiredStaff({ households });
    expect(r.staff).toBe(staff);
    expect(r.interpretations).toEqual([{ id: 'I3', choice: rounding }]);
  });

  test('a city that sets one worker per 500 households needs 6 for a standard community', () => {
    expect(createPolicy({ staffing: { householdsPerWorker: 500 } }).requiredStaff({ households: 3000 }).staff).toBe(6);
  });

  test('the trace shows the count, the division and the rounding in both languages', () => {
    const r = requiredStaff({ households: 3000, floatingHouseholds: 100 });
    expect(formatTrace(r.trace, 'en')).toEqual([
      '1. Households counted: 3,000 + 100 floating = 3,100',
      '2. 3,100 ÷ 600 households per worker = 5 remainder 100',
      '3. Rounded up (I3): 6 workers',
    ]);
    expect(formatTrace(r.trace, 'zh')[2]).toBe('3. 按“向上取整”(I3) 取整：6 名');
  });

  test('exact for the largest safe integer', () => {
    // 9007199254740991 = 600 × 15011998757901 + 391
    expect(requiredStaff({ households: Number.MAX_SAFE_INTEGER }).staff).toBe(15011998757902);
    expect(createPolicy({ staffing: { rounding: 'floor' } }).requiredStaff({ households: Number.MAX_SAFE_INTEGER }).staff).toBe(15011998757901);
  });

  test('a frozen input is read and left as it was', () => {
    const input = Object.freeze({ households: 1200, floatingHouseholds: 1 });
    expect(requiredStaff(input).staff).toBe(3);
    expect(input).toEqual({ households: 1200, floatingHouseholds: 1 });
  });

  test('a sum beyond the safe integers is refused, not rounded', () => {
    expect(() => requiredStaff({ households: Number.MAX_SAFE_INTEGER, floatingHouseholds: 1 })).toThrow(PolicyInputError);
  });
});
