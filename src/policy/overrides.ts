/**
 * Validation of parameter overrides and their merge onto the defaults.
 * Nothing here mutates its input or the defaults. (Hand-written rather than
 * zod: the root entry then loads no validator at all, which keeps a cold
 * import and a rule's bundle small; the dataset schema uses zod/mini.)
 */
import { Decimal } from 'decimal.js';
import { PolicyInputError, issue, refused, type IssueCode, type PolicyInputIssueInit, type Words } from '../errors.js';
import { amount as AMOUNT, count as COUNT, names, oneOf, share as SHARE, year as YEAR, type Kind } from '../kinds.js';
import { decimalText, PLAIN_DECIMAL, YEAR_MAX, YEAR_MIN } from '../values.js';
import { closest } from './names.js';
import type { Allowed } from '../provisions/declare.js';
import { PARAMETERS } from '../provisions/parameters.js';
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

/**
 * A leaf: the code of a value not of its kind, the words for what it allows (from the catalogue of kinds, narrowed
 * where the parameter allows less), whether a value is of its kind, and whether it is allowed. A value of the kind
 * but not allowed is `out-of-range`.
 */
interface Leaf {
  readonly code: IssueCode;
  readonly expected: Words;
  readonly isKind: (v: unknown) => boolean;
  readonly ok: (v: unknown) => boolean;
}
const int = (kind: Kind<number>, min: number, max: number, expected: Words = kind.expected): Leaf => ({
  code: kind.code,
  expected,
  isKind: kind.is,
  ok: (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max,
});
const decimal = (kind: Kind<unknown>, ok: (d: Decimal) => boolean, expected: Words = kind.expected): Leaf => ({
  code: kind.code,
  expected,
  isKind: (v) => exact(v) !== undefined && kind.is(v),
  ok: (v) => {
    const d = exact(v);
    return d !== undefined && ok(d);
  },
});
const options = (values: readonly string[]): Leaf => ({
  code: 'not-an-option',
  expected: oneOf(values),
  isKind: () => false,
  ok: (v) => values.includes(v as string),
});

/** The leaf of each kind a parameter declaration may allow (`allowed` in its provision's about.ts). */
const LEAVES: Readonly<Record<Exclude<Allowed, { readonly options: readonly string[] }>, Leaf>> = {
  year: int(YEAR, YEAR_MIN, YEAR_MAX),
  horizon: int(COUNT, 1, 100, { en: 'a whole number of years from 1 to 100', zh: '1 至 100 之间的整数年数' }),
  'positive-count': int(COUNT, 1, Number.MAX_SAFE_INTEGER, { en: 'a whole number ≥ 1', zh: '不小于 1 的整数' }),
  share: decimal(SHARE, (d) => d.gte(0) && d.lte(1)),
  'positive-share': decimal(SHARE, (d) => d.gt(0) && d.lte(1), {
    en: 'a share above 0 and at most 1 (a number or a decimal string)',
    zh: '大于 0 且不大于 1 的比例(数或十进制数字符串)',
  }),
  positive: decimal(AMOUNT, (d) => d.gt(0), { en: 'a number above 0 (a number or a decimal string)', zh: '大于 0 的数(数或十进制数字符串)' }),
  'non-negative': decimal(AMOUNT, (d) => d.gte(0)),
};
const leafOf = (allowed: Allowed): Leaf => (typeof allowed === 'object' ? options(allowed.options) : LEAVES[allowed]);

type Spec = ReadonlyMap<string, Leaf | ReadonlyMap<string, Leaf>>;

/**
 * What every override may be, from the parameters' declarations (a Map, so that no key such as `__proto__` finds an
 * inherited entry): a top-level parameter's leaf, or a group's map of leaves.
 */
const SPEC: Spec = /* @__PURE__ */ (() => {
  const spec = new Map<string, Leaf | Map<string, Leaf>>();
  for (const d of PARAMETERS) {
    const [group, leaf] = d.path.split('.') as [string, string | undefined];
    if (leaf === undefined) spec.set(group, leafOf(d.allowed));
    else {
      const inner = (spec.get(group) as Map<string, Leaf> | undefined) ?? new Map<string, Leaf>();
      inner.set(leaf, leafOf(d.allowed));
      spec.set(group, inner);
    }
  }
  return spec;
})();

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Map);

function unknownKey(path: string, key: string, allowed: readonly string[]): PolicyInputIssueInit {
  const guess = closest(key, allowed);
  return issue(path ? `${path}.${key}` : key, 'unknown-field', {
    expected: names(allowed),
    received: { en: JSON.stringify(key), zh: JSON.stringify(key) },
    ...(guess && { note: { en: `did you mean "${guess}"?`, zh: `是否想写 "${guess}"？` } }),
  });
}

const parametersOf = (keys: readonly string[]): Words => ({ en: `an object of parameters (${names(keys).en})`, zh: `参数对象(${names(keys).zh})` });

/** Every problem of an overrides object. @internal */
export function overrideIssues(overrides: unknown): PolicyInputIssueInit[] {
  const top = [...SPEC.keys()];
  if (!isPlainObject(overrides)) return [refused('', 'not-an-object', parametersOf(top), overrides)];
  const issues: PolicyInputIssueInit[] = [];
  const leafIssue = (path: string, leaf: Leaf, v: unknown) => refused(path, leaf.isKind(v) ? 'out-of-range' : leaf.code, leaf.expected, v);
  for (const key of Object.keys(overrides)) {
    const spec = SPEC.get(key);
    const value = overrides[key];
    if (spec === undefined) issues.push(unknownKey('', key, top));
    else if (spec instanceof Map) {
      const keys = [...spec.keys()];
      if (value === undefined) continue;
      if (!isPlainObject(value)) {
        issues.push(refused(key, 'not-an-object', parametersOf(keys), value));
        continue;
      }
      for (const inner of Object.keys(value)) {
        const leaf = spec.get(inner);
        if (leaf === undefined) issues.push(unknownKey(key, inner, keys));
        else if (value[inner] !== undefined && !leaf.ok(value[inner])) issues.push(leafIssue(`${key}.${inner}`, leaf, value[inner]));
      }
    } else if (value !== undefined && !(spec as Leaf).ok(value)) {
      issues.push(leafIssue(key, spec as Leaf, value));
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
  return mergeOverrides(overrides, DEFAULT_PARAMETERS);
}

/** Validate `overrides` and merge them onto `base` (the declared values of a day). @internal */
export function mergeOverrides(overrides: ParameterOverrides | undefined, base: Parameters): Parameters {
  if (overrides === undefined) return base;
  const issues = overrideIssues(overrides);
  if (issues.length) throw new PolicyInputError(issues, 'createPolicy');
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
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
  const crossIssues: PolicyInputIssueInit[] = [];
  if (p.funding.firstGrowthYear <= p.baseYear) {
    crossIssues.push(
      refused(
        'funding.firstGrowthYear',
        'out-of-range',
        { en: `a year after baseYear (${p.baseYear})`, zh: `基年(${p.baseYear})之后的年份` },
        p.funding.firstGrowthYear,
        {
          en: 'the fund grows from the year after its base (A.4.3)',
          zh: '专项资金从基年的次年起增长(A.4.3)',
        },
      ),
    );
  }
  // Every function takes years up to YEAR_MAX, so the deadline must fall by then (the audit and the targets ask for it).
  const deadline = p.baseYear + p.horizonYears - 1;
  if (deadline > YEAR_MAX) {
    crossIssues.push(
      issue('horizonYears', 'out-of-range', {
        expected: {
          en: `at most ${YEAR_MAX - p.baseYear + 1} years from baseYear ${p.baseYear}`,
          zh: `自基年 ${p.baseYear} 起不超过 ${YEAR_MAX - p.baseYear + 1} 年`,
        },
        received: { en: String(p.horizonYears), zh: String(p.horizonYears) },
        note: { en: `a deadline of ${deadline}; it must fall by ${YEAR_MAX}`, zh: `期限为 ${deadline} 年，须在 ${YEAR_MAX} 年以内` },
      }),
    );
  }
  if (crossIssues.length) throw new PolicyInputError(crossIssues, 'createPolicy');
  return deepFreeze(p);
}
