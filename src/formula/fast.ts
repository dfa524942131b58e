/**
 * The fast path of a resolved formula: integers below 2^53, each number
 * scaled by a denominator fixed when the policy is compiled (a room area per
 * 100 residents at 5 m² is residents ÷ 20: the integer `residents` over 20).
 * The formula is written out once per policy as the source of one function
 * (so each check's function has its own inline caches and the engine inlines
 * the small helpers), which says when the integers cannot decide: then the
 * exact evaluation does. Where a function cannot be made from source (a page
 * that forbids it), every record goes the exact way, with the same results.
 */
import { whole } from '../rules/check.js';
import { daysFromIn, type Fields } from './evaluate.js';
import { lcm, type RBool, type RNum } from './resolve.js';

const MAX = Number.MAX_SAFE_INTEGER;
const U = undefined;
type V = number | undefined;

// The helpers the written-out functions call. A number is a safe integer, undefined (unknown) or NaN (the integers
// cannot hold it); a condition is 1 (true), 0 (false), 3 (unknown) or -1 (the integers cannot decide).
const S = (x: number): number => (x <= MAX && x >= -MAX ? x : Number.NaN);
const R = (v: unknown): V => (v === U || v === null ? U : typeof v === 'number' || typeof v === 'string' ? whole(v) : Number.NaN);
const RO = (v: unknown, m: number, o: V): V => (v === U || v === null ? o : S((R(v) as number) * m));
const M = (a: V, k: number): V => (a === U ? U : S(a * k));
const MM = (a: V, b: V): V => (a === U || b === U ? U : S(a * b));
const A = (a: V, b: V): V => (a === U || b === U ? U : S(a + b));
const B = (a: V, b: V): V => (a === U || b === U ? U : S(a - b));
const ABS = (a: V): V => (a === U ? U : Math.abs(a));
const MAXV = (a: V, b: V): V => (a === U || b === U ? U : Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a >= b ? a : b);
const MINV = (a: V, b: V): V => (a === U || b === U ? U : Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a <= b ? a : b);
const IF = (t: number, a: V, b: V): V => (t === 1 ? a : t === 0 ? b : t === 3 ? U : Number.NaN);
const DAYS = (v: unknown, year: number): V => (v === U || v === null ? U : (daysFromIn(v, year) ?? Number.NaN));
const cmp =
  (test: (l: number, r: number) => boolean) =>
  (a: V, b: V, ma: number, mb: number): number => {
    if (a === U || b === U) return 3;
    const l = S(a * ma);
    const r = S(b * mb);
    return Number.isNaN(l) || Number.isNaN(r) ? -1 : test(l, r) ? 1 : 0;
  };
const GE = cmp((l, r) => l >= r);
const GT = cmp((l, r) => l > r);
const LE = cmp((l, r) => l <= r);
const LT = cmp((l, r) => l < r);
const EQ = cmp((l, r) => l === r);
/** Three-valued and/or: the decisive value wins, then "cannot decide", then unknown. */
const AND = (x: number, y: number): number => (x === 0 || y === 0 ? 0 : x === -1 || y === -1 ? -1 : x === 3 || y === 3 ? 3 : 1);
const OR = (x: number, y: number): number => (x === 1 || y === 1 ? 1 : x === -1 || y === -1 ? -1 : x === 3 || y === 3 ? 3 : 0);
const NOT = (x: number): number => (x === 1 ? 0 : x === 0 ? 1 : x);
const FLAG = (v: unknown): number => (typeof v === 'boolean' ? (v ? 1 : 0) : 3);
const GIVEN = (v: unknown): number => (v === U || v === null ? 0 : 1);
/** `u ÷ v` (each rescaled) rounded to a whole number by mode: 0 floor, 1 ceil, 2 half up. */
function DIV(u: V, v: V, ma: number, mb: number, mode: number): V {
  if (u === U || v === U) return U;
  let n = S(u * ma);
  let m = S(v * mb);
  if (m === 0) return U;
  if (m < 0) [n, m] = [-n, -m];
  if (mode === 2) [n, m] = [S(2 * n + m), S(2 * m)];
  else if (mode === 1) n = -n;
  if (Number.isNaN(n) || Number.isNaN(m)) return Number.NaN;
  // ⌊n ÷ m⌋ for m > 0: the float quotient is within one of it, and the remainder puts it right.
  let t = Math.floor(n / m);
  const r = n - t * m;
  if (r < 0) t -= 1;
  else if (r >= m) t += 1;
  return mode === 1 ? -t : t;
}
const HELPERS = { S, R, RO, M, MM, A, B, ABS, MAXV, MINV, IF, DAYS, GE, GT, LE, LT, EQ, AND, OR, NOT, FLAG, GIVEN, DIV };
/** The helpers a written-out expression calls, by the names it calls them (for the batch's one function). @internal */
export const FAST_HELPERS: Readonly<Record<string, unknown>> = HELPERS;

const toSafe = (b: bigint): number => (b <= BigInt(MAX) && b >= -BigInt(MAX) ? Number(b) : Number.NaN);
const safeBig = (b: bigint) => !Number.isNaN(toSafe(b));

/** A number written out: a JS expression over `c`, whose value ÷ `d` is the number. */
interface Src {
  readonly d: bigint;
  readonly s: string;
}
const CANNOT: Src = { d: 1n, s: 'NaN' };
const lit = (n: number) => (n < 0 ? `(${n})` : String(n));
const key = (name: string) => `c[${JSON.stringify(name)}]`;

/** `x` rescaled to the denominator `d` (a multiple of x.d). */
function rescaled(x: Src, d: bigint): string {
  const m = toSafe(d / x.d);
  return m === 1 ? x.s : `M(${x.s},${lit(m)})`;
}
function common(xs: readonly Src[]): bigint | undefined {
  const d = xs.reduce((m, x) => lcm(m, x.d), 1n);
  return safeBig(d) ? d : undefined;
}

function num(x: RNum): Src {
  switch (x.k) {
    case 'q':
      return safeBig(x.q.n) && safeBig(x.q.d) ? { d: x.q.d, s: lit(Number(x.q.n)) } : CANNOT;
    case 'unknown':
      return { d: 1n, s: 'undefined' };
    case 'field': {
      if (x.otherwise === undefined) return { d: 1n, s: `R(${key(x.name)})` };
      const o = num(x.otherwise);
      return { d: o.d, s: `RO(${key(x.name)},${lit(toSafe(o.d))},${o.s})` };
    }
    case 'daysFrom':
      return { d: 1n, s: `DAYS(${key(x.field)},${lit(x.year)})` };
    case 'add':
    case 'max':
    case 'min': {
      const terms = x.terms.map(num);
      const d = common(terms);
      if (d === undefined) return CANNOT;
      if (terms.length === 0) return { d: 1n, s: x.k === 'add' ? '0' : 'NaN' };
      const f = x.k === 'add' ? 'A' : x.k === 'max' ? 'MAXV' : 'MINV';
      return { d, s: terms.map((t) => rescaled(t, d)).reduce((acc, t) => `${f}(${acc},${t})`) };
    }
    case 'sub': {
      const a = num(x.a);
      const b = num(x.b);
      const d = common([a, b]);
      return d === undefined ? CANNOT : { d, s: `B(${rescaled(a, d)},${rescaled(b, d)})` };
    }
    case 'mul': {
      const a = num(x.a);
      const b = num(x.b);
      const d = a.d * b.d;
      if (!safeBig(d)) return CANNOT;
      // A product by a constant is a product by a literal.
      if (x.b.k === 'q') return { d, s: `M(${a.s},${b.s})` };
      if (x.a.k === 'q') return { d, s: `M(${b.s},${a.s})` };
      return { d, s: `MM(${a.s},${b.s})` };
    }
    case 'abs': {
      const a = num(x.x);
      return { d: a.d, s: `ABS(${a.s})` };
    }
    case 'if': {
      const t = num(x.yes);
      const e = num(x.no);
      const d = common([t, e]);
      return d === undefined ? CANNOT : { d, s: `IF(${bool(x.cond)},${rescaled(t, d)},${rescaled(e, d)})` };
    }
    case 'div': {
      if (x.b.k === 'q' && x.round === undefined) {
        // An exact quotient by a constant is a product by its inverse.
        if (x.b.q.n === 0n) return { d: 1n, s: 'undefined' };
        return num({ k: 'mul', a: x.a, b: { k: 'q', q: { n: x.b.q.d * (x.b.q.n < 0n ? -1n : 1n), d: x.b.q.n < 0n ? -x.b.q.n : x.b.q.n } } });
      }
      if (x.round === undefined) return CANNOT;
      const a = num(x.a);
      const b = num(x.b);
      // (na/da) ÷ (nb/db) = na·db ÷ (nb·da), scaled by 10^places before it is rounded.
      const s = 10n ** BigInt(x.places);
      if (!safeBig(b.d * s) || !safeBig(s)) return CANNOT;
      const mode = x.round === 'floor' ? 0 : x.round === 'ceil' ? 1 : 2;
      return { d: s, s: `DIV(${a.s},${b.s},${lit(toSafe(b.d * s))},${lit(toSafe(a.d))},${mode})` };
    }
    case 'rule':
      // A rule's value is the rule's own to compute: the integers leave it to the exact way.
      return CANNOT;
  }
}

function bool(x: RBool): string {
  switch (x.k) {
    case 'const':
      return x.value ? '1' : '0';
    case 'given':
      return `GIVEN(${key(x.name)})`;
    case 'flag':
      return `FLAG(${key(x.name)})`;
    case 'not':
      return `NOT(${bool(x.x)})`;
    case 'and':
    case 'or': {
      if (x.terms.length === 0) return x.k === 'and' ? '1' : '0';
      const f = x.k === 'and' ? 'AND' : 'OR';
      return x.terms.map(bool).reduce((acc, t) => `${f}(${acc},${t})`);
    }
    case 'atLeast':
    case 'ruleIs':
      return '(-1)'; // decided the exact way
    default: {
      const a = num(x.a);
      const b = num(x.b);
      const f = { ge: 'GE', gt: 'GT', le: 'LE', lt: 'LT', eq: 'EQ' }[x.k];
      // a/da against b/db: a·db against b·da.
      const ma = toSafe(b.d);
      const mb = toSafe(a.d);
      return Number.isNaN(ma) || Number.isNaN(mb) ? '(-1)' : `${f}(${a.s},${b.s},${lit(ma)},${lit(mb)})`;
    }
  }
}

/** Make a function of the record from an expression, or undefined where source cannot be compiled. */
function make<T>(expression: string): ((c: Fields) => T) | undefined {
  try {
    const names = Object.keys(HELPERS);
    // The expression is made only of the helpers' names, integer literals and field names quoted by JSON.stringify.
    const outer = new Function(...names, `"use strict"; return function formula(c) { return ${expression}; };`);
    return outer(...Object.values(HELPERS)) as (c: Fields) => T;
  } catch {
    return undefined;
  }
}

/** A condition written out as a JS expression over `c` and {@link FAST_HELPERS}: 1 true, 0 false, 3 unknown, -1 cannot decide. @internal */
export const fastBoolSource = (x: RBool): string => bool(x);

/** A condition in the fast path: 1 true, 0 false, 3 unknown, -1 when the integers cannot decide it. */
export type FastBool = (c: Fields) => number;
/** A number in the fast path: `f(c) ÷ d`; `f` gives undefined when it is unknown, NaN when the integers cannot hold it. */
export interface FastNum {
  readonly d: bigint;
  readonly f: (c: Fields) => number | undefined;
}

/** The condition as one function over safe integers. @internal */
export function fastBool(x: RBool): FastBool {
  return make<number>(bool(x)) ?? (() => -1);
}
/** The number as one function over safe integers, with its denominator. @internal */
export function fastNum(x: RNum): FastNum {
  const src = num(x);
  return { d: src.d, f: make<number | undefined>(src.s) ?? (() => Number.NaN) };
}
