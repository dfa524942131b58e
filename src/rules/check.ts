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
import type { Finding, FindingStatus, FindingValue, PolicyCore } from '../provisions/provision.js';
import type { ParamsOf } from '../policy/parameters.js';
import { groupThousands } from '../values.js';

export type {
  Check,
  CityCheck,
  CommunityCheck,
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
/** A verdict as a status code. */
export const verdict = (ok: boolean): number => (ok ? PASS : FAIL);

/** Money in a message: exact, its thousands separated (1,350,000). */
export const yuan = (d: Decimal): string => groupThousands(d.toFixed());

/** A finding as plain data (a shortfall only when there is one). */
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

/** A dataset amount as a safe whole number, or NaN when it is not one (then the exact path decides). */
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
 */
export const paramsOf = <D extends Declared>(policy: PolicyCore, _declared: D): ParamsOf<D> => policy.parameters as ParamsOf<D>;

/**
 * The policy's rule `name`, called on `input`: its own rule or a document's replacement, typed as the
 * provision's own (`compute`, the rule's function of the parameters, is there for its type).
 */
export function callRule<F extends (p: never, input: never) => object>(policy: PolicyCore, name: string, _compute: F, input: Parameters<F>[1]): ReturnType<F> {
  return (policy as unknown as Record<string, (input: unknown) => ReturnType<F>>)[name]!(input);
}
