import { displayable } from './display.js';
import { PolicyInputError, refused } from './errors.js';
import { mergeOverrides, type ParameterOverrides } from './policy/overrides.js';
import { DEFAULT_PARAMETERS, parametersOn, type Parameters } from './policy/parameters.js';
import { dayOf, parametersAsOf, type ParameterAsOf } from './policy/as-of.js';
import { Checker } from './rules/input.js';
import { RULES } from './provisions/rules.generated.js';

type Rules = typeof RULES;
/** The name of a rule of the policy as the provisions declare it (the keys of the rules' registry). */
export type RuleName = keyof Rules;
/** The input a rule takes. */
export type RuleInputOf<K extends RuleName> = Rules[K] extends (p: Parameters, input: infer I) => unknown ? I : never;
/** The result a rule gives. */
export type RuleResultOf<K extends RuleName> = ReturnType<Rules[K]>;
/** Every rule bound to one parameter set: each method is the root export of the same name, computed under the policy's parameters. */
export type PolicyRules = { readonly [K in RuleName]: (input: RuleInputOf<K>) => RuleResultOf<K> };

/** Options of {@link createPolicy}. */
export interface PolicyOptions {
  /** The day whose declared values the policy computes with (a parameter may be amended from a date). */
  readonly on?: string | Date;
}

/** Every rule of the policy, bound to one parameter set (one method per rule of the registry). */
export interface Policy extends PolicyRules {
  /** The parameters this policy computes with (defaults merged with the overrides), deeply frozen. */
  readonly parameters: Parameters;
  /**
   * Every parameter with its clause, unit and start date, and whether the
   * policy applies it on `date` (an ISO `'YYYY-MM-DD'` or a Date): e.g. the
   * fund growth applies from 2012-01-01.
   */
  asOf(date: string | Date): ParameterAsOf[];
}

/**
 * A policy with every rule as a method, computed with the default parameters
 * deep-merged with `overrides`. Overrides are validated first; neither they
 * nor `DEFAULT_PARAMETERS` nor any other policy is changed.
 *
 * @param overrides - any subset of the parameters, e.g. `{ staffing: { rounding: 'floor' } }`; fractions as numbers or decimal strings
 * @param options - `on`: the day (ISO `'YYYY-MM-DD'` or a Date) whose values the policy computes with, when a parameter is amended from a date (default: each parameter's first value, the policy as written)
 * @returns a frozen {@link Policy}
 * @throws {@link PolicyInputError} for an unknown key, a value of the wrong kind, or one out of range
 * @example
 * ```ts
 * createPolicy({ staffing: { rounding: 'floor' } }).requiredStaff({ households: 601 }).staff; //=> 1
 * createPolicy({ developer: { boundary: 'funds' } }).developerObligation({ floorAreaM2: 200000 }).route; //=> 'funds'
 * createPolicy({}, { on: '2013-06-30' }).requiredStaff({ households: 601 }).staff; //=> 2
 * ```
 */
export function createPolicy(overrides?: ParameterOverrides, options?: PolicyOptions): Policy {
  let base = DEFAULT_PARAMETERS;
  if (options !== undefined) {
    const c = new Checker('createPolicy');
    const o = c.object(options, ['on']);
    c.done();
    if (o.on !== undefined) base = parametersOn(dayOf(o.on, 'createPolicy'));
  }
  const p = mergeOverrides(overrides, base);
  const policy: Record<string, unknown> = { parameters: p };
  for (const [name, rule] of Object.entries(RULES) as [RuleName, (p: Parameters, input: unknown) => object][]) {
    policy[name] = (input: unknown) => displayable(name, rule(p, input));
  }
  policy.asOf = (date: string | Date) => parametersAsOf(p, date, base);
  Object.defineProperty(policy, MADE, { value: true }); // not enumerable: a spread copy is not a policy
  return Object.freeze(policy) as unknown as Policy;
}

/**
 * The mark of a policy createPolicy made: a look-alike object is refused, never half-used. A registered symbol,
 * not a WeakSet, because the CommonJS build bundles each entry apart and a policy made by one is used by another.
 */
const MADE = /* @__PURE__ */ Symbol.for('shequ-rules.policy');

/** Whether `value` is a policy made by {@link createPolicy}. @internal */
export const isPolicy = (value: unknown): value is Policy => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MADE] === true;

/**
 * `policy` when it is a policy made by {@link createPolicy}, the policy as
 * written when it is undefined; otherwise a PolicyInputError for `context`.
 * @internal
 */
export function checkPolicy(policy: unknown, context: string): Policy {
  if (policy === undefined) return createPolicy();
  if (typeof policy === 'object' && policy !== null && (policy as Record<symbol, unknown>)[MADE] === true) return policy as Policy;
  throw new PolicyInputError(
    [refused('policy', 'not-a-policy', { en: 'a policy made by createPolicy()', zh: '由 createPolicy() 生成的政策' }, policy)],
    context,
  );
}
