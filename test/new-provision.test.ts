/**
 * A provision declared in one folder reaches the evaluation, the report,
 * `explain`, the clause registry and the policy book, with no other edit
 * (issue 11): the library is copied, the made-up provision in
 * test/new-provision/ is put in a folder of its own, the registries are
 * written, and each part is asked about it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'shequ-new-provision-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a new provision in one folder reaches evaluation, report, explain, clause registry and book', { timeout: 240_000 }, () => {
  for (const item of ['src', 'scripts', 'package.json']) cpSync(item, join(root, item), { recursive: true });
  // The copy's own tsconfig: the library and the probe (not the tests, the bench or the examples).
  writeFileSync(
    join(root, 'tsconfig.json'),
    readFileSync('tsconfig.json', 'utf8').replace(
      /"include": \[[^\]]*\],?\s*("exclude": \[[^\]]*\])?/,
      '"include": ["src", "scripts", "probe.ts"], "exclude": ["src/**/*.test.ts"]',
    ),
  );
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  const folder = join(root, 'src/provisions/a-4-2-9-minimum-workers');
  mkdirSync(folder);
  for (const f of ['about.ts', 'parameters.ts', 'minimum-workers.ts', 'check.ts']) cpSync(join('test/new-provision', f), join(folder, f));
  cpSync('test/new-provision/probe.ts', join(root, 'probe.ts'));
  const tsx = resolve('node_modules/tsx/dist/cli.mjs');
  execFileSync(process.execPath, [tsx, 'scripts/registry/write.ts'], { cwd: root, stdio: 'pipe', timeout: 60_000 });
  // The copy type-checks: Policy gains the rule's method from the registry, with its input and result types.
  execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], { cwd: root, stdio: 'pipe', timeout: 100_000 });
  const seen = JSON.parse(execFileSync(process.execPath, [tsx, 'probe.ts'], { cwd: root, encoding: 'utf8', timeout: 90_000 }));
  expect(seen).toEqual({ rule: 1, amended: 2, asOf: 2, before: 1, finding: 'fail', report: true, explain: true, clause: true, book: true });
});
