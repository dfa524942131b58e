/**
 * The rules at the edges the main tests pass by: what a schedule reports
 * about itself, each trace branch that a common case skips, inputs with
 * several problems at once, and the value formats below every layer.
 * Every expected value is worked out by hand from the policy (Document A).
 */
import { describe, expect, test } from 'vitest';
import * as lib from '../src/index.js';
import { describeValue } from '../src/errors.js';
import { ratio } from '../src/decimal.js';
import { calendarDay } from '../src/values.js';
import { deepFreeze } from '../src/policy/parameters.js';
import { auditPolicy } from '../src/spec.js';

const auditWith = (policy: unknown) => auditPolicy(policy as never);

const issues = (call: () => unknown) => {
  try {
    call();
  } catch (e) {
    // The path, the code and what was received: the words are pinned in test/__snapshots__/issue-messages.txt.
    return (e as lib.PolicyInputError).issues.map((i) => `${i.path}: ${i.code}${i.received ? `, got ${i.received}` : ''}`);
  }
  throw new Error('no error');
};
const zhEn = (trace: readonly { zh: string; en: string }[]) => trace.map((s) => [s.zh, s.en]);

describe('schedules say which clause and reading they follow, and what each year adds', () => {
  test('the fund schedule from the base year: 100, then 110 under fixed increments of 10 % of the base', () => {
    const s = lib.cityFundSchedule({ baseYearTotal: 100, from: 2011, to: 2012 });
    expect(s.rows.map((r) => [r.year, String(r.amount), String(r.increase)])).toEqual([
      [2011, '100', '0'],
      [2012, '110', '10'],
    ]);
    expect([s.clause, s.interpretations]).toEqual(['A.4.3', [{ id: 'I1', choice: 'fixed-increment' }]]);
  });
  test('a fund schedule starting in 2013 counts its first increase from 2012: 120 − 110 = 10', () => {
    expect(lib.cityFundSchedule({ baseYearTotal: 100, from: 2013, to: 2013 }).rows.map((r) => String(r.increase))).toEqual(['10']);
  });
  test('the rollout schedule', () => {
    const s = lib.createPolicy({ rollout: { mode: 'share-of-remaining' } }).ruralRolloutSchedule({ from: 2011, to: 2011 });
    expect([s.clause, s.interpretations]).toEqual(['A.3.3', [{ id: 'I2', choice: 'share-of-remaining' }]]);
  });
  test('before the rollout starts the share is 0 under either reading', () => {
    expect(lib.ruralRollout({ year: 2010 }).share.toString()).toBe('0');
    expect(
      lib
        .createPolicy({ rollout: { mode: 'share-of-remaining' } })
        .ruralRollout({ year: 2010 })
        .share.toString(),
    ).toBe('0');
  });
  test('without villages the rollout gives no count and no step for it', () => {
    const r = lib.ruralRollout({ year: 2012 });
    expect(r.villagesCovered).toBeUndefined();
    expect(r.trace).toHaveLength(2);
    expect(lib.ruralRollout({ year: 2012, villages: 10 }).trace).toHaveLength(3);
  });
});

describe('clauses and readings of every result', () => {
  test('developer obligations on both routes cite A.4.3', () => {
    expect(lib.developerObligation({ floorAreaM2: 250000, residents: 5000 }).clause).toBe('A.4.3');
    expect(lib.developerObligation({ floorAreaM2: 100000 }).clause).toBe('A.4.3');
  });
  test('a plan cites A.3.1 and the tolerance it used (I4)', () => {
    const r = lib.planCommunities({ households: 6000, residents: 16000 });
    expect([r.communities, r.clause, r.interpretations]).toEqual([2, 'A.3.1', [{ id: 'I4', choice: '0.2' }]]);
  });
});

describe('trace branches', () => {
  test('a plan whose averages are exact says =, one whose averages repeat says ≈', () => {
    expect(zhEn(lib.planCommunities({ households: 6000, residents: 16000 }).trace)[1]).toEqual([
      '每个社区平均：6,000 ÷ 2 = 3,000 户，16,000 ÷ 2 = 8,000 人',
      'Per community: 6,000 ÷ 2 = 3,000 households, 16,000 ÷ 2 = 8,000 residents',
    ]);
    // 10,000 households and 24,000 residents: (10000/3000 + 24000/8000) / 2 = 3.17 → 3 communities of 3,333.33… households
    expect(zhEn(lib.planCommunities({ households: 10000, residents: 24000 }).trace)[1]).toEqual([
      '每个社区平均：10,000 ÷ 3 ≈ 3,333.33 户，24,000 ÷ 3 = 8,000 人',
      'Per community: 10,000 ÷ 3 ≈ 3,333.33 households, 24,000 ÷ 3 = 8,000 residents',
    ]);
  });
  test('rooms by residents name the households given beside them as unused (I9)', () => {
    expect(zhEn(lib.serviceRoomArea({ residents: 8000, households: 3000 }).trace).at(-1)).toEqual([
      '另给出的户数 3,000 不参与计算(I9)',
      'The households given (3,000) are not used on this basis (I9)',
    ]);
  });
  test('a project at exactly the threshold under the funds reading says so', () => {
    const r = lib.createPolicy({ developer: { boundary: 'funds' } }).developerObligation({ floorAreaM2: 200000 });
    expect(r.trace.map((s) => s.zh)).toContain('开发面积 200,000 m² 恰为 200,000 m²：“以上”与“以下”都包含本数，两款都适用；按 I5 取“缴纳资金”');
  });
  test('households alone on the funds route are named as unused too', () => {
    expect(lib.developerObligation({ floorAreaM2: 100000, households: 10 }).trace.map((s) => s.en)).toContain(
      'Residents and households are not used on the funds route',
    );
    expect(lib.developerObligation({ floorAreaM2: 100000 }).trace.map((s) => s.en)).not.toContain('Residents and households are not used on the funds route');
  });
  test('targets before they are due say how far along they are, without calling them due', () => {
    expect(zhEn(lib.targets({ year: 2012 }).trace)[1]).toEqual(['到 2012 年底已过 2 / 3 年', 'By the end of 2012, 2 of 3 years have passed']);
  });
  test('a whole division of households says no remainder', () => {
    expect(zhEn(lib.requiredStaff({ households: 3000 }).trace)[1]).toEqual(['3,000 ÷ 每名工作人员 600 户 = 5', '3,000 ÷ 600 households per worker = 5']);
  });
});

describe('several problems at once', () => {
  test('an invalid year is reported once, not also as before the base year', () => {
    expect(issues(() => lib.cityFundBudget({ baseYearTotal: 1, year: 'x' as never }))).toEqual(['year: not-a-year, got "x"']);
    expect(issues(() => lib.ruralRolloutSchedule({ from: 2014, to: 'x' as never }))).toEqual(['to: not-a-year, got "x"']);
  });
  test('rooms: a bad household count and the missing residents are both reported', () => {
    expect(issues(() => lib.serviceRoomArea({ households: -1 }))).toEqual(['households: not-a-count, got -1', 'residents: missing-field']);
  });
  test('subsidy: dates without a year, and in the wrong order, are both reported', () => {
    expect(issues(() => lib.streetSubsidyMinimum({ communities: 1, activeFrom: '2013-07-01', activeTo: '2013-06-30' }))).toEqual([
      'year: missing-field',
      'activeTo: out-of-range, got "2013-06-30"',
    ]);
  });
  test('a Decimal that is not finite is described by its value', () => {
    expect(issues(() => lib.cityFundBudget({ baseYearTotal: new lib.Decimal(NaN), year: 2012 }))).toEqual(['baseYearTotal: not-an-amount, got "NaN"']);
  });
});

describe('parameters as given are kept exact', () => {
  test('whole numbers become numbers, others their exact decimal string in plain notation, unsafe integers strings', () => {
    // A number is read as JavaScript writes it: 2 ** 60 is written 1152921504606847000.
    const p = lib.createPolicy({
      rooms: { m2Per100Residents: '5' },
      sizing: { tolerance: '0.20' },
      developer: { thresholdM2: 2 ** 60 },
      streetSubsidy: { minimumPerCommunityPerYear: 400.5 },
    }).parameters;
    expect([p.rooms.m2Per100Residents, p.sizing.tolerance, p.developer.thresholdM2, p.streetSubsidy.minimumPerCommunityPerYear]).toEqual([
      5,
      '0.2',
      '1152921504606847000',
      '400.5',
    ]);
  });
  test('a string of 51 characters is refused as a parameter, one of 50 accepted', () => {
    expect(lib.createPolicy({ developer: { thresholdM2: '1'.repeat(50) } }).parameters.developer.thresholdM2).toBe('1'.repeat(50));
    expect(issues(() => lib.createPolicy({ developer: { thresholdM2: '1'.repeat(51) } }))[0]).toMatch(/^developer\.thresholdM2: /);
  });
  test('a rounding or a count given as the wrong type is refused', () => {
    expect(issues(() => lib.createPolicy({ staffing: { rounding: 5 as never } }))[0]).toMatch(/^staffing\.rounding: /);
    expect(issues(() => lib.createPolicy({ staffing: { householdsPerWorker: '600' as never } }))[0]).toMatch(/^staffing\.householdsPerWorker: /);
    expect(issues(() => lib.createPolicy({ rooms: { m2Per100Residents: true as never } }))[0]).toMatch(/^rooms\.m2Per100Residents: /);
  });
  test('deepFreeze freezes nested objects and leaves primitives alone', () => {
    const o = deepFreeze({ a: { b: [1, { c: 2 }] }, n: 1, s: 'x', z: null });
    expect([Object.isFrozen(o), Object.isFrozen(o.a), Object.isFrozen(o.a.b), Object.isFrozen(o.a.b[1])]).toEqual([true, true, true, true]);
    expect(deepFreeze(5)).toBe(5);
    expect(deepFreeze(null)).toBe(null);
  });
  test('a policy-like function, null, or a policy without parameters is not a policy', () => {
    const fake = Object.assign(() => 1, { requiredStaff: () => 1, parameters: {} });
    expect(issues(() => lib.createPolicy().asOf('2013-01-01') && auditWith(fake))).toEqual(['policy: not-a-policy, got a function']);
    expect(issues(() => auditWith(null))).toEqual(['policy: not-a-policy, got null']);
    expect(issues(() => auditWith({ requiredStaff: () => 1, parameters: 'x' }))).toEqual(['policy: not-a-policy, got an object']);
  });
});

describe('value formats', () => {
  test.each([
    ['2013-02-28', true],
    ['2012-02-29', true],
    ['2013-02-29', false],
    ['2013-02-30', false],
    ['2013-04-31', false],
    ['2013-12-31', true],
    ['2013-12-32', false],
    ['2013-13-01', false],
    ['2013-00-10', false],
    ['2013-03-00', false],
    ['0050-01-01', false],
    ['1899-12-31', true],
  ])('%s is a day of the calendar: %s', (iso, ok) => {
    expect(calendarDay(iso) !== undefined).toBe(ok);
  });
  test('a day is read as its local midnight', () => {
    expect(calendarDay('2013-07-01')!.getTime()).toBe(new Date(2013, 6, 1).getTime());
  });
  test('quotients: exact when only 2s and 5s divide the denominator', () => {
    expect([ratio(1, 5), ratio(3, 40), ratio(1, 250), ratio(8000, 3000), ratio(1, 15)].map((r) => [r.value.toString(), r.exact])).toEqual([
      ['0.2', true],
      ['0.075', true],
      ['0.004', true],
      ['2.6666666666666666667', false],
      ['0.066666666666666666667', false],
    ]);
  });
  test('a string is shown whole up to 40 characters, cut with … beyond', () => {
    expect(describeValue('a'.repeat(40))).toBe(`"${'a'.repeat(40)}"`);
    expect(describeValue('a'.repeat(41))).toBe(`"${'a'.repeat(40)}…"`);
  });
});

describe('more edges', () => {
  test('a null parameter and a group given as a number are refused by name', () => {
    expect(issues(() => lib.createPolicy({ sizing: { tolerance: null as never } }))).toEqual(['sizing.tolerance: not-a-share, got null']);
    expect(issues(() => lib.createPolicy({ sizing: 5 as never }))).toEqual(['sizing: not-an-object, got 5']);
  });
  test('a fund that would grow from its base year names createPolicy', () => {
    expect(() => lib.createPolicy({ funding: { firstGrowthYear: 2011 } })).toThrow(/^Invalid input to createPolicy: funding\.firstGrowthYear: /);
    expect(issues(() => lib.createPolicy({ funding: { firstGrowthYear: 2011 } }))).toEqual(['funding.firstGrowthYear: out-of-range, got 2011']);
  });
  test('a trace step that is a number is named as a step', () => {
    expect(issues(() => lib.formatTrace([5 as never]))).toEqual(['trace.0: not-an-object, got 5']);
  });
  test('a remainder is named in Chinese too: 3,100 = 5 × 600 + 100', () => {
    expect(zhEn(lib.requiredStaff({ households: 3100 }).trace)[1]).toEqual([
      '3,100 ÷ 每名工作人员 600 户 = 5 余 100',
      '3,100 ÷ 600 households per worker = 5 remainder 100',
    ]);
  });
  test('a project of exactly 200,000 m² under the written reading goes in kind and says so', () => {
    expect(lib.developerObligation({ floorAreaM2: 200000, residents: 5000 }).trace.map((s) => s.zh)).toContain(
      '开发面积 200,000 m² 恰为 200,000 m²：“以上”与“以下”都包含本数，两款都适用；按 I5 取“配建用房”',
    );
  });
  test('as of a Date is as of its calendar day', () => {
    const p = lib.createPolicy();
    expect(p.asOf(new Date(2012, 0, 1))).toEqual(p.asOf('2012-01-01'));
    expect(p.asOf('2012-01-01').find((x) => x.path === 'funding.growthRate')!.inForce).toBe(true);
  });
});

describe('powers longer than the working precision', () => {
  test('compound growth of 899.999999999 % a year for 89 years is exact to all 1,068 digits (checked with BigInt)', () => {
    // 1 + 8.99999999999 = 9.99999999999 (12 significant digits); 2012 … 2100 are 89 growth steps.
    const policy = lib.createPolicy({ funding: { mode: 'compound', growthRate: '8.99999999999' } });
    const digits = (999999999999n ** 89n).toString(); // 1,068 digits; the point goes 11 × 89 = 979 places from the right
    const expected = `${digits.slice(0, digits.length - 979)}.${digits.slice(-979)}`;
    expect(digits).toHaveLength(1068);
    expect(policy.cityFundBudget({ baseYearTotal: 1, year: 2100 }).amount.toFixed()).toBe(expected);
    // A base of 3: 3 × 999999999999^89, one more digit, still exact.
    const tripled = (3n * 999999999999n ** 89n).toString();
    expect(policy.cityFundBudget({ baseYearTotal: 3, year: 2100 }).amount.toFixed()).toBe(`${tripled.slice(0, tripled.length - 979)}.${tripled.slice(-979)}`);
  });
});

describe('the last edges', () => {
  test('a group given as null is refused, not read', () => {
    expect(issues(() => lib.createPolicy({ sizing: null as never }))).toEqual(['sizing: not-an-object, got null']);
  });
  test('a number JavaScript writes in exponent form is stored in plain notation', () => {
    expect(lib.createPolicy({ developer: { thresholdM2: 1e21 } }).parameters.developer.thresholdM2).toBe('1000000000000000000000');
  });
  test('a plan whose residents do not divide evenly says ≈ for them: 25,000 ÷ 3', () => {
    // (9000/3000 + 25000/8000) / 2 = 3.06 → 3 communities
    expect(lib.planCommunities({ households: 9000, residents: 25000 }).trace[1]!.en).toBe(
      'Per community: 9,000 ÷ 3 = 3,000 households, 25,000 ÷ 3 ≈ 8,333.33 residents',
    );
  });
  test('an in-kind project without its population still cites A.4.3', () => {
    const r = lib.developerObligation({ floorAreaM2: 250000 });
    expect([r.route, r.roomAreaM2, r.clause]).toEqual(['in-kind', undefined, 'A.4.3']);
  });
  test('as of something that only prints like a date is refused', () => {
    expect(issues(() => lib.createPolicy().asOf({ toString: () => '2013-01-01' } as never))).toEqual(['date: not-a-date, got an object']);
  });
});
