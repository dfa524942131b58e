/**
 * The clause and the parameters of this provision (see about.ts): apart from
 * the rest of its declaration, so that a rule's bundle loads only these.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.2';
const parameters = {} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
