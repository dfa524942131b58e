/**
 * Reading of money amounts and areas. Apart from ./input.ts so that a rule
 * on counts alone does not pull decimal.js into a consumer's bundle.
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { D } from '../decimal.js';
import { describeValue } from '../errors.js';
import { decimalText, PLAIN_DECIMAL } from '../values.js';
import type { Checker } from './input.js';

const AMOUNT = "a finite number ≥ 0, a decimal string such as '199999.5', or a Decimal";

function isDecimalLike(v: unknown): v is Decimal {
  return D.isDecimal(v); // false for null and for anything that is not a Decimal
}

/** A Decimal that is not finite, too large to write out, or only looks like one. */
function describeDecimal(value: unknown): string {
  const e = (value as { e?: unknown }).e;
  if (typeof e === 'number' && Math.abs(e) > 1000) return `a Decimal of ${e > 0 ? 'more' : 'less'} than 10^${e > 0 ? 1000 : -1000}`;
  try {
    const text = String((value as Decimal).toString());
    return text === 'NaN' || text === 'Infinity' || text === '-Infinity' ? describeValue(text) : 'an object that only looks like a Decimal';
  } catch {
    return 'an object that only looks like a Decimal';
  }
}

/** Read a money amount or an area (≥ 0) as an exact Decimal. */
export function amount(c: Checker, value: unknown, path: string): Decimal {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return new D(value);
  } else if (typeof value === 'string') {
    if (value.length <= 60 && PLAIN_DECIMAL.test(value)) return new D(value);
  } else if (isDecimalLike(value)) {
    const text = decimalText(value);
    if (text !== undefined && !text.startsWith('-')) return new D(text);
  }
  const text = isDecimalLike(value) ? decimalText(value) : undefined;
  const got = !isDecimalLike(value) ? describeValue(value) : text !== undefined ? describeValue(text) : describeDecimal(value);
  c.fail(path, `expected ${AMOUNT}, got ${got}`);
  return new D(0);
}

/** {@link amount}, or undefined when the field is absent. */
export function optionalAmount(c: Checker, value: unknown, path: string): Decimal | undefined {
  return value === undefined ? undefined : amount(c, value, path);
}
