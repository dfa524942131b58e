/**
 * What a notebook shows for an evaluation (summary, charts, the worst
 * findings), and the media bundle of anything the library displays.
 */
import type { CityEvaluation } from '../evaluate/evaluate.js';
import type { Lang } from '../trace.js';
import { displayLanguage, mimeBundle as ruleOrAuditBundle, wrap, type MimeBundle } from './display.js';
import { evaluationHtml, evaluationText } from './evaluation.js';

/**
 * The media bundle of a displayable value: a rule result, the audit or an evaluation.
 *
 * @param kind - a rule's name, `'audit'` or `'evaluation'`
 * @param value - the value to show
 * @param lang - the language (default: the display language)
 */
export function mimeBundle(kind: string, value: unknown, lang: Lang = displayLanguage()): MimeBundle {
  if (kind !== 'evaluation') return ruleOrAuditBundle(kind, value, lang);
  const e = value as CityEvaluation;
  return { 'text/html': wrap(evaluationHtml(e, lang, 50)), 'text/plain': evaluationText(e, lang) };
}

// Loaded: every later display, evaluations included, is drawn at once (see src/display.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for('shequ-rules.views')] = {
  evaluation: true,
  mimeBundle: (kind: string, value: unknown) => mimeBundle(kind, value),
};
