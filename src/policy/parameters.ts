/**
 * The policy's numbers as data (Document A), apart from the formulas that use
 * them. A formula never holds one of these numbers as a literal: it reads them
 * from a {@link Parameters} object, so `createPolicy` can change every one.
 *
 * Exactness: an integer is stored as a number; anything fractional is stored
 * as a decimal string (`'0.3'`), never as a binary float. Pass either form to
 * `new Decimal(x)` to compute with it.
 */

/** An exact number: an integer as a JavaScript number, anything else as a decimal string. */
export type ExactValue = number | string;

/** How households ÷ households-per-worker is rounded (interpretation I3). */
export type StaffRounding = 'ceil' | 'floor' | 'half-up';
/** Whether 30 % a year is of all villages or of the villages not yet reached (interpretation I2). */
export type RolloutMode = 'share-of-all' | 'share-of-remaining';
/** Whether the city fund grows by a fixed 10 % of the base or by 10 % a year compounded (interpretation I1). */
export type FundingMode = 'fixed-increment' | 'compound';
/** Whether a community that exists for part of a year gets the whole year's subsidy minimum (interpretation I8). */
export type SubsidyProration = 'none' | 'by-days';
/** Whether the urban target has interim steps before its deadline: a straight path, or none (interpretation I10). */
export type InterimTarget = 'straight-path' | 'none';
/** Which route a project of exactly the threshold area takes (interpretation I5). */
export type DeveloperBoundary = 'in-kind' | 'funds';

/** Every number and reading the rules use. */
export interface Parameters {
  /** The year whose totals are the base of the fund growth and the first of the three-year horizon (A.2, A.4.3). */
  readonly baseYear: number;
  /** Length of "about three years" (Q1, interpretation I7). */
  readonly horizonYears: number;
  /** Shares of communities to be built to standard by the deadline (Q2, Q3; A.2). */
  readonly targets: {
    readonly urbanShare: ExactValue;
    readonly ruralShare: ExactValue;
    /** What a year before the deadline is held to (interpretation I10). */
    readonly interim: InterimTarget;
  };
  /** Guideline size of a community and how far "approximately" reaches (Q4, Q5, I4; A.3.1). */
  readonly sizing: {
    readonly households: number;
    readonly residents: number;
    readonly tolerance: ExactValue;
  };
  /**
   * Office and service rooms (Q7, I9; A.3.4): m² per 100 residents. When
   * `m2Per100Households` is set (as the national standards in `PRESETS` do),
   * rooms are sized per 100 households instead.
   */
  readonly rooms: {
    readonly m2Per100Residents: ExactValue;
    readonly m2Per100Households?: ExactValue;
  };
  /** Community workers (Q8, I3; A.4.2). */
  readonly staffing: {
    readonly householdsPerWorker: number;
    readonly rounding: StaffRounding;
  };
  /** Rural rollout (Q6, I2; A.3.3). */
  readonly rollout: {
    readonly startYear: number;
    readonly sharePerYear: ExactValue;
    readonly mode: RolloutMode;
  };
  /** Growth of the city's fiscal money for communities (Q9, I1; A.4.3). */
  readonly funding: {
    readonly firstGrowthYear: number;
    readonly growthRate: ExactValue;
    readonly mode: FundingMode;
  };
  /** Streets' and townships' matching subsidy, yuan per community per year (Q10, I8; A.4.3). */
  readonly streetSubsidy: {
    readonly minimumPerCommunityPerYear: ExactValue;
    readonly proration: SubsidyProration;
  };
  /** Developers' community rooms (Q11, Q12, I5, I6; A.4.3). */
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

/**
 * The policy's own numbers and the default reading of every ambiguous
 * sentence. Deeply frozen. The clause, unit and start date of each number are
 * in {@link PARAMETER_REFERENCES}.
 *
 * @example
 * ```ts
 * DEFAULT_PARAMETERS.staffing.householdsPerWorker; //=> 600
 * DEFAULT_PARAMETERS.rollout.sharePerYear; //=> '0.3'
 * ```
 */
export const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ deepFreeze({
  baseYear: 2011,
  horizonYears: 3,
  targets: { urbanShare: 1, ruralShare: '0.9', interim: 'straight-path' },
  sizing: { households: 3000, residents: 8000, tolerance: '0.2' },
  rooms: { m2Per100Residents: 5 },
  staffing: { householdsPerWorker: 600, rounding: 'ceil' },
  rollout: { startYear: 2011, sharePerYear: '0.3', mode: 'share-of-all' },
  funding: { firstGrowthYear: 2012, growthRate: '0.1', mode: 'fixed-increment' },
  streetSubsidy: { minimumPerCommunityPerYear: 30000, proration: 'none' },
  developer: { thresholdM2: 200000, boundary: 'in-kind', fundsRate: '0.003' },
});

/** Where a parameter comes from and what it measures. */
export interface ParameterReference {
  /** Clause id, e.g. `'A.4.2'`. */
  readonly clause: string;
  /** Quantitative provision ids (Q1–Q12) or interpretation ids (I1–I10) it serves. */
  readonly provisions: readonly string[];
  /** Unit: 户 (households), 人 (people), m², 元 (yuan), share, year, years, or option. */
  readonly unit: '户' | '人' | 'm²' | '元' | 'share' | 'year' | 'years' | 'option' | 'm² per 100 人' | 'm² per 100 户' | '户 per worker' | '元 per community per year';
  /** ISO date from which the number applies under the policy. */
  readonly from: string;
  /** True for a parameter the policy itself does not set (absent from the defaults). */
  readonly optional?: boolean;
}

/**
 * Clause, unit and start date of every parameter in {@link DEFAULT_PARAMETERS},
 * keyed by its dotted path.
 *
 * @example
 * ```ts
 * PARAMETER_REFERENCES['staffing.householdsPerWorker'].clause; //=> 'A.4.2'
 * ```
 */
export const PARAMETER_REFERENCES: Readonly<Record<string, ParameterReference>> = /* @__PURE__ */ deepFreeze({
  baseYear: { clause: 'A.4.3', provisions: ['Q1', 'Q9'], unit: 'year', from: '2011-01-01' },
  horizonYears: { clause: 'A.2', provisions: ['Q1', 'I7'], unit: 'years', from: '2011-01-01' },
  'targets.urbanShare': { clause: 'A.2', provisions: ['Q2'], unit: 'share', from: '2011-01-01' },
  'targets.ruralShare': { clause: 'A.2', provisions: ['Q3'], unit: 'share', from: '2011-01-01' },
  'targets.interim': { clause: 'A.2', provisions: ['Q1', 'Q2', 'I10'], unit: 'option', from: '2011-01-01' },
  'sizing.households': { clause: 'A.3.1', provisions: ['Q4'], unit: '户', from: '2011-01-01' },
  'sizing.residents': { clause: 'A.3.1', provisions: ['Q5'], unit: '人', from: '2011-01-01' },
  'sizing.tolerance': { clause: 'A.3.1', provisions: ['Q4', 'Q5', 'I4'], unit: 'share', from: '2011-01-01' },
  'rooms.m2Per100Residents': { clause: 'A.3.4', provisions: ['Q7', 'I9'], unit: 'm² per 100 人', from: '2011-01-01' },
  'rooms.m2Per100Households': { clause: 'A.3.4', provisions: ['Q7', 'I9'], unit: 'm² per 100 户', from: '2011-01-01', optional: true },
  'staffing.householdsPerWorker': { clause: 'A.4.2', provisions: ['Q8'], unit: '户 per worker', from: '2011-01-01' },
  'staffing.rounding': { clause: 'A.4.2', provisions: ['Q8', 'I3'], unit: 'option', from: '2011-01-01' },
  'rollout.startYear': { clause: 'A.3.3', provisions: ['Q6'], unit: 'year', from: '2011-01-01' },
  'rollout.sharePerYear': { clause: 'A.3.3', provisions: ['Q6'], unit: 'share', from: '2011-01-01' },
  'rollout.mode': { clause: 'A.3.3', provisions: ['Q6', 'I2'], unit: 'option', from: '2011-01-01' },
  'funding.firstGrowthYear': { clause: 'A.4.3', provisions: ['Q9'], unit: 'year', from: '2012-01-01' },
  'funding.growthRate': { clause: 'A.4.3', provisions: ['Q9'], unit: 'share', from: '2012-01-01' },
  'funding.mode': { clause: 'A.4.3', provisions: ['Q9', 'I1'], unit: 'option', from: '2012-01-01' },
  'streetSubsidy.minimumPerCommunityPerYear': {
    clause: 'A.4.3',
    provisions: ['Q10'],
    unit: '元 per community per year',
    from: '2011-01-01',
  },
  'streetSubsidy.proration': { clause: 'A.4.3', provisions: ['Q10', 'I8'], unit: 'option', from: '2011-01-01' },
  'developer.thresholdM2': { clause: 'A.4.3', provisions: ['Q11', 'Q12'], unit: 'm²', from: '2011-01-01' },
  'developer.boundary': { clause: 'A.4.3', provisions: ['Q11', 'Q12', 'I5'], unit: 'option', from: '2011-01-01' },
  'developer.fundsRate': { clause: 'A.4.3', provisions: ['Q12', 'I6'], unit: 'share', from: '2011-01-01' },
});
