import type { Decimal } from 'decimal.js';
import { displayable } from '../../display.js';
import { D, ratio } from '../../decimal.js';
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { step, type RuleResult, type TraceStep } from '../../trace.js';
import { Checker } from '../../rules/input.js';
import { yiXia } from '../../rules/statute.js';
import { equalsShown, grouped, showDeviation, showShare } from '../../present/format.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared>;
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared);

/** Input of {@link communitySize}. */
export interface CommunitySizeInput {
  /** Households the community governs. */
  readonly households: number;
  /** Residents the community governs. */
  readonly residents: number;
}

/** Result of {@link communitySize}. */
export interface CommunitySizeResult extends RuleResult {
  /** Both deviations lie within ± tolerance, the bounds included. */
  readonly withinGuideline: boolean;
  /** Households deviation lies within ± tolerance. */
  readonly householdsWithin: boolean;
  /** Residents deviation lies within ± tolerance. */
  readonly residentsWithin: boolean;
  /** (households − 3,000) ÷ 3,000, signed. Exact when it terminates, else 20 significant digits. */
  readonly householdDeviation: Decimal;
  /** (residents − 8,000) ÷ 8,000, signed. Exact when it terminates, else 20 significant digits. */
  readonly residentDeviation: Decimal;
}

/** A count's deviation from its standard, decided exactly. @internal */
export function deviation(actual: number, standard: number, tolerance: Decimal) {
  const { value, exact } = ratio(actual - standard, standard);
  const within = yiXia(new D(Math.abs(actual - standard)), tolerance.times(standard));
  return { value, exact, within };
}

/** Trace line for one deviation. @internal */
export function deviationStep(
  zhLabel: string,
  enLabel: string,
  actual: string,
  standard: number,
  dev: { value: Decimal; exact: boolean; within: boolean },
  tolerance: Decimal,
): TraceStep {
  const value = equalsShown(showShare(dev.value), dev.exact);
  const std = grouped(standard);
  const band = showDeviation(tolerance).text;
  return step(
    `${zhLabel}偏差：(${actual} − ${std}) ÷ ${std} ${value}，${dev.within ? `在 ${band} 以内` : `超出 ${band}`}`,
    `${enLabel} deviation: (${actual} − ${std}) ÷ ${std} ${value}, ${dev.within ? 'within' : 'outside'} ${band}`,
  );
}

/** {@link communitySize} under any parameters. @internal */
export function communitySizeWith(p: Parameters, input: CommunitySizeInput): CommunitySizeResult {
  const c = new Checker('communitySize');
  const o = c.object(input, ['households', 'residents']);
  const households = c.count(o.households, 'households');
  const residents = c.count(o.residents, 'residents');
  c.done();
  const tolerance = new D(p.sizing.tolerance);
  const h = deviation(households, p.sizing.households, tolerance);
  const r = deviation(residents, p.sizing.residents, tolerance);
  const within = h.within && r.within;
  return {
    withinGuideline: within,
    householdsWithin: h.within,
    residentsWithin: r.within,
    householdDeviation: h.value,
    residentDeviation: r.value,
    clause: 'A.3.1',
    interpretations: [{ id: 'I4', choice: tolerance.toFixed() as `${number}` }], // the register's option id ('0.2'), not '±0.2'
    trace: [
      deviationStep('户数', 'Households', grouped(households), p.sizing.households, h, tolerance),
      deviationStep('人口', 'Residents', grouped(residents), p.sizing.residents, r, tolerance),
      step(
        within ? '两项均在“左右”的范围内(I4)：规模符合要求' : '至少一项超出“左右”的范围(I4)：规模不符合要求',
        within ? 'Both within "approximately" (I4): the size meets the guideline' : 'At least one outside "approximately" (I4): the size misses the guideline',
      ),
    ],
  };
}

/**
 * Whether a community's size is within the guideline of about 3,000
 * households and 8,000 residents (Q4, Q5, clause A.3.1). "About" (左右) is read
 * as ± 20 % by default, bounds included (interpretation I4).
 *
 * @param input - `households` and `residents`, whole numbers ≥ 0
 * @returns `withinGuideline` and the two signed deviations, with clause, interpretation I4 and trace
 * @throws {@link PolicyInputError} when a count is not a whole number ≥ 0
 * @example
 * ```ts
 * communitySize({ households: 3600, residents: 8000 }).withinGuideline; //=> true
 * communitySize({ households: 3601, residents: 8000 }).withinGuideline; //=> false
 * communitySize({ households: 3300, residents: 6000 }).residentDeviation.toString(); //=> '-0.25'
 * ```
 */
export function communitySize(input: CommunitySizeInput): CommunitySizeResult {
  return displayable('communitySize', communitySizeWith(DEFAULT_PARAMETERS, input));
}
