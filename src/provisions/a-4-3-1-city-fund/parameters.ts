/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.3';
const parameters = {
  baseYear: { name: { zh: '专项资金基年', en: 'base year of the city fund' }, unit: 'year', serves: ['Q9'], allowed: 'year', values: [{ value: 2011 }] },
  'funding.firstGrowthYear': {
    name: { zh: '资金开始增长之年', en: 'first year the fund grows' },
    unit: 'year',
    serves: ['Q9'],
    allowed: 'year',
    values: [{ value: 2012 }],
    startsWith: 'funding.firstGrowthYear',
  },
  'funding.growthRate': {
    name: { zh: '资金年增长比例', en: 'yearly growth of the fund' },
    unit: 'share',
    serves: ['Q9'],
    allowed: 'non-negative',
    values: [{ value: '0.1' }],
    startsWith: 'funding.firstGrowthYear',
  },
  'funding.mode': {
    name: { zh: '资金增长方式', en: 'how the fund grows' },
    unit: 'option',
    serves: ['Q9', 'I1'],
    allowed: { options: ['fixed-increment', 'compound'] },
    values: [{ value: 'fixed-increment' }],
    startsWith: 'funding.firstGrowthYear',
  },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
