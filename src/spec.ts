/**
 * shequ-rules/spec: the policy as data — every clause of both documents, the
 * interpretation register, the non-numeric catalogues, the bodies and their
 * duties, and the self-audit.
 *
 * @packageDocumentation
 * @module shequ-rules/spec
 */
export { provisions, provision, clauseLinks } from './policies/clauses.js';
export type { Bilingual, ClauseId, Provision, ProvisionKind } from './policy/provisions.js';
export {
  interpretations,
  registerOf,
  type Interpretation,
  type InterpretationId,
  type InterpretationOption,
  type ReadingChoice,
  type ReadingUse,
} from './policies/interpretations.js';
export {
  classifyFundSource,
  committeeDuties,
  fundSources,
  publicServices,
  type CatalogueEntry,
  type FundSource,
} from './policies/catalogues.js';
export { actorsFor, bodies, dutiesOf, topics, type Actor, type Body, type Duty, type DutiesAnswer, type Topic } from './policy/bodies.js';
export { auditPolicy, type AuditAssumptions, type AuditFinding, type AuditResult, type Verdict } from './audit/audit-policy.js';
export {
  STANDARDS,
  STANDARD_READINGS,
  inForceOn,
  standardOf,
  standardsOn,
  type HouseholdsCounted,
  type InForce,
  type RoomsHeld,
  type Standard,
  type StandardId,
  type StandardReadings,
  type StandardSets,
  type StandardsOn,
  type StandardsOnOptions,
} from './policies/standards.js';
export {
  applyStandard,
  applyStandardsOn,
  standardChanges,
  standardsUsed,
  type StandardOptions,
  type StandardsApplied,
  type StandardUse,
} from './policies/standard-overlays.js';
