/**
 * A.4.3's city fund held against each year's budget (Q9), declared as a
 * formula over one budget year's record `{ year, budget, baseYearTotal }`:
 * the budget at least the year's minimum, which the policy's rule
 * `cityFundBudget` gives (so a document replacing the rule is followed). One
 * finding a year, the dataset's own year included even without a budget
 * (then unknown); a year before the base year has no minimum and is not
 * evaluated, with the reason.
 */
import type { Decimal } from 'decimal.js';
import { and, checkFormula, field, ge, given, lt, param, ruleValue } from '../../formula/build.js';
import { cityFormulaCheck } from '../../formula/city.js';
import { b, paramsOf, yuan } from '../../rules/check.js';
import type { Check } from '../provision.js';
import { declared } from './parameters.js';

/** The year's minimum, from the policy's rule. */
const minimum = ruleValue('cityFundBudget', 'amount', { baseYearTotal: field('baseYearTotal'), year: field('year') });
const budget = field('budget');

const fund = cityFormulaCheck({
  provision: 'Q9',
  clause: 'A.4.3',
  noSql: b(
    '每个预算年度一条结论，来自全市资金数据，不是社区表的一行：没有 SQL',
    'One finding per budget year from the city’s funding, not a row of the communities table: no SQL',
  ),
  notCarried: { subject: 'year', reason: b('输入是社区列表，不含市财政社区资金', 'The input is a table of communities: it carries no city budget') },
  subjects(d, policy) {
    if (d.funding === undefined) return [{ subject: `city/${d.year}`, record: { year: d.year } }];
    const { budgets, baseYearTotal } = d.funding;
    // Every budget given, and the dataset's own year even without one (then unknown, never absent), in year order.
    const years = Object.keys(budgets).map(Number);
    if (!years.includes(d.year) && d.year >= paramsOf(policy, declared).baseYear) years.push(d.year);
    years.sort((x, y) => x - y);
    return years.map((y) => ({ subject: `city/${y}`, record: { year: y, budget: budgets[String(y)], baseYearTotal } }));
  },
  formula: {
    // A budget of a year before the base year: nothing to hold it to (an unknown finding would fail --strict for no fault).
    notEvaluatedWhen: and(given('budget'), lt(field('year'), param('baseYear'))),
    notEvaluated: (r, value) =>
      b(
        `${r.year} 年早于基数年 ${value(param('baseYear'))}，政策未规定下限`,
        `${r.year} is before the base year ${value(param('baseYear'))}: the policy sets no minimum`,
      ),
    findings: [
      {
        provision: 'Q9',
        formula: checkFormula({ pass: ge(budget, minimum), expected: minimum, actual: budget, kind: 'amount' }),
        message(r, v) {
          if (r.baseYearTotal === undefined) return b('数据未给出市财政社区资金', 'The data gives no city budget');
          const need = yuan(v.expected as Decimal);
          if (v.actual === null) {
            return b(
              `${r.year} 年市财政社区资金下限 ${need} 元，数据未给出当年预算`,
              `${r.year}: city budget due at least ${need} yuan; the data gives no budget for the year`,
            );
          }
          const have = yuan(v.actual as Decimal);
          const short = v.shortfall === undefined ? undefined : yuan(v.shortfall);
          return b(
            `${r.year} 年市财政社区资金 ${have} 元，下限 ${need} 元${short === undefined ? '' : `，差 ${short} 元`}`,
            `${r.year}: city budget ${have} yuan against at least ${need}${short === undefined ? '' : `: ${short} yuan short`}`,
          );
        },
      },
    ],
  },
});

export const checks: readonly Check[] = [fund];
