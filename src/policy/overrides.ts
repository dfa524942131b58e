/**
 * Validation of parameter overrides and their merge onto the defaults.
 * Nothing here mutates its input or the defaults. (Hand-written rather than
 * zod: the root entry then loads no validator at all, which keeps a cold
 * import and a rule's bundle small; the dataset schema uses zod/mini.)
 */
import { Decimal } from 'decimal.js';
import { PolicyInputError, describeValue, type PolicyInputIssue } from '../errors.js';
import { decimalText, PLAIN_DECIMAL, YEAR_MAX, YEAR_MIN } from '../values.js';
import { closest } from './names.js';
import { DEFAULT_PARAMETERS, deepFreeze, type ExactValue, type Parameters } from './parameters.js';

/** Parameter overrides: any subset of {@link Parameters}; fractions may be numbers or decimal strings. */
export type ParameterOverrides = {
  readonly [K in keyof Parameters]?: Parameters[K] extends object
    ? { readonly [L in keyof Parameters[K]]?: Parameters[K][L] extends ExactValue | undefined ? ExactValue | Decimal : Parameters[K][L] }
    : Parameters[K];
};

function exact(v: unknown): Decimal | undefined {
  // A number is read as the decimal it shows; written out, it must fit the 50 characters a string may have (1e-60
  // would be stored as 62 characters that no later policy built from these parameters accepts).
  if (Number.isFinite(v)) return exact(new Decimal(v as number).toFixed());
  if (typeof v === 'string' && v.length <= 50 && PLAIN_DECIMAL.test(v)) return new Decimal(v);
  // A Decimal, from this library or the caller's own decimal.js, as the rules accept it: read through its plain digits.
  const text = decimalText(v);
  return text === undefined || text.startsWith('-') ? undefined : exact(text);
}

/** A leaf: the words for what it allows, and the test. */
interface Leaf {
  readonly allowed: string;
  readonly ok: (v: unknown) => boolean;
}
const int = (min: number, max: number, allowed: string): Leaf => ({
  allowed,
  ok: (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max,
});
const decimal = (allowed: string, ok: (d: Decimal) => boolean): Leaf => ({
  allowed,
  ok: (v) => {
    const d = exact(v);
    return d !== undefined && ok(d);
  },
});
const oneOf = (values: readonly string[]): Leaf => ({
  allowed: `one of ${values.map((v) => `'${v}'`).join(', ')}`,
  ok: (v) => values.includes(v as string),
});

const year = int(YEAR_MIN, YEAR_MAX, `a whole-number year from ${YEAR_MIN} to ${YEAR_MAX}`);
const positiveCount = int(1, Number.MAX_SAFE_INTEGER, 'a whole number ≥ 1');
const share = decimal('a share from 0 to 1 (number or decimal string)', (d) => d.gte(0) && d.lte(1));
const positiveShare = decimal('a share above 0 and at most 1 (number or decimal string)', (d) => d.gt(0) && d.lte(1));
const positive = decimal('a number above 0 (number or decimal string)', (d) => d.gt(0));
const nonNegative = decimal('a number ≥ 0 (number or decimal string)', (d) => d.gte(0));

type Spec = ReadonlyMap<string, Leaf | ReadonlyMap<string, Leaf>>;
const group = (entries: Record<string, Leaf>) => new Map(Object.entries(entries));

/** What every override may be (a Map, so that no key such as `__proto__` finds an inherited entry). */
const SPEC: Spec = /* @__PURE__ */ new Map<string, Leaf | ReadonlyMap<string, Leaf>>([
  ['baseYear', year],
  ['horizonYears', int(1, 100, 'a whole number of years from 1 to 100')],
  ['targets', group({ urbanShare: share, ruralShare: share, interim: oneOf(['straight-path', 'none']) })],
  ['sizing', group({ households: positiveCount, residents: positiveCount, tolerance: share })],
  ['rooms', group({ m2Per100Residents: positive, m2Per100Households: positive })],
  ['staffing', group({ householdsPerWorker: positiveCount, rounding: oneOf(['ceil', 'floor', 'half-up']) })],
  ['rollout', group({ startYear: year, sharePerYear: positiveShare, mode: oneOf(['share-of-all', 'share-of-remaining']) })],
  ['funding', group({ firstGrowthYear: year, growthRate: nonNegative, mode: oneOf(['fixed-increment', 'compound']) })],
  ['streetSubsidy', group({ minimumPerCommunityPerYear: nonNegative, proration: oneOf(['none', 'by-days']) })],
  ['developer', group({ thresholdM2: positive, boundary: oneOf(['in-kind', 'funds']), fundsRate: share })],
]);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Map);

function unknownKey(path: string, key: string, allowed: readonly string[]): PolicyInputIssue {
  const guess = closest(key, allowed);
  return { path: path ? `${path}.${key}` : key, message: `unknown parameter${guess ? ` (did you mean "${guess}"?)` : ''}; allowed here: ${allowed.join(', ')}` };
}

/** Every problem of an overrides object. @internal */
export function overrideIssues(overrides: unknown): PolicyInputIssue[] {
  const top = [...SPEC.keys()];
  if (!isPlainObject(overrides)) return [{ path: '', message: `expected an object of parameters (${top.join(', ')}), got ${describeValue(overrides)}` }];
  const issues: PolicyInputIssue[] = [];
  for (const key of Object.keys(overrides)) {
    const spec = SPEC.get(key);
    const value = overrides[key];
    if (spec === undefined) issues.push(unknownKey('', key, top));
    else if (spec instanceof Map) {
      const keys = [...spec.keys()];
      if (value === undefined) continue;
      if (!isPlainObject(value)) {
        issues.push({ path: key, message: `expected an object of parameters (${keys.join(', ')}), got ${describeValue(value)}` });
        continue;
      }
      for (const inner of Object.keys(value)) {
        const leaf = spec.get(inner);
        if (leaf === undefined) issues.push(unknownKey(key, inner, keys));
        else if (value[inner] !== undefined && !leaf.ok(value[inner])) {
          issues.push({ path: `${key}.${inner}`, message: `expected ${leaf.allowed}, got ${describeValue(value[inner])}` });
        }
      }
    } else if (value !== undefined && !(spec as Leaf).ok(value)) {
      issues.push({ path: key, message: `expected ${(spec as Leaf).allowed}, got ${describeValue(value)}` });
    }
  }
  return issues;
}

/** A validated number as the parameters hold it: a safe integer as a number, anything else as its exact decimal string. */
function normalise(v: unknown): unknown {
  if (Decimal.isDecimal(v)) return normalise(decimalText(v));
  if (typeof v === 'number' || PLAIN_DECIMAL.test(v as string)) {
    const d = new Decimal(v as Decimal.Value);
    return d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() + 0 : d.toFixed(); // plain notation, never 1e+49; -0 is 0
  }
  return v;
}

/**
 * Validate `overrides` and merge them onto {@link DEFAULT_PARAMETERS}. Returns
 * a new deeply frozen parameter set.
 *
 * @param overrides - any subset of the parameters
 * @returns the merged parameters
 * @throws {@link PolicyInputError} for an unknown key, a value of the wrong kind or out of range
 * @example
 * ```ts
 * resolveParameters({ staffing: { householdsPerWorker: 500 } }).staffing;
 * //=> { householdsPerWorker: 500, rounding: 'ceil' }
 * ```
 */
export function resolveParameters(overrides?: ParameterOverrides): Parameters {
  if (overrides === undefined) return DEFAULT_PARAMETERS;
  const issues = overrideIssues(overrides);
  if (issues.length) throw new PolicyInputError(issues, 'createPolicy');
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(DEFAULT_PARAMETERS)) {
    const given = Object.hasOwn(overrides, key) ? (overrides as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'object') {
      const groupValue: Record<string, unknown> = { ...value };
      if (given) for (const [k, v] of Object.entries(given)) if (v !== undefined) groupValue[k] = normalise(v);
      // Parameters that the policy leaves unset (m2Per100Households) come only from the overrides.
      merged[key] = groupValue;
    } else {
      merged[key] = given === undefined ? value : normalise(given);
    }
  }
  const p = merged as unknown as Parameters;
  const crossIssues: PolicyInputIssue[] = [];
  if (p.funding.firstGrowthYear <= p.baseYear) {
    crossIssues.push({
      path: 'funding.firstGrowthYear',
      message: `expected a year after baseYear (${p.baseYear}): the fund grows from the year after its base (A.4.3), got ${p.funding.firstGrowthYear}`,
    });
  }
  // Every function takes years up to YEAR_MAX, so the deadline must fall by then (the audit and the targets ask for it).
  const deadline = p.baseYear + p.horizonYears - 1;
  if (deadline > YEAR_MAX) {
    crossIssues.push({
      path: 'horizonYears',
      message: `expected at most ${YEAR_MAX - p.baseYear + 1} years from baseYear ${p.baseYear}, so that the deadline falls by ${YEAR_MAX}; got ${p.horizonYears} (deadline ${deadline})`,
    });
  }
  if (crossIssues.length) throw new PolicyInputError(crossIssues, 'createPolicy');
  return deepFreeze(p);
}
