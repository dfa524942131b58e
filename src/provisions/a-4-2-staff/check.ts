/**
 * A.4.2 held against each urban community (Q8): its workers in post against
 * one per 600 households, floating population included, rounded by I3.
 */
import { add, byReading, checkFormula, divRounded, field, c as n, ge, param } from '../../formula/build.js';
import { formulaCheck } from '../../formula/check.js';
import { b } from '../../rules/check.js';
import { groupThousands } from '../../values.js';
import type { Check } from '../provision.js';

/** Workers due: (households + floating households, 0 when not given) ÷ households per worker, rounded by I3. */
const due = divRounded(
  add(field('households'), field('floatingHouseholds', n(0))),
  param('staffing.householdsPerWorker'),
  byReading('I3', 'staffing.rounding'),
);

const staff = formulaCheck({
  provision: 'Q8',
  clause: 'A.4.2',
  rural: false,
  uses: ['requiredStaff'],
  formula: checkFormula({ pass: ge(field('staff'), due), expected: due, actual: field('staff'), kind: 'count' }),
  message(c, _k, _ok, d) {
    const total = groupThousands(String(c.households + (c.floatingHouseholds ?? 0)));
    const note = c.floatingHouseholds === undefined ? b('(未给出流动人口户数，按0计)', ' (no floating households given: counted as 0)') : b('', '');
    if (d.actual === null)
      return b(
        `${total} 户需 ${d.expected} 名工作人员${note.zh}，数据未给出人数`,
        `${total} households need ${d.expected} workers${note.en}; the data gives no staff count`,
      );
    return b(`${total} 户需 ${d.expected} 名，实有 ${d.actual} 名${note.zh}`, `${total} households need ${d.expected} workers, ${d.actual} in post${note.en}`);
  },
});

export const checks: readonly Check[] = [staff];
