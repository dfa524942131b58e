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

/** Every parameter declaration, by its dotted path (the provisions' `parameters.ts`, merged). */
type Declarations = UnionToIntersection<(typeof DECLARED)[keyof typeof DECLARED]['parameters']>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** A parameter's value: one of a reading's options, a whole number for years and counts, else an exact value. */
type ValueOf<D> = D extends { readonly allowed: { readonly options: readonly (infer O)[] } }
  ? O
  : D extends { readonly allowed: 'year' | 'horizon' | 'positive-count' }
    ? number
    : ExactValue;
/** A parameter the policy itself does not set (no value declared) is optional. */
type Unset<D> = D extends { readonly values: readonly [] } ? true : false;
type Leaf<P> = P extends `${string}.${string}` ? never : P;
type HeadOf<P> = P extends `${infer H}.${string}` ? H : never;
type Under<R, H extends string> = { [P in keyof R & string as P extends `${H}.${infer T}` ? T : never]: R[P] };
/** The declarations as nested groups: `'staffing.rounding'` becomes `{ staffing: { rounding } }`. */
type Nested<R> = { readonly [P in keyof R & string as Unset<R[P]> extends true ? never : Leaf<P>]: ValueOf<R[P]> } & {
  readonly [P in keyof R & string as Unset<R[P]> extends true ? Leaf<P> : never]?: ValueOf<R[P]>;
} & { readonly [H in HeadOf<keyof R & string>]: Nested<Under<R, H>> };

/** The same type as one object at each level (an intersection of mapped types, flattened; modifiers kept). */
type Deep<T> = T extends object ? { [K in keyof T]: Deep<T[K]> } : T;

/**
 * Every number and reading the rules use, in groups (`staffing`, `rollout`, …): the type of the parameters the
 * provisions declare, derived from their declarations (`src/provisions/<folder>/parameters.ts`), where each one's
 * unit, clause, readings and values are documented ({@link PARAMETER_REFERENCES} lists them).
 */
export type Parameters = Deep<Nested<Declarations>>;

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
