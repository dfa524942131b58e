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
import { deepFreeze, type DeclaredParameter, type ExactValue } from './parameters.js';

/** Overrides of a parameter set `P`: any subset of it; fractions may be numbers or decimal strings. */
export type OverridesOf<P> = {
  readonly [K in keyof P]?: P[K] extends object
    ? { readonly [L in keyof P[K]]?: P[K][L] extends ExactValue | undefined ? ExactValue | Decimal : P[K][L] }
    : P[K] extends ExactValue | undefined
      ? ExactValue | Decimal
      : P[K];
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
/** The leaf of what a declaration allows. @internal */
export const leafOf = (allowed: Allowed): Leaf => (typeof allowed === 'object' ? options(allowed.options) : LEAVES[allowed]);

/** Whether `value` is what `allowed` allows (the same test an override gets), or the issue at `path` if not. @internal */
export function allowedIssue(path: string, allowed: Allowed, value: unknown): PolicyInputIssueInit | undefined {
  const leaf = leafOf(allowed);
  return leaf.ok(value) ? undefined : refused(path, leaf.isKind(value) ? 'out-of-range' : leaf.code, leaf.expected, value);
}

type Spec = ReadonlyMap<string, Leaf | ReadonlyMap<string, Leaf>>;

const specs = new WeakMap<readonly DeclaredParameter[], Spec>();
/**
 * What every override may be, from the parameters' declarations (a Map, so that no key such as `__proto__` finds an
 * inherited entry): a top-level parameter's leaf, or a group's map of leaves. Made once per list of declarations.
 */
function specOf(declared: readonly DeclaredParameter[]): Spec {
  const known = specs.get(declared);
  if (known) return known;
  const spec = new Map<string, Leaf | Map<string, Leaf>>();
  for (const d of declared) {
    const [group, leaf] = d.path.split('.') as [string, string | undefined];
    if (leaf === undefined) spec.set(group, leafOf(d.allowed));
    else {
      const inner = (spec.get(group) as Map<string, Leaf> | undefined) ?? new Map<string, Leaf>();
      inner.set(leaf, leafOf(d.allowed));
      spec.set(group, inner);
    }
  }
  specs.set(declared, spec);
  return spec;
}

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
export function overrideIssues(overrides: unknown, declared: readonly DeclaredParameter[]): PolicyInputIssueInit[] {
  const SPEC = specOf(declared);
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
 * Validate `overrides` against the declarations and merge them onto `base` (the declared values of a day), then
 * ask each provision's own `validate` for problems no single parameter shows. Returns a new deeply frozen
 * parameter set; neither input is changed.
 * @internal
 */
export function mergeOverrides(
  overrides: unknown,
  base: Readonly<Record<string, unknown>>,
  declared: readonly DeclaredParameter[],
  validators: readonly ((p: never) => PolicyInputIssueInit[])[] = [],
): Readonly<Record<string, unknown>> {
  if (overrides !== undefined) {
    const issues = overrideIssues(overrides, declared);
    if (issues.length) throw new PolicyInputError(issues, 'createPolicy');
  }
  const given = (overrides ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  const groups = new Set([...Object.keys(base), ...Object.keys(given)]);
  for (const key of groups) {
    const value = base[key];
    const over = Object.hasOwn(given, key) ? given[key] : undefined;
    if (typeof value === 'object' || (value === undefined && typeof over === 'object' && over !== null)) {
      const groupValue: Record<string, unknown> = { ...(value as Record<string, unknown> | undefined) };
      // Parameters that the policy leaves unset (m2Per100Households) come only from the overrides.
      if (over) for (const [k, v] of Object.entries(over)) if (v !== undefined) groupValue[k] = normalise(v);
      merged[key] = groupValue;
    } else {
      merged[key] = over === undefined ? value : normalise(over);
    }
  }
  const crossIssues = validators.flatMap((v) => v(merged as never));
  if (crossIssues.length) throw new PolicyInputError(crossIssues, 'createPolicy');
  // Nothing overridden: the declared values themselves (frozen already), so the policy as written shares them.
  return overrides === undefined ? base : deepFreeze(merged);
}

/** A validated number as the parameters hold it (for a value a document sets). @internal */
export const normalised = (v: unknown): unknown => normalise(v);
