import { PolicyInputError, describeValue } from './errors.js';
import type { InterpretationId, ReadingChoice } from './policy/interpretations.js';
import type { ClauseId } from './policy/provisions.js';

/** One step of a computation, said in Chinese and in English. */
export interface TraceStep {
  readonly zh: string;
  readonly en: string;
}

/**
 * A reading from the interpretation register (I1–I10) that a result relied on: its id, e.g. `'I3'`, and the option
 * taken, e.g. `'ceil'` — typed from the register, so a choice that is not a registered option does not compile.
 */
export type InterpretationUse = { [K in InterpretationId]: { readonly id: K; readonly choice: ReadingChoice<K> } }[InterpretationId];

/** What every rule result carries besides its values. */
export interface RuleResult {
  /** Clause of the policy that the rule encodes, e.g. `'A.4.2'`. */
  readonly clause: ClauseId;
  /** Readings of ambiguous text that this result used; empty when none applied. */
  readonly interpretations: readonly InterpretationUse[];
  /** The steps of the computation with their numbers. */
  readonly trace: readonly TraceStep[];
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
 * //=> '1. Households counted: 3000 + 0 floating = 3000'
 * ```
 */
export function formatTrace(trace: readonly TraceStep[], lang: Lang = 'zh'): string[] {
  if (lang !== 'zh' && lang !== 'en') {
    throw new PolicyInputError([{ path: 'lang', message: `expected 'zh' or 'en', got ${describeValue(lang)}` }], 'formatTrace');
  }
  if (!Array.isArray(trace)) {
    throw new PolicyInputError([{ path: 'trace', message: `expected the trace array of a rule result, got ${describeValue(trace)}` }], 'formatTrace');
  }
  return trace.map((s: unknown, i) => {
    if (typeof s !== 'object' || s === null) {
      throw new PolicyInputError([{ path: `trace.${i}`, message: `expected a step { zh, en }, got ${describeValue(s)}` }], 'formatTrace');
    }
    const text = (s as Record<string, unknown>)[lang];
    if (typeof text !== 'string') {
      throw new PolicyInputError([{ path: `trace.${i}.${lang}`, message: `expected a string, got ${describeValue(text)}` }], 'formatTrace');
    }
    return `${i + 1}. ${text}`;
  });
}

/** @internal */
export function step(zh: string, en: string): TraceStep {
  return { zh, en };
}
