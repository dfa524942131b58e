import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { codesOf } from '../../test/support/issues.js';
import { createPolicy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import type { Dataset } from './dataset.js';
import { evaluateCity } from './city.js';
import { evaluateCommunity, shapeOf, type Finding } from './evaluate.js';
import { evaluateCommunities } from './stream.js';
import { evaluateBatch } from './batch.js';

const city = JSON.parse(readFileSync('examples/city.json', 'utf8')) as Dataset;

// The provisions these tests were worked out for: the community checks in the list's order, then the city's. The
// list may hold more (a provision added to it): the tests then hold these to their hand-worked values, and count
// the others from the list.
const COMMUNITY = ['Q4/Q5', 'Q7', 'A.3.4/ground-floor', 'A.3.4/one-stop-window', 'Q8', 'Q10'];
const WORKED = [...COMMUNITY, 'Q6', 'Q9', 'Q11', 'Q12', 'Q1/Q2'];
type Counts = { pass: number; fail: number; unknown: number };
/** The counts of some provisions, added up (a provision with no finding counts nothing). */
const sumOf = (byProvision: Readonly<Record<string, Counts>>, ids: readonly string[]): Counts =>
  ids.reduce(
    (t, id) => {
      const c = byProvision[id] ?? { pass: 0, fail: 0, unknown: 0 };
      return { pass: t.pass + c.pass, fail: t.fail + c.fail, unknown: t.unknown + c.unknown };
    },
    { pass: 0, fail: 0, unknown: 0 },
  );
const row = (f: Finding) => [
  f.subject,
  f.provision,
  f.clause,
  f.status,
  f.expected === null ? null : String(f.expected),
  f.actual === null ? null : String(f.actual),
];

describe('evaluateCity on the example city (made-up data, 2013)', () => {
  // Evaluated inside each test (not while the suite is collected), so that mutation testing sees it.
  const run = () => evaluateCity(city);

  test('the findings that do not pass are exactly the deliberate shortfalls', () => {
    // Worked out by hand from examples/city.json:
    // c07 3,700 households: (3700 − 3000)/3000 = 0.2333… > 0.2
    // c12 300 m² for 8,000 residents, 400 m² due; c15 3,000 + 200 floating → ceil(3200/600) = 6, has 4
    // c25 and r03 paid 25,000 and 20,000 of 30,000; 120 villages × 0.9 = 108 due, 100 covered
    // 2013 budget 5,900,000 against 5,000,000 × 1.2 = 6,000,000; p2 150,000 m² × 0.003 × 3,000 = 1,350,000, paid 1,000,000
    // p3 exactly 200,000 m² goes in kind (I5): 5,000 residents × 5/100 = 250 m², gave 200; p4 has no price (I6)
    // Q1/Q2: 29 of 36 urban communities meet every check = 0.80555…, the 2013 target is 1
    expect(
      run()
        .findings.filter((f) => f.status !== 'pass' && WORKED.includes(f.provision))
        .map(row),
    ).toEqual([
      ['c07', 'Q4/Q5', 'A.3.1', 'fail', '0.2', '0.23333333333333333333'],
      ['c12', 'Q7', 'A.3.4', 'fail', '400', '300'],
      ['c15', 'Q8', 'A.4.2', 'fail', '6', '4'],
      ['c19', 'A.3.4/ground-floor', 'A.3.4', 'fail', 'true', 'false'],
      ['c22', 'A.3.4/one-stop-window', 'A.3.4', 'unknown', 'true', null],
      ['c25', 'Q10', 'A.4.3', 'fail', '30000', '25000'],
      ['c28', 'Q8', 'A.4.2', 'unknown', '6', null],
      ['r03', 'Q10', 'A.4.3', 'fail', '30000', '20000'],
      ['city', 'Q6', 'A.3.3', 'fail', '108', '100'],
      ['city/2013', 'Q9', 'A.4.3', 'fail', '6000000', '5900000'],
      ['p2', 'Q12', 'A.4.3', 'fail', '1350000', '1000000'],
      ['p3', 'Q11', 'A.4.3', 'fail', '250', '200'],
      ['p4', 'Q12', 'A.4.3', 'unknown', null, '500000'], // no price: yuan due unknown, 240 m² in areaEquivalentM2
      ['city', 'Q1/Q2', 'A.2', 'fail', '1', '0.80555555555555555556'],
    ]);
  });

  test('one finding per provision and subject: 36 urban × the community checks + 4 rural × those held to rural communities + 10 city and project findings', () => {
    const k = shapeOf(createPolicy());
    expect(k.provisions.filter((id) => COMMUNITY.includes(id))).toEqual(COMMUNITY);
    // Today 36 × 6 + 4 × 1 (the subsidy) + 10 = 230. The city's own: Q6, the budgets of 2011–2014, the four projects, Q1/Q2.
    const urban = city.communities.filter((c) => c.kind === 'urban').length;
    expect([urban, city.communities.length - urban]).toEqual([36, 4]);
    const communityFindings = urban * k.n + (city.communities.length - urban) * k.rural.filter(Boolean).length;
    const cityFindings = run().findings.filter((f) => !k.provisions.includes(f.provision));
    expect(cityFindings.filter((f) => WORKED.includes(f.provision))).toHaveLength(10);
    expect(run().findings).toHaveLength(communityFindings + cityFindings.length);
    const keys = run().findings.map((f) => `${f.subject}|${f.provision}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the budgets of 2011, 2012 and 2014 pass: 5,000,000, 5,500,000 and 6,600,000 against 5,000,000, 5,500,000, 6,500,000', () => {
    const q9 = run()
      .findings.filter((f) => f.provision === 'Q9')
      .map(row);
    expect(q9).toEqual([
      ['city/2011', 'Q9', 'A.4.3', 'pass', '5000000', '5000000'],
      ['city/2012', 'Q9', 'A.4.3', 'pass', '5500000', '5500000'],
      ['city/2013', 'Q9', 'A.4.3', 'fail', '6000000', '5900000'],
      ['city/2014', 'Q9', 'A.4.3', 'pass', '6500000', '6600000'],
    ]);
  });

  test('the summary counts, totals owed and urban standing', () => {
    const s = run().summary;
    const k = shapeOf(createPolicy());
    // The provisions worked out by hand count 216, 11 and 3 of the 230; the summary counts every provision of the list.
    expect(sumOf(s.byProvision, WORKED)).toEqual({ pass: 216, fail: 11, unknown: 3 });
    expect(s.counts).toEqual(sumOf(s.byProvision, Object.keys(s.byProvision)));
    expect(Object.keys(s.byProvision).every((id) => k.kind(id) !== undefined)).toBe(true);
    expect(s.communities).toBe(40);
    expect(s.urbanMeetingAll).toEqual({ count: 29, of: 36, undecided: 2 });
    // A total for each total the list owes, in its order; those of the provisions worked out by hand:
    expect(Object.keys(s.owed).sort()).toEqual(k.owed.map((o) => o.key).sort());
    const owed = { streetSubsidyYuan: '15000', cityBudgetYuan: '100000', developerFundsYuan: '350000', developerRoomsM2: '50', roomsM2: '100', staff: '2' };
    expect(Object.fromEntries(Object.keys(owed).map((key) => [key, String(s.owed[key as keyof typeof s.owed])]))).toEqual(owed);
    expect(s.byProvision.Q8).toEqual({ pass: 34, fail: 1, unknown: 1 });
    expect(s.worst).toHaveLength(10);
    expect(s.worst[0]!.status).toBe('fail');
  });

  test('a community that started on 1 July owes a prorated minimum under by-days (I8): 15,123.29, so 30,000 paid passes either way', () => {
    const byDays = evaluateCity(city, createPolicy({ streetSubsidy: { proration: 'by-days' } }));
    const c31 = byDays.findings.find((f) => f.subject === 'c31' && f.provision === 'Q10')!;
    expect([c31.status, String(c31.expected)]).toEqual(['pass', '15123.29']);
  });

  test('another reading changes the verdicts: with floor rounding (I3) c15 needs 5 workers', () => {
    const floor = evaluateCity(city, createPolicy({ staffing: { rounding: 'floor' } }));
    expect(String(floor.findings.find((f) => f.subject === 'c15' && f.provision === 'Q8')!.expected)).toBe('5');
  });

  test('missing city data gives unknown findings, never a silent pass', () => {
    const r = evaluateCity({ year: 2013, communities: [] });
    expect(r.findings.map((f) => [f.provision, f.status])).toEqual([
      ['Q6', 'unknown'],
      ['Q9', 'unknown'],
      ['Q1/Q2', 'unknown'],
    ]);
  });

  test('before the deadline the urban target is a straight path: 2 of 3 years → 2/3', () => {
    const r = evaluateCity({ ...city, year: 2012, funding: undefined, villages: undefined } as unknown as Dataset);
    const q = r.findings.find((f) => f.provision === 'Q1/Q2')!;
    expect(String(q.expected)).toBe('0.66666666666666666667');
    expect(q.status).toBe('pass'); // 29/36 = 0.8056 ≥ 0.6667
  });

  test('an invalid dataset is refused with row and field', () => {
    const bad = { ...city, communities: city.communities.map((c, i) => (i === 17 ? { ...c, households: '3k' } : c)) };
    expect(codesOf(() => evaluateCity(bad as unknown as Dataset))).toEqual(['communities[17].households: not-a-count']);
  });
});

describe('evaluateCommunity', () => {
  test('the TSDoc example holds', () => {
    const f = evaluateCommunity({ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 });
    expect(f.find((x) => x.provision === 'Q8')!.status).toBe('fail');
  });

  test('a fully reported standard community passes everything', () => {
    const f = evaluateCommunity(
      {
        id: 'ok',
        name: '标准',
        kind: 'urban',
        households: 3000,
        residents: 8000,
        roomAreaM2: 400,
        staff: 5,
        roomsOnGroundFloor: true,
        oneStopWindow: true,
        streetSubsidyPaid: 30000,
      },
      { year: 2013 },
    );
    // One finding for each community check of the list, in its order; every one that it was worked out for passes.
    expect(f.map((x) => x.provision)).toEqual(shapeOf(createPolicy()).provisions);
    expect(f.filter((x) => COMMUNITY.includes(x.provision)).map((x) => [x.provision, x.status])).toEqual([
      ['Q4/Q5', 'pass'],
      ['Q7', 'pass'],
      ['A.3.4/ground-floor', 'pass'],
      ['A.3.4/one-stop-window', 'pass'],
      ['Q8', 'pass'],
      ['Q10', 'pass'],
    ]);
  });

  test('399.95 m² for 8,000 residents is 0.05 m² short: exact, not rounded away', () => {
    const f = evaluateCommunity({ id: 'x', name: 'x', kind: 'urban', households: 3000, residents: 8000, roomAreaM2: '399.95' });
    const q7 = f.find((x) => x.provision === 'Q7')!;
    expect([q7.status, String(q7.shortfall)]).toEqual(['fail', '0.05']);
  });

  test('a rural community is held only to the subsidy', () => {
    expect(
      evaluateCommunity({ id: 'r', name: 'r', kind: 'rural', households: 500, residents: 1500, streetSubsidyPaid: 30000 }, { year: 2013 }).map(
        (x) => x.provision,
      ),
    ).toEqual(['Q10']);
  });

  test('refuses invalid records and contexts', () => {
    expect(() => evaluateCommunity({ id: 'x', name: 'x', kind: 'town' as 'urban', households: 1, residents: 1 })).toThrow(PolicyInputError);
    expect(() => evaluateCommunity({ id: 'x', name: 'x', kind: 'urban', households: 1, residents: 1, staf: 2 } as never)).toThrow(/did you mean "staff"/);
    expect(() => evaluateCommunity({ id: 'x', name: 'x', kind: 'urban', households: 1, residents: 1 }, { year: 1800 })).toThrow(PolicyInputError);
    expect(() => evaluateCommunity({ id: 'x', name: 'x', kind: 'urban', households: 1, residents: 1 }, { policy: {} as never })).toThrow(PolicyInputError);
  });
});

describe('verdicts off the integer fast paths are still exact', () => {
  const base = { id: 'x', name: 'x', kind: 'urban' as const, households: 3000, floatingHouseholds: 0, residents: 8000, staff: 5 };
  const status = (findings: { provision: string; status: string }[], provision: string) => findings.find((f) => f.provision === provision)!.status;

  test.each([
    ['400.05 m² for 8,000 residents (400 due) passes', { roomAreaM2: '400.05' }, 'pass'],
    ['399.99 m² fails', { roomAreaM2: '399.99' }, 'fail'],
    ['400.5 m² given as a number passes', { roomAreaM2: 400.5 }, 'pass'],
  ])('rooms: %s', (_name, patch, expected) => {
    expect(status(evaluateCommunity({ ...base, ...patch }), 'Q7')).toBe(expected);
  });

  test.each([
    ['30,000.01 yuan passes', '30000.01', 'pass'],
    ['29,999.99 yuan (a number) fails', 29999.99, 'fail'],
  ])('subsidy: %s', (_name, paid, expected) => {
    expect(status(evaluateCommunity({ ...base, streetSubsidyPaid: paid }, { year: 2013 }), 'Q10')).toBe(expected);
  });

  test('a tolerance that is no small fraction: ±0.1234567 admits 3,370 households (0.12333…) but not 3,371 (0.12366…)', () => {
    const policy = createPolicy({ sizing: { tolerance: '0.1234567' } });
    expect(status(evaluateCommunity({ ...base, households: 3370 }, { policy }), 'Q4/Q5')).toBe('pass');
    expect(status(evaluateCommunity({ ...base, households: 3371 }, { policy }), 'Q4/Q5')).toBe('fail');
  });

  test('a rate of 5.5 m² per 100 residents: 440 m² due for 8,000', () => {
    const policy = createPolicy({ rooms: { m2Per100Residents: '5.5' } });
    expect(status(evaluateCommunity({ ...base, roomAreaM2: 440 }, { policy }), 'Q7')).toBe('pass');
    expect(status(evaluateCommunity({ ...base, roomAreaM2: 439 }, { policy }), 'Q7')).toBe('fail');
  });

  test('a minimum of 30,000.5 yuan: 30,000 fails, 30,000.5 passes', () => {
    const policy = createPolicy({ streetSubsidy: { minimumPerCommunityPerYear: '30000.5' } });
    expect(status(evaluateCommunity({ ...base, streetSubsidyPaid: 30000 }, { policy, year: 2013 }), 'Q10')).toBe('fail');
    expect(status(evaluateCommunity({ ...base, streetSubsidyPaid: '30000.5' }, { policy, year: 2013 }), 'Q10')).toBe('pass');
  });

  test('on a per-household room standard the households decide: 3,000 × 20/100 = 600 m²', () => {
    const policy = createPolicy({ rooms: { m2Per100Households: 20 } });
    expect(status(evaluateCommunity({ ...base, roomAreaM2: 600 }, { policy }), 'Q7')).toBe('pass');
    expect(status(evaluateCommunity({ ...base, roomAreaM2: 599 }, { policy }), 'Q7')).toBe('fail');
  });

  test('at the edge of float precision the verdict is still exact: 450,359,962,737,047 m² for 9,007,199,254,740,941 residents is 0.05 m² short', () => {
    // Due: 9,007,199,254,740,941 × 5/100 = 450,359,962,737,047.05 m². In floats, 450359962737047 × 100 and
    // 9007199254740941 × 5 round to the same number, so a float comparison would call it enough.
    const q7 = evaluateCommunity({ ...base, residents: 9007199254740941, roomAreaM2: 450359962737047 }).find((f) => f.provision === 'Q7')!;
    expect([q7.status, String(q7.shortfall)]).toEqual(['fail', '0.05']);
    expect(status(evaluateCommunity({ ...base, residents: 9007199254740941, roomAreaM2: 450359962737048 }), 'Q7')).toBe('pass');
  });

  test('a room area with more digits than a float holds: 399.99999999999999 m² is short of 400', () => {
    expect(status(evaluateCommunity({ ...base, roomAreaM2: '399.99999999999999' }), 'Q7')).toBe('fail');
    expect(status(evaluateCommunity({ ...base, roomAreaM2: '0399' }), 'Q7')).toBe('fail');
    expect(status(evaluateCommunity({ ...base, roomAreaM2: '400' }), 'Q7')).toBe('pass');
  });

  test('a whole payment against a fractional minimum: 30,001 passes and 30,000 fails against 30,000.5', () => {
    const policy = createPolicy({ streetSubsidy: { minimumPerCommunityPerYear: '30000.5' } });
    expect(status(evaluateCommunity({ ...base, streetSubsidyPaid: 30001 }, { policy, year: 2013 }), 'Q10')).toBe('pass');
    expect(status(evaluateCommunity({ ...base, streetSubsidyPaid: 30000 }, { policy, year: 2013 }), 'Q10')).toBe('fail');
  });

  test('a community started on 1 July 2013 owes 30,000 × 184/365 = 15,123.29 yuan under by-days (I8): 20,000 passes, 15,123 fails', () => {
    const policy = createPolicy({ streetSubsidy: { proration: 'by-days' } });
    const from = { ...base, activeFrom: '2013-07-01' };
    expect(status(evaluateCommunity({ ...from, streetSubsidyPaid: 20000 }, { policy, year: 2013 }), 'Q10')).toBe('pass');
    const short = evaluateCommunity({ ...from, streetSubsidyPaid: 15123 }, { policy, year: 2013 }).find((f) => f.provision === 'Q10')!;
    expect([short.status, String(short.expected), String(short.shortfall)]).toEqual(['fail', '15123.29', '0.29']);
  });

  test('floating households count for staff: 3,000 + 1 need 6 workers (ceil 3,001/600)', () => {
    expect(status(evaluateCommunity({ ...base, floatingHouseholds: 1 }), 'Q8')).toBe('fail');
    const q8 = evaluateCommunity({ ...base, floatingHouseholds: 1, staff: 6 }).find((f) => f.provision === 'Q8')!;
    expect([q8.status, q8.expected, q8.message.en]).toEqual(['pass', 6, '3,001 households need 6 workers, 6 in post']);
  });

  test('without a year the subsidy check is unknown and says why, even right after a check with one; with a year but no payment it is unknown', () => {
    expect(status(evaluateCommunity(base, { year: 2013 }), 'Q10')).toBe('unknown');
    const q10 = evaluateCommunity({ ...base, streetSubsidyPaid: 0 }).find((f) => f.provision === 'Q10')!;
    expect([q10.status, q10.expected, String(q10.actual), q10.message.en]).toEqual([
      'unknown',
      null,
      '0',
      'No year given: the subsidy minimum of a year cannot be known',
    ]);
  });

  test('the size check is inclusive at ±0.2 for both counts: 3,600 and 2,400 households, 9,600 residents pass; 3,601 and 9,601 fail', () => {
    const size = (households: number, residents: number) => status(evaluateCommunity({ ...base, households, residents }), 'Q4/Q5');
    expect([size(3600, 8000), size(2400, 8000), size(3000, 9600), size(3000, 6400)]).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect([size(3601, 8000), size(2399, 8000), size(3000, 9601), size(3000, 6399)]).toEqual(['fail', 'fail', 'fail', 'fail']);
  });

  test('a passing subsidy is said without a shortfall, in both languages', () => {
    const q10 = evaluateCommunity({ ...base, streetSubsidyPaid: 30000 }, { year: 2013 }).find((f) => f.provision === 'Q10')!;
    expect(q10.message).toEqual({ zh: '配套补助 30,000 元，下限 30,000 元', en: 'Subsidy 30,000 yuan against at least 30,000' });
  });

  test('evaluateCommunity refuses a context that is a number, and a policy that is not one, naming itself', () => {
    expect(() => evaluateCommunity(base, 5 as never)).toThrow(/^Invalid input to evaluateCommunity: context: /);
    expect(codesOf(() => evaluateCommunity(base, 5 as never))).toEqual(['context: not-an-object']);
    expect(codesOf(() => evaluateCommunity(base, { policy: 5 as never }))).toEqual(['policy: not-a-policy']);
    expect(codesOf(() => evaluateCommunity(base, { yaer: 2013 } as never))).toEqual(['context.yaer: unknown-field']);
  });

  test('evaluateCommunity refuses a context that is not an object or has unknown fields', () => {
    expect(codesOf(() => evaluateCommunity(base, null as never))).toEqual(['context: not-an-object']);
    expect(() => evaluateCommunity(base, { yaer: 2013 } as never)).toThrow('(did you mean "year"?)');
  });
});

describe('findings are plain data where one is made at a time', () => {
  const record = { id: 'c1', name: '东苑', kind: 'urban' as const, households: 3000, residents: 8000, staff: 4, roomAreaM2: 300 };
  // structuredClone cannot copy any decimal.js Decimal (each carries its constructor as an own property): JSON and spreading can.
  test('evaluateCommunity: spreading keeps every field', () => {
    for (const f of evaluateCommunity(record, { year: 2013 })) {
      expect({ ...f }).toEqual(f);
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['provision', 'clause', 'subject', 'status', 'expected', 'actual', 'message']));
      expect(JSON.parse(JSON.stringify({ ...f }))).toEqual(JSON.parse(JSON.stringify(f)));
    }
  });
  test('evaluateBatch.finding and evaluateCommunities give plain findings too', () => {
    const batch = evaluateBatch([record], { year: 2013 });
    const f = batch.finding(0, 'Q8')!;
    expect({ ...f }).toEqual({
      provision: 'Q8',
      clause: 'A.4.2',
      subject: 'c1',
      status: 'fail',
      expected: 5,
      actual: 4,
      message: f.message,
      shortfall: f.shortfall,
    });
    expect(Object.keys([...evaluateCommunities([record], { year: 2013 })][0]!)).toContain('message');
  });
});
