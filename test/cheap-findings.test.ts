/**
 * `evaluateCity`'s findings made from each check's fast path (src/evaluate/cheap-finding.ts, issue 24) are the
 * findings made the exact way, field for field: the same keys in the same order, a count a number where the exact
 * way gives a number, a Decimal of the same value where it gives a Decimal, the same words. The exact way is that
 * of `evaluateCommunity`, which makes every finding in exact rationals; `evaluateCommunities` makes them the cheap
 * way too, and is held to it here.
 */
import { describe, expect, test, vi } from 'vitest';
import { Decimal } from '../src/decimal.js';
import { createPolicy } from '../src/create-policy.js';
import { cheapChecks } from '../src/evaluate/cheap-finding.js';
import { compile } from '../src/evaluate/evaluate.js';
import { evaluateBatch, evaluateCity, evaluateCommunities, evaluateCommunity } from '../src/evaluation.js';

// 1,500 records three ways and deep comparisons of every finding take 3–6 s on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000 });

/** A small seeded generator (mulberry32), so a failure is found again. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Records of every cell form the checks read: missing fields, fractions of m² and yuan, strings, zeros, huge values. */
function records(n: number, seed: number): Record<string, unknown>[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T>(v: () => T, chance = 0.8): T | undefined => (r() < chance ? v() : undefined);
  const amount = () =>
    pick([
      () => Math.floor(r() * 900),
      () => Math.floor(r() * 90000) / 100,
      () => String(Math.floor(r() * 90000) / 100),
      () => Math.floor(r() * 9000) / 10,
      () => 0,
      () => 9_000_000_000_000_000,
      () => '12345678901234.567',
    ])();
  return Array.from({ length: n }, (_, i) => {
    const households = pick([0, 1, 599, 600, 601, 3000, 3001, Math.floor(r() * 12000), 9_000_000_000_000_000]);
    const rec: Record<string, unknown> = {
      id: `c${i}`,
      name: `社区${i}`,
      kind: r() < 0.8 ? 'urban' : 'rural',
      households,
      residents: pick([0, 1, 8000, 8001, Math.floor(r() * 40000)]),
      floatingHouseholds: maybe(() => Math.floor(r() * 800), 0.5),
      roomAreaM2: maybe(amount),
      serviceCentreM2: maybe(amount, 0.5),
      staff: maybe(() => Math.floor(r() * 12)),
      roomsOnGroundFloor: maybe(() => r() < 0.7),
      oneStopWindow: maybe(() => r() < 0.7),
      streetSubsidyPaid: maybe(amount),
      activeFrom: maybe(() => pick(['2013-01-01', '2013-03-15', '2013-12-31', '2012-06-30']), 0.3),
    };
    for (const key of Object.keys(rec)) if (rec[key] === undefined) delete rec[key];
    return rec;
  });
}

/** Each value's form: a number, a Decimal with its digits, or what it is. */
const form = (v: unknown): unknown => (v instanceof Decimal ? `Decimal ${v.toString()}` : typeof v === 'number' ? `number ${Object.is(v, -0) ? '-0' : v}` : v);

/** Every finding of the records the exact way, one record at a time. */
const exactly = (communities: unknown[], year: number) => communities.flatMap((c) => evaluateCommunity(c as never, { year }));

describe('evaluateCity, evaluateBatch and evaluateCommunities make each finding as the exact way does', () => {
  test("every community check of the city's document that is a formula is read the cheap way", () => {
    const k = compile(createPolicy(), 2013);
    expect(cheapChecks(k)).toEqual(k.community.map((c) => c.formula !== undefined));
    expect(cheapChecks(k).filter(Boolean).length).toBeGreaterThan(0);
  });

  test.each([
    [2013, 1],
    [2013, 2],
    [2012, 3],
  ])(
    'year %i, records of seed %i',
    (year, seed) => {
      const communities = records(1500, seed);
      const city = evaluateCity({ year, communities } as never).findings;
      const exact = exactly(communities, year);
      const ours = city.slice(0, exact.length);
      expect(ours.length).toBe(exact.length);
      let decimals = 0;
      for (let i = 0; i < exact.length; i++) {
        const [a, b] = [ours[i]!, exact[i]!];
        expect(Object.keys(a)).toEqual(Object.keys(b));
        expect(Object.entries(a).map(([k, v]) => [k, form(v)])).toEqual(Object.entries(b).map(([k, v]) => [k, form(v)]));
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(a).toEqual(b);
        decimals += a.expected instanceof Decimal ? 1 : 0;
      }
      // evaluateCommunities' findings, made the same way, are the same.
      const stream = [...evaluateCommunities(communities as never, { year })];
      expect(stream.map((f) => JSON.stringify(f))).toEqual(exact.map((f) => JSON.stringify(f)));
      expect(stream.map((f) => Object.entries(f).map(([k, v]) => [k, form(v)]))).toEqual(exact.map((f) => Object.entries(f).map(([k, v]) => [k, form(v)])));
      // evaluateBatch's findings, made the same way, are the same.
      const batch = evaluateBatch(communities as never, { year });
      const all = [...batch.findings()];
      expect(all.map((f) => JSON.stringify(f))).toEqual(exact.map((f) => JSON.stringify(f)));
      expect(all).toEqual(exact);
      expect(batch.finding(7, exact.find((f) => f.subject === 'c7')!.provision)).toEqual(exact.find((f) => f.subject === 'c7'));
      // The records reach both kinds of value (so neither reading is left untried).
      expect(decimals).toBeGreaterThan(0);
      expect(ours.some((f) => typeof f.expected === 'number')).toBe(true);
    },
    60_000,
  );

  test('a Decimal made for one value is shared by the findings that follow with that value; −0 is 0, as the exact way gives it', () => {
    const areas = [0, -0, -0, 0, 400, 400, '400.5', '400.50'];
    const communities = areas.map((roomAreaM2, i) => ({
      id: `c${i}`,
      name: 'n',
      kind: 'urban',
      households: 3000,
      residents: 8000,
      roomAreaM2,
      streetSubsidyPaid: 30000,
    }));
    const exact = exactly(communities, 2013).filter((f) => f.provision === 'Q7');
    const city = [...evaluateCity({ year: 2013, communities } as never).findings].filter((f) => f.provision === 'Q7');
    const shown = (v: unknown) => (v instanceof Decimal ? `${v.isNegative() ? '-' : '+'}${v.toString()}` : v);
    expect(city.map((f) => shown(f.actual))).toEqual(exact.map((f) => shown(f.actual)));
    expect(city.map((f) => shown(f.actual))).toEqual(['+0', '+0', '+0', '+0', '+400', '+400', '+400.5', '+400.5']);
    const batch = [...evaluateBatch(communities as never, { year: 2013 }).findings()].filter((f) => f.provision === 'Q7');
    expect(batch.map((f) => shown(f.actual))).toEqual(exact.map((f) => shown(f.actual)));
    // The one standard, 400 m² for 8,000 residents, is one Decimal for all those read the cheap way (a room area
    // given as text is read the exact way, which makes its own).
    expect(new Set(city.slice(0, 6).map((f) => f.expected)).size).toBe(1);
    expect(city[5]!.actual).toBe(city[4]!.actual);
  });

  test('a finding stays plain data: spread, structuredClone and JSON give what the exact one gives', () => {
    const communities = records(300, 4);
    const city = evaluateCity({ year: 2013, communities } as never).findings;
    const exact = exactly(communities, 2013);
    for (let i = 0; i < exact.length; i++) {
      const f = city[i]!;
      expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
      expect({ ...f }).toEqual({ ...exact[i]! });
      expect(JSON.stringify(structuredClone(JSON.parse(JSON.stringify(f))))).toBe(JSON.stringify(exact[i]));
      for (const k of Object.keys(f)) expect(Object.getOwnPropertyDescriptor(f, k)).toHaveProperty('value');
    }
  });
});
