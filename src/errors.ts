/**
 * One problem found in an input: where it is and what is wrong with it.
 */
export interface PolicyInputIssue {
  /** Dotted path of the offending field, e.g. `households` or `staffing.householdsPerWorker`. */
  readonly path: string;
  /** What was wrong and what is allowed, readable by a person. */
  readonly message: string;
}

/**
 * The only error this library throws on purpose: an input (to a rule or to
 * `createPolicy`) that the policy cannot be applied to.
 *
 * `issues` lists every problem found, each with the path of the field and a
 * message naming what it got and what is allowed.
 *
 * @example
 * ```ts
 * const error = (() => { try { requiredStaff({ households: -1 }); } catch (e) { return e; } })();
 * error instanceof PolicyInputError; //=> true
 * error.issues[0].path; //=> 'households'
 * error.issues[0].message; //=> 'expected a whole number ≥ 0 (a safe integer), got -1'
 * ```
 */
export class PolicyInputError extends Error {
  /** Every problem found, never empty. */
  readonly issues: readonly PolicyInputIssue[];

  /**
   * @param issues - the problems found (at least one)
   * @param context - what was being validated, e.g. `requiredStaff`
   */
  constructor(issues: readonly PolicyInputIssue[], context?: string) {
    const list = issues.length > 0 ? issues : [{ path: '', message: 'invalid input' }];
    const head = context ? `Invalid input to ${context}` : 'Invalid input';
    super(`${head}: ${list.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'PolicyInputError';
    this.issues = Object.freeze(list.map((i) => Object.freeze({ path: i.path, message: i.message })));
  }
}

/**
 * Describe a value the way an error message should show it: strings quoted,
 * numbers as written, and the kind of anything else.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n (a bigint)`;
    case 'boolean':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (Array.isArray(value)) return 'an array';
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
      return 'an object';
  }
}
