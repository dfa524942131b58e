/**
 * Writes the provision registries from the folders under src/provisions/:
 * each folder `<clause>-<topic>/` with an `about.ts` is a provision, its
 * `parameters.ts` declares its clause and parameters; the rules
 * its about names are found in its files as `export function <name>With(`;
 * a `check.ts` exporting `checks` adds its checks, a `readings.ts` exporting
 * `readings` its readings of ambiguous text. Run by `npm run registry`;
 * `--check` exits 1 when a registry on disk differs (a test runs it).
 *
 *   tsx scripts/registry/write.ts [--check] [--root DIR]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const root = resolve(args.includes('--root') ? args[args.indexOf('--root') + 1]! : join(import.meta.dirname, '../..'));
const dir = join(root, 'src/provisions');
const HEAD = '// Written by `npm run registry` (scripts/registry/write.ts) from the folders of src/provisions/. Do not edit.\n';

const folders = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'about.ts')))
  .map((d) => d.name)
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const local = (folder: string) => folder.replace(/[^a-z0-9]+/gi, '_');

const aboutLines = [HEAD, "import type { About } from './declare.js';"];
for (const f of folders) aboutLines.push(`import ${local(f)} from './${f}/about.js';`);
aboutLines.push('', "/** Every provision's declaration, by its folder, in document order. */");
aboutLines.push(
  `export const ABOUT = {\n${folders.map((f) => `  '${f}': ${local(f)},`).join('\n')}\n} as const satisfies Readonly<Record<string, About>>;`,
  '',
);

const declaredLines = [HEAD, "import type { Declared } from './declare.js';"];
const withParameters = folders.filter((f) => existsSync(join(dir, f, 'parameters.ts')));
for (const f of withParameters) declaredLines.push(`import { declared as ${local(f)} } from './${f}/parameters.js';`);
declaredLines.push(
  '',
  "/** Every provision's clause and parameters, by its folder, in document order (what a rule's bundle needs, without the rest of its about). */",
);
declaredLines.push(
  `export const DECLARED = {\n${withParameters.map((f) => `  '${f}': ${local(f)},`).join('\n')}\n} as const satisfies Readonly<Record<string, Declared>>;`,
  '',
);

const ruleImports: string[] = [];
const ruleEntries: string[] = [];
for (const f of folders) {
  const about = (await import(pathToFileURL(join(dir, f, 'about.ts')).href)).default as { rules: Record<string, unknown> };
  const files = readdirSync(join(dir, f)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'about.ts' && n !== 'parameters.ts');
  for (const rule of Object.keys(about.rules)) {
    const file = files.find((n) => new RegExp(`export function ${rule}With\\(`).test(readFileSync(join(dir, f, n), 'utf8')));
    if (!file) throw new Error(`${f}/about.ts names the rule ${rule}, but no file of ${f}/ exports function ${rule}With(p, input)`);
    ruleImports.push(`import { ${rule}With } from './${f}/${file.replace(/\.ts$/, '.js')}';`);
    ruleEntries.push(`  ${rule}: ${rule}With,`);
  }
}
const rulesText = [
  HEAD,
  ...ruleImports,
  '',
  '/** Every rule, by its public name, as a function of the parameters and its input. */',
  `export const RULES = {\n${ruleEntries.join('\n')}\n} as const;`,
  '',
].join('\n');

const withChecks = folders.filter((f) => existsSync(join(dir, f, 'check.ts')));
const checksText = [
  HEAD,
  "import type { Check } from '../evaluate/check.js';",
  ...withChecks.map((f) => `import { checks as ${local(f)} } from './${f}/check.js';`),
  '',
  '/** Every check, in document order: the community checks decide a status code each, the city checks add findings. */',
  `export const CHECKS: readonly Check[] = [${withChecks.map((f) => `...${local(f)}`).join(', ')}];`,
  '',
].join('\n');

const withReadings = folders.filter((f) => existsSync(join(dir, f, 'readings.ts')));
const readingsText = [
  HEAD,
  ...withReadings.map((f) => `import { readings as ${local(f)} } from './${f}/readings.js';`),
  '',
  '/** Every reading of ambiguous text, gathered from the provisions that declare them, in document order (the register sorts them by id). */',
  `export const READINGS = [${withReadings.map((f) => `...${local(f)}`).join(', ')}] as const;`,
  '',
].join('\n');

const out: Record<string, string> = {
  'about.generated.ts': aboutLines.join('\n'),
  'declared.generated.ts': declaredLines.join('\n'),
  'rules.generated.ts': rulesText,
  'checks.generated.ts': checksText,
  'readings.generated.ts': readingsText,
};
let stale = 0;
for (const [name, text] of Object.entries(out)) {
  const path = join(dir, name);
  const now = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (now === text) continue;
  if (args.includes('--check')) {
    stale++;
    console.error(`src/provisions/${name} is stale: run npm run registry`);
  } else writeFileSync(path, text);
}
process.exitCode = stale ? 1 : 0;
