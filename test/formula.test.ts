/**
 * Every community check of the city's list is declared once, as a formula, and everything the evaluation reads
 * of it is derived: the verdict in integers (`status`), the same verdict exactly (`exact`), the finding's values
 * (`detail`) and the integer shortfall the worst-first order and the totals use (`quick`). Held here, on
 * generated records and generated policies (every reading, overridden numbers, the policy's own edges), to one
 * another and to the provisions' rules, which say the same arithmetic in their own code: so the verdicts, the
 * shortfalls and the order of the worst findings are those of the rules.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { approxDiv, D } from '../src/decimal.js';
import type { CommunityRecord } from '../src/evaluate/dataset.js';
import { relativeShortfall, shapeOf, type Finding } from '../src/evaluate/evaluate.js';
import { evaluateCity, evaluateCommunities } from '../src/evaluation.js';
import { createPolicy, type Policy } from '../src/index.js';
import type { CommunityCheck, Detail } from '../src/provisions/provision.js';
import { FAIL, PASS, shown, UNKNOWN } from '../src/rules/check.js';
import { formulaCheck } from '../src/formula/check.js';
import { checkFormula, field, ge, c as n } from '../src/formula/build.js';
import { edgeOf, overrides, record } from './support/formula-records.js';

const POLICY = createPolicy();
const CHECKS = shapeOf(POLICY).community;

/** What the rules say of one community: its verdict code and the finding's values, independently of the formulas. */
type Oracle = (c: CommunityRecord, policy: Policy, year: number | undefined) => { code: number; detail: Detail };
const known = (ok: boolean) => (ok ? PASS : FAIL);
const amount = (v: number | string | undefined) => (v === undefined ? null : new D(v));

const ORACLES: Record<string, Oracle> = {
  'Q4/Q5': (c, policy) => {
    const r = policy.communitySize({ households: c.households, residents: c.residents });
    const p = policy.parameters.sizing;
    const tol = new D(p.tolerance);
    // The larger deviation, chosen exactly: |dh| ÷ H against |dr| ÷ R.
    const dh = BigInt(Math.abs(c.households - p.households));
    const dr = BigInt(Math.abs(c.residents - p.residents));
    const [d, S, dev] =
      dh * BigInt(p.residents) >= dr * BigInt(p.households) ? [dh, p.households, r.householdDeviation] : [dr, p.residents, r.residentDeviation];
    const detail: Detail = { expected: tol, actual: dev.abs() };
    if (!r.withinGuideline) detail.shortfall = shown(new D(d.toString()).minus(tol.times(S)), S);
    return { code: known(r.withinGuideline), detail };
  },
  Q7: (c, policy) => {
    const need = policy.serviceRoomArea({ residents: c.residents, households: c.households }).areaM2;
    const have = amount(c.roomAreaM2);
    if (have === null) return { code: UNKNOWN, detail: { expected: need, actual: null } };
    const ok = have.gte(need);
    return { code: known(ok), detail: ok ? { expected: need, actual: have } : { expected: need, actual: have, shortfall: need.minus(have) } };
  },
  'A.3.4/ground-floor': (c) => flagOracle(c.roomsOnGroundFloor),
  'A.3.4/one-stop-window': (c) => flagOracle(c.oneStopWindow),
  Q8: (c, policy) => {
    const due = policy.requiredStaff({ households: c.households, floatingHouseholds: c.floatingHouseholds }).staff;
    if (c.staff === undefined) return { code: UNKNOWN, detail: { expected: due, actual: null } };
    const ok = c.staff >= due;
    return { code: known(ok), detail: ok ? { expected: due, actual: c.staff } : { expected: due, actual: c.staff, shortfall: new D(due - c.staff) } };
  },
  Q10: (c, policy, year) => {
    const paid = amount(c.streetSubsidyPaid);
    if (year === undefined) return { code: UNKNOWN, detail: { expected: null, actual: paid } };
    const due = policy.streetSubsidyMinimum({ communities: 1, year, ...(c.activeFrom !== undefined && { activeFrom: c.activeFrom }) }).perCommunity;
    if (paid === null) return { code: UNKNOWN, detail: { expected: due, actual: null } };
    const ok = paid.gte(due);
    return { code: known(ok), detail: ok ? { expected: due, actual: paid } : { expected: due, actual: paid, shortfall: due.minus(paid) } };
  },
};
function flagOracle(v: boolean | undefined): { code: number; detail: Detail } {
  if (v === undefined) return { code: UNKNOWN, detail: { expected: true, actual: null } };
  return { code: known(v), detail: v ? { expected: true, actual: true } : { expected: true, actual: false, shortfall: new D(1) } };
}

/** A finding's values as strings, so that Decimals compare by their digits and counts stay numbers. */
const plain = (d: Detail) => ({
  expected: typeof d.expected === 'object' && d.expected !== null ? `D:${d.expected.toString()}` : d.expected,
  actual: typeof d.actual === 'object' && d.actual !== null ? `D:${d.actual.toString()}` : d.actual,
  shortfall: d.shortfall?.toString(),
});

const policyAndRecord = fc.tuple(overrides, fc.constantFrom(2013, 2016, undefined)).chain(([o, year]) => {
  const policy = createPolicy(o);
  return fc.tuple(fc.constant(policy), fc.constant(year), fc.oneof(record, edgeOf(policy, year)));
});

describe('every community check of the city is its formula', () => {
  test('each declares one, and each has a rule to be held to here', () => {
    for (const check of CHECKS) {
      expect(check.formula, check.provision).toBeDefined();
      expect(Object.keys(ORACLES), check.provision).toContain(check.provision);
    }
  });

  for (const check of CHECKS) {
    test.prop([policyAndRecord], { numRuns: 500 })(
      `${check.provision}: status = exact = the rule's verdict; detail = the rule's values; quick = the exact shortfall`,
      ([policy, year, c]) => {
        const k = check.compile(policy, year);
        const code = check.exact!(c, k);
        expect(check.status(c, k)).toBe(code);
        const want = ORACLES[check.provision]!(c, policy, year);
        expect(code).toBe(want.code);
        const d = check.detail(c, k, code === FAIL);
        expect(plain(d)).toEqual(plain(want.detail));
        if (code !== FAIL || !check.quick) return;
        const q = { num: 0, den: 0, owe: 0 };
        if (!check.quick(c, k, q)) return; // the tally then asks the finding: nothing to hold
        // The relative shortfall as the worst-first order reads it: the finding's (a quotient that does not terminate
        // is shown to 20 digits, then divided again), so equal to 15 digits; a den of 0 leaves the order to the finding.
        const rel = relativeShortfall({ shortfall: d.shortfall, expected: d.expected } as Finding);
        if (q.den !== 0) expect(approxDiv(q.num, q.den).minus(rel).abs().lte(rel.abs().times('1e-15')), `${q.num}/${q.den} against ${rel}`).toBe(true);
        expect(new D(q.owe).eq(d.shortfall!.times(check.owedScale ?? 1)) || !check.formula!.owes).toBe(true);
        if (!check.formula!.owes) expect(q.owe).toBe(0);
      },
    );
  }
});

describe('the worst findings, in the order the exact shortfalls give', () => {
  const communities = fc.array(
    record.map((c) => ({ ...c, kind: 'urban' as const })),
    { minLength: 1, maxLength: 40 },
  );
  test.prop([overrides, communities], { numRuns: 60 })('summary.worst is the failing findings sorted by relative shortfall, then data order', (o, list) => {
    const policy = createPolicy(o);
    const records = list.map((c, i) => ({ ...c, id: `c${i}` }));
    const all = [...evaluateCommunities(records, { policy, year: 2013 })];
    const failing = all.filter((f) => f.status === 'fail');
    const sorted = failing
      .map((f, seq) => ({ f, key: relativeShortfall(f), seq }))
      .sort((a, b) => b.key.comparedTo(a.key) || a.seq - b.seq)
      .slice(0, 10)
      .map(({ f }) => `${f.subject} ${f.provision}`);
    // The city's own findings come after every community's in data order: the community ones lead the list.
    const worst = evaluateCity({ year: 2013, communities: records }, { policy }).summary.worst.map((f) => `${f.subject} ${f.provision}`);
    const ofCommunities = worst.filter((w) => !w.startsWith('city'));
    expect(ofCommunities).toEqual(sorted.slice(0, ofCommunities.length));
    expect(ofCommunities.length).toBe(Math.min(sorted.length, 10 - (worst.length - ofCommunities.length)));
  });
});

describe('a check written with the builders by a user', () => {
  const mine: CommunityCheck = formulaCheck({
    provision: 'NB1',
    clause: 'NB.1',
    rural: true,
    formula: checkFormula({ pass: ge(field('staff'), n(2)), expected: n(2), actual: field('staff'), kind: 'count' }),
    message: (_c, _k, ok) => ({ zh: ok ? '够' : '不够', en: ok ? 'enough' : 'short' }),
  });
  const base = { id: 'a', name: 'a', kind: 'rural' as const, households: 1, residents: 1 };
  test.each([
    [{ ...base, staff: 2 }, PASS, { expected: 2, actual: 2 }],
    [{ ...base, staff: 1 }, FAIL, { expected: 2, actual: 1, shortfall: '1' }],
    [base, UNKNOWN, { expected: 2, actual: null }],
  ])('%o → %i', (c, code, detail) => {
    const k = mine.compile(POLICY, 2013);
    expect([mine.status(c, k), mine.exact!(c, k)]).toEqual([code, code]);
    expect(plain(mine.detail(c, k, code === FAIL))).toEqual(detail);
  });
});
