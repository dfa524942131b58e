/** The explanation graph: built on demand from a policy's declarations, written as JSON or DOT. */
export { findingGraph, graphValue, ruleGraph, type FindingGraphOptions, type RuleGraphOptions } from './build.js';
export type { ExplanationGraph, GraphNode, GraphNodeKind, GraphSource, GraphSubject, GraphValue } from './model.js';
export { dotString, graphDot, graphJson, nodeLabel, valueText, type GraphJson, type TraceEntry } from './output.js';
