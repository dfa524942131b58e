/**
 * A community check made from its formula: `compile` resolves the formula
 * under the policy and the year once, and `status` (integers where they fit,
 * exact otherwise), `exact`, `detail` and `quick` are derived from that one
 * tree. The message stays in words, written by the provision.
 */
import type { Decimal } from 'decimal.js';
import type { Bilingual } from '../bilingual.js';
import { bigRatio, D } from '../decimal.js';
import type { CommunityCheck, Detail, FindingValue, PolicyCore } from '../provisions/provision.js';
import type { CommunityRecord } from '../provisions/records.js';
import { FAIL, PASS, UNKNOWN } from '../rules/check.js';
import { exactBool, exactNum, type Fields } from './evaluate.js';
import { type FastBool, type FastNum, fastBool, fastNum } from './fast.js';
import { type Q, type RBool, type RNum, resolveBool, resolveNum, type Used, usedNothing } from './resolve.js';
import type { CheckFormula, Node, Num } from './types.js';

const BOOL_OPS = new Set(['ge', 'gt', 'le', 'lt', 'eq', 'and', 'or', 'not', 'flag', 'given', 'true', 'atLeast', 'ruleIs', 'readingIs']);
/** Whether a node is a condition (else a number). @internal */
export const isBool = (x: Node): x is Exclude<Node, Num> => BOOL_OPS.has(x.op);

/** A value of a finding, resolved: a number or a condition. */
export type RValue = { readonly num: RNum } | { readonly bool: RBool };

/** A check's formula under one policy and year: what the SQL export and the derived paths start from. */
export interface ResolvedFormula {
  readonly pass: RBool;
  readonly expected: RValue;
  readonly actual: RValue;
  readonly shortfall: RNum;
  readonly kind: CheckFormula['kind'];
  readonly owes: boolean;
  /** The parameters (with their values), readings (with their choices), fields and year it used. */
  readonly used: Used;
}

/**
 * A formula under a policy and a year: parameters written in, readings chosen, the year known or unknown.
 *
 * @param formula - the check's formula
 * @param policy - the policy
 * @param year - the data's year, if known
 * @returns the resolved formula and what it used
 * @internal
 */
export function resolveFormula(formula: CheckFormula, policy: PolicyCore, year: number | undefined): ResolvedFormula {
  const used = usedNothing();
  const value = (x: Node): RValue => (isBool(x) ? { bool: resolveBool(x, policy, year, used) } : { num: resolveNum(x, policy, year, used) });
  return {
    pass: resolveBool(formula.pass, policy, year, used),
    expected: value(formula.expected),
    actual: value(formula.actual),
    shortfall: resolveNum(formula.shortfall, policy, year, used),
    kind: formula.kind,
    owes: formula.owes,
    used,
  };
}

/** What a formula check keeps per policy: its resolved formula and its closures. */
export interface FormulaConstants {
  readonly resolved: ResolvedFormula;
  /** The policy's parameters, for the check's words. */
  readonly parameters: object;
  readonly year: number | undefined;
  readonly fast: FastBool;
  readonly fastShortfall: FastNum;
  readonly fastExpected: FastNum | undefined;
  /** The two denominators as numbers (safe integers). */
  readonly shortfallD: number;
  readonly expectedD: number;
  readonly owedScale: number;
}

const MAX = Number.MAX_SAFE_INTEGER;

// A check's status and quick shortfall are written once here but made as functions of each check's own (from the
// same source), so that each has inline caches of its own: the evaluation calls them for every community, and one
// function shared by all checks would see every check's closures at the one call and inline none of them.
const STATUS = `return function status(c, k) {
  const v = k.fast(c);
  return v === 1 ? ${PASS} : v === 0 ? ${FAIL} : v === 3 ? ${UNKNOWN} : exact(c, k);
}`;
// shortfall ÷ expected = (s ÷ ds) ÷ (e ÷ de) = s·de ÷ (e·ds), and what it owes, s·scale ÷ ds, when whole.
const QUICK = `return function quick(c, k, out) {
  const e = k.fastExpected;
  if (e === undefined) return false;
  const s = k.fastShortfall.f(c);
  const x = e.f(c);
  if (s === undefined || x === undefined || !(x >= 0)) return false;
  const ds = k.shortfallD;
  const num = s * k.expectedD;
  const den = x * ds;
  if (!(Math.abs(num) <= ${MAX} && den <= ${MAX})) return false;
  let owe = 0;
  if (k.resolved.owes) {
    const t = s * k.owedScale;
    if (!(Math.abs(t) <= ${MAX}) || t % ds !== 0) return false;
    owe = t / ds;
  }
  out.num = num;
  out.den = den;
  out.owe = owe;
  return true;
}`;
type Status = CommunityCheck<FormulaConstants>['status'];
type Quick = NonNullable<CommunityCheck<FormulaConstants>['quick']>;
/** Make a function of a check's own from source, or the shared one where source cannot be compiled. */
function own<F>(source: string, shared: F, ...deps: [string, unknown][]): F {
  try {
    return new Function(...deps.map(([n]) => n), source)(...deps.map(([, v]) => v)) as F;
  } catch {
    return shared;
  }
}
// Where a function cannot be made from source, status is the exact way, and quick leaves it to the finding.
const ownStatus = (exact: Status): Status => own<Status>(STATUS, exact, ['exact', exact]);
const ownQuick = (): Quick => own<Quick>(QUICK, () => false);

/** A rational as a finding shows it: exact when it terminates, else to 20 significant digits. */
export const decimalOf = (v: Q): Decimal => bigRatio(v.n, v.d).value;

/** A finding's expected or actual value, typed as its kind says (null when unknown). @internal */
export function findingValueOf(v: RValue, kind: CheckFormula['kind'], c: Fields): FindingValue {
  if ('bool' in v) return exactBool(v.bool, c) ?? null;
  const x = exactNum(v.num, c);
  if (x === undefined) return null;
  return kind === 'count' && x.d === 1n && x.n <= BigInt(MAX) && x.n >= -BigInt(MAX) ? Number(x.n) : decimalOf(x);
}

/**
 * A community check whose arithmetic is its formula: `status`, `exact`, `detail` and `quick` derived from it;
 * only the words are written by hand.
 *
 * @param def - the finding's id, clause, whether rural communities are held to it, its owed scale, the rules it
 *   shares its arithmetic with, the formula and the message
 * @returns the check as the evaluation consumes it
 * @example
 * ```ts
 * const staff = formulaCheck({
 *   provision: 'NB1', clause: 'NB.1', rural: false,
 *   formula: checkFormula({ pass: ge(field('staff'), param('staffing.householdsPerWorker')), expected: param('staffing.householdsPerWorker'), actual: field('staff'), kind: 'count' }),
 *   message: (_c, _k, ok) => ({ zh: ok ? '够' : '不够', en: ok ? 'enough' : 'short' }),
 * });
 * const k = staff.compile(createPolicy(), 2013);
 * staff.status({ id: 'a', name: 'a', kind: 'urban', households: 1, residents: 1, staff: 0 }, k); //=> 2
 * ```
 */
export function formulaCheck(def: {
  provision: string;
  clause: string;
  rural: boolean;
  owedScale?: number;
  uses?: readonly string[];
  formula: CheckFormula;
  message(c: CommunityRecord, k: FormulaConstants, ok: boolean, d: Detail): Bilingual;
}): CommunityCheck<FormulaConstants> {
  const { formula } = def;
  const owedScale = def.owedScale ?? 1;
  const flag = formula.kind === 'flag';
  const exact = (c: CommunityRecord, k: FormulaConstants): number => {
    const v = exactBool(k.resolved.pass, c as unknown as Fields);
    return v === undefined ? UNKNOWN : v ? PASS : FAIL;
  };
  const check: CommunityCheck<FormulaConstants> = {
    scope: 'community',
    provision: def.provision,
    clause: def.clause,
    rural: def.rural,
    ...(flag && { flag: true }),
    ...(def.owedScale !== undefined && { owedScale: def.owedScale }),
    ...(def.uses && { uses: def.uses }),
    formula,
    compile(policy: PolicyCore, year: number | undefined): FormulaConstants {
      const resolved = resolveFormula(formula, policy, year);
      const fastShortfall = fastNum(resolved.shortfall);
      const fastExpected = 'num' in resolved.expected ? fastNum(resolved.expected.num) : undefined;
      return {
        resolved,
        parameters: policy.parameters,
        year,
        fast: fastBool(resolved.pass),
        fastShortfall,
        fastExpected,
        shortfallD: Number(fastShortfall.d),
        expectedD: Number(fastExpected?.d ?? 1n),
        owedScale,
      };
    },
    status: ownStatus(exact),
    exact,
    detail(c, k, fail) {
      const r = k.resolved;
      const f = c as unknown as Fields;
      const expected = findingValueOf(r.expected, r.kind, f);
      const actual = findingValueOf(r.actual, r.kind, f);
      if (!fail) return { expected, actual };
      const s = exactNum(r.shortfall, f);
      return { expected, actual, shortfall: s === undefined ? new D(0) : decimalOf(s) };
    },
    message: def.message,
  };
  if (!flag) check.quick = ownQuick();
  return check;
}
