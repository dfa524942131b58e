/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.2';
const parameters = {
  'staffing.householdsPerWorker': { unit: '户 per worker', serves: ['Q8'], allowed: 'positive-count', values: [{ value: 600 }] },
  'staffing.rounding': { unit: 'option', serves: ['Q8', 'I3'], allowed: { options: ['ceil', 'floor', 'half-up'] }, values: [{ value: 'ceil' }] },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
