/**
 * The explanation graph, worked by hand: the staffing rule for 3,100 households and 150 floating ones, the city's
 * fund (a money rule, exact to the fen and beyond), a parameter changed by a document laid over the policy, a
 * user's own rule, a finding of the evaluation; the JSON in the shape of OpenFisca's /trace; DOT that Graphviz
 * reads (or, without Graphviz, a small reader of the DOT syntax the writer uses).
 */
import { execFileSync } from 'node:child_process';
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createPolicy, defineProvision, extendPolicy, PolicyInputError, rule } from '../src/index.js';
import { evaluateCity } from '../src/evaluation.js';
import { findingGraph, graphDot, graphJson, ruleGraph, type ExplanationGraph, type GraphNode } from '../src/graph/index.js';
import { dotString } from '../src/graph/output.js';
import { add, byReading, c, checkFormula, divRounded, field, ge, param } from '../src/formula/index.js';
import { provisions } from '../src/spec.js';
import { NINGGUO_2011 } from '../src/policies/ningguo-2011.js';

const node = (g: ExplanationGraph, id: string): GraphNode => {
  const n = g.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id} in ${g.nodes.map((x) => x.id).join(', ')}`);
  return n;
};
const ids = (g: ExplanationGraph) => g.nodes.map((n) => n.id);
const CLAUSES = new Set(provisions.map((p) => p.id));

describe('the staffing rule for 3,100 households and 150 floating ones', () => {
  // 3,100 + 150 = 3,250 households; 3,250 ÷ 600 = 5 remainder 250; rounded up (I3, the default): 6 workers.
  const g = ruleGraph('requiredStaff', { households: 3100, floatingHouseholds: 150 });

  test('its values, each depending on the inputs, the parameter, the reading and the last step', () => {
    expect(g.of).toEqual({ rule: 'requiredStaff' });
    expect(g.clause).toBe('A.4.2');
    expect(g.requested).toEqual(['value:staff', 'value:totalHouseholds']);
    expect(node(g, 'value:staff')).toMatchObject({ kind: 'value', value: '6', unit: 'workers', clause: 'A.4.2' });
    expect(node(g, 'value:totalHouseholds').value).toBe('3250');
    expect(node(g, 'value:staff').dependencies).toEqual([
      'operation:3',
      'input:households',
      'input:floatingHouseholds',
      'parameter:staffing.householdsPerWorker',
      'reading:I3',
    ]);
  });

  test('the inputs as given, the steps in order', () => {
    expect(node(g, 'input:households')).toMatchObject({ kind: 'input', value: '3100', dependencies: [] });
    expect(node(g, 'input:floatingHouseholds')).toMatchObject({ kind: 'input', value: '150' });
    expect(node(g, 'input:floatingHouseholds').defaulted).toBeUndefined();
    expect(node(g, 'operation:1').name.en).toBe('Households counted: 3,100 + 150 floating = 3,250');
    expect(node(g, 'operation:2').name.en).toBe('3,250 ÷ 600 households per worker = 5 remainder 250');
    expect(node(g, 'operation:3').dependencies).toEqual(['operation:2']);
    expect(node(g, 'operation:1').dependencies).toEqual([]);
  });

  test('the parameter with its value, unit, clause, start and document; the reading with the parameter that chose it', () => {
    expect(node(g, 'parameter:staffing.householdsPerWorker')).toMatchObject({
      kind: 'parameter',
      value: '600',
      unit: '户 per worker',
      clause: 'A.4.2',
      path: 'staffing.householdsPerWorker',
      from: '2011-01-01',
      source: { id: 'ningguo-2011' },
    });
    expect(node(g, 'reading:I3')).toMatchObject({
      kind: 'reading',
      value: 'ceil',
      clause: 'A.4.2',
      dependencies: ['parameter:staffing.rounding'],
      reading: { choice: 'ceil', default: 'ceil', isDefault: true },
    });
    expect(node(g, 'parameter:staffing.rounding').value).toBe('ceil');
  });

  test('a field left out is defaulted; another reading is marked as not the default', () => {
    const bare = ruleGraph('requiredStaff', { households: 3100 }, { policy: createPolicy({ staffing: { rounding: 'floor' } }) });
    expect(node(bare, 'input:floatingHouseholds')).toMatchObject({ value: null, defaulted: true });
    // 3,100 ÷ 600 = 5 remainder 100, rounded down: 5.
    expect(node(bare, 'value:staff').value).toBe('5');
    expect(node(bare, 'reading:I3').reading).toMatchObject({ choice: 'floor', default: 'ceil', isDefault: false });
    // Set by the caller's own overrides, not by a document: no source.
    expect(node(bare, 'parameter:staffing.rounding')).toMatchObject({ value: 'floor', source: null });
  });

  test('as JSON: /trace’s value, dependencies and parameters for each node, beside the nodes', () => {
    const json = graphJson(g);
    expect(json.requested).toEqual(g.requested);
    expect(json.trace['value:staff']).toEqual({
      value: '6',
      dependencies: node(g, 'value:staff').dependencies,
      // read directly, and through the reading it selects
      parameters: { 'staffing.householdsPerWorker': '600', 'staffing.rounding': 'ceil' },
    });
    expect(json.trace['input:households']).toEqual({ value: '3100', dependencies: [], parameters: {} });
    expect(Object.keys(json.trace)).toEqual(ids(g));
    // Plain data: through JSON and back unchanged, every value a string or null.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    for (const n of json.nodes) expect(n.value === null || typeof n.value === 'string', n.id).toBe(true);
  });
});

describe('the city fund, a money rule: exact decimals as strings', () => {
  // 1,000,000.05 yuan in 2011; in 2013 two growth steps from 2012 of 10 % of the base: × (1 + 0.1 × 2) = 1,200,000.06.
  test('fixed increment (I1 by default)', () => {
    const g = ruleGraph('cityFundBudget', { baseYearTotal: '1000000.05', year: 2013 });
    expect(node(g, 'value:amount')).toMatchObject({ value: '1200000.06', unit: 'yuan', clause: 'A.4.3' });
    expect(node(g, 'value:growthYears').value).toBe('2');
    expect(node(g, 'input:baseYearTotal').value).toBe('1000000.05');
    expect(node(g, 'parameter:funding.growthRate')).toMatchObject({ value: '0.1', unit: 'share', from: '2012-01-01' });
    expect(node(g, 'parameter:baseYear')).toMatchObject({ value: '2011', from: '2011-01-01' });
    expect(node(g, 'reading:I1')).toMatchObject({ value: 'fixed-increment', dependencies: ['parameter:funding.mode'] });
    expect(node(g, 'value:amount').dependencies).toEqual([
      'operation:2',
      'input:baseYearTotal',
      'input:year',
      'parameter:baseYear',
      'parameter:funding.firstGrowthYear',
      'parameter:funding.growthRate',
      'reading:I1',
    ]);
    expect(graphJson(g).trace['value:amount']!.parameters).toEqual({
      baseYear: '2011',
      'funding.firstGrowthYear': '2012',
      'funding.growthRate': '0.1',
      'funding.mode': 'fixed-increment',
    });
  });

  test('compound: × 1.1² = × 1.21, to the last digit', () => {
    // 1,000,000.05 × 1.21 = 1,210,000.0605
    const g = ruleGraph('cityFundBudget', { baseYearTotal: '1000000.05', year: 2013 }, { policy: createPolicy({ funding: { mode: 'compound' } }) });
    expect(node(g, 'value:amount').value).toBe('1210000.0605');
    expect(node(g, 'reading:I1').reading).toMatchObject({ choice: 'compound', isDefault: false });
  });
});

const amendment = { id: 'amendment-2015', body: { zh: '某市', en: 'a city' }, title: { zh: '补充通知', en: 'Supplementary notice' }, date: '2015-01-01' };

test('a parameter set by a document laid over the policy names that document and its clause', () => {
  const policy = extendPolicy(createPolicy(), { source: amendment, parameters: { 'staffing.householdsPerWorker': { value: 500, clause: '第二条' } } });
  const g = ruleGraph('requiredStaff', { households: 3000 }, { policy });
  expect(node(g, 'parameter:staffing.householdsPerWorker')).toMatchObject({
    value: '500',
    source: { id: 'amendment-2015', title: amendment.title, date: '2015-01-01', clause: '第二条' },
  });
  // 3,000 ÷ 500 = 6 exactly.
  expect(node(g, 'value:staff')).toMatchObject({ value: '6', cites: [{ source: 'amendment-2015', clause: '第二条' }] });
  // The other parameter is still the city's own.
  expect(node(g, 'parameter:staffing.rounding').source).toMatchObject({ id: 'ningguo-2011' });
});

test('a dated amendment: the graph of the policy on a day gives the value of that day, from its day', () => {
  const dated = extendPolicy(createPolicy({}, { on: '2016-03-01' }), {
    source: amendment,
    parameters: { 'staffing.householdsPerWorker': [{ value: 500, from: '2015-01-01', clause: '第三条' }] },
  });
  expect(node(ruleGraph('requiredStaff', { households: 3000 }, { policy: dated }), 'parameter:staffing.householdsPerWorker')).toMatchObject({
    value: '500',
    from: '2015-01-01',
    source: { id: 'amendment-2015', clause: '第三条' },
  });
});

describe('a user’s own rule, added by extendPolicy', () => {
  const district = {
    id: 'district-2024',
    body: { zh: '某区民政局', en: 'a district bureau' },
    title: { zh: '补充规定', en: 'Supplementary rules' },
    date: '2024-01-01',
  };
  const volunteers = defineProvision({
    id: 'district-volunteers',
    clause: 'D.2',
    parameters: { 'volunteers.minimum': { unit: '人', serves: ['D1'], allowed: 'positive-count', values: [{ value: 2 }] } },
    quantities: ['D1'],
    readings: [],
    rules: {
      volunteersDue: rule(
        (p: { volunteers: { minimum: number } }, input: { households: number }) => ({
          volunteers: input.households > 0 ? p.volunteers.minimum : 0,
          clause: 'D.2',
          interpretations: [],
          trace: [],
        }),
        { fields: [{ name: 'households', kind: 'count', required: true }], example: { households: 10 }, schedule: false },
      ),
    },
    checks: [],
    findings: {},
  });
  const policy = extendPolicy(createPolicy(), { source: district, add: [volunteers] });

  test('the coarse graph: its input, its parameter with the document, its value', () => {
    const g = ruleGraph('volunteersDue', { households: 10 }, { policy });
    expect(g.requested).toEqual(['value:volunteers']);
    expect(node(g, 'value:volunteers')).toMatchObject({
      value: '2',
      clause: 'D.2',
      dependencies: ['operation:1', 'input:households', 'parameter:volunteers.minimum'],
    });
    // Its one step is the policy's: the document that changed the result.
    expect(node(g, 'operation:1').name.en).toBe('Per Supplementary rules');
    expect(node(g, 'value:volunteers').cites).toEqual([{ source: 'district-2024' }]);
    expect(node(g, 'input:households')).toMatchObject({ value: '10', name: { zh: '户数', en: 'Households' } });
    expect(node(g, 'parameter:volunteers.minimum')).toMatchObject({ value: '2', unit: '人', clause: 'D.2' });
    // The document that added the provision declared the value: its source is that document.
    expect(node(g, 'parameter:volunteers.minimum').source).toEqual({ id: 'district-2024', title: district.title, date: '2024-01-01' });
    expect(graphDot(g, 'en')).toContain('"value:volunteers" -> "parameter:volunteers.minimum";');
  });
});

test('every rule of the city’s list gives a graph of its worked example: every edge to a node of the graph, every clause registered', () => {
  for (const p of NINGGUO_2011) {
    for (const [name, r] of Object.entries(p.rules)) {
      const g = ruleGraph(name, r.about.example);
      expect(g.requested.length, name).toBeGreaterThan(0);
      const all = new Set(ids(g));
      expect(all.size, name).toBe(g.nodes.length);
      for (const n of g.nodes) {
        for (const d of n.dependencies) expect(all.has(d), `${name}: ${n.id} -> ${d}`).toBe(true);
        if (n.clause !== undefined) expect(CLAUSES.has(n.clause as never), `${name}: ${n.id} ${n.clause}`).toBe(true);
      }
      // Every input field is a node, and every value depends on each.
      for (const f of r.about.fields) for (const v of g.requested) expect(node(g, v).dependencies, `${name}.${f.name}`).toContain(`input:${f.name}`);
      expect(g.nodes.filter((n) => n.kind === 'operation').length, name).toBe(ruleResultTrace(name, r.about.example));
    }
  }
});

const ruleResultTrace = (name: string, input: object) =>
  (createPolicy() as unknown as Record<string, (i: object) => { trace: unknown[] }>)[name]!(input).trace.length;

describe('a finding of the evaluation', () => {
  const community = { id: 'c1', name: '东风社区', kind: 'urban' as const, households: 3100, floatingHouseholds: 150, residents: 9000, staff: 4 };
  const evaluation = evaluateCity({ year: 2013, communities: [community] });
  const staff = [...evaluation.findings].find((f) => f.subject === 'c1' && f.clause === 'A.4.2')!;
  const follow = (g: ExplanationGraph, id: string) => node(g, id).dependencies.map((d) => node(g, d));

  test('a community’s finding from its check’s formula: each operation with its exact value on the record', () => {
    // 3,100 + 150 = 3,250 households; ÷ 600 = 65/12 = 5.41…, rounded up: 6 workers; 4 in post: 4 ≥ 6 is false, 2 short.
    const g = findingGraph(staff, { record: community, year: 2013 });
    expect(g.detail).toBe('formula');
    expect(g.of).toEqual({ finding: staff.provision, subject: 'c1' });
    expect(g.requested).toEqual(['value:status', 'value:shortfall']);
    expect(node(g, 'value:status').value).toBe('fail');
    expect(node(g, 'value:shortfall')).toMatchObject({ value: '2', unit: 'workers' });
    expect(node(g, 'value:expected').value).toBe('6');
    expect(node(g, 'value:actual').value).toBe('4');
    const [comparison] = follow(g, 'value:status');
    expect(comparison).toMatchObject({ kind: 'operation', value: 'false', name: { en: '≥' } });
    const [inPost, quotient] = follow(g, comparison!.id);
    expect(inPost).toMatchObject({ id: 'input:staff', value: '4' });
    expect(quotient).toMatchObject({ value: '6', name: { en: 'quotient ÷, rounded as I3 reads' } });
    const [sum] = follow(g, quotient!.id);
    expect(sum).toMatchObject({ value: '3250', name: { en: 'sum +' } });
    const [minus] = follow(g, 'value:shortfall');
    expect(minus).toMatchObject({ value: '2', dependencies: [quotient!.id, 'input:staff'] });
    // Only the fields the formula reads: the residents are not an input of the staffing check.
    expect(ids(g)).not.toContain('input:residents');
    expect(ids(g)).not.toContain('input:id');
  });

  test('without the record, nothing is made up: the fields are named, their values unknown', () => {
    const g = findingGraph(staff);
    const inputs = g.nodes.filter((n) => n.kind === 'input');
    expect(inputs.map((n) => n.id).sort()).toEqual(['input:floatingHouseholds', 'input:households', 'input:staff']);
    for (const n of inputs) expect(n.value, n.id).toBeNull();
    for (const n of g.nodes.filter((x) => x.kind === 'operation' && x.name.en !== '0')) expect(n.value, n.id).toBeNull();
  });

  test('a finding of the city from its formula: the rule it takes the villages due from, with the rule’s reading', () => {
    // 2013 is the third year from 2011 at 30 % a year: 90 % of 100 villages, 90; 80 reached, 10 short.
    const villages = { total: 100, covered: 80 };
    const f = [...evaluateCity({ year: 2013, communities: [], villages }).findings].find((x) => x.clause === 'A.3.3')!;
    const g = findingGraph(f, { record: villages, year: 2013 });
    expect(g.detail).toBe('formula');
    expect(node(g, 'value:status').value).toBe('fail');
    expect(node(g, 'value:expected').value).toBe('90');
    expect(node(g, 'value:shortfall').value).toBe('10');
    expect(node(g, 'input:covered').value).toBe('80');
    expect(node(g, 'value:expected').dependencies).toEqual(['rule:ruralRollout.villagesCovered']);
    expect(node(g, 'rule:ruralRollout.villagesCovered')).toMatchObject({
      value: '90',
      clause: 'A.3.3',
      rule: 'ruralRollout',
      dependencies: ['input:year', 'input:total', 'reading:I2'],
    });
    expect(node(g, 'reading:I2')).toMatchObject({ value: 'share-of-all', dependencies: ['parameter:rollout.mode'] });
  });
});

const staffFinding = () =>
  [...evaluateCity({ year: 2013, communities: [{ id: 'c1', name: 'c1', kind: 'urban', households: 3100, residents: 9000, staff: 4 }] }).findings].find(
    (f) => f.clause === 'A.4.2',
  )!;

describe('refusals', () => {
  const codes = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof PolicyInputError) return e.issues.map((i) => `${i.path}: ${i.code}`);
      throw e;
    }
    throw new Error('not refused');
  };
  test('an unknown rule, with the closest name; an input the rule refuses; not a policy; an unknown finding; not a graph', () => {
    expect(codes(() => ruleGraph('requiredStaf', { households: 1 }))).toEqual(['rule: unknown-name']);
    expect(codes(() => ruleGraph('requiredStaff', { households: -1 }))).toEqual(['households: not-a-count']);
    expect(codes(() => ruleGraph('requiredStaff', { households: 1 }, { policy: {} as never }))).toEqual(['policy: not-a-policy']);
    expect(codes(() => findingGraph({ ...staffFinding(), provision: 'nothing' }))).toEqual(['finding: unknown-name']);
    expect(codes(() => findingGraph({ provision: 'Q8' } as never))).toEqual([
      'finding.clause: invalid',
      'finding.subject: invalid',
      'finding.status: invalid',
      'finding.message: invalid',
    ]);
    expect(codes(() => findingGraph(staffFinding(), { record: 'c1' as never, year: 1.5 }))).toEqual(['year: not-a-year', 'record: not-an-object']);
    expect(codes(() => findingGraph(staffFinding(), { extra: 1 } as never))).toEqual(['extra: unknown-field']);
    expect(codes(() => ruleGraph(0n as never, {}))).toEqual(['rule: unknown-name']);
    expect(codes(() => graphDot({} as never))).toEqual(['graph.of: invalid']);
    expect(codes(() => graphDot(null as never))).toEqual(['graph: not-an-object']);
    const g = ruleGraph('requiredStaff', { households: 1 });
    expect(codes(() => graphJson({ ...g, nodes: [{ ...g.nodes[0]!, value: 5n }] } as never))).toEqual(['graph.nodes[0].value: invalid']);
    expect(codes(() => graphDot({ ...g, nodes: [{ ...g.nodes[0]!, dependencies: 'x' }] } as never))).toEqual(['graph.nodes[0].dependencies: invalid']);
    expect(codes(() => graphDot(ruleGraph('requiredStaff', { households: 1 }), 'fr' as never))).toEqual(['lang: not-an-option']);
    try {
      ruleGraph('requiredStaf', {});
    } catch (e) {
      expect((e as PolicyInputError).issues[0]!.messages.en).toContain('did you mean "requiredStaff"?');
    }
  });
});

// ——— DOT ———

/**
 * A reader of the DOT this library writes (a subset of the grammar): `digraph "id" {`, attribute statements, node
 * statements `"id" [k=v, …];` and edges `"a" -> "b";`, each id a quoted string with \" and \\ escaped. It returns
 * the nodes with their attributes and the edges, or throws where the text leaves the grammar.
 */
function readDot(text: string): { nodes: Map<string, Record<string, string>>; edges: [string, string][] } {
  let i = 0;
  const fail = (what: string) => {
    throw new Error(`DOT: ${what} at ${i}: ${JSON.stringify(text.slice(i, i + 30))}`);
  };
  const space = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const word = (): string => {
    space();
    if (text[i] === '"') {
      let s = '';
      i++;
      while (text[i] !== '"') {
        if (i >= text.length) fail('an unclosed string');
        if (text[i] === '\\') {
          const next = text[i + 1];
          if (next === '"' || next === '\\') s += next;
          else if (next === 'n') s += '\n';
          else fail('an unknown escape');
          i += 2;
        } else s += text[i++];
      }
      i++;
      return s;
    }
    const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(text.slice(i));
    if (!m) fail('an id');
    i += m![0].length;
    return m![0];
  };
  const expectText = (t: string) => {
    space();
    if (!text.startsWith(t, i)) fail(`"${t}"`);
    i += t.length;
  };
  const attributes = (): Record<string, string> => {
    const out: Record<string, string> = {};
    expectText('[');
    for (;;) {
      const k = word();
      expectText('=');
      out[k] = word();
      space();
      if (text[i] === ',') i++;
      else break;
    }
    expectText(']');
    return out;
  };
  expectText('digraph');
  word();
  expectText('{');
  const nodes = new Map<string, Record<string, string>>();
  const edges: [string, string][] = [];
  for (;;) {
    space();
    if (text[i] === '}') break;
    const a = word();
    space();
    if (text.startsWith('->', i)) {
      i += 2;
      edges.push([a, word()]);
    } else if (text[i] === '[') {
      const attrs = attributes();
      if (a !== 'node') nodes.set(a, attrs);
    } else if (text[i] === '=') {
      i++;
      word();
    } else fail('a statement');
    expectText(';');
  }
  i++;
  space();
  if (i !== text.length) fail('text after the graph');
  return { nodes, edges };
}

const HAVE_DOT = (() => {
  try {
    execFileSync('dot', ['-V'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
})();

describe('DOT', () => {
  const g = ruleGraph('requiredStaff', { households: 3100, floatingHouseholds: 150 });

  test('a node per node, labelled in the language with value and unit, linked to its clause; an edge per dependency', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { nodes, edges } = readDot(graphDot(g, lang));
      expect([...nodes.keys()]).toEqual(ids(g));
      expect(edges).toEqual(g.nodes.flatMap((n) => n.dependencies.map((d) => [n.id, d])));
      expect(nodes.get('value:staff')!.URL).toBe('#A.4.2');
      expect(nodes.get('reading:I3')!.URL).toBe('#A.4.2');
    }
    const zh = readDot(graphDot(g, 'zh')).nodes;
    expect(zh.get('value:staff')!.label).toBe('所需社区工作者: 6 名');
    expect(zh.get('input:households')!.label).toBe('户数: 3100 户');
    expect(zh.get('parameter:staffing.householdsPerWorker')!.label).toBe('staffing.householdsPerWorker: 600 户 per worker');
    const en = readDot(graphDot(g, 'en')).nodes;
    expect(en.get('value:staff')!.label).toBe('Workers required: 6 workers');
    expect(en.get('reading:I3')!.label).toBe('I3: round up: every started block of 600 households gets a worker');
    expect(readDot(graphDot(ruleGraph('requiredStaff', { households: 1 }), 'en')).nodes.get('input:floatingHouseholds')!.label).toBe(
      'Floating households: not given (default)',
    );
  });

  test('quotes, backslashes and line breaks in words are escaped, and read back as written', () => {
    const odd = 'a "quoted" \\ name\non two lines';
    expect(dotString(odd)).toBe('"a \\"quoted\\" \\\\ name\\non two lines"');
    const weird: ExplanationGraph = {
      of: { rule: 'x"y' },
      clause: 'D.1',
      requested: ['value:"a"'],
      detail: 'declared',
      nodes: [
        { id: 'value:"a"', kind: 'value', name: { zh: odd, en: odd }, value: '1', clause: 'D.1', dependencies: ['input:\\b'] },
        { id: 'input:\\b', kind: 'input', name: { zh: 'b', en: 'b' }, value: null, dependencies: [] },
      ],
    };
    const { nodes, edges } = readDot(graphDot(weird, 'en'));
    expect(nodes.get('value:"a"')!.label).toBe(`${odd}: 1`);
    expect(edges).toEqual([['value:"a"', 'input:\\b']]);
  });

  test.skipIf(!HAVE_DOT)(
    'Graphviz reads every graph of the city’s rules and of a user’s words, and links each node to its clause',
    () => {
      for (const p of NINGGUO_2011) {
        for (const [name, r] of Object.entries(p.rules)) {
          const svg = execFileSync('dot', ['-Tsvg'], { input: graphDot(ruleGraph(name, r.about.example), 'zh'), encoding: 'utf8', timeout: 30_000 });
          expect(svg, name).toContain('<svg');
          expect(svg, name).toContain(`xlink:href="#${p.clause}"`);
        }
      }
      const svg = execFileSync('dot', ['-Tsvg'], { input: graphDot(ruleGraph('requiredStaff', { households: 1 }), 'en'), encoding: 'utf8', timeout: 30_000 });
      expect(svg).toContain('Workers required: 1 workers');
    },
    120_000,
  );
});

describe('a finding from its check’s formula: each field, parameter, reading and operation a node', () => {
  // The staffing check as a formula: workers in post ≥ (households + floating, 0 when not given) ÷ 600, rounded by I3.
  const need = divRounded(
    add(field('households'), field('floatingHouseholds', c(0))),
    param('staffing.householdsPerWorker'),
    byReading('I3', 'staffing.rounding'),
  );
  const formula = checkFormula({ pass: ge(field('staff'), need), expected: need, actual: field('staff'), kind: 'count' });
  const base = createPolicy();
  const staffCheck = base.provisions.flatMap((p) => p.checks).find((x) => x.clause === 'A.4.2')!;
  const policy = extendPolicy(base, { source: amendment, replace: { 'a-4-2-staff': { checks: [{ ...staffCheck, formula } as never] } } });
  const community = { id: 'c1', name: '东风社区', kind: 'urban' as const, households: 3100, floatingHouseholds: 150, residents: 9000, staff: 4 };
  const graphOf = (c: typeof community | Omit<typeof community, 'floatingHouseholds'>) => {
    const f = [...evaluateCity({ year: 2013, communities: [c as typeof community] }, { policy }).findings].find((x) => x.clause === 'A.4.2')!;
    return findingGraph(f, { policy, record: c, year: 2013 });
  };
  const follow = (g: ExplanationGraph, id: string) => node(g, id).dependencies.map((d) => node(g, d));

  test('the verdict: staff in post ≥ the quotient rounded by I3, with the values of the record and the policy', () => {
    const g = graphOf(community);
    expect(g.detail).toBe('formula');
    expect(g.requested).toEqual(['value:status', 'value:shortfall']);
    // 3,250 households need 6 workers; 4 in post: fail, 2 short.
    expect(node(g, 'value:status').value).toBe('fail');
    expect(node(g, 'value:shortfall').value).toBe('2');
    expect(node(g, 'value:expected').value).toBe('6');
    const [ge_] = follow(g, 'value:status');
    expect(ge_!.name.en).toBe('≥');
    const [staff, quotient] = follow(g, ge_!.id);
    expect(staff).toMatchObject({ id: 'input:staff', value: '4' });
    expect(quotient!.name.en).toBe('quotient ÷, rounded as I3 reads');
    // The expected value is the same node as the comparison's quotient, and the shortfall reads it too.
    expect(node(g, 'value:expected').dependencies).toEqual([quotient!.id]);
    const [minus] = follow(g, 'value:shortfall');
    expect(minus!.dependencies).toEqual([quotient!.id, 'input:staff']);
    const [sum, per, i3] = follow(g, quotient!.id);
    expect(per).toMatchObject({ id: 'parameter:staffing.householdsPerWorker', value: '600', source: { id: 'ningguo-2011' } });
    expect(i3).toMatchObject({ id: 'reading:I3', value: 'ceil', dependencies: ['parameter:staffing.rounding'] });
    expect(follow(g, sum!.id).map((n) => [n.id, n.value])).toEqual([
      ['input:households', '3100'],
      ['input:floatingHouseholds', '150'],
    ]);
    expect(node(g, 'input:floatingHouseholds').defaulted).toBeUndefined();
    // Each id once; every edge to a node of the graph.
    expect(new Set(ids(g)).size).toBe(g.nodes.length);
    for (const n of g.nodes) for (const d of n.dependencies) expect(ids(g)).toContain(d);
  });

  test('a field the record leaves out counts as the formula says, and says it was defaulted', () => {
    const { floatingHouseholds: _, ...bare } = community;
    const g = graphOf(bare);
    // 3,100 ÷ 600 = 5 remainder 100, rounded up: 6; 4 in post.
    expect(node(g, 'value:expected').value).toBe('6');
    expect(node(g, 'input:floatingHouseholds')).toMatchObject({ value: null, defaulted: true });
    expect(follow(g, 'input:floatingHouseholds').map((n) => n.value)).toEqual(['0']);
  });
});

describe('on anything at all: a graph or a PolicyInputError, never another error', () => {
  const junk = fc.oneof(
    fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, maxDepth: 2 }),
    fc.constantFrom(NaN, -1, 1.5, '', 'requiredStaff', 'Q8', null, undefined, Object.create(null)),
  );
  const spoiled = <T extends object>(valid: T) =>
    fc.tuple(fc.constantFrom(...Object.keys(valid), 'extra'), junk).map(([key, value]) => ({ ...valid, [key]: value }));
  const g = ruleGraph('requiredStaff', { households: 3100, floatingHouseholds: 150 });
  const outcome = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof PolicyInputError)) throw e;
    }
  };
  propTest.prop([fc.array(junk, { maxLength: 3 })], { numRuns: 300 })('junk arguments', (args) => {
    outcome(() => (ruleGraph as (...a: unknown[]) => unknown)(...args));
    outcome(() => (findingGraph as (...a: unknown[]) => unknown)(...args));
    outcome(() => (graphJson as (...a: unknown[]) => unknown)(...args));
    outcome(() => (graphDot as (...a: unknown[]) => unknown)(...args));
  });
  propTest.prop([spoiled(staffFinding()), spoiled({ record: { households: 3100, staff: 4 }, year: 2013 })], { numRuns: 300 })(
    'a finding or its options with one field spoiled',
    (finding, options) => outcome(() => findingGraph(finding as never, options as never)),
  );
  propTest.prop([spoiled(g), spoiled(g.nodes[0]!)], { numRuns: 300 })('a graph or one of its nodes with one field spoiled', (graph, n) => {
    outcome(() => graphDot(graph as never, 'en'));
    outcome(() => graphJson({ ...g, nodes: [n, ...g.nodes.slice(1)] } as never));
    outcome(() => graphDot({ ...g, nodes: [n, ...g.nodes.slice(1)] } as never));
  });
  propTest.prop([spoiled({ households: 3100, floatingHouseholds: 150 })], { numRuns: 200 })('a rule’s input with one field spoiled', (input) =>
    outcome(() => ruleGraph('requiredStaff', input)),
  );
});
