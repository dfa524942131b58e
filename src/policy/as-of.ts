/**
 * Which parameters apply on a given day: every parameter carries the date
 * from which the policy applies it (the rollout from 2011, the fund growth
 * from 2012), so a policy can answer "as of" a date.
 */
import { PolicyInputError, refused } from '../errors.js';
import { date as DATE } from '../kinds.js';
import { calendarDay, isoDay, YEAR_MAX, YEAR_MIN } from '../values.js';
import { DEFAULT_PARAMETERS, PARAMETER_REFERENCES, startOf, valueAtPath, type ExactValue, type ParameterReference, type Parameters } from './parameters.js';
import { PARAMETERS } from '../provisions/parameters.js';

/** One parameter as of a day. */
export interface ParameterAsOf extends ParameterReference {
  /** Dotted path, e.g. `'funding.growthRate'`. */
  readonly path: string;
  readonly value: ExactValue | undefined;
  /** Whether the policy applies it on that day. */
  readonly inForce: boolean;
}

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
 * Every parameter of `p` with its reference and whether it applies on `date`.
 * @internal — use `policy.asOf(date)`.
 */
export function parametersAsOf(p: Parameters, date: string | Date, base: Parameters = DEFAULT_PARAMETERS): ParameterAsOf[] {
  const day = dayOf(date);
  return Object.entries(PARAMETER_REFERENCES)
    .filter(([path, ref]) => !ref.optional || valueAtPath(p, path) !== undefined)
    .map(([path, ref]) => {
      // One source for start dates: the year parameter the declaration names, as this policy sets it.
      const from = `${valueAtPath(p, startOf(path))}-01-01`;
      return { ...ref, path, value: valueInForce(p, base, path, day), from, inForce: from <= day };
    });
}

/**
 * A parameter's value on `day`: an amendment declared with a date on or before it replaces the first value,
 * unless this policy overrides the parameter (then its own value holds on every day).
 */
function valueInForce(p: Parameters, base: Parameters, path: string, day: string): ExactValue | undefined {
  const value = valueAtPath(p, path);
  if (value !== valueAtPath(base, path)) return value; // overridden: the policy's own value, on every day
  const declared = PARAMETERS.find((d) => d.path === path)!;
  let inForce = declared.values[0]?.value ?? value;
  for (const v of declared.values.slice(1)) if (v.from !== undefined && v.from <= day) inForce = v.value;
  return inForce;
}
