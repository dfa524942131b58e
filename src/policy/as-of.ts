/**
 * Which parameters apply on a given day: every parameter carries the date
 * from which the policy applies it (the rollout from 2011, the fund growth
 * from 2012), so a policy can answer "as of" a date.
 */
import { PolicyInputError, refused } from '../errors.js';
import { date as DATE } from '../kinds.js';
import { calendarDay, isoDay, YEAR_MAX, YEAR_MIN } from '../values.js';
import type { ParameterAsOf } from '../provisions/provision.js';
import { datedValueOn, startOf, valueAtPath, type DeclaredParameter, type ExactValue } from './parameters.js';

export type { ParameterAsOf };

/** A day as `'YYYY-MM-DD'` from an ISO string or a valid Date within the library's years, or a PolicyInputError. @internal */
export function dayOf(date: unknown, context = 'asOf'): string {
  // Days are compared as 'YYYY-MM-DD' text, which orders them only within four-digit years: the library's years.
  const day = typeof date === 'string' && calendarDay(date) ? date : date instanceof Date && !Number.isNaN(date.getTime()) ? isoDay(date) : undefined;
  const year = day === undefined ? NaN : Number(day.slice(0, day.indexOf('-', 1)));
  if (day !== undefined && year >= YEAR_MIN && year <= YEAR_MAX) return day;
  throw new PolicyInputError(
    [
      refused(
        context === 'asOf' ? 'date' : 'on',
        DATE.code,
        { en: `${DATE.expected.en} or a valid Date, from ${YEAR_MIN} to ${YEAR_MAX}`, zh: `${YEAR_MIN} 至 ${YEAR_MAX} 年间${DATE.expected.zh}或有效的 Date` },
        date,
      ),
    ],
    context,
  );
}

/**
 * Every parameter of `p` (the policy's parameters, `declared` its declarations, `base` the declared values it
 * started from) with its reference and whether it applies on `date`.
 * @internal — use `policy.asOf(date)`.
 */
export function parametersAsOf(p: object, date: string | Date, declared: readonly DeclaredParameter[], base: object): ParameterAsOf[] {
  const day = dayOf(date);
  return declared
    .filter((d) => d.values.length > 0 || valueAtPath(p, d.path) !== undefined)
    .map((d) => {
      // One source for start dates: the year parameter the declaration names, as this policy sets it.
      const from = `${valueAtPath(p, startOf(declared, d.path))}-01-01`;
      const ref = { clause: d.clause, provisions: d.provisions, unit: d.unit, from };
      const [value, cites] = valueInForce(p, base, d, day);
      return {
        path: d.path,
        ...(d.values.length === 0 ? { ...ref, optional: true } : ref),
        value,
        inForce: from <= day,
        ...(cites && { cites: [cites] }),
      };
    });
}

/**
 * A parameter's value on `day`: an amendment declared with a date on or before it replaces the first value,
 * unless this policy overrides the parameter (then its own value holds on every day); with the document that set
 * it, when that is not the policy's own.
 */
function valueInForce(p: object, base: object, d: DeclaredParameter, day: string) {
  const value = valueAtPath(p, d.path);
  if (value !== valueAtPath(base, d.path)) return [value, undefined] as const; // overridden: the policy's own value, on every day
  const v = datedValueOn(d.values, day);
  return [(v?.value ?? value) as ExactValue | undefined, v?.cites] as const;
}
