/**
 * What a caller reads when an input is refused: the function, the field, what
 * it got and what is allowed, letter for letter. (test/invalid-inputs.test.ts
 * checks that every kind of bad input is refused; this file pins the words.)
 */
import { describe, expect, test } from 'vitest';
import * as lib from '../src/index.js';
import { actorsFor, auditPolicy, dutiesOf } from '../src/spec.js';
import { evaluateBatch, evaluateCity, evaluateCommunity, formatReport, readDataset, readEvaluation } from '../src/evaluation.js';

const { Decimal } = lib;
const COUNT = 'expected a whole number ≥ 0 (a safe integer)';
const YEAR = 'expected a whole-number year from 1900 to 2100';
const AMOUNT = "expected a finite number ≥ 0, a decimal string such as '199999.5', or a Decimal";
const DATE = "expected an ISO date 'YYYY-MM-DD' or a valid Date";
const byDays = () => lib.createPolicy({ streetSubsidy: { proration: 'by-days' } });
const perHousehold = () => lib.createPolicy({ rooms: { m2Per100Households: 20 } });

const rules: [string, () => unknown, string][] = [
  ['not an object', () => lib.requiredStaff(3000 as never), 'Invalid input to requiredStaff: expected an object with households, floatingHouseholds, got 3000'],
  ['an unknown field', () => lib.requiredStaff({ households: 1, extra: 2 } as never), 'Invalid input to requiredStaff: extra: unknown field (allowed: households, floatingHouseholds)'],
  ['a sum beyond safe integers', () => lib.requiredStaff({ households: 2 ** 52, floatingHouseholds: 2 ** 52 }), 'Invalid input to requiredStaff: floatingHouseholds: households + floatingHouseholds is larger than the largest safe integer'],
  ['communitySize', () => lib.communitySize({ households: -1, residents: 1 }), `Invalid input to communitySize: households: ${COUNT}, got -1`],
  ['planCommunities', () => lib.planCommunities({ households: 1, residents: 'x' as never }), `Invalid input to planCommunities: residents: ${COUNT}, got "x"`],
  ['rooms without residents', () => lib.serviceRoomArea({}), 'Invalid input to serviceRoomArea: residents: expected the number of residents (a whole number ≥ 0): the standard is per 100 residents (A.3.4, I9)'],
  ['rooms with bad households beside residents', () => lib.serviceRoomArea({ residents: 8000, households: -1 }), `Invalid input to serviceRoomArea: households: ${COUNT}, got -1`],
  ['rooms per household without households', () => perHousehold().serviceRoomArea({ residents: 8000 }), 'Invalid input to serviceRoomArea: households: expected the number of households (a whole number ≥ 0): rooms.m2Per100Households sizes rooms per 100 households (I9)'],
  ['a year before 1900', () => lib.ruralRollout({ year: 1899 }), `Invalid input to ruralRollout: year: ${YEAR}, got 1899`],
  ['a year after 2100', () => lib.ruralRollout({ year: 2101 }), `Invalid input to ruralRollout: year: ${YEAR}, got 2101`],
  ['a schedule backwards', () => lib.ruralRolloutSchedule({ from: 2014, to: 2011 }), 'Invalid input to ruralRolloutSchedule: to: expected a year ≥ from (2014), got 2011'],
  ['a schedule with bad villages', () => lib.ruralRolloutSchedule({ from: 2011, to: 2012, villages: -1 }), `Invalid input to ruralRolloutSchedule: villages: ${COUNT}, got -1`],
  ['a schedule with a bad start', () => lib.ruralRolloutSchedule({ from: 'x' as never, to: 2012 }), `Invalid input to ruralRolloutSchedule: from: ${YEAR}, got "x"`],
  ['a fund year before the base', () => lib.cityFundBudget({ baseAmount: 1, year: 2010 }), "Invalid input to cityFundBudget: year: expected a year ≥ the base year 2011 (A.4.3: the base amount is that year's total), got 2010"],
  ['a fund schedule before the base', () => lib.cityFundSchedule({ baseAmount: 1, from: 2010, to: 2012 }), "Invalid input to cityFundSchedule: from: expected a year ≥ the base year 2011 (A.4.3: the base amount is that year's total), got 2010"],
  ['a fund schedule backwards', () => lib.cityFundSchedule({ baseAmount: 1, from: 2013, to: 2012 }), 'Invalid input to cityFundSchedule: to: expected a year ≥ from (2013), got 2012'],
  ['an amount in exponent notation', () => lib.cityFundBudget({ baseAmount: '1e5', year: 2012 }), `Invalid input to cityFundBudget: baseAmount: ${AMOUNT}, got "1e5"`],
  ['a negative Decimal', () => lib.cityFundBudget({ baseAmount: new Decimal(-5), year: 2012 }), `Invalid input to cityFundBudget: baseAmount: ${AMOUNT}, got "-5"`],
  ['an amount of 61 characters', () => lib.cityFundBudget({ baseAmount: '1'.repeat(61), year: 2012 }), `Invalid input to cityFundBudget: baseAmount: ${AMOUNT}, got "${'1'.repeat(40)}…"`],
  ['a project with bad households', () => lib.developerObligation({ floorAreaM2: 1, households: -1 }), `Invalid input to developerObligation: households: ${COUNT}, got -1`],
  ['dates without a year', () => lib.streetSubsidyMinimum({ communities: 1, activeFrom: '2013-07-01' }), 'Invalid input to streetSubsidyMinimum: year: expected the subsidy year (a whole number) when activeFrom or activeTo is given'],
  ['an end date without a year', () => lib.streetSubsidyMinimum({ communities: 1, activeTo: '2013-07-01' }), 'Invalid input to streetSubsidyMinimum: year: expected the subsidy year (a whole number) when activeFrom or activeTo is given'],
  ['by-days without a year', () => byDays().streetSubsidyMinimum({ communities: 1 }), 'Invalid input to streetSubsidyMinimum: year: expected the subsidy year (a whole number): proration "by-days" (I8) counts days in that year'],
  ['a subsidy year as text', () => lib.streetSubsidyMinimum({ communities: 1, year: 'x' as never }), `Invalid input to streetSubsidyMinimum: year: ${YEAR}, got "x"`],
  ['an end date that is no date', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeTo: 'x' }), `Invalid input to streetSubsidyMinimum: activeTo: ${DATE}, got "x"`],
  ['an end before the start', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-07-01', activeTo: '2013-06-30' }), 'Invalid input to streetSubsidyMinimum: activeTo: expected a day on or after activeFrom (2013-07-01), got 2013-06-30'],
  ['30 February', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-02-30' }), `Invalid input to streetSubsidyMinimum: activeFrom: ${DATE}, got "2013-02-30", which is not a day of the calendar`],
  ['31 April', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-04-31' }), `Invalid input to streetSubsidyMinimum: activeFrom: ${DATE}, got "2013-04-31", which is not a day of the calendar`],
  ['month 13', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-13-01' }), `Invalid input to streetSubsidyMinimum: activeFrom: ${DATE}, got "2013-13-01", which is not a day of the calendar`],
  ['29 February of a common year', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-02-29' }), `Invalid input to streetSubsidyMinimum: activeFrom: ${DATE}, got "2013-02-29", which is not a day of the calendar`],
  ['an invalid Date', () => lib.streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: new Date(NaN) }), `Invalid input to streetSubsidyMinimum: activeFrom: ${DATE}, got an invalid Date`],
  ['a fractional target year', () => lib.targets({ year: 2013.5 }), `Invalid input to targets: year: ${YEAR}, got 2013.5`],
  ['no target year', () => lib.targets({} as never), `Invalid input to targets: year: ${YEAR}, got nothing`],
  ['a trace in French', () => lib.formatTrace([], 'fr' as never), `Invalid input to formatTrace: lang: expected 'zh' or 'en', got "fr"`],
  ['a trace that is not a list', () => lib.formatTrace('x' as never), 'Invalid input to formatTrace: trace: expected the trace array of a rule result, got "x"'],
  ['a trace step without the language', () => lib.formatTrace([{ zh: '一' } as never], 'en'), 'Invalid input to formatTrace: trace.0.en: expected a string, got nothing'],
  ['a trace step that is null', () => lib.formatTrace([null as never]), 'Invalid input to formatTrace: trace.0: expected a step { zh, en }, got null'],
  ['an as-of day that does not exist', () => lib.createPolicy().asOf('2013-02-30'), `Invalid input to asOf: date: ${DATE}, from 1900 to 2100, got "2013-02-30"`],
  ['an as-of Date that is invalid', () => lib.createPolicy().asOf(new Date(NaN)), `Invalid input to asOf: date: ${DATE}, from 1900 to 2100, got an invalid Date`],
];

const spec: [string, () => unknown, string][] = [
  ['a floor area of 0', () => auditPolicy(undefined, { floorAreaPerHouseholdM2: 0 }), 'Invalid input to auditPolicy: floorAreaPerHouseholdM2: expected a floor area above 0, got 0'],
  ['an unknown assumption', () => auditPolicy(undefined, { floorArea: 1 } as never), 'Invalid input to auditPolicy: floorArea: unknown field (allowed: floorAreaPerHouseholdM2)'],
  ['a policy that is not one', () => auditPolicy(5 as never), 'Invalid input to auditPolicy: policy: expected a policy made by createPolicy(), got 5'],
  ['an empty body name', () => dutiesOf(''), 'Invalid input to dutiesOf: name: expected the name of a department or body, got ""'],
  ['a blank body name', () => dutiesOf('  '), 'Invalid input to dutiesOf: name: expected the name of a department or body, got "  "'],
  ['a body name that is a number', () => dutiesOf(5 as never), 'Invalid input to dutiesOf: name: expected the name of a department or body, got 5'],
  ['an empty question', () => actorsFor(''), 'Invalid input to actorsFor: question: expected a topic id or a description, got ""'],
  ['a blank question', () => actorsFor(' '), 'Invalid input to actorsFor: question: expected a topic id or a description, got " "'],
];

const ok = { id: 'c', name: 'c', kind: 'urban', households: 1, residents: 1 };
const data = (patch: object) => ({ year: 2013, communities: [], ...patch });
const evaluation: [string, () => unknown, string][] = [
  ['a dataset that is not an object', () => readDataset(7), 'Invalid input to readDataset: expected a dataset { year, communities, … }, got 7'],
  ['a year before 1900', () => readDataset(data({ year: 1899 })), 'Invalid input to readDataset: year: expected a year from 1900 to 2100, got 1899'],
  ['a year after 2100', () => readDataset(data({ year: 2101 })), 'Invalid input to readDataset: year: expected a year from 1900 to 2100, got 2101'],
  ['more villages covered than there are', () => readDataset(data({ villages: { total: 10, covered: 11 } })), 'Invalid input to readDataset: villages.covered: expected at most villages.total (10), got 11'],
  ['a budget year before 1900', () => readDataset(data({ funding: { baseYearTotal: 1, budgets: { '1899': 1 } } })), 'Invalid input to readDataset: funding.budgets.1899: expected a year from 1900 to 2100'],
  ['a budget year after 2100', () => readDataset(data({ funding: { baseYearTotal: 1, budgets: { '2101': 1 } } })), 'Invalid input to readDataset: funding.budgets.2101: expected a year from 1900 to 2100'],
  ['a budget key that is no year', () => readDataset(data({ funding: { baseYearTotal: 1, budgets: { abcd: 1 } } })), 'Invalid input to readDataset: funding.budgets.abcd: expected budgets as { "2012": amount, … }, got "abcd"'],
  ['a day not in the calendar', () => readDataset(data({ communities: [{ ...ok, activeFrom: '2013-02-30' }] })), "Invalid input to readDataset: communities[0].activeFrom: expected an ISO date 'YYYY-MM-DD' that exists in the calendar, got \"2013-02-30\""],
  ['a day with time', () => readDataset(data({ communities: [{ ...ok, activeFrom: '2013-02-03T00:00' }] })), "Invalid input to readDataset: communities[0].activeFrom: expected an ISO date 'YYYY-MM-DD' that exists in the calendar, got \"2013-02-03T00:00\""],
  ['an empty id', () => readDataset(data({ communities: [{ ...ok, id: '' }] })), 'Invalid input to readDataset: communities[0].id: expected a non-empty text id (not only spaces), got ""'],
  ['another kind', () => readDataset(data({ communities: [{ ...ok, kind: 'town' }] })), "Invalid input to readDataset: communities[0].kind: expected 'urban' or 'rural', got \"town\""],
  ['a missing count', () => readDataset(data({ communities: [{ id: 'c', name: 'c', kind: 'urban', residents: 1 }] })), 'Invalid input to readDataset: communities[0].households: is required: expected a whole number ≥ 0, got nothing'],
  ['a bad household count beside floating households', () => readDataset(data({ communities: [{ ...ok, households: 'x', floatingHouseholds: 5 }] })), 'Invalid input to readDataset: communities[0].households: expected a whole number ≥ 0, got "x"'],
  ['households + floating households beyond safe integers', () => readDataset(data({ communities: [{ ...ok, households: Number.MAX_SAFE_INTEGER, floatingHouseholds: 1 }] })), 'Invalid input to readDataset: communities[0].floatingHouseholds: households + floatingHouseholds is larger than the largest safe integer'],
  ['an id that is a number', () => readDataset(data({ communities: [{ ...ok, id: 5 }] })), 'Invalid input to readDataset: communities[0].id: expected a non-empty text id (not only spaces), got 5'],
  ['a project that is a number', () => readDataset(data({ developerProjects: [5] })), 'Invalid input to readDataset: developerProjects[0]: expected a project record { id, floorAreaM2, … }, got 5'],
  ['duplicate community ids', () => readDataset(data({ communities: [ok, { ...ok, name: 'other' }] })), 'Invalid input to readDataset: communities[1].id: duplicate id "c" (first used by communities[0])'],
  ['a community evaluated alone', () => evaluateCommunity({ ...ok, households: -1 } as never), 'Invalid input to evaluateCommunity: households: expected a whole number ≥ 0, got -1'],
  ['an unknown field of a community evaluated alone', () => evaluateCommunity({ ...ok, staf: 1 } as never), 'Invalid input to evaluateCommunity: staf: unknown field (did you mean "staff"?); allowed: id, name, kind, households, floatingHouseholds, residents, roomAreaM2, staff, roomsOnGroundFloor, oneStopWindow, streetSubsidyPaid, activeFrom'],
  ['an unknown field of a batch record', () => evaluateBatch([{ ...ok, staf: 1 } as never], { year: 2013 }), 'Invalid input to evaluateBatch: records[0].staf: unknown field (did you mean "staff"?); allowed: id, name, kind, households, floatingHouseholds, residents, roomAreaM2, staff, roomsOnGroundFloor, oneStopWindow, streetSubsidyPaid, activeFrom'],
  ['duplicate project ids', () => readDataset(data({ developerProjects: [{ id: 'p', floorAreaM2: 1 }, { id: 'p', floorAreaM2: 2 }] })), 'Invalid input to readDataset: developerProjects[1].id: duplicate id "p" (first used by developerProjects[0])'],
  ['an unknown project field', () => readDataset(data({ developerProjects: [{ id: 'p', floorArea: 1 }] })), 'Invalid input to readDataset: developerProjects[0].floorAreaM2: is required: expected a number ≥ 0 or a decimal string such as \'199999.5\', got nothing; developerProjects[0].floorArea: unknown field (did you mean "floorAreaM2"?); allowed: id, floorAreaM2, residents, households, roomAreaProvidedM2, fundsPaid, pricePerM2'],
  ['an unknown top-level field', () => readDataset({ yeer: 2013, year: 2013, communities: [] }), 'Invalid input to readDataset: yeer: unknown field (did you mean "year"?); allowed: description, year, communities, villages, funding, developerProjects'],
  ['an unknown village field', () => readDataset(data({ villages: { total: 1, covered: 1, coverd: 1 } })), 'Invalid input to readDataset: villages.coverd: unknown field (did you mean "covered"?); allowed: total, covered'],
  ['a report option that does not exist', () => formatReport(evaluateCity(data({})), { colour: true } as never), 'Invalid input to formatReport: colour: unknown option (allowed: format, lang, all, limit, names)'],
  ['a fractional limit', () => formatReport(evaluateCity(data({})), { limit: 1.5 }), 'Invalid input to formatReport: limit: expected a whole number ≥ 0, got 1.5'],
  ['a limit as text', () => formatReport(evaluateCity(data({})), { limit: '5' as never }), 'Invalid input to formatReport: limit: expected a whole number ≥ 0, got "5"'],
  ['a format', () => formatReport(evaluateCity(data({})), { format: 'pdf' as never }), "Invalid input to formatReport: format: expected 'text', 'markdown' or 'json', got \"pdf\""],
  ['a language', () => formatReport(evaluateCity(data({})), { lang: 'fr' as never }), "Invalid input to formatReport: lang: expected 'zh' or 'en', got \"fr\""],
  ['all as text', () => formatReport(evaluateCity(data({})), { all: 'yes' as never }), 'Invalid input to formatReport: all: expected true or false, got "yes"'],
  ['options that are not an object', () => formatReport(evaluateCity(data({})), null as never), 'Invalid input to formatReport: options: expected { format?, lang?, all?, limit? }, got null'],
  ['a result that is not an evaluation', () => formatReport({ findings: [] } as never), 'Invalid input to formatReport: result: expected the result of evaluateCity ({ findings, summary }), got an object'],
  ['a result that is null', () => formatReport(null as never), 'Invalid input to formatReport: result: expected the result of evaluateCity ({ findings, summary }), got null'],
  ['a report whose findings are not a list', () => readEvaluation('{"findings": {}, "summary": {}}'), 'Invalid input to readEvaluation: json: expected the result of evaluateCity ({ findings, summary }), got an object'],
  ['a report without a summary', () => readEvaluation('{"findings": [], "summary": null}'), 'Invalid input to readEvaluation: json: expected the result of evaluateCity ({ findings, summary }), got an object'],
];

describe.each([
  ['rules', rules],
  ['specification', spec],
  ['evaluation and report', evaluation],
])('%s: the message names the function, the field, what it got and what is allowed', (_layer, cases) => {
  test.each(cases)('%s', (_name, call, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(lib.PolicyInputError);
    expect((thrown as Error).message).toBe(message);
  });
});

describe('the edges that are allowed', () => {
  test('the first and last years, a schedule of one year, an amount of 60 characters, a Decimal −0, an end on the start day, 29 February of a leap year, limit Infinity', () => {
    expect(lib.ruralRollout({ year: 1900 }).share.toString()).toBe('0');
    expect(lib.ruralRollout({ year: 2100 }).share.toString()).toBe('1'); // 30 % a year, capped at every village
    expect(lib.ruralRolloutSchedule({ from: 2012, to: 2012 }).rows).toHaveLength(1);
    expect(lib.cityFundSchedule({ baseAmount: 1, from: 2011, to: 2011 }).rows.map((r) => r.amount.toString())).toEqual(['1']);
    expect(lib.cityFundBudget({ baseAmount: '1'.repeat(60), year: 2011 }).amount.toString()).toBe('1'.repeat(60));
    expect(lib.cityFundBudget({ baseAmount: new Decimal('-0'), year: 2012 }).amount.toString()).toBe('0');
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
    expect(more[50]).toEqual({ path: '', message: '… and 2 more problems' });
  });
});
