/**
 * The findings of `evaluateCity`'s list made the cheap way where the check's formula allows (issue 24): what a
 * formula check reports (expected, actual, shortfall) is read from its fast path, integers over a denominator fixed
 * per policy, rather than worked out again in exact rationals; a count that is whole stays a number, and an amount
 * becomes a Decimal straight from its digits when the denominator is a power of ten. Whenever the fast path cannot
 * say (a value unknown, too large for the integers, or a denominator that is not a power of ten) the finding is made
 * the exact way, so every finding is the same plain object, field for field, as the exact one.
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { approxDiv, D } from '../decimal.js';
import type { FormulaConstants } from '../formula/check.js';
import type { Fields } from '../formula/evaluate.js';
import { type FastBool, type FastNum, fastBool, fastNum } from '../formula/fast.js';
import type { CommunityRecord } from '../provisions/records.js';
import type { Detail, Finding, FindingValue } from '../provisions/provision.js';
import { type Compiled, plainCommunityFinding, STATUS } from './evaluate.js';

const MAX = Number.MAX_SAFE_INTEGER;
/** The shortfall of a failing finding whose shortfall is unknown, as the exact way gives it. */
const ZERO = /* @__PURE__ */ new D(0);
/** What a value gives when the fast path cannot say it: the finding is then made the exact way. */
const NO = Symbol('no');

/** One value of a finding from the fast path, or NO. */
type Reader = (c: Fields) => FindingValue | typeof NO;

/** `s ÷ 10^p` as a Decimal, from its digits (s a safe integer). */
function scaled(s: number, p: number): Decimal {
  if (p === 0) return new D(s);
  const digits = String(Math.abs(s)).padStart(p + 1, '0');
  const cut = digits.length - p;
  return new D(`${s < 0 ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * `s ÷ d` as a Decimal, as the exact way gives it: exact when it terminates (d reduced has no prime factor but 2
 * and 5; from its digits, when they fit a safe integer, else NO), otherwise to 20 significant digits.
 */
function quotient(s: number, d: number): Decimal | typeof NO {
  if (d === 1) return new D(s);
  const g = gcd(Math.abs(s), d);
  let rest = d / g;
  let twos = 0;
  let fives = 0;
  while (rest % 2 === 0) [rest, twos] = [rest / 2, twos + 1];
  while (rest % 5 === 0) [rest, fives] = [rest / 5, fives + 1];
  if (rest !== 1) return approxDiv(s, d);
  const p = Math.max(twos, fives);
  const n = (s / g) * 2 ** (p - twos) * 5 ** (p - fives);
  return n <= MAX && n >= -MAX ? scaled(n, p) : NO;
}

/**
 * A number of the fast path as a finding's value: a whole count as a number, anything else a Decimal, and
 * `unknown` where the fast path has none (it has none exactly where the exact way has none: a field not given, a
 * division by zero, a condition unknown).
 */
function numReader(x: FastNum, count: boolean, unknown: FindingValue | Decimal): Reader | undefined {
  if (x.d < 1n || x.d > BigInt(MAX)) return undefined;
  const d = Number(x.d);
  const f = x.f;
  // The last Decimal made, by its integer: a policy's expected minimum (or tolerance) is one value for every
  // community, so it is made once and shared by their findings (a Decimal is immutable), not made for each.
  let lastS = Number.NaN;
  let last: Decimal | typeof NO = NO;
  return (c) => {
    const s = f(c);
    if (s === undefined) return unknown;
    if (!(s <= MAX && s >= -MAX)) return NO;
    // A whole count is a number (never −0); a fraction of a count, and any amount, is a Decimal.
    if (count && s % d === 0) return s / d || 0;
    // −0 (a field given as −0) is 0, as the exact way's rationals have it: never a Decimal −0.
    const z = s || 0;
    if (z === lastS) return last;
    last = quotient(z, d);
    lastS = z;
    return last;
  };
}

/** A condition of the fast path as a finding's value: true, false or null (unknown). */
function boolReader(x: FastBool): Reader {
  return (c) => {
    const v = x(c);
    return v === 1 ? true : v === 0 ? false : v === 3 ? null : NO;
  };
}

/** How one check's findings are made cheaply, or undefined when they are made the exact way. */
interface Cheap {
  readonly expected: Reader;
  readonly actual: Reader;
  /** The shortfall of a failing finding, as a Decimal, or NO. */
  readonly shortfall: (c: Fields) => Decimal | typeof NO;
}

/** Each community check's cheap reading, where its formula allows one. */
function cheapOf(k: Compiled): (Cheap | undefined)[] {
  return k.community.map((check, j) => {
    const per = k.per[j] as Partial<FormulaConstants> | undefined;
    const r = per?.resolved;
    if (check.formula === undefined || r === undefined || per?.fastShortfall === undefined) return undefined;
    const count = r.kind === 'count';
    const value = (v: typeof r.expected): Reader | undefined => ('bool' in v ? boolReader(fastBool(v.bool)) : numReader(fastNum(v.num), count, null));
    const expected = value(r.expected);
    const actual = value(r.actual);
    const short = numReader(per.fastShortfall, false, ZERO);
    if (expected === undefined || actual === undefined || short === undefined) return undefined;
    return { expected, actual, shortfall: short as Cheap['shortfall'] };
  });
}

/** Which community checks have their findings made the cheap way (for the tests). @internal */
export const cheapChecks = (k: Compiled): boolean[] => cheapOf(k).map((x) => x !== undefined);

/**
 * A maker of the findings of one evaluation: `make(c, j, code)` is the finding of community check `j` with status
 * code `code`, the same plain object as {@link plainCommunityFinding} gives.
 * @internal
 */
export function cheapFindings(k: Compiled): (c: CommunityRecord, j: number, code: number) => Finding {
  const cheap = cheapOf(k);
  const checks = k.community;
  const cites = checks.map((check) => k.kind(check.provision)?.cites);
  return (c, j, code) => {
    const how = cheap[j];
    if (how === undefined) return plainCommunityFinding(c, k, j, code);
    const f = c as unknown as Fields;
    const expected = how.expected(f);
    const actual = how.actual(f);
    const status = STATUS[code]!;
    const fail = status === 'fail';
    const shortfall = fail ? how.shortfall(f) : undefined;
    if (expected === NO || actual === NO || shortfall === NO) return plainCommunityFinding(c, k, j, code);
    const check = checks[j]!;
    const detail: Detail = shortfall === undefined ? { expected, actual } : { expected, actual, shortfall };
    const message = check.message(c, k.per[j], status === 'pass', detail);
    const { provision, clause } = check;
    const subject = c.id;
    const finding: Finding =
      shortfall === undefined
        ? { provision, clause, subject, status, expected, actual, message }
        : { provision, clause, subject, status, expected, actual, message, shortfall };
    const cited = cites[j];
    return cited ? { ...finding, cites: cited } : finding;
  };
}
