/**
 * Explanation graphs built on demand from a policy's declarations: a rule's
 * result from the rule's fields, the parameters its provision declares or
 * reads, the readings the result used and its trace's steps; a finding from
 * the record it judged, the parameters and readings that serve it, and its
 * expected, actual and shortfall. Nothing is added to a result or a finding:
 * a graph costs only the caller who asks for one.
 */
import { b, type Bilingual } from '../bilingual.js';
import { checkPolicy, type Policy, type ProvisionList } from '../create-policy.js';
import { PolicyInputError, refused } from '../errors.js';
import { Checker } from '../rules/input.js';
import { checkFinding } from './check.js';
import { closest } from '../policy/names.js';
import { NINGGUO_2011, NINGGUO_2011_SOURCE } from '../policies/ningguo-2011.js';
import { datedValueOn, declarationsOfList, startOf, valueAtPath, type DeclaredParameter } from '../policy/parameters.js';
import type { Interpretation, RuleAbout } from '../provisions/declare.js';
import type { Finding, PolicyCore, Provision } from '../provisions/provision.js';
import type { Citation, InterpretationUse, RuleResult } from '../trace.js';
import { fieldSpec } from '../read/fields.js';
import { FIELDS } from '../view/fields.js';
import { isDecimal } from '../view/html.js';
import { bigRatio } from '../decimal.js';
import { isBool } from '../formula/check.js';
import { exactBool, exactNum } from '../formula/evaluate.js';
import { resolveBool, resolveNum, ruleInput, usedNothing } from '../formula/resolve.js';
import type { CheckFormula, Node as FormulaNode } from '../formula/types.js';
import { formulaNodes } from './formula.js';
import type { ExplanationGraph, GraphNode, GraphSource, GraphValue } from './model.js';

/** Result fields that say how a value was made rather than being one. */
const NOT_VALUES = new Set(['clause', 'interpretations', 'trace', 'cites']);

/** A value as the graph writes it: exact digits for a Decimal or a number, words as they are, `null` for nothing. */
export function graphValue(v: unknown): GraphValue {
  if (v === undefined || v === null) return null;
  if (isDecimal(v)) return v.toFixed();
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(graphValue);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, graphValue(x)]));
  return String(v);
}

const words = (name: string, about?: RuleAbout): { name: Bilingual; unit?: string } => {
  const w = about?.words?.[name] ?? FIELDS[name];
  return w ? { name: b(w.zh, w.en), unit: w.unit } : { name: b(name, name) };
};

/** A field of a dataset's record: its words and unit as the reader of tables names it (the rules' words where it has none). */
const recordWords = (name: string): { name: Bilingual; unit?: string } => {
  const s = fieldSpec(name);
  if (s === undefined) return words(name);
  const unit = s.kind === 'area' ? 'm2' : s.kind === 'money' ? 'yuan' : s.unit?.en === 'residents' ? 'people' : s.unit?.en;
  return { name: b(s.name.zh, s.name.en.charAt(0).toUpperCase() + s.name.en.slice(1)), ...(unit !== undefined && { unit }) };
};

/** The policy's readings, by id. */
const readingsOf = (policy: PolicyCore): Map<string, Interpretation> => new Map(policy.provisions.flatMap((p) => p.readings.map((r) => [r.id, r] as const)));

/** A parameter's node: its value in force, the day it applies from and the document it comes from. */
function parameterNode(policy: PolicyCore, declared: readonly DeclaredParameter[], d: DeclaredParameter): GraphNode {
  const value = valueAtPath(policy.parameters, d.path);
  const v = datedValueOn(d.values, policy.on);
  const own = policy.sources[0];
  const sourceOf = (id: string, clause?: string): GraphSource => {
    const s = policy.sources.find((x) => x.id === id);
    return {
      id,
      title: s?.title ?? b(id, id),
      ...(s?.date !== undefined && { date: s.date }),
      ...(clause !== undefined && { clause }),
    };
  };
  // The value is the declaration's (the policy's own, or a document's laid over it), unless the caller's overrides set it.
  const declaredValue = v !== undefined && String(v.value) === String(value);
  const start = valueAtPath(policy.parameters, startOf(declared, d.path));
  const from = declaredValue && v.from !== undefined ? v.from : start === undefined ? undefined : `${start}-01-01`;
  // A value the declaration gives without a document of its own comes from the document that brought its provision
  // (one laid over the policy that added or replaced it), else from the policy's own.
  const from_ = v?.cites ?? broughtBy(policy, d.path);
  const source = !declaredValue ? null : from_ ? sourceOf(from_.source, from_.clause) : own ? sourceOf(own.id) : null;
  return {
    id: `parameter:${d.path}`,
    kind: 'parameter',
    name: b(d.path, d.path),
    value: graphValue(value),
    unit: d.unit,
    clause: d.clause,
    dependencies: [],
    path: d.path,
    ...(from !== undefined && { from }),
    source,
  };
}

/** The document laid over the policy that brought the provision declaring `path`, when one did (not one that only set a value of it). */
function broughtBy(policy: PolicyCore, path: string): Citation | undefined {
  const p = policy.provisions.find((x) => Object.hasOwn(x.parameters, path));
  if (p?.cites === undefined) return undefined;
  // A provision of the city's document patched rule by rule or check by check keeps the city's declaration itself.
  const city = policy.sources[0]?.id === NINGGUO_2011_SOURCE.id ? NINGGUO_2011.find((x) => x.id === p.id) : undefined;
  if (city !== undefined && (city.parameters as Provision['parameters'])[path] === p.parameters[path]) return undefined;
  const dated = new Set(
    Object.values(p.parameters).flatMap((d) => d.values.flatMap((v) => (v.cites ? [`${v.cites.source}\u0000${v.cites.clause ?? ''}`] : []))),
  );
  return p.cites.find((c) => !dated.has(`${c.source}\u0000${c.clause ?? ''}`));
}

/** A reading's node: the option taken, the register's default, and the parameter that chose it (a dependency). */
function readingNode(use: InterpretationUse, register: ReadonlyMap<string, Interpretation>, parameters: ReadonlySet<string>): GraphNode {
  const r = register.get(use.id);
  const option = r?.options.find((o) => o.id === use.choice);
  const byParameter = r?.parameter != null && parameters.has(r.parameter) ? [`parameter:${r.parameter}`] : [];
  return {
    id: `reading:${use.id}`,
    kind: 'reading',
    name: r ? b(`${use.id} ${r.question.zh}`, `${use.id} ${r.question.en}`) : b(use.id, use.id),
    value: use.choice,
    ...(r && { clause: r.clause }),
    dependencies: byParameter,
    reading: {
      choice: use.choice,
      default: r?.default ?? use.choice,
      isDefault: r === undefined || r.default === use.choice,
      ...(option && { formula: option.formula }),
    },
  };
}

/** The parameters a provision computes with: those it declares, then those it reads of another's. */
const parametersOfProvision = (p: Provision, declared: readonly DeclaredParameter[]): DeclaredParameter[] =>
  declared.filter((d) => Object.hasOwn(p.parameters, d.path) || (p.reads !== undefined && Object.hasOwn(p.reads, d.path)));

/** Parameter and reading nodes, with the ids the value depends on directly (a parameter that selects a reading is the reading's dependency). */
function policyNodes(policy: PolicyCore, params: readonly DeclaredParameter[], uses: readonly InterpretationUse[]) {
  const declared = declarationsOfList(policy.provisions);
  const register = readingsOf(policy);
  // A parameter the policy leaves unset (an option of the presets) is no node, and no reading depends on it.
  const paths = new Set(params.filter((d) => valueAtPath(policy.parameters, d.path) !== undefined).map((d) => d.path));
  const readings = uses.map((u) => readingNode(u, register, paths));
  const viaReading = new Set(readings.flatMap((r) => r.dependencies));
  const parameters = params.filter((d) => paths.has(d.path)).map((d) => parameterNode(policy, declared, d));
  const direct = [...parameters.filter((n) => !viaReading.has(n.id)).map((n) => n.id), ...readings.map((r) => r.id)];
  return { nodes: [...readings, ...parameters], direct };
}

/** The operations of a trace: each step depends on the one before it. */
const operations = (trace: RuleResult['trace'], clause: string): GraphNode[] =>
  trace.map((s, i) => ({
    id: `operation:${i + 1}`,
    kind: 'operation',
    name: b(s.zh, s.en),
    value: null,
    clause,
    dependencies: i === 0 ? [] : [`operation:${i}`],
  }));

/** The options object of `context`: undefined, or an object of the `allowed` keys. */
const optionsOf = (options: unknown, allowed: readonly string[], context: string): Readonly<Record<string, unknown>> => {
  if (options === undefined) return {};
  const c = new Checker(context);
  const o = c.object(options, allowed);
  c.done();
  return o;
};

/** Options of {@link ruleGraph}. */
export interface RuleGraphOptions {
  /** The policy to compute under (default: the city's document as written). */
  readonly policy?: PolicyCore;
}

/**
 * The explanation graph of a rule's result: one node per value of the result, each depending on the rule's input
 * fields (as given, or defaulted when left out), the parameters its provision declares or reads (value, unit,
 * clause, the day it applies from and the document it came from), the readings the result used (option taken,
 * default) and the last step of its trace; the steps are operations in order. The rule is computed under the
 * policy; nothing is added to its result.
 *
 * @param rule - the name of a rule of the policy (a method of it), e.g. the staffing rule of clause A.4.2
 * @param input - the rule's input, as the rule takes it
 * @param options - `policy`: the policy (default: the city's as written)
 * @returns the graph: `requested` (the values' ids), `nodes`, `detail: 'declared'`
 * @throws {@link PolicyInputError} for a rule the policy does not have, or an input the rule refuses
 * @example
 * ```ts
 * const g = ruleGraph('requiredStaff', { households: 3100, floatingHouseholds: 150 });
 * g.nodes.find((n) => n.id === 'value:staff').value; //=> '6'
 * g.nodes.find((n) => n.id === 'value:staff').dependencies.slice(0, 3); //=> ['operation:3', 'input:households', 'input:floatingHouseholds']
 * g.nodes.find((n) => n.id === 'reading:I3').dependencies; //=> ['parameter:staffing.rounding']
 * ```
 */
export function ruleGraph(rule: string, input: unknown, options?: RuleGraphOptions): ExplanationGraph {
  const o = optionsOf(options, ['policy'], 'ruleGraph');
  const policy = checkPolicy(o.policy, 'ruleGraph') as Policy<ProvisionList> & Record<string, unknown>;
  const provision = typeof rule === 'string' ? policy.provisions.find((p) => Object.hasOwn(p.rules, rule)) : undefined;
  if (provision === undefined) {
    const names = policy.provisions.flatMap((p) => Object.keys(p.rules));
    const guess = typeof rule === 'string' ? closest(rule, names) : undefined;
    const expected = b('该政策的一条规则(政策的方法名)', 'a rule of the policy (the name of one of its methods)');
    const note = guess ? b(`是否想写 "${guess}"？`, `did you mean "${guess}"?`) : undefined;
    throw new PolicyInputError([refused('rule', 'unknown-name', expected, rule, note)], 'ruleGraph');
  }
  const about = provision.rules[rule]!.about;
  const result = (policy[rule] as (i: unknown) => RuleResult)(input); // refuses a bad input with its own PolicyInputError
  const given = input as Readonly<Record<string, unknown>>;
  const inputs: GraphNode[] = about.fields.map((f) => {
    const name = f.was && given[f.name] === undefined && given[f.was.name] !== undefined ? f.was.name : f.name;
    const v = given[name];
    return {
      id: `input:${f.name}`,
      kind: 'input',
      ...words(f.name, about),
      value: graphValue(v),
      clause: result.clause,
      dependencies: [],
      ...(v === undefined && { defaulted: true }),
    };
  });
  const declared = declarationsOfList(policy.provisions);
  const { nodes: fromPolicy, direct } = policyNodes(policy, parametersOfProvision(provision, declared), result.interpretations);
  const steps = operations(result.trace, result.clause);
  const last = steps.length ? [steps[steps.length - 1]!.id] : [];
  const values: GraphNode[] = Object.entries(result)
    .filter(([k]) => !NOT_VALUES.has(k))
    .map(([k, v]) => ({
      id: `value:${k}`,
      kind: 'value',
      ...words(k, about),
      value: graphValue(v),
      clause: result.clause,
      dependencies: [...last, ...inputs.map((n) => n.id), ...direct],
      ...(result.cites && { cites: result.cites }),
    }));
  return {
    of: { rule },
    clause: result.clause,
    requested: values.map((n) => n.id),
    nodes: [...values, ...steps, ...inputs, ...fromPolicy],
    detail: 'declared',
  };
}

/** Options of {@link findingGraph}. */
export interface FindingGraphOptions {
  /** The policy the finding was made under (default: the city's document as written). */
  readonly policy?: PolicyCore;
  /** The record it judged (a community or project of the dataset): its fields become the graph's inputs. */
  readonly record?: object;
  /** The year the data is for (the evaluation's), where the check's formula reads it. */
  readonly year?: number;
}

/** Fields of a record that name it rather than measure it. */
const NAMING = new Set(['id', 'name']);

/**
 * The explanation graph of a finding: its verdict and shortfall from the check that made them, which compared
 * what the policy expects (from the record's fields, the parameters that serve the finding and its readings) with
 * what the record shows. The record's fields, when given, are the inputs with their values.
 *
 * @param finding - a finding of `evaluateCity` or `evaluateCommunity`
 * @param options - `policy` it was made under, `record` it judged
 * @returns the graph: `requested` (the verdict's id), `nodes`
 * @throws {@link PolicyInputError} for a finding of a provision the policy does not have
 * @example
 * ```ts
 * const c = { id: 'c1', name: 'c1', kind: 'urban', households: 3100, floatingHouseholds: 150, residents: 9000, staff: 4 };
 * const f = evaluateCity({ year: 2013, communities: [c] }).findings.find((x) => x.clause === 'A.4.2');
 * findingGraph(f, { record: c }).nodes.slice(0, 2).map((n) => [n.id, n.value]); //=> [['value:status', 'fail'], ['value:shortfall', '2']]
 * ```
 */
export function findingGraph(finding: Finding, options?: FindingGraphOptions): ExplanationGraph {
  const o = optionsOf(options, ['policy', 'record', 'year'], 'findingGraph');
  const policy = checkPolicy(o.policy, 'findingGraph');
  checkFinding(finding, 'findingGraph');
  const c = new Checker('findingGraph');
  const year = c.optionalYear(o.year, 'year');
  if (o.record !== undefined && (typeof o.record !== 'object' || o.record === null || Array.isArray(o.record)))
    c.refuse('record', 'not-an-object', b('该结论所判断的记录(一个社区或项目)', 'the record it judged (a community or a project)'), o.record);
  c.done();
  const id = finding.provision;
  const provision = policy.provisions.find((p) => Object.hasOwn(p.findings, id));
  if (provision === undefined) {
    throw new PolicyInputError([refused('finding', 'unknown-name', b('该政策某项检查的结论', 'a finding of a check of the policy'), id)], 'findingGraph');
  }
  const about = provision.findings[id!]!;
  const clause = finding.clause;
  const record = o.record as Readonly<Record<string, unknown>> | undefined;
  const check = provision.checks.find((c) => c.provision === id);
  if (check?.scope === 'community' && check.formula !== undefined) {
    const nodes = fromFormula(policy, provision, finding, check.formula, record, year);
    return { of: { finding: id!, subject: finding.subject }, clause, requested: requestedOf(nodes), nodes, detail: 'formula' };
  }
  // A city check's finding: from the formula of its kind (rooms or money, of one check), over the subject's record.
  for (const x of provision.checks) {
    const kind = x.scope === 'community' ? undefined : x.formula?.findings.find((f) => f.provision === id);
    if (kind === undefined) continue;
    const nodes = fromFormula(policy, provision, finding, kind.formula, record, year, kind.applies);
    return { of: { finding: id!, subject: finding.subject }, clause, requested: requestedOf(nodes), nodes, detail: 'formula' };
  }
  const inputs: GraphNode[] = record
    ? Object.entries(record)
        .filter(([k]) => !NAMING.has(k))
        .map(([k, v]) => ({ id: `input:${k}`, kind: 'input', ...recordWords(k), value: graphValue(v), clause, dependencies: [] }))
    : [];
  const declared = declarationsOfList(policy.provisions);
  // Its readings: those the finding names, and those of its provision that concern it, with the option in force.
  const uses: InterpretationUse[] = [...(finding.interpretations ?? [])];
  for (const r of provision.readings) {
    if (!r.quantities.includes(id!) || uses.some((u) => u.id === r.id)) continue;
    const chosen = r.parameter === null ? undefined : valueAtPath(policy.parameters, r.parameter);
    uses.push({ id: r.id, choice: chosen === undefined ? r.default : String(chosen) });
  }
  const serving = parametersOfProvision(provision, declared).filter((d) => d.provisions.includes(id!));
  const { nodes: fromPolicy, direct } = policyNodes(policy, serving, uses);
  const unit = about.unit;
  const fields = inputs.map((n) => n.id);
  const nodes: GraphNode[] = [
    {
      id: 'value:status',
      kind: 'value',
      name: b('结论', 'Verdict'),
      value: finding.status,
      clause,
      dependencies: ['operation:check'],
      ...(finding.cites && { cites: finding.cites }),
    },
    ...(finding.shortfall !== undefined
      ? [
          {
            id: 'value:shortfall',
            kind: 'value',
            name: b('差额', 'Shortfall'),
            value: graphValue(finding.shortfall),
            unit,
            clause,
            dependencies: ['operation:check'],
          } as const,
        ]
      : []),
    { id: 'operation:check', kind: 'operation', name: finding.message, value: null, clause, dependencies: ['value:expected', 'value:actual'] },
    {
      id: 'value:expected',
      kind: 'value',
      name: b('应达', 'Expected'),
      value: graphValue(finding.expected),
      unit,
      clause,
      dependencies: [...fields, ...direct],
    },
    { id: 'value:actual', kind: 'value', name: b('实际', 'Actual'), value: graphValue(finding.actual), unit, clause, dependencies: fields },
    ...inputs,
    ...fromPolicy,
  ];
  return {
    of: { finding: id!, subject: finding.subject },
    clause,
    requested: requestedOf(nodes),
    nodes,
    detail: 'declared',
  };
}

const requestedOf = (nodes: readonly GraphNode[]) => (nodes[1]?.id === 'value:shortfall' ? ['value:status', 'value:shortfall'] : ['value:status']);

/**
 * A node of a formula evaluated on the record by the formula's own exact evaluation (under the policy and the
 * year, as the check decides): an exact decimal when it terminates, else the fraction `n/d`; null when unknown.
 */
function evaluator(policy: PolicyCore, year: number | undefined, record: Readonly<Record<string, unknown>> | undefined) {
  return (x: FormulaNode): GraphValue => {
    if (record === undefined) return null;
    try {
      if (isBool(x)) {
        const v = exactBool(resolveBool(x, policy, year, usedNothing()), record);
        return v === undefined ? null : String(v);
      }
      const v = exactNum(resolveNum(x, policy, year, usedNothing()), record);
      if (v === undefined) return null;
      const r = bigRatio(v.n, v.d);
      return r.exact ? r.value.toFixed() : `${v.n}/${v.d}`;
    } catch (e) {
      if (e instanceof PolicyInputError) return null; // a parameter the policy leaves unset: no value
      throw e;
    }
  };
}

/** A finding's nodes from its check's formula: parameters and readings made once each, from the policy. */
function fromFormula(
  policy: PolicyCore,
  provision: Provision,
  finding: Finding,
  formula: CheckFormula,
  record: Readonly<Record<string, unknown>> | undefined,
  year: number | undefined,
  applies?: FormulaNode,
): GraphNode[] {
  const declared = declarationsOfList(policy.provisions);
  const register = readingsOf(policy);
  const made = new Map<string, GraphNode | undefined>();
  const parameter = (path: string) => {
    if (!made.has(path)) {
      const d = declared.find((x) => x.path === path);
      made.set(path, d !== undefined && valueAtPath(policy.parameters, path) !== undefined ? parameterNode(policy, declared, d) : undefined);
    }
    return made.get(path);
  };
  const reading = (rid: string, path: string | undefined, choice?: string) => {
    const r = register.get(rid);
    const set = path === undefined ? undefined : valueAtPath(policy.parameters, path);
    const chosen = finding.interpretations?.find((u) => u.id === rid)?.choice ?? choice ?? (set === undefined ? r?.default : String(set)) ?? '';
    return readingNode({ id: rid, choice: chosen }, register, new Set(path !== undefined && parameter(path) ? [path] : []));
  };
  const about = provision.findings[finding.provision];
  const nodes = formulaNodes(
    formula,
    {
      status: finding.status,
      expected: graphValue(finding.expected),
      actual: graphValue(finding.actual),
      ...(finding.shortfall !== undefined && { shortfall: graphValue(finding.shortfall) }),
      ...(about?.unit !== undefined && { unit: about.unit }),
    },
    {
      record,
      year,
      clause: finding.clause,
      value: graphValue,
      parameter,
      reading,
      words: recordWords,
      evaluate: evaluator(policy, year, record),
      ruleReadings: (x) => {
        if (record === undefined || (x.op !== 'rule' && x.op !== 'ruleIs')) return [];
        const input: Record<string, unknown> = {};
        for (const [name, v] of Object.entries(x.input)) {
          const q = exactNum(resolveNum(v, policy, year, usedNothing()), record);
          if (q !== undefined) input[name] = ruleInput(q);
          else if (!x.optional?.includes(name)) return [];
        }
        let uses: readonly InterpretationUse[];
        try {
          uses = (policy as unknown as Record<string, (i: unknown) => RuleResult>)[x.rule]!(input).interpretations;
        } catch (e) {
          if (e instanceof PolicyInputError) return []; // a record the rule refuses (a year before the base year): no readings
          throw e;
        }
        return uses.map((u) => {
          const path = register.get(u.id)?.parameter;
          return path == null ? u : { ...u, path };
        });
      },
      rule: (name, output) => {
        const p = policy.provisions.find((x) => Object.hasOwn(x.rules, name));
        return { ...words(output, p?.rules[name]?.about), ...(p && { clause: p.clause }) };
      },
    },
    applies,
  );
  return finding.cites ? nodes.map((n) => (n.id === 'value:status' ? { ...n, cites: finding.cites } : n)) : nodes;
}
