import { PolicyInputError, refused } from './errors.js';
import { oneOf } from './kinds.js';

/** One step of a computation, said in Chinese and in English. */
export interface TraceStep {
  readonly zh: string;
  readonly en: string;
}

/**
 * A reading of ambiguous text that a result relied on: its id in the policy's register and the option
 * taken, e.g. `'ceil'`. Open to any policy's readings; the city's own are typed narrower (`ReadingUse` in
 * `shequ-rules/spec`, and each rule's result type), so a choice its register does not list does not compile there.
 */
export interface InterpretationUse {
  readonly id: string;
  readonly choice: string;
}

/** Where a result or a finding stands in a document that changed the policy: the document's id and, where it gives one, its clause. */
export interface Citation {
  /** The id of the document (one of the policy's `sources`). */
  readonly source: string;
  /** Its clause or article, as the document numbers it. */
  readonly clause?: string;
}

/** What every rule result carries besides its values. */
export interface RuleResult {
  /** Clause of the policy that the rule encodes, e.g. `'A.4.2'`. */
  readonly clause: string;
  /** Readings of ambiguous text that this result used; empty when none applied. */
  readonly interpretations: readonly InterpretationUse[];
  /** The steps of the computation with their numbers. */
  readonly trace: readonly TraceStep[];
  /** The documents beyond the policy's own that changed this result (an overlay that replaced or amended its provision). */
  readonly cites?: readonly Citation[];
}

/** A language the library writes in. */
export type Lang = 'zh' | 'en';

/**
 * Render a result's trace as numbered lines in one language.
 *
 * @param trace - the `trace` of any rule result
 * @param lang - `'zh'` (default) or `'en'`
 * @returns one line per step
 * @example
 * ```ts
 * formatTrace(requiredStaff({ households: 3000 }).trace, 'en')[0];
 * //=> '1. Households counted: 3,000 + 0 floating = 3,000'
 * ```
 */
export function formatTrace(trace: readonly TraceStep[], lang: Lang = 'zh'): string[] {
  if (lang !== 'zh' && lang !== 'en') {
    throw new PolicyInputError([refused('lang', 'not-an-option', oneOf(['zh', 'en']), lang)], 'formatTrace');
  }
  if (!Array.isArray(trace)) {
    throw new PolicyInputError([refused('trace', 'not-a-list', { en: 'the trace array of a rule result', zh: '规则结果的 trace 数组' }, trace)], 'formatTrace');
  }
  return trace.map((s: unknown, i) => {
    if (typeof s !== 'object' || s === null) {
      throw new PolicyInputError([refused(`trace.${i}`, 'not-an-object', { en: 'a step { zh, en }', zh: '步骤 { zh, en }' }, s)], 'formatTrace');
    }
    const text = (s as Record<string, unknown>)[lang];
    if (typeof text !== 'string') {
      throw new PolicyInputError([refused(`trace.${i}.${lang}`, 'not-text', { en: 'a string', zh: '字符串' }, text)], 'formatTrace');
    }
    return `${i + 1}. ${text}`;
  });
}

/** @internal */
export function step(zh: string, en: string): TraceStep {
  return { zh, en };
}
