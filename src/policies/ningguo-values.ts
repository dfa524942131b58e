/**
 * The city's document read the ways its users ask for it: its parameters as
 * written (`DEFAULT_PARAMETERS`) with their references, their types, and the
 * option types of its readings — all derived from the list
 * (`NINGGUO_2011`), none kept by hand.
 */
import { asWritten, deepFreeze, declarationsOfList, startOf, valueAtPath, type Options } from '../policy/parameters.js';
import type { ParameterUnit } from '../provisions/declare.js';
import type { ParametersOf } from '../create-policy.js';
import { NINGGUO_2011 } from './ningguo-2011.js';

type List = typeof NINGGUO_2011;
type Declarations = List[number]['parameters'];
type Declaration<P extends string> = Extract<Declarations, Record<P, unknown>>[P];

/**
 * Every number and reading the city's rules use, in groups (`staffing`, `rollout`, …): the type of the parameters
 * its provisions declare, derived from their declarations (`src/provisions/<folder>/parameters.ts`), where each
 * one's unit, clause, readings and values are documented ({@link PARAMETER_REFERENCES} lists them).
 */
export type Parameters = ParametersOf<List>;

/** How households ÷ households-per-worker is rounded. */
export type StaffRounding = Options<Declaration<'staffing.rounding'>>;
/** Whether 30 % a year is of all villages or of the villages not yet reached. */
export type RolloutMode = Options<Declaration<'rollout.mode'>>;
/** Whether the city fund grows by a fixed 10 % of the base or by 10 % a year compounded. */
export type FundingMode = Options<Declaration<'funding.mode'>>;
/** Whether a community that exists for part of a year gets the whole year's subsidy minimum. */
export type SubsidyProration = Options<Declaration<'streetSubsidy.proration'>>;
/** Whether the urban target has interim steps before its deadline: a straight path, or none. */
export type InterimTarget = Options<Declaration<'targets.interim'>>;
/** Which route a project of exactly the threshold area takes. */
export type DeveloperBoundary = Options<Declaration<'developer.boundary'>>;

/** Every parameter of the city's document, declared once, in document order. @internal */
export const NINGGUO_PARAMETERS = /* @__PURE__ */ declarationsOfList(NINGGUO_2011);

/**
 * The policy's own numbers and the default reading of every ambiguous
 * sentence: each parameter's first declared value (its provision's folder
 * declares it, with its dates, in `parameters.ts`). Deeply frozen. The clause,
 * unit and start date of each number are in {@link PARAMETER_REFERENCES}.
 *
 * @example
 * ```ts
 * DEFAULT_PARAMETERS.staffing.householdsPerWorker; //=> 600
 * DEFAULT_PARAMETERS.rollout.sharePerYear; //=> '0.3'
 * ```
 */
export const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ asWritten(NINGGUO_PARAMETERS) as unknown as Parameters;

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
    /* @__PURE__ */ NINGGUO_PARAMETERS.map((d) => {
      const ref = {
        clause: d.clause,
        provisions: d.provisions,
        unit: d.unit,
        from: `${valueAtPath(DEFAULT_PARAMETERS, startOf(NINGGUO_PARAMETERS, d.path))}-01-01`,
      };
      return [d.path, d.values.length === 0 ? { ...ref, optional: true } : ref];
    }),
  ),
);
