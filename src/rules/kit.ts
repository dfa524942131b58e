/**
 * The kit a user's provision is written with, as the public entry gives it:
 * the same helpers the city's checks use, each refusing what it cannot take
 * with a PolicyInputError (the checks' own copies, in the hot loop, take
 * their inputs as checked already).
 */
import type { Decimal } from 'decimal.js';
import type { Bilingual } from '../bilingual.js';
import { D } from '../decimal.js';
import { PolicyInputError, refused } from '../errors.js';
import type { ParamsOf } from '../policy/parameters.js';
import type { Declared } from '../provisions/declare.js';
import type { AnyCompute, Finding, FindingStatus, FindingValue, PolicyCore } from '../provisions/provision.js';
import { callRule as call, finding as make, FAIL, PASS } from './check.js';

const isWords = (v: unknown): v is Bilingual =>
  typeof v === 'object' && v !== null && typeof (v as Bilingual).zh === 'string' && typeof (v as Bilingual).en === 'string';
const isValue = (v: unknown) =>
  v === null || typeof v === 'boolean' || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || (D.isDecimal(v) && !(v as Decimal).isNaN());
const isPolicyLike = (p: unknown): p is PolicyCore =>
  typeof p === 'object' && p !== null && (p as Record<symbol, unknown>)[Symbol.for('shequ-rules.policy')] !== undefined;
const notPolicy = (fn: string, p: unknown) =>
  new PolicyInputError([refused('policy', 'not-a-policy', { en: 'a policy made by createPolicy()', zh: '由 createPolicy() 生成的政策' }, p)], fn);

/**
 * A verdict as a status code, for a community check's `status`.
 *
 * @param ok - whether the community meets the provision
 * @returns `PASS` (1) or `FAIL` (2)
 * @throws {@link PolicyInputError} when `ok` is not a boolean
 * @example
 * ```ts
 * verdict(true); //=> 1
 * ```
 */
export function verdict(ok: boolean): number {
  if (typeof ok !== 'boolean') throw new PolicyInputError([refused('ok', 'not-a-flag', { en: 'true or false', zh: 'true 或 false' }, ok)], 'verdict');
  return ok ? PASS : FAIL;
}

/**
 * A finding as plain data (a shortfall only when there is one), for a city check's `findings`.
 *
 * @param provision - the finding's id (a Q-id, or an id of the provision's own)
 * @param clause - the clause it holds the subject to
 * @param subject - `'city'`, `'city/2013'`, a community's or a project's id
 * @param status - `'pass'`, `'fail'` or `'unknown'`
 * @param expected - what the policy requires
 * @param actual - what the data shows (null when it does not say)
 * @param message - the finding in both languages
 * @param shortfall - how far short, when failing
 * @returns the finding
 * @throws {@link PolicyInputError} for a field of the wrong kind
 * @example
 * ```ts
 * finding('NB1', 'NB.1', 'city', 'pass', 1, 1, { zh: '够', en: 'enough' }).status; //=> 'pass'
 * ```
 */
export function finding(
  provision: string,
  clause: string,
  subject: string,
  status: FindingStatus,
  expected: FindingValue,
  actual: FindingValue,
  message: Bilingual,
  shortfall?: Decimal,
): Finding {
  const text = { en: 'text', zh: '文字' };
  const value = { en: 'a Decimal, a finite number, a boolean, text or null', zh: 'Decimal、有限数、布尔值、文字或 null' };
  const issues = [
    ...(typeof provision === 'string' && provision ? [] : [refused('provision', 'not-text', text, provision)]),
    ...(typeof clause === 'string' && clause ? [] : [refused('clause', 'not-text', text, clause)]),
    ...(typeof subject === 'string' && subject ? [] : [refused('subject', 'not-text', text, subject)]),
    ...(status === 'pass' || status === 'fail' || status === 'unknown'
      ? []
      : [refused('status', 'not-an-option', { en: "'pass', 'fail' or 'unknown'", zh: "'pass'、'fail' 或 'unknown'" }, status)]),
    ...(isValue(expected) ? [] : [refused('expected', 'invalid', value, expected)]),
    ...(isValue(actual) ? [] : [refused('actual', 'invalid', value, actual)]),
    ...(isWords(message) ? [] : [refused('message', 'not-text', { en: 'text in both languages { zh, en }', zh: '两种语言的文字 { zh, en }' }, message)]),
    ...(shortfall === undefined || (D.isDecimal(shortfall) && !shortfall.isNaN())
      ? []
      : [refused('shortfall', 'not-an-amount', { en: 'a Decimal', zh: 'Decimal' }, shortfall)]),
  ];
  if (issues.length) throw new PolicyInputError(issues, 'finding');
  return make(provision, clause, subject, status, expected, actual, message, shortfall);
}

/**
 * The parameters a check reads, typed by its provision's declarations (`declared` in its `parameters.ts`): a
 * policy that carries the provision carries them.
 *
 * @param policy - the policy a check is compiled for
 * @param _declared - the provision's declarations, for the type
 * @returns the policy's parameters, typed
 * @throws {@link PolicyInputError} when `policy` is not a policy
 * @example
 * ```ts
 * const policy = createPolicy();
 * paramsOf(policy, { clause: 'A.4.2', parameters: {} }) === policy.parameters; //=> true
 * ```
 */
export function paramsOf<D extends Declared>(policy: PolicyCore, _declared: D): ParamsOf<D> {
  if (!isPolicyLike(policy)) throw notPolicy('paramsOf', policy);
  return policy.parameters as ParamsOf<D>;
}

/**
 * The policy's rule `name`, called on `input`: its own rule or a document's replacement, typed as the
 * provision's own (`compute`, the rule's function of the parameters, is there for its type).
 *
 * @param policy - the policy a check is compiled for
 * @param name - the rule's name
 * @param _compute - the provision's own function of the rule, for the types
 * @param input - the rule's input
 * @returns the rule's result under the policy
 * @throws {@link PolicyInputError} when `policy` is not a policy or has no rule of that name, or the rule refuses the input
 * @example
 * ```ts
 * callRule(createPolicy(), 'requiredStaff', (_p, i) => ({ staff: 0, ...i }), { households: 3000 }).staff; //=> 5
 * ```
 */
export function callRule<F extends AnyCompute>(policy: PolicyCore, name: string, _compute: F, input: Parameters<F>[1]): ReturnType<F> {
  if (!isPolicyLike(policy)) throw notPolicy('callRule', policy);
  const rules = policy.provisions.flatMap((p) => Object.keys(p.rules));
  if (typeof name !== 'string' || !rules.includes(name) || typeof (policy as unknown as Record<string, unknown>)[name] !== 'function') {
    throw new PolicyInputError(
      [refused('name', 'unknown-name', { en: `a rule of the policy (${rules.join(', ')})`, zh: `该政策的规则(${rules.join('、')})` }, name)],
      'callRule',
    );
  }
  return call(policy, name, _compute, input);
}
