/**
 * An explanation graph written out: as JSON in the shape of OpenFisca's
 * `/trace` (each node's value, dependencies and the parameters it read,
 * beside the list of nodes), and as DOT for Graphviz, its labels in one
 * language.
 */
import { PolicyInputError, refused } from '../errors.js';
import { oneOf } from '../kinds.js';
import { checkGraph } from './check.js';
import type { Lang } from '../trace.js';
import { unitWord } from '../view/fields.js';
import type { ExplanationGraph, GraphNode, GraphValue } from './model.js';

/** One node as `/trace` answers it. */
export interface TraceEntry {
  readonly value: GraphValue;
  readonly dependencies: readonly string[];
  /** The parameters it read, by path, with their values: directly, or through a reading they select. */
  readonly parameters: Readonly<Record<string, GraphValue>>;
}

/** A graph as JSON: what was asked for, each node as `/trace` answers it, and the nodes themselves. */
export interface GraphJson {
  readonly of: ExplanationGraph['of'];
  readonly clause: string;
  readonly detail: ExplanationGraph['detail'];
  readonly requested: readonly string[];
  readonly trace: Readonly<Record<string, TraceEntry>>;
  readonly nodes: readonly GraphNode[];
}

/**
 * The graph as JSON data, after OpenFisca's `/trace`: `trace[id]` is `{ value, dependencies, parameters }` for
 * every node, and `nodes` keeps the rest of what each node says (names, units, clauses, sources, readings).
 *
 * @param graph - from `ruleGraph` or `findingGraph`
 * @returns plain data, every value an exact string
 * @example
 * ```ts
 * graphJson(ruleGraph('requiredStaff', { households: 3100 })).trace['value:staff'].parameters;
 * //=> { 'staffing.householdsPerWorker': '600', 'staffing.rounding': 'ceil' }
 * ```
 */
export function graphJson(graph: ExplanationGraph): GraphJson {
  const g = checkGraph(graph, 'graphJson');
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const trace: Record<string, TraceEntry> = {};
  for (const n of g.nodes) {
    const parameters: Record<string, GraphValue> = {};
    const read = (id: string) => {
      const d = byId.get(id);
      if (d?.kind === 'parameter') parameters[d.path ?? d.id] = d.value;
    };
    for (const id of n.dependencies) {
      read(id);
      const d = byId.get(id);
      if (d?.kind === 'reading') for (const p of d.dependencies) read(p);
    }
    trace[n.id] = { value: n.value, dependencies: n.dependencies, parameters };
  }
  return { of: g.of, clause: g.clause, detail: g.detail, requested: g.requested, trace, nodes: g.nodes };
}

/** A value in one line of words: a table as its JSON. */
export const valueText = (v: GraphValue): string => (v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

const VERDICT_WORDS: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '未通过', en: 'fail' },
  unknown: { zh: '无法判断', en: 'unknown' },
};

const TRUTH = { true: { zh: '成立', en: 'holds' }, false: { zh: '不成立', en: 'does not hold' } } as const;

/** A node's label: its name, then its value with its unit, in one language. */
export function nodeLabel(n: GraphNode, lang: Lang): string {
  const name = n.name[lang];
  // A step of a rule's trace says its numbers in its words; an operation of a formula has its value beside it.
  if (n.kind === 'operation') {
    if (n.value === null || valueText(n.value) === name) return name;
    const shown = n.value === 'true' || n.value === 'false' ? TRUTH[n.value][lang] : valueText(n.value);
    return `${name} → ${shown}`;
  }
  if (n.kind === 'reading') {
    const mark = n.reading && !n.reading.isDefault ? (lang === 'zh' ? '(非默认)' : ' (not the default)') : '';
    return `${n.id.slice('reading:'.length)}: ${n.reading?.formula?.[lang] ?? valueText(n.value)}${mark}`;
  }
  if (n.id === 'value:status' && typeof n.value === 'string' && Object.hasOwn(VERDICT_WORDS, n.value)) return `${name}: ${VERDICT_WORDS[n.value]![lang]}`;
  const unit = n.unit ? unitWord(n.unit, lang) : '';
  const value = n.value === null ? (n.defaulted ? (lang === 'zh' ? '未给出(按默认)' : 'not given (default)') : '—') : valueText(n.value);
  return `${name}: ${value}${unit && n.value !== null ? ` ${unit}` : ''}`;
}

const SHAPE: Readonly<Record<GraphNode['kind'], string>> = {
  value: 'box, style="bold"',
  input: 'ellipse',
  parameter: 'note',
  reading: 'diamond',
  operation: 'box, style="rounded"',
};

/** A DOT string: in double quotes, with the quote, the backslash and line breaks escaped. */
export const dotString = (s: string): string =>
  `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n')}"`;

/**
 * The graph in Graphviz's DOT: a node per node of the graph, labelled in `lang` with its value and unit, linked to
 * its clause (`URL="#A.4.2"`), and an edge from each value to what it depends on.
 *
 * @param graph - from `ruleGraph` or `findingGraph`
 * @param lang - `'zh'` (default) or `'en'`
 * @returns the DOT text of one `digraph`
 * @example
 * ```ts
 * graphDot(ruleGraph('requiredStaff', { households: 3100 }), 'en').split('\n')[0]; //=> 'digraph "requiredStaff" {'
 * ```
 */
export function graphDot(graph: ExplanationGraph, lang: Lang = 'zh'): string {
  const g = checkGraph(graph, 'graphDot');
  if (lang !== 'zh' && lang !== 'en') throw new PolicyInputError([refused('lang', 'not-an-option', oneOf(['zh', 'en']), lang)], 'graphDot');
  const title = 'rule' in g.of ? g.of.rule : `${g.of.finding} ${g.of.subject}`;
  const lines = [`digraph ${dotString(title)} {`, '  rankdir=LR;', '  node [fontname="sans-serif"];'];
  for (const n of g.nodes) {
    const url = n.clause ? `, URL=${dotString(`#${n.clause}`)}` : '';
    lines.push(`  ${dotString(n.id)} [shape=${SHAPE[n.kind]}, label=${dotString(nodeLabel(n, lang))}${url}];`);
  }
  for (const n of g.nodes) for (const d of n.dependencies) lines.push(`  ${dotString(n.id)} -> ${dotString(d)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
