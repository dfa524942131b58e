/**
 * The interpretation register: every place where the text can be read more
 * than one way, the readings, the one the library takes by default, and why.
 * Every rule result's `interpretations` refers to these ids.
 */
import { deepFreeze } from '../policy/parameters.js';
import type { Interpretation } from '../provisions/declare.js';
import type { Provision } from '../provisions/provision.js';
import { checkList } from '../provisions/validate.js';
import { NINGGUO_2011 } from './ningguo-2011.js';

export type { Interpretation, InterpretationOption } from '../provisions/declare.js';

/** The number of an id such as `'I10'` (ids of another form sort after, in the order of their provisions). */
const rank = (id: string) => (/^I\d+$/.test(id) ? Number(id.slice(1)) : Number.POSITIVE_INFINITY);

/**
 * The register of a list of provisions: every reading they declare, in the order of their ids (I1, I2, …, I10,
 * then any of another form in the order of their provisions).
 *
 * @param provisions - a policy's list (`policy.provisions`, or `NINGGUO_2011`)
 * @returns its readings, in register order
 * @example
 * ```ts
 * registerOf(createPolicy().provisions).length; //=> 10
 * ```
 */
export function registerOf<const Ps extends readonly Provision[]>(provisions: Ps): Ps[number]['readings'][number][] {
  checkList(provisions, 'registerOf');
  const all = provisions.flatMap((p) => p.readings as Ps[number]['readings'][number][]);
  return all
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => rank(a.id) - rank(b.id) || i - j)
    .map(([r]) => r);
}

/** The readings in the order of their ids (I1, I2, …, I10), gathered from the provisions that declare them. */
const REGISTER = /* @__PURE__ */ registerOf(NINGGUO_2011);

/** The id of a reading in the register: `'I1'` … `'I10'`. */
export type InterpretationId = (typeof REGISTER)[number]['id'];
type Entry<K extends InterpretationId> = Extract<(typeof REGISTER)[number], { id: K }>;
/** How a free-valued reading reports its value (I4 a tolerance such as `'0.2'`, I7 a deadline such as `'end-of-2013'`). */
interface ValueChoices {
  I4: `${number}`;
  I7: `end-of-${number}`;
}
/**
 * The choices a result may report for reading `K`: one of the register's option ids for a closed list, the value's
 * form for a free value. So a result's `interpretations[].choice` can only be a registered option.
 */
export type ReadingChoice<K extends InterpretationId> = K extends keyof ValueChoices ? ValueChoices[K] : Entry<K>['options'][number]['id'];

/**
 * The ten readings I1–I10.
 *
 * @example
 * ```ts
 * interpretations.map((i) => i.id).join(' '); //=> 'I1 I2 I3 I4 I5 I6 I7 I8 I9 I10'
 * interpretations.find((i) => i.id === 'I3')?.default; //=> 'ceil'
 * ```
 */
export const interpretations: readonly (Interpretation & (typeof REGISTER)[number])[] = /* @__PURE__ */ deepFreeze(REGISTER);

/**
 * A reading of the city's register that a result relied on, typed from the register: its id and an option the
 * register lists for it (a choice that is not a registered option does not compile).
 */
export type ReadingUse = { [K in InterpretationId]: { readonly id: K; readonly choice: ReadingChoice<K> } }[InterpretationId];
