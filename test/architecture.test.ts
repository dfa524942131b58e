/**
 * The architecture, checked: one home per provision, registries that are
 * up to date, and layers that import only inwards (issue 11).
 *
 * - Outside its folder under src/provisions/, no source file names a
 *   provision's rules or its Q-ids, in code or in comments (TSDoc examples,
 *   which tests run, may), except the registries, the public index and the
 *   few files listed below with their reason.
 * - Inside a folder, only its own Q-ids appear (its quantities and findings).
 * - The generated registries are what `npm run registry` writes now.
 * - An inner layer never imports an outer one at run time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { ABOUT } from '../src/provisions/about.generated.js';
import { PARAMETERS } from '../src/provisions/registry.js';
import type { About } from '../src/provisions/declare.js';
import { COMMUNITY_CHECKS } from '../src/evaluate/evaluate.js';

const SRC = 'src';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  );
const sources = files(SRC);

const RULES = new Set(Object.values(ABOUT).flatMap((a) => Object.keys(a.rules)));
const Q_ID = /\bQ(?:1[0-2]|[1-9])\b/g;

/** Q-ids in string literals and rule names as identifiers, with their lines. */
function names(file: string): { line: number; name: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { line: number; name: string }[] = [];
  // Comments too, found through the syntax tree (a scan of the raw text can take a quote in a regular expression for
  // the start of a string and miss a comment): each node's leading and trailing comments, once each.
  const comments = new Map<number, string>();
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) comments.set(r.pos, sf.text.slice(r.pos, r.end));
  };
  const visit = (n: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(sf.text, n.pos));
    collect(ts.getTrailingCommentRanges(sf.text, n.end));
    const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      for (const m of n.text.matchAll(Q_ID)) out.push({ line, name: m[0] });
      if (RULES.has(n.text.replace(/With$/, ''))) out.push({ line, name: n.text });
    }
    // A data property that shares a rule's name (the `targets` group of the parameters) is not the rule.
    const declaresProperty = n.parent !== undefined && (ts.isPropertySignature(n.parent) || ts.isPropertyAssignment(n.parent));
    if (ts.isIdentifier(n) && !(declaresProperty && (n.parent as ts.PropertySignature).name === n)) {
      const bare = n.text.replace(/With$/, '');
      if (RULES.has(bare)) out.push({ line, name: n.text });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  // In a comment: a Q-id, or a rule's name (but `targets`, which is also an English word). TSDoc examples may name
  // them: they show the public API at work, and test/tsdoc-examples.test.ts runs them, so a rename cannot leave one stale.
  for (const [pos, text] of comments) {
    const line = sf.getLineAndCharacterOfPosition(pos).line + 1;
    const prose = text.replace(/@example[\s\S]*?(?=\n\s*\*\s*@|\*\/)/g, '');
    for (const m of prose.matchAll(/\b(Q(?:1[0-2]|[1-9])|[a-z][A-Za-z]+)\b/g)) {
      const bare = m[1]!.replace(/With$/, '');
      if (/^Q\d/.test(m[1]!) || (RULES.has(bare) && bare !== 'targets')) out.push({ line, name: m[1]! });
    }
  }
  return out;
}

/** Files that may name provisions, each with its reason. Keep this list short: a new entry needs a reason a reviewer accepts. */
const ALLOWED: Readonly<Record<string, string>> = {
  'src/index.ts': 'the public index exports every rule by name',
  'src/provisions/rules.generated.ts': 'a registry (written by npm run registry)',
  'src/audit/audit-policy.ts': 'the registry of consistency checks K1–K10: each compares provisions with each other, so none has one home',
  'src/cli/main.ts': 'the one CLI table: `schedule fund|rollout` and their flags',
};

describe('one home per provision', () => {
  const folderOf = (file: string) => /^src\/provisions\/([^/]+)\//.exec(file.replaceAll('\\', '/'))?.[1];

  test('no source file outside a provision’s folder names its rules or Q-ids, in code or comments, but the registries and the listed files', () => {
    const offenders = sources
      .map((f) => relative('.', f).replaceAll('\\', '/'))
      .filter((f) => folderOf(f) === undefined && !Object.hasOwn(ALLOWED, f))
      .flatMap((f) => names(f).map((n) => `${f}:${n.line} ${n.name}`));
    expect(offenders).toEqual([]);
  });

  test('a provision’s folder names only its own Q-ids', () => {
    const offenders: string[] = [];
    for (const [folder, about] of Object.entries(ABOUT)) {
      const own = new Set([...about.quantities, ...Object.keys(about.findings).flatMap((id) => id.match(Q_ID) ?? [])]);
      for (const f of sources.filter((s) => folderOf(relative('.', s)) === folder)) {
        for (const n of names(f)) if (/^Q\d/.test(n.name) && !own.has(n.name)) offenders.push(`${relative('.', f)}:${n.line} ${n.name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('a provision’s readings are declared in its folder, and its about lists exactly those', async () => {
    for (const [folder, about] of Object.entries(ABOUT)) {
      const file = join(SRC, 'provisions', folder, 'readings.ts');
      const ids = existsSync(file) ? ((await import(`../${file}`)).readings as { id: string }[]).map((r) => r.id) : [];
      expect(ids, folder).toEqual([...about.interpretations]);
    }
  });

  test('every allowed exception still names a provision (a stale entry is removed)', () => {
    for (const f of Object.keys(ALLOWED)) expect(names(f).length, f).toBeGreaterThan(0);
  });

  test('each parameter is declared once, and every parameter a provision reads is declared', () => {
    const paths = PARAMETERS.map((d) => d.path);
    expect(paths.length).toBe(new Set(paths).size);
    for (const a of Object.values(ABOUT) as About[]) for (const path of Object.keys(a.reads ?? {})) expect(paths, path).toContain(path);
    for (const d of PARAMETERS) if (d.startsWith) expect(paths, d.startsWith).toContain(d.startsWith);
  });

  test('the community checks take the columns 0, 1, 2, … with none missing', () => {
    expect(COMMUNITY_CHECKS.map((c) => c.column)).toEqual(COMMUNITY_CHECKS.map((_, j) => j));
  });

  test('the registries are what `npm run registry` writes now', { timeout: 60_000 }, () => {
    expect(() =>
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/registry/write.ts', '--check'], {
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 55_000,
      }),
    ).not.toThrow();
  });
});

/** The layers, inner first: a file may import (at run time) only from its own layer or inner ones. */
const LAYERS: readonly [string, RegExp][] = [
  ['kernel', /^src\/(decimal|errors|values|trace|display|kinds)\.ts$/],
  [
    'policy data',
    /^src\/policy\/|^src\/provisions\/(declare|registry|parameters|about\.generated|declared\.generated|readings\.generated)\.ts$|^src\/provisions\/[^/]+\/(about|parameters|readings)\.ts$/,
  ],
  [
    'rules',
    /^src\/rules\/|^src\/provisions\/rules\.generated\.ts$|^src\/provisions\/[^/]+\/(?!check\.ts|about\.ts|parameters\.ts|readings\.ts)[^/]+\.ts$|^src\/create-policy\.ts$/,
  ],
  ['evaluation and audit', /^src\/(evaluate|audit|read|csv)\/|^src\/provisions\/checks\.generated\.ts$|^src\/provisions\/[^/]+\/check\.ts$/],
  ['report and views', /^src\/(report|view)\//],
  ['cli', /^src\/cli\//],
  ['entries', /^src\/(index|spec|evaluation|view)\.ts$/],
];
const layerOf = (file: string) => LAYERS.findIndex(([, re]) => re.test(file));

describe('layers', () => {
  test('every source file has a layer', () => {
    expect(sources.map((f) => relative('.', f).replaceAll('\\', '/')).filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  test('no run-time import goes outwards', () => {
    const offenders: string[] = [];
    for (const abs of sources) {
      const file = relative('.', abs).replaceAll('\\', '/');
      const sf = ts.createSourceFile(file, readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const st of sf.statements) {
        if (!ts.isImportDeclaration(st) && !ts.isExportDeclaration(st)) continue;
        if (ts.isImportDeclaration(st) && st.importClause?.isTypeOnly) continue;
        if (ts.isExportDeclaration(st) && st.isTypeOnly) continue;
        const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
        if (!spec?.startsWith('.')) continue;
        const target = join(file, '..', spec).replaceAll('\\', '/').replace(/\.js$/, '.ts');
        if (layerOf(target) > layerOf(file)) offenders.push(`${file} (${LAYERS[layerOf(file)]![0]}) imports ${target} (${LAYERS[layerOf(target)]![0]})`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
