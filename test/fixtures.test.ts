/** Runs every provision's worked cases, src/provisions/<folder>/cases.json (see src/provisions/CASES.md). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createPolicy, type ParameterOverrides, type Policy } from '../src/index.js';
import { codesOf } from './support/issues.js';

interface Case {
  name: string;
  rule: keyof Omit<Policy, 'parameters' | 'asOf'>;
  parameters: ParameterOverrides;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  /** For a refusal: the issues the rule reports, as `path: code` (see src/kinds.ts and ISSUE_CODES). */
  refused?: string[];
}

const asString = (v: unknown): unknown =>
  v === undefined ? null : Array.isArray(v) ? v.map((row) => Object.fromEntries(Object.entries(row).map(([k, x]) => [k, asString(x)]))) : String(v);

const files = readdirSync('src/provisions', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/provisions/${d.name}/cases.json`))
  .map((d) => `${d.name}/cases.json`);

describe.each(files)('fixtures %s', (file) => {
  const cases = JSON.parse(readFileSync(`src/provisions/${file}`, 'utf8')) as Case[];
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.refused) {
      // A refusal case: the issues, as `path: code`, and nothing else.
      expect(codesOf(() => (createPolicy(c.parameters)[c.rule] as unknown as (input: unknown) => unknown)(c.input))).toEqual(c.refused);
      return;
    }
    const result = (createPolicy(c.parameters)[c.rule] as unknown as (input: unknown) => Record<string, unknown>)(c.input);
    for (const [field, expected] of Object.entries(c.expected)) {
      expect(asString(result[field]), field).toEqual(expected);
    }
  });
});

test('every rule has fixtures', () => {
  const rules = new Set(files.flatMap((f) => (JSON.parse(readFileSync(`src/provisions/${f}`, 'utf8')) as Case[]).map((c) => c.rule)));
  const all = createPolicy().provisions.flatMap((p) => Object.keys(p.rules));
  expect([...rules].sort()).toEqual(all.sort());
});
