/**
 * What a check is: the piece of a provision's folder that holds data against
 * it. The evaluation knows checks only through this shape and the registry
 * (`src/provisions/checks.generated.ts`), never by name.
 *
 * - A community check decides a status code for every community it applies
 *   to, in integer arithmetic where the numbers fit and exactly otherwise;
 *   what its finding reports is computed only when someone reads it.
 * - A city check adds the findings of the city's own figures (its villages,
 *   budgets, projects).
 * - A standing check judges the city from the communities' standings (how
 *   many urban communities meet all their checks).
 */
import type { Decimal } from 'decimal.js';
import type { Policy } from '../create-policy.js';
import { approxDiv, D, DX } from '../decimal.js';
import type { Bilingual } from '../policy/provisions.js';
import { groupThousands } from '../values.js';
import type { CommunityRecord, Dataset } from './dataset.js';
import type { Finding, FindingStatus, FindingValue, NotEvaluated } from './evaluate.js';

/** Status codes: 0 does not apply, 1 pass, 2 fail, 3 unknown. */
export const PASS = 1;
export const FAIL = 2;
export const UNKNOWN = 3;
/** A verdict as a status code. */
export const verdict = (ok: boolean): number => (ok ? PASS : FAIL);

/** What a community finding reports besides its verdict. */
export interface Detail {
  expected: FindingValue;
  actual: FindingValue;
  shortfall?: Decimal;
}

/**
 * A failing community's relative shortfall as `num ÷ den` of integers (a `den` of 0 leaves the order to the
 * finding's exact key), and what it owes in the check's `owedScale` units.
 */
export interface QuickShortfall {
  num: number;
  den: number;
  owe: number;
}

/** A check of each community. `K` holds its per-policy constants, computed once per evaluation. */
export interface CommunityCheck<K = unknown> {
  readonly scope: 'community';
  /** The finding's provision id (a Q-id, or `'A.3.4/ground-floor'` for a provision without one). */
  readonly provision: string;
  readonly clause: string;
  /** Its place among each community's status codes (`evaluateBatch`'s `statuses[i × n + column]`): a new check takes the next. */
  readonly column: number;
  /** Whether a rural community is held to it too (else it applies to urban communities only). */
  readonly rural: boolean;
  /** A yes/no check: a failing one is short by exactly 1. */
  readonly flag?: boolean;
  /** Its shortfalls add to the owed total in units of 1 ÷ owedScale (rooms: hundredths of m²). Default 1. */
  readonly owedScale?: number;
  compile(policy: Policy, year: number | undefined): K;
  /**
   * PASS, FAIL or UNKNOWN for one validated community: in integers where the numbers fit, exactly otherwise.
   * Called as a plain function, without `this` (the evaluation keeps the functions in an array for its hot loop).
   */
  status(c: CommunityRecord, k: K): number;
  /** The same verdict decided the slow way, exactly with Decimals: a property test holds `status` equal to it. */
  exact?(c: CommunityRecord, k: K): number;
  /** Expected, actual and shortfall, exactly. */
  detail(c: CommunityRecord, k: K, fail: boolean): Detail;
  /** The finding in words. */
  message(c: CommunityRecord, k: K, ok: boolean, d: Detail): Bilingual;
  /** For a failing community: its shortfall from integers alone (into `out`), or false when the exact finding must give it. */
  quick?(c: CommunityRecord, k: K, out: QuickShortfall): boolean;
}

/** A check of the city's own figures. */
export interface CityCheck {
  readonly scope: 'city';
  readonly provision: string;
  readonly clause: string;
  /** When a table of communities (a CSV) cannot carry what it needs: whom it concerns and why it is not evaluated. */
  readonly notCarried?: { readonly subject: 'city' | 'year' | 'projects'; readonly reason: Bilingual };
  findings(d: Dataset, policy: Policy, out: Finding[], notEvaluated: NotEvaluated[]): void;
  /** What is due in a year whatever the data gives (for the progress table, where the data cannot tell). */
  due?(policy: Policy, year: number): Decimal;
}

/** A judgement of the city from its urban communities' standings: `ok` meet all their checks, `undecided` lack data, of `of`. */
export interface StandingCheck {
  readonly scope: 'standing';
  readonly provision: string;
  readonly clause: string;
  judge(policy: Policy, year: number, ok: number, of: number, undecided: number): Finding | NotEvaluated;
}

// biome-ignore lint/suspicious/noExplicitAny: each community check has constants of its own type, which the registry does not know
export type Check = CommunityCheck<any> | CityCheck | StandingCheck;

/** Text in both languages. */
export const b = (zh: string, en: string): Bilingual => ({ zh, en });
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
