/** The edges of the data layer: every refusal says what it got and what is allowed. */
import { describe, expect, test } from 'vitest';
import { describeValue, PolicyInputError } from '../src/errors.js';
import { readDataset } from '../src/evaluation.js';
import { createPolicy, formatTrace, PRESETS } from '../src/index.js';
import { actorsFor, classifyFundSource, dutiesOf } from '../src/spec.js';
import { codesOf } from './support/issues.js';

const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyInputError);
    return (e as PolicyInputError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('no error');
};

describe('describeValue and PolicyInputError', () => {
  test.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['3k', '"3k"'],
    ['x'.repeat(45), `"${'x'.repeat(40)}…"`],
    [-0, '-0'],
    [1.5, '1.5'],
    [NaN, 'NaN'],
    [12n, '12n (a bigint)'],
    [true, 'true'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
    [[1], 'an array'],
    [new Date(0), 'a Date'],
    [new Date(NaN), 'an invalid Date'],
    [{}, 'an object'],
  ])('%s is shown as %s', (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  test('the error lists every issue in its message, and always has one', () => {
    const e = new PolicyInputError(
      [
        { path: 'a', message: 'x' },
        { path: '', message: 'y' },
      ],
      'rule',
    );
    expect([e.name, e.message]).toEqual(['PolicyInputError', 'Invalid input to rule: a: x; y']);
    expect(new PolicyInputError([]).issues).toEqual([
      { path: '', code: 'invalid', expected: '', received: '', message: 'invalid input', messages: { zh: 'invalid input', en: 'invalid input' } },
    ]);
    expect(new PolicyInputError([]).message).toBe('Invalid input: invalid input');
    expect(Object.isFrozen(e.issues)).toBe(true);
  });
});

describe('formatTrace refuses what is not a trace', () => {
  test.each([
    [() => formatTrace('x' as never), ['trace: expected the trace array of a rule result, got "x"']],
    [() => formatTrace([{ zh: '一' }] as never, 'en'), ['trace.0.en: expected a string, got nothing']],
    [() => formatTrace([null] as never), ['trace.0: expected a step { zh, en }, got null']],
  ])('%#', (call, expected) => {
    expect(message(call)).toEqual(expected);
  });
  test('defaults to Chinese', () => {
    expect(formatTrace([{ zh: '一', en: 'one' }])).toEqual(['1. 一']);
  });
});

describe('asOf', () => {
  test('reads ISO days and Dates, refuses the rest', () => {
    const p = createPolicy();
    expect(p.asOf('2012-01-01').find((x) => x.path === 'funding.mode')!.inForce).toBe(true);
    expect(p.asOf('2011-12-31').find((x) => x.path === 'funding.mode')!.inForce).toBe(false);
    expect(p.asOf(new Date(2011, 11, 31)).find((x) => x.path === 'funding.mode')!.inForce).toBe(false);
    for (const bad of ['2011-13-01', '2011-1-1', '', 20110101, new Date(NaN), null]) {
      expect(codesOf(() => p.asOf(bad as never))).toEqual(['date: not-a-date']);
    }
  });

  test('lists the household standard only when it is set, dated like the rest of the rooms clause', () => {
    expect(
      createPolicy()
        .asOf('2013-01-01')
        .some((x) => x.path === 'rooms.m2Per100Households'),
    ).toBe(false);
    const set = createPolicy(PRESETS.nationalPlan2011)
      .asOf('2013-01-01')
      .find((x) => x.path === 'rooms.m2Per100Households')!;
    expect(set).toMatchObject({ value: 20, unit: 'm² per 100 户', clause: 'A.3.4', inForce: true, from: '2011-01-01' });
    expect(
      createPolicy({ baseYear: 2015, funding: { firstGrowthYear: 2016 } })
        .asOf('2014-06-01')
        .find((x) => x.path === 'staffing.rounding'),
    ).toMatchObject({ from: '2015-01-01', inForce: false });
  });
});

describe('catalogue and body look-ups', () => {
  test('classifyFundSource trims, ignores case, and refuses a non-string', () => {
    expect(classifyFundSource('  DONATIONS ').id).toBe('donations');
    expect(classifyFundSource('Project funds won from higher-level government').id).toBe('higher-level-projects');
    expect(message(() => classifyFundSource(5 as never))).toEqual(["source: expected a description of the money's source, got 5"]);
    expect(message(() => classifyFundSource('银行贷款'))[0]).toMatch(
      /^source: "银行贷款" is not one of the six kinds of money the special account takes \(A\.4\.4\): city-special-fund \(市级社区建设专项资金\)/,
    );
  });

  test('dutiesOf reads full-width brackets and any case, and refuses a non-string', () => {
    expect(dutiesOf('街道（乡镇）').body.id).toBe('street-township');
    expect(dutiesOf('WATER').body.id).toBe('water');
    expect(message(() => dutiesOf('' as never))).toEqual(['name: expected the name of a department or body, got ""']);
    expect(message(() => dutiesOf('Ministry of Magic'))[0]).toBe(
      'name: no body called "Ministry of Magic" is named in the documents; known bodies include 党委政府, 民政部门, 街道(乡镇), 街道(乡镇)党工委书记, 发展改革部门, 教育主管部门 …',
    );
  });

  test('actorsFor suggests a topic id for a typo, and refuses a non-string', () => {
    expect(message(() => actorsFor('reservior-relase'))[0]).toMatch(
      /^question: "reservior-relase" names no matter the documents deal with \(did you mean 'reservoir-release'\?\); topics: /,
    );
    expect(message(() => actorsFor(null as never))).toEqual(['question: expected a topic id or a description, got null']);
    // a narrower matter wins over drowning prevention in general
    expect(actorsFor('swimming near the reservoir release').map((a) => a.body.id)).toEqual(['radio-tv', 'water', 'reservoir-office']);
    expect(actorsFor('drowning').map((a) => a.body.id)).toContain('education');
  });
});

describe('readDataset: each part of a dataset says what it expected', () => {
  const base = { year: 2013, communities: [] };
  test.each([
    [{ ...base, description: 5 }, ['description: not-text']],
    [{ ...base, communities: 'none' }, ['communities: not-a-list']],
    [{ ...base, villages: [] }, ['villages: not-an-object']],
    [{ ...base, funding: 'lots' }, ['funding: not-an-object']],
    [{ ...base, funding: { baseYearTotal: 1, budgets: [] } }, ['funding.budgets: not-an-object']],
    [{ ...base, funding: { baseYearTotal: -1, budgets: {} } }, ['funding.baseYearTotal: not-an-amount']],
    [{ ...base, funding: { baseYearTotal: 1, budgets: { '1800': 1 } } }, ['funding.budgets.1800: not-a-year']],
    [{ ...base, developerProjects: {} }, ['developerProjects: not-a-list']],
    [{ ...base, developerProjects: [{ id: '', floorAreaM2: 1 }] }, ['developerProjects[0].id: not-an-id']],
    [{ ...base, developerProjects: [{ id: 'p', floorAreaM2: 1, pricePerM2: 'ten' }] }, ['developerProjects[0].pricePerM2: not-an-amount']],
    [{ ...base, developerProjects: [{ id: 'p', floorAreaM2: 1, pricePerM3: 1 }] }, ['developerProjects[0].pricePerM3: unknown-field']],
    [{ ...base, developerProjects: [{ id: 'p', floorAreaM2: 1, priceM2: 1 }] }, ['developerProjects[0].priceM2: unknown-field']],
    [
      {
        ...base,
        developerProjects: [
          { id: 'p', floorAreaM2: 1 },
          { id: 'p', floorAreaM2: 2 },
        ],
      },
      ['developerProjects[1].id: duplicate-id'],
    ],
    [{ ...base, year: 2013.5 }, ['year: not-a-year']],
    [{ ...base, communities: [{ id: 'c', name: 1, kind: 'urban', households: 1, residents: 1 }] }, ['communities[0].name: not-text']],
    [
      { ...base, communities: [{ id: 'c', name: 'c', kind: 'urban', households: 1, residents: 1, oneStopWindow: 'yes' }] },
      ['communities[0].oneStopWindow: not-a-flag'],
    ],
    [
      { ...base, communities: [{ id: 'c', name: 'c', kind: 'urban', households: 1, residents: 1, activeFrom: 20130701 }] },
      ['communities[0].activeFrom: not-a-date'],
    ],
    [{ ...base, communities: [{ id: 'c', name: 'c', kind: 'urban', residents: 1 }] }, ['communities[0].households: missing-field']],
  ])('%#', (dataset, expected) => {
    expect(codesOf(() => readDataset(dataset))).toEqual(expected);
  });

  test('an unknown field names the closest field when there is one close enough', () => {
    const project = (extra: object) => ({ ...base, developerProjects: [{ id: 'p', floorAreaM2: 1, ...extra }] });
    expect(message(() => readDataset(project({ pricePerM3: 1 })))[0]).toContain('(did you mean "pricePerM2"?)');
    expect(message(() => readDataset(project({ priceM2: 1 })))[0]).not.toContain('did you mean');
  });

  test('stops listing after 50 problems and says how many more', () => {
    const communities = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, name: 'n', kind: 'urban', households: -1, residents: 1 }));
    const issues = message(() => readDataset({ year: 2013, communities }));
    expect(issues).toHaveLength(51);
    expect(issues[50]).toBe(': … and 10 more problems');
    expect(codesOf(() => readDataset({ year: 2013, communities }))[50]).toBe('too-many-issues');
  });
});
