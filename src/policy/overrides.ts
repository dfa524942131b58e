/**
 * Validation of parameter overrides (zod/mini) and their merge onto the
 * defaults. Nothing here mutates its input or the defaults.
 */
import * as z from 'zod/mini';
import { Decimal } from 'decimal.js';
import { PolicyInputError, describeValue, type PolicyInputIssue } from '../errors.js';
import { YEAR_MAX, YEAR_MIN } from '../rules/input.js';
import { closest } from './names.js';
import { PLAIN_DECIMAL } from '../rules/input-amount.js';
import { DEFAULT_PARAMETERS, PARAMETER_REFERENCES, deepFreeze, type ExactValue, type Parameters } from './parameters.js';

/** Parameter overrides: any subset of {@link Parameters}; fractions may be numbers or decimal strings. */
export type ParameterOverrides = {
  readonly [K in keyof Parameters]?: Parameters[K] extends object
    ? { readonly [L in keyof Parameters[K]]?: Parameters[K][L] extends ExactValue ? ExactValue : Parameters[K][L] }
    : Parameters[K];
};

function exact(v: unknown): Decimal | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return new Decimal(v);
  if (typeof v === 'string' && v.length <= 50 && PLAIN_DECIMAL.test(v)) return new Decimal(v);
  return undefined;
}

/** A leaf: a predicate and the words for what it allows. */
function leaf(allowed: string, ok: (v: unknown) => boolean) {
  return z.optional(
    z.custom<ExactValue>(ok, { error: (iss) => `expected ${allowed}, got ${describeValue(iss.input)}` }),
  );
}
const int = (min: number, max: number, what: string) =>
  leaf(what, (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max);
const decimal = (what: string, ok: (d: Decimal) => boolean) =>
  leaf(what, (v) => {
    const d = exact(v);
    return d !== undefined && ok(d);
  });
const oneOf = (values: readonly string[]) =>
  leaf(`one of ${values.map((v) => `'${v}'`).join(', ')}`, (v) => typeof v === 'string' && values.includes(v));

const year = /* @__PURE__ */ int(YEAR_MIN, YEAR_MAX, `a whole-number year from ${YEAR_MIN} to ${YEAR_MAX}`);
const positiveCount = /* @__PURE__ */ int(1, Number.MAX_SAFE_INTEGER, 'a whole number ≥ 1');
const share = /* @__PURE__ */ decimal('a share from 0 to 1 (number or decimal string)', (d) => d.gte(0) && d.lte(1));
const positiveShare = /* @__PURE__ */ decimal('a share above 0 and at most 1 (number or decimal string)', (d) => d.gt(0) && d.lte(1));
const positive = /* @__PURE__ */ decimal('a number above 0 (number or decimal string)', (d) => d.gt(0));
const nonNegative = /* @__PURE__ */ decimal('a number ≥ 0 (number or decimal string)', (d) => d.gte(0));

const group = <S extends z.core.$ZodLooseShape>(shape: S) => z.optional(z.strictObject(shape));

const schema = /* @__PURE__ */ z.strictObject({
  baseYear: year,
  horizonYears: /* @__PURE__ */ int(1, 100, 'a whole number of years from 1 to 100'),
  targets: /* @__PURE__ */ group({ urbanShare: share, ruralShare: share }),
  sizing: /* @__PURE__ */ group({ households: positiveCount, residents: positiveCount, tolerance: share }),
  rooms: /* @__PURE__ */ group({ m2Per100Residents: positive, m2Per100Households: positive }),
  staffing: /* @__PURE__ */ group({ householdsPerWorker: positiveCount, rounding: /* @__PURE__ */ oneOf(['ceil', 'floor', 'half-up']) }),
  rollout: /* @__PURE__ */ group({ startYear: year, sharePerYear: positiveShare, mode: /* @__PURE__ */ oneOf(['share-of-all', 'share-of-remaining']) }),
  funding: /* @__PURE__ */ group({ firstGrowthYear: year, growthRate: nonNegative, mode: /* @__PURE__ */ oneOf(['fixed-increment', 'compound']) }),
  streetSubsidy: /* @__PURE__ */ group({ minimumPerCommunityPerYear: nonNegative, proration: /* @__PURE__ */ oneOf(['none', 'by-days']) }),
  developer: /* @__PURE__ */ group({ thresholdM2: positive, boundary: /* @__PURE__ */ oneOf(['in-kind', 'funds']), fundsRate: share }),
});

function allowedAt(path: readonly PropertyKey[]): string[] {
  const prefix = path.length ? `${path.join('.')}.` : '';
  const names = Object.keys(PARAMETER_REFERENCES)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length).split('.')[0]!);
  return [...new Set(names)];
}

function toIssues(error: z.core.$ZodError): PolicyInputIssue[] {
  const issues: PolicyInputIssue[] = [];
  for (const iss of error.issues) {
    const at = iss.path.map(String);
    if (iss.code === 'unrecognized_keys') {
      const allowed = allowedAt(iss.path);
      for (const key of iss.keys) {
        const guess = closest(key, allowed);
        issues.push({
          path: [...at, key].join('.'),
          message: `unknown parameter${guess ? ` (did you mean "${guess}"?)` : ''}; allowed here: ${allowed.join(', ')}`,
        });
      }
    } else if (iss.code === 'invalid_type') {
      issues.push({
        path: at.join('.'),
        message: `expected an object of parameters (${allowedAt(iss.path).join(', ')}), got ${describeValue(iss.input)}`,
      });
    } else {
      issues.push({ path: at.join('.'), message: iss.message });
    }
  }
  return issues;
}

function normalise(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'number' || (typeof v === 'string' && PLAIN_DECIMAL.test(v))) {
    const d = new Decimal(v);
    return d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() : d.toString();
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
  const parsed = schema.safeParse(overrides, { reportInput: true });
  if (!parsed.success) throw new PolicyInputError(toIssues(parsed.error), 'createPolicy');
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(DEFAULT_PARAMETERS)) {
    const given = (parsed.data as Record<string, unknown>)[key];
    if (typeof value === 'object') {
      const groupValue: Record<string, unknown> = { ...value };
      if (given) for (const [k, v] of Object.entries(given)) if (v !== undefined) groupValue[k] = normalise(v);
      merged[key] = groupValue;
    } else {
      merged[key] = given === undefined ? value : normalise(given);
    }
  }
  const p = merged as unknown as Parameters;
  if (p.funding.firstGrowthYear <= p.baseYear) {
    throw new PolicyInputError(
      [
        {
          path: 'funding.firstGrowthYear',
          message: `expected a year after baseYear (${p.baseYear}): the fund grows from the year after its base (A.4.3), got ${p.funding.firstGrowthYear}`,
        },
      ],
      'createPolicy',
    );
  }
  return deepFreeze(p);
}
