/**
 * Communities evaluated one at a time, as they come, each finding made from its check's fast path where the
 * check's formula allows (cheap-finding.ts), the same plain object as the exact way's.
 */
import { checkPolicy } from '../create-policy.js';
import { PolicyInputError, refused } from '../errors.js';
import { cheapFindings } from './cheap-finding.js';
import { readCommunity, type CommunityRecord } from './dataset.js';
import { checkContext, checkYear, compile, communityStatuses, type Finding, type StreamContext } from './evaluate.js';

/**
 * Evaluate communities one at a time, as they come: an iterable in (an
 * array, a generator reading a file or a database cursor), findings out.
 * Memory stays flat however many records pass through: nothing is kept, not
 * even the ids (so duplicate ids are not detected here; `evaluateCity` does).
 *
 * @param records - community records, as in a dataset's `communities`
 * @param context - `year` (required) and `policy` (default as written)
 * @returns a generator of findings, community by community
 * @throws {@link PolicyInputError} for an invalid context, or, when it is reached, an invalid record (its path names its index)
 * @example
 * ```ts
 * const records = [{ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 }];
 * [...evaluateCommunities(records, { year: 2013 })].map((f) => f.status).join(' '); //=> 'pass unknown unknown unknown fail unknown'
 * ```
 */
export function evaluateCommunities(records: Iterable<CommunityRecord>, context: StreamContext): Generator<Finding, void, undefined> {
  checkContext(context, '{ year, policy? }', 'evaluateCommunities');
  const policy = checkPolicy(context.policy, 'evaluateCommunities');
  checkYear(context.year, 'evaluateCommunities');
  if (records === null || records === undefined || typeof (records as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new PolicyInputError(
      [refused('records', 'not-a-list', { en: 'an iterable of community records', zh: '可迭代的社区记录' }, records)],
      'evaluateCommunities',
    );
  }
  const k = compile(policy, context.year);
  return (function* () {
    const make = cheapFindings(k);
    const codes = new Uint8Array(k.n);
    let index = 0;
    for (const record of records) {
      const c = readCommunity(record, ['records', index++], 'evaluateCommunities');
      communityStatuses(c, k, codes, 0);
      for (let j = 0; j < codes.length; j++) if (codes[j] !== 0) yield make(c, j, codes[j]!);
    }
  })();
}
