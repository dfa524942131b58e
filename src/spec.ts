/**
 * shequ-rules/spec: the policy as data — every clause of both documents, the
 * interpretation register, the non-numeric catalogues, the bodies and their
 * duties, and the self-audit.
 *
 * @packageDocumentation
 * @module shequ-rules/spec
 */
export { provisions, provision, type Bilingual, type ClauseId, type Provision, type ProvisionKind } from './policy/provisions.js';
export { interpretations, type Interpretation, type InterpretationId, type InterpretationOption, type ReadingChoice } from './policy/interpretations.js';
export {
  classifyFundSource,
  committeeDuties,
  fundSources,
  publicServices,
  type CatalogueEntry,
  type FundSource,
} from './policy/catalogues.js';
export { actorsFor, bodies, dutiesOf, topics, type Actor, type Body, type Duty, type DutiesAnswer, type Topic } from './policy/bodies.js';
export { auditPolicy, type AuditAssumptions, type AuditFinding, type AuditResult, type Verdict } from './audit/audit-policy.js';
