/**
 * A resolved formula evaluated exactly on one record, in rationals of big
 * integers: the meaning of a formula, which the fast path (`fast.ts`) is held
 * to and falls back on.
 */
import { calendarDay } from '../values.js';
import { addQ, compareQ, divQ, mulQ, parseQ, q, type RRule, ruleInputOf, ruleOutput, subQ, type Q, type RBool, type RNum } from './resolve.js';

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

// A rule's result on a record, made once however often the formula reads it (the verdict, the values, the shortfall,
// the route): by the rule and its input, so that two outputs of one call (a project's route and its rooms) share it.
const RESULTS = new WeakMap<object, Map<string, Readonly<Record<string, unknown>>>>();
/** The rule's result on the record, or undefined when an input it needs is unknown. */
function ruleResult(x: RRule<'rule' | 'ruleIs'>, c: Fields): Readonly<Record<string, unknown>> | undefined {
  const input = ruleInputOf(
    x.inputs,
    x.inputs.map((i) => exactNum(i.x, c)),
  );
  if (input === undefined) return undefined;
  let made = RESULTS.get(c);
  if (made === undefined) RESULTS.set(c, (made = new Map()));
  const key = `${x.rule}\u0000${JSON.stringify(input)}`;
  let result = made.get(key);
  if (result === undefined) made.set(key, (result = x.call(input)));
  return result;
}

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
    case 'rule': {
      const r = ruleResult(x, c);
      return r === undefined ? undefined : ruleOutput(r[x.output]);
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
    case 'atLeast': {
      const low = exactNum(x.low, c);
      const b = exactNum(x.b, c);
      if (low === undefined || b === undefined) return undefined;
      if (compareQ('ge', low, b)) return true;
      const high = exactNum(x.high, c);
      return high !== undefined && compareQ('lt', high, b) ? false : undefined;
    }
    case 'ruleIs': {
      const r = ruleResult(x, c);
      return r === undefined ? undefined : r[x.output] === x.value;
    }
    default: {
      const a = exactNum(x.a, c);
      const b = exactNum(x.b, c);
      return a === undefined || b === undefined ? undefined : compareQ(x.k, a, b);
    }
  }
}
