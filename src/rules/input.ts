/**
 * Validation of rule inputs. Every rule reads its input through a
 * {@link Checker}, which collects every problem and throws one
 * {@link PolicyInputError} listing them all, before any arithmetic runs.
 * The tests and the words come from the catalogue of kinds (../kinds.ts).
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { PolicyInputError, issue, refused, type IssueCode, type PolicyInputIssueInit, type Words } from '../errors.js';
import { count, names, year } from '../kinds.js';

/** A money amount or an area: a finite number ≥ 0, a plain decimal string such as `'199999.5'`, or a Decimal. */
export type AmountInput = number | string | Decimal;
/** A calendar date: an ISO `'YYYY-MM-DD'` string or a valid `Date` (read as its local calendar day). */
export type DateInput = string | Date;

/** Collects the problems of one input object. */
export class Checker {
  readonly issues: PolicyInputIssueInit[] = [];
  constructor(readonly context: string) {}

  /**
   * Record a problem. `message` is English words, or both languages; without a code the issue's code is
   * `out-of-range` (what a rule says of a value beside another: a year before the base year, an end before its start).
   */
  fail(path: string, message: string | Words, code: IssueCode = 'out-of-range'): void {
    const messages = typeof message === 'string' ? { en: message, zh: message } : message;
    this.issues.push({ path, code, message: messages.en, messages });
  }

  /** Record a value refused: "expected <expected>, got <value> (<note>)" in both languages. */
  refuse(path: string, code: IssueCode, expected: Words, value: unknown, note?: Words): void {
    this.issues.push(refused(path, code, expected, value, note));
  }

  /** Record a problem made by the catalogue's words. */
  add(i: PolicyInputIssueInit): void {
    this.issues.push(i);
  }

  /** Throw when any problem was found. */
  done(): void {
    if (this.issues.length > 0) throw new PolicyInputError(this.issues, this.context);
  }

  /**
   * Read a plain object whose keys are all in `allowed`; throws at once when it is not an object. A field's former
   * name (`former`: former → current, deprecated) is still taken, but not beside the current one.
   */
  object(input: unknown, allowed: readonly string[], former: Readonly<Record<string, string>> = {}): Readonly<Record<string, unknown>> {
    if (typeof input !== 'object' || input === null || Array.isArray(input) || input instanceof Date) {
      const fields = names(allowed);
      throw new PolicyInputError([refused('', 'not-an-object', { en: `an object with ${fields.en}`, zh: `含 ${fields.zh} 的对象` }, input)], this.context);
    }
    for (const key of Object.keys(input)) {
      const now = Object.hasOwn(former, key) ? former[key]! : undefined;
      if (now === undefined ? !allowed.includes(key) : Object.hasOwn(input, now))
        this.issues.push(issue(key, 'unknown-field', { expected: names(allowed), received: { en: JSON.stringify(key), zh: JSON.stringify(key) } }));
    }
    return input as Record<string, unknown>;
  }

  count(value: unknown, path: string): number {
    if (count.is(value)) return value as number;
    this.issues.push(refused(path, count.code, count.expected, value));
    return 0;
  }

  optionalCount(value: unknown, path: string): number | undefined {
    return value === undefined ? undefined : this.count(value, path);
  }

  year(value: unknown, path: string): number {
    if (year.is(value)) return value as number;
    this.issues.push(refused(path, year.code, year.expected, value));
    return 1900;
  }

  optionalYear(value: unknown, path: string): number | undefined {
    return value === undefined ? undefined : this.year(value, path);
  }
}
