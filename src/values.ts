/**
 * The value formats every layer reads: years, plain decimal numerals and
 * calendar days. One place, below the policy data, the rules, the evaluation
 * and the CLI, so that no inner layer imports an outer one to share them.
 * @internal
 */

/** Years the library accepts, inclusive. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

/** A plain decimal numeral: digits, an optional point and more digits, no sign but `+`, no exponent. */
export const PLAIN_DECIMAL = /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/;

import { groupDigits } from './present/format.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An ISO `'YYYY-MM-DD'` string as a local-midnight Date, or `undefined` when
 * it is not in that form or not a day of the calendar (`'2013-02-30'`).
 */
export function calendarDay(iso: string): Date | undefined {
  const m = ISO_DAY.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(y, mo - 1, d);
  // A day past the month's end rolls over into the next month, changing the date; a month past 12 or of 0 changes
  // the year, as does a year below 100 (which Date reads as 19xx). So year and date together tell a real day.
  return day.getFullYear() === y && day.getDate() === d ? day : undefined;
}

/** Whether `iso` has the form `'YYYY-MM-DD'` (a day of the calendar or not). */
export const looksLikeIsoDay = (iso: string): boolean => ISO_DAY.test(iso);

/** A Date's local calendar day as `'YYYY-MM-DD'`. */
export function isoDay(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/**
 * A Decimal's value as a plain decimal numeral (with a leading '-' when negative), or undefined when it is not a
 * finite Decimal of sensible size. Checked before anything is computed: a look-alike object, one whose methods
 * throw, or `1e300000000` (whose digits would fill the memory) is refused, never followed.
 */
export function decimalText(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const d = v as { e?: unknown; isFinite?: unknown; toFixed?: unknown };
  if (typeof d.e !== 'number' || !(Math.abs(d.e) <= 1000) || typeof d.isFinite !== 'function' || typeof d.toFixed !== 'function') return undefined;
  try {
    if ((d.isFinite as () => unknown).call(v) !== true) return undefined;
    const text = (d.toFixed as () => unknown).call(v);
    if (typeof text !== 'string' || text.length > 2100 || !PLAIN_DECIMAL.test(text.replace(/^-/, ''))) return undefined;
    return /^-0*(?:\.0*)?$/.test(text) ? text.slice(1) : text; // -0 is 0
  } catch {
    return undefined;
  }
}

/** A plain decimal numeral with its whole part grouped by thousands: '1350000' → '1,350,000', '30000.5' → '30,000.5'. */
export const groupThousands = (plain: string): string => groupDigits(plain);
