/** The made-up rule of the test provision: at least so many workers for any community with households. */
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { Checker } from '../../rules/input.js';
import { step, type RuleResult } from '../../trace.js';
import { declared } from './parameters.js';

type Parameters = ParamsOf<typeof declared>;
const DEFAULTS: Parameters = ownDefaults(declared);

export interface MinimumInput {
  readonly households: number;
}
export interface MinimumResult extends RuleResult {
  readonly workers: number;
}

/** The workers due, with the parameters of a policy. @internal */
export function minimumWorkersWith(p: Parameters, input: MinimumInput): MinimumResult {
  const c = new Checker('minimumWorkers');
  const o = c.object(input, ['households']);
  const households = c.count(o.households, 'households');
  c.done();
  // The parameter declared in this folder is typed from its declaration, with no other edit (tsc checks it).
  const workers = households > 0 ? p.minimum.workers : 0;
  return {
    workers,
    clause: 'A.4.2',
    interpretations: [],
    trace: [step(`${households} 户：至少 ${workers} 名`, `${households} households: at least ${workers}`)],
  };
}

/** The workers due under the policy as written. */
export const minimumWorkers = (input: MinimumInput): MinimumResult => minimumWorkersWith(DEFAULTS, input);
