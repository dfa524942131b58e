/**
 * Reading of money amounts and areas. Apart from ./input.ts so that a rule
 * on counts alone does not pull decimal.js into a consumer's bundle.
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { D } from '../decimal.js';
import { describeValue, issue, received, type Words } from '../errors.js';
import { amount as AMOUNT } from '../kinds.js';
import { decimalText } from '../values.js';
import type { Checker } from './input.js';

function isDecimalLike(v: unknown): v is Decimal {
  return D.isDecimal(v); // false for null and for anything that is not a Decimal
}

/** A Decimal that is not finite, too large to write out, or only looks like one. */
function describeDecimal(value: unknown): Words {
  const e = (value as { e?: unknown }).e;
  if (typeof e === 'number' && Math.abs(e) > 1000) {
    const [more, power] = e > 0 ? ['more', 1000] : ['less', -1000];
    return { en: `a Decimal of ${more} than 10^${power}`, zh: `${e > 0 ? '大于' : '小于'} 10^${power} 的 Decimal` };
  }
  const lookalike = { en: 'an object that only looks like a Decimal', zh: '一个看似 Decimal 的对象' };
  try {
    const text = String((value as Decimal).toString());
    return text === 'NaN' || text === 'Infinity' || text === '-Infinity' ? { en: describeValue(text), zh: describeValue(text, 'zh') } : lookalike;
  } catch {
    return lookalike;
  }
}

/** Read a money amount or an area (≥ 0) as an exact Decimal. */
export function amount(c: Checker, value: unknown, path: string): Decimal {
  if (AMOUNT.is(value)) return new D(isDecimalLike(value) ? decimalText(value)! : (value as number | string));
  const text = isDecimalLike(value) ? decimalText(value) : undefined;
  const got = !isDecimalLike(value) ? received(value) : text !== undefined ? received(text) : describeDecimal(value);
  c.add(issue(path, AMOUNT.code, { expected: AMOUNT.expected, received: got }));
  return new D(0);
}

/** {@link amount}, or undefined when the field is absent. */
export function optionalAmount(c: Checker, value: unknown, path: string): Decimal | undefined {
  return value === undefined ? undefined : amount(c, value, path);
}
