/**
 * The smallest HTML toolkit the views need: escaping and the exact display of
 * values. Every text that comes from data or from a caller passes through
 * {@link esc}; numbers are shown from their exact decimal strings, never
 * through a float.
 */
import type { Decimal } from 'decimal.js';
import type { Lang } from '../trace.js';
import { type Shown, showNumber, showShare } from '../present/format.js';

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

/** A number grouped by thousands, to at most two decimals (the presentation's formatter). */
export const grouped = (digits: string): string => showNumber(digits, 2).text;

/** A share (0.9) as a percentage to one decimal ('90 %', '80.6 %'). */
export const percent = (v: Decimal | number | string): string => showShare(v).text;

/**
 * A shown value as HTML: its text, escaped, and when it is rounded a `title` with the exact value, so that the page
 * says the value is rounded and what it is.
 */
export function shownHtml(s: Shown): string {
  return s.rounded ? `<span class="sr-rounded" title="${esc(s.exact)}">${esc(s.text)}</span>` : esc(s.text);
}

export { yesNo } from '../present/words.js';

/** Pick the text of a language from `{ zh, en }`. */
export const t = (b: { readonly zh: string; readonly en: string }, lang: Lang): string => b[lang];
