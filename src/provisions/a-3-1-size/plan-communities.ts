import type { Decimal } from 'decimal.js';
import { displayable } from '../../display.js';
import { bigRatio, D, ratio } from '../../decimal.js';
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { step, type RuleResult } from '../../trace.js';
import { deviationStep } from './community-size.js';
import { equalsShown, grouped, showNumber } from '../../present/format.js';
import { yiXia } from '../../rules/statute.js';

/** (count − n × standard) ÷ (n × standard), decided in integers: n × standard may pass 2^53. */
function averageDeviation(count: number, n: number, standard: number, tolerance: Decimal) {
  const whole = BigInt(n) * BigInt(standard);
  const diff = BigInt(count) - whole;
  const { value, exact } = bigRatio(diff, whole);
  const within = yiXia(new D((diff < 0n ? -diff : diff).toString()), tolerance.times(whole.toString()));
  return { value, exact, within };
}
import { Checker } from '../../rules/input.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared>;
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared);

/** Input of {@link planCommunities}. */
export interface PlanInput {
  /** Households of the whole area to divide. */
  readonly households: number;
  /** Residents of the whole area to divide. */
  readonly residents: number;
}

/** Result of {@link planCommunities}. */
export interface PlanResult extends RuleResult {
  /** Number of communities, at least 1. */
  readonly communities: number;
  /** Average households per community. Exact when it terminates, else 20 significant digits. */
  readonly householdsPerCommunity: Decimal;
  /** Average residents per community. Exact when it terminates, else 20 significant digits. */
  readonly residentsPerCommunity: Decimal;
  /** Signed deviation of the average households from the guideline. */
  readonly householdDeviation: Decimal;
  /** Signed deviation of the average residents from the guideline. */
  readonly residentDeviation: Decimal;
  /** Both averages lie within ± tolerance of the guideline. */
  readonly withinGuideline: boolean;
}

/** A fraction `num / den` of non-negative bigints. */
type Fraction = readonly [bigint, bigint];

// Stryker disable next-line EqualityOperator: −0n is 0n
const abs = (x: bigint) => (x < 0n ? -x : x);
/** The larger relative deviation for n communities, as an exact fraction. */
function worstDeviation(h: bigint, r: bigint, H: bigint, R: bigint, n: bigint): Fraction {
  // |h − nH| / (nH) and |r − nR| / (nR)
  const a: Fraction = [abs(h - n * H), n * H];
  const b: Fraction = [abs(r - n * R), n * R];
  // Stryker disable next-line EqualityOperator: on a tie a and b are equal fractions
  return a[0] * b[1] >= b[0] * a[1] ? a : b;
}
const less = (x: Fraction, y: Fraction) => x[0] * y[1] < y[0] * x[1];

/**
 * The number of communities n ≥ 1 that makes the worse of the two relative
 * deviations smallest; ties go to the smaller n. @internal
 */
export function bestCommunityCount(households: number, residents: number, H: number, R: number): number {
  const [h, r, bH, bR] = [BigInt(households), BigInt(residents), BigInt(H), BigInt(R)];
  // Each deviation |x/n − 1| is falling then rising in n, so their maximum is
  // too; over the reals it is smallest at n = (h/H + r/R) / 2.
  const num = h * bR + r * bH;
  const den = 2n * bH * bR;
  const floor = num / den;
  let best = 0n;
  let bestDev: Fraction = [1n, 0n];
  // The best whole n is ⌊n*⌋ or ⌊n*⌋ + 1 (the maximum is falling then rising); one more on each side is a margin.
  // Stryker disable next-line EqualityOperator: the margin's last step is never the best
  for (let n = floor - 1n; n <= floor + 2n; n++) {
    // Stryker disable next-line ConditionalExpression: n ≤ 0 gives a deviation with denominator ≤ 0, never less than 1/0
    if (n < 1n) continue;
    const dev = worstDeviation(h, r, bH, bR, n);
    if (less(dev, bestDev)) [best, bestDev] = [n, dev]; // bestDev starts as 1/0, above every deviation
  }
  return Number(best);
}

/** {@link planCommunities} under any parameters. @internal */
export function planCommunitiesWith(p: Parameters, input: PlanInput): PlanResult {
  const c = new Checker('planCommunities');
  const o = c.object(input, ['households', 'residents']);
  const households = c.count(o.households, 'households');
  const residents = c.count(o.residents, 'residents');
  c.done();
  const { households: H, residents: R } = p.sizing;
  const tolerance = new D(p.sizing.tolerance);
  const n = bestCommunityCount(households, residents, H, R);
  const perH = ratio(households, n);
  const perR = ratio(residents, n);
  // The average's deviation (h/n − H)/H equals (h − nH)/(nH): decide it on integers.
  const h = averageDeviation(households, n, H, tolerance);
  const r = averageDeviation(residents, n, R, tolerance);
  const within = h.within && r.within;
  const eqH = equalsShown(showNumber(perH.value, 2), perH.exact);
  const eqR = equalsShown(showNumber(perR.value, 2), perR.exact);
  return {
    communities: n,
    householdsPerCommunity: perH.value,
    residentsPerCommunity: perR.value,
    householdDeviation: h.value,
    residentDeviation: r.value,
    withinGuideline: within,
    clause: 'A.3.1',
    interpretations: [{ id: 'I4', choice: tolerance.toFixed() as `${number}` }], // the register's option id ('0.2'), not '±0.2'
    trace: [
      step(
        `划分为 ${n} 个社区时，两项相对偏差中较大者最小(相同时取较少的社区数)`,
        `${n} communities make the larger of the two relative deviations smallest (ties go to fewer communities)`,
      ),
      step(
        `每个社区平均：${grouped(households)} ÷ ${grouped(n)} ${eqH} 户，${grouped(residents)} ÷ ${grouped(n)} ${eqR} 人`,
        `Per community: ${grouped(households)} ÷ ${grouped(n)} ${eqH} households, ${grouped(residents)} ÷ ${grouped(n)} ${eqR} residents`,
      ),
      deviationStep('户数', 'Households', `${grouped(households)}/${grouped(n)}`, H, h, tolerance),
      deviationStep('人口', 'Residents', `${grouped(residents)}/${grouped(n)}`, R, r, tolerance),
    ],
  };
}

/**
 * How many communities an area of `households` and `residents` should be
 * divided into so that each is as close as possible to the guideline of about
 * 3,000 households and 8,000 residents (Q4, Q5, clause A.3.1): the n ≥ 1 that
 * minimises the larger of the two relative deviations of the averages.
 *
 * @param input - `households` and `residents` of the whole area, whole numbers ≥ 0
 * @returns `communities` and the per-community averages with their deviations, clause, interpretation I4 and trace
 * @throws {@link PolicyInputError} when a count is not a whole number ≥ 0
 * @example
 * ```ts
 * planCommunities({ households: 9000, residents: 24000 }).communities; //=> 3
 * planCommunities({ households: 10000, residents: 24000 }).communities; //=> 3
 * planCommunities({ households: 100, residents: 250 }).communities; //=> 1
 * ```
 */
export function planCommunities(input: PlanInput): PlanResult {
  return displayable('planCommunities', planCommunitiesWith(DEFAULT_PARAMETERS, input));
}
