/**
 * A city's evaluation on the batch path: the communities' verdicts as status
 * codes (decided by `communityStatuses`, as everywhere), tallied into the
 * summary; the city's own findings and the judgements from the communities'
 * standings added at the end.
 */
import { checkPolicy, type Policy, type ProvisionList } from '../create-policy.js';
import type { NINGGUO_2011 } from '../policies/ningguo-2011.js';
import type { PolicyCore } from '../provisions/provision.js';
import { displayable } from '../display.js';
import { looksValid } from './batch.js';
import { cheapFindings } from './cheap-finding.js';
import { readDataset, type CommunityRecord, type Dataset } from './dataset.js';
import {
  aggregateFindings,
  checkContext,
  cityFindings,
  isOptions,
  communityFinding,
  communityStatuses,
  compile,
  standingFindings,
  type CityEvaluation,
  type CityScope,
  type OwedKeysOf,
  type Finding,
} from './evaluate.js';
import { markEvaluated } from './kinds.js';
import { lazyList } from './lazy-list.js';
import { Tally, type ListSpec } from './tally.js';

/**
 * Validate a dataset: records that pass the quick check (the one `evaluateBatch` uses, tested against the
 * schema) are copied as they are; the rest of the dataset goes through the schema. Any record the quick check
 * does not vouch for sends the whole dataset through the schema, for its messages.
 * @internal
 */
export function readDatasetQuickly(input: unknown): Dataset {
  const d = input as Dataset;
  if (typeof d !== 'object' || d === null || !Array.isArray(d.communities) || Object.getPrototypeOf(d) !== Object.prototype) return readDataset(input);
  const n = d.communities.length;
  const copies: CommunityRecord[] = new Array(n);
  const ids = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = d.communities[i];
    // looksValid also checks households + floatingHouseholds; a duplicate id goes to readDataset for its message.
    if (!looksValid(c) || ids.size === ids.add(c.id).size) return readDataset(input);
    copies[i] = { ...c };
  }
  let rest: Dataset;
  try {
    rest = readDataset({ ...d, communities: [] }); // every check of the rest of the dataset, in one place
  } catch {
    return readDataset(input); // its messages, wording and limit, for the whole dataset
  }
  return { ...rest, communities: copies };
}

/**
 * The city's own findings and the judgements from the standings, added to a tally once every community is in. A table of communities (`scope`
 * 'communities-only', such as a CSV) carries no villages, budgets or projects: those checks are not evaluated, with
 * the reason.
 * @internal
 */
export function cityTail(d: Dataset, policy: PolicyCore, tally: Tally, scope: CityScope = 'dataset'): Finding[] {
  const city: Finding[] = [];
  cityFindings(d, policy, city, tally.notEvaluated, scope);
  const { count, of, undecided } = tally.urbanMeetingAll;
  for (const judged of standingFindings(policy, d.year, count, of, undecided)) {
    if ('status' in judged) city.push(judged);
    else tally.notEvaluated.push(judged);
  }
  // The judgements of the city as a whole, from the exact sums the tally gathered over its urban communities.
  for (const judged of aggregateFindings(policy, d.year, tally.urbanSums)) {
    if ('status' in judged) city.push(judged);
    else tally.notEvaluated.push(judged);
  }
  for (const f of city) tally.finding(f);
  return city;
}

/**
 * Evaluate a validated dataset. With `keepAll`, every finding is made and returned (as `evaluateCity` promises);
 * otherwise only those the tally keeps for the summary and the list.
 * @internal
 */
export function evaluateDataset(
  d: Dataset,
  policy: PolicyCore,
  keepAll: boolean,
  list?: ListSpec,
  scope: CityScope = 'dataset',
): CityEvaluation & { listed: Finding[]; city: Finding[] } {
  const k = compile(policy, d.year);
  const n = d.communities.length;
  const N = k.n;
  const codes = new Uint8Array(N);
  const tally = new Tally(k, list);
  // With keepAll, where each finding is: its community, and its check and status code (check × 4 + code).
  let count = 0;
  let rows = new Uint32Array(keepAll ? Math.min(n * N, 1 << 20) : 0);
  let cells = new Uint16Array(rows.length); // check × 4 + code, for up to 16,384 community checks
  let current: CommunityRecord = d.communities[0]!;
  const src = { finding: (_i: number, j: number, code: number) => communityFinding(current, k, j, code) };
  for (let i = 0; i < n; i++) {
    const c = (current = d.communities[i]!);
    communityStatuses(c, k, codes, 0);
    if (keepAll) {
      for (let j = 0; j < N; j++) {
        const code = codes[j]!;
        if (code === 0) continue;
        if (count === rows.length) [rows, cells] = [grow(rows, count), grow(cells, count)];
        rows[count] = i;
        cells[count++] = j * 4 + code;
      }
    }
    tally.community(c, codes, 0, src, i);
  }
  const city = cityTail(d, policy, tally, scope);
  // Each finding is made when first read, from the check's fast path where its formula allows (cheap-finding.ts).
  const make = keepAll ? cheapFindings(k) : undefined;
  const findings = make ? lazyList(count, (x) => make(d.communities[rows[x]!]!, cells[x]! >> 2, cells[x]! & 3), city) : [];
  return { findings, summary: tally.build(d.year), listed: tally.listed(), city };
}

/** A typed array twice as long (at least 16), with the first `used` items copied. */
function grow<A extends Uint32Array | Uint16Array | Uint8Array>(a: A, used: number): A {
  const b = new (a.constructor as new (n: number) => A)(Math.max(16, a.length * 2));
  b.set(a.subarray(0, used));
  return b;
}

/** An evaluation in one line, for Node's console. */
const sayEvaluation = (o: Record<string, unknown>): string => {
  const { year, counts } = o.summary as CityEvaluation['summary'];
  return `CityEvaluation ${year} { pass: ${counts.pass}, fail: ${counts.fail}, unknown: ${counts.unknown} }`;
};

/** Options of {@link evaluateCity}. */
export interface CityOptions<Ps extends ProvisionList = typeof NINGGUO_2011> {
  /** The policy to hold the dataset against (default: the policy as written). */
  readonly policy?: Policy<Ps>;
}

/**
 * Hold a city's dataset against the policy: every community against each
 * community check, the rural rollout, each year's city budget, each
 * development project, and the share of urban communities meeting all their
 * checks against the target for the year. The checks are those the
 * provisions declare (`src/provisions/`), in their order.
 *
 * A finding is `unknown`, never a silent pass, when the data lacks what it needs.
 * Every finding is plain data: spread it, compare it or write it as JSON.
 * The community findings are made when first read (a million communities
 * cost their verdicts, not six million messages); the list is still an
 * array, and `[...findings]` copies it into an ordinary one. A scan that
 * reads every finding (`filter`, `find`, `for…of`) makes every one, message
 * and all: about 10 s for 200,000 communities, and the city's own findings
 * come last. For counts read `summary.counts` and `summary.byProvision`, for
 * the worst `summary.worst`; to scan the statuses of many communities, use
 * `evaluateBatch`.
 *
 * @param dataset - the city's data for one year (see `readDataset` and `datasetJsonSchema`)
 * @param options - `{ policy }`: the policy to hold it against (default: as written). A policy passed on its own, as before 0.2, is still taken (deprecated)
 * @returns `findings` and a `summary` (counts, worst shortfalls, totals owed)
 * @throws {@link PolicyInputError} for an invalid dataset, with row and field, or an unknown option
 * @example
 * ```ts
 * evaluateCity({ year: 2013, communities: [], villages: { total: 100, covered: 80 } })
 *   .findings.find((f) => f.clause === 'A.3.3')?.expected; //=> 90
 * evaluateCity({ year: 2013, communities: [] }, { policy: createPolicy({ targets: { interim: 'none' } }) }).summary.year; //=> 2013
 * ```
 */
export function evaluateCity<const Ps extends ProvisionList>(dataset: Dataset, options: CityOptions<Ps>): CityEvaluation<OwedKeysOf<Ps>>;
export function evaluateCity(dataset: Dataset, options?: CityOptions | Policy): CityEvaluation;
export function evaluateCity(dataset: Dataset, options: object = {}): CityEvaluation<string> {
  let policy: unknown = options; // the form before 0.2: evaluateCity(dataset, policy)
  if (isOptions(options, ['policy'])) {
    checkContext(options, '{ policy? }', 'evaluateCity', ['policy']);
    policy = (options as CityOptions).policy;
  }
  const pol = checkPolicy(policy, 'evaluateCity');
  const { findings, summary } = evaluateDataset(readDatasetQuickly(dataset), pol, true);
  // The policy it was made under, kept on the result (not enumerable): a report names and counts its findings by it.
  return markEvaluated(
    displayable('evaluation', { findings, summary }, () => import('../view/display-evaluation.js'), sayEvaluation),
    pol,
  );
}
