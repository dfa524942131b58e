/**
 * A.4.3's city fund held against each year's budget (Q9): one finding a year,
 * the dataset's own year included even without a budget (then unknown); a
 * year before the base year has no minimum and is not evaluated, with the
 * reason.
 */
import { D, DX, exactly } from '../../decimal.js';
import { b, callRule, finding, paramsOf, yuan, type CityCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';
import { cityFundBudgetWith } from './city-fund.js';
import { declared } from './parameters.js';

const rule = 'cityFundBudget';

const fund: CityCheck = {
  scope: 'city',
  provision: 'Q9',
  clause: 'A.4.3',
  handWritten: b(
    '每个预算年度一条结论，来自全市资金数据，不是社区表的一行：没有 SQL',
    'One finding per budget year from the city’s funding, not a row of the communities table: no SQL',
  ),
  notCarried: { subject: 'year', reason: b('输入是社区列表，不含市财政社区资金', 'The input is a table of communities: it carries no city budget') },
  findings(d, policy, out, notEvaluated) {
    const p = paramsOf(policy, declared);
    if (d.funding === undefined) {
      out.push(finding('Q9', 'A.4.3', `city/${d.year}`, 'unknown', null, null, b('数据未给出市财政社区资金', 'The data gives no city budget')));
      return;
    }
    // Every budget given, and the dataset's own year even without one (then unknown, never absent), in year order.
    const years = Object.keys(d.funding.budgets).map(Number);
    if (!years.includes(d.year) && d.year >= p.baseYear) years.push(d.year);
    years.sort((x, y) => x - y);
    for (const y of years) {
      const given = d.funding.budgets[String(y)];
      if (given === undefined) {
        const need = callRule(policy, rule, cityFundBudgetWith, { baseYearTotal: d.funding.baseYearTotal, year: y }).amount;
        out.push(
          finding(
            'Q9',
            'A.4.3',
            `city/${y}`,
            'unknown',
            need,
            null,
            b(
              `${y} 年市财政社区资金下限 ${yuan(need)} 元，数据未给出当年预算`,
              `${y}: city budget due at least ${yuan(need)} yuan; the data gives no budget for the year`,
            ),
          ),
        );
        continue;
      }
      const actual = new D(given);
      if (y < p.baseYear) {
        // Nothing to hold it to: not evaluated, with the reason (an unknown finding would fail --strict for no fault).
        notEvaluated.push({
          provision: 'Q9',
          clause: 'A.4.3',
          subject: `city/${y}`,
          reason: b(`${y} 年早于基数年 ${p.baseYear}，政策未规定下限`, `${y} is before the base year ${p.baseYear}: the policy sets no minimum`),
        });
        continue;
      }
      const need = callRule(policy, rule, cityFundBudgetWith, { baseYearTotal: d.funding.baseYearTotal, year: y }).amount;
      const ok = actual.gte(need);
      const short = exactly(new DX(need).minus(actual)); // a compound minimum may run past 1,000 digits
      out.push(
        finding(
          'Q9',
          'A.4.3',
          `city/${y}`,
          ok ? 'pass' : 'fail',
          need,
          actual,
          b(
            `${y} 年市财政社区资金 ${yuan(actual)} 元，下限 ${yuan(need)} 元${ok ? '' : `，差 ${yuan(short)} 元`}`,
            `${y}: city budget ${yuan(actual)} yuan against at least ${yuan(need)}${ok ? '' : `: ${yuan(short)} yuan short`}`,
          ),
          ok ? undefined : short,
        ),
      );
    }
  },
};

export const checks: readonly Check[] = [fund];
