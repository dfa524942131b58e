/** The made-up rule of the test provision: one worker for any community with households. */
import type { Parameters } from '../../policy/parameters.js';
import { step, type RuleResult } from '../../trace.js';
import { Checker } from '../../rules/input.js';

export interface MinimumInput {
  readonly households: number;
}
export interface MinimumResult extends RuleResult {
  readonly workers: number;
}

export function minimumWorkersWith(p: Parameters, input: MinimumInput): MinimumResult {
  const c = new Checker('minimumWorkers');
  const o = c.object(input, ['households']);
  const households = c.count(o.households, 'households');
  c.done();
  // The parameter declared in this folder is in the Parameters type of the copy, with no other edit (tsc checks it).
  const workers = households > 0 ? p.minimum.workers : 0;
  return {
    workers,
    clause: 'A.4.2',
    interpretations: [],
    trace: [step(`${households} 户：至少 ${workers} 名`, `${households} households: at least ${workers}`)],
  };
}
