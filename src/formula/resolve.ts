/**
 * A formula under one policy and one year: its parameters written in as exact
 * rationals, each reading's choice taken, every rounding fixed and the year
 * known (or unknown). What is left depends on the record alone; the exact
 * evaluation, the integer fast path and the SQL all start from this tree, and
 * it records which parameters and readings it used, with their values.
 */
import { bigRatio } from '../decimal.js';
import { PolicyInputError, refused } from '../errors.js';
import type { PolicyCore } from '../provisions/provision.js';
import { callRule } from '../rules/check.js';
import type { Bool, Num, Rounding } from './types.js';

/** An exact rational `n ÷ d`, `d > 0`, in lowest terms. */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
/** `n ÷ d` in lowest terms with a positive denominator. @internal */
export function q(n: bigint, d = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
/** A decimal string or number as an exact rational (`'0.2'` → 1/5). @internal */
export function parseQ(v: string | number): Q | undefined {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  let n = BigInt((m[2] || '0') + frac);
  let d = 10n ** BigInt(frac.length);
  const e = Number(m[4] ?? 0);
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return q(m[1] === '-' ? -n : n, d);
}
export const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** A number once the policy and the year are known: a constant, or something of the record. */
export type RNum =
  | { readonly k: 'q'; readonly q: Q }
  /** Unknown whatever the record (no year given). */
  | { readonly k: 'unknown' }
  | { readonly k: 'field'; readonly name: string; readonly otherwise?: RNum }
  | { readonly k: 'daysFrom'; readonly field: string; readonly year: number }
  | { readonly k: 'add'; readonly terms: readonly RNum[] }
  | { readonly k: 'sub'; readonly a: RNum; readonly b: RNum }
  | { readonly k: 'mul'; readonly a: RNum; readonly b: RNum }
  | { readonly k: 'div'; readonly a: RNum; readonly b: RNum; readonly round?: Rounding; readonly places: number }
  | { readonly k: 'abs'; readonly x: RNum }
  | { readonly k: 'max' | 'min'; readonly terms: readonly RNum[] }
  | { readonly k: 'if'; readonly cond: RBool; readonly yes: RNum; readonly no: RNum }
  | RRule<'rule'>;

/** A rule's value on the record: the rule of the policy, its inputs (those that may be left out so marked) and the output read. */
export interface RRule<K extends 'rule' | 'ruleIs'> {
  readonly k: K;
  readonly rule: string;
  readonly output: string;
  readonly inputs: readonly { readonly name: string; readonly x: RNum; readonly optional: boolean }[];
  /** The rule of the policy (its own, or a document's replacement), called on one input. */
  readonly call: (input: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>;
}

export type RBool =
  | { readonly k: 'ge' | 'gt' | 'le' | 'lt' | 'eq'; readonly a: RNum; readonly b: RNum }
  | { readonly k: 'and' | 'or'; readonly terms: readonly RBool[] }
  | { readonly k: 'not'; readonly x: RBool }
  | { readonly k: 'flag'; readonly name: string }
  | { readonly k: 'given'; readonly name: string }
  | { readonly k: 'const'; readonly value: boolean }
  | { readonly k: 'atLeast'; readonly low: RNum; readonly high: RNum; readonly b: RNum }
  | (RRule<'ruleIs'> & { readonly value: string | boolean });

/** What a formula used of the policy: each parameter with its value, each reading with its choice. */
export interface Used {
  readonly parameters: Map<string, number | string | undefined>;
  readonly readings: Map<string, string>;
  /** The record's fields it reads. */
  readonly fields: Set<string>;
  /** Whether it reads the year. */
  year: boolean;
  /** The policy's rules it takes values from. */
  readonly rules: Set<string>;
}

/** A parameter's value by its dotted path (undefined when the policy does not set it). @internal */
export function paramAt(policy: PolicyCore, path: string): unknown {
  let v: unknown = policy.parameters;
  for (const key of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

const WORDS = {
  number: { en: 'a number for the formula', zh: '公式所需的数' },
  rounding: { en: 'a rounding for the formula (ceil, floor or half-up)', zh: '公式所需的取整方式(ceil、floor 或 half-up)' },
  option: { en: 'one of the options the formula knows', zh: '公式所列的口径选项之一' },
  rule: { en: 'a rule of the policy (one of its methods)', zh: '该政策的一条规则(政策的方法)' },
} as const;
const bad = (what: keyof typeof WORDS, path: string, got: unknown): never => {
  throw new PolicyInputError([refused(path, 'invalid', WORDS[what], got)], 'formula');
};

const isQ = (x: RNum): x is { k: 'q'; q: Q } => x.k === 'q';

/** A number of the formula as a rule takes it: a safe integer as a number, any other as its exact decimal digits. @internal */
export function ruleInput(v: Q): number | string {
  if (v.d === 1n && v.n <= BigInt(Number.MAX_SAFE_INTEGER) && v.n >= -BigInt(Number.MAX_SAFE_INTEGER)) return Number(v.n);
  return bigRatio(v.n, v.d).value.toFixed();
}
/** A rule's output as an exact rational: a number or a Decimal; undefined for anything else (an absent value). @internal */
export function ruleOutput(v: unknown): Q | undefined {
  if (typeof v === 'number') return parseQ(v);
  if (typeof v === 'object' && v !== null && typeof (v as { toFixed?: unknown }).toFixed === 'function') return parseQ((v as { toFixed(): string }).toFixed());
  return undefined;
}
/** The rule's input from the values of its inputs (undefined: unknown), or undefined when one it cannot do without is unknown. @internal */
export function ruleInputOf(inputs: RRule<'rule'>['inputs'], values: readonly (Q | undefined)[]): Record<string, unknown> | undefined {
  const input: Record<string, unknown> = {};
  for (let i = 0; i < inputs.length; i++) {
    const v = values[i];
    if (v === undefined) {
      if (inputs[i]!.optional) continue;
      return undefined;
    }
    input[inputs[i]!.name] = ruleInput(v);
  }
  return input;
}

type RuleNode = Extract<Num, { op: 'rule' }> | Extract<Bool, { op: 'ruleIs' }>;
type AnyRule = (p: never, input: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>;
const ANY_RULE: AnyRule = () => ({});
/**
 * A rule node under the policy: its inputs resolved, the rule looked up (refused when the policy has none of that
 * name), and, when every input is known already, the rule called once and its readings recorded.
 */
function resolveRule<K extends 'rule' | 'ruleIs'>(x: RuleNode, k: K, policy: PolicyCore, year: number | undefined, used: Used) {
  const f = (policy as unknown as Record<string, unknown>)[x.rule];
  if (typeof f !== 'function') bad('rule', 'rule', x.rule);
  used.rules.add(x.rule);
  const optional = new Set(x.optional ?? []);
  const inputs = Object.entries(x.input).map(([name, v]) => ({ name, x: resolveNum(v, policy, year, used), optional: optional.has(name) }));
  const call = (input: Readonly<Record<string, unknown>>) => callRule(policy, x.rule, ANY_RULE, input);
  const node: RRule<K> = { k, rule: x.rule, output: x.output, inputs, call };
  // Every input known (or unknown whatever the record): the rule's value is a constant of the policy and the year.
  if (!inputs.every((i) => i.x.k === 'q' || i.x.k === 'unknown')) return { node, constant: false as const };
  const input = ruleInputOf(
    inputs,
    inputs.map((i) => (i.x.k === 'q' ? i.x.q : undefined)),
  );
  if (input === undefined) return { node, constant: true as const, result: undefined };
  const result = call(input);
  const uses = (result as { interpretations?: readonly { id: string; choice: string }[] }).interpretations;
  for (const u of uses ?? []) used.readings.set(u.id, u.choice);
  return { node, constant: true as const, result };
}

/** A condition unknown whatever the record (a bound it needs is unknown). */
const UNKNOWN_BOOL: RBool = { k: 'atLeast', low: { k: 'unknown' }, high: { k: 'unknown' }, b: { k: 'unknown' } };

/** The formula's number under the policy and the year, constants folded. @internal */
export function resolveNum(x: Num, policy: PolicyCore, year: number | undefined, used: Used): RNum {
  const r = (y: Num) => resolveNum(y, policy, year, used);
  switch (x.op) {
    case 'const':
      return { k: 'q', q: parseQ(x.value) ?? bad('number', 'const', x.value) };
    case 'field':
      used.fields.add(x.name);
      return x.otherwise === undefined ? { k: 'field', name: x.name } : { k: 'field', name: x.name, otherwise: r(x.otherwise) };
    case 'param': {
      const v = paramAt(policy, x.path);
      used.parameters.set(x.path, v as number | string | undefined);
      const value = typeof v === 'number' || typeof v === 'string' ? parseQ(v) : undefined;
      return { k: 'q', q: value ?? bad('number', x.path, v) };
    }
    case 'year':
      used.year = true;
      return year === undefined ? { k: 'unknown' } : { k: 'q', q: q(BigInt(year)) };
    case 'ofYear':
      used.year = true;
      return year === undefined ? { k: 'unknown' } : r(x.x);
    case 'daysInYear': {
      used.year = true;
      if (year === undefined) return { k: 'unknown' };
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      return { k: 'q', q: q(leap ? 366n : 365n) };
    }
    case 'daysFrom':
      used.year = true;
      used.fields.add(x.field);
      return year === undefined ? { k: 'unknown' } : { k: 'daysFrom', field: x.field, year };
    case 'add':
      return fold({ k: 'add', terms: x.terms.map(r) });
    case 'sub':
      return fold({ k: 'sub', a: r(x.a), b: r(x.b) });
    case 'mul':
      return fold({ k: 'mul', a: r(x.a), b: r(x.b) });
    case 'div': {
      let round: Rounding | undefined;
      if (x.round && 'fixed' in x.round) round = x.round.fixed;
      else if (x.round) {
        const v = paramAt(policy, x.round.path);
        used.parameters.set(x.round.path, v as string);
        if (v !== 'ceil' && v !== 'floor' && v !== 'half-up') return bad('rounding', x.round.path, v);
        used.readings.set(x.round.reading, v);
        round = v;
      }
      return fold(round === undefined ? { k: 'div', a: r(x.a), b: r(x.b), places: 0 } : { k: 'div', a: r(x.a), b: r(x.b), round, places: x.places ?? 0 });
    }
    case 'abs':
      return fold({ k: 'abs', x: r(x.x) });
    case 'max':
    case 'min':
      return fold({ k: x.op, terms: x.terms.map(r) });
    case 'if': {
      const cond = resolveBool(x.cond, policy, year, used);
      if (cond.k === 'const') return cond.value ? r(x.then) : r(x.else);
      return { k: 'if', cond, yes: r(x.then), no: r(x.else) };
    }
    case 'reading': {
      const v = paramAt(policy, x.path);
      used.parameters.set(x.path, v as string);
      if (typeof v !== 'string' || !Object.hasOwn(x.cases, v)) return bad('option', x.path, v);
      used.readings.set(x.reading, v);
      return r(x.cases[v]!);
    }
    case 'readingIfSet': {
      const v = paramAt(policy, x.path);
      used.parameters.set(x.path, v as number | string | undefined);
      const taken = v === undefined ? x.unset : x.set;
      used.readings.set(x.reading, taken.option);
      return r(taken.then);
    }
    case 'rule': {
      const r = resolveRule(x, 'rule', policy, year, used);
      if (!r.constant) return r.node;
      if (r.result === undefined) return { k: 'unknown' };
      const v = ruleOutput(r.result[x.output]);
      return v === undefined ? { k: 'unknown' } : { k: 'q', q: v };
    }
  }
}

/** The formula's condition under the policy and the year. @internal */
export function resolveBool(x: Bool, policy: PolicyCore, year: number | undefined, used: Used): RBool {
  const n = (y: Num) => resolveNum(y, policy, year, used);
  switch (x.op) {
    case 'ge':
    case 'gt':
    case 'le':
    case 'lt':
    case 'eq': {
      const a = n(x.a);
      const b = n(x.b);
      if (isQ(a) && isQ(b)) return { k: 'const', value: compareQ(x.op, a.q, b.q) };
      return { k: x.op, a, b };
    }
    case 'and':
    case 'or':
      return { k: x.op, terms: x.terms.map((t) => resolveBool(t, policy, year, used)) };
    case 'not':
      return { k: 'not', x: resolveBool(x.x, policy, year, used) };
    case 'flag':
      used.fields.add(x.name);
      return { k: 'flag', name: x.name };
    case 'given':
      used.fields.add(x.name);
      return { k: 'given', name: x.name };
    case 'true':
      return { k: 'const', value: true };
    case 'atLeast':
      return { k: 'atLeast', low: n(x.low), high: n(x.high), b: n(x.b) };
    case 'ruleIs': {
      const r = resolveRule(x, 'ruleIs', policy, year, used);
      if (!r.constant) return { ...r.node, value: x.value };
      // Known whatever the record: a constant, or, without an input it needs, unknown (as a comparison with an unknown is).
      return r.result === undefined ? UNKNOWN_BOOL : { k: 'const', value: r.result[x.output] === x.value };
    }
    case 'readingIs': {
      const v = paramAt(policy, x.path);
      used.parameters.set(x.path, v as string);
      if (typeof v !== 'string') return bad('option', x.path, v);
      used.readings.set(x.reading, v);
      return { k: 'const', value: v === x.option };
    }
  }
}

/** Whether `a op b`, exactly. @internal */
export function compareQ(op: 'ge' | 'gt' | 'le' | 'lt' | 'eq', a: Q, b: Q): boolean {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return op === 'ge' ? x >= y : op === 'gt' ? x > y : op === 'le' ? x <= y : op === 'lt' ? x < y : x === y;
}

// ——— exact rational arithmetic ———

export const addQ = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const subQ = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mulQ = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
/** `⌊n ÷ d⌋` for d > 0. */
export const floorDiv = (n: bigint, d: bigint): bigint => {
  const t = n / d;
  return n % d !== 0n && n < 0n ? t - 1n : t;
};
/** `a ÷ b` exactly, or rounded to `places` decimals; undefined when b is 0. @internal */
export function divQ(a: Q, b: Q, round: Rounding | undefined, places: number): Q | undefined {
  if (b.n === 0n) return undefined;
  const exact = q(a.n * b.d, a.d * b.n);
  if (round === undefined) return exact;
  const s = 10n ** BigInt(places);
  const n = exact.n * s;
  const whole = round === 'floor' ? floorDiv(n, exact.d) : round === 'ceil' ? -floorDiv(-n, exact.d) : floorDiv(2n * n + exact.d, 2n * exact.d);
  return q(whole, s);
}

/** Fold a node whose operands are all constants. */
function fold(x: RNum): RNum {
  switch (x.k) {
    case 'add':
      return x.terms.every(isQ) ? { k: 'q', q: x.terms.reduce((s, t) => addQ(s, t.q), q(0n)) } : x;
    case 'sub':
      return isQ(x.a) && isQ(x.b) ? { k: 'q', q: subQ(x.a.q, x.b.q) } : x;
    case 'mul':
      return isQ(x.a) && isQ(x.b) ? { k: 'q', q: mulQ(x.a.q, x.b.q) } : x;
    case 'div': {
      if (!(isQ(x.a) && isQ(x.b))) return x;
      const v = divQ(x.a.q, x.b.q, x.round, x.places);
      return v === undefined ? { k: 'unknown' } : { k: 'q', q: v };
    }
    case 'abs':
      return isQ(x.x) ? { k: 'q', q: q(x.x.q.n < 0n ? -x.x.q.n : x.x.q.n, x.x.q.d) } : x;
    case 'max':
    case 'min':
      if (!x.terms.every(isQ)) return x;
      return { k: 'q', q: x.terms.map((t) => t.q).reduce((m, t) => (compareQ(x.k === 'max' ? 'gt' : 'lt', t, m) ? t : m)) };
    default:
      return x;
  }
}

/** A fresh record of what a formula uses. @internal */
export const usedNothing = (): Used => ({ parameters: new Map(), readings: new Map(), fields: new Set(), year: false, rules: new Set() });
