/**
 * The architecture, checked: one home per provision, every folder a provision of the list, and layers that
 * import only inwards (issues 11 and 20).
 *
 * - Outside its folder under src/provisions/, no source file names a provision's rules, Q-ids or I-ids (of any
 *   number), in code or in comments (TSDoc examples, which tests run, may), but the few files listed below with
 *   their reason.
 * - Inside a folder, only its own ids appear (its quantities, findings and readings, and the readings of the
 *   provisions whose code it uses).
 * - An inner layer never imports an outer one — at run time, for its types or lazily — but the reasoned lazy
 *   loads; and there is no import cycle, type-only imports counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { NINGGUO_2011 } from '../src/policies/ningguo-2011.js';
import { declarationsOf } from '../src/policy/parameters.js';
import type { Provision } from '../src/provisions/provision.js';

const SRC = 'src';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  );
const sources = files(SRC);

const RULES = new Set(NINGGUO_2011.flatMap((p) => Object.keys(p.rules)));
/** A quantity's id (Q1, Q13, Q130) or a reading's (I1, I10, I11), of any number. */
const Q_ID = /\b[QI]\d+\b/g;
/** The folder of each provision of the list, by its id. */
const FOLDER: ReadonlyMap<string, (typeof NINGGUO_2011)[number]> = new Map(NINGGUO_2011.map((p) => [p.id, p]));

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
    for (const m of prose.matchAll(/\b([QI]\d+|[a-z][A-Za-z]+)\b/g)) {
      const bare = m[1]!.replace(/With$/, '');
      if (/^[QI]\d/.test(m[1]!) || (RULES.has(bare) && bare !== 'targets')) out.push({ line, name: m[1]! });
    }
  }
  return out;
}

/** Files that may name provisions, each with its reason. Keep this list short: a new entry needs a reason a reviewer accepts. */
const ALLOWED: Readonly<Record<string, string>> = {
  'src/index.ts': 'the public index exports every rule by name',
  'src/audit/audit-policy.ts': 'the registry of consistency checks K1–K10: each compares provisions with each other, so none has one home',
  'src/cli/main.ts': 'the one CLI table: `schedule fund|rollout` and their flags',
  'src/policy/provisions.ts': 'the clause registry: its summaries, in our words, name the readings that resolve each clause (I7: 2011–2013)',
  'src/policies/standards.ts':
    'the readings of the standards beside the city’s document (I11, I12): registered with the registry, whose documents are not provisions of the city’s list',
  'src/policies/interpretations.ts':
    'the city’s register, typed: the forms of its free-valued readings (I4 a tolerance, I7 a deadline), which a reading cannot declare as a type',
};

describe('one home per provision', () => {
  const folderOf = (file: string) => /^src\/provisions\/([^/]+)\//.exec(file.replaceAll('\\', '/'))?.[1];

  test('the Q- and I-id pattern sees ids of any number (Q13, I11, Q130), not only those the city has today', () => {
    expect('Q13 I11 Q130 I1 Q1/Q2'.match(Q_ID)).toEqual(['Q13', 'I11', 'Q130', 'I1', 'Q1', 'Q2']);
  });

  test('no source file outside a provision’s folder names its rules, Q-ids or I-ids, in code or comments, but the listed files', () => {
    const offenders = sources
      .map((f) => relative('.', f).replaceAll('\\', '/'))
      .filter((f) => folderOf(f) === undefined && !Object.hasOwn(ALLOWED, f))
      .flatMap((f) => names(f).map((n) => `${f}:${n.line} ${n.name}`));
    expect(offenders).toEqual([]);
  });

  test('a provision’s folder names only its own Q-ids and I-ids (its quantities, findings and readings)', () => {
    const offenders: string[] = [];
    for (const [folder, p] of FOLDER) {
      // Its own ids, and the readings of the provisions whose code it uses (rooms in kind are sized by the room reading).
      const used = [...GRAPH.entries()]
        .filter(([f]) => folderOf(f) === folder)
        .flatMap(([, edges]) => edges.map((e) => folderOf(e.target)))
        .filter((f): f is string => f !== undefined && f !== folder);
      const own = new Set([
        ...p.quantities,
        ...Object.keys(p.findings).flatMap((id) => id.match(Q_ID) ?? []),
        ...p.readings.map((r) => r.id),
        ...used.flatMap((f) => FOLDER.get(f)?.readings.map((r) => r.id) ?? []),
      ]);
      for (const f of sources.filter((s) => folderOf(relative('.', s)) === folder)) {
        for (const n of names(f)) if (/^[QI]\d/.test(n.name) && !own.has(n.name)) offenders.push(`${relative('.', f)}:${n.line} ${n.name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('every folder under src/provisions/ is a provision of the list, under its own id', () => {
    const folders = readdirSync('src/provisions', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual([...FOLDER.keys()].sort());
  });

  test('every allowed exception still names a provision (a stale entry is removed)', () => {
    for (const f of Object.keys(ALLOWED)) expect(names(f).length, f).toBeGreaterThan(0);
  });

  test('each parameter is declared once, and every parameter a provision reads is declared', () => {
    const declared = declarationsOf(NINGGUO_2011);
    const paths = declared.map((d) => d.path);
    expect(paths.length).toBe(new Set(paths).size);
    for (const p of NINGGUO_2011 as readonly Provision[]) for (const path of Object.keys(p.reads ?? {})) expect(paths, path).toContain(path);
    for (const d of declared) if (d.startsWith) expect(paths, d.startsWith).toContain(d.startsWith);
  });

  test('each check’s finding has its words, and each reading its parameter', () => {
    for (const p of NINGGUO_2011) {
      for (const c of p.checks) expect(Object.keys(p.findings), `${p.id}: ${c.provision}`).toContain(c.provision);
      for (const r of p.readings)
        if (r.parameter !== null)
          expect(
            declarationsOf(NINGGUO_2011).map((d) => d.path),
            r.id,
          ).toContain(r.parameter);
    }
  });
});

/** The layers, inner first: a file may import only from its own layer or inner ones — at run time, for its types, or lazily. */
const LAYERS: readonly [string, RegExp][] = [
  ['kernel', /^src\/(decimal|errors|values|trace|display|kinds|bilingual)\.ts$/],
  ['model', /^src\/policy\/|^src\/provisions\/(declare|provision|records|validate)\.ts$|^src\/formula\/types\.ts$/],
  ['rules', /^src\/rules\/|^src\/formula\//],
  ['provisions', /^src\/provisions\/[^/]+\/[^/]+\.ts$/],
  ['policy', /^src\/policies\/|^src\/create-policy\.ts$/],
  ['evaluation and audit', /^src\/(evaluate|audit|read|csv|sql)\//],
  ['report and views', /^src\/(report|view)\//],
  ['cli', /^src\/cli\//],
  ['entries', /^src\/(index|spec|evaluation|view)\.ts$/],
];
const layerOf = (file: string) => LAYERS.findIndex(([, re]) => re.test(file));

/**
 * The only imports that go outwards, each lazy (a dynamic `import()`, so nothing of the outer layer loads until it
 * is called) and each with its reason.
 */
const LAZY_OUTWARDS: Readonly<Record<string, string>> = {
  'src/evaluate/city.ts -> src/view/display-evaluation.ts': 'an evaluation shows itself in a notebook: its view loads on first display',
};

/** Every import of a source file of src/: static, type-only and dynamic, with its kind. */
function imports(abs: string): { target: string; kind: 'static' | 'type' | 'dynamic' }[] {
  const file = relative('.', abs).replaceAll('\\', '/');
  const sf = ts.createSourceFile(file, readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { target: string; kind: 'static' | 'type' | 'dynamic' }[] = [];
  const add = (spec: string | undefined, kind: 'static' | 'type' | 'dynamic') => {
    if (!spec?.startsWith('.')) return;
    out.push({ target: join(file, '..', spec).replaceAll('\\', '/').replace(/\.js$/, '.ts'), kind });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) {
      const spec = n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier) ? n.moduleSpecifier.text : undefined;
      const typeOnly = ts.isImportDeclaration(n) ? n.importClause?.isTypeOnly === true : n.isTypeOnly;
      add(spec, typeOnly ? 'type' : 'static');
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      add(n.arguments[0].text, 'dynamic');
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      add(n.argument.literal.text, 'type'); // typeof import('…')
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const GRAPH: ReadonlyMap<string, { target: string; kind: 'static' | 'type' | 'dynamic' }[]> = new Map(
  sources.map((abs) => [relative('.', abs).replaceAll('\\', '/'), imports(abs)]),
);

describe('layers', () => {
  test('every source file has a layer', () => {
    expect([...GRAPH.keys()].filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  test('no import goes outwards — run-time, type-only or dynamic — but the reasoned lazy loads', () => {
    const offenders: string[] = [];
    for (const [file, edges] of GRAPH) {
      for (const { target, kind } of edges) {
        if (layerOf(target) <= layerOf(file)) continue;
        const key = `${file} -> ${target}`;
        if (kind === 'dynamic' && Object.hasOwn(LAZY_OUTWARDS, key)) continue;
        offenders.push(`${file} (${LAYERS[layerOf(file)]![0]}) imports ${target} (${LAYERS[layerOf(target)]![0]}), ${kind}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('every reasoned lazy load is still there (a stale entry is removed)', () => {
    for (const key of Object.keys(LAZY_OUTWARDS)) {
      const [from, to] = key.split(' -> ') as [string, string];
      expect(
        GRAPH.get(from)?.some((e) => e.target === to && e.kind === 'dynamic'),
        key,
      ).toBe(true);
    }
  });

  test('no import cycle, with type-only and dynamic imports counted', () => {
    // Tarjan's strongly connected components over every edge.
    let index = 0;
    const at = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      at.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const { target: w, kind } of GRAPH.get(v) ?? []) {
        // The reasoned lazy loads are the one way out of a layer; they are not part of any layer's structure.
        if (!GRAPH.has(w) || (kind === 'dynamic' && Object.hasOwn(LAZY_OUTWARDS, `${v} -> ${w}`))) continue;
        if (!at.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, at.get(w)!));
      }
      if (low.get(v) === at.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || (GRAPH.get(v) ?? []).some((e) => e.target === v)) cycles.push(scc.sort());
      }
    };
    for (const v of GRAPH.keys()) if (!at.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });
});
