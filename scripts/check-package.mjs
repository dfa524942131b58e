#!/usr/bin/env node
// The package as users get it: pack it, install the tarball into a fresh
// project, import it from ESM, require it from CommonJS, type-check a consumer
// under moduleResolution node16 and bundler, and run publint and attw on it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'shequ-pack-'));
const run = (cmd, args, cwd = dir) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const step = (name) => console.log(`package: ${name}`);

try {
  step('npm pack');
  const tarball = join(root, JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root))[0].filename);
  const packed = join(dir, tarball.split('/').pop());

  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  if (pkg.scripts?.preinstall || pkg.scripts?.install || pkg.scripts?.postinstall) throw new Error('the package has install scripts');

  step('install the tarball into a fresh project');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', packed, `typescript@${pkg.devDependencies.typescript}`, '@types/node@20']);

  step('import from ESM');
  writeFileSync(
    join(dir, 'esm.mjs'),
    `
import { requiredStaff, Decimal, createPolicy } from 'shequ-rules';
import { auditPolicy } from 'shequ-rules/spec';
import { evaluateCity } from 'shequ-rules/evaluate';
const a = requiredStaff({ households: 3000 }).staff;
const b = createPolicy({ funding: { mode: 'compound' } }).cityFundBudget({ baseYearTotal: 1000000, year: 2013 }).amount;
const c = auditPolicy().findings[0].verdict;
const d = evaluateCity({ year: 2013, communities: [] }).findings.length;
if (a !== 5 || !(b instanceof Decimal) || b.toString() !== '1210000' || c !== 'consistent' || d !== 3) throw new Error('ESM: wrong results ' + [a, b, c, d]);
console.log('esm ok');`,
  );
  run('node', ['esm.mjs']);

  step('require from CommonJS');
  writeFileSync(
    join(dir, 'cjs.cjs'),
    `
const { requiredStaff, Decimal, serviceRoomArea } = require('shequ-rules');
const { provision } = require('shequ-rules/spec');
const { readDataset } = require('shequ-rules/evaluate');
const area = serviceRoomArea({ residents: 8001 }).areaM2;
if (requiredStaff({ households: 601 }).staff !== 2 || !(area instanceof Decimal) || area.toString() !== '400.05') throw new Error('CJS: wrong results');
if (provision('A.4.2').quantities[0] !== 'Q8' || readDataset({ year: 2013, communities: [] }).year !== 2013) throw new Error('CJS: subpaths');
console.log('cjs ok');`,
  );
  run('node', ['cjs.cjs']);

  // Each CommonJS entry is a bundle with its own copy of PolicyInputError, and the ESM files hold one more: a
  // refusal from any entry in either format must still be instanceof the class of every other.
  step('one PolicyInputError across entries and formats');
  const refusals = (entries) => `[
  (() => { try { ${entries}.root.requiredStaff({ households: -1 }); } catch (e) { return e; } })(),
  (() => { try { ${entries}.spec.dutiesOf('no such body'); } catch (e) { return e; } })(),
  (() => { try { ${entries}.evaluate.readDataset({}); } catch (e) { return e; } })(),
]`;
  writeFileSync(
    join(dir, 'identity.mjs'),
    `
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const cjs = { root: require('shequ-rules'), spec: require('shequ-rules/spec'), evaluate: require('shequ-rules/evaluate') };
const esm = { root: await import('shequ-rules'), spec: await import('shequ-rules/spec'), evaluate: await import('shequ-rules/evaluate') };
const thrown = [...${refusals('cjs')}, ...${refusals('esm')}];
for (const [i, e] of thrown.entries()) {
  if (!(e instanceof cjs.root.PolicyInputError) || !(e instanceof esm.root.PolicyInputError)) throw new Error('refusal ' + i + ' is not instanceof PolicyInputError: ' + e);
}
if (new Error('x') instanceof cjs.root.PolicyInputError || new Error('x') instanceof esm.root.PolicyInputError) throw new Error('an Error is taken for a PolicyInputError');
console.log('identity ok');`,
  );
  run('node', ['identity.mjs']);

  step('the CLI from the installed package');
  const cli = run('npx', ['--no-install', 'shequ-rules', 'explain', 'staff', '--households', '3100', '--lang', 'en']);
  if (!cli.includes('6 workers')) throw new Error(`CLI: ${cli}`);

  for (const resolution of ['node16', 'bundler']) {
    step(`type-check a consumer (moduleResolution ${resolution})`);
    const module = resolution === 'node16' ? 'node16' : 'esnext';
    writeFileSync(
      join(dir, 'consumer.ts'),
      `
import { requiredStaff, createPolicy, PolicyInputError, type StaffResult, type Decimal } from 'shequ-rules';
import { dutiesOf, type AuditFinding } from 'shequ-rules/spec';
import { evaluateCity, type Finding } from 'shequ-rules/evaluate';
const r: StaffResult = requiredStaff({ households: 3000 });
const n: number = r.staff;
const area: Decimal = createPolicy().serviceRoomArea({ residents: 8000 }).areaM2;
const e: PolicyInputError | undefined = undefined;
const f: Finding[] = [...evaluateCity({ year: 2013, communities: [] }).findings];
const d = dutiesOf('水务局').duties.length;
let k: AuditFinding | undefined;
// @ts-expect-error households must be a number
requiredStaff({ households: '3000' });
export { n, area, e, f, d, k };`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module, moduleResolution: resolution, target: 'es2022', skipLibCheck: false, types: ['node'] },
        files: ['consumer.ts'],
      }),
    );
    run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']);
  }

  step('publint');
  run('npx', ['--no-install', 'publint', '--strict'], root);
  step('are the types wrong (attw --pack)');
  run('npx', ['--no-install', 'attw', '--pack', '.', '--format', 'table-flipped'], root);
  console.log('package: all checks passed');
} catch (e) {
  console.error(`package: FAILED: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
