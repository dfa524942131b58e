/**
 * A resolved formula evaluated on one record, two ways: exactly, in rationals
 * of big integers (the meaning), and in integers below 2^53 scaled by a
 * denominator fixed when the policy is compiled (the fast path, which says
 * when it cannot decide, and the exact way decides). A property test holds
 * the two equal.
 */
import { whole } from '../rules/check.js';
import { calendarDay } from '../values.js';
import { addQ, compareQ, divQ, floorDiv, lcm, mulQ, parseQ, q, subQ, type Q, type RBool, type RNum } from './resolve.js';

/** A record as a formula reads it: fields by name. */
export type Fields = Readonly<Record<string, unknown>>;

const DAY = 86_400_000;
/** Days of `year` from the ISO day `iso` to the year's last day, both counted; undefined for a day that is not one. @internal */
export function daysFromIn(iso: unknown, year: number): number | undefined {
  const day = typeof iso === 'string' ? calendarDay(iso) : undefined;
  if (day === undefined) return undefined;
  const from = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
  const first = Math.max(from, Date.UTC(year, 0, 1));
  return Math.max(0, Math.round((Date.UTC(year, 11, 31) - first) / DAY) + 1);
}

// ——— exactly ———

const present = (v: unknown) => v !== undefined && v !== null;

/** The number, exactly; undefined when unknown. @internal */
export function exactNum(x: RNum, c: Fields): Q | undefined {
  switch (x.k) {
    case 'q':
      return x.q;
    case 'unknown':
      return undefined;
    case 'field': {
      const v = c[x.name];
      if (!present(v)) return x.otherwise === undefined ? undefined : exactNum(x.otherwise, c);
      return typeof v === 'number' || typeof v === 'string' ? parseQ(v) : undefined;
    }
    case 'daysFrom': {
      const v = c[x.field];
      if (!present(v)) return undefined;
      const days = daysFromIn(v, x.year);
      return days === undefined ? undefined : q(BigInt(days));
    }
    case 'add': {
      let s = q(0n);
      for (const t of x.terms) {
        const v = exactNum(t, c);
        if (v === undefined) return undefined;
        s = addQ(s, v);
      }
      return s;
    }
    case 'sub':
    case 'mul':
    case 'div': {
      const a = exactNum(x.a, c);
      const b = exactNum(x.b, c);
      if (a === undefined || b === undefined) return undefined;
      return x.k === 'sub' ? subQ(a, b) : x.k === 'mul' ? mulQ(a, b) : divQ(a, b, x.round, x.places);
    }
    case 'abs': {
      const v = exactNum(x.x, c);
      return v === undefined ? undefined : q(v.n < 0n ? -v.n : v.n, v.d);
    }
    case 'max':
    case 'min': {
      let m: Q | undefined;
      for (const t of x.terms) {
        const v = exactNum(t, c);
        if (v === undefined) return undefined;
        if (m === undefined || compareQ(x.k === 'max' ? 'gt' : 'lt', v, m)) m = v;
      }
      return m;
    }
    case 'if': {
      const b = exactBool(x.cond, c);
      return b === undefined ? undefined : exactNum(b ? x.yes : x.no, c);
    }
  }
}

/** The condition, exactly; undefined when unknown (and, or: as SQL's three values). @internal */
export function exactBool(x: RBool, c: Fields): boolean | undefined {
  switch (x.k) {
    case 'const':
      return x.value;
    case 'given':
      return present(c[x.name]);
    case 'flag': {
      const v = c[x.name];
      return typeof v === 'boolean' ? v : undefined;
    }
    case 'not': {
      const v = exactBool(x.x, c);
      return v === undefined ? undefined : !v;
    }
    case 'and':
    case 'or': {
      let unknown = false;
      for (const t of x.terms) {
        const v = exactBool(t, c);
        if (v === undefined) unknown = true;
        else if (v === (x.k === 'or')) return v;
      }
      return unknown ? undefined : x.k === 'and';
    }
    default: {
      const a = exactNum(x.a, c);
      const b = exactNum(x.b, c);
      return a === undefined || b === undefined ? undefined : compareQ(x.k, a, b);
    }
  }
}

// ——— in integers ———

const MAX = Number.MAX_SAFE_INTEGER;
/** A safe integer, or NaN (the integers cannot say it). */
const safe = (x: number): number => (x <= MAX && x >= -MAX ? x : Number.NaN);
const toSafe = (b: bigint): number => (b <= BigInt(MAX) && b >= -BigInt(MAX) ? Number(b) : Number.NaN);

/**
 * A number in the fast path: `f(c) ÷ d` with `d` fixed when the policy is compiled; `f` gives undefined when the
 * value is unknown and NaN when the integers cannot hold it.
 */
export interface FastNum {
  readonly d: bigint;
  readonly f: (c: Fields) => number | undefined;
}
/** A condition in the fast path: 1 true, 0 false, 3 unknown, -1 when the integers cannot decide it. */
export type FastBool = (c: Fields) => number;

const CANNOT: FastNum = { d: 1n, f: () => Number.NaN };

/** `x` rescaled to the denominator `d` (a multiple of x.d). */
function scaled(x: FastNum, d: bigint): (c: Fields) => number | undefined {
  const m = toSafe(d / x.d);
  const f = x.f;
  if (m === 1) return f;
  return (c) => {
    const v = f(c);
    return v === undefined ? undefined : safe(v * m);
  };
}

/** The common denominator of some fast numbers, when it is a safe integer. */
function common(xs: readonly FastNum[]): bigint | undefined {
  const d = xs.reduce((m, x) => lcm(m, x.d), 1n);
  return Number.isNaN(toSafe(d)) ? undefined : d;
}

/** The number as a closure over safe integers. @internal */
export function fastNum(x: RNum): FastNum {
  switch (x.k) {
    case 'q': {
      const n = toSafe(x.q.n);
      return Number.isNaN(toSafe(x.q.d)) || Number.isNaN(n) ? CANNOT : { d: x.q.d, f: () => n };
    }
    case 'unknown':
      return { d: 1n, f: () => undefined };
    case 'field': {
      const name = x.name;
      const read = (c: Fields) => {
        const v = c[name];
        return typeof v === 'number' || typeof v === 'string' ? whole(v) : Number.NaN;
      };
      if (x.otherwise === undefined) return { d: 1n, f: (c) => (present(c[name]) ? read(c) : undefined) };
      const o = fastNum(x.otherwise);
      const otherwise = scaled(o, o.d);
      const m = toSafe(o.d);
      return { d: o.d, f: (c) => (present(c[name]) ? safe(read(c) * m) : otherwise(c)) };
    }
    case 'daysFrom': {
      const { field, year } = x;
      return {
        d: 1n,
        f: (c) => {
          const v = c[field];
          if (!present(v)) return undefined;
          return daysFromIn(v, year) ?? Number.NaN; // not a day: the exact way says unknown
        },
      };
    }
    case 'add':
    case 'max':
    case 'min': {
      const terms = x.terms.map(fastNum);
      const d = common(terms);
      if (d === undefined) return CANNOT;
      const fs = terms.map((t) => scaled(t, d));
      const kind = x.k;
      return {
        d,
        f: (c) => {
          let acc = kind === 'add' ? 0 : Number.NaN;
          let first = true;
          for (const f of fs) {
            const v = f(c);
            if (v === undefined) return undefined;
            if (kind === 'add') acc = safe(acc + v);
            else if (first || (kind === 'max' ? v > acc : v < acc) || Number.isNaN(v)) acc = v;
            first = false;
          }
          return acc;
        },
      };
    }
    case 'sub': {
      const a = fastNum(x.a);
      const b = fastNum(x.b);
      const d = common([a, b]);
      if (d === undefined) return CANNOT;
      const fa = scaled(a, d);
      const fb = scaled(b, d);
      return {
        d,
        f: (c) => {
          const u = fa(c);
          const v = fb(c);
          return u === undefined || v === undefined ? undefined : safe(u - v);
        },
      };
    }
    case 'mul': {
      const a = fastNum(x.a);
      const b = fastNum(x.b);
      const d = a.d * b.d;
      if (Number.isNaN(toSafe(d))) return CANNOT;
      const { f: fa } = a;
      const { f: fb } = b;
      return {
        d,
        f: (c) => {
          const u = fa(c);
          const v = fb(c);
          return u === undefined || v === undefined ? undefined : safe(u * v);
        },
      };
    }
    case 'abs': {
      const { d, f } = fastNum(x.x);
      return {
        d,
        f: (c) => {
          const v = f(c);
          return v === undefined ? undefined : Math.abs(v);
        },
      };
    }
    case 'if': {
      const cond = fastBool(x.cond);
      const t = fastNum(x.yes);
      const e = fastNum(x.no);
      const d = common([t, e]);
      if (d === undefined) return CANNOT;
      const ft = scaled(t, d);
      const fe = scaled(e, d);
      return {
        d,
        f: (c) => {
          const b = cond(c);
          return b === 1 ? ft(c) : b === 0 ? fe(c) : b === 3 ? undefined : Number.NaN;
        },
      };
    }
    case 'div':
      return fastDiv(x);
  }
}

function fastDiv(x: Extract<RNum, { k: 'div' }>): FastNum {
  const a = fastNum(x.a);
  if (x.b.k === 'q' && x.round === undefined) {
    // An exact quotient by a constant is a product by its inverse.
    if (x.b.q.n === 0n) return { d: 1n, f: () => undefined };
    return fastNum({ k: 'mul', a: x.a, b: { k: 'q', q: q(x.b.q.d, x.b.q.n) } });
  }
  if (x.round === undefined) return CANNOT;
  const b = fastNum(x.b);
  // (na/da) ÷ (nb/db) = na·db ÷ (nb·da), scaled by 10^places before it is rounded.
  const s = 10n ** BigInt(x.places);
  const ma = toSafe(b.d * s);
  const mb = toSafe(a.d);
  if (Number.isNaN(ma) || Number.isNaN(mb) || Number.isNaN(toSafe(s))) return CANNOT;
  const { f: fa } = a;
  const { f: fb } = b;
  const round = x.round;
  return {
    d: s,
    f: (c) => {
      const u = fa(c);
      const v = fb(c);
      if (u === undefined || v === undefined) return undefined;
      let n = safe(u * ma);
      let m = safe(v * mb);
      if (m === 0) return undefined;
      if (m < 0) [n, m] = [-n, -m];
      if (Number.isNaN(n) || Number.isNaN(m)) return Number.NaN;
      if (round === 'half-up') {
        n = safe(2 * n + m);
        m = safe(2 * m);
        if (Number.isNaN(n) || Number.isNaN(m)) return Number.NaN;
      } else if (round === 'ceil') n = -n;
      // ⌊n ÷ m⌋ for m > 0: the float quotient is within one of it, and the remainder puts it right.
      let t = Math.floor(n / m);
      const r = n - t * m;
      if (r < 0) t -= 1;
      else if (r >= m) t += 1;
      return round === 'ceil' ? -t : t;
    },
  };
}

/** The condition as a closure over safe integers. @internal */
export function fastBool(x: RBool): FastBool {
  switch (x.k) {
    case 'const': {
      const v = x.value ? 1 : 0;
      return () => v;
    }
    case 'given': {
      const name = x.name;
      return (c) => (present(c[name]) ? 1 : 0);
    }
    case 'flag': {
      const name = x.name;
      return (c) => {
        const v = c[name];
        return typeof v === 'boolean' ? (v ? 1 : 0) : 3;
      };
    }
    case 'not': {
      const f = fastBool(x.x);
      return (c) => {
        const v = f(c);
        return v === 1 ? 0 : v === 0 ? 1 : v;
      };
    }
    case 'and':
    case 'or': {
      const fs = x.terms.map(fastBool);
      const decisive = x.k === 'or' ? 1 : 0;
      return (c) => {
        let r = 1 - decisive;
        for (const f of fs) {
          const v = f(c);
          if (v === decisive) return v;
          if (v === -1 || r === -1) r = -1;
          else if (v === 3) r = 3;
        }
        return r;
      };
    }
    default: {
      const a = fastNum(x.a);
      const b = fastNum(x.b);
      // a/da against b/db: a·db against b·da.
      const ma = toSafe(b.d);
      const mb = toSafe(a.d);
      const { f: fa } = a;
      const { f: fb } = b;
      const op = x.k;
      return (c) => {
        const u = fa(c);
        const v = fb(c);
        if (u === undefined || v === undefined) return 3;
        const l = safe(u * ma);
        const r = safe(v * mb);
        if (Number.isNaN(l) || Number.isNaN(r)) return -1;
        return (op === 'ge' ? l >= r : op === 'gt' ? l > r : op === 'le' ? l <= r : op === 'lt' ? l < r : l === r) ? 1 : 0;
      };
    }
  }
}

export { floorDiv };
