/**
 * The policy's numbers as data (Document A), apart from the formulas that use
 * them. Each is declared once, in its provision's folder (`about.ts`: value,
 * unit, clause, whom it serves, what an override may be, the dates its values
 * apply from); this module derives the defaults and the references. A formula never holds one of these numbers as a literal: it reads them
 * from a {@link Parameters} object, so `createPolicy` can change every one.
 *
 * Exactness: an integer is stored as a number; anything fractional is stored
 * as a decimal string (`'0.3'`), never as a binary float. Pass either form to
 * `new Decimal(x)` to compute with it.
 */
import type { DECLARED } from '../provisions/declared.generated.js';
import type { ExactValue as DeclaredExactValue, ParameterUnit } from '../provisions/declare.js';
import { PARAMETERS } from '../provisions/parameters.js';

/** An exact number: an integer as a JavaScript number, anything else as a decimal string. */
export type ExactValue = DeclaredExactValue;

/** The options a reading's parameter declares. */
type Options<A> = A extends { readonly allowed: { readonly options: readonly (infer O)[] } } ? O : never;

/** How households ÷ households-per-worker is rounded (interpretation I3). */
export type StaffRounding = Options<(typeof DECLARED)['a-4-2-staff']['parameters']['staffing.rounding']>;
/** Whether 30 % a year is of all villages or of the villages not yet reached (interpretation I2). */
export type RolloutMode = Options<(typeof DECLARED)['a-3-3-rural-rollout']['parameters']['rollout.mode']>;
/** Whether the city fund grows by a fixed 10 % of the base or by 10 % a year compounded (interpretation I1). */
export type FundingMode = Options<(typeof DECLARED)['a-4-3-1-city-fund']['parameters']['funding.mode']>;
/** Whether a community that exists for part of a year gets the whole year's subsidy minimum (interpretation I8). */
export type SubsidyProration = Options<(typeof DECLARED)['a-4-3-2-street-subsidy']['parameters']['streetSubsidy.proration']>;
/** Whether the urban target has interim steps before its deadline: a straight path, or none (interpretation I10). */
export type InterimTarget = Options<(typeof DECLARED)['a-2-targets']['parameters']['targets.interim']>;
/** Which route a project of exactly the threshold area takes (interpretation I5). */
export type DeveloperBoundary = Options<(typeof DECLARED)['a-4-3-3-developer']['parameters']['developer.boundary']>;

/** Every number and reading the rules use. */
export interface Parameters {
  /** The year whose totals are the base of the fund growth and the first of the three-year horizon (A.2, A.4.3). */
  readonly baseYear: number;
  /** Length of "about three years" (A.2, interpretation I7). */
  readonly horizonYears: number;
  /** Shares of communities to be built to standard by the deadline (A.2). */
  readonly targets: {
    readonly urbanShare: ExactValue;
    readonly ruralShare: ExactValue;
    /** What a year before the deadline is held to (interpretation I10). */
    readonly interim: InterimTarget;
  };
  /** Guideline size of a community and how far "approximately" reaches (A.3.1, I4). */
  readonly sizing: {
    readonly households: number;
    readonly residents: number;
    readonly tolerance: ExactValue;
  };
  /**
   * Office and service rooms (A.3.4, I9): m² per 100 residents. When
   * `m2Per100Households` is set (as the national standards in `PRESETS` do),
   * rooms are sized per 100 households instead.
   */
  readonly rooms: {
    readonly m2Per100Residents: ExactValue;
    readonly m2Per100Households?: ExactValue;
  };
  /** Community workers (A.4.2, I3). */
  readonly staffing: {
    readonly householdsPerWorker: number;
    readonly rounding: StaffRounding;
  };
  /** Rural rollout (A.3.3, I2). */
  readonly rollout: {
    readonly startYear: number;
    readonly sharePerYear: ExactValue;
    readonly mode: RolloutMode;
  };
  /** Growth of the city's fiscal money for communities (A.4.3, I1). */
  readonly funding: {
    readonly firstGrowthYear: number;
    readonly growthRate: ExactValue;
    readonly mode: FundingMode;
  };
  /** Streets' and townships' matching subsidy, yuan per community per year (A.4.3, I8). */
  readonly streetSubsidy: {
    readonly minimumPerCommunityPerYear: ExactValue;
    readonly proration: SubsidyProration;
  };
  /** Developers' community rooms (A.4.3, I5, I6). */
  readonly developer: {
    readonly thresholdM2: ExactValue;
    readonly boundary: DeveloperBoundary;
    readonly fundsRate: ExactValue;
  };
}

/** Freeze an object and everything below it. @internal */
export function deepFreeze<T>(value: T): T {
  // Primitives count as frozen, so only objects get here.
  if (!Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Set `value` at a dotted path of a plain object, making the groups on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/**
 * The policy's own numbers and the default reading of every ambiguous
 * sentence: each parameter's first declared value (its provision's folder
 * declares it, with its dates, in `about.ts`). Deeply frozen. The clause,
 * unit and start date of each number are in {@link PARAMETER_REFERENCES}.
 *
 * @example
 * ```ts
 * DEFAULT_PARAMETERS.staffing.householdsPerWorker; //=> 600
 * DEFAULT_PARAMETERS.rollout.sharePerYear; //=> '0.3'
 * ```
 */
export const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ (() => {
  const p: Record<string, unknown> = {};
  for (const d of PARAMETERS) if (d.values.length > 0) setPath(p, d.path, d.values[0]!.value);
  return deepFreeze(p) as unknown as Parameters;
})();

/**
 * The declared values in force on `day` (an ISO date, checked by the caller): for each parameter its last
 * amendment dated on or before the day, else its first value. Deeply frozen.
 * @internal — use `createPolicy(overrides, { on })`.
 */
export function parametersOn(day: string): Parameters {
  const p: Record<string, unknown> = {};
  for (const d of PARAMETERS) {
    if (d.values.length === 0) continue;
    let value = d.values[0]!.value;
    for (const v of d.values.slice(1)) if (v.from !== undefined && v.from <= day) value = v.value;
    setPath(p, d.path, value);
  }
  return deepFreeze(p) as unknown as Parameters;
}

/** Where a parameter comes from and what it measures. */
export interface ParameterReference {
  /** Clause id, e.g. `'A.4.2'`. */
  readonly clause: string;
  /** The ids of the quantitative provisions or readings (interpretation ids) it serves. */
  readonly provisions: readonly string[];
  /** Unit: 户 (households), 人 (people), m², 元 (yuan), share, year, years, or option. */
  readonly unit: ParameterUnit;
  /** ISO date from which the number applies under the policy. */
  readonly from: string;
  /** True for a parameter the policy itself does not set (absent from the defaults). */
  readonly optional?: boolean;
}

/** The value at a dotted path of a parameter set (undefined for an optional one left unset). @internal */
export function valueAtPath(p: Parameters, path: string): ExactValue | undefined {
  let node: unknown = p;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node as ExactValue | undefined;
}

/** The year parameter whose first day starts a parameter (its own declaration says which; `baseYear` by default). @internal */
export const startOf = (path: string): string => PARAMETERS.find((d) => d.path === path)?.startsWith ?? 'baseYear';

/**
 * Clause, unit and start date of every parameter in {@link DEFAULT_PARAMETERS},
 * keyed by its dotted path, derived from the declarations.
 *
 * @example
 * ```ts
 * PARAMETER_REFERENCES['staffing.householdsPerWorker'].clause; //=> 'A.4.2'
 * PARAMETER_REFERENCES['funding.growthRate'].from; //=> '2012-01-01'
 * ```
 */
export const PARAMETER_REFERENCES: Readonly<Record<string, ParameterReference>> = /* @__PURE__ */ deepFreeze(
  /* @__PURE__ */ Object.fromEntries(
    /* @__PURE__ */ PARAMETERS.map((d) => {
      const ref = { clause: d.clause, provisions: d.provisions, unit: d.unit, from: `${valueAtPath(DEFAULT_PARAMETERS, startOf(d.path))}-01-01` };
      return [d.path, d.values.length === 0 ? { ...ref, optional: true } : ref];
    }),
  ),
);
