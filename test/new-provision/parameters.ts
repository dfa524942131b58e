/**
 * The clause and the parameter of a made-up provision (a template: the test fills in its finding id and folder
 * from the list it joins). Amended from a date, to show that an amendment is one line: one worker, two from 2015.
 */
import type { Declared } from '../declare.js';

const clause = 'A.4.2';
const parameters = {
  'minimum.workers': { unit: '人', serves: ['__QID__'], allowed: 'positive-count', values: [{ value: 1 }, { from: '2015-01-01', value: 2 }] },
} as const satisfies Declared['parameters'];
export const declared = { clause, parameters } as const satisfies Declared;
