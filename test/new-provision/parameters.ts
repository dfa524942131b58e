/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.2';
// Amended from a date, to show that an amendment is one line: one worker, two from 2015.
const parameters = {
  'minimum.workers': { unit: '人', serves: ['Q13'], allowed: 'positive-count', values: [{ value: 1 }, { from: '2015-01-01', value: 2 }] },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
