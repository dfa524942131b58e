/**
 * What the graph's functions take, checked before anything is read: a
 * finding's shape, the options, a graph handed back to be written. Anything
 * else is a PolicyInputError naming the place, never a TypeError from deep
 * inside.
 */
import { b } from '../bilingual.js';
import { PolicyInputError, refused, type PolicyInputIssueInit } from '../errors.js';
import type { Finding } from '../provisions/provision.js';
import type { ExplanationGraph } from './model.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWords = (v: unknown) => isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string';
const STATUSES = new Set(['pass', 'fail', 'unknown']);

/** A finding as `evaluateCity` and `evaluateCommunity` give it, or a PolicyInputError saying what is not. @internal */
export function checkFinding(finding: unknown, context: string): Finding {
  const issues: PolicyInputIssueInit[] = [];
  const bad = (path: string, what: { en: string; zh: string }, v: unknown) => issues.push(refused(path, 'invalid', what, v));
  if (!isObject(finding)) {
    throw new PolicyInputError([refused('finding', 'not-an-object', b('evaluateCity 给出的一项结论', 'a finding of evaluateCity'), finding)], context);
  }
  for (const k of ['provision', 'clause', 'subject'] as const) if (typeof finding[k] !== 'string') bad(`finding.${k}`, b('文字', 'text'), finding[k]);
  if (!STATUSES.has(finding.status as string)) bad('finding.status', b('pass、fail 或 unknown', 'pass, fail or unknown'), finding.status);
  if (!isWords(finding.message)) bad('finding.message', b('{ zh, en } 两种语言的文字', 'words { zh, en }'), finding.message);
  const uses = finding.interpretations;
  if (uses !== undefined && !(Array.isArray(uses) && Array.from(uses).every((u) => isObject(u) && typeof u.id === 'string' && typeof u.choice === 'string')))
    bad('finding.interpretations', b('{ id, choice } 的列表', 'a list of { id, choice }'), uses);
  const cites = finding.cites;
  if (cites !== undefined && !(Array.isArray(cites) && Array.from(cites).every((x) => isObject(x) && typeof x.source === 'string')))
    bad('finding.cites', b('{ source, clause? } 的列表', 'a list of { source, clause? }'), cites);
  if (issues.length) throw new PolicyInputError(issues, context);
  return finding as unknown as Finding;
}

const KINDS = new Set(['value', 'input', 'parameter', 'reading', 'operation']);

/** Whether `v` is a graph's value: a string, null, or arrays and objects of these (to a modest depth). */
const isValue = (v: unknown, depth = 0): boolean =>
  v === null ||
  typeof v === 'string' ||
  (depth < 8 && Array.isArray(v) && Array.from(v).every((x) => isValue(x, depth + 1))) ||
  (depth < 8 && isObject(v) && Object.values(v).every((x) => isValue(x, depth + 1)));

const WHAT = b('ruleGraph 或 findingGraph 给出的图', 'a graph from ruleGraph or findingGraph');

/** A graph as `ruleGraph` and `findingGraph` give it, or a PolicyInputError naming the first place it is not. @internal */
export function checkGraph(graph: unknown, context: string): ExplanationGraph {
  const fail = (path: string, v: unknown): never => {
    throw new PolicyInputError([refused(path, path === 'graph' ? 'not-an-object' : 'invalid', WHAT, v)], context);
  };
  if (!isObject(graph)) return fail('graph', graph);
  const of = graph.of;
  if (!isObject(of) || !(typeof of.rule === 'string' || (typeof of.finding === 'string' && typeof of.subject === 'string'))) fail('graph.of', of);
  if (typeof graph.clause !== 'string') fail('graph.clause', graph.clause);
  const requested = graph.requested;
  if (!Array.isArray(requested) || !Array.from(requested).every((x) => typeof x === 'string')) fail('graph.requested', requested);
  if (!Array.isArray(graph.nodes)) return fail('graph.nodes', graph.nodes);
  // By index, not forEach: a hole in a sparse list is a node missing, not one skipped.
  for (let i = 0; i < graph.nodes.length; i++) {
    const n: unknown = graph.nodes[i];
    const at = `graph.nodes[${i}]`;
    if (!isObject(n)) return fail(at, n);
    if (typeof n.id !== 'string') fail(`${at}.id`, n.id);
    if (!KINDS.has(n.kind as string)) fail(`${at}.kind`, n.kind);
    if (!isWords(n.name)) fail(`${at}.name`, n.name);
    if (!isValue(n.value)) fail(`${at}.value`, n.value);
    if (!Array.isArray(n.dependencies) || !Array.from(n.dependencies).every((x) => typeof x === 'string')) fail(`${at}.dependencies`, n.dependencies);
    for (const k of ['unit', 'clause', 'path', 'from'] as const) if (n[k] !== undefined && typeof n[k] !== 'string') fail(`${at}.${k}`, n[k]);
    const r = n.reading;
    if (r !== undefined && !(isObject(r) && typeof r.choice === 'string' && (r.formula === undefined || isWords(r.formula)))) fail(`${at}.reading`, r);
    const s = n.source;
    if (s !== undefined && s !== null && !(isObject(s) && typeof s.id === 'string' && isWords(s.title))) fail(`${at}.source`, s);
  }
  return graph as unknown as ExplanationGraph;
}
