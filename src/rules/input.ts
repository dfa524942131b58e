/**
 * Validation of rule inputs. Every rule reads its input through a
 * {@link Checker}, which collects every problem and throws one
 * {@link PolicyInputError} listing them all, before any arithmetic runs.
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { YEAR_MAX, YEAR_MIN } from '../values.js';
import { PolicyInputError, describeValue, type PolicyInputIssue } from '../errors.js';


/** A money amount or an area: a finite number ≥ 0, a plain decimal string such as `'199999.5'`, or a Decimal. */
export type AmountInput = number | string | Decimal;
/** A calendar date: an ISO `'YYYY-MM-DD'` string or a valid `Date` (read as its local calendar day). */
export type DateInput = string | Date;

const COUNT = 'a whole number ≥ 0 (a safe integer)';
const YEAR = `a whole-number year from ${YEAR_MIN} to ${YEAR_MAX}`;

/** Collects the problems of one input object. */
export class Checker {
  readonly issues: PolicyInputIssue[] = [];
  constructor(readonly context: string) {}

  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** Throw when any problem was found. */
  done(): void {
    if (this.issues.length > 0) throw new PolicyInputError(this.issues, this.context);
  }

  /** Read a plain object whose keys are all in `allowed`; throws at once when it is not an object. */
  object(input: unknown, allowed: readonly string[]): Readonly<Record<string, unknown>> {
    if (typeof input !== 'object' || input === null || Array.isArray(input) || input instanceof Date) {
      throw new PolicyInputError(
        [{ path: '', message: `expected an object with ${allowed.join(', ')}, got ${describeValue(input)}` }],
        this.context,
      );
    }
    for (const key of Object.keys(input)) {
      if (!allowed.includes(key)) {
        this.fail(key, `unknown field (allowed: ${allowed.join(', ')})`);
      }
    }
    return input as Record<string, unknown>;
  }

  count(value: unknown, path: string): number {
    if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
    this.fail(path, `expected ${COUNT}, got ${describeValue(value)}`);
    return 0;
  }

  optionalCount(value: unknown, path: string): number | undefined {
    return value === undefined ? undefined : this.count(value, path);
  }

  year(value: unknown, path: string): number {
    if (Number.isInteger(value) && (value as number) >= YEAR_MIN && (value as number) <= YEAR_MAX) return value as number;
    this.fail(path, `expected ${YEAR}, got ${describeValue(value)}`);
    return YEAR_MIN;
  }

  optionalYear(value: unknown, path: string): number | undefined {
    return value === undefined ? undefined : this.year(value, path);
  }

}
