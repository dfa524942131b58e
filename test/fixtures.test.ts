/** Runs the language-neutral fixtures in test/fixtures/*.json (see test/fixtures/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createPolicy, type ParameterOverrides, type Policy } from '../src/index.js';

interface Case {
  name: string;
  rule: keyof Omit<Policy, 'parameters' | 'asOf'>;
  parameters: ParameterOverrides;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const asString = (v: unknown): unknown =>
  v === undefined ? null : Array.isArray(v) ? v.map((row) => Object.fromEntries(Object.entries(row).map(([k, x]) => [k, asString(x)]))) : String(v);

const files = readdirSync('test/fixtures').filter((f) => f.endsWith('.json'));

describe.each(files)('fixtures %s', (file) => {
  const cases = JSON.parse(readFileSync(`test/fixtures/${file}`, 'utf8')) as Case[];
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = (createPolicy(c.parameters)[c.rule] as unknown as (input: unknown) => Record<string, unknown>)(c.input);
    for (const [field, expected] of Object.entries(c.expected)) {
      expect(asString(result[field]), field).toEqual(expected);
    }
  });
});

test('every rule has fixtures', () => {
  const rules = new Set(files.flatMap((f) => (JSON.parse(readFileSync(`test/fixtures/${f}`, 'utf8')) as Case[]).map((c) => c.rule)));
  const all = Object.keys(createPolicy()).filter((k) => k !== 'parameters' && k !== 'asOf');
  expect([...rules].sort()).toEqual(all.sort());
});
