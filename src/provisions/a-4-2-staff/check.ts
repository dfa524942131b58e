/**
 * A.4.2 held against each urban community (Q8): its workers in post against
 * one per 600 households, floating population included, rounded by I3.
 */
import { b, paramsOf, UNKNOWN, verdict, type CommunityCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';
import { D } from '../../decimal.js';
import type { CommunityRecord } from '../records.js';
import type { ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';

type Parameters = ParamsOf<typeof declared>;
import { groupThousands } from '../../values.js';
import { divideRounded } from './required-staff.js';

const need = (c: CommunityRecord, p: Parameters) =>
  divideRounded(c.households + (c.floatingHouseholds ?? 0), p.staffing.householdsPerWorker, p.staffing.rounding);

const staff: CommunityCheck<Parameters> = {
  scope: 'community',
  provision: 'Q8',
  clause: 'A.4.2',
  rural: false,
  uses: ['requiredStaff'],
  compile: (policy) => paramsOf(policy, declared),
  status: (c, p) => (c.staff === undefined ? UNKNOWN : verdict(c.staff >= need(c, p))),
  detail(c, p, fail) {
    const due = need(c, p);
    const have = c.staff ?? null;
    return fail ? { expected: due, actual: have, shortfall: new D(due - have!) } : { expected: due, actual: have };
  },
  message(c, _p, _ok, d) {
    const total = groupThousands(String(c.households + (c.floatingHouseholds ?? 0)));
    const note = c.floatingHouseholds === undefined ? b('(未给出流动人口户数，按0计)', ' (no floating households given: counted as 0)') : b('', '');
    if (d.actual === null)
      return b(
        `${total} 户需 ${d.expected} 名工作人员${note.zh}，数据未给出人数`,
        `${total} households need ${d.expected} workers${note.en}; the data gives no staff count`,
      );
    return b(`${total} 户需 ${d.expected} 名，实有 ${d.actual} 名${note.zh}`, `${total} households need ${d.expected} workers, ${d.actual} in post${note.en}`);
  },
  quick(c, p, out) {
    const due = need(c, p);
    out.num = due - c.staff!;
    out.den = due;
    out.owe = due - c.staff!;
    return true;
  },
};

export const checks: readonly Check[] = [staff];
