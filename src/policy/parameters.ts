/**
 * A policy's numbers as data, apart from the formulas that use them. Each is
 * declared once, in its provision's folder (`parameters.ts`: value, unit,
 * clause, whom it serves, what an override may be, the dates its values
 * apply from); this module derives, for any list of declarations, the
 * parameters in force on a day, their references and their types. A formula
 * never holds one of these numbers as a literal: it reads them from the
 * parameters it is given, so a policy can change every one.
 *
 * Exactness: an integer is stored as a number; anything fractional is stored
 * as a decimal string (`'0.3'`), never as a binary float. Pass either form to
 * `new Decimal(x)` to compute with it.
 */
import type { Citation } from '../trace.js';
import type { DatedValue, Declared, ExactValue as DeclaredExactValue, ParameterDeclaration } from '../provisions/declare.js';

/** An exact number: an integer as a JavaScript number, anything else as a decimal string. */
export type ExactValue = DeclaredExactValue;

/** The options a reading's parameter declares. */
export type Options<A> = A extends { readonly allowed: { readonly options: readonly (infer O)[] } } ? O : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** A parameter's value: one of a reading's options, a whole number for years and counts, else an exact value. */
type ValueOf<D> = D extends { readonly allowed: { readonly options: readonly (infer O)[] } }
  ? O
  : D extends { readonly allowed: 'year' | 'horizon' | 'positive-count' }
    ? number
    : ExactValue;
/** A parameter the policy itself does not set (no value declared) is optional. */
type Unset<D> = D extends { readonly values: readonly [] } ? true : false;
type Leaf<P> = P extends `${string}.${string}` ? never : P;
type HeadOf<P> = P extends `${infer H}.${string}` ? H : never;
type Under<R, H extends string> = { [P in keyof R & string as P extends `${H}.${infer T}` ? T : never]: R[P] };
/** The declarations as nested groups: `'staffing.rounding'` becomes `{ staffing: { rounding } }`. */
type Nested<R> = { readonly [P in keyof R & string as Unset<R[P]> extends true ? never : Leaf<P>]: ValueOf<R[P]> } & {
  readonly [P in keyof R & string as Unset<R[P]> extends true ? Leaf<P> : never]?: ValueOf<R[P]>;
} & { readonly [H in HeadOf<keyof R & string>]: Nested<Under<R, H>> };

/** The same type as one object at each level (an intersection of mapped types, flattened; modifiers kept). */
type Deep<T> = T extends object ? { [K in keyof T]: Deep<T[K]> } : T;

/**
 * The parameters a set of declarations gives, as nested groups: `ParamsOf<typeof declared>` for one provision's
 * `declared`, a union of them for several (a rule that reads another provision's number names both).
 */
export type ParamsOf<D extends { readonly parameters: object }> = Deep<Nested<UnionToIntersection<D['parameters']>>>;

/** Freeze an object and everything below it. @internal */
export function deepFreeze<T>(value: T): T {
  // Primitives count as frozen, so only objects get here.
  if (!Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Set `value` at a dotted path of a plain object, making the groups on the way. @internal */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** The value at a dotted path of a parameter set (undefined for an optional one left unset). @internal */
export function valueAtPath(p: object, path: string): ExactValue | undefined {
  let node: unknown = p;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node as ExactValue | undefined;
}

/** A parameter's declaration with the clause that sets it and every id it serves (its own provision's and its readers'). */
export interface DeclaredParameter extends ParameterDeclaration {
  readonly path: string;
  readonly clause: string;
  readonly provisions: readonly string[];
}

/**
 * Every parameter the declarations declare, in their order, each with its clause and every id it serves (those of
 * each provision that reads it, then its own, each once). @internal
 */
export function declarationsOf(declared: readonly Declared[]): DeclaredParameter[] {
  return declared.flatMap((a) =>
    Object.entries(a.parameters).map(([path, d]) => {
      const readers = declared.flatMap((r) => (r.reads && Object.hasOwn(r.reads, path) ? r.reads[path]! : []));
      return { ...d, path, clause: d.clause ?? a.clause, provisions: [...new Set([...readers, ...d.serves])] };
    }),
  );
}

/**
 * The value of a declaration in force on `day` (ISO), or, without a day, the policy as written: its first value,
 * or the value a document laid over it set from the start. A dated value applies from its `from` day, to its `to`
 * day when it has one (then what held before it holds again). @internal
 */
export function datedValueOn(values: readonly DatedValue[], day: string | undefined): DatedValue | undefined {
  let inForce: DatedValue | undefined;
  for (const v of values) {
    if (v.from === undefined) inForce = v;
    else if (day !== undefined && v.from <= day && (v.to === undefined || day <= v.to)) inForce = v;
  }
  return inForce;
}

const declaredOf = new WeakMap<readonly Declared[], DeclaredParameter[]>();
/** {@link declarationsOf}, made once for a list (a policy's list, or the city's). @internal */
export function declarationsOfList(list: readonly Declared[]): DeclaredParameter[] {
  let d = declaredOf.get(list);
  if (!d) declaredOf.set(list, (d = declarationsOf(list)));
  return d;
}

const writtenOf = new WeakMap<readonly DeclaredParameter[], Record<string, unknown>>();
/** The parameters as written of a list's declarations, made once: every policy of the list without a day shares them. @internal */
export function asWritten(declared: readonly DeclaredParameter[]): Record<string, unknown> {
  let p = writtenOf.get(declared);
  if (!p) writtenOf.set(declared, (p = parametersOn(declared)));
  return p;
}

/** The parameters the declarations set on `day` (or as written), nested and deeply frozen. @internal */
export function parametersOn(declared: readonly DeclaredParameter[], day?: string): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const d of declared) {
    const v = datedValueOn(d.values, day);
    if (v !== undefined) setPath(p, d.path, v.value);
  }
  return deepFreeze(p);
}

/** The citation of the value in force on `day`, when a document laid over the policy set it. @internal */
export function citationOn(d: DeclaredParameter, day: string | undefined): Citation | undefined {
  return datedValueOn(d.values, day)?.cites;
}

/**
 * One provision's own defaults (and those of the declarations it reads): what its standalone rule computes with,
 * so that a bundle importing one rule loads its own parameters and nothing of the rest of the policy.
 * @internal
 */
export function ownDefaults<const Ds extends readonly Declared[]>(...declared: Ds): ParamsOf<Ds[number]> {
  return parametersOn(declarationsOf(declared)) as ParamsOf<Ds[number]>;
}

/** The year parameter whose first day starts a parameter (its own declaration says which; `baseYear` by default). @internal */
export const startOf = (declared: readonly DeclaredParameter[], path: string): string => declared.find((d) => d.path === path)?.startsWith ?? 'baseYear';
