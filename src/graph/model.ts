/**
 * The explanation graph: a value and everything it was computed from, as
 * nodes with edges from each value to what it depends on (after OpenFisca's
 * `/trace`, which answers each computed variable with its value, its
 * dependencies and the parameters it read, and after Publicodes, whose rule
 * pages link every value to the rule or parameter it came from).
 *
 * Plain data: every value is an exact string (a Decimal in plain digits, a
 * count as written), never a float; `JSON.stringify` of a graph is its JSON.
 * Nothing here is made with a result: a graph is built on demand, from the
 * policy's declarations, by `ruleGraph` and `findingGraph`.
 */
import type { Bilingual } from '../bilingual.js';
import type { Citation } from '../trace.js';

/** What a node stands for. */
export type GraphNodeKind =
  /** A value the rule gave or a finding's verdict, expected, actual or shortfall: what the graph explains. */
  | 'value'
  /** A field of the rule's input or of the community's record, as given. */
  | 'input'
  /** A number or option of the policy, with its clause and the document it came from. */
  | 'parameter'
  /** A reading of ambiguous text, with the option taken. */
  | 'reading'
  /** A step of the computation. */
  | 'operation';

/** An exact value as the graph writes it: plain digits or words, `null` when unknown or not given; a table as arrays and objects of these. */
export type GraphValue = string | null | readonly GraphValue[] | { readonly [key: string]: GraphValue };

/** The document a parameter's value came from. */
export interface GraphSource {
  /** The document's id (one of the policy's `sources`). */
  readonly id: string;
  readonly title: Bilingual;
  /** The day it was issued or took force, as far as it is known. */
  readonly date?: string;
  /** The document's own clause that set the value, when it names one. */
  readonly clause?: string;
}

/** One node of an explanation graph. */
export interface GraphNode {
  /** Unique in its graph: `value:staff`, `input:households`, `parameter:staffing.householdsPerWorker`, `reading:…`, `operation:2`. */
  readonly id: string;
  readonly kind: GraphNodeKind;
  /** What it is, in both languages (a field's name, a parameter's path, a step's words). */
  readonly name: Bilingual;
  /** Its exact value (`null`: unknown, or a field not given). */
  readonly value: GraphValue;
  /** The unit of its value, where it has one (`households`, `m2`, `yuan`, `户 per worker`). */
  readonly unit?: string;
  /** The clause of the policy it belongs to (the explorer's anchor `#A.4.2`). */
  readonly clause?: string;
  /** The ids of the nodes it was computed from, in the graph's order. */
  readonly dependencies: readonly string[];
  /** An input: left out, so that the rule took its default (floating households counted as 0). */
  readonly defaulted?: boolean;
  /** A parameter: its dotted path. */
  readonly path?: string;
  /** A parameter: the day from which its value applies. */
  readonly from?: string;
  /** A parameter: the document its value comes from; `null` when the caller's own overrides (`createPolicy`) set it. */
  readonly source?: GraphSource | null;
  /** A reading: the option taken, the register's default, whether the two are the same, and the option's formula in words. */
  readonly reading?: { readonly choice: string; readonly default: string; readonly isDefault: boolean; readonly formula?: Bilingual };
  /** An operation that is a value of one of the policy's rules: the rule's name (a method of the policy). */
  readonly rule?: string;
  /** A value: the documents beyond the policy's own that changed it. */
  readonly cites?: readonly Citation[];
}

/** What a graph explains: a rule's result, or a finding of one subject. */
export type GraphSubject = { readonly rule: string } | { readonly finding: string; readonly subject: string };

/** An explanation graph: the nodes, and those it was asked for. */
export interface ExplanationGraph {
  readonly of: GraphSubject;
  /** The clause of the rule or finding. */
  readonly clause: string;
  /** The ids of the values asked for (the roots): a rule's values, a finding's verdict. */
  readonly requested: readonly string[];
  /** Every node, the roots first, then in the order they were met. */
  readonly nodes: readonly GraphNode[];
  /**
   * `declared`: the dependencies are those the rule's or check's declaration names (its fields, the parameters
   * its provision declares or reads, the readings it used), and the operations are its trace's steps in order;
   * `formula`: each operation is a node of the check's formula with exactly the operands it reads.
   */
  readonly detail: 'declared' | 'formula';
}
