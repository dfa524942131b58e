/**
 * Properties that must hold for every input and every reading, over generated
 * inputs and generated parameter overrides (fast-check).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createPolicy, Decimal, PolicyInputError, type ParameterOverrides } from '../src/index.js';
import { evaluateCity } from '../src/evaluation.js';
import { shapeOf } from '../src/evaluate/evaluate.js';

fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: 300 });

const count = fc.integer({ min: 0, max: 10_000_000 });
const year = fc.integer({ min: 1900, max: 2100 });
const rounding = fc.constantFrom('ceil' as const, 'floor' as const, 'half-up' as const);
const shareString = fc.integer({ min: 1, max: 1000 }).map((n) => new Decimal(n).div(1000).toString());
/** Generated overrides touching every reading and the main numbers. */
const overrides: fc.Arbitrary<ParameterOverrides> = fc.record(
  {
    staffing: fc.record({ householdsPerWorker: fc.integer({ min: 1, max: 5000 }), rounding }, { requiredKeys: [] }),
    rollout: fc.record({ sharePerYear: shareString, mode: fc.constantFrom('share-of-all' as const, 'share-of-remaining' as const) }, { requiredKeys: [] }),
    funding: fc.record(
      { growthRate: fc.integer({ min: 0, max: 500 }).map((n) => `${n / 1000}`), mode: fc.constantFrom('fixed-increment' as const, 'compound' as const) },
      { requiredKeys: [] },
    ),
    rooms: fc.record({ m2Per100Residents: fc.integer({ min: 1, max: 5000 }).map((n) => `${n / 100}`) }, { requiredKeys: [] }),
    developer: fc.record(
      { thresholdM2: fc.integer({ min: 1, max: 1_000_000 }), boundary: fc.constantFrom('in-kind' as const, 'funds' as const), fundsRate: shareString },
      { requiredKeys: [] },
    ),
    streetSubsidy: fc.record({ proration: fc.constantFrom('none' as const, 'by-days' as const) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const policies = overrides.map((o) => createPolicy(o));

const finiteNonNegative = (d: Decimal) => d.isFinite() && !d.isNegative() && !d.isNaN();

describe('monotone', () => {
  test.prop([policies, count, count])('more households never need fewer workers', (p, h, extra) => {
    expect(p.requiredStaff({ households: h + extra }).staff).toBeGreaterThanOrEqual(p.requiredStaff({ households: h }).staff);
  });

  test.prop([policies, count, count])('more residents never need less room', (p, r, extra) => {
    expect(p.serviceRoomArea({ residents: r + extra }).areaM2.gte(p.serviceRoomArea({ residents: r }).areaM2)).toBe(true);
  });

  test.prop([policies, year, fc.integer({ min: 0, max: 50 })])('a later year never gives a smaller rollout share', (p, y, later) => {
    const y2 = Math.min(2100, y + later);
    expect(p.ruralRollout({ year: y2 }).share.gte(p.ruralRollout({ year: y }).share)).toBe(true);
  });

  test.prop([policies, fc.integer({ min: 2011, max: 2080 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1e12 })])(
    'a later year never gives a smaller fund minimum',
    (p, y, later, base) => {
      expect(p.cityFundBudget({ baseYearTotal: base, year: y + later }).amount.gte(p.cityFundBudget({ baseYearTotal: base, year: y }).amount)).toBe(true);
    },
  );

  test.prop([policies, fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2_000_000 })])(
    'a larger project never moves from in kind to funds',
    (p, area, extra) => {
      if (p.developerObligation({ floorAreaM2: area }).route === 'in-kind') {
        expect(p.developerObligation({ floorAreaM2: area + extra }).route).toBe('in-kind');
      }
    },
  );
});

describe('bounds and exactness', () => {
  test.prop([policies, year, fc.option(count, { nil: undefined })])(
    'rollout shares lie in [0, 1]; villages covered never exceed villages',
    (p, y, villages) => {
      const r = p.ruralRollout(villages === undefined ? { year: y } : { year: y, villages });
      expect(r.share.gte(0) && r.share.lte(1)).toBe(true);
      if (villages !== undefined) expect(r.villagesCovered).toBeLessThanOrEqual(villages);
    },
  );

  test.prop([policies, count, count])('serviceRoomArea(a + b) = serviceRoomArea(a) + serviceRoomArea(b), exactly', (p, a, b) => {
    const sum = p.serviceRoomArea({ residents: a }).areaM2.plus(p.serviceRoomArea({ residents: b }).areaM2);
    expect(p.serviceRoomArea({ residents: a + b }).areaM2.eq(sum)).toBe(true);
  });

  const day = fc.date({ min: new Date(2000, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true });
  test.prop([fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2000, max: 2030 }), day, day])(
    'a prorated subsidy never exceeds the full year’s, and a whole year gets exactly the full amount',
    (communities, y, d1, d2) => {
      const p = createPolicy({ streetSubsidy: { proration: 'by-days' } });
      const [from, to] = d1 <= d2 ? [d1, d2] : [d2, d1];
      const part = p.streetSubsidyMinimum({ communities, year: y, activeFrom: from, activeTo: to });
      const full = p.streetSubsidyMinimum({ communities, year: y });
      expect(part.amount.lte(full.amount)).toBe(true);
      expect(full.amount.eq(new Decimal(30000).times(communities))).toBe(true);
      expect(p.streetSubsidyMinimum({ communities, year: y, activeFrom: `${y}-01-01`, activeTo: `${y}-12-31` }).amount.eq(full.amount)).toBe(true);
    },
  );

  test.prop([policies, count, count, fc.integer({ min: 1911, max: 2100 }), fc.integer({ min: 0, max: 1e9 })])(
    'no result holds NaN, Infinity or a negative amount',
    (p, h, r, y, base) => {
      const values = [
        p.communitySize({ households: h, residents: r }).householdDeviation.abs(),
        p.planCommunities({ households: h, residents: r }).householdsPerCommunity,
        p.serviceRoomArea({ residents: r }).areaM2,
        p.ruralRollout({ year: y, villages: h }).share,
        p.streetSubsidyMinimum({ communities: h, year: y }).amount,
        p.targets({ year: y }).ruralShare,
        ...(y >= p.parameters.baseYear ? [p.cityFundBudget({ baseYearTotal: base, year: y }).amount] : []),
        ...Object.values(p.developerObligation({ floorAreaM2: base, residents: r, pricePerM2: h })).filter((v): v is Decimal => v instanceof Decimal),
      ];
      for (const v of values) expect(finiteNonNegative(v)).toBe(true);
      expect(Number.isSafeInteger(p.requiredStaff({ households: h }).staff)).toBe(true);
    },
  );
});

describe('every invalid input throws PolicyInputError with a path, never anything else', () => {
  const junk = fc.oneof(
    fc.string(),
    fc.double(),
    fc.constant(NaN),
    fc.constant(Infinity),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.integer()),
    fc.object(),
    fc.bigInt(),
    fc.integer({ min: -1e9, max: -1 }),
    fc.double({ min: 0.01, max: 1e6, noInteger: true }),
  );
  const calls: [string, string, (v: unknown) => unknown][] = [
    ['requiredStaff', 'households', (v) => createPolicy().requiredStaff({ households: v as number })],
    ['serviceRoomArea', 'residents', (v) => createPolicy().serviceRoomArea({ residents: v as number })],
    ['communitySize', 'residents', (v) => createPolicy().communitySize({ households: 1, residents: v as number })],
    ['ruralRollout', 'year', (v) => createPolicy().ruralRollout({ year: v as number })],
    ['cityFundBudget', 'year', (v) => createPolicy().cityFundBudget({ baseYearTotal: 1, year: v as number })],
    ['streetSubsidyMinimum', 'communities', (v) => createPolicy().streetSubsidyMinimum({ communities: v as number })],
    ['targets', 'year', (v) => createPolicy().targets({ year: v as number })],
  ];
  test.prop([fc.constantFrom(...calls), junk])('a wrong value for a count or a year', ([, path, call], value) => {
    const valid = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && (path !== 'year' || (value >= 1911 && value <= 2100));
    fc.pre(!valid);
    try {
      call(value);
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      expect((e as PolicyInputError).issues.map((i) => i.path)).toContain(path);
      return;
    }
    throw new Error(`no error for ${String(value)}`);
  });

  test.prop([fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.object(), fc.integer({ max: -1 }))])('a wrong amount', (value) => {
    fc.pre(!(typeof value === 'number' && value >= 0) && !(typeof value === 'string' && /^\+?(\d+(\.\d*)?|\.\d+)$/.test(value)));
    expect(() => createPolicy().developerObligation({ floorAreaM2: value as number })).toThrow(PolicyInputError);
  });

  const keyName = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'householdsPerWroker', 'Rounding'), fc.string({ minLength: 1 }));
  test.prop([keyName, fc.jsonValue()])('an unknown override key, prototype keys included, at the top or in a group', (key, value) => {
    for (const text of [
      `{${JSON.stringify(key)}: ${JSON.stringify(value ?? null)}}`,
      `{"staffing": {${JSON.stringify(key)}: ${JSON.stringify(value ?? null)}}}`,
    ]) {
      const overrides = JSON.parse(text) as ParameterOverrides;
      const known = [
        'baseYear',
        'horizonYears',
        'targets',
        'sizing',
        'rooms',
        'staffing',
        'rollout',
        'funding',
        'streetSubsidy',
        'developer',
        'householdsPerWorker',
        'rounding',
      ];
      fc.pre(!known.includes(key));
      expect(() => createPolicy(overrides)).toThrow(PolicyInputError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('evaluateCity on generated datasets', () => {
  const community = fc.record({
    id: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''),
    name: fc.string(),
    kind: fc.constantFrom('urban' as const, 'rural' as const),
    households: count,
    residents: count,
    roomAreaM2: fc.option(fc.oneof(count, count.map(String)), { nil: undefined }),
    staff: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    streetSubsidyPaid: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }),
    oneStopWindow: fc.option(fc.boolean(), { nil: undefined }),
  });
  const dataset = fc.record({ year: fc.integer({ min: 2011, max: 2030 }), communities: fc.uniqueArray(community, { selector: (c) => c.id, maxLength: 20 }) });

  test.prop([dataset, policies])('a valid dataset always evaluates, with one finding per provision and subject', (d, p) => {
    const clean = { ...d, communities: d.communities.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))) };
    const r = evaluateCity(clean as never, p);
    const urban = d.communities.filter((c) => c.kind === 'urban').length;
    // urban: every community check of the list (today size, rooms, ground floor, one-stop window, staff, subsidy);
    // rural: those held to rural communities (today the subsidy); the city, with no village or budget data: Q6, Q9, Q1/Q2
    const k = shapeOf(p);
    expect(r.findings).toHaveLength(urban * k.n + (d.communities.length - urban) * k.rural.filter(Boolean).length + 3);
    expect(r.summary.counts.pass + r.summary.counts.fail + r.summary.counts.unknown).toBe(r.findings.length);
  });

  test.prop([
    dataset,
    fc.nat(19),
    fc.constantFrom('households', 'residents', 'kind', 'id', 'staff'),
    fc.oneof(fc.string(), fc.constant(-1), fc.constant(1.5), fc.constant(null)),
  ])('an invalid value always throws, naming its row and field', (d, at, field, value) => {
    fc.pre(d.communities.length > 0);
    const i = at % d.communities.length;
    fc.pre(!(field === 'id' && typeof value === 'string' && value.length > 0 && !d.communities.some((c) => c.id === value)));
    fc.pre(!(field === 'kind' && (value === 'urban' || value === 'rural')));
    const communities = d.communities
      .map((c, j) => (j === i ? { ...c, [field]: value } : c))
      .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
    try {
      evaluateCity({ ...d, communities } as never);
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      expect((e as PolicyInputError).issues.some((x) => x.path.startsWith(`communities[`))).toBe(true);
      return;
    }
    throw new Error('no error');
  });
});
