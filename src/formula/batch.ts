/**
 * Every community check of a policy decided by one function (issue 24). Each formula check's fast path (its
 * condition written out by `fast.ts` as calls to small helpers) is written out again here with the helpers' bodies
 * inline, as plain statements over local variables, and the checks one after the other in one function made once per
 * compiled policy. A batch of a million records then makes one call a record, where it made two a check (the
 * check's `status`, then its fast path) and a call a helper (an engine inlines only so much into one function).
 *
 * A helper this file has no inline form for is called as it is. Where the integers cannot decide a condition, and
 * for a check without a formula, the check's own `status` decides, as everywhere else: the codes are the same, and
 * `test/batch-decider.test.ts` holds each inline form equal to its helper.
 * @internal
 */
import type { CommunityCheck } from '../provisions/provision.js';
import type { CommunityRecord } from '../provisions/records.js';
import { FAIL, PASS, UNKNOWN, whole } from '../rules/check.js';
import type { FormulaConstants } from './check.js';
import { FAST_HELPERS, fastBoolSource } from './fast.js';

/** Writes the status codes of one validated community into `out[at …]`, one a check, 0 where a check does not apply. */
export type Decider = (c: CommunityRecord, out: Uint8Array, at: number) => void;

const MAX = Number.MAX_SAFE_INTEGER;
const U = 'undefined';
/** `x` held to the safe integers, NaN beyond (the helper S). */
const safe = (x: string) => `(${x} <= ${MAX} && ${x} >= ${-MAX} ? ${x} : NaN)`;
/** A field's value read as an integer (the helper R), from a variable holding it. */
const read = (v: string) =>
  `(${v} === undefined || ${v} === null ? undefined : typeof ${v} === "number" ? (Number.isSafeInteger(${v}) ? ${v} : NaN) : typeof ${v} === "string" ? whole(${v}) : NaN)`;
const both = (a: string, b: string, then: string) => `(${a} === ${U} || ${b} === ${U} ? ${U} : ${then})`;
/** A comparison (GE, GT, …): two temporaries for the rescaled sides. */
const compare =
  (op: string) =>
  ([a, b, ma, mb]: string[], t: () => string): string[] => {
    const l = t();
    const r = t();
    return [
      `${l} = ${a} === ${U} || ${b} === ${U} ? NaN : ${a} * ${ma}`,
      `${r} = ${b} * ${mb}`,
      `${a} === ${U} || ${b} === ${U} ? 3 : !(${l} <= ${MAX} && ${l} >= ${-MAX} && ${r} <= ${MAX} && ${r} >= ${-MAX}) ? -1 : ${l} ${op} ${r} ? 1 : 0`,
    ];
  };

/**
 * The inline form of each helper of `fast.ts` it has one for: the statements before (using temporaries from `t`)
 * and the expression of its value, from its arguments (each a variable or a literal). The helpers' own comments say
 * what they compute; these compute the same, value for value (undefined, NaN and −0 included). Exported for the
 * test that holds each to its helper.
 * @internal
 */
export const INLINE: Record<string, (args: string[], t: () => string) => string[]> = {
  S: ([x]) => [safe(x!)],
  R: ([v]) => [read(v!)],
  RO: ([v, m, o], t) => {
    const r = t();
    return [`${r} = ${read(v!)}`, `${v} === ${U} || ${v} === null ? ${o} : ${safe(`(${r} * ${m})`)}`];
  },
  M: ([a, k]) => [`${a} === ${U} ? ${U} : ${safe(`(${a} * ${k})`)}`],
  MM: ([a, b]) => [both(a!, b!, safe(`(${a} * ${b})`))],
  A: ([a, b]) => [both(a!, b!, safe(`(${a} + ${b})`))],
  B: ([a, b]) => [both(a!, b!, safe(`(${a} - ${b})`))],
  ABS: ([a]) => [`${a} === ${U} ? ${U} : Math.abs(${a})`],
  MAXV: ([a, b]) => [both(a!, b!, `${a} !== ${a} || ${b} !== ${b} ? NaN : ${a} >= ${b} ? ${a} : ${b}`)],
  MINV: ([a, b]) => [both(a!, b!, `${a} !== ${a} || ${b} !== ${b} ? NaN : ${a} <= ${b} ? ${a} : ${b}`)],
  IF: ([c, a, b]) => [`${c} === 1 ? ${a} : ${c} === 0 ? ${b} : ${c} === 3 ? ${U} : NaN`],
  GE: compare('>='),
  GT: compare('>'),
  LE: compare('<='),
  LT: compare('<'),
  EQ: compare('==='),
  AND: ([x, y]) => [`${x} === 0 || ${y} === 0 ? 0 : ${x} === -1 || ${y} === -1 ? -1 : ${x} === 3 || ${y} === 3 ? 3 : 1`],
  OR: ([x, y]) => [`${x} === 1 || ${y} === 1 ? 1 : ${x} === -1 || ${y} === -1 ? -1 : ${x} === 3 || ${y} === 3 ? 3 : 0`],
  NOT: ([x]) => [`${x} === 1 ? 0 : ${x} === 0 ? 1 : ${x}`],
  FLAG: ([v]) => [`typeof ${v} === "boolean" ? (${v} ? 1 : 0) : 3`],
  GIVEN: ([v]) => [`${v} === ${U} || ${v} === null ? 0 : 1`],
  DIV: ([u, v, ma, mb, mode], t) => {
    const [n, m, q, r] = [t(), t(), t(), t()];
    return [
      `if (${u} === ${U} || ${v} === ${U}) ${q} = ${U};
    else {
      ${n} = ${safe(`(${u} * ${ma})`)};
      ${m} = ${safe(`(${v} * ${mb})`)};
      if (${m} === 0) ${q} = ${U};
      else {
        if (${m} < 0) { ${n} = -${n}; ${m} = -${m}; }
        if (${mode} === 2) { ${n} = ${safe(`(2 * ${n} + ${m})`)}; ${m} = ${safe(`(2 * ${m})`)}; }
        else if (${mode} === 1) ${n} = -${n};
        if (${n} !== ${n} || ${m} !== ${m}) ${q} = NaN;
        else {
          ${q} = Math.floor(${n} / ${m});
          ${r} = ${n} - ${q} * ${m};
          if (${r} < 0) ${q} -= 1;
          else if (${r} >= ${m}) ${q} += 1;
          if (${mode} === 1) ${q} = -${q};
        }
      }
    }`,
      q,
    ];
  },
};

/** The source `fast.ts` wrote, read back: a call, a field, a literal, `undefined` or `NaN`. */
type Expr = { readonly call: string; readonly args: readonly Expr[] } | { readonly field: string } | { readonly atom: string };

function parse(source: string): Expr {
  let at = 0;
  const expr = (): Expr => {
    const rest = source.slice(at);
    const field = /^c\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (field) {
      at += field[0].length;
      return { field: field[1]! };
    }
    const atom = /^(?:\(-\d+\)|-?\d+|undefined|NaN)/.exec(rest);
    if (atom) {
      at += atom[0].length;
      return { atom: atom[0] };
    }
    const call = /^([A-Z]+)\(/.exec(rest);
    if (!call) throw new SyntaxError(`not a fast-path expression at ${at}: ${source}`);
    at += call[0].length;
    const args: Expr[] = [];
    for (;;) {
      args.push(expr());
      const c = source[at++];
      if (c === ')') return { call: call[1]!, args };
      if (c !== ',') throw new SyntaxError(`not a fast-path expression at ${at - 1}: ${source}`);
    }
  };
  const e = expr();
  if (at !== source.length) throw new SyntaxError(`not a fast-path expression at ${at}: ${source}`);
  return e;
}

/**
 * Statements computing `source` into a variable, in the order the calls would evaluate it (arguments left to right,
 * then the helper), a field read once where it is written.
 */
function statements(source: string, t: () => string, out: string[]): string {
  const emit = (e: Expr): string => {
    if ('atom' in e) return e.atom;
    const v = t();
    if ('field' in e) {
      out.push(`${v} = c[${e.field}];`);
      return v;
    }
    const args = e.args.map(emit);
    const inline = INLINE[e.call];
    const parts = inline ? inline(args, t) : [`${e.call}(${args.join(', ')})`];
    for (const p of parts.slice(0, -1)) out.push(`${p};`);
    out.push(`${v} = ${parts[parts.length - 1]};`);
    return v;
  };
  return emit(parse(source));
}

/** The resolved condition of a formula check's constants, or undefined for any other check. */
function passOf(check: CommunityCheck, k: unknown): FormulaConstants['resolved']['pass'] | undefined {
  if (check.formula === undefined || typeof k !== 'object' || k === null) return undefined;
  const resolved = (k as Partial<FormulaConstants>).resolved;
  return typeof (k as Partial<FormulaConstants>).fast === 'function' && resolved !== undefined ? resolved.pass : undefined;
}

/**
 * The source of one function deciding `checks`: `decide(c, out, at)`, over the helpers' names, `whole`, and each
 * check's `status` and constants as `st<j>` and `k<j>`. Exported for the tests.
 * @internal
 */
export function deciderSource(checks: readonly CommunityCheck[], per: readonly unknown[]): string {
  let n = 0;
  const t = () => `t${n++}`;
  const body: string[] = [];
  checks.forEach((check, j) => {
    const pass = passOf(check, per[j]);
    // The check's own status, where the fast path cannot decide or the check has no formula.
    const own = `st${j}(c, k${j})`;
    const lines: string[] = [];
    let code = own;
    if (pass !== undefined) {
      try {
        const v = statements(fastBoolSource(pass), t, lines);
        code = `${v} === 1 ? ${PASS} : ${v} === 0 ? ${FAIL} : ${v} === 3 ? ${UNKNOWN} : ${own}`;
      } catch {
        lines.length = 0; // a form this file cannot read back: the check's status decides
      }
    }
    const decided = [...lines, `out[at + ${j}] = ${code};`];
    body.push(check.rural ? decided.join('\n  ') : `if (urban) {\n    ${decided.join('\n    ')}\n  } else out[at + ${j}] = 0;`);
  });
  const temps = Array.from({ length: n }, (_, i) => `t${i}`);
  return `"use strict";\nreturn function decide(c, out, at) {\n  const urban = c.kind === "urban";\n${temps.length ? `  let ${temps.join(', ')};\n` : ''}  ${body.join('\n  ')}\n};`;
}

/**
 * One function deciding `checks` (compiled to `per`) for a community, or undefined where a function cannot be made
 * from source (each check's `status` is then called in turn, with the same codes).
 *
 * @param checks - the policy's community checks, in the order of their status codes
 * @param per - each check's constants, compiled for the policy and the year
 * @returns the decider, or undefined
 * @internal
 */
export function batchDecider(checks: readonly CommunityCheck[], per: readonly unknown[]): Decider | undefined {
  const names = [...Object.keys(FAST_HELPERS), 'whole', ...checks.flatMap((_, j) => [`st${j}`, `k${j}`])];
  const values = [...Object.values(FAST_HELPERS), whole, ...checks.flatMap((check, j) => [check.status, per[j]])];
  try {
    // The source is made of the helpers' names, integer literals, field names quoted by JSON.stringify (as fast.ts
    // wrote them) and the names of the checks' own functions and constants, which are passed in.
    return new Function(...names, deciderSource(checks, per))(...values) as Decider;
  } catch {
    return undefined;
  }
}
