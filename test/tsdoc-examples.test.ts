/**
 * Every `@example` in the TSDoc of src/ is run here, so no example can rot:
 * an expression followed by `//=> value` must evaluate to that value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as root from '../src/index.js';
import * as evaluation from '../src/evaluation.js';
import * as spec from '../src/spec.js';
import { resolveParameters } from '../src/create-policy.js';
import { checkFormula, field, ge, param } from '../src/formula/build.js';
import { formulaCheck } from '../src/formula/check.js';

const lib = { ...root, ...spec, ...evaluation };
// The formula builders are internal (a provision's own code imports them): their examples run with them in scope.
const scope: Record<string, unknown> = { ...lib, resolveParameters, formulaCheck, checkFormula, field, ge, param };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

interface Check {
  setup: string;
  expression: string;
  expected: string;
}

/** Split one example into statements to run and `expression //=> expected` checks. */
function parseExample(lines: string[]): Check[] {
  const checks: Check[] = [];
  let setup = '';
  let pending = '';
  lines.forEach((line, i) => {
    const arrow = line.indexOf('//=>');
    if (arrow >= 0) {
      const code = `${pending}\n${line.slice(0, arrow)}`.trim().replace(/;$/, '');
      checks.push({ setup, expression: code, expected: line.slice(arrow + 4).trim() });
      pending = '';
      return;
    }
    pending += `\n${line}`;
    const next = lines[i + 1]?.trim() ?? '';
    if (line.trim().endsWith(';') && !next.startsWith('//=>')) {
      setup += pending;
      pending = '';
    }
  });
  return checks;
}

const examples: [string, Check][] = [];
for (const file of sourceFiles('src')) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
    const lines = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    for (const check of parseExample(lines)) examples.push([`${file}: ${check.expression.replace(/\s+/g, ' ')}`, check]);
  }
}

const readme = readFileSync('README.md', 'utf8');
for (const m of readme.matchAll(/```ts\n([\s\S]*?)\n```/g)) {
  const lines = m[1]!
    .split('\n')
    .filter((l) => !l.startsWith('import '))
    .map((l) => l.replace(/\s\/\/ [^=].*$/, ''));
  for (const check of parseExample(lines)) examples.push([`README.md: ${check.expression}`, check]);
}

describe('TSDoc and README examples', () => {
  test('there are examples to check', () => {
    expect(examples.length).toBeGreaterThan(30);
    expect(examples.filter(([name]) => name.startsWith('README')).length).toBeGreaterThanOrEqual(6);
  });

  test.each(examples)('%s', (_name, { setup, expression, expected }) => {
    const run = new Function(...Object.keys(scope), `${setup}\nreturn [(${expression}), (${expected})];`);
    const [actual, wanted] = run(...Object.values(scope)) as [unknown, unknown];
    expect(actual).toEqual(wanted);
  });
});

describe('every exported function is documented', () => {
  const documented: [string, string, string, boolean][] = [];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*\nexport function (\w+)(?:<[^>]*>)?\((\)?)/g)) {
      if (!m[1]!.includes('@internal')) documented.push([m[2]!, file, m[1]!, m[3] === ')']);
    }
  }
  const publicFunctions = Object.entries(lib)
    .filter(([, v]) => typeof v === 'function' && v !== lib.Decimal && v !== lib.PolicyInputError)
    .map(([k]) => k);

  test.each(publicFunctions)('%s has TSDoc with @param, @returns and @example', (name) => {
    const doc = documented.find(([n]) => n === name);
    expect(doc, `no public TSDoc found for ${name}`).toBeDefined();
    const [, file, text, noParameters] = doc!;
    if (!noParameters) expect(text).toContain('@param');
    expect(text).toContain('@returns');
    expect(text).toContain('@example');
    if (file.includes('/provisions/')) expect(text).toMatch(/clause[\s*]+A\.\d/);
  });
});
