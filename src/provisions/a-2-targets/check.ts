/**
 * A.2 held against the city: the share of urban communities meeting all
 * their checks against the target for the year (Q1/Q2), decided on exact
 * fractions (ok × horizon against share × years elapsed × communities);
 * undecided communities make it unknown when they could tip it. Before the
 * deadline the target is read by I10: a straight path, or none (then not
 * evaluated, with the reason). The rural share (Q3) has no standard to judge
 * a rural community by: always not evaluated, with the reason.
 */
import { D, percentText } from '../../decimal.js';
import { b, callRule, finding, paramsOf, shown, type StandingCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';
import { declared } from './parameters.js';
import { targetsWith } from './targets.js';
import type { FindingStatus } from '../provision.js';
import type { InterpretationUse } from '../../trace.js';

const urban: StandingCheck = {
  scope: 'standing',
  provision: 'Q1/Q2',
  clause: 'A.2',
  handWritten: b(
    '由全部城市社区的达标情况合计判断，不是社区表的一行：没有 SQL',
    'Judged from the standings of all urban communities together, not a row of the communities table: no SQL',
  ),
  judge(policy, year, ok, of, undecided) {
    const t = callRule(policy, 'targets', targetsWith, { year });
    const interim = paramsOf(policy, declared).targets.interim;
    const interpretations: InterpretationUse[] = [...t.interpretations, { id: 'I10', choice: interim }];
    if (!t.due && interim === 'none') {
      return {
        provision: 'Q1/Q2',
        clause: 'A.2',
        subject: 'city',
        reason: b(
          `目标在 ${t.deadlineYear} 年底到期；按 I10“none”，期满前不设年度目标`,
          `The target is due at the end of ${t.deadlineYear}; under I10 "none" no year before the deadline has a target`,
        ),
      };
    }
    // The target as a fraction: need ÷ den of the urban communities (share × years elapsed ÷ horizon before the deadline).
    const need = t.due ? t.urbanShare : t.urbanShare.times(t.yearsElapsed);
    const den = t.due ? 1 : t.horizonYears;
    const expected = shown(need, den);
    const meets = (k: number) => new D(k).times(den).gte(need.times(of));
    if (of === 0) {
      return { ...finding('Q1/Q2', 'A.2', 'city', 'unknown', expected, null, b('数据中没有城市社区', 'The data has no urban communities')), interpretations };
    }
    const status: FindingStatus = meets(ok) ? 'pass' : meets(ok + undecided) ? 'unknown' : 'fail';
    const share = shown(new D(ok), of);
    const goal = t.due
      ? b(`到期目标 ${percentText(t.urbanShare)}`, `target ${percentText(t.urbanShare)}, due`)
      : b(
          `按直线进度(I10) ${percentText(expected)}(${t.deadlineYear} 年底达 ${percentText(t.urbanShare)})`,
          `${percentText(expected)} on a straight path (I10) to ${percentText(t.urbanShare)} by the end of ${t.deadlineYear}`,
        );
    const open = undecided > 0 ? b(`；另有 ${undecided} 个因缺数据无法判断`, `; ${undecided} more lack data to tell`) : b('', '');
    return {
      ...finding(
        'Q1/Q2',
        'A.2',
        'city',
        status,
        expected,
        share,
        b(
          `${of} 个城市社区中 ${ok} 个全部达标(${percentText(share)})${open.zh}，${goal.zh}`,
          `${ok} of ${of} urban communities meet all their checks (${percentText(share)})${open.en}; ${goal.en}`,
        ),
        // need/den − ok/of = (need × of − ok × den) ÷ (den × of): above 0 whenever the verdict fails, even where the two
        // shares agree to 20 digits.
        status === 'fail' ? shown(need.times(of).minus(ok * den), den * of) : undefined,
      ),
      interpretations,
    };
  },
};

const rural: StandingCheck = {
  scope: 'standing',
  provision: 'Q3',
  clause: 'A.2',
  handWritten: b('原文未给农村社区的标准，始终不评估：没有公式', 'The text sets no standard for a rural community, so it is never evaluated: no formula'),
  // The text sets a share of rural communities to be built to standard, but no standard a rural community is held
  // to (the size, room and staffing clauses speak of urban residents' committees): said, never skipped in silence.
  judge: () => ({
    provision: 'Q3',
    clause: 'A.2',
    subject: 'city',
    reason: b(
      '原文未规定农村社区的建设标准，无法判断农村社区达标比例',
      'The text sets no standard for a rural community, so the share of rural communities built to standard cannot be judged',
    ),
  }),
};

export const checks: readonly Check[] = [urban, rural];
