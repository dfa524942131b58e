/**
 * shequ-rules: a city's policy on urban–rural community building (社区建设)
 * as exact, typed, cited functions.
 *
 * This entry holds the rules. The policy as data (clause registry,
 * interpretation register, bodies and duties, self-audit) is in
 * `shequ-rules/spec`; the evaluation of a city's data and its reports are in
 * `shequ-rules/evaluate`. Keeping them apart keeps a web app that imports one
 * rule small.
 *
 * @packageDocumentation
 * @module shequ-rules
 */
export { Decimal } from './decimal.js';
export { ISSUE_CODES, PolicyInputError, type IssueCode, type PolicyInputIssue, type PolicyInputIssueInit } from './errors.js';
export { formatTrace, type InterpretationUse, type Lang, type RuleResult, type TraceStep } from './trace.js';
export {
  DEFAULT_PARAMETERS,
  PARAMETER_REFERENCES,
  type DeveloperBoundary,
  type FundingMode,
  type InterimTarget,
  type ParameterReference,
  type Parameters,
  type RolloutMode,
  type StaffRounding,
  type SubsidyProration,
} from './policies/ningguo-values.js';
export type { ExactValue, ParamsOf } from './policy/parameters.js';
export type { AmountInput, DateInput } from './rules/input.js';
export { communitySize, type CommunitySizeInput, type CommunitySizeResult } from './provisions/a-3-1-size/community-size.js';
export { planCommunities, type PlanInput, type PlanResult } from './provisions/a-3-1-size/plan-communities.js';
export { serviceRoomArea, type RoomInput, type RoomResult } from './provisions/a-3-4-rooms/service-room-area.js';
export { requiredStaff, type StaffInput, type StaffResult } from './provisions/a-4-2-staff/required-staff.js';
export {
  ruralRollout,
  ruralRolloutSchedule,
  type RolloutInput,
  type RolloutResult,
  type RolloutRow,
  type RolloutScheduleInput,
  type RolloutScheduleResult,
} from './provisions/a-3-3-rural-rollout/rural-rollout.js';
export {
  cityFundBudget,
  cityFundSchedule,
  type FundInput,
  type FundResult,
  type FundRow,
  type FundScheduleInput,
  type FormerBase,
  type WithBase,
  type FundScheduleResult,
} from './provisions/a-4-3-1-city-fund/city-fund.js';
export { streetSubsidyMinimum, type SubsidyInput, type SubsidyResult } from './provisions/a-4-3-2-street-subsidy/street-subsidy.js';
export { developerObligation, type DeveloperInput, type DeveloperResult } from './provisions/a-4-3-3-developer/developer-obligation.js';
export { targets, type TargetsInput, type TargetsResult } from './provisions/a-2-targets/targets.js';
export {
  createPolicy,
  extendPolicy,
  resolveParameters,
  type ParameterChange,
  type ParameterOverrides,
  type ParameterPath,
  type ParametersOf,
  type Policy,
  type PolicyChanges,
  type PolicyOptions,
  type ProvisionId,
  type ProvisionList,
  type ProvisionPatch,
  type RuleName,
  type RuleInputOf,
  type RuleResultOf,
  type RulesOf,
} from './create-policy.js';
export { NINGGUO_2011, NINGGUO_2011_SOURCE } from './policies/ningguo-2011.js';
export { defineProvision, rule } from './provisions/provision.js';
export type {
  Check,
  Citation,
  CityCheck,
  CommunityCheck,
  Detail,
  Finding,
  FindingStatus,
  FindingValue,
  NotEvaluated,
  ParameterAsOf,
  PolicyCore,
  Provision,
  QuickShortfall,
  RemovedProvision,
  RuleDef,
  Source,
  SourceStatus,
  StandingCheck,
} from './provisions/provision.js';
export type {
  Allowed,
  DatedValue,
  FieldUnit,
  FieldWords,
  FindingAbout,
  InputKind,
  Interpretation,
  InterpretationOption,
  ParameterDeclaration,
  RuleAbout,
  RuleField,
  ValueUnit,
} from './provisions/declare.js';
export type { CommunityRecord, Dataset, DatasetAmount, ProjectRecord } from './provisions/records.js';
export { FAIL, PASS, UNKNOWN } from './rules/check.js';
export { callRule, finding, paramsOf, verdict } from './rules/kit.js';
export type { Bilingual } from './bilingual.js';
export type { RoomBasis } from './provisions/a-3-4-rooms/service-room-area.js';
export { PRESETS, PRESET_SOURCES, type PresetName, type PresetSource } from './policies/presets.js';
export type { ClauseId } from './policy/provisions.js';
export type { InterpretationId, ReadingChoice, ReadingUse } from './policies/interpretations.js';
