/**
 * The smallest HTML toolkit the views need: escaping and the exact display of
 * values. Every text that comes from data or from a caller passes through
 * {@link esc}; numbers are shown from their exact decimal strings, never
 * through a float.
 */
import type { Decimal } from 'decimal.js';
import type { Lang } from '../trace.js';

/** Text escaped for an HTML text node or a double-quoted attribute value. */
export function esc(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Whether a value is a decimal.js Decimal (of any configuration). */
export function isDecimal(v: unknown): v is Decimal {
  // By shape, not by import: the views must not pull decimal.js into a page that only displays results.
  return typeof v === 'object' && v !== null && typeof (v as Decimal).toFixed === 'function' && typeof (v as Decimal).isZero === 'function';
}

/** The exact value as plain digits: a Decimal in plain notation (never `1e+21`), anything else as written. */
export function exact(v: unknown): string {
  if (isDecimal(v)) return v.toFixed();
  return String(v);
}

/** A number in plain digits with thousands separators, exact (the digits are only regrouped). */
export function grouped(digits: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(digits);
  if (!m) return digits;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** A share (0.9) as an exact percentage ('90 %'): the decimal point moved two places, nothing rounded. */
export function percent(v: Decimal | number | string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(exact(v));
  if (!m) return exact(v);
  const fraction = (m[3] ?? '').padEnd(2, '0');
  const whole = `${m[2]}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  return `${m[1]}${whole}${rest ? `.${rest}` : ''} %`;
}

/** Yes or no in the reader's language. */
export function yesNo(v: boolean, lang: Lang): string {
  return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
}

/** Pick the text of a language from `{ zh, en }`. */
export const t = (b: { readonly zh: string; readonly en: string }, lang: Lang): string => b[lang];
