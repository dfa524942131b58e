/**
 * Traces in words (issue 22): under every option of every reading, each rule's worked example explains itself in
 * both languages without an identifier of the code — no option id (`"ceil"`, `half-up`), no camelCase field — and
 * in the presentation's spacing.
 */
import { describe, expect, test } from 'vitest';
import { createPolicy } from '../src/create-policy.js';
import { NINGGUO_2011 } from '../src/policies/ningguo-2011.js';
import { formatTrace, type TraceStep } from '../src/trace.js';
import { surfaceProblems } from './support/surface.js';

/** A parameter override `{ a: { b: value } }` from its dotted path. */
const override = (path: string, value: string) => path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as never;

/** Inputs a reading needs beyond a rule's example: prorating by days (I8) counts the days of a given year. */
const NEEDS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { 'by-days': { year: 2013, activeFrom: '2013-07-01' } };

/** Each rule's example under each option of each reading its provision switches by a parameter of options. */
const cases = NINGGUO_2011.flatMap((provision) =>
  provision.readings.flatMap((reading) => {
    const path = reading.parameter;
    const declared = path ? (provision.parameters as Record<string, { allowed?: unknown }>)[path] : undefined;
    const options = typeof declared?.allowed === 'object' && declared.allowed !== null && 'options' in declared.allowed;
    if (!path || !options) return [];
    return reading.options.flatMap((option) =>
      Object.entries(provision.rules).map(
        ([name, r]) => [`${reading.id} ${option.id}: ${name}`, path, option.id, name, { ...r.about.example, ...NEEDS[option.id] }] as const,
      ),
    );
  }),
);

describe('every trace in words, under every reading', () => {
  test('the readings switched by an option are all here', () => {
    expect([...new Set(cases.map(([, path]) => path))].length).toBeGreaterThanOrEqual(5);
  });
  test.each(cases)('%s', (_, path, option, name, example) => {
    const policy = createPolicy(override(path, option)) as unknown as Record<string, (input: unknown) => { trace: readonly TraceStep[] }>;
    const trace = policy[name]!(example).trace;
    for (const lang of ['zh', 'en'] as const) {
      const text = formatTrace(trace, lang).join('\n');
      expect(surfaceProblems(text), text).toEqual([]);
      // The option taken is said in words, never quoted by its id.
      expect(text).not.toContain(`"${option}"`);
    }
  });
});
