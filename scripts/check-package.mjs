#!/usr/bin/env node
// The package as users get it: pack it, install the tarball into a fresh
// project, import it from ESM, require it from CommonJS, type-check a consumer
// under moduleResolution node16 and bundler, and run publint and attw on it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  // An app that imports a rule installs what the rules need and nothing else: the spreadsheet library is an
  // optional peer, loaded only when a workbook is read or written.
  step('a light install: decimal.js, date-fns and zod, nothing else at run time');
  const installed = readdirSync(join(dir, 'node_modules'))
    .flatMap((n) => (n.startsWith('@') ? readdirSync(join(dir, 'node_modules', n)).map((m) => `${n}/${m}`) : [n]))
    .filter((n) => !n.startsWith('.') && !['shequ-rules', 'typescript', '@types/node', 'undici-types'].includes(n));
  if (installed.sort().join(' ') !== 'date-fns decimal.js zod') throw new Error(`installed beside the package: ${installed.join(', ')}`);
  writeFileSync(
    join(dir, 'city.json'),
    JSON.stringify({ year: 2013, communities: [{ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 }] }),
  );
  // A workbook report is written by the package itself; reading a workbook needs the spreadsheet library.
  const written = spawnSync('npx', ['--no-install', 'shequ-rules', 'report', 'city.json', '--format', 'xlsx', '--output', 'out.xlsx', '--lang', 'en'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (written.status !== 1 || !readFileSync(join(dir, 'out.xlsx')).subarray(0, 2).equals(Buffer.from('PK')))
    throw new Error(`a workbook report without the spreadsheet library: exit ${written.status}, ${written.stderr}`);
  const noXlsx = spawnSync('npx', ['--no-install', 'shequ-rules', 'report', 'out.xlsx', '--lang', 'en'], { cwd: dir, encoding: 'utf8' });
  if (noXlsx.status !== 2 || !noXlsx.stderr.includes('npm install @e965/xlsx'))
    throw new Error(`reading a workbook without the spreadsheet library: exit ${noXlsx.status}, ${noXlsx.stderr}`);

  // The package extended from outside, with no file of its source changed: a provision added, one replaced, one
  // switched off and a parameter set from a date, by a document of the user's own.
  step('extend the policy from outside: add, replace, switch off, a dated parameter');
  writeFileSync(
    join(dir, 'mine.mjs'),
    `
import { createPolicy, extendPolicy, defineProvision, rule, verdict, paramsOf, UNKNOWN, NINGGUO_2011, Decimal } from 'shequ-rules';
const source = { id: 'nb-2024', body: { zh: '某区民政局', en: 'a district civil affairs bureau' }, title: { zh: '社区建设补充规定', en: 'Supplementary rules on community building' }, number: 'NB〔2024〕1号', date: '2024-01-01', status: 'unverified' };
const declared = { clause: 'NB.4.2', parameters: { 'volunteers.perCommunity': { unit: '人', serves: ['NB1'], allowed: 'positive-count', values: [{ value: 2 }] } } };
const volunteers = defineProvision({
  id: 'nb-volunteers', ...declared, quantities: ['NB1'], readings: [],
  rules: { volunteersDue: rule((p, input) => ({ volunteers: input.households > 0 ? p.volunteers.perCommunity : 0, clause: 'NB.4.2', interpretations: [], trace: [] }), { command: 'volunteers', fields: [{ name: 'households', kind: 'count', required: true }], example: { households: 10 }, schedule: false }) },
  checks: [{ scope: 'community', provision: 'NB1', clause: 'NB.4.2', rural: false, compile: (policy) => paramsOf(policy, declared).volunteers.perCommunity,
    status: (c, k) => (c.staff === undefined ? UNKNOWN : verdict(c.staff >= k)),
    detail: (c, k) => ({ expected: k, actual: c.staff ?? null }),
    message: (c, k, ok) => (ok ? { zh: '够', en: 'enough' } : { zh: '不够', en: 'too few' }) }],
  findings: { NB1: { name: { zh: '志愿者', en: 'volunteers' }, unit: 'workers' } },
});
// The staffing clause replaced: one worker per 500 households (the rule and the check that shares its arithmetic).
const staffing = NINGGUO_2011.find((p) => p.id === 'a-4-2-staff');
const due = (h) => Math.ceil(h / 500);
const staffRule = rule((p, input) => ({ staff: due(input.households + (input.floatingHouseholds ?? 0)), totalHouseholds: input.households, clause: 'NB.4', interpretations: [], trace: [{ zh: '每 500 户 1 名', en: 'one per 500 households' }] }), staffing.rules.requiredStaff.about);
const staffCheck = { scope: 'community', provision: 'Q8', clause: 'NB.4', rural: false, compile: () => null,
  status: (c) => (c.staff === undefined ? UNKNOWN : verdict(c.staff >= due(c.households))),
  detail: (c, _k, fail) => (fail ? { expected: due(c.households), actual: c.staff ?? null, shortfall: new Decimal(due(c.households) - c.staff) } : { expected: due(c.households), actual: c.staff ?? null }),
  message: (c, _k, ok) => (ok ? { zh: '人数够', en: 'enough workers' } : { zh: '每 500 户 1 名，人数不够', en: 'one per 500 households: too few workers' }) };
export default extendPolicy(createPolicy({}, { on: '2024-06-30' }), {
  source,
  add: [volunteers],
  replace: { 'a-4-2-staff': { clause: '第四条', rules: { requiredStaff: staffRule }, checks: [staffCheck] } },
  remove: { 'a-4-3-3-developer': { zh: '本区无开发项目', en: 'the district has no development projects' } },
  parameters: { 'rooms.m2Per100Households': { value: 30, clause: '第三条' }, 'streetSubsidy.minimumPerCommunityPerYear': [{ value: 40000, from: '2024-01-01', clause: '第五条' }] },
});
`,
  );
  const report = (format, out) =>
    spawnSync(
      'npx',
      [
        '--no-install',
        'shequ-rules',
        'report',
        'city.json',
        '--policy',
        'mine.mjs',
        '--format',
        format,
        '--lang',
        'en',
        '--all',
        ...(out ? ['--output', out] : []),
      ],
      { cwd: dir, encoding: 'utf8' },
    );
  for (const format of ['text', 'markdown', 'json', 'html']) {
    const r = report(format);
    if (r.status !== 1) throw new Error(`report --policy (${format}): exit ${r.status}: ${r.stderr}`);
    for (const must of ['NB1', 'Supplementary rules on community building', 'switched off', '40']) {
      const seen =
        format === 'json'
          ? r.stdout.includes(
              must === 'Supplementary rules on community building' ? 'nb-2024' : must === 'switched off' ? 'the district has no development projects' : must,
            )
          : r.stdout.includes(must === 'switched off' ? 'the district has no development projects' : must);
      if (!seen) throw new Error(`report --policy (${format}) does not show ${must}:\n${r.stdout.slice(0, 3000)}`);
    }
  }
  // The per-household rooms (30 m² per 100 households: 900 m² for 3,000) and the subsidy from 2024 (40,000) cite the document.
  const json = JSON.parse(report('json').stdout);
  const q7 = json.findings.find((f) => f.provision === 'Q7' && f.subject === 'c1');
  const q10 = json.findings.find((f) => f.provision === 'Q10' && f.subject === 'c1');
  if (q7.expected !== '900' || !q7.cites?.some((c) => c.source === 'nb-2024')) throw new Error(`Q7 under the document: ${JSON.stringify(q7)}`);
  if (q10.expected !== '40000' || !q10.cites?.some((c) => c.source === 'nb-2024' && c.clause === '第五条'))
    throw new Error(`Q10 under the document: ${JSON.stringify(q10)}`);
  const q8 = json.findings.find((f) => f.provision === 'Q8' && f.subject === 'c1');
  if (q8.expected !== 6 || q8.clause !== 'NB.4' || !q8.cites?.some((c) => c.source === 'nb-2024' && c.clause === '第四条'))
    throw new Error(`Q8 replaced: ${JSON.stringify(q8)}`);
  if (!json.summary.notEvaluated.some((n) => n.provision === 'Q11/Q12' && n.cites?.[0]?.source === 'nb-2024'))
    throw new Error('the switched-off provision is not listed as not evaluated');
  if (json.summary.byProvision.NB1?.pass !== 1) throw new Error(`the added provision is not counted: ${JSON.stringify(json.summary.byProvision)}`);
  const x = report('xlsx', 'out.xlsx');
  if (x.status !== 1 || !readFileSync(join(dir, 'out.xlsx')).subarray(0, 2).equals(Buffer.from('PK')))
    throw new Error(`xlsx --policy without the spreadsheet library: ${x.status} ${x.stderr}`);
  const audit = spawnSync('npx', ['--no-install', 'shequ-rules', 'audit', '--policy', 'mine.mjs', '--lang', 'en', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (audit.status !== 0 || !JSON.parse(audit.stdout).notEvaluated.some((n) => n.id === 'K4'))
    throw new Error(`audit --policy: ${audit.status} ${audit.stdout.slice(0, 500)} ${audit.stderr}`);
  const explain = spawnSync('npx', ['--no-install', 'shequ-rules', 'explain', 'volunteers', '--households', '10', '--policy', 'mine.mjs', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (explain.status !== 0 || JSON.parse(explain.stdout).volunteers !== 2)
    throw new Error(`explain --policy: ${explain.status} ${explain.stdout} ${explain.stderr}`);
  step('a workbook report once the spreadsheet library is installed');
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `@e965/xlsx@${pkg.devDependencies['@e965/xlsx']}`]);
  const y = report('xlsx', 'out.xlsx');
  if (y.status !== 1 || !readFileSync(join(dir, 'out.xlsx')).subarray(0, 2).equals(Buffer.from('PK')))
    throw new Error(`xlsx with the library: ${y.status} ${y.stderr}`);
  step('a strict TypeScript file extending the policy compiles');
  writeFileSync(
    join(dir, 'extend.ts'),
    `
import { createPolicy, extendPolicy, defineProvision, rule, type Source } from 'shequ-rules';
import { evaluateCity } from 'shequ-rules/evaluate';
const source: Source = { id: 'nb-2024', body: { zh: '区', en: 'district' }, title: { zh: '补充规定', en: 'Supplementary rules' } };
const declared = { clause: 'NB.4.2', parameters: { 'volunteers.perCommunity': { unit: '人', serves: ['NB1'], allowed: 'positive-count', values: [{ value: 2 }] } } } as const;
const volunteers = defineProvision({
  id: 'nb-volunteers', ...declared, quantities: ['NB1'], readings: [],
  rules: { volunteersDue: rule((p: { readonly volunteers: { readonly perCommunity: number } }, input: { households: number }) => ({ volunteers: input.households > 0 ? p.volunteers.perCommunity : 0, clause: 'NB.4.2', interpretations: [], trace: [] }), { fields: [], example: {}, schedule: false }) },
  checks: [], findings: { NB1: { name: { zh: '志愿者', en: 'volunteers' }, unit: 'workers', owed: 'volunteers' } },
});
const p = extendPolicy(createPolicy(), { source, add: [volunteers], remove: ['a-4-3-3-developer'], parameters: { 'volunteers.perCommunity': [{ value: 3, from: '2025-01-01', clause: '第二条' }] } });
const n: number = p.volunteersDue({ households: 1 }).volunteers;
const staff: number = p.requiredStaff({ households: 3000 }).staff;
const per: number = p.parameters.volunteers.perCommunity;
const owed = evaluateCity({ year: 2013, communities: [] }, { policy: p }).summary.owed.volunteers;
// @ts-expect-error a misspelt rule is a compile error
p.volunteerDue({ households: 1 });
// @ts-expect-error a misspelt parameter is a compile error
extendPolicy(p, { source: { ...source, id: 'x' }, parameters: { 'volunteers.perCommunty': 1 } });
// @ts-expect-error a provision that is not in the list cannot be switched off
extendPolicy(createPolicy(), { source, remove: ['a-9-nothing'] });
export { n, staff, per, owed };`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', skipLibCheck: false, types: ['node'] },
      files: ['extend.ts'],
    }),
  );
  run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']);

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
