/**
 * City checks made from their formulas: a budget year, a development
 * project, the villages or the urban communities' standing is one record,
 * and each finding of it — which kind it is, its verdict, expected, actual
 * and shortfall, and whether the subject is evaluated at all — is derived
 * from the check's declared formula over that record, the policy and the
 * year. Where a value comes from one of the policy's rules (the year's
 * minimum budget, a project's rooms), the formula names the rule and the
 * policy's own rule is called, so a document that replaces it is followed.
 * Only the words are written by the provision.
 */
import type { Decimal } from 'decimal.js';
import type { Bilingual } from '../bilingual.js';
import type {
  AggregateCheck,
  CityCheck,
  CommunitySums,
  Finding,
  FindingStatus,
  FindingValue,
  NotEvaluated,
  PolicyCore,
  StandingCheck,
} from '../provisions/provision.js';
import type { Dataset } from '../provisions/records.js';
import type { InterpretationUse } from '../trace.js';
import { finding } from '../rules/check.js';
import { decimalOf, findingValueOf, isBool, type RValue } from './check.js';
import { exactBool, exactNum, type Fields } from './evaluate.js';
import { type RBool, type RNum, resolveBool, resolveNum, type Used, usedNothing } from './resolve.js';
import type { Bool, CityFindingFormula, CityFormula, Node, Num } from './types.js';

/** What a city finding's words are written from: its verdict and values, derived from the formula. */
export interface CityValues {
  readonly status: FindingStatus;
  readonly expected: FindingValue;
  readonly actual: FindingValue;
  readonly shortfall?: Decimal;
}

/** Any number of the formula on the subject's record, exactly (undefined when unknown): for the words. */
export type ValueOf = (x: Num) => Decimal | undefined;
/** Whether a condition of the formula holds on the subject's record (undefined when unknown): for the words. */
export type HoldsOf = (x: Bool) => boolean | undefined;

/** One kind of finding of a city check, with its words. */
export interface CityFindingDef extends CityFindingFormula {
  message(record: Fields, v: CityValues, value: ValueOf, holds: HoldsOf): Bilingual;
}

/** A city check's formula with the words of its findings and of a subject not evaluated. */
export interface CityFormulaDef {
  readonly findings: readonly CityFindingDef[];
  readonly notEvaluatedWhen?: CityFormula['notEvaluatedWhen'];
  /** Why a subject is not evaluated, when `notEvaluatedWhen` holds. */
  notEvaluated?(record: Fields, value: ValueOf): Bilingual;
  /** Whether its findings name the readings their formula used (the targets' deadline and interim readings). */
  readonly interpretations?: boolean;
  /** Readings its findings always name before those the formula used (a standard's own choice, which no parameter sets). */
  readonly readings?: readonly InterpretationUse[];
  /** The finding id a subject not evaluated is reported under, when it is not the check's own. */
  readonly notEvaluatedAs?: string;
}

/** The data of a formula (what the check carries), without its words. */
const dataOf = (def: CityFormulaDef): CityFormula => ({
  findings: def.findings.map(({ provision, applies, formula, areaEquivalentM2 }) => ({
    provision,
    ...(applies !== undefined && { applies }),
    formula,
    ...(areaEquivalentM2 !== undefined && { areaEquivalentM2 }),
  })),
  ...(def.notEvaluatedWhen !== undefined && { notEvaluatedWhen: def.notEvaluatedWhen }),
});

interface ResolvedFinding {
  readonly def: CityFindingDef;
  readonly applies: RBool | undefined;
  readonly pass: RBool;
  readonly expected: RValue;
  readonly actual: RValue;
  readonly shortfall: RNum;
  readonly area: RNum | undefined;
}

/** A city formula under one policy and year: each finding's nodes resolved, sharing one record of what they used. */
function resolveCity(def: CityFormulaDef, policy: PolicyCore, year: number | undefined) {
  const used: Used = usedNothing();
  const num = (x: Num) => resolveNum(x, policy, year, used);
  const value = (x: Node): RValue => (isBool(x) ? { bool: resolveBool(x, policy, year, used) } : { num: num(x as Num) });
  // The condition first: its readings come first in a finding's list (the deadline, then the interim target).
  const skip = def.notEvaluatedWhen === undefined ? undefined : resolveBool(def.notEvaluatedWhen, policy, year, used);
  const findings: ResolvedFinding[] = def.findings.map((f) => ({
    def: f,
    applies: f.applies === undefined ? undefined : resolveBool(f.applies, policy, year, used),
    pass: resolveBool(f.formula.pass, policy, year, used),
    expected: value(f.formula.expected),
    actual: value(f.formula.actual),
    shortfall: num(f.formula.shortfall),
    area: f.areaEquivalentM2 === undefined ? undefined : num(f.areaEquivalentM2),
  }));
  const valueIn =
    (record: Fields): ValueOf =>
    (x) => {
      const v = exactNum(resolveNum(x, policy, year, usedNothing()), record);
      return v === undefined ? undefined : decimalOf(v);
    };
  const holdsIn =
    (record: Fields): HoldsOf =>
    (x) =>
      exactBool(resolveBool(x, policy, year, usedNothing()), record);
  return { skip, findings, used, valueIn, holdsIn };
}

/**
 * One subject judged by a resolved city formula: not evaluated (with the reason) when the formula says so, else
 * the finding of the first kind that applies (none when no kind does).
 */
function judgeSubject(
  def: CityFormulaDef,
  r: ReturnType<typeof resolveCity>,
  check: { provision: string; clause: string },
  subject: string,
  record: Fields,
): Finding | NotEvaluated | undefined {
  const value = r.valueIn(record);
  if (r.skip !== undefined && exactBool(r.skip, record) === true) {
    return { provision: def.notEvaluatedAs ?? check.provision, clause: check.clause, subject, reason: def.notEvaluated!(record, value) };
  }
  const f = r.findings.find((x) => x.applies === undefined || exactBool(x.applies, record) === true);
  if (f === undefined) return undefined;
  const { formula } = f.def;
  const ok = exactBool(f.pass, record);
  const status: FindingStatus = ok === undefined ? 'unknown' : ok ? 'pass' : 'fail';
  const expected = findingValueOf(f.expected, formula.kind, record);
  const actual = findingValueOf(f.actual, formula.kind, record);
  let shortfall: Decimal | undefined;
  if (status === 'fail') {
    const s = exactNum(f.shortfall, record);
    if (s !== undefined) shortfall = decimalOf(s);
  }
  const v: CityValues = shortfall === undefined ? { status, expected, actual } : { status, expected, actual, shortfall };
  const made = finding(f.def.provision, check.clause, subject, status, expected, actual, f.def.message(record, v, value, r.holdsIn(record)), shortfall);
  const area = f.area === undefined ? undefined : exactNum(f.area, record);
  const withArea = area === undefined ? made : { ...made, areaEquivalentM2: decimalOf(area) };
  if (!def.interpretations) return withArea;
  const used = [...r.used.readings].filter(([id]) => !def.readings?.some((u) => u.id === id)).map(([id, choice]) => ({ id, choice }));
  return { ...withArea, interpretations: [...(def.readings ?? []), ...used] };
}

/** A subject of a city check and its record, as the formula reads it. */
export interface Subject {
  readonly subject: string;
  readonly record: Fields;
}

/**
 * A check of the city's own figures whose findings are derived from its formula, one subject at a time.
 *
 * @param def - the finding's id and clause, why it has no SQL, what a table of communities cannot carry, the
 *   subjects of a dataset (`subjects`), what is said when a dataset lists none (`unlisted`), what is due in a
 *   year for the progress table (`due`), and the formula with its words
 * @returns the check as the evaluation consumes it
 * @internal
 */
export function cityFormulaCheck(def: {
  provision: string;
  clause: string;
  noSql: Bilingual;
  notCarried?: CityCheck['notCarried'];
  subjects(d: Dataset, policy: PolicyCore): readonly Subject[];
  unlisted?(d: Dataset): { subject: string; reason: Bilingual } | undefined;
  due?: CityCheck['due'];
  formula: CityFormulaDef;
}): CityCheck {
  const check = { provision: def.provision, clause: def.clause };
  return {
    scope: 'city',
    provision: def.provision,
    clause: def.clause,
    ...(def.notCarried && { notCarried: def.notCarried }),
    noSql: def.noSql,
    formula: dataOf(def.formula),
    subjects: def.subjects,
    ...(def.due && { due: def.due }),
    findings(d, policy, out, notEvaluated) {
      const gap = def.unlisted?.(d);
      if (gap !== undefined) {
        notEvaluated.push({ ...check, ...gap });
        return;
      }
      const r = resolveCity(def.formula, policy, d.year);
      for (const s of def.subjects(d, policy)) {
        const judged = judgeSubject(def.formula, r, check, s.subject, s.record);
        if (judged === undefined) continue;
        if ('status' in judged) out.push(judged);
        else notEvaluated.push(judged);
      }
    },
  };
}

/**
 * A judgement of the city from its urban communities' standings, derived from its formula over the record
 * `{ ok, of, undecided }` (communities meeting all their checks, of how many, how many lack data) and the year.
 *
 * @param def - the finding's id and clause, why it has no SQL, and the formula with its words
 * @returns the check as the evaluation consumes it
 * @internal
 */
export function standingFormulaCheck(def: { provision: string; clause: string; noSql: Bilingual; formula: CityFormulaDef }): StandingCheck {
  const check = { provision: def.provision, clause: def.clause };
  return {
    scope: 'standing',
    ...check,
    noSql: def.noSql,
    formula: dataOf(def.formula),
    judge(policy, year, ok, of, undecided) {
      const r = resolveCity(def.formula, policy, year);
      // A standing always yields a finding or a reason: a formula whose kinds all fail to apply is the provision's error.
      return judgeSubject(def.formula, r, check, 'city', { ok, of, undecided })!;
    },
  };
}

/**
 * The urban communities' sums as one record: how many communities and their households, floating households and
 * residents; and for each optional field (`staff`, `roomAreaM2`, `serviceCentreM2`) what is known of its total —
 * `<field>Known`, the sum over the communities that give it (a lower bound of the whole when some do not), the
 * whole `<field>`, only when none lacks it (else unknown), `<field>Lacking` and `<field>Given`, how many do not and
 * do. With no urban community, nothing of the fields is known.
 * @internal
 */
export function sumsRecord(urban: CommunitySums): Fields {
  const record: Record<string, unknown> = {
    communities: urban.communities,
    households: urban.households.toFixed(),
    floatingHouseholds: urban.floatingHouseholds.toFixed(),
    residents: urban.residents.toFixed(),
  };
  for (const name of ['staff', 'roomAreaM2', 'serviceCentreM2'] as const) {
    const s = urban[name];
    const total = s.total.toFixed();
    if (urban.communities > 0) record[`${name}Known`] = total;
    if (urban.communities > 0 && s.lacking === 0) record[name] = total;
    record[`${name}Lacking`] = s.lacking;
    record[`${name}Given`] = s.given;
  }
  return record;
}

/**
 * A judgement of the city as a whole from exact sums over its urban communities, derived from its formula over
 * those sums as one record ({@link sumsRecord}).
 *
 * @param def - the finding's id and clause, why it has no SQL, whether it applies under a policy, and the formula
 *   with its words
 * @returns the check as the evaluation consumes it
 * @internal
 */
export function aggregateFormulaCheck(def: {
  provision: string;
  clause: string;
  noSql: Bilingual;
  applies?: AggregateCheck['applies'];
  formula: CityFormulaDef;
}): AggregateCheck {
  const check = { provision: def.provision, clause: def.clause };
  return {
    scope: 'aggregate',
    ...check,
    noSql: def.noSql,
    formula: dataOf(def.formula),
    ...(def.applies && { applies: def.applies }),
    judge(policy, year, urban) {
      return judgeSubject(def.formula, resolveCity(def.formula, policy, year), check, 'city', sumsRecord(urban));
    },
  };
}
