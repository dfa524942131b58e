/**
 * A.3.3 held against the city (Q6): the villages reached by the end of the
 * year against those due under the rollout (I2), declared as a formula over
 * the record `{ total, covered }` of the city's villages and the data's year. Without the
 * village counts the finding is unknown, beside the share due.
 */
import { percentText } from '../../decimal.js';
import { checkFormula, div, field, ge, given, not, ruleValue, year } from '../../formula/build.js';
import { cityFormulaCheck } from '../../formula/city.js';
import { b, callRule } from '../../rules/check.js';
import type { Check } from '../provision.js';
import { ruralRolloutWith } from './rural-rollout.js';

const RULE = 'ruralRollout';
/** The share of villages due by the end of the year, and how many of the city's villages that is (rounded up, I2). */
const share = ruleValue(RULE, 'share', { year: year() });
const due = ruleValue(RULE, 'villagesCovered', { year: year(), villages: field('total') });
const covered = field('covered');

const rollout = cityFormulaCheck({
  provision: 'Q6',
  clause: 'A.3.3',
  noSql: b('按全市村(组)数判断，不是社区表的一行：没有 SQL', 'Judged on the city’s village counts, not on a row of the communities table: no SQL'),
  notCarried: { subject: 'city', reason: b('输入是社区列表，不含村(组)数', 'The input is a table of communities: it carries no village counts') },
  due: (policy, year) => callRule(policy, RULE, ruralRolloutWith, { year }).share,
  subjects: (d) => [{ subject: 'city', record: { ...d.villages } }],
  formula: {
    findings: [
      {
        provision: 'Q6',
        applies: given('total'),
        formula: checkFormula({ pass: ge(covered, due), expected: due, actual: covered, kind: 'count' }),
        message: (r, v, value) =>
          b(
            `${value(year())} 年底应推行 ${v.expected}/${r.total} 个村(组)(比例 ${percentText(value(share)!)})，已推行 ${r.covered} 个`,
            `By the end of ${value(year())}, ${v.expected} of ${r.total} villages are due (share ${percentText(value(share)!)}); ${r.covered} reached`,
          ),
      },
      {
        // Without the counts: the share due, against the share reached, which the data does not give.
        provision: 'Q6',
        applies: not(given('total')),
        formula: checkFormula({ pass: ge(div(covered, field('total')), share), expected: share, actual: div(covered, field('total')), kind: 'amount' }),
        message: () => b('数据未给出村(组)总数和已推行数', 'The data gives no village counts'),
      },
    ],
  },
});

export const checks: readonly Check[] = [rollout];
