/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.3.1';
const parameters = {
  'sizing.households': {
    name: { zh: '城区社区规模(户数)', en: 'urban community size (households)' },
    unit: '户',
    serves: ['Q4'],
    allowed: 'positive-count',
    values: [{ value: 3000 }],
  },
  'sizing.residents': {
    name: { zh: '城区社区规模(人数)', en: 'urban community size (residents)' },
    unit: '人',
    serves: ['Q5'],
    allowed: 'positive-count',
    values: [{ value: 8000 }],
  },
  'sizing.tolerance': {
    name: { zh: '规模允许偏差', en: 'allowed size deviation' },
    unit: 'share',
    serves: ['Q4', 'Q5', 'I4'],
    allowed: 'share',
    values: [{ value: '0.2' }],
  },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
