/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.3';
const parameters = {
  'developer.thresholdM2': {
    name: { zh: '配建用房的建筑面积界线', en: 'floor-area boundary for rooms in kind' },
    unit: 'm²',
    serves: ['Q11', 'Q12'],
    allowed: 'positive',
    values: [{ value: 200000 }],
  },
  'developer.boundary': {
    name: { zh: '恰在界线上的项目', en: 'a project exactly on the boundary' },
    unit: 'option',
    serves: ['Q11', 'Q12', 'I5'],
    allowed: { options: ['in-kind', 'funds'] },
    values: [{ value: 'in-kind' }],
  },
  'developer.fundsRate': {
    name: { zh: '用房资金比例', en: 'share paid as room money' },
    unit: 'share',
    serves: ['Q12', 'I6'],
    allowed: 'share',
    values: [{ value: '0.003' }],
  },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
