/**
 * One harness for every public function, the CLI included (issue 10, point 7). Generated valid and invalid inputs
 * and generated policies go in; what may come out is a result or a PolicyInputError (for the CLI: exit 0, 1 or 2) —
 * never another error, never NaN, never an internal error.
 *
 * The functions are found by looking at what the three entries export, so a new export is fuzzed the day it is
 * added; the valid inputs of the rules come from their worked cases (src/provisions/<folder>/cases.json), and generated policies from
 * the parameter references and the interpretation register.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import * as root from '../src/index.js';
import * as spec from '../src/spec.js';
import * as evaluation from '../src/evaluation.js';
import { main } from '../src/cli/main.js';
import { ISSUE_CODES } from '../src/errors.js';

const { createPolicy, PolicyInputError, PARAMETER_REFERENCES, Decimal } = root;
type Policy = root.Policy;

/** A value is sound when no number in it is NaN and no Decimal in it is NaN (looked at to a bounded depth and size). */
function unsound(value: unknown, seen = new Set<unknown>(), depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : undefined;
  if (typeof value !== 'object' || value === null || depth > 6 || seen.has(value) || seen.size > 5000) return undefined;
  seen.add(value);
  if (Decimal.isDecimal(value)) return (value as root.Decimal).isNaN() ? 'a NaN Decimal' : undefined;
  if (value instanceof Uint8Array) return undefined;
  for (const key of Object.keys(value)) {
    const bad = unsound((value as Record<string, unknown>)[key], seen, depth + 1);
    if (bad) return `${key}: ${bad}`;
  }
  return undefined;
}

/**
 * Call, consume what is lazy (a generator, a batch's findings), and say how it ended. A refusal's issues carry a
 * code of the list; with `coded`, a code that says what was wrong (never the catch-all `invalid`).
 */
function outcome(call: () => unknown, coded = false): 'result' | 'refused' {
  try {
    let value = call();
    if (value && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' && typeof value !== 'string' && !Array.isArray(value)) {
      value = [...take(value as Iterable<unknown>, 50)];
    }
    const batch = value as { findings?: unknown; counts?: unknown } | undefined;
    if (batch && typeof batch.findings === 'function') value = { counts: batch.counts, some: [...take((batch.findings as () => Iterable<unknown>)(), 20)] };
    const bad = unsound(value);
    if (bad) throw new Error(`a result with ${bad}`);
    return 'result';
  } catch (e) {
    if (e instanceof PolicyInputError) {
      expect(e.issues.length).toBeGreaterThan(0);
      for (const i of e.issues) {
        expect(typeof i.path === 'string' && typeof i.message === 'string' && i.message.length > 0).toBe(true);
        expect(ISSUE_CODES).toContain(i.code);
        expect(i.messages.en).toBe(i.message);
        expect(typeof i.messages.zh === 'string' && i.messages.zh.length > 0 && typeof i.expected === 'string' && typeof i.received === 'string').toBe(true);
        if (coded) expect(i.code, `${i.path}: ${i.message}`).not.toBe('invalid');
      }
      return 'refused';
    }
    throw e;
  }
}
function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const x of items) {
    yield x;
    if (--n === 0) return;
  }
}

// ---- valid inputs: every rule's worked cases ----
interface Case {
  rule: string;
  input: Record<string, unknown>;
}
const cases: Case[] = readdirSync('src/provisions', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(d.name, 'cases.json'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join('src/provisions', f), 'utf8')) as Case[]);
// The rules are those of the policy's list (each provision's own), called as the policy's methods; a rule of the
// city's document is also a root export, a rule a provision adds need not be.
const RULES = createPolicy()
  .provisions.flatMap((p) => Object.keys(p.rules))
  .sort();
const methodOf = (name: string) => createPolicy()[name as keyof Policy] as (i: unknown) => unknown;
const exported = (name: string) =>
  typeof root[name as keyof typeof root] === 'function' ? (root[name as keyof typeof root] as (i: unknown) => unknown) : undefined;

// ---- generated policies: one arbitrary per parameter, from its unit and the register's options ----
const share = fc.oneof(
  fc.constantFrom('0', '1', '0.5', '0.3', '0.0112', '0.123456789012'),
  fc.integer({ min: 0, max: 10 ** 6 }).map((n) => String(n / 10 ** 6)),
);
const positive = fc.oneof(fc.constantFrom(1, '0.5', 5, '20', 200000, '199999.99'), fc.integer({ min: 1, max: 10 ** 9 }));
const count = fc.oneof(fc.constantFrom(1, 600, 3000, 8000), fc.integer({ min: 1, max: 10 ** 7 }), fc.constant(Number.MAX_SAFE_INTEGER));
const year = fc.integer({ min: 1900, max: 2100 });
const optionsOf = (path: string) => spec.interpretations.find((i) => i.parameter === path)?.options.map((o) => o.id) ?? [];
const byUnit = (path: string, unit: string): fc.Arbitrary<unknown> => {
  switch (unit) {
    case 'year':
      return year;
    case 'years':
      return fc.integer({ min: 1, max: 100 });
    case 'share':
      return share;
    case 'option':
      return fc.constantFrom(...optionsOf(path));
    case '户':
    case '人':
    case '户 per worker':
      return count;
    default: // areas, rates and money
      return fc.oneof(positive, fc.constant(0));
  }
};
/** Overrides of any subset of the parameters, each within its own bounds (cross-parameter rules may still refuse). */
const overrides = fc
  .subarray(Object.entries(PARAMETER_REFERENCES))
  .chain((chosen) => fc.tuple(...chosen.map(([path, ref]) => byUnit(path, ref.unit).map((v) => [path, v] as const))))
  .map((pairs) => {
    const o: Record<string, Record<string, unknown> | unknown> = {};
    for (const [path, v] of pairs) {
      const [group, key] = path.split('.');
      if (key === undefined) o[group!] = v;
      else ((o[group!] ??= {}) as Record<string, unknown>)[key] = v;
    }
    return o;
  });

const community = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== ''),
    name: fc.string({ maxLength: 4 }),
    kind: fc.constantFrom('urban', 'rural'),
    households: fc.nat(20000),
    residents: fc.nat(60000),
    floatingHouseholds: fc.nat(2000),
    roomAreaM2: fc.oneof(fc.nat(2000), fc.constantFrom('399.99', '0.5')),
    staff: fc.nat(20),
    roomsOnGroundFloor: fc.boolean(),
    oneStopWindow: fc.boolean(),
    streetSubsidyPaid: fc.oneof(fc.nat(60000), fc.constant('15123.29')),
    activeFrom: fc.constantFrom('2013-07-01', '2012-01-01'),
  },
  { requiredKeys: ['id', 'name', 'kind', 'households', 'residents'] },
);
const dataset = fc.record(
  {
    year,
    communities: fc.uniqueArray(community, { maxLength: 6, selector: (c) => c.id }),
    villages: fc.nat(500).chain((total) => fc.record({ total: fc.constant(total), covered: fc.nat(total) })),
    funding: fc.record({ baseYearTotal: fc.nat(10 ** 7), budgets: fc.dictionary(year.map(String), fc.nat(10 ** 7), { maxKeys: 3 }) }),
    developerProjects: fc.uniqueArray(
      fc.record(
        {
          id: fc.string({ minLength: 1, maxLength: 4 }).filter((s) => s.trim() !== ''),
          floorAreaM2: fc.nat(400000),
          residents: fc.nat(9000),
          roomAreaProvidedM2: fc.nat(900),
          fundsPaid: fc.nat(10 ** 6),
          pricePerM2: fc.nat(9000),
        },
        { requiredKeys: ['id', 'floorAreaM2'] },
      ),
      { maxLength: 3, selector: (p) => p.id },
    ),
  },
  { requiredKeys: ['year', 'communities'] },
);

/** Something a caller might pass by mistake: anything at all, or a valid value with one part spoiled. */
const junk = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, maxDepth: 2 }),
  fc.constantFrom(NaN, Infinity, -1, 1.5, -0, '', ' ', '3k', '1e3', '__proto__', null, undefined, new Decimal(NaN), Object.create(null)),
);
const spoil = <T extends Record<string, unknown>>(valid: T) =>
  fc.tuple(fc.constantFrom(...Object.keys(valid), 'extra', '__proto__'), junk).map(([key, value]) => {
    const copy: Record<string, unknown> = { ...valid };
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });

describe('generated policies work in every function (issue 10, point 4)', { timeout: 60_000 }, () => {
  test.prop([overrides, dataset], { numRuns: 150 })('whatever createPolicy accepts, the audit, the rules, the evaluation and the report accept too', (o, d) => {
    let policy: Policy;
    try {
      policy = createPolicy(o as never);
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError); // a cross-parameter rule (a deadline past 2100, say), said by name
      return;
    }
    // Nothing but the policy goes in: these must give a result.
    expect(outcome(() => spec.auditPolicy(policy))).toBe('result');
    expect(outcome(() => policy.ruralRolloutSchedule({ from: 1900, to: 2100, villages: 1000 }))).toBe('result');
    expect(outcome(() => policy.cityFundSchedule({ baseYearTotal: '1000000.5', from: policy.parameters.baseYear, to: 2100 }))).toBe('result');
    expect(outcome(() => policy.targets({ year: d.year }))).toBe('result');
    expect(outcome(() => policy.asOf('2013-07-01'))).toBe('result');
    // A valid dataset: a result (the dataset's own checks may refuse, e.g. more villages covered than exist).
    const r = outcome(() => evaluation.evaluateCity(d as never, policy));
    if (r === 'result') {
      const result = evaluation.evaluateCity(d as never, policy);
      for (const format of ['text', 'markdown', 'json'] as const) {
        for (const lang of ['zh', 'en'] as const) expect(outcome(() => evaluation.formatReport(result, { format, lang, all: true }))).toBe('result');
      }
      expect(outcome(() => evaluation.readEvaluation(evaluation.formatReport(result, { format: 'json' })))).toBe('result');
    }
    expect(outcome(() => evaluation.evaluateBatch(d.communities as never, { year: d.year, policy }))).not.toBe(undefined);
    expect(outcome(() => evaluation.evaluateCommunities(d.communities as never, { year: d.year, policy }))).not.toBe(undefined);
    // Every rule on its worked cases: a result, or a refusal of an input the policy rules out (a year before its base).
    for (const c of cases) outcome(() => (policy[c.rule as keyof Policy] as (i: unknown) => unknown)(c.input));
  });
});

describe('every public function on generated input (issue 10, point 7)', { timeout: 60_000 }, () => {
  const entries = { root, spec, evaluation } as Record<string, Record<string, unknown>>;
  const functions = Object.entries(entries).flatMap(([entry, m]) =>
    Object.entries(m)
      .filter(([name, v]) => typeof v === 'function' && !['Decimal', 'PolicyInputError'].includes(name))
      .map(([name, fn]) => ({ entry, name, fn: fn as (...args: unknown[]) => unknown })),
  );

  test.prop([fc.constantFrom(...functions), fc.array(junk, { maxLength: 3 })], { numRuns: 1500 })(
    'anything at all: a result or a PolicyInputError',
    ({ fn }, args) => {
      outcome(() => fn(...args));
    },
  );

  test.prop([fc.constantFrom(...cases), fc.boolean()], { numRuns: 300 })('each rule on its worked cases with one field spoiled', (c, viaPolicy) => {
    const rule = viaPolicy ? methodOf(c.rule) : (exported(c.rule) ?? methodOf(c.rule));
    // Every rule's refusal carries a code that says what was wrong: the rules read their inputs through the catalogue of kinds.
    fc.assert(
      fc.property(spoil(c.input), (input) => void outcome(() => rule(input), true)),
      { numRuns: 5 },
    );
  });

  test.prop([dataset, fc.constantFrom('communities', 'villages', 'funding', 'developerProjects', 'year'), junk], { numRuns: 300 })(
    'a dataset with one part spoiled: every evaluation function refuses it by name or evaluates it',
    (d, part, value) => {
      const spoilt = { ...d, [part]: value };
      outcome(() => evaluation.evaluateCity(spoilt as never));
      outcome(() => evaluation.readDataset(spoilt), true);
      outcome(() => evaluation.evaluateBatch(spoilt.communities as never, { year: spoilt.year as never }));
      outcome(() => evaluation.evaluateCommunities(spoilt.communities as never, { year: spoilt.year as never }));
      const report = evaluation.formatReport(evaluation.evaluateCity(d as never), { format: 'json' });
      outcome(() => evaluation.readEvaluation(report.replace(/"(pass|fail|unknown)"/, JSON.stringify(typeof value === 'string' ? value : typeof value))));
    },
  );

  test.each(RULES)('%s refuses what is not an input object, and an unknown field, by code', (name) => {
    const input = cases.find((c) => c.rule === name)!.input;
    // As the policy's method, and as the root export where the rule is one.
    for (const rule of [methodOf(name), exported(name)].filter((r) => r !== undefined)) {
      const codes = (arg: unknown) => {
        try {
          rule(arg);
        } catch (e) {
          return (e as root.PolicyInputError).issues.map((i) => `${i.path}: ${i.code}`);
        }
        return [];
      };
      expect(codes(5)).toEqual([': not-an-object']);
      expect(codes({ ...input, zzz: 1 })).toEqual(['zzz: unknown-field']);
    }
  });

  test('the rules of the list are the rules the worked cases cover, each a method of the policy; a rule exported by name is one of them', () => {
    expect(RULES).toEqual([...new Set(cases.map((c) => c.rule))].sort());
    expect(RULES.every((name) => typeof methodOf(name) === 'function')).toBe(true);
    // A root export that is also a method of the policy is a rule of the list, with its worked cases.
    const policy = createPolicy();
    const named = Object.keys(root).filter((name) => typeof root[name as keyof typeof root] === 'function' && name in policy);
    expect(named.every((name) => RULES.includes(name))).toBe(true);
    expect(named.length).toBeGreaterThan(0);
    expect(functions.length).toBeGreaterThanOrEqual(27);
  });
});

describe('the CLI on generated arguments and files (issue 10, point 7)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'shequ-harness-'));
  const put = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const files = [
    'examples/city.json',
    'examples/communities.csv',
    put('empty.json', ''),
    put('array.json', '[1,2]'),
    put('bom-params.json', '\uFEFF{"staffing":{"rounding":"floor"}}'),
    put('bad-params.json', '{"horizonYears":100}'),
    put('bytes.csv', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x2c, 0x22, 0x0a])),
    put('one.csv', 'id,name,kind,households,residents\nc1,x,urban,3000,8000\n'),
    dir, // a directory
    join(dir, 'missing.json'),
  ];
  const token = fc.oneof(
    fc.constantFrom(
      '--format',
      '--lang',
      '--year',
      '--params',
      '--all',
      '--limit',
      '--strict',
      '--max-mb',
      '--base',
      '--base-year-total',
      '--from',
      '--to',
      '--mode',
      '--villages',
      '--households',
      '--residents',
      '--floating-households',
      '--communities',
      '--active-from',
      '--active-to',
      '--floor-area',
      '--price',
      '--help',
      '-h',
      '--bogus',
    ),
    fc.constantFrom(
      'json',
      'markdown',
      'text',
      'en',
      'zh',
      '2013',
      '2011',
      '-1',
      '1.5',
      '0',
      '3100',
      '1e3',
      'abc',
      'fund',
      'rollout',
      'compound',
      'share-of-remaining',
      'staff',
      'rooms',
      'size',
      'plan',
      'subsidy',
      'developer',
      'targets',
      '-',
      '2013-02-30',
      '9007199254740993',
    ),
    fc.constantFrom(...files),
    fc.string({ maxLength: 6 }),
  );
  const command = fc.constantFrom('report', 'audit', 'schedule', 'explain', 'schema', 'nope', '--version', '--help');

  test.prop(
    [command, fc.array(token, { maxLength: 7 }), fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }), fc.constant('{"year":2013,"communities":[]}'))],
    { numRuns: 300 },
  )('every run ends with exit 0, 1 or 2, and exit 2 says why', async (cmd, args, stdin) => {
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks: Buffer[] = [];
    err.on('data', (c: Buffer) => chunks.push(c));
    out.resume();
    const input = new PassThrough();
    input.end(stdin);
    const code = await main([cmd, ...args], { stdin: input, stdout: out, stderr: err, stderrIsTTY: false });
    expect([0, 1, 2]).toContain(code);
    if (code === 2) expect(Buffer.concat(chunks).toString()).toMatch(/^shequ-rules: /);
  });
});
