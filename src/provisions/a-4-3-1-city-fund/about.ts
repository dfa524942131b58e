/**
 * A.4.3 (四(三)), first part — the city's money for communities (Q9): from
 * 2012 it grows each year by 10 % of the 2011 special-plus-subsidy total, a
 * fixed step or compounded (I1).
 */
import { about, b, req, w, type RuleField } from '../declare.js';
import { declared } from './parameters.js';

/** The base year's total: `baseYearTotal`, as the dataset names it (before 0.2 `baseAmount`, flag `--base`). */
const baseYearTotal: RuleField = { name: 'baseYearTotal', kind: 'amount', required: true, was: { name: 'baseAmount', flag: 'base' } };

export default about({
  ...declared,
  quantities: ['Q9'],
  interpretations: ['I1'],
  rules: {
    cityFundBudget: {
      command: 'fund',
      fields: [baseYearTotal, req('year', 'year')],
      example: { baseYearTotal: 1000000, year: 2013 },
      schedule: false,
    },
    cityFundSchedule: {
      fields: [baseYearTotal, req('from', 'year'), req('to', 'year')],
      example: { baseYearTotal: 1000000, from: 2011, to: 2013 },
      schedule: true,
      plots: 'amount',
      words: { increase: w('比上年增加', 'Increase on the year before', 'yuan') },
    },
  },
  findings: {
    Q9: { name: b('市财政社区资金', 'city fund'), unit: 'yuan', owed: 'cityBudgetYuan', owedName: b('市财政社区资金', 'City budget'), progress: 'fund' },
  },
});
