/**
 * A.4.3 (四(三)), first part — the city's money for communities (Q9): from
 * 2012 it grows each year by 10 % of the 2011 special-plus-subsidy total, a
 * fixed step or compounded (I1).
 */
import { about, b, req } from '../declare.js';
import { declared } from './parameters.js';

export default about({
  ...declared,
  quantities: ['Q9'],
  interpretations: ['I1'],
  rules: {
    cityFundBudget: {
      command: 'fund',
      fields: [req('baseAmount', 'amount', 'base'), req('year', 'year')],
      example: { baseAmount: 1000000, year: 2013 },
      schedule: false,
    },
    cityFundSchedule: {
      fields: [req('baseAmount', 'amount', 'base'), req('from', 'year'), req('to', 'year')],
      example: { baseAmount: 1000000, from: 2011, to: 2013 },
      schedule: true,
    },
  },
  findings: {
    Q9: { name: b('市财政社区资金', 'city fund'), unit: 'yuan', owed: 'cityBudgetYuan', progress: 'fund' },
  },
});
