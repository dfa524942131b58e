/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.3';
const parameters = {
  'streetSubsidy.minimumPerCommunityPerYear': { unit: '元 per community per year', serves: ['Q10'], allowed: 'non-negative', values: [{ value: 30000 }] },
  'streetSubsidy.proration': { unit: 'option', serves: ['Q10', 'I8'], allowed: { options: ['none', 'by-days'] }, values: [{ value: 'none' }] },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
