/**
 * shequ-rules/evaluate: hold a city's data against the policy, and report.
 *
 * @packageDocumentation
 * @module shequ-rules/evaluate
 */
export {
  datasetJsonSchema,
  readDataset,
  type CommunityRecord,
  type Dataset,
  type DatasetAmount,
  type ProjectRecord,
} from './evaluate/dataset.js';
export { evaluateCity } from './evaluate/city.js';
export {
  comparePolicies,
  type ComparedPolicy,
  type ComparedRow,
  type ComparedStandard,
  type CompareOptions,
  type OwedDifference,
  type PolicyComparison,
  type PolicyDifference,
} from './evaluate/compare.js';
export { evaluateCommunities } from './evaluate/stream.js';
export {
  evaluateCommunity,
  type CityEvaluation,
  type CommunityContext,
  type EvaluationSummary,
  type Finding,
  type FindingStatus,
  type FindingValue,
  type Owed,
  type StatusCounts,
  type StreamContext,
} from './evaluate/evaluate.js';
export { formatReport, readEvaluation, type ReportOptions } from './report/format-report.js';
export { evaluateBatch, type BatchEvaluation } from './evaluate/batch.js';
export { toSql, type SqlDialect, type SqlOptions } from './sql/to-sql.js';
export { readTable, type ReadTableOptions, type TableRead } from './read/read-table.js';
export type { RawCell } from './read/cells.js';
export type { TableNotes, TableWarning } from './read/table.js';
export {
  findingGraph,
  graphDot,
  graphJson,
  ruleGraph,
  type ExplanationGraph,
  type FindingGraphOptions,
  type GraphJson,
  type GraphNode,
  type GraphNodeKind,
  type GraphSource,
  type GraphSubject,
  type GraphValue,
  type RuleGraphOptions,
  type TraceEntry,
} from './graph/index.js';
