import { displayable } from './display.js';
import { PolicyInputError, refused } from './errors.js';
import { resolveParameters, type ParameterOverrides } from './policy/overrides.js';
import type { Parameters } from './policy/parameters.js';
import { parametersAsOf, type ParameterAsOf } from './policy/as-of.js';
import { cityFundBudgetWith, cityFundScheduleWith, type FundInput, type FundResult, type FundScheduleInput, type FundScheduleResult } from './rules/city-fund.js';
import { communitySizeWith, type CommunitySizeInput, type CommunitySizeResult } from './rules/community-size.js';
import { developerObligationWith, type DeveloperInput, type DeveloperResult } from './rules/developer-obligation.js';
import { planCommunitiesWith, type PlanInput, type PlanResult } from './rules/plan-communities.js';
import { requiredStaffWith, type StaffInput, type StaffResult } from './rules/required-staff.js';
import {
  ruralRolloutScheduleWith,
  ruralRolloutWith,
  type RolloutInput,
  type RolloutResult,
  type RolloutScheduleInput,
  type RolloutScheduleResult,
} from './rules/rural-rollout.js';
import { serviceRoomAreaWith, type RoomInput, type RoomResult } from './rules/service-room-area.js';
import { streetSubsidyMinimumWith, type SubsidyInput, type SubsidyResult } from './rules/street-subsidy.js';
import { targetsWith, type TargetsInput, type TargetsResult } from './rules/targets.js';

/** Every rule of the policy, bound to one parameter set. */
export interface Policy {
  /** The parameters this policy computes with (defaults merged with the overrides), deeply frozen. */
  readonly parameters: Parameters;
  /** See the root export `communitySize`. */
  communitySize(input: CommunitySizeInput): CommunitySizeResult;
  /** See the root export `planCommunities`. */
  planCommunities(input: PlanInput): PlanResult;
  /** See the root export `serviceRoomArea`. */
  serviceRoomArea(input: RoomInput): RoomResult;
  /** See the root export `requiredStaff`. */
  requiredStaff(input: StaffInput): StaffResult;
  /** See the root export `ruralRollout`. */
  ruralRollout(input: RolloutInput): RolloutResult;
  /** See the root export `ruralRolloutSchedule`. */
  ruralRolloutSchedule(input: RolloutScheduleInput): RolloutScheduleResult;
  /** See the root export `cityFundBudget`. */
  cityFundBudget(input: FundInput): FundResult;
  /** See the root export `cityFundSchedule`. */
  cityFundSchedule(input: FundScheduleInput): FundScheduleResult;
  /** See the root export `streetSubsidyMinimum`. */
  streetSubsidyMinimum(input: SubsidyInput): SubsidyResult;
  /** See the root export `developerObligation`. */
  developerObligation(input: DeveloperInput): DeveloperResult;
  /** See the root export `targets`. */
  targets(input: TargetsInput): TargetsResult;
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
 * @returns a frozen {@link Policy}
 * @throws {@link PolicyInputError} for an unknown key, a value of the wrong kind, or one out of range
 * @example
 * ```ts
 * createPolicy({ staffing: { rounding: 'floor' } }).requiredStaff({ households: 601 }).staff; //=> 1
 * createPolicy({ developer: { boundary: 'funds' } }).developerObligation({ floorAreaM2: 200000 }).route; //=> 'funds'
 * ```
 */
export function createPolicy(overrides?: ParameterOverrides): Policy {
  const p = resolveParameters(overrides);
  const policy: Policy = {
    parameters: p,
    communitySize: (input: CommunitySizeInput) => displayable('communitySize', communitySizeWith(p, input)),
    planCommunities: (input: PlanInput) => displayable('planCommunities', planCommunitiesWith(p, input)),
    serviceRoomArea: (input: RoomInput) => displayable('serviceRoomArea', serviceRoomAreaWith(p, input)),
    requiredStaff: (input: StaffInput) => displayable('requiredStaff', requiredStaffWith(p, input)),
    ruralRollout: (input: RolloutInput) => displayable('ruralRollout', ruralRolloutWith(p, input)),
    ruralRolloutSchedule: (input: RolloutScheduleInput) => displayable('ruralRolloutSchedule', ruralRolloutScheduleWith(p, input)),
    cityFundBudget: (input: FundInput) => displayable('cityFundBudget', cityFundBudgetWith(p, input)),
    cityFundSchedule: (input: FundScheduleInput) => displayable('cityFundSchedule', cityFundScheduleWith(p, input)),
    streetSubsidyMinimum: (input: SubsidyInput) => displayable('streetSubsidyMinimum', streetSubsidyMinimumWith(p, input)),
    developerObligation: (input: DeveloperInput) => displayable('developerObligation', developerObligationWith(p, input)),
    targets: (input: TargetsInput) => displayable('targets', targetsWith(p, input)),
    asOf: (date: string | Date) => parametersAsOf(p, date),
  };
  Object.defineProperty(policy, MADE, { value: true }); // not enumerable: a spread copy is not a policy
  return Object.freeze(policy);
}

/**
 * The mark of a policy createPolicy made: a look-alike object is refused, never half-used. A registered symbol,
 * not a WeakSet, because the CommonJS build bundles each entry apart and a policy made by one is used by another.
 */
const MADE = /* @__PURE__ */ Symbol.for('shequ-rules.policy');

/**
 * `policy` when it is a policy made by {@link createPolicy}, the policy as
 * written when it is undefined; otherwise a PolicyInputError for `context`.
 * @internal
 */
export function checkPolicy(policy: unknown, context: string): Policy {
  if (policy === undefined) return createPolicy();
  if (typeof policy === 'object' && policy !== null && (policy as Record<symbol, unknown>)[MADE] === true) return policy as Policy;
  throw new PolicyInputError([refused('policy', 'not-a-policy', { en: 'a policy made by createPolicy()', zh: '由 createPolicy() 生成的政策' }, policy)], context);
}
