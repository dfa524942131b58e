/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.2';
const parameters = {
  horizonYears: {
    name: { zh: '达标期限(年)', en: 'years to reach the targets' },
    unit: 'years',
    serves: ['Q1', 'I7'],
    allowed: 'horizon',
    values: [{ value: 3 }],
  },
  'targets.urbanShare': { name: { zh: '城市社区达标目标', en: 'urban target share' }, unit: 'share', serves: ['Q2'], allowed: 'share', values: [{ value: 1 }] },
  'targets.ruralShare': {
    name: { zh: '农村社区达标目标', en: 'rural target share' },
    unit: 'share',
    serves: ['Q3'],
    allowed: 'share',
    values: [{ value: '0.9' }],
  },
  'targets.interim': {
    name: { zh: '期满前的年度目标', en: 'yearly targets before the deadline' },
    unit: 'option',
    serves: ['Q1', 'Q2', 'I10'],
    allowed: { options: ['straight-path', 'none'] },
    values: [{ value: 'straight-path' }],
  },
} as const satisfies Declared['parameters'];
const reads = { baseYear: ['Q1'] } as const;
export const declared = { clause, parameters, reads } as const satisfies Declared;
