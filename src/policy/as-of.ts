/**
 * Which parameters apply on a given day: every parameter carries the date
 * from which the policy applies it (the rollout from 2011, the fund growth
 * from 2012), so a policy can answer "as of" a date.
 */
import { PolicyInputError, refused } from '../errors.js';
import { date as DATE } from '../kinds.js';
import { calendarDay, isoDay, YEAR_MAX, YEAR_MIN } from '../values.js';
import { PARAMETER_REFERENCES, type ExactValue, type ParameterReference, type Parameters } from './parameters.js';

/** One parameter as of a day. */
export interface ParameterAsOf extends ParameterReference {
  /** Dotted path, e.g. `'funding.growthRate'`. */
  readonly path: string;
  readonly value: ExactValue | undefined;
  /** Whether the policy applies it on that day. */
  readonly inForce: boolean;
}

function dayOf(date: unknown): string {
  // Days are compared as 'YYYY-MM-DD' text, which orders them only within four-digit years: the library's years.
  const day = typeof date === 'string' && calendarDay(date) ? date : date instanceof Date && !Number.isNaN(date.getTime()) ? isoDay(date) : undefined;
  const year = day === undefined ? NaN : Number(day.slice(0, day.indexOf('-', 1)));
  if (day !== undefined && year >= YEAR_MIN && year <= YEAR_MAX) return day;
  throw new PolicyInputError([refused('date', DATE.code, { en: `${DATE.expected.en} or a valid Date, from ${YEAR_MIN} to ${YEAR_MAX}`, zh: `${YEAR_MIN} 至 ${YEAR_MAX} 年间${DATE.expected.zh}或有效的 Date` }, date)], 'asOf');
}

function valueAt(p: Parameters, path: string): ExactValue | undefined {
  let node: unknown = p;
  // Every parameter path's parent group exists in a validated parameter set.
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node as ExactValue | undefined;
}

/**
 * Every parameter of `p` with its reference and whether it applies on `date`.
 * @internal — use `policy.asOf(date)`.
 */
export function parametersAsOf(p: Parameters, date: string | Date): ParameterAsOf[] {
  const day = dayOf(date);
  return Object.entries(PARAMETER_REFERENCES)
    .filter(([path, ref]) => !ref.optional || valueAt(p, path) !== undefined)
    .map(([path, ref]) => {
      const from = path.startsWith('rollout.')
        ? `${p.rollout.startYear}-01-01`
        : path.startsWith('funding.')
          ? `${p.funding.firstGrowthYear}-01-01`
          : `${p.baseYear}-01-01`;
      return { ...ref, path, value: valueAt(p, path), from, inForce: from <= day };
    });
}
