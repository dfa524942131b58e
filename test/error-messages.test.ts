/**
 * What a caller reads when an input is refused: the function, the field, the
 * code, what it got and what is allowed. Each case asserts the paths and codes;
 * the words, in English and Chinese, are pinned once, in
 * __snapshots__/issue-messages.txt (with one example of each code's template).
 * (test/invalid-inputs.test.ts checks that every kind of bad input is refused.)
 */
import { describe, expect, test } from 'vitest';
import * as lib from '../src/index.js';
import { actorsFor, auditPolicy, dutiesOf } from '../src/spec.js';
import { evaluateBatch, evaluateCity, evaluateCommunity, formatReport, readDataset, readEvaluation, readTable } from '../src/evaluation.js';
import { ISSUE_CODES, issue, type IssueCode, type PolicyInputIssue } from '../src/errors.js';
import { findingGraph, graphDot, graphJson, ruleGraph } from '../src/graph/index.js';
import { KINDS, oneOf } from '../src/kinds.js';

const { Decimal } = lib;
const byDays = () => lib.createPolicy({ streetSubsidy: { proration: 'by-days' } });
const perHousehold = () => lib.createPolicy({ rooms: { m2Per100Households: 20 } });

const rules: [string, () => unknown, string][] = [
  ['not an object', () => lib.requiredStaff(3000 as never), 'not-an-object'],
  ['an unknown field', () => lib.requiredStaff({ households: 1, extra: 2 } as never), 'extra: unknown-field'],
  ['a sum beyond safe integers', () => lib.requiredStaff({ households: 2 ** 52, floatingHouseholds: 2 ** 52 }), 'floatingHouseholds: out-of-range'],
  ['communitySize', () => lib.communitySize({ households: -1, residents: 1 }), 'households: not-a-count'],
  ['planCommunities', () => lib.planCommunities({ households: 1, residents: 'x' as never }), 'residents: not-a-count'],
  ['rooms without residents', () => lib.serviceRoomArea({}), 'residents: missing-field'],
  ['rooms with bad households beside residents', () => lib.serviceRoomArea({ residents: 8000, households: -1 }), 'households: not-a-count'],
  ['rooms per household without households', () => perHousehold().serviceRoomArea({ residents: 8000 }), 'households: missing-field'],
  ['a year before 1900', () => lib.ruralRollout({ year: 1899 }), 'year: not-a-year'],
  ['a year after 2100', () => lib.ruralRollout({ year: 2101 }), 'year: not-a-year'],
  ['a schedule backwards', () => lib.ruralRolloutSchedule({ from: 2014, to: 2011 }), 'to: out-of-range'],
  ['a schedule with bad villages', () => lib.ruralRolloutSchedule({ from: 2011, to: 2012, villages: -1 }), 'villages: not-a-count'],
  ['a schedule with a bad start', () => lib.ruralRolloutSchedule({ from: 'x' as never, to: 2012 }), 'from: not-a-year'],
  ['a fund year before the base', () => lib.cityFundBudget({ baseYearTotal: 1, year: 2010 }), 'year: out-of-range'],
  ['a fund schedule before the base', () => lib.cityFundSchedule({ baseYearTotal: 1, from: 2010, to: 2012 }), 'from: out-of-range'],
  ['a fund schedule backwards', () => lib.cityFundSchedule({ baseYearTotal: 1, from: 2013, to: 2012 }), 'to: out-of-range'],
  ['an amount in exponent notation', () => lib.cityFundBudget({ baseYearTotal: '1e5', year: 2012 }), 'baseYearTotal: not-an-amount'],
  ['a negative Decimal', () => lib.cityFundBudget({ baseYearTotal: new Decimal(-5), year: 2012 }), 'baseYearTotal: not-an-amount'],
  ['an amount of 61 characters', () => lib.cityFundBudget({ baseYearTotal: '1'.repeat(61), year: 2012 }), 'baseYearTotal: not-an-amount'],
  ['a project with bad households', () => lib.developerObligation({ floorAreaM2: 1, households: -1 }), 'households: not-a-count'],
  ['dates without a year', () => lib.streetSubsidyMinimum({ communities: 1, activeFrom: '2013-07-01' }), 'year: missing-field'],
  ['an end date without a year', () => lib.streetSubsidyMinimum({ communities: 1, activeTo: '2013-07-01' }), 'year: missing-field'],
  ['by-days without a year', () => byDays().streetSubsidyMinimum({ communities: 1 }), 'year: missing-field'],
  ['a subsidy year as text', () => lib.streetSubsidyMinimum({ communities: 1, year: 'x' as never }), 'year: not-a-year'],
  ['an end date that is no date', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeTo: 'x' }), 'activeTo: not-a-date'],
  [
    'an end before the start',
    () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-07-01', activeTo: '2013-06-30' }),
    'activeTo: out-of-range',
  ],
  ['30 February', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-02-30' }), 'activeFrom: not-a-date'],
  ['31 April', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-04-31' }), 'activeFrom: not-a-date'],
  ['month 13', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-13-01' }), 'activeFrom: not-a-date'],
  ['29 February of a common year', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-02-29' }), 'activeFrom: not-a-date'],
  ['an invalid Date', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: new Date(NaN) }), 'activeFrom: not-a-date'],
  ['a fractional target year', () => lib.targets({ year: 2013.5 }), 'year: not-a-year'],
  ['no target year', () => lib.targets({} as never), 'year: not-a-year'],
  ['a trace in French', () => lib.formatTrace([], 'fr' as never), 'lang: not-an-option'],
  ['a trace that is not a list', () => lib.formatTrace('x' as never), 'trace: not-a-list'],
  ['a trace step without the language', () => lib.formatTrace([{ zh: '一' } as never], 'en'), 'trace.0.en: not-text'],
  ['a trace step that is null', () => lib.formatTrace([null as never]), 'trace.0: not-an-object'],
  ['an as-of day that does not exist', () => lib.createPolicy().asOf('2013-02-30'), 'date: not-a-date'],
  ['an as-of Date that is invalid', () => lib.createPolicy().asOf(new Date(NaN)), 'date: not-a-date'],
];

const spec: [string, () => unknown, string][] = [
  ['a floor area of 0', () => auditPolicy(undefined, { floorAreaPerHouseholdM2: 0 }), 'floorAreaPerHouseholdM2: out-of-range'],
  ['an unknown assumption', () => auditPolicy(undefined, { floorArea: 1 } as never), 'floorArea: unknown-field'],
  ['a policy that is not one', () => auditPolicy(5 as never), 'policy: not-a-policy'],
  ['an empty body name', () => dutiesOf(''), 'name: not-text'],
  ['a blank body name', () => dutiesOf('  '), 'name: not-text'],
  ['a body name that is a number', () => dutiesOf(5 as never), 'name: not-text'],
  ['an empty question', () => actorsFor(''), 'question: not-text'],
  ['a blank question', () => actorsFor(' '), 'question: not-text'],
];

const ok = { id: 'c', name: 'c', kind: 'urban', households: 1, residents: 1 };
const data = (patch: object) => ({ year: 2013, communities: [], ...patch });
const evaluation: [string, () => unknown, string][] = [
  ['a dataset that is not an object', () => readDataset(7), 'not-an-object'],
  ['a year before 1900', () => readDataset(data({ year: 1899 })), 'year: not-a-year'],
  ['a year after 2100', () => readDataset(data({ year: 2101 })), 'year: not-a-year'],
  ['more villages covered than there are', () => readDataset(data({ villages: { total: 10, covered: 11 } })), 'villages.covered: out-of-range'],
  ['a budget year before 1900', () => readDataset(data({ funding: { baseYearTotal: 1, budgets: { '1899': 1 } } })), 'funding.budgets.1899: not-a-year'],
  ['a budget year after 2100', () => readDataset(data({ funding: { baseYearTotal: 1, budgets: { '2101': 1 } } })), 'funding.budgets.2101: not-a-year'],
  ['a budget key that is no year', () => readDataset(data({ funding: { baseYearTotal: 1, budgets: { abcd: 1 } } })), 'funding.budgets.abcd: not-a-year'],
  ['a day not in the calendar', () => readDataset(data({ communities: [{ ...ok, activeFrom: '2013-02-30' }] })), 'communities[0].activeFrom: not-a-date'],
  ['a day with time', () => readDataset(data({ communities: [{ ...ok, activeFrom: '2013-02-03T00:00' }] })), 'communities[0].activeFrom: not-a-date'],
  ['an empty id', () => readDataset(data({ communities: [{ ...ok, id: '' }] })), 'communities[0].id: not-an-id'],
  ['another kind', () => readDataset(data({ communities: [{ ...ok, kind: 'town' }] })), 'communities[0].kind: not-an-option'],
  [
    'a missing count',
    () => readDataset(data({ communities: [{ id: 'c', name: 'c', kind: 'urban', residents: 1 }] })),
    'communities[0].households: missing-field',
  ],
  [
    'a bad household count beside floating households',
    () => readDataset(data({ communities: [{ ...ok, households: 'x', floatingHouseholds: 5 }] })),
    'communities[0].households: not-a-count',
  ],
  [
    'households + floating households beyond safe integers',
    () => readDataset(data({ communities: [{ ...ok, households: Number.MAX_SAFE_INTEGER, floatingHouseholds: 1 }] })),
    'communities[0].floatingHouseholds: out-of-range',
  ],
  ['an id that is a number', () => readDataset(data({ communities: [{ ...ok, id: 5 }] })), 'communities[0].id: not-an-id'],
  ['a project that is a number', () => readDataset(data({ developerProjects: [5] })), 'developerProjects[0]: not-an-object'],
  ['duplicate community ids', () => readDataset(data({ communities: [ok, { ...ok, name: 'other' }] })), 'communities[1].id: duplicate-id'],
  ['a community evaluated alone', () => evaluateCommunity({ ...ok, households: -1 } as never), 'households: not-a-count'],
  ['an unknown field of a community evaluated alone', () => evaluateCommunity({ ...ok, staf: 1 } as never), 'staf: unknown-field'],
  ['an unknown field of a batch record', () => evaluateBatch([{ ...ok, staf: 1 } as never], { year: 2013 }), 'records[0].staf: unknown-field'],
  [
    'duplicate project ids',
    () =>
      readDataset(
        data({
          developerProjects: [
            { id: 'p', floorAreaM2: 1 },
            { id: 'p', floorAreaM2: 2 },
          ],
        }),
      ),
    'developerProjects[1].id: duplicate-id',
  ],
  [
    'an unknown project field',
    () => readDataset(data({ developerProjects: [{ id: 'p', floorArea: 1 }] })),
    'developerProjects[0].floorAreaM2: missing-field; developerProjects[0].floorArea: unknown-field',
  ],
  ['an unknown top-level field', () => readDataset({ yeer: 2013, year: 2013, communities: [] }), 'yeer: unknown-field'],
  ['an unknown village field', () => readDataset(data({ villages: { total: 1, covered: 1, coverd: 1 } })), 'villages.coverd: unknown-field'],
  ['a report option that does not exist', () => formatReport(evaluateCity(data({})), { colour: true } as never), 'colour: unknown-field'],
  ['a fractional limit', () => formatReport(evaluateCity(data({})), { limit: 1.5 }), 'limit: not-a-count'],
  ['a limit as text', () => formatReport(evaluateCity(data({})), { limit: '5' as never }), 'limit: not-a-count'],
  ['a line width too narrow to lay a report out', () => formatReport(evaluateCity(data({})), { width: 20 }), 'width: out-of-range'],
  ['a format', () => formatReport(evaluateCity(data({})), { format: 'pdf' as never }), 'format: not-an-option'],
  ['a language', () => formatReport(evaluateCity(data({})), { lang: 'fr' as never }), 'lang: not-an-option'],
  ['all as text', () => formatReport(evaluateCity(data({})), { all: 'yes' as never }), 'all: not-a-flag'],
  ['options that are not an object', () => formatReport(evaluateCity(data({})), null as never), 'options: not-an-object'],
  ['a result that is not an evaluation', () => formatReport({ findings: [] } as never), 'result: not-an-object'],
  ['a result that is null', () => formatReport(null as never), 'result: not-an-object'],
  ['a report whose findings are not a list', () => readEvaluation('{"findings": {}, "summary": {}}'), 'json: not-an-object'],
  ['a report without a summary', () => readEvaluation('{"findings": [], "summary": null}'), 'json: not-an-object'],
];

/** A table as a bureau keeps it: every problem its reader finds in a cell, a row or the header (the CLI says the same). */
const HEAD = ['区划代码', '社区名称', '类型', '户数', '常住人口'];
const ROW = ['c1', '甲社区', '城市', '3000', '8000'];
const table =
  (rows: unknown[][], options: { year?: number } = { year: 2013 }) =>
  () =>
    readTable(rows as never, options);
const tables: [string, () => unknown, string][] = [
  ['a negative count in a cell', table([HEAD, ['c1', '甲社区', '城市', '-3', '8000']]), 'row 2, 户数: not-a-count'],
  ['a count as letters', table([HEAD, ['c1', '甲社区', '城市', 'abc', '8000']]), 'row 2, 户数: not-a-count'],
  ['a kind that is neither', table([HEAD, ['c1', '甲社区', '镇', '3000', '8000']]), 'row 2, 类型: not-an-option'],
  [
    'an area in words',
    table([
      [...HEAD, '用房面积(㎡)'],
      [...ROW, '四百'],
    ]),
    'row 2, 用房面积(㎡): not-an-amount',
  ],
  [
    'a flag that is neither',
    table([
      [...HEAD, '用房是否在一楼'],
      [...ROW, '也许'],
    ]),
    'row 2, 用房是否在一楼: not-a-flag',
  ],
  ['a required cell left empty', table([HEAD, ['c1', '甲社区', '城市', '', '8000']]), 'row 2, 户数: missing-field'],
  ['a value under no header', table([HEAD, [...ROW, 'x']]), 'row 2: invalid'],
  ['no year anywhere', table([HEAD, ROW], {}), 'row 2: missing-field'],
  ['an id used twice', table([HEAD, ROW, ROW]), 'row 3, 区划代码: duplicate-id'],
  ['a name used twice where names are the ids', table([HEAD.slice(1), ROW.slice(1), ROW.slice(1)]), 'row 3, 社区名称: duplicate-id'],
  [
    'households + floating households beyond safe integers',
    table([
      [...HEAD, '流动人口户数'],
      ['c1', '甲社区', '城市', '9007199254740991', '8000', '1'],
    ]),
    'row 2, 流动人口户数: out-of-range',
  ],
  [
    'an unknown header',
    table([
      [...HEAD, '楼层'],
      [...ROW, '1'],
    ]),
    'row 1, 楼层: unknown-field',
  ],
  [
    'a cell with its own scale word under a header in 万元',
    table([
      [...HEAD, '街道配套补助(万元)'],
      [...ROW, '2万'],
    ]),
    'row 2, 街道配套补助(万元): not-an-amount',
  ],
  [
    'a plain number in a date column',
    table([
      [...HEAD, '成立日期'],
      [...ROW, 2013],
    ]),
    'row 2, 成立日期: not-a-date',
  ],
  ['two title rows that give two years', table([['宁国市2012年社区统计表'], ['2013年度'], HEAD, ROW], {}), 'row 1: invalid'],
  ['a 年度 cell against the title’s year', table([['宁国市2013年社区统计表'], [...HEAD, '年度'], [...ROW, '2012']], {}), 'row 3, 年度: invalid'],
  [
    'a header close to a known one',
    table([
      [...HEAD, '户 数数'],
      [...ROW, '1'],
    ]),
    'row 1, 户 数数: unknown-field',
  ],
  [
    'an ambiguous header',
    table([
      [...HEAD, '流动人口'],
      [...ROW, '1'],
    ]),
    'row 1, 流动人口: unknown-field',
  ],
  [
    'a field named twice',
    table([
      [...HEAD, '总户数'],
      [...ROW, '1'],
    ]),
    'row 1, 总户数: invalid',
  ],
  ['a required column left out', table([HEAD.slice(0, 4), ROW.slice(0, 4)]), 'row 1: missing-field'],
  ['an empty table', table([]), 'invalid'],
  [
    'no header in the rows',
    table([
      ['a', 'b'],
      ['1', '2'],
    ]),
    'row 1: invalid',
  ],
];

const aFinding = { provision: 'Q8', clause: 'A.4.2', subject: 'c1', status: 'fail', expected: 6, actual: 4, message: { zh: '', en: '' } } as const;
const graphs: [string, () => unknown, string][] = [
  ['a rule the policy does not have', () => ruleGraph('requiredStaf', { households: 1 }), 'rule: unknown-name'],
  ['a finding of no check', () => findingGraph({ ...aFinding, provision: 'Q99' }), 'finding: unknown-name'],
  ['a finding without its words', () => findingGraph({ ...aFinding, message: 'short' } as never), 'finding.message: invalid'],
  ['a finding’s year as text', () => findingGraph(aFinding, { year: '2013' as never }), 'year: not-a-year'],
  ['not a graph', () => graphJson(5 as never), 'graph: not-an-object'],
  [
    'a graph with a node of junk',
    () => graphDot({ of: { rule: 'r' }, clause: 'D.1', requested: [], nodes: [1], detail: 'declared' } as never),
    'graph.nodes[0]: invalid',
  ],
  ['a graph in a third language', () => graphDot(ruleGraph('requiredStaff', { households: 1 }), 'fr' as never), 'lang: not-an-option'],
];

const layers = [
  ['rules', rules],
  ['specification', spec],
  ['evaluation and report', evaluation],
  ['tables read', tables],
  ['explanation graph', graphs],
] as const;

const refusal = (call: () => unknown): lib.PolicyInputError => {
  try {
    call();
  } catch (e) {
    if (e instanceof lib.PolicyInputError) return e;
    throw e;
  }
  throw new Error('expected a PolicyInputError, got a result');
};

describe.each(layers)('%s: each refusal names the field and its code', (_layer, cases) => {
  test.each(cases)('%s', (_name, call, codes) => {
    const e = refusal(call);
    expect(e.issues.map((i) => (i.path ? `${i.path}: ${i.code}` : i.code)).join('; ')).toBe(codes);
    for (const i of e.issues) {
      expect(ISSUE_CODES).toContain(i.code);
      expect(i.message).toBe(i.messages.en);
      expect(i.messages.zh.length).toBeGreaterThan(0);
    }
  });
});

/** One issue in both languages, as the snapshot shows it. */
const show = (i: Pick<PolicyInputIssue, 'path' | 'code' | 'expected' | 'received' | 'messages'>) =>
  [
    `  ${i.path || '(no path)'} · ${i.code}`,
    `    expected: ${i.expected}`,
    `    received: ${i.received}`,
    `    en: ${i.messages.en}`,
    `    zh: ${i.messages.zh}`,
  ].join('\n');

test('the words of every refusal above, and of each code, in both languages: pinned here, once', async () => {
  const parts: string[] = ['# Issue messages, pinned once (test/error-messages.test.ts). Tests elsewhere assert paths and codes.', ''];
  parts.push('## Each kind of value: what is allowed, said of a value and of text', '');
  for (const k of Object.values(KINDS))
    parts.push(
      `${k.id} · ${k.code}`,
      `  value en: ${k.expected.en}`,
      `  value zh: ${k.expected.zh}`,
      `  text en: ${k.expectedText.en}`,
      `  text zh: ${k.expectedText.zh}`,
    );
  parts.push('', '## Each code, made from its template with sample words', '');
  const sample: Record<IssueCode, Parameters<typeof issue>[2]> = {
    'not-a-count': { expected: KINDS.count.expected, received: { en: '-1', zh: '-1' } },
    'not-an-amount': { expected: KINDS.amount.expected, received: { en: '"1e5"', zh: '"1e5"' } },
    'not-a-share': { expected: KINDS.share.expected, received: { en: '1.5', zh: '1.5' } },
    'not-a-year': { expected: KINDS.year.expected, received: { en: '1899', zh: '1899' } },
    'not-a-date': {
      expected: KINDS.date.expected,
      received: { en: '"2013-02-30"', zh: '"2013-02-30"' },
      note: { en: 'not a day of the calendar', zh: '日历上没有这一天' },
    },
    'not-a-flag': { expected: KINDS.flag.expected, received: { en: '"yes"', zh: '"yes"' } },
    'not-an-id': { expected: KINDS.id.expected, received: { en: '""', zh: '""' } },
    'not-text': { expected: KINDS.text.expected, received: { en: '5', zh: '5' } },
    'not-an-option': { expected: oneOf(['urban', 'rural']), received: { en: '"town"', zh: '"town"' } },
    'out-of-range': { expected: { en: 'a whole number ≥ 1', zh: '不小于 1 的整数' }, received: { en: '0', zh: '0' } },
    'not-an-object': { expected: { en: '{ total, covered }', zh: '{ total, covered }' }, received: { en: 'an array', zh: '一个数组' } },
    'not-a-list': { expected: { en: 'a list of communities', zh: '社区列表' }, received: { en: 'an object', zh: '一个对象' } },
    'not-a-policy': { expected: { en: 'a policy made by createPolicy()', zh: '由 createPolicy() 生成的政策' }, received: { en: 'an object', zh: '一个对象' } },
    'unknown-field': {
      expected: { en: 'households, floatingHouseholds', zh: 'households、floatingHouseholds' },
      received: { en: '"staf"', zh: '"staf"' },
      note: { en: 'did you mean "staff"?', zh: '是否想写 "staff"？' },
    },
    'missing-field': { expected: KINDS.count.expected },
    'duplicate-id': { received: { en: '"c1"', zh: '"c1"' }, note: { en: 'communities[0]', zh: 'communities[0]' } },
    'unknown-name': { expected: { en: 'a clause id', zh: '条款编号' }, received: { en: '"Z.9"', zh: '"Z.9"' } },
    'not-json': { note: { en: 'Unexpected end of JSON input', zh: 'Unexpected end of JSON input' } },
    'too-many-issues': { received: { en: '2', zh: '2' } },
    invalid: { expected: { en: 'something else', zh: '别的' }, received: { en: 'this', zh: '这个' } },
  };
  for (const code of ISSUE_CODES) {
    const i = issue('field', code, sample[code]);
    parts.push(show({ path: i.path, code: i.code!, expected: i.expected!, received: i.received!, messages: i.messages! }));
  }
  for (const [layer, cases] of layers) {
    parts.push('', `## ${layer}`, '');
    for (const [name, call] of cases) {
      const e = refusal(call);
      parts.push(`${name}`, `  error: ${e.message}`, ...e.issues.map(show));
    }
  }
  await expect(`${parts.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/issue-messages.txt');
});

describe('the edges that are allowed', () => {
  test('the first and last years, a schedule of one year, an amount of 60 characters, a Decimal −0, an end on the start day, 29 February of a leap year, limit Infinity', () => {
    expect(lib.ruralRollout({ year: 1900 }).share.toString()).toBe('0');
    expect(lib.ruralRollout({ year: 2100 }).share.toString()).toBe('1'); // 30 % a year, capped at every village
    expect(lib.ruralRolloutSchedule({ from: 2012, to: 2012 }).rows).toHaveLength(1);
    expect(lib.cityFundSchedule({ baseYearTotal: 1, from: 2011, to: 2011 }).rows.map((r) => r.amount.toString())).toEqual(['1']);
    expect(lib.cityFundBudget({ baseYearTotal: '1'.repeat(60), year: 2011 }).amount.toString()).toBe('1'.repeat(60));
    expect(lib.cityFundBudget({ baseYearTotal: new Decimal('-0'), year: 2012 }).amount.toString()).toBe('0');
    expect(lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-07-01', activeTo: '2013-07-01' }).perCommunity.toString()).toBeDefined();
    expect(lib.streetSubsidyMinimum({ communities: 1, year: 2012, activeFrom: '2012-02-29' }).perCommunity.toString()).toBe('30000');
    expect(readDataset(data({ funding: { baseYearTotal: 1, budgets: { '1900': 1, '2100': 1 } } })).funding!.budgets['2100']).toBe(1);
    expect(formatReport(evaluateCity(data({})), { limit: Infinity, lang: 'en' })).toContain('Findings: ✓ 0 pass');
  });
});

describe('a dataset with many problems', () => {
  const bad = (n: number) => ({ year: 2013, communities: Array.from({ length: n }, (_, i) => ({ ...ok, id: `c${i}`, households: -1 })) });
  const issuesOf = (input: unknown) => {
    try {
      readDataset(input);
    } catch (e) {
      return (e as lib.PolicyInputError).issues;
    }
    throw new Error('no error');
  };
  test('50 problems are all listed; from 51 on, the first 50 and a count of the rest', () => {
    expect(issuesOf(bad(50))).toHaveLength(50);
    const more = issuesOf(bad(52));
    expect(more).toHaveLength(51);
    expect(more[50]).toMatchObject({ path: '', code: 'too-many-issues', received: '2' });
  });
});
