/**
 * Reading of calendar dates. Apart from ./input.ts so that only the rules
 * that count days pull in the date's reading.
 * @internal
 */
import { refused } from '../errors.js';
import { date as DATE } from '../kinds.js';
import { calendarDay, looksLikeIsoDay } from '../values.js';
import type { Checker } from './input.js';

/** Read a calendar day, as a local-midnight Date. */
export function date(c: Checker, value: unknown, path: string): Date {
  if (DATE.is(value))
    return typeof value === 'string' ? calendarDay(value)! : new Date((value as Date).getFullYear(), (value as Date).getMonth(), (value as Date).getDate());
  const note = typeof value === 'string' && looksLikeIsoDay(value) ? { en: 'not a day of the calendar', zh: '日历上没有这一天' } : undefined;
  c.add(refused(path, DATE.code, DATE.expected, value, note));
  return new Date(NaN);
}

/** {@link date}, or undefined when the field is absent. */
export function optionalDate(c: Checker, value: unknown, path: string): Date | undefined {
  return value === undefined ? undefined : date(c, value, path);
}
