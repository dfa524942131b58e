/**
 * The kit a provision's checks are written with: status codes, a finding as
 * plain data, money in a message, a dataset amount as a whole number, a
 * quotient shown exactly when it terminates. What a check is (its shape) is
 * declared with the provision (`src/provisions/provision.ts`); the
 * evaluation knows checks only through that shape and the policy's list.
 */
import type { Decimal } from 'decimal.js';
import { b } from '../bilingual.js';
import type { Bilingual } from '../bilingual.js';
import { approxDiv, D, DX } from '../decimal.js';
import type { Declared } from '../provisions/declare.js';
import type { AnyCompute, Finding, FindingStatus, FindingValue, PolicyCore } from '../provisions/provision.js';
import type { ParamsOf } from '../policy/parameters.js';
import { groupThousands } from '../values.js';

export type {
  AggregateCheck,
  Check,
  CityCheck,
  CommunityCheck,
  CommunitySums,
  Detail,
  Finding,
  FindingStatus,
  FindingValue,
  NotEvaluated,
  QuickShortfall,
  StandingCheck,
} from '../provisions/provision.js';
export { b };

/** Status codes: 0 does not apply, 1 pass, 2 fail, 3 unknown. */
export const PASS = 1;
export const FAIL = 2;
export const UNKNOWN = 3;
/**
 * A verdict as a status code, for a community check's `status`.
 *
 * @param ok - whether the community meets the provision
 * @returns `PASS` (1) or `FAIL` (2)
 * @example
 * ```ts
 * verdict(true); //=> 1
 * ```
 * @internal
 */
export function verdict(ok: boolean): number {
  return ok ? PASS : FAIL;
}

/** Money in a message: exact, its thousands separated (1,350,000). */
export const yuan = (d: Decimal): string => groupThousands(d.toFixed());

/**
 * A finding as plain data (a shortfall only when there is one), for a city check's `findings`.
 *
 * @param provision - the finding's id (a Q-id, or an id of the provision's own)
 * @param clause - the clause it holds the subject to
 * @param subject - `'city'`, `'city/2013'`, a community's or a project's id
 * @param status - `'pass'`, `'fail'` or `'unknown'`
 * @param expected - what the policy requires
 * @param actual - what the data shows (null when it does not say)
 * @param message - the finding in both languages
 * @param shortfall - how far short, when failing
 * @returns the finding
 * @example
 * ```ts
 * finding('NB1', 'NB.1', 'city', 'pass', 1, 1, { zh: '够', en: 'enough' }).status; //=> 'pass'
 * ```
 * @internal
 */
export function finding(
  provision: string,
  clause: string,
  subject: string,
  status: FindingStatus,
  expected: FindingValue,
  actual: FindingValue,
  message: Bilingual,
  shortfall?: Decimal,
): Finding {
  return shortfall === undefined
    ? { provision, clause, subject, status, expected, actual, message }
    : { provision, clause, subject, status, expected, actual, message, shortfall };
}

/**
 * A dataset amount as a safe whole number, or NaN when it is not one (then a check's exact path decides).
 *
 * @param v - an amount as a dataset holds it: a number or a plain decimal string
 * @returns the whole number, or NaN
 */
export function whole(v: number | string): number {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : NaN;
  return /^\d{1,15}$/.test(v) ? Number(v) : NaN;
}

/** `n ÷ d` exactly when it terminates (however many digits), else to 20 significant digits (for showing only). */
export function shown(n: Decimal, d: number): Decimal {
  const q = new D(n).div(d);
  return new DX(q).times(d).eq(n) ? q : approxDiv(n, d); // the check in full precision: 1,000 digits would round it
}

/**
 * The parameters a check reads, typed by its provision's declarations (`declared` in its `parameters.ts`): a
 * policy that carries the provision carries them.
 *
 * @param policy - the policy a check is compiled for
 * @param _declared - the provision's declarations, for the type
 * @returns the policy's parameters, typed
 * @example
 * ```ts
 * const policy = createPolicy();
 * paramsOf(policy, { clause: 'A.4.2', parameters: {} }) === policy.parameters; //=> true
 * ```
 * @internal
 */
export function paramsOf<D extends Declared>(policy: PolicyCore, _declared: D): ParamsOf<D> {
  return policy.parameters as ParamsOf<D>;
}

/**
 * The policy's rule `name`, called on `input`: its own rule or a document's replacement, typed as the
 * provision's own (`compute`, the rule's function of the parameters, is there for its type).
 *
 * @param policy - the policy a check is compiled for
 * @param name - the rule's name
 * @param _compute - the provision's own function of the rule, for the types
 * @param input - the rule's input
 * @returns the rule's result under the policy
 * @example
 * ```ts
 * callRule(createPolicy(), 'requiredStaff', (_p, i) => ({ staff: 0, ...i }), { households: 3000 }).staff; //=> 5
 * ```
 * @internal
 */
export function callRule<F extends AnyCompute>(policy: PolicyCore, name: string, _compute: F, input: Parameters<F>[1]): ReturnType<F> {
  return (policy as unknown as Record<string, (input: unknown) => ReturnType<F>>)[name]!(input);
}
