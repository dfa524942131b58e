/**
 * The provisions' declarations, read the ways the rest of the library needs
 * them: every kind of finding with its name and unit, every rule's inputs,
 * every clause's links. Derived from `about.generated.ts`; nothing here names
 * a provision.
 */
import { ABOUT } from './about.generated.js';
import type { About, FindingAbout, OwedKey, RuleAbout, ValueUnit } from './declare.js';
import type { Bilingual } from '../policy/provisions.js';
export { PARAMETERS, type DeclaredParameter } from './parameters.js';

const abouts: readonly About[] = /* @__PURE__ */ Object.values(ABOUT);

/** A kind of finding, with the clause of the provision that declares it. */
export interface FindingKind extends FindingAbout {
  readonly provision: string;
  readonly clause: string;
}

/** Every kind of finding, in document order (the order of a report). */
export const FINDING_KINDS: readonly FindingKind[] = /* @__PURE__ */ abouts.flatMap((a) =>
  Object.entries(a.findings).map(([provision, f]) => ({ ...f, provision, clause: a.clause })),
);

/** The kinds by provision id (a Map: no id such as `constructor` finds an inherited entry). */
const BY_PROVISION: ReadonlyMap<string, FindingKind> = /* @__PURE__ */ new Map(FINDING_KINDS.map((k) => [k.provision, k]));

/** A kind of finding by its provision id, or undefined. Looked up for every failing finding a tally adds, so a Map. */
export const findingKind = (provision: string): FindingKind | undefined => BY_PROVISION.get(provision);

/** A total of the summary: what the failing findings of one kind add up to. */
export interface OwedTotal {
  readonly key: OwedKey;
  /** Its name in words, as reports show it. */
  readonly name: Bilingual;
  /** Its unit: the unit of the findings that add to it. */
  readonly unit: ValueUnit;
  /** The provision whose shortfalls add to it. */
  readonly provision: string;
}

/** The totals owed, in document order (the order of `summary.owed` and of a report's rows). */
export const OWED_TOTALS: readonly OwedTotal[] = /* @__PURE__ */ FINDING_KINDS.flatMap((k) =>
  k.owed === undefined ? [] : [{ key: k.owed, name: k.owedName ?? k.name, unit: k.unit ?? 'yuan', provision: k.provision }],
);

/**
 * Whether a finding's expected value is an area standing for money that cannot be priced: its kind declares the
 * text (`areaWhen`) its message then holds. For the reports and the views alike.
 */
export function expectedIsArea(f: { readonly provision: string; readonly status: string; readonly message: { readonly en: string } }): boolean {
  const when = findingKind(f.provision)?.areaWhen;
  return when !== undefined && f.status === 'unknown' && f.message.en.includes(when);
}

/** The name of a rule, as the registry declares it. */
export type DeclaredRule = { [F in keyof typeof ABOUT]: keyof (typeof ABOUT)[F]['rules'] }[keyof typeof ABOUT];

/** Every rule's inputs and worked example, by the rule's name, in document order. */
export const RULE_ABOUT: Readonly<Record<DeclaredRule, RuleAbout>> = /* @__PURE__ */ Object.fromEntries(
  abouts.flatMap((a) => Object.entries(a.rules)),
) as Record<DeclaredRule, RuleAbout>;

/** What the provisions of one clause declare together: its parameters, rules, quantities and readings. */
export function clauseLinks(clause: string): { parameters: string[]; rules: string[]; quantities: string[]; interpretations: string[] } {
  const of = abouts.filter((a) => a.clause === clause);
  const all = (pick: (a: About) => readonly string[]) => [...new Set(of.flatMap(pick))];
  return {
    parameters: all((a) => [...Object.keys(a.reads ?? {}), ...Object.keys(a.parameters)]),
    rules: all((a) => Object.keys(a.rules)),
    quantities: all((a) => a.quantities),
    interpretations: all((a) => a.interpretations),
  };
}
