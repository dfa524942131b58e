/**
 * Every branch of the city-wide findings (Q6, Q9, Q11/Q12, Q1/Q2) and of the
 * summary, with numbers and messages worked out by hand from the policy:
 * rollout share 0.9 due by the end of 2013 (A.3.3), budgets growing 10 % a
 * year from 2011 (A.4.3: 5,000,000 → 6,000,000 in 2013), rooms in kind at
 * 5 m² per 100 residents from 200,000 m², otherwise 3‰ of the floor area in
 * money (A.4.3), the urban target 1 due at the end of 2013 (A.2).
 */
import { describe, expect, test } from 'vitest';
import { codesOf } from '../../test/support/issues.js';
import { createPolicy } from '../create-policy.js';
import { D } from '../decimal.js';
import type { Dataset } from './dataset.js';
import { readDataset } from './dataset.js';
import { evaluateCity, evaluateDataset } from './city.js';
import { auditPolicy } from '../audit/audit-policy.js';
import { relativeShortfall, type Finding } from './evaluate.js';
import { evaluateCommunities } from './stream.js';

const show = (f: Finding) => [
  f.subject,
  f.provision,
  f.clause,
  f.status,
  f.expected === null ? null : String(f.expected),
  f.actual === null ? null : String(f.actual),
  f.shortfall === undefined ? undefined : String(f.shortfall),
  f.message.zh,
  f.message.en,
];
const city = (patch: Partial<Dataset>, policy?: Parameters<typeof evaluateCity>[1]) =>
  evaluateCity({ year: 2013, communities: [], ...patch } as Dataset, policy);
const only = (r: ReturnType<typeof evaluateCity>, provision: string) => r.findings.filter((f) => f.provision === provision).map(show);

describe('Q6 rural rollout', () => {
  test('no village counts: unknown, with the share due', () => {
    expect(only(city({}), 'Q6')).toEqual([
      ['city', 'Q6', 'A.3.3', 'unknown', '0.9', null, undefined, '数据未给出村(组)总数和已推行数', 'The data gives no village counts'],
    ]);
  });
  test('10 of 10 villages against 9 due passes; 8 falls 1 short', () => {
    expect(only(city({ villages: { total: 10, covered: 10 } }), 'Q6')).toEqual([
      [
        'city',
        'Q6',
        'A.3.3',
        'pass',
        '9',
        '10',
        undefined,
        '2013 年底应推行 9/10 个村(组)(比例 90 %)，已推行 10 个',
        'By the end of 2013, 9 of 10 villages are due (share 90 %); 10 reached',
      ],
    ]);
    expect(only(city({ villages: { total: 10, covered: 8 } }), 'Q6')[0]!.slice(3, 7)).toEqual(['fail', '9', '8', '1']);
  });
});

describe('Q9 city budget', () => {
  test('a year before the base year is not evaluated, with the reason; the years are taken in order whatever order the data gives them', () => {
    const r = city({ funding: { baseYearTotal: 5000000, budgets: { '2013': '5999999.5', '2012': 5500000, '2010': 1 } } });
    expect(r.summary.notEvaluated.filter((n) => n.provision === 'Q9').map((n) => [n.subject, n.reason.en])).toEqual([
      ['city/2010', '2010 is before the base year 2011: the policy sets no minimum'],
    ]);
    expect(only(r, 'Q9')).toEqual([
      [
        'city/2012',
        'Q9',
        'A.4.3',
        'pass',
        '5500000',
        '5500000',
        undefined,
        '2012 年市财政社区资金 5,500,000 元，下限 5,500,000 元',
        '2012: city budget 5,500,000 yuan against at least 5,500,000',
      ],
      [
        'city/2013',
        'Q9',
        'A.4.3',
        'fail',
        '6000000',
        '5999999.5',
        '0.5',
        '2013 年市财政社区资金 5,999,999.5 元，下限 6,000,000 元，差 0.5 元',
        '2013: city budget 5,999,999.5 yuan against at least 6,000,000: 0.5 yuan short',
      ],
    ]);
    expect(String(r.summary.owed.cityBudgetYuan)).toBe('0.5');
  });
});

describe('Q11/Q12 developers', () => {
  test('each way a project can be short of data, and each verdict', () => {
    const r = city({
      developerProjects: [
        { id: 'k1', floorAreaM2: 250000, households: 1000 },
        { id: 'k2', floorAreaM2: 250000, residents: 5000 },
        { id: 'k3', floorAreaM2: 250000, residents: 5000, roomAreaProvidedM2: 250 },
        { id: 'k4', floorAreaM2: 100000, pricePerM2: 3000 },
        { id: 'k5', floorAreaM2: 100000, fundsPaid: 5 },
        { id: 'k6', floorAreaM2: 100000, pricePerM2: 3000, fundsPaid: '899999.99' },
        { id: 'k7', floorAreaM2: 250000, roomAreaProvidedM2: 100 },
      ],
    });
    // k2–k3: 5,000 × 5/100 = 250 m²; k4–k6: 100,000 × 3‰ = 300 m², × 3,000 yuan = 900,000 yuan.
    expect(r.findings.filter((f) => f.subject.startsWith('k')).map(show)).toEqual([
      [
        'k1',
        'Q11',
        'A.4.3',
        'unknown',
        null,
        null,
        undefined,
        '250000 m² 的项目应配建用房；未给出居民人数，无法算出面积',
        'A 250000 m² project owes rooms in kind; no population given to size them',
      ],
      [
        'k2',
        'Q11',
        'A.4.3',
        'unknown',
        '250',
        null,
        undefined,
        '250000 m² 的项目应配建用房；应配 250 m²，未给出已提供面积',
        'A 250000 m² project owes rooms in kind; 250 m² due, none reported provided',
      ],
      ['k3', 'Q11', 'A.4.3', 'pass', '250', '250', undefined, '应配建 250 m²，已提供 250 m²', 'Rooms due 250 m², provided 250 m²'],
      [
        'k4',
        'Q12',
        'A.4.3',
        'unknown',
        '900000',
        null,
        undefined,
        '应缴 300 m² 当量的用房资金；未给出已缴金额',
        'Owes 300 m² worth of room money; no payment reported',
      ],
      [
        'k5',
        'Q12',
        'A.4.3',
        'unknown',
        null, // no price: the yuan due are unknown (its 300 m² are in areaEquivalentM2)
        '5',
        undefined,
        '应缴 300 m² 当量的用房资金；未给出单价，无法折算金额(I6)',
        'Owes 300 m² worth of room money; no price per m² to turn it into yuan (I6)',
      ],
      [
        'k6',
        'Q12',
        'A.4.3',
        'fail',
        '900000',
        '899999.99',
        '0.01',
        '应缴 900,000 元(300 m² 当量)，已缴 899,999.99 元',
        'Owes 900,000 yuan (300 m² worth), paid 899,999.99',
      ],
      [
        'k7',
        'Q11',
        'A.4.3',
        'unknown',
        null,
        '100',
        undefined,
        '250000 m² 的项目应配建用房；未给出居民人数，无法算出面积',
        'A 250000 m² project owes rooms in kind; no population given to size them',
      ],
    ]);
  });

  test('on a per-household standard the project’s households size its rooms: 1,000 × 20/100 = 200 m²', () => {
    const r = city(
      { developerProjects: [{ id: 'k', floorAreaM2: 250000, households: 1000, roomAreaProvidedM2: 150 }] },
      createPolicy({ rooms: { m2Per100Households: 20 } }),
    );
    expect(only(r, 'Q11')[0]!.slice(3, 7)).toEqual(['fail', '200', '150', '50']);
    expect(String(r.summary.owed.developerRoomsM2)).toBe('50');
  });
});

describe('Q1/Q2 urban target', () => {
  const standard = {
    id: 'u',
    name: 'u',
    kind: 'urban' as const,
    households: 3000,
    residents: 8000,
    roomAreaM2: 400,
    staff: 5,
    roomsOnGroundFloor: true,
    oneStopWindow: true,
    streetSubsidyPaid: 30000,
  };
  test('no urban community: unknown', () => {
    expect(only(city({}), 'Q1/Q2')).toEqual([
      ['city', 'Q1/Q2', 'A.2', 'unknown', '1', null, undefined, '数据中没有城市社区', 'The data has no urban communities'],
    ]);
  });
  test('in 2012 the straight path asks 2/3; one of one meets it', () => {
    const r = city({ year: 2012, communities: [standard] });
    expect(only(r, 'Q1/Q2')).toEqual([
      [
        'city',
        'Q1/Q2',
        'A.2',
        'pass',
        '0.66666666666666666667',
        '1',
        undefined,
        '1 个城市社区中 1 个全部达标(100 %)，按直线进度(I10) 66.7 %(2013 年底达 100 %)',
        '1 of 1 urban communities meet all their checks (100 %); 66.7 % on a straight path (I10) to 100 % by the end of 2013',
      ],
    ]);
  });
  test('in 2013 two of three is 1/3 short of the target 1', () => {
    const r = city({ communities: [standard, { ...standard, id: 'v' }, { ...standard, id: 'w', staff: 4 }] });
    expect(only(r, 'Q1/Q2')).toEqual([
      [
        'city',
        'Q1/Q2',
        'A.2',
        'fail',
        '1',
        '0.66666666666666666667',
        '0.33333333333333333333',
        '3 个城市社区中 2 个全部达标(66.7 %)，到期目标 100 %',
        '2 of 3 urban communities meet all their checks (66.7 %); target 100 %, due',
      ],
    ]);
    expect(r.summary.urbanMeetingAll).toEqual({ count: 2, of: 3, undecided: 0 });
    expect(r.summary.owed.staff).toBe(1);
  });
});

describe('the summary', () => {
  test('the worst ten failing findings, largest relative shortfall first, whatever the order they came in', () => {
    // Rural communities p0 … p11 paid 0 … 11 yuan of 30,000: p0 is the worst. Given in the order p11 … p0.
    const communities = Array.from({ length: 12 }, (_, i) => ({
      id: `p${11 - i}`,
      name: 'x',
      kind: 'rural' as const,
      households: 1,
      residents: 1,
      streetSubsidyPaid: 11 - i,
    }));
    const s = city({ communities, villages: { total: 1, covered: 1 } }).summary;
    expect(s.worst.map((f) => f.subject)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
    expect(String(s.owed.streetSubsidyYuan)).toBe(String(12 * 30000 - (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11)));
    expect(Object.keys(s.byProvision)).toEqual(['Q1/Q2', 'Q10', 'Q6', 'Q9']);
  });

  test('relative shortfall: against what was expected, or the shortfall itself when nothing (or nothing numeric) was', () => {
    const f = (expected: unknown, shortfall?: number) =>
      ({ expected, shortfall: shortfall === undefined ? undefined : new D(shortfall) }) as unknown as Finding;
    expect(relativeShortfall(f(new D(10), 5)).toString()).toBe('0.5');
    expect(relativeShortfall(f(4, 5)).toString()).toBe('1.25');
    expect(relativeShortfall(f(new D(0), 5)).toString()).toBe('5');
    expect(relativeShortfall(f(0, 5)).toString()).toBe('5');
    expect(relativeShortfall(f(true, 1)).toString()).toBe('1');
    expect(relativeShortfall(f(null, 3)).toString()).toBe('3');
    expect(relativeShortfall(f(new D(10))).toString()).toBe('0');
  });
});

describe('evaluateCommunities and evaluateCity refuse, saying what they got', () => {
  const ok = { id: 'a', name: 'a', kind: 'rural' as const, households: 1, residents: 1 };
  test.each([
    [() => evaluateCommunities([], null as never), 'context: not-an-object'],
    [() => evaluateCommunities([], 'x' as never), 'context: not-an-object'],
    [() => evaluateCommunities(null as never, { year: 2013 }), 'records: not-a-list'],
    [() => evaluateCommunities(5 as never, { year: 2013 }), 'records: not-a-list'],
    [() => evaluateCommunities([], { year: 2013, policy: 5 as never }), 'policy: not-a-policy'],
    [() => [...evaluateCommunities([ok, { ...ok, households: -1 }], { year: 2013 })], 'records[1].households: not-a-count'],
    [() => evaluateCity({ year: 2013, communities: [] }, { policy: {} as never }), 'policy: not-a-policy'],
    [() => evaluateCity({ year: 2013, communities: [] }, { polcy: 1 } as never), 'context.polcy: unknown-field'],
    // An option beside the policy is named as unknown (it was taken for a policy passed on its own, and refused as one).
    [() => evaluateCity({ year: 2013, communities: [] }, { policy: createPolicy(), strict: true } as never), 'context.strict: unknown-field'],
    [() => auditPolicy({ policy: createPolicy(), floorArea: 90 } as never), 'floorArea: unknown-field'],
  ])('%#', (call, issue) => {
    expect(codesOf(call)).toEqual([issue]);
  });

  test('a bad record is reported when it is reached, after the findings before it', () => {
    const it = evaluateCommunities([ok, { ...ok, households: -1 }], { year: 2013 });
    expect(it.next().value!.subject).toBe('a');
    expect(() => it.next()).toThrow('records[1].households');
  });

  test('a policy-like object without the rules is not a policy', () => {
    const fake = { parameters: {}, requiredStaff: 5 };
    expect(() => evaluateCity({ year: 2013, communities: [] }, fake as never)).toThrow('policy: expected a policy made by createPolicy(), got an object');
    expect(() => evaluateCity({ year: 2013, communities: [] }, { requiredStaff: () => 1 } as never)).toThrow(
      'policy: expected a policy made by createPolicy()',
    );
  });
});

describe('what a finding holds', () => {
  test('a passing or unknown finding has no shortfall field at all; a failing one has it', () => {
    const r = city({
      villages: { total: 10, covered: 9 },
      communities: [{ id: 'u', name: 'u', kind: 'urban', households: 3000, residents: 8000, roomAreaM2: 300 }],
    });
    const keys = (provision: string) => Object.keys(JSON.parse(JSON.stringify(r.findings.find((f) => f.provision === provision)))).sort();
    expect(keys('Q6')).toEqual(['actual', 'clause', 'expected', 'message', 'provision', 'status', 'subject']); // city, pass
    expect(keys('Q9')).toEqual(['actual', 'clause', 'expected', 'message', 'provision', 'status', 'subject']); // city, unknown
    expect(keys('Q4/Q5')).toEqual(['actual', 'clause', 'expected', 'message', 'provision', 'status', 'subject']); // community, pass
    expect(keys('Q7')).toEqual(['actual', 'clause', 'expected', 'message', 'provision', 'shortfall', 'status', 'subject']); // community, fail
    expect(keys('Q1/Q2')).toEqual(['actual', 'clause', 'expected', 'interpretations', 'message', 'provision', 'shortfall', 'status', 'subject']); // city, fail
    expect('shortfall' in r.findings.find((f) => f.provision === 'Q6')!).toBe(false);
    // A community finding's own fields, before JSON drops undefined ones:
    const own = (provision: string) => Object.keys(r.findings.find((f) => f.provision === provision)!);
    expect(own('Q4/Q5')).not.toContain('shortfall');
    expect(own('Q7')).toContain('shortfall');
  });

  test('every finding evaluateCity gives is plain data, and its list an array, though made when read', () => {
    const r = city({
      villages: { total: 10, covered: 9 },
      communities: [
        { id: 'u', name: 'u', kind: 'urban', households: 3000, residents: 8000, roomAreaM2: 300, staff: 5 },
        { id: 'v', name: 'v', kind: 'rural', households: 800, residents: 2500 },
      ],
    });
    expect(Array.isArray(r.findings)).toBe(true);
    const all = [...r.findings];
    expect(all.length).toBe(r.findings.length);
    for (const f of all) {
      expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
      // Spreading keeps every field, with the same values.
      const copy = { ...f };
      for (const key of ['provision', 'clause', 'subject', 'status', 'expected', 'actual', 'message'] as const) expect(copy[key], key).toEqual(f[key]);
    }
    // The same finding each time it is read; the worst of the summary are plain too.
    expect(r.findings[0]).toBe(r.findings[0]);
    for (const f of r.summary.worst) expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
    // A finding without a Decimal clones whole (decimal.js's Decimals themselves cannot be cloned).
    const rooms = r.findings.find((f) => f.provision === 'A.3.4/ground-floor')!;
    expect(structuredClone(rooms)).toEqual({ ...rooms });
    // Array methods, JSON and index access read through to the findings.
    expect(JSON.parse(JSON.stringify(r.findings)).length).toBe(r.findings.length);
    expect(r.findings.filter((f) => f.subject === 'u').map((f) => f.status)).toEqual(all.filter((f) => f.subject === 'u').map((f) => f.status));
    expect(r.findings.slice()).toEqual(all);
    expect(Object.keys(r.findings).length).toBe(all.length);
  });

  test('a list leaves passing findings out, worst first, never out of the counts', () => {
    const d = readDataset({
      year: 2013,
      communities: [{ id: 'u', name: 'u', kind: 'urban', households: 3000, residents: 8000, roomAreaM2: 300 }],
      villages: { total: 10, covered: 9 },
    });
    const r = evaluateDataset(d, createPolicy(), false, { limit: Infinity, all: false });
    expect(r.findings).toEqual([]);
    // u, in document order: size passes, rooms fail, ground floor/one-stop/staff/subsidy unknown; Q6 passes, Q9 unknown, Q1/Q2 fails.
    // (A provision the list adds is listed and counted too; these are held to what was worked out by hand.)
    const worked = ['Q4/Q5', 'Q7', 'A.3.4/ground-floor', 'A.3.4/one-stop-window', 'Q8', 'Q10', 'Q6', 'Q9', 'Q1/Q2'];
    const listed = r.listed.filter((f) => worked.includes(f.provision));
    expect(r.listed.every((f) => f.status !== 'pass')).toBe(true);
    expect(listed.map((f) => `${f.subject}:${f.provision}:${f.status}`)).toEqual([
      'city:Q1/Q2:fail',
      'u:Q7:fail',
      'u:A.3.4/ground-floor:unknown',
      'u:A.3.4/one-stop-window:unknown',
      'u:Q8:unknown',
      'u:Q10:unknown',
      'city/2013:Q9:unknown',
    ]);
    const counts = (ids: readonly string[]) =>
      Object.fromEntries((['pass', 'fail', 'unknown'] as const).map((s) => [s, ids.reduce((t, id) => t + (r.summary.byProvision[id]?.[s] ?? 0), 0)]));
    expect(counts(worked)).toEqual({ pass: 2, fail: 2, unknown: 5 });
    expect(r.summary.counts).toEqual(counts(Object.keys(r.summary.byProvision)));
  });
});
