import { showShare } from './present/format.js';
import { Decimal } from 'decimal.js';

/**
 * The library's own Decimal constructor: a clone of decimal.js with a fixed
 * configuration, so a consumer's `Decimal.set(...)` never changes our results.
 * Its instances share decimal.js's prototype, so `x instanceof Decimal` holds.
 *
 * - precision 1000 significant digits: every product, sum and power the rules
 *   compute is exact (none of them comes near that length);
 * - no exponential notation in `toString()`.
 * @internal
 */
export const D = /* @__PURE__ */ Decimal.clone({
  precision: 1000,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** Significant digits kept when a quotient does not terminate (see {@link ratio}). */
export const QUOTIENT_DIGITS = 20;

/** A clone that divides to {@link QUOTIENT_DIGITS} digits, for quotients that do not terminate. @internal */
export const D20 = /* @__PURE__ */ Decimal.clone({ precision: QUOTIENT_DIGITS, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

/** `a ÷ b` to {@link QUOTIENT_DIGITS} significant digits, as a {@link D} instance. @internal */
export function approxDiv(a: Decimal.Value, b: Decimal.Value): Decimal {
  return new D(new D20(a).div(b));
}

/** Constructors that divide to a given number of digits, made once each (a clone is a new constructor: slow to make). */
const CLONES = /* @__PURE__ */ new Map<number, Decimal.Constructor>();
function withDigits(digits: number): Decimal.Constructor {
  let C = CLONES.get(digits);
  if (C === undefined) CLONES.set(digits, (C = DX.clone({ precision: digits })));
  return C;
}

/**
 * `numerator ÷ denominator` of two integers of any size (denominator > 0): exact when it terminates, otherwise to
 * {@link QUOTIENT_DIGITS} significant digits (and `exact` is false). Decided in integers, never through floats.
 * @internal
 */
export function bigRatio(numerator: bigint, denominator: bigint): { value: Decimal; exact: boolean } {
  let a = numerator < 0n ? -numerator : numerator;
  let b = denominator;
  while (b !== 0n) [a, b] = [b, a % b];
  let q = denominator / (a === 0n ? 1n : a);
  while (q % 2n === 0n) q /= 2n;
  while (q % 5n === 0n) q /= 5n;
  const exact = q === 1n;
  // A terminating quotient has the numerator's digits plus at most one per factor 2 or 5 of the divisor (fewer than
  // 3.33 per decimal digit of it): a precision above that divides exactly.
  const digits = numerator.toString().length + 4 * denominator.toString().length + 10;
  const value = exact
    ? exactly(new (withDigits(digits))(numerator.toString()).div(denominator.toString()))
    : approxDiv(numerator.toString(), denominator.toString());
  return { value, exact };
}

/**
 * `numerator ÷ denominator` of two safe integers as a Decimal: exact when the
 * quotient terminates, otherwise rounded half-up to {@link QUOTIENT_DIGITS}
 * significant digits (and `exact` is false). {@link bigRatio} for safe integers.
 * @internal
 */
export function ratio(numerator: number, denominator: number): { value: Decimal; exact: boolean } {
  return bigRatio(BigInt(numerator), BigInt(denominator));
}

/**
 * A clone for sums, differences, products and whole powers that must stay
 * exact however many digits they reach (a share of 12 digits to the 90th power
 * has over a thousand). Never divide with it: a quotient that does not
 * terminate would run to its precision.
 * @internal
 */
export const DX = /* @__PURE__ */ Decimal.clone({ precision: 1e9, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

/** A {@link DX} result as a {@link D} instance (the constructor keeps every digit). @internal */
export function exactly(x: Decimal): Decimal {
  return new D(x.toString());
}

/** `x^n` for a whole n ≥ 0, exact however many digits it needs. @internal */
export function exactPow(x: Decimal.Value, n: number): Decimal {
  return exactly(new DX(x).pow(n));
}

/**
 * A share as a percentage for a person to read: 0.385625 → '38.6 %', 0.9 → '90 %'. Display only (one decimal at most;
 * a share too small for that keeps two significant digits rather than showing 0). @internal
 */
export function percentText(share: Decimal.Value): string {
  return showShare(new D(share)).text;
}

export { Decimal };
