/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.2';
const parameters = {
  horizonYears: { unit: 'years', serves: ['Q1', 'I7'], allowed: 'horizon', values: [{ value: 3 }] },
  'targets.urbanShare': { unit: 'share', serves: ['Q2'], allowed: 'share', values: [{ value: 1 }] },
  'targets.ruralShare': { unit: 'share', serves: ['Q3'], allowed: 'share', values: [{ value: '0.9' }] },
  'targets.interim': { unit: 'option', serves: ['Q1', 'Q2', 'I10'], allowed: { options: ['straight-path', 'none'] }, values: [{ value: 'straight-path' }] },
} as const satisfies Declared['parameters'];
const reads = { baseYear: ['Q1'] } as const;
export const declared = { clause, parameters, reads } as const satisfies Declared;
