/**
 * A.4.3 (四(三)), first part — the city's money for communities (Q9): from
 * 2012 it grows each year by 10 % of the 2011 special-plus-subsidy total, a
 * fixed step or compounded (I1).
 */
import { refused } from '../../errors.js';
import type { ParamsOf } from '../../policy/parameters.js';
import { b, req, w, type RuleField } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { checks } from './check.js';
import { cityFundBudgetWith, cityFundScheduleWith } from './city-fund.js';
import { readings } from './readings.js';
import { declared } from './parameters.js';

/** The base year's total: `baseYearTotal`, as the dataset names it (before 0.2 `baseAmount`, flag `--base`). */
const baseYearTotal: RuleField = { name: 'baseYearTotal', kind: 'amount', required: true, was: { name: 'baseAmount', flag: 'base' } };

export default defineProvision({
  id: 'a-4-3-1-city-fund',
  ...declared,
  quantities: ['Q9'],
  readings,
  rules: {
    cityFundBudget: rule(cityFundBudgetWith, {
      command: 'fund',
      fields: [baseYearTotal, req('year', 'year')],
      example: { baseYearTotal: 1000000, year: 2013 },
      schedule: false,
    }),
    cityFundSchedule: rule(cityFundScheduleWith, {
      fields: [baseYearTotal, req('from', 'year'), req('to', 'year')],
      example: { baseYearTotal: 1000000, from: 2011, to: 2013 },
      schedule: true,
      plots: 'amount',
      words: { increase: w('比上年增加', 'Increase on the year before', 'yuan') },
    }),
  },
  checks,
  // The fund grows from the year after its base: a first growth year on or before it is refused.
  validate: (p: ParamsOf<typeof declared>) =>
    p.funding.firstGrowthYear > p.baseYear
      ? []
      : [
          refused(
            'funding.firstGrowthYear',
            'out-of-range',
            { en: `a year after baseYear (${p.baseYear})`, zh: `基年(${p.baseYear})之后的年份` },
            p.funding.firstGrowthYear,
            b('专项资金从基年的次年起增长(A.4.3)', 'the fund grows from the year after its base (A.4.3)'),
          ),
        ],
  findings: {
    Q9: { name: b('市财政社区资金', 'city fund'), unit: 'yuan', owed: 'cityBudgetYuan', owedName: b('市财政社区资金', 'City budget'), progress: 'fund' },
  },
});
