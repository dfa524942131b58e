/**
 * The policy an evaluation was made under, kept on its result (not
 * enumerable: JSON, spreading and deep equality are unchanged), so that a
 * report or a view names and counts its findings from that policy's list —
 * a provision a user added is shown in its own words — without being told
 * the policy again.
 */
import { createPolicy } from '../create-policy.js';
import type { PolicyCore } from '../provisions/provision.js';
import { shapeOf, type PolicyShape } from './evaluate.js';

/** The mark an evaluation's result carries: the policy it was made under. A registered symbol: the CommonJS entries are bundled apart. */
const UNDER = /* @__PURE__ */ Symbol.for('shequ-rules.evaluated-under');

/** `result`, marked as made under `policy`. @internal */
export function markEvaluated<T extends object>(result: T, policy: PolicyCore): T {
  Object.defineProperty(result, UNDER, { value: policy, configurable: true, enumerable: false, writable: false });
  return result;
}

let asWritten: PolicyCore | undefined;

/** The policy to read a result by: the one given, else the one it was made under, else the city's document as written. @internal */
export function policyOf(result: unknown, given?: PolicyCore): PolicyCore {
  if (given !== undefined) return given;
  const under = typeof result === 'object' && result !== null ? (result as Record<symbol, PolicyCore | undefined>)[UNDER] : undefined;
  return under ?? (asWritten ??= createPolicy());
}

/** The kinds of finding, with their words and units, and the totals owed, of the policy a result was made under. @internal */
export const kindsOf = (result: unknown, given?: PolicyCore): PolicyShape => shapeOf(policyOf(result, given));

export type { PolicyShape as Kinds };
