/**
 * Reading of calendar dates. Apart from ./input.ts so that only the rules
 * that count days pull in date-fns.
 * @internal
 */
import { isValid } from 'date-fns/isValid';
import { describeValue } from '../errors.js';
import { calendarDay, looksLikeIsoDay } from '../values.js';
import type { Checker } from './input.js';

const DATE = "an ISO date 'YYYY-MM-DD' or a valid Date";

/** Read a calendar day, as a local-midnight Date. */
export function date(c: Checker, value: unknown, path: string): Date {
  if (typeof value === 'string') {
    if (looksLikeIsoDay(value)) {
      const day = calendarDay(value);
      if (day) return day;
      c.fail(path, `expected ${DATE}, got ${describeValue(value)}, which is not a day of the calendar`);
      return new Date(NaN);
    }
  } else if (value instanceof Date && isValid(value)) {
    return new Date(value.getFullYear(), value.getMonth(), value.getDate());
  }
  c.fail(path, `expected ${DATE}, got ${describeValue(value)}`);
  return new Date(NaN);
}

/** {@link date}, or undefined when the field is absent. */
export function optionalDate(c: Checker, value: unknown, path: string): Date | undefined {
  return value === undefined ? undefined : date(c, value, path);
}
