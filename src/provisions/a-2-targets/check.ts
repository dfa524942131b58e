/**
 * A.2 held against the city: the share of urban communities meeting all
 * their checks against the target for the year (Q1/Q2), declared as a
 * formula over the standing `{ ok, of, undecided }` and the year, with the
 * target from the policy's rule `targets`. Decided on exact fractions;
 * undecided communities make it unknown when they could tip it. Before the
 * deadline the target is read by I10: a straight path, or none (then not
 * evaluated, with the reason). The rural share (Q3) has no standard to judge
 * a rural community by: never evaluated, with the reason, and no arithmetic.
 */
import type { Decimal } from 'decimal.js';
import { percentText } from '../../decimal.js';
import { add, and, atLeast, checkFormula, div, field, mul, not, readingIs, ruleIs, ruleValue, when, year } from '../../formula/build.js';
import { standingFormulaCheck } from '../../formula/city.js';
import { b, type StandingCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';

const RULE = 'targets';
const of = (output: string) => ruleValue(RULE, output, { year: year() });
const due = ruleIs(RULE, 'due', true, { year: year() });
const urbanShare = of('urbanShare');
/** The share due by the end of the year: the target once due, else (I10 straight path) the years elapsed's part of it. */
const target = when(due, urbanShare, div(mul(urbanShare, of('yearsElapsed')), of('horizonYears')));
const ok = field('ok');
const communities = field('of');
const share = div(ok, communities);

const urban = standingFormulaCheck({
  provision: 'Q1/Q2',
  clause: 'A.2',
  noSql: b(
    '由全部城市社区的达标情况合计判断，不是社区表的一行：没有 SQL',
    'Judged from the standings of all urban communities together, not a row of the communities table: no SQL',
  ),
  formula: {
    interpretations: true,
    notEvaluatedWhen: and(not(due), readingIs('I10', 'targets.interim', 'none')),
    notEvaluated: (_r, value) => {
      const deadline = value(of('deadlineYear'));
      return b(
        `目标在 ${deadline} 年底到期；按 I10“none”，期满前不设年度目标`,
        `The target is due at the end of ${deadline}; under I10 "none" no year before the deadline has a target`,
      );
    },
    findings: [
      {
        provision: 'Q1/Q2',
        formula: checkFormula({
          // ok of them meet it; with the undecided, as many as ok + undecided might.
          pass: atLeast(share, div(add(ok, field('undecided')), communities), target),
          expected: target,
          actual: share,
          kind: 'amount',
        }),
        message(r, v, value, holds) {
          if (r.of === 0) return b('数据中没有城市社区', 'The data has no urban communities');
          const goalShare = percentText(value(urbanShare)!);
          const expected = percentText(v.expected as Decimal);
          const deadline = value(of('deadlineYear'));
          const goal = holds(due)
            ? b(`到期目标 ${goalShare}`, `target ${goalShare}, due`)
            : b(
                `按直线进度(I10) ${expected}(${deadline} 年底达 ${goalShare})`,
                `${expected} on a straight path (I10) to ${goalShare} by the end of ${deadline}`,
              );
          const open = (r.undecided as number) > 0 ? b(`；另有 ${r.undecided} 个因缺数据无法判断`, `; ${r.undecided} more lack data to tell`) : b('', '');
          const pct = percentText(v.actual as Decimal);
          return b(
            `${r.of} 个城市社区中 ${r.ok} 个全部达标(${pct})${open.zh}，${goal.zh}`,
            `${r.ok} of ${r.of} urban communities meet all their checks (${pct})${open.en}; ${goal.en}`,
          );
        },
      },
    ],
  },
});

const rural: StandingCheck = {
  scope: 'standing',
  provision: 'Q3',
  clause: 'A.2',
  // The text sets a share of rural communities to be built to standard, but no standard a rural community is held
  // to (the size, room and staffing clauses speak of urban residents' committees): said, never skipped in silence.
  neverEvaluated: b('原文未给农村社区的标准，始终不评估：没有公式', 'The text sets no standard for a rural community, so it is never evaluated: no formula'),
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
