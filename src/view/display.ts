/**
 * What a notebook shows for a rule result or the audit: `text/html` and
 * `text/plain` (and `image/svg+xml` for a schedule), built by the same views
 * as the explorer and the HTML report. Loaded only when something is
 * displayed (see `src/display.ts`), so importing one rule does not download
 * the views. Evaluations are in `display-evaluation.ts`, which alone needs
 * the evaluation's code.
 */
import type { AuditResult } from '../audit/audit-policy.js';
import type { Lang } from '../trace.js';
import { auditHtml, auditText } from './audit.js';
import { COMPONENT_CSS } from './css.js';
import { RULE_INPUTS, type RuleName } from './fields.js';
import { resultHtml, resultText, scheduleChart } from './result.js';

const LANG = Symbol.for('shequ-rules.displayLang');

/** The language notebooks and consoles show results in (default `'zh'`). */
export function displayLanguage(): Lang {
  return (globalThis as Record<symbol, unknown>)[LANG] === 'en' ? 'en' : 'zh';
}

/**
 * Set the language results display in: `'zh'` or `'en'`. It holds for every
 * copy of the library in the process (it is kept under a global symbol).
 */
export function setDisplayLanguage(lang: Lang): void {
  if (lang !== 'zh' && lang !== 'en') throw new TypeError(`expected 'zh' or 'en', got ${String(lang)}`);
  (globalThis as Record<symbol, unknown>)[LANG] = lang;
}

// Loaded: later displays of rule results and the audit are drawn at once (see src/display.ts).
const VIEWS = Symbol.for('shequ-rules.views');
const registry = globalThis as Record<symbol, { evaluation: boolean } | undefined>;
if (!registry[VIEWS]) registry[VIEWS] = { evaluation: false, mimeBundle: (kind: string, value: unknown) => mimeBundle(kind, value) } as { evaluation: boolean };

/** A media bundle as Jupyter kernels take it. */
export type MimeBundle = { 'text/html': string; 'text/plain': string; 'image/svg+xml'?: string };

/** Views' HTML with their style, for a notebook's output. */
export const wrap = (html: string): string => `<div class="sr-view"><style>${COMPONENT_CSS}</style>${html}</div>`;

/**
 * The media bundle of a displayable value.
 *
 * @param kind - a rule's name or `'audit'`
 * @param value - the value to show
 * @param lang - the language (default: {@link displayLanguage})
 */
export function mimeBundle(kind: string, value: unknown, lang: Lang = displayLanguage()): MimeBundle {
  if (kind === 'audit') {
    const a = value as AuditResult;
    return { 'text/html': wrap(auditHtml(a, lang)), 'text/plain': auditText(a, lang) };
  }
  const rule = kind as RuleName;
  const r = value as object;
  const bundle: MimeBundle = { 'text/html': wrap(resultHtml(rule, r, lang)), 'text/plain': resultText(rule, r, lang) };
  if (RULE_INPUTS[rule]?.schedule) bundle['image/svg+xml'] = scheduleChart(rule, r, lang);
  return bundle;
}
