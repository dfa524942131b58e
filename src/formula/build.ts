/**
 * The builders a check's formula is written with: each returns a plain node
 * (`src/formula/types.ts`), so a formula reads like the clause it says and
 * stays data that the library compiles, prints as SQL and explains.
 */
import type { Bool, CheckFormula, Num, RoundBy, Rounding } from './types.js';

/** A constant, exact: a decimal string or a safe integer (`c('0.01')`, `c(100)`). */
export const c = (value: string | number): Num => ({ op: 'const', value: String(value) });
/** A field of the community record: unknown when missing, unless `otherwise` says what it counts as. */
export const field = (name: string, otherwise?: Num): Num => (otherwise === undefined ? { op: 'field', name } : { op: 'field', name, otherwise });
/** A parameter of the policy by its dotted path. */
export const param = (path: string): Num => ({ op: 'param', path });
/** The year of the data (unknown without one). */
export const year = (): Num => ({ op: 'year' });
/** `x` as a value of the data's year: unknown when no year was given. */
export const ofYear = (x: Num): Num => ({ op: 'ofYear', x });
/** Days of the year. */
export const daysInYear = (): Num => ({ op: 'daysInYear' });
/** Days of the year from the date field `name` to its last day, both ends counted (0 after it, all before it). */
export const daysFrom = (name: string): Num => ({ op: 'daysFrom', field: name });
export const add = (...terms: Num[]): Num => ({ op: 'add', terms });
export const sub = (a: Num, b: Num): Num => ({ op: 'sub', a, b });
export const mul = (a: Num, b: Num): Num => ({ op: 'mul', a, b });
/** `a ÷ b`, exact. */
export const div = (a: Num, b: Num): Num => ({ op: 'div', a, b });
/** `a ÷ b` rounded to `places` decimals (default 0) by a fixed rounding or by a reading (`byReading(id, path)`). */
export const divRounded = (a: Num, b: Num, round: RoundBy | Rounding, places = 0): Num => ({
  op: 'div',
  a,
  b,
  round: typeof round === 'string' ? { fixed: round } : round,
  places,
});
/** A rounding chosen by a reading: the option parameter `path` holds `'ceil'`, `'floor'` or `'half-up'`. */
export const byReading = (reading: string, path: string): RoundBy => ({ reading, path });
export const abs = (x: Num): Num => ({ op: 'abs', x });
export const max = (...terms: Num[]): Num => ({ op: 'max', terms });
export const min = (...terms: Num[]): Num => ({ op: 'min', terms });
export const when = (cond: Bool, then: Num, otherwise: Num): Num => ({ op: 'if', cond, then, else: otherwise });
/** The formula a reading's choice picks (the option parameter `path` selects a case). */
export const reading = (id: string, path: string, cases: Record<string, Num>): Num => ({ op: 'reading', reading: id, path, cases });
/**
 * A reading chosen by whether the optional parameter `path` is set: `[option, value]` when it is, and when it is
 * not.
 */
export function readingIfSet(id: string, path: string, set: [option: string, value: Num], unset: [option: string, value: Num]): Num {
  return {
    op: 'readingIfSet',
    reading: id,
    path,
    // biome-ignore lint/suspicious/noThenProperty: a plain data node, never awaited
    set: { option: set[0], then: set[1] },
    // biome-ignore lint/suspicious/noThenProperty: a plain data node, never awaited
    unset: { option: unset[0], then: unset[1] },
  };
}

/**
 * The number `output` of the policy's rule `rule` on `input` (a document's replacement of the rule is followed):
 * unknown when an input is, except those named in `optional`, which are then left out of the rule's input.
 */
export const ruleValue = (rule: string, output: string, input: Record<string, Num>, optional?: readonly string[]): Num =>
  optional === undefined ? { op: 'rule', rule, output, input } : { op: 'rule', rule, output, input, optional };
/** Whether the rule's `output` on `input` is `value` (a route taken, a target due). */
export const ruleIs = (rule: string, output: string, value: string | boolean, input: Record<string, Num>, optional?: readonly string[]): Bool =>
  optional === undefined ? { op: 'ruleIs', rule, output, value, input } : { op: 'ruleIs', rule, output, value, input, optional };
/** A value between `low` and `high` held to at least `b`: true when `low` reaches it, false when `high` falls short, else unknown. */
export const atLeast = (low: Num, high: Num, b: Num): Bool => ({ op: 'atLeast', low, high, b });
/** Whether the reading `id` (its option parameter `path`) takes `option`. */
export const readingIs = (id: string, path: string, option: string): Bool => ({ op: 'readingIs', reading: id, path, option });

export const ge = (a: Num, b: Num): Bool => ({ op: 'ge', a, b });
export const gt = (a: Num, b: Num): Bool => ({ op: 'gt', a, b });
export const le = (a: Num, b: Num): Bool => ({ op: 'le', a, b });
export const lt = (a: Num, b: Num): Bool => ({ op: 'lt', a, b });
export const eq = (a: Num, b: Num): Bool => ({ op: 'eq', a, b });
export const and = (...terms: Bool[]): Bool => ({ op: 'and', terms });
export const or = (...terms: Bool[]): Bool => ({ op: 'or', terms });
export const not = (x: Bool): Bool => ({ op: 'not', x });
/** A yes/no field: unknown when missing. */
export const flag = (name: string): Bool => ({ op: 'flag', name });
/** Whether the record gives the field. */
export const given = (name: string): Bool => ({ op: 'given', name });
export const yes = (): Bool => ({ op: 'true' });

/**
 * A community check's formula: the verdict and the finding's values. `shortfall` defaults to `expected − actual`
 * (for a yes/no check, 1); `owes` to true.
 */
export function checkFormula(f: {
  pass: Bool;
  expected: CheckFormula['expected'];
  actual: CheckFormula['actual'];
  kind: CheckFormula['kind'];
  shortfall?: Num;
  owes?: boolean;
}): CheckFormula {
  const shortfall = f.shortfall ?? (f.kind === 'flag' ? c(1) : sub(f.expected as Num, f.actual as Num));
  return { pass: f.pass, expected: f.expected, actual: f.actual, kind: f.kind, shortfall, owes: f.owes ?? true };
}
