/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.2';
const parameters = {
  'staffing.householdsPerWorker': {
    name: { zh: '每名工作人员服务户数', en: 'households per worker' },
    unit: '户 per worker',
    serves: ['Q8'],
    allowed: 'positive-count',
    values: [{ value: 600 }],
  },
  'staffing.rounding': {
    name: { zh: '工作人员数的取整方式', en: 'how the worker count rounds' },
    unit: 'option',
    serves: ['Q8', 'I3'],
    allowed: { options: ['ceil', 'floor', 'half-up'] },
    values: [{ value: 'ceil' }],
  },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
