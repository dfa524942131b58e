import { codesOf } from '../../test/support/issues.js';
import { readFileSync } from 'node:fs';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createPolicy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { evaluateBatch, looksValid } from './batch.js';
import { communitySchema, type Dataset } from './dataset.js';
import { evaluateCity } from './city.js';
import { evaluateCommunity, shapeOf } from './evaluate.js';
import { evaluateCommunities } from './stream.js';

const city = JSON.parse(readFileSync('examples/city.json', 'utf8')) as Dataset;

// The community checks these tests were worked out for, in the list's order. The list may hold more (a provision
// added to it): each test then holds these to their hand-worked values and the others to what the list gives.
const WORKED = ['Q4/Q5', 'Q7', 'A.3.4/ground-floor', 'A.3.4/one-stop-window', 'Q8', 'Q10'];
const CODE = { pass: 1, fail: 2, unknown: 3 } as const;
type Counts = { pass: number; fail: number; unknown: number };

/**
 * The status codes a batch should give a record, one per community check of the list, in its order: the
 * hand-worked code of each check `worked` names, and for any other check the code of evaluateCommunity's finding
 * (0 where it gives none: the check does not apply). The checks named keep their order within the list.
 */
function statusesOf(record: Parameters<typeof evaluateCommunity>[0], worked: Record<string, number>, year = 2013): string {
  const { provisions } = shapeOf(createPolicy());
  expect(provisions.filter((id) => id in worked)).toEqual(Object.keys(worked));
  const exact = new Map(evaluateCommunity(record, { year }).map((f) => [f.provision, CODE[f.status]]));
  return provisions.map((id) => worked[id] ?? exact.get(id) ?? 0).join('');
}

/** The counts of some provisions, added up. */
const sumOf = (byProvision: Readonly<Record<string, Counts>>, ids: readonly string[]): Counts =>
  ids.reduce((t, id) => ({ pass: t.pass + byProvision[id]!.pass, fail: t.fail + byProvision[id]!.fail, unknown: t.unknown + byProvision[id]!.unknown }), {
    pass: 0,
    fail: 0,
    unknown: 0,
  });
const pick = <T>(o: Readonly<Record<string, T>>, ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, o[id]]));

describe('evaluateBatch', () => {
  test('the TSDoc example holds', () => {
    const record = { id: 'c1', name: '东苑', kind: 'urban' as const, households: 3000, residents: 8000, staff: 4 };
    const batch = evaluateBatch([record], { year: 2013 });
    expect(batch.statuses.join('')).toBe(statusesOf(record, { 'Q4/Q5': 1, Q7: 3, 'A.3.4/ground-floor': 3, 'A.3.4/one-stop-window': 3, Q8: 2, Q10: 3 }));
    expect(batch.finding(0, 'Q8')!.expected).toBe(5);
  });

  test('gives the example city’s community findings exactly as evaluateCity and evaluateCommunities do: one shape', () => {
    const batch = evaluateBatch(city.communities, { year: city.year });
    const fromCity = evaluateCity(city).findings.filter((f) => !f.subject.startsWith('city') && !f.subject.startsWith('p'));
    const fromBatch = [...batch.findings()];
    const fromStream = [...evaluateCommunities(city.communities, { year: city.year })];
    // The same plain objects, field for field (Decimals equal in value), in the same order, from all three.
    expect(fromBatch).toStrictEqual(fromCity);
    expect(fromStream).toStrictEqual(fromCity);
    for (const f of [...fromBatch, ...fromCity, ...fromStream]) expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
    expect(fromBatch.map((f) => JSON.stringify(f))).toEqual(fromCity.map((f) => JSON.stringify(f)));
    // The checks worked out by hand: 230 minus the 10 city and project findings; the counts are those of every check.
    expect(sumOf(batch.byProvision, WORKED)).toEqual({ pass: 212, fail: 6, unknown: 2 });
    expect(batch.counts).toEqual(sumOf(batch.byProvision, shapeOf(createPolicy()).provisions));
    expect(batch.byProvision.Q10).toEqual({ pass: 38, fail: 2, unknown: 0 });
    const failing = [...batch.findings('fail')].filter((f) => WORKED.includes(f.provision));
    expect(failing.map((f) => `${f.subject}:${f.provision}`)).toEqual(['c07:Q4/Q5', 'c12:Q7', 'c15:Q8', 'c19:A.3.4/ground-floor', 'c25:Q10', 'r03:Q10']);
  });

  test('a rural community’s urban checks do not apply', () => {
    const record = { id: 'r', name: 'r', kind: 'rural' as const, households: 1, residents: 1, streetSubsidyPaid: 30000 };
    const batch = evaluateBatch([record], { year: 2013 });
    expect(batch.statuses.join('')).toBe(statusesOf(record, { 'Q4/Q5': 0, Q7: 0, 'A.3.4/ground-floor': 0, 'A.3.4/one-stop-window': 0, Q8: 0, Q10: 1 }));
    // A check the list does not hold to rural communities does not apply to one.
    const { rural } = shapeOf(createPolicy());
    expect([...batch.statuses].filter((_, j) => !rural[j])).toEqual(rural.filter((r) => !r).map(() => 0));
    expect(batch.finding(0, 0)).toBeUndefined();
  });

  test('an invalid record is refused with its index and field', () => {
    const records = [...city.communities];
    records[3] = { ...records[3]!, households: -2 };
    expect(codesOf(() => evaluateBatch(records, { year: 2013 }))).toEqual(['records[3].households: not-a-count']);
    expect(() => evaluateBatch(records.slice(0, 2), { year: 1800 })).toThrow(PolicyInputError);
    expect(() => evaluateBatch('x' as never, { year: 2013 })).toThrow(PolicyInputError);
    expect(() => evaluateBatch([], { year: 2013 }).finding(0, 'Q8')).toThrow(PolicyInputError);
  });

  test('a record the quick check does not know (a Decimal-like string amount, an activeFrom) still goes through the schema', () => {
    const batch = evaluateBatch(
      [{ id: 'c', name: 'c', kind: 'urban', households: 3000, residents: 8000, streetSubsidyPaid: '15123.29', activeFrom: '2013-07-01' }],
      {
        year: 2013,
        policy: createPolicy({ streetSubsidy: { proration: 'by-days' } }),
      },
    );
    expect(batch.finding(0, 'Q10')!.status).toBe('pass');
  });
});

describe('the quick check accepts nothing the schema refuses', () => {
  const anything = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(-1),
    fc.constant('12.5'),
    fc.constant('1e3'),
  );
  const record = fc.record(
    {
      id: anything,
      name: anything,
      kind: fc.oneof(fc.constantFrom('urban', 'rural'), anything),
      households: fc.oneof(fc.nat(), anything),
      residents: fc.oneof(fc.nat(), anything),
      staff: anything,
      roomAreaM2: anything,
      streetSubsidyPaid: anything,
      oneStopWindow: anything,
      extra: anything,
    },
    { requiredKeys: [] },
  );
  prop.prop([record], { numRuns: 2000 })('looksValid(x) implies the schema accepts x', (r) => {
    if (looksValid(r)) expect(communitySchema.safeParse(r).success).toBe(true);
  });
});

describe('the quick check says yes to every well-formed record', () => {
  // Every field, at its bounds: the common case must take the quick path (else the batch is slow, not wrong).
  const wellFormed = fc.record(
    {
      id: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
      name: fc.string(),
      kind: fc.constantFrom('urban' as const, 'rural' as const),
      // households + floatingHouseholds must stay a safe integer: 2^52 + (2^52 − 1) = 2^53 − 1.
      households: fc.oneof(fc.constantFrom(0, 2 ** 52), fc.nat({ max: 2 ** 52 })),
      residents: fc.oneof(fc.constantFrom(0, Number.MAX_SAFE_INTEGER), fc.nat()),
      floatingHouseholds: fc.oneof(fc.constantFrom(0, 2 ** 52 - 1), fc.nat()),
      staff: fc.oneof(fc.constant(0), fc.nat()),
      roomAreaM2: fc.oneof(fc.constantFrom(0, 0.5, Number.MAX_VALUE, '0', '12.5', '9'.repeat(60)), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })),
      streetSubsidyPaid: fc.oneof(fc.constantFrom(0, '0.01', '1'.repeat(60)), fc.nat()),
      roomsOnGroundFloor: fc.boolean(),
      oneStopWindow: fc.boolean(),
    },
    { requiredKeys: ['id', 'name', 'kind', 'households', 'residents'], noNullPrototype: true },
  );
  prop.prop([wellFormed], { numRuns: 500 })('looksValid(x) for a well-formed x', (r) => {
    expect(looksValid(r)).toBe(true);
  });

  test('a record with every field known to it', () => {
    const full = {
      id: 'c',
      name: '',
      kind: 'urban',
      households: 0,
      floatingHouseholds: 0,
      residents: 0,
      roomAreaM2: 0,
      staff: 0,
      roomsOnGroundFloor: false,
      oneStopWindow: true,
      streetSubsidyPaid: '0',
    };
    expect(looksValid(full)).toBe(true);
    expect(looksValid({ ...full, kind: 'rural' })).toBe(true);
  });

  const base = { id: 'c', name: 'n', kind: 'urban', households: 1, residents: 1 };
  test.each([
    ['null', null],
    ['a number', 5],
    ['an array', [base]],
    ['an object with another prototype', Object.assign(Object.create({ x: 1 }), base)],
    ['an object without a prototype', Object.assign(Object.create(null), base)],
    ['an unknown field', { ...base, extra: 1 }],
    ['an empty id', { ...base, id: '' }],
    ['an id of only spaces', { ...base, id: '  ' }],
    ['an id of ideographic and no-break spaces', { ...base, id: '\u3000\u00a0' }],
    ['an id of a line end', { ...base, id: '\n' }],
    ['a numeric id', { ...base, id: 7 }],
    ['a name that is not text', { ...base, name: 5 }],
    ['no name', { id: 'c', kind: 'urban', households: 1, residents: 1 }],
    ['another kind', { ...base, kind: 'town' }],
    ['households as text', { ...base, households: '1' }],
    ['negative households', { ...base, households: -1 }],
    ['fractional residents', { ...base, residents: 1.5 }],
    ['residents beyond safe integers', { ...base, residents: 2 ** 53 }],
    ['no residents', { id: 'c', name: 'n', kind: 'urban', households: 1 }],
    ['negative floating households', { ...base, floatingHouseholds: -1 }],
    ['households + floating households beyond safe integers', { ...base, households: Number.MAX_SAFE_INTEGER, floatingHouseholds: 1 }],
    ['fractional staff', { ...base, staff: 0.5 }],
    ['a negative area', { ...base, roomAreaM2: -0.5 }],
    ['an infinite area', { ...base, roomAreaM2: Infinity }],
    ['a NaN area', { ...base, roomAreaM2: NaN }],
    ['an area in exponent notation', { ...base, roomAreaM2: '1e3' }],
    ['an area of 61 characters', { ...base, roomAreaM2: '9'.repeat(61) }],
    ['a subsidy as a boolean', { ...base, streetSubsidyPaid: true }],
    ['a flag as text', { ...base, roomsOnGroundFloor: 'yes' }],
    ['a flag as a number', { ...base, oneStopWindow: 1 }],
    ['an activeFrom (left to the schema, which checks the date)', { ...base, activeFrom: '2013-07-01' }],
  ])('says no to %s', (_name, record) => {
    expect(looksValid(record)).toBe(false);
  });
});

describe('evaluateBatch refuses, saying what it got', () => {
  test.each([
    [() => evaluateBatch([], null as never), 'context: not-an-object'],
    [() => evaluateBatch([], 2013 as never), 'context: not-an-object'],
    [() => evaluateBatch('x' as never, { year: 2013 }), 'records: not-a-list'],
    [() => evaluateBatch([], { year: 2013, policy: {} as never }), 'policy: not-a-policy'],
    [
      () => evaluateBatch([{ id: 'c', name: 'c', kind: 'urban', households: 2 ** 52, floatingHouseholds: 2 ** 52, residents: 1 }], { year: 2013 }),
      'records[0].floatingHouseholds: out-of-range',
    ],
    [() => evaluateBatch([undefined as never], { year: 2013 }), 'records[0]: missing-field'],
    [() => evaluateBatch([], { year: 2013 }).findings('passed' as never), 'status: not-an-option'],
    [() => evaluateBatch([5 as never], { year: 2013 }), 'records[0]: not-an-object'],
  ])('%#', (call, issue) => {
    expect(codesOf(call)).toEqual([issue]);
  });

  test('finding() outside the batch names the range and what it got', () => {
    const batch = evaluateBatch([{ id: 'c', name: 'c', kind: 'urban', households: 3000, residents: 8000 }], { year: 2013 });
    // The provisions named are the list's community checks, in its order (today Q4/Q5, Q7, A.3.4/ground-floor, …, Q10).
    const { provisions, n } = shapeOf(createPolicy());
    expect(provisions.filter((id) => WORKED.includes(id))).toEqual(WORKED);
    const range = `Invalid input to evaluateBatch: finding: expected a community index from 0 to 0 and a provision from ${provisions.join(', ')}, got`;
    expect(() => batch.finding(1, 0)).toThrow(`${range} 1, 0`);
    expect(() => batch.finding(-1, 0)).toThrow(`${range} -1, 0`);
    expect(() => batch.finding(0.5, 0)).toThrow(`${range} 0.5, 0`);
    expect(() => batch.finding(0, n)).toThrow(`${range} 0, ${n}`);
    expect(() => batch.finding(0, -1)).toThrow(`${range} 0, -1`);
    expect(() => batch.finding(0, 'Q99')).toThrow(`${range} 0, "Q99"`);
    expect(batch.finding(0, provisions.indexOf('Q10'))!.provision).toBe('Q10');
    expect(batch.finding(0, 'Q4/Q5')!.status).toBe('pass');
  });
});

describe('evaluateBatch results', () => {
  const records = () => [
    {
      id: 'a',
      name: 'a',
      kind: 'urban' as const,
      households: 3000,
      residents: 8000,
      roomAreaM2: 300,
      staff: 5,
      roomsOnGroundFloor: true,
      streetSubsidyPaid: 30000,
    },
    { id: 'b', name: 'b', kind: 'rural' as const, households: 1, residents: 1, streetSubsidyPaid: 1 },
  ];
  test('counts per status and per provision, tallied once', () => {
    // In document order — a: size pass, rooms 300 < 400 fail, ground floor pass, one-stop unknown, staff 5 = 3000/600 pass, subsidy pass; b: subsidy 1 < 30000 fail.
    const batch = evaluateBatch(records(), { year: 2013 });
    expect(batch.communities).toBe(2);
    const [a, b] = records();
    expect(batch.statuses.join('')).toBe(
      statusesOf(a!, { 'Q4/Q5': 1, Q7: 2, 'A.3.4/ground-floor': 1, 'A.3.4/one-stop-window': 3, Q8: 1, Q10: 1 }) +
        statusesOf(b!, { 'Q4/Q5': 0, Q7: 0, 'A.3.4/ground-floor': 0, 'A.3.4/one-stop-window': 0, Q8: 0, Q10: 2 }),
    );
    const { provisions } = shapeOf(createPolicy());
    expect(Object.keys(batch.byProvision)).toEqual(provisions);
    expect(sumOf(batch.byProvision, WORKED)).toEqual({ pass: 4, fail: 2, unknown: 1 });
    expect(batch.counts).toEqual(sumOf(batch.byProvision, provisions));
    expect(batch.counts).toBe(batch.counts);
    expect(pick(batch.byProvision, WORKED)).toEqual({
      'Q4/Q5': { pass: 1, fail: 0, unknown: 0 },
      Q7: { pass: 0, fail: 1, unknown: 0 },
      'A.3.4/ground-floor': { pass: 1, fail: 0, unknown: 0 },
      'A.3.4/one-stop-window': { pass: 0, fail: 0, unknown: 1 },
      Q8: { pass: 1, fail: 0, unknown: 0 },
      Q10: { pass: 1, fail: 1, unknown: 0 },
    });
  });

  test('findings() gives every finding that applies, or those of one status, in order', () => {
    const batch = evaluateBatch(records(), { year: 2013 });
    const key = (f: { subject: string; provision: string }) => `${f.subject}:${f.provision}`;
    const of = (status?: 'pass' | 'fail' | 'unknown') => [...batch.findings(status)].map(key).filter((x) => WORKED.includes(x.slice(2)));
    expect(of()).toEqual(['a:Q4/Q5', 'a:Q7', 'a:A.3.4/ground-floor', 'a:A.3.4/one-stop-window', 'a:Q8', 'a:Q10', 'b:Q10']);
    expect(of('fail')).toEqual(['a:Q7', 'b:Q10']);
    expect(of('pass')).toEqual(['a:Q4/Q5', 'a:A.3.4/ground-floor', 'a:Q8', 'a:Q10']);
    expect(of('unknown')).toEqual(['a:A.3.4/one-stop-window']);
    // Of every check of the list: one finding for each status that applies, community by community, in the list's order.
    const { provisions, n } = shapeOf(createPolicy());
    const applying = (status?: number) =>
      [...batch.statuses].flatMap((code, x) =>
        code !== 0 && (status === undefined || code === status) ? [`${'ab'[Math.floor(x / n)]}:${provisions[x % n]}`] : [],
      );
    expect([...batch.findings()].map(key)).toEqual(applying());
    expect([...batch.findings('fail')].map(key)).toEqual(applying(2));
    expect(batch.finding(1, 'Q10')!.message.en).toBe('Subsidy 1 yuan against at least 30,000: 29,999 yuan short');
  });

  test('a record read by the schema is a copy: its findings do not change when the caller changes it', () => {
    const rs = records().map((r) => ({ ...r, activeFrom: '2013-01-01' }));
    const batch = evaluateBatch(rs, { year: 2013 });
    rs[1]!.streetSubsidyPaid = 30000;
    expect(batch.finding(1, 'Q10')!.actual!.toString()).toBe('1');
  });
});
