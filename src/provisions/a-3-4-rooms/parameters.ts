/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.3.4';
const parameters = {
  'rooms.m2Per100Residents': {
    name: { zh: '每百名居民用房面积', en: 'room area per 100 residents' },
    unit: 'm² per 100 人',
    serves: ['Q7', 'I9'],
    allowed: 'positive',
    values: [{ value: 5 }],
  },
  // Not set by the policy: the national standards in PRESETS size rooms per 100 households.
  'rooms.m2Per100Households': {
    name: { zh: '每百户用房面积', en: 'room area per 100 households' },
    unit: 'm² per 100 户',
    serves: ['Q7', 'I9'],
    allowed: 'positive',
    values: [],
  },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
