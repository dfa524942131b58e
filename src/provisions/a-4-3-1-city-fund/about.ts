/**
 * A.4.3 (四(三)), first part — the city's money for communities (Q9): from
 * 2012 it grows each year by 10 % of the 2011 special-plus-subsidy total, a
 * fixed step or compounded (I1).
 */
import { about, b, req } from '../declare.js';

export default about({
  clause: 'A.4.3',
  quantities: ['Q9'],
  interpretations: ['I1'],
  title: b('市财政社区资金增长', 'Growth of the city fund'),
  summary: b(
    '自 2012 年起，市财政社区资金每年增加 2011 年专项与补助总额的 10%(I1：固定增量或复利)。',
    'From 2012, the city fund grows each year by 10 % of the 2011 special-plus-subsidy total (I1: a fixed step or compounded).',
  ),
  parameters: ['baseYear', 'funding.firstGrowthYear', 'funding.growthRate', 'funding.mode'],
  rules: {
    cityFundBudget: { command: 'fund', fields: [req('baseAmount', 'amount', 'base'), req('year', 'year')], example: { baseAmount: 1000000, year: 2013 }, schedule: false },
    cityFundSchedule: { fields: [req('baseAmount', 'amount', 'base'), req('from', 'year'), req('to', 'year')], example: { baseAmount: 1000000, from: 2011, to: 2013 }, schedule: true },
  },
  findings: {
    Q9: { name: b('市财政社区资金', 'city fund'), unit: 'yuan', owed: 'cityBudgetYuan' },
  },
});
