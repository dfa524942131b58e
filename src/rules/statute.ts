/**
 * Comparisons as the statute words them. PRC Civil Code art. 1259: 以上, 以下
 * and 以内 include the number itself; 不满 and 超过 exclude it. The rules use
 * these instead of bare `>=`/`<=`, so each comparison reads like its clause.
 * @internal
 */
import type { Decimal } from 'decimal.js';

/** 以上: `value` is `limit` or more (the limit itself included). */
export function yiShang(value: Decimal, limit: Decimal): boolean {
  return value.gte(limit);
}

/** 以下 / 以内: `value` is `limit` or less (the limit itself included). */
export function yiXia(value: Decimal, limit: Decimal): boolean {
  return value.lte(limit);
}

/** 不满: `value` is less than `limit` (the limit itself excluded). */
export function buMan(value: Decimal, limit: Decimal): boolean {
  return value.lt(limit);
}

/** 超过: `value` is more than `limit` (the limit itself excluded). */
export function chaoGuo(value: Decimal, limit: Decimal): boolean {
  return value.gt(limit);
}
