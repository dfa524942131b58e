/**
 * A.3.3 held against the city (Q6): the villages reached by the end of the
 * year against those due under the rollout (I2).
 */
import { D, percentText } from '../../decimal.js';
import { b, callRule, finding, type CityCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';
import { ruralRolloutWith } from './rural-rollout.js';

const rule = 'ruralRollout';

const rollout: CityCheck = {
  scope: 'city',
  provision: 'Q6',
  clause: 'A.3.3',
  handWritten: b('按全市村(组)数判断，不是社区表的一行：没有 SQL', 'Judged on the city’s village counts, not on a row of the communities table: no SQL'),
  notCarried: { subject: 'city', reason: b('输入是社区列表，不含村(组)数', 'The input is a table of communities: it carries no village counts') },
  due: (policy, year) => callRule(policy, rule, ruralRolloutWith, { year }).share,
  findings(d, policy, out) {
    if (d.villages === undefined) {
      out.push(
        finding(
          'Q6',
          'A.3.3',
          'city',
          'unknown',
          callRule(policy, rule, ruralRolloutWith, { year: d.year }).share,
          null,
          b('数据未给出村(组)总数和已推行数', 'The data gives no village counts'),
        ),
      );
      return;
    }
    const r = callRule(policy, rule, ruralRolloutWith, { year: d.year, villages: d.villages.total });
    const need = r.villagesCovered!;
    const ok = d.villages.covered >= need;
    out.push(
      finding(
        'Q6',
        'A.3.3',
        'city',
        ok ? 'pass' : 'fail',
        need,
        d.villages.covered,
        b(
          `${d.year} 年底应推行 ${need}/${d.villages.total} 个村(组)(比例 ${percentText(r.share)})，已推行 ${d.villages.covered} 个`,
          `By the end of ${d.year}, ${need} of ${d.villages.total} villages are due (share ${percentText(r.share)}); ${d.villages.covered} reached`,
        ),
        ok ? undefined : new D(need - d.villages.covered),
      ),
    );
  },
};

export const checks: readonly Check[] = [rollout];
