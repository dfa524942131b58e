/**
 * What a reader of a Chinese surface must never meet (issue 22): code where words belong, values with more digits
 * than anyone reads, and two spacing conventions on one page. One checker for every surface — the text and
 * Markdown reports, the HTML report's rendered text, `explain`, `schedule`, `audit`, the explorer's pages — so
 * that each test calls it on what it produced and gets the offending spots back, each with its context.
 *
 * The convention checked: a space between a number and its unit or `%` (`80.6 %`, `±20 %`, `5 m²`, `1,350,000 元`);
 * `㎡` only inside a quoted term of the source (“…”); no shown value with more than four decimals.
 */

/** One thing a surface should not show, with the text around it. */
export interface SurfaceProblem {
  readonly rule: 'identifier' | 'code-id' | 'artefact' | 'digits' | 'spacing';
  readonly found: string;
  readonly context: string;
}

/** What a surface may show although it looks like code: the data's own ids, file names, a page's own words. */
export interface SurfaceOptions {
  /** Exact strings that are meant (a file name, an id from the data, a command shown to be typed). */
  readonly allow?: readonly (string | RegExp)[];
}

/** A token of the code: lowerCamelCase (`requiredStaff`, `households2`), never a word of either language. */
const CAMEL = /(?<![\w./\\-])[a-z]+(?:[A-Z][a-z0-9]*)+\b/g;
/** A provision's folder, a reading's option or a finding id of the code: `a-4-2-staff`, `fixed-increment`, `A.3.4/ground-floor`. */
const KEBAB = /(?<![\w./\\-])(?:[A-Z](?:\.\d+)+\/)?[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b(?![./\\])/g;
/** What a program prints when it formats what it should not. */
const ARTEFACT = /\bundefined\b|\bNaN\b|\[object |\bInfinity\b|\bnull\b/g;
/** A number shown with five decimals or more (an exact quotient on display). */
const DIGITS = /\d[\d,]*\.\d{5,}/g;
/** A number glued to its unit or percent sign, or the one-character square metre outside a quoted term. */
const GLUED = /\d(?:%|m²|元)/g;
const SQUARE = /㎡/g;

function around(text: string, at: number, length: number): string {
  return text.slice(Math.max(0, at - 30), at + length + 30).replace(/\s+/g, ' ');
}

/** Whether position `at` of `text` is inside a quoted term of the source (“…” or 「…」). */
function quoted(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('“', at), text.lastIndexOf('「', at));
  if (open < 0) return false;
  const close = Math.max(text.lastIndexOf('”', at), text.lastIndexOf('」', at));
  return close < open;
}

/**
 * Everything a surface shows that it should not: identifiers of the code, artefacts of a formatter, more than four
 * decimals, a number glued to its unit.
 *
 * @param text - what the reader sees (a report's text, a page's rendered `innerText`)
 * @param options - strings that are meant although they look like code
 * @returns the problems, in the order they occur (empty when the surface is clean)
 */
export function surfaceProblems(text: string, options: SurfaceOptions = {}): SurfaceProblem[] {
  let clean = text;
  // The program's own name, typed as a command, is meant on every surface.
  clean = clean.replace(/\bshequ-rules\b/g, (m) => ' '.repeat(m.length));
  // Allowed strings are blanked (same length, so contexts stay in place).
  for (const a of options.allow ?? []) {
    const re =
      typeof a === 'string' ? new RegExp(a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(a.source, a.flags.includes('g') ? a.flags : `${a.flags}g`);
    clean = clean.replace(re, (m) => ' '.repeat(m.length));
  }
  // URLs and file paths are addresses, not words.
  clean = clean.replace(/\bhttps?:\/\/\S+|(?:\.{0,2}\/)?(?:[\w-]+\/)+[\w.-]+\.\w+|\b[\w-]+\.(?:csv|xlsx|json|html|md|mjs|js|ts)\b/g, (m) =>
    ' '.repeat(m.length),
  );
  const out: { at: number; p: SurfaceProblem }[] = [];
  const scan = (re: RegExp, rule: SurfaceProblem['rule'], keep: (m: RegExpMatchArray) => boolean = () => true) => {
    for (const m of clean.matchAll(re)) if (keep(m)) out.push({ at: m.index!, p: { rule, found: m[0], context: around(text, m.index!, m[0].length) } });
  };
  scan(CAMEL, 'identifier');
  scan(KEBAB, 'code-id');
  scan(ARTEFACT, 'artefact');
  scan(DIGITS, 'digits');
  scan(GLUED, 'spacing');
  scan(SQUARE, 'spacing', (m) => !quoted(clean, m.index!));
  return out.sort((a, b) => a.at - b.at).map((x) => x.p);
}

/** The problems as lines, for an assertion's message: `rule "found" in …context…`. */
export function describeProblems(problems: readonly SurfaceProblem[]): string[] {
  return problems.map((p) => `${p.rule} ${JSON.stringify(p.found)} in …${p.context}…`);
}
