/**
 * The views and the display hooks: results display themselves in notebooks
 * (Jupyter.display) and consoles (util.inspect) without changing what JSON,
 * spreading and deep equality see; every text from data is escaped.
 */
import { deepStrictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { evaluateCity } from '../src/evaluation.js';
import * as lib from '../src/index.js';
import { auditPolicy, provisions } from '../src/spec.js';
import { esc, FIELDS, mimeBundle, reportHtml, resultHtml, RULE_INPUTS, setDisplayLanguage, type RuleName } from '../src/view.js';

const JUPYTER = Symbol.for('Jupyter.display');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const rules = Object.keys(RULE_INPUTS) as RuleName[];
const policy = lib.createPolicy({ staffing: { rounding: 'floor' } });
const call = (p: object, rule: RuleName) => (p[rule as keyof typeof p] as (i: unknown) => Record<PropertyKey, unknown>)(RULE_INPUTS[rule].example);

type Displayable = { [JUPYTER]: () => Promise<Record<string, string>>; [INSPECT]: () => string };

describe('every rule result, schedule, audit and evaluation displays itself', () => {
  const values: [string, Record<PropertyKey, unknown>][] = [
    ...rules.map((r) => [`${r} (root)`, call(lib, r)] as [string, Record<PropertyKey, unknown>]),
    ...rules.map((r) => [`${r} (createPolicy)`, call(policy, r)] as [string, Record<PropertyKey, unknown>]),
    ['auditPolicy', auditPolicy() as unknown as Record<PropertyKey, unknown>],
    [
      'evaluateCity',
      evaluateCity({ year: 2013, communities: [{ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 }] }) as unknown as Record<
        PropertyKey,
        unknown
      >,
    ],
  ];

  test.each(values)('%s: Jupyter.display gives text/html and text/plain', async (name, v) => {
    expect(JUPYTER in v).toBe(true);
    const bundle = await (v as unknown as Displayable)[JUPYTER]();
    expect(bundle['text/html']).toMatch(/^<div class="sr-view">/);
    expect(bundle['text/plain']!.length).toBeGreaterThan(0);
    expect('image/svg+xml' in bundle).toBe(/Schedule/.test(name));
    if (/Schedule/.test(name)) expect(bundle['image/svg+xml']).toMatch(/^<svg /);
  });

  test.each(values)('%s: the display methods are invisible to JSON, spreading, keys and deep equality', (_name, v) => {
    expect(Object.keys(v)).not.toContain(JUPYTER);
    expect(Object.getOwnPropertySymbols(v).every((s) => !Object.getOwnPropertyDescriptor(v, s)!.enumerable)).toBe(true);
    const plain = JSON.parse(JSON.stringify(v));
    expect(JSON.stringify({ ...v })).toBe(JSON.stringify(v));
    expect(JUPYTER in { ...v }).toBe(false);
    deepStrictEqual({ ...v }, Object.fromEntries(Object.entries(v)));
    expect(v).toStrictEqual({ ...v });
    expect(plain).toEqual(JSON.parse(JSON.stringify({ ...v })));
  });

  test.each(values)('%s: the console shows one compact line', (_name, v) => {
    const line = inspect(v);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('trace');
  });

  test('without the views loaded, the display loads them and resolves to the same bundle', async () => {
    const key = Symbol.for('shequ-rules.views');
    const g = globalThis as Record<symbol, unknown>;
    const loaded = g[key];
    const r = lib.requiredStaff({ households: 3100 }) as unknown as Displayable;
    const now = r[JUPYTER]();
    delete g[key];
    try {
      const later = r[JUPYTER]();
      expect(later).toBeInstanceOf(Promise);
      expect(await later).toEqual(now);
    } finally {
      g[key] = loaded;
    }
  });

  test('the console line of a result names its values, clause and readings', () => {
    expect(inspect(lib.requiredStaff({ households: 3100 }))).toBe('requiredStaff { staff: 6, totalHouseholds: 3100 } [A.4.2; I3 ceil]');
  });

  test('the console line of an evaluation gives its year and counts, and of an audit its verdicts, each its own', () => {
    const one = { id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 } as const;
    // A second evaluation, of another year, says its own numbers (not the first one's).
    expect(inspect(evaluateCity({ year: 2013, communities: [one] }))).toMatch(/^CityEvaluation 2013 \{ pass: \d+, fail: \d+, unknown: \d+ \}$/);
    const b = evaluateCity({ year: 2014, communities: [one, { ...one, id: 'c2' }] }).summary.counts;
    expect(inspect(evaluateCity({ year: 2014, communities: [one, { ...one, id: 'c2' }] }))).toBe(
      `CityEvaluation 2014 { pass: ${b.pass}, fail: ${b.fail}, unknown: ${b.unknown} }`,
    );
    expect(inspect(auditPolicy())).toMatch(/^AuditResult \{ K1: consistent, K2: /);
  });

  test('the display language can be English', async () => {
    setDisplayLanguage('en');
    try {
      const b = await (lib.requiredStaff({ households: 3100 }) as unknown as Displayable)[JUPYTER]();
      expect(b['text/plain']).toContain('Workers required: 6 workers');
    } finally {
      setDisplayLanguage('zh');
    }
  });
});

describe('the views', () => {
  test.each(rules)('%s: every value field of its result is named, with a unit, and shown exactly in an <output>', (rule) => {
    const r = call(lib, rule);
    const html = resultHtml(rule, r, 'en');
    for (const [k, v] of Object.entries(r)) {
      if (['clause', 'interpretations', 'trace', 'rows'].includes(k) || v === undefined) continue;
      expect(FIELDS[k], k).toBeDefined();
      const exact = typeof v === 'object' && v !== null ? (v as lib.Decimal).toFixed() : String(v);
      expect(html).toContain(`<output name="${k}" data-value="${exact}">`);
    }
    expect(html).toContain(`href="#${r.clause}"`);
  });

  test('every rule a clause names has inputs and a worked example its rule accepts', () => {
    for (const p of provisions) for (const rule of p.rules) expect(RULE_INPUTS[rule as RuleName], rule).toBeDefined();
  });

  test('names from the data are escaped in the views and the HTML report', () => {
    const name = '<img src=x onerror=alert(1)>"&\'';
    const e = evaluateCity({ year: 2013, communities: [{ id: '<script>x</script>', name, kind: 'urban', households: 3000, residents: 8000, staff: 1 }] });
    const html = reportHtml(e, { lang: 'en', source: name });
    expect(html).not.toContain('<script>x');
    expect(html).not.toContain('<img');
    expect(html).toContain(esc('<script>x</script>'));
    expect(esc(name)).toBe('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
  });

  test('the HTML report is self-contained: inline style and charts, no external resource', () => {
    const e = evaluateCity(
      JSON.parse(JSON.stringify({ year: 2013, communities: [{ id: 'c1', name: 'a', kind: 'urban', households: 3000, residents: 8000, staff: 4 }] })),
    );
    const html = reportHtml(e);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  test('mimeBundle draws what it is given, in the language asked', () => {
    expect(mimeBundle('audit', auditPolicy(), 'en')['text/plain']).toMatch(/^The policy audited against itself/);
  });
});

test('the committed notebook shows HTML outputs in every display cell, and no error', () => {
  const nb = JSON.parse(readFileSync('examples/notebook.ipynb', 'utf8')) as {
    cells: { cell_type: string; metadata: { tags?: string[] }; outputs?: { output_type: string; data?: Record<string, unknown> }[] }[];
  };
  const code = nb.cells.filter((c) => c.cell_type === 'code');
  const display = code.filter((c) => c.metadata.tags?.includes('display'));
  expect(display.length).toBeGreaterThanOrEqual(5);
  for (const c of display) expect(c.outputs!.some((o) => o.data?.['text/html'])).toBe(true);
  for (const c of code) expect(c.outputs!.filter((o) => o.output_type === 'error')).toEqual([]);
});
