/**
 * The clause registry: one entry for every clause of both documents, each
 * summarised in our own words (`src/policy/provisions.ts`), with the links
 * of a quantitative clause — its parameters, rules, Q-ids and readings —
 * from the provisions of the city's list that declare it.
 */
import { PolicyInputError, refused } from '../errors.js';
import { deepFreeze } from '../policy/parameters.js';
import { ENTRIES, type Provision } from '../policy/provisions.js';
import type { Provision as ProvisionValue } from '../provisions/provision.js';
import { checkList } from '../provisions/validate.js';
import { NINGGUO_2011 } from './ningguo-2011.js';

/**
 * What the provisions of one clause declare together: its parameters, rules, quantities and readings.
 *
 * @param clause - a clause id such as `'A.4.2'`
 * @param list - the provisions to look in (default: the city's document)
 * @returns the parameters, rules, Q-ids and reading ids of the provisions of that clause
 * @example
 * ```ts
 * clauseLinks('A.4.2').rules; //=> ['requiredStaff']
 * ```
 */
export function clauseLinks(
  clause: string,
  list: readonly ProvisionValue[] = NINGGUO_2011,
): { parameters: string[]; rules: string[]; quantities: string[]; interpretations: string[] } {
  if (list !== NINGGUO_2011) checkList(list, 'clauseLinks');
  const of = list.filter((a) => a.clause === clause);
  const all = (pick: (a: ProvisionValue) => readonly string[]) => [...new Set(of.flatMap(pick))];
  return {
    parameters: all((a) => [...Object.keys(a.reads ?? {}), ...Object.keys(a.parameters)]),
    rules: all((a) => Object.keys(a.rules)),
    quantities: all((a) => a.quantities),
    interpretations: all((a) => a.readings.map((r) => r.id)),
  };
}

/**
 * Every clause of both documents, in document order.
 *
 * @example
 * ```ts
 * provisions.length; //=> 25
 * provisions.filter((p) => p.kind === 'quantitative').map((p) => p.id); //=> ['A.2', 'A.3.1', 'A.3.3', 'A.3.4', 'A.4.2', 'A.4.3']
 * ```
 */
export const provisions: readonly Provision[] = /* @__PURE__ */ deepFreeze(
  ENTRIES.map(([id, label, kind, [titleZh, titleEn], [zh, en]]) => ({
    id,
    document: id[0] as 'A' | 'B',
    label,
    kind,
    title: { zh: titleZh, en: titleEn },
    summary: { zh, en },
    // Its links to parameters, rules, quantities and readings come from the provisions that declare this clause.
    ...clauseLinks(id),
  })),
);

/**
 * One clause by its id.
 *
 * @param id - a clause id such as `'A.4.2'` or `'B.3'`
 * @returns the registry entry
 * @throws {@link PolicyInputError} for an id that is not a clause
 * @example
 * ```ts
 * provision('A.4.2').quantities; //=> ['Q8']
 * provision('A.3.4').label; //=> '三(四)'
 * ```
 */
export function provision(id: string): Provision {
  const found = provisions.find((p) => p.id === id);
  if (found) return found;
  throw new PolicyInputError(
    [
      refused(
        'id',
        'unknown-name',
        {
          en: `a clause id such as 'A.3.4' or 'B.3' (one of ${provisions.map((p) => p.id).join(', ')})`,
          zh: `条款编号，如 'A.3.4' 或 'B.3'(${provisions.map((p) => p.id).join('、')} 之一)`,
        },
        id,
      ),
    ],
    'provision',
  );
}
