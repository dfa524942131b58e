/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.3.3';
const parameters = {
  'rollout.startYear': {
    name: { zh: '农村社区推行起始年', en: 'first year of the rural rollout' },
    unit: 'year',
    serves: ['Q6'],
    allowed: 'year',
    values: [{ value: 2011 }],
    startsWith: 'rollout.startYear',
  },
  'rollout.sharePerYear': {
    name: { zh: '每年推行比例', en: 'share rolled out each year' },
    unit: 'share',
    serves: ['Q6'],
    allowed: 'positive-share',
    values: [{ value: '0.3' }],
    startsWith: 'rollout.startYear',
  },
  'rollout.mode': {
    name: { zh: '推行比例的计算口径', en: 'how the yearly share counts' },
    unit: 'option',
    serves: ['Q6', 'I2'],
    allowed: { options: ['share-of-all', 'share-of-remaining'] },
    values: [{ value: 'share-of-all' }],
    startsWith: 'rollout.startYear',
  },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
