/**
 * The city checks declare their arithmetic once, as formulas over their subject's record (a budget year, a
 * development project, the villages, the urban communities' standing), and each finding's verdict, expected,
 * actual and shortfall is derived from it. Held here on the policy's edges, with every value worked out by hand
 * from the policy:
 * - Q9 (A.4.3): from a 2011 base of 5,000,000 yuan the minimum grows by 10 % of the base a year from 2012, so
 *   6,000,000 in 2013; compound (I1), 1,000,000 × 1.1² = 1,210,000 in 2013 and × 1.1⁹ = 2,357,947.691 in 2020;
 * - Q11/Q12 (A.4.3): 200,000 m² or more gives rooms in kind at 5 m² per 100 residents (8,000 residents: 400 m²);
 *   less gives money for 3‰ of the area (100,000 m²: 300 m², at 2,000 yuan/m² 600,000 yuan);
 * - Q6 (A.3.3): 30 % of villages a year from 2011, so 90 % of 100 villages, 90, by the end of 2013;
 * - Q1/Q2 (A.2): every urban community by the end of 2013; before it, by I10's straight path, 2/3 at the end of
 *   2012, or (I10 "none") no target at all.
 */
import { describe, expect, test } from 'vitest';
import { createPolicy, defineProvision, extendPolicy, NINGGUO_2011, type Policy, PolicyInputError, rule } from '../src/index.js';
import { formulaCheck } from '../src/formula/check.js';
import { c, checkFormula, field, ge, ruleValue } from '../src/formula/build.js';
import { evaluateCity } from '../src/evaluation.js';
import { findingGraph } from '../src/graph/index.js';
import { applyStandard } from '../src/policies/standard-overlays.js';
import { STANDARDS } from '../src/policies/standards.js';
import type { Dataset } from '../src/evaluate/dataset.js';
import type { Finding, PolicyCore, StandingCheck } from '../src/provisions/provision.js';

/** What a finding says in numbers: id, subject, verdict, expected, actual, shortfall (exact strings; null when not given). */
const said = (f: Finding) => [
  f.provision,
  f.subject,
  f.status,
  f.expected === null ? null : String(f.expected),
  f.actual === null ? null : String(f.actual),
  f.shortfall === undefined ? null : String(f.shortfall),
];
const city = (patch: Partial<Dataset>, policy?: PolicyCore) =>
  evaluateCity({ year: 2013, communities: [], ...patch } as Dataset, policy === undefined ? undefined : { policy: policy as Policy });
const of = (r: ReturnType<typeof city>, ...ids: string[]) => [...r.findings].filter((f) => ids.includes(f.provision)).map(said);

describe('every city check is declared as a formula', () => {
  const lists = [['the city’s document', createPolicy()] as const, ...STANDARDS.map((s) => [s.id, applyStandard(createPolicy(), s.id)] as const)];
  test.each(lists)('%s', (_name, policy) => {
    for (const check of policy.provisions.flatMap((p) => p.checks)) {
      expect(check, check.provision).not.toHaveProperty('handWritten');
      // Every check has a formula, or says that it is never evaluated (the rural target: no standard).
      if (check.scope === 'standing' && check.neverEvaluated !== undefined) expect(check.formula).toBeUndefined();
      else expect(check.formula, check.provision).toBeDefined();
      // A judgement of the city says why it has no SQL.
      if (check.scope !== 'community' && check.formula !== undefined) expect(check.noSql?.en, check.provision).toMatch(/no SQL/);
    }
  });
  test('Q3 is never evaluated, with its reason, and has no arithmetic', () => {
    const q3 = NINGGUO_2011.flatMap((p) => p.checks).find((c) => c.provision === 'Q3') as StandingCheck;
    expect(q3.neverEvaluated?.en).toMatch(/never evaluated/);
    expect(q3.formula).toBeUndefined();
  });
});

describe('Q9: a budget year against the minimum the fund rule gives', () => {
  const funding = (budget: number | string, year = 2013, baseYearTotal: number | string = 5000000) => ({
    funding: { baseYearTotal, budgets: { [String(year)]: budget } },
  });
  test('exactly at the minimum passes; a cent under fails by 0.01', () => {
    expect(of(city(funding(6000000)), 'Q9')).toEqual([['Q9', 'city/2013', 'pass', '6000000', '6000000', null]]);
    expect(of(city(funding('5999999.99')), 'Q9')).toEqual([['Q9', 'city/2013', 'fail', '6000000', '5999999.99', '0.01']]);
  });
  test('compound (I1): 1,210,000 in 2013, 2,357,947.691 in 2020, a tenth of a fen under fails by 0.001', () => {
    const compound = createPolicy({ funding: { mode: 'compound' } });
    expect(of(city(funding(1210000, 2013, 1000000), compound), 'Q9')).toEqual([['Q9', 'city/2013', 'pass', '1210000', '1210000', null]]);
    expect(of(city({ year: 2020, ...funding('2357947.69', 2020, 1000000) }, compound), 'Q9')).toEqual([
      ['Q9', 'city/2020', 'fail', '2357947.691', '2357947.69', '0.001'],
    ]);
  });
  test('no budget for the year: unknown beside the minimum; no funding at all: unknown, nothing to compare', () => {
    const r = city({ funding: { baseYearTotal: 5000000, budgets: {} } });
    expect(of(r, 'Q9')).toEqual([['Q9', 'city/2013', 'unknown', '6000000', null, null]]);
    expect(of(city({}), 'Q9')).toEqual([['Q9', 'city/2013', 'unknown', null, null, null]]);
  });
  test('a budget of a year before the base year is not evaluated, with the reason', () => {
    const r = city({ funding: { baseYearTotal: 5000000, budgets: { 2010: 1, 2013: 6000000 } } });
    expect(of(r, 'Q9').map((f) => f[1])).toEqual(['city/2013']);
    expect(r.summary.notEvaluated.filter((n) => n.provision === 'Q9').map((n) => [n.subject, n.reason.en])).toEqual([
      ['city/2010', '2010 is before the base year 2011: the policy sets no minimum'],
    ]);
  });
  test('a document that replaces cityFundBudget is followed: twice the base, 10,000,000, against 6,000,000', () => {
    const source = { id: 'doubled', body: { zh: '某局', en: 'a bureau' }, title: { zh: '加倍', en: 'Doubled' }, date: '2024-01-01' };
    const fund = NINGGUO_2011.find((p) => p.id === 'a-4-3-1-city-fund')!;
    const twice = rule(
      (_p, input: { baseYearTotal: number; year: number }) => ({
        year: input.year,
        amount: createPolicy().cityFundBudget({ baseYearTotal: input.baseYearTotal * 2, year: 2011 }).amount,
        growthYears: 0,
        clause: 'D.1',
        interpretations: [],
        trace: [],
      }),
      fund.rules.cityFundBudget.about,
    );
    const doubled = extendPolicy(createPolicy(), { source, replace: { 'a-4-3-1-city-fund': { rules: { cityFundBudget: twice } } } });
    expect(of(city(funding(6000000), doubled), 'Q9')).toEqual([['Q9', 'city/2013', 'fail', '10000000', '6000000', '4000000']]);
  });
});

describe('Q11/Q12: a development project against the rooms or money the developer rule gives', () => {
  const project = (p: object) => ({ developerProjects: [{ id: 'p', ...p }] as Dataset['developerProjects'] });
  test('rooms exactly due pass; 0.01 m² under fails by 0.01', () => {
    const rooms = { floorAreaM2: 250000, residents: 8000 };
    expect(of(city(project({ ...rooms, roomAreaProvidedM2: 400 })), 'Q11')).toEqual([['Q11', 'p', 'pass', '400', '400', null]]);
    expect(of(city(project({ ...rooms, roomAreaProvidedM2: '399.99' })), 'Q11')).toEqual([['Q11', 'p', 'fail', '400', '399.99', '0.01']]);
  });
  test('rooms in kind without the residents that size them: unknown, no area due', () => {
    expect(of(city(project({ floorAreaM2: 250000, roomAreaProvidedM2: 400 })), 'Q11')).toEqual([['Q11', 'p', 'unknown', null, '400', null]]);
  });
  test('money without a price: unknown in yuan, the 300 m² it stands for in its own field', () => {
    const r = city(project({ floorAreaM2: 100000, fundsPaid: 500000 }));
    expect(of(r, 'Q12')).toEqual([['Q12', 'p', 'unknown', null, '500000', null]]);
    expect(String(r.findings.find((f) => f.provision === 'Q12')!.areaEquivalentM2)).toBe('300');
  });
  test('money with a price: 600,000 yuan due; paid in full passes, a fen short fails by 0.01', () => {
    const money = { floorAreaM2: 100000, pricePerM2: 2000 };
    expect(of(city(project({ ...money, fundsPaid: 600000 })), 'Q12')).toEqual([['Q12', 'p', 'pass', '600000', '600000', null]]);
    expect(of(city(project({ ...money, fundsPaid: '599999.99' })), 'Q12')).toEqual([['Q12', 'p', 'fail', '600000', '599999.99', '0.01']]);
  });
  test('exactly 200,000 m² takes the route I5 gives: rooms by default, money under "funds"', () => {
    const edge = { floorAreaM2: 200000, residents: 8000, roomAreaProvidedM2: 400, pricePerM2: 1000, fundsPaid: 600 };
    expect(of(city(project(edge)), 'Q11', 'Q12')).toEqual([['Q11', 'p', 'pass', '400', '400', null]]);
    const funds = createPolicy({ developer: { boundary: 'funds' } });
    expect(of(city(project(edge), funds), 'Q11', 'Q12')).toEqual([['Q12', 'p', 'fail', '600000', '600', '599400']]);
  });
});

describe('Q6: the villages reached against those the rollout rule says are due', () => {
  test('90 of 100 due by the end of 2013: 90 reached passes, 89 fails by 1; without the counts, unknown beside the share', () => {
    expect(of(city({ villages: { total: 100, covered: 90 } }), 'Q6')).toEqual([['Q6', 'city', 'pass', '90', '90', null]]);
    expect(of(city({ villages: { total: 100, covered: 89 } }), 'Q6')).toEqual([['Q6', 'city', 'fail', '90', '89', '1']]);
    expect(of(city({}), 'Q6')).toEqual([['Q6', 'city', 'unknown', '0.9', null, null]]);
  });
});

describe('Q1/Q2: the urban communities meeting all their checks against the target', () => {
  const judge = (policy: PolicyCore, year: number, ok: number, n: number, undecided: number) => {
    const check = policy.provisions.flatMap((p) => p.checks).find((c) => c.provision === 'Q1/Q2') as StandingCheck;
    const r = check.judge(policy, year, ok, n, undecided);
    return 'status' in r ? said(r).slice(2) : r.reason.en;
  };
  const policy = createPolicy();
  test('due (2013, all of them): ok exactly on the target passes; one undecided could tip it, so unknown; else fail by a quarter', () => {
    expect(judge(policy, 2013, 4, 4, 0)).toEqual(['pass', '1', '1', null]);
    expect(judge(policy, 2013, 3, 4, 1)).toEqual(['unknown', '1', '0.75', null]);
    expect(judge(policy, 2013, 3, 4, 0)).toEqual(['fail', '1', '0.75', '0.25']);
  });
  test('before the deadline (2012, straight path 2/3): 2 of 3 passes; 1 of 3 with 1 undecided is unknown; 1 of 3 fails by 1/3', () => {
    const third = '0.33333333333333333333';
    expect(judge(policy, 2012, 2, 3, 0)).toEqual(['pass', '0.66666666666666666667', '0.66666666666666666667', null]);
    expect(judge(policy, 2012, 1, 3, 1)).toEqual(['unknown', '0.66666666666666666667', third, null]);
    expect(judge(policy, 2012, 1, 3, 0)).toEqual(['fail', '0.66666666666666666667', third, third]);
  });
  test('no urban communities: unknown beside the target; I10 "none" before the deadline: not evaluated, with the reason', () => {
    expect(judge(policy, 2013, 0, 0, 0)).toEqual(['unknown', '1', null, null]);
    const none = createPolicy({ targets: { interim: 'none' } });
    expect(judge(none, 2012, 3, 3, 0)).toBe('The target is due at the end of 2013; under I10 "none" no year before the deadline has a target');
    expect(judge(none, 2013, 3, 3, 0)).toEqual(['pass', '1', '1', null]);
  });
  test('the finding names the readings its formula used: the deadline (I7) and the interim target (I10)', () => {
    const check = policy.provisions.flatMap((p) => p.checks).find((c) => c.provision === 'Q1/Q2') as StandingCheck;
    const r = check.judge(policy, 2012, 2, 3, 0) as Finding;
    expect(r.interpretations).toEqual([
      { id: 'I7', choice: 'end-of-2013' },
      { id: 'I10', choice: 'straight-path' },
    ]);
  });
});

describe('the graph of a city finding comes from its formula', () => {
  test('Q9: the fund rule’s node with its clause, reading I1 and the budget year’s fields', () => {
    const record = { year: 2013, budget: '5999999.99', baseYearTotal: 5000000 };
    const f = city({ funding: { baseYearTotal: 5000000, budgets: { 2013: '5999999.99' } } }).findings.find((x) => x.provision === 'Q9')!;
    const g = findingGraph(f, { record });
    expect(g.detail).toBe('formula');
    const rule = g.nodes.find((n) => n.id === 'rule:cityFundBudget.amount')!;
    expect(rule).toMatchObject({ rule: 'cityFundBudget', clause: 'A.4.3', value: '6000000' });
    expect(rule.dependencies).toEqual(['input:baseYearTotal', 'input:year', 'reading:I1']);
    expect(g.nodes.find((n) => n.id === 'value:expected')!.dependencies).toEqual(['rule:cityFundBudget.amount']);
    expect(g.nodes.filter((n) => n.kind === 'input').map((n) => [n.id, n.value])).toEqual([
      ['input:budget', '5999999.99'],
      ['input:baseYearTotal', '5000000'],
      ['input:year', '2013'],
    ]);
    expect(g.nodes.find((n) => n.id === 'value:shortfall')!.value).toBe('0.01');
  });
  test('Q11: the developer rule’s route and room area, from the project’s fields', () => {
    const p = { id: 'p', floorAreaM2: 250000, residents: 8000, roomAreaProvidedM2: '399.99' };
    const f = city({ developerProjects: [p] }).findings.find((x) => x.provision === 'Q11')!;
    const g = findingGraph(f, { record: p });
    expect(g.nodes.find((n) => n.id === 'value:status')!.dependencies).toEqual(['operation:1', 'rule:developerObligation.route=in-kind']);
    expect(g.nodes.find((n) => n.id === 'rule:developerObligation.roomAreaM2')).toMatchObject({ rule: 'developerObligation', clause: 'A.4.3', value: '400' });
    expect(g.nodes.find((n) => n.id === 'rule:developerObligation.route=in-kind')!.value).toBe('true');
    const inputs = Object.fromEntries(g.nodes.filter((n) => n.kind === 'input').map((n) => [n.id, n.value]));
    expect(inputs).toEqual({
      'input:floorAreaM2': '250000',
      'input:residents': '8000',
      'input:households': null,
      'input:pricePerM2': null,
      'input:roomAreaProvidedM2': '399.99',
    });
  });
});

describe('the standards’ judgements of the city from the urban communities’ sums', () => {
  const urban = (id: string, residents: number, staff?: number, roomAreaM2?: number) => ({
    id,
    name: id,
    kind: 'urban' as const,
    households: 1000,
    residents,
    ...(staff !== undefined && { staff }),
    ...(roomAreaM2 !== undefined && { roomAreaM2 }),
  });
  const finding = (policy: PolicyCore, communities: object[], id: string) =>
    said([...city({ communities } as Partial<Dataset>, policy).findings].find((f) => f.provision === id)!).slice(2);
  test('18 workers per 10,000 residents: 10,000 residents need 18; 18 pass, 17 fail by 1; 17 with one community silent is unknown', () => {
    const p = applyStandard(createPolicy(), 'workers-18');
    expect(finding(p, [urban('a', 5000, 9), urban('b', 5000, 9)], 'workers-ratio')).toEqual(['pass', '18', '18', null]);
    expect(finding(p, [urban('a', 5000, 9), urban('b', 5000, 8)], 'workers-ratio')).toEqual(['fail', '18', '17', '1']);
    expect(finding(p, [urban('a', 5000, 17), urban('b', 5000)], 'workers-ratio')).toEqual(['unknown', '18', null, null]);
    // Enough known already: the silent community cannot take it below.
    expect(finding(p, [urban('a', 5000, 18), urban('b', 5000)], 'workers-ratio')).toEqual(['pass', '18', '18', null]);
  });
  test('the city’s average rooms (national-2021: 30 m² per 100 households): 2,000 households need 600 m²; 599.99 fails by 0.01', () => {
    const p = applyStandard(createPolicy(), 'national-2021', { held: 'average' });
    expect(finding(p, [urban('a', 3000, 5, 300), urban('b', 3000, 5, 300)], 'rooms-average')).toEqual(['pass', '600', '600', null]);
    expect(finding(p, [urban('a', 3000, 5, 300), urban('b', 3000, 5, 299.99)], 'rooms-average')).toEqual(['fail', '600', '599.99', '0.01']);
    expect(finding(p, [urban('a', 3000, 5, 300), urban('b', 3000, 5)], 'rooms-average')).toEqual(['unknown', '600', null, null]);
  });
});

describe('a formula that names a rule the policy does not have', () => {
  test('is refused with PolicyInputError naming the rule, when the check is compiled', () => {
    const source = { id: 'mine', body: { zh: '某局', en: 'a bureau' }, title: { zh: '补充', en: 'More' }, date: '2024-01-01' };
    const typo = formulaCheck({
      provision: 'NB1',
      clause: 'NB.1',
      rural: false,
      formula: checkFormula({
        pass: ge(field('staff'), ruleValue('requiredStaf', 'staff', { households: field('households') })),
        expected: c(1),
        actual: field('staff'),
        kind: 'count',
      }),
      message: () => ({ zh: '', en: '' }),
    });
    const mine = defineProvision({
      id: 'nb-1',
      clause: 'NB.1',
      parameters: {},
      quantities: [],
      readings: [],
      rules: {},
      checks: [typo],
      findings: { NB1: { name: { zh: '甲', en: 'a' }, unit: 'workers' } },
    });
    const policy = extendPolicy(createPolicy(), { source, add: [mine] });
    const c1 = { id: 'c1', name: 'c1', kind: 'urban' as const, households: 600, residents: 2000, staff: 1 };
    try {
      evaluateCity({ year: 2013, communities: [c1] }, { policy });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      expect((e as PolicyInputError).issues.map((i) => [i.path, i.code, i.received])).toEqual([['rule', 'invalid', '"requiredStaf"']]);
    }
  });
});
