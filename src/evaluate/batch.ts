/**
 * Batch evaluation for large datasets: the verdicts of every community in one
 * typed array, and findings made only for the rows someone looks at. The
 * verdicts are the same as `evaluateCity`'s (the same code decides them); what
 * is saved is the six objects per community that a million-row run would make.
 */
import { cheapFindings } from './cheap-finding.js';
import { PolicyInputError, describeValue, issue, refused } from '../errors.js';
import { amount as AMOUNT, count as COUNT, flag as FLAG, id as ID, text as TEXT } from '../kinds.js';
import { checkPolicy } from '../create-policy.js';
import { readCommunity, type CommunityRecord } from './dataset.js';
import { checkContext, checkYear, communityStatuses, compile, STATUS, type Compiled, type Finding, type StatusCounts, type StreamContext } from './evaluate.js';

/** The most communities one batch takes: their status codes fill one Uint8Array. @internal */
export const MAX_RECORDS = 2 ** 28;

/** Result of {@link evaluateBatch}. */
export interface BatchEvaluation {
  /** Number of communities evaluated. */
  readonly communities: number;
  /** The community provisions, in the order of each community's status codes (the community checks the provisions declare, by their column). */
  readonly provisions: readonly string[];
  /**
   * Status codes, `provisions.length` per community (`statuses[i * provisions.length + j]` is community `i`,
   * provision `j`): 0 does not apply (a rural community's urban checks),
   * 1 pass, 2 fail, 3 unknown.
   */
  readonly statuses: Uint8Array;
  /** Counts by status over all findings (tallied when first read). */
  readonly counts: StatusCounts;
  /** Counts by status for each provision (tallied when first read). */
  readonly byProvision: Readonly<Record<string, StatusCounts>>;
  /** The finding of community `index` for provision `provision` (an index into `provisions` or its id), or undefined where it does not apply. */
  finding(index: number, provision: number | string): Finding | undefined;
  /** Every finding (or only those with the given status), made one at a time as you iterate. Throws {@link PolicyInputError} for another status. */
  findings(status?: 'pass' | 'fail' | 'unknown'): Generator<Finding, void, undefined>;
}

/**
 * The keys of the last record whose every key was a community field, in the order `for…in` gave them. Records of
 * one shape give their keys in one order: each key is then told by one comparison with the key at its place here,
 * not by the switch below. A record whose keys differ anywhere goes through the switch, key by key.
 */
let lastKeys: readonly string[] = [];

/** Whether every enumerable key is a community field: the keys of the last such record, or each by the switch. */
function knownKeys(c: object): boolean {
  const last = lastKeys;
  let i = 0;
  for (const key in c) {
    if (key !== last[i++]) return knownKeysOneByOne(c);
  }
  return true;
}

/** Whether every enumerable key is a community field, each told by a switch (measured 5× faster than a Set here); the keys are remembered when they all are. */
function knownKeysOneByOne(c: object): boolean {
  const keys: string[] = [];
  for (const key in c) {
    keys.push(key);
    switch (key) {
      case 'id':
      case 'name':
      case 'kind':
      case 'households':
      case 'floatingHouseholds':
      case 'residents':
      case 'roomAreaM2':
      case 'serviceCentreM2':
      case 'staff':
      case 'roomsOnGroundFloor':
      case 'oneStopWindow':
      case 'streetSubsidyPaid':
        continue;
      // activeFrom is left to the schema, which checks the date.
      default:
        return false;
    }
  }
  lastKeys = keys;
  return true;
}
// The catalogue's tests (../kinds.ts); an amount in a record is a number or a string, never a Decimal. The common
// forms are told here without a call (a number, an id starting with a printable character), the rest by the catalogue.
const count = COUNT.is;
const optCount = (v: unknown) => v === undefined || count(v);
const optAmount = (v: unknown) => v === undefined || (typeof v === 'number' ? v >= 0 && v < Number.POSITIVE_INFINITY : typeof v !== 'object' && AMOUNT.is(v));
const optFlag = (v: unknown) => v === undefined || v === true || v === false || FLAG.is(v);
/** An id: a string starting with printable ASCII other than a space, or a CJK ideograph, has a character \S matches. */
function isId(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const c = v.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff) || ID.is(v);
}

/**
 * A quick yes to the common case of a well-formed record. It accepts only what
 * the dataset schema accepts (a test checks it against the schema on generated
 * records); anything it does not accept goes to the schema, which decides and
 * explains.
 * @internal
 */
export function looksValid(v: unknown): v is CommunityRecord {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const c = v as Record<string, unknown>;
  return (
    knownKeys(c) &&
    isId(c.id) &&
    TEXT.is(c.name) &&
    (c.kind === 'urban' || c.kind === 'rural') &&
    count(c.households) &&
    count(c.residents) &&
    optCount(c.floatingHouseholds) &&
    Number.isSafeInteger((c.households as number) + ((c.floatingHouseholds as number | undefined) ?? 0)) &&
    optCount(c.staff) &&
    optAmount(c.roomAreaM2) &&
    optAmount(c.serviceCentreM2) &&
    optAmount(c.streetSubsidyPaid) &&
    optFlag(c.roomsOnGroundFloor) &&
    optFlag(c.oneStopWindow)
  );
}

/**
 * The status codes of every record into `statuses`; a record the quick check cannot vouch for is read by the
 * schema and its copy kept in `copies`. A function of its own rather than a loop inside evaluateBatch: V8
 * optimizes it as a whole and keeps it, where the loop inside evaluateBatch was compiled on the fly at every call
 * and thrown away when the call went on past it (seen with `--trace-deopt`).
 */
function decideAll(records: readonly CommunityRecord[], k: Compiled, statuses: Uint8Array, copies: Map<number, CommunityRecord>): void {
  const N = k.n;
  // The policy's one decider where it could be made (src/formula/batch.ts), called straight from the loop.
  const decide = k.decide ?? ((c: CommunityRecord, out: Uint8Array, at: number) => communityStatuses(c, k, out, at));
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    let c: CommunityRecord;
    // Stryker disable next-line ConditionalExpression: without the quick check every record goes to the schema, with the same verdicts (only slower)
    if (looksValid(r)) c = r;
    else copies.set(i, (c = readCommunity(r, ['records', i], 'evaluateBatch')));
    decide(c, statuses, i * N);
  }
}

/**
 * Evaluate many communities at once into a compact result: six status codes
 * per community in a `Uint8Array`, counts, and findings made on demand. For
 * datasets of hundreds of thousands of communities, where `evaluateCity`'s six
 * finding objects per community cost time and memory nobody needs.
 *
 * The records are read, not copied: leave them unchanged while you use the
 * result (its findings read them when you ask for one). Duplicate ids are not
 * checked here (`evaluateCity` does).
 *
 * @param records - the communities, as in a dataset's `communities`
 * @param context - `year` (required, for the subsidy) and `policy` (default as written)
 * @returns the status codes, counts, and `finding(i, provision)` / `findings(status?)` to get findings
 * @throws {@link PolicyInputError} for an invalid record (with its index), policy or year
 * @example
 * ```ts
 * const batch = evaluateBatch([{ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 }], { year: 2013 });
 * batch.statuses.join(''); //=> '133323'
 * batch.finding(0, 'Q8').expected; //=> 5
 * ```
 */
export function evaluateBatch(records: readonly CommunityRecord[], context: StreamContext): BatchEvaluation {
  checkContext(context, '{ year, policy? }', 'evaluateBatch');
  const policy = checkPolicy(context.policy, 'evaluateBatch');
  checkYear(context.year, 'evaluateBatch');
  if (!Array.isArray(records)) {
    throw new PolicyInputError([refused('records', 'not-a-list', { en: 'an array of community records', zh: '社区记录的数组' }, records)], 'evaluateBatch');
  }
  // Six status bytes a community must fit one typed array (V8 allows about 2^32 bytes): refused by name beyond that.
  if (records.length > MAX_RECORDS) {
    const note = { en: 'evaluate them in parts or with evaluateCommunities', zh: '请分批评估，或用 evaluateCommunities' };
    throw new PolicyInputError(
      [refused('records', 'out-of-range', { en: `at most ${MAX_RECORDS} records in one batch`, zh: `每批至多 ${MAX_RECORDS} 条记录` }, records.length, note)],
      'evaluateBatch',
    );
  }
  const k = compile(policy, context.year);
  const N = k.n;
  const provisions = k.provisions;
  const n = records.length;
  const statuses = new Uint8Array(n * N);
  // Records the quick check could not vouch for are read by the schema, which copies them.
  const copies = new Map<number, CommunityRecord>();
  decideAll(records, k, statuses, copies);
  const row = (i: number) => copies.get(i) ?? records[i]!;
  // The findings are made from each check's fast path where its formula allows (cheap-finding.ts), the maker set up
  // on the first finding asked for.
  let maker: ReturnType<typeof cheapFindings> | undefined;
  const made = () => (maker ??= cheapFindings(k));
  // Counts are tallied when first asked for: a caller that only reads the codes does not pay for them.
  let tallied: { counts: StatusCounts; byProvision: Record<string, StatusCounts> } | undefined;
  const tally = () => {
    if (tallied) return tallied;
    const t = new Float64Array(N * 4); // t[j * 4 + code]: four codes for each of the policy's community checks
    // Stryker disable next-line EqualityOperator: one step past the end reads undefined, and a typed array ignores t[NaN]++
    for (let x = 0; x < statuses.length; x++) t[(x % N) * 4 + statuses[x]!]!++;
    const per = provisions.map((_, j) => ({ pass: t[j * 4 + 1]!, fail: t[j * 4 + 2]!, unknown: t[j * 4 + 3]! }));
    const counts = { pass: 0, fail: 0, unknown: 0 };
    for (const x of per) {
      counts.pass += x.pass;
      counts.fail += x.fail;
      counts.unknown += x.unknown;
    }
    return (tallied = { counts, byProvision: Object.fromEntries(provisions.map((p, j) => [p, per[j]!])) });
  };
  const index = (provision: number | string) => (typeof provision === 'number' ? provision : provisions.indexOf(provision));
  return {
    communities: n,
    provisions,
    statuses,
    get counts() {
      return tally().counts;
    },
    get byProvision() {
      return tally().byProvision;
    },
    finding(i: number, provision: number | string) {
      const j = index(provision);
      if (!Number.isInteger(i) || i < 0 || i >= n || !Number.isInteger(j) || j < 0 || j >= provisions.length) {
        const expected = {
          en: `a community index from 0 to ${n - 1} and a provision from ${provisions.join(', ')}`,
          zh: `0 至 ${n - 1} 的社区序号和 ${provisions.join('、')} 之一的条款`,
        };
        const got = { en: `${describeValue(i)}, ${describeValue(provision)}`, zh: `${describeValue(i, 'zh')}、${describeValue(provision, 'zh')}` };
        throw new PolicyInputError([issue('finding', 'out-of-range', { expected, received: got })], 'evaluateBatch');
      }
      const code = statuses[i * N + j]!;
      return code === 0 ? undefined : made()(row(i), j, code);
    },
    findings(status?: 'pass' | 'fail' | 'unknown') {
      if (status !== undefined && status !== 'pass' && status !== 'fail' && status !== 'unknown') {
        throw new PolicyInputError(
          [refused('status', 'not-an-option', { en: "'pass', 'fail', 'unknown' or nothing", zh: "'pass'、'fail'、'unknown' 之一，或不填" }, status)],
          'evaluateBatch',
        );
      }
      return findingsWith(STATUS.indexOf(status)); // STATUS[0] is undefined: no status wants every code
    },
  };
  function* findingsWith(want: number): Generator<Finding, void, undefined> {
    const make = made();
    for (let x = 0; x < statuses.length; x++) {
      const code = statuses[x]!;
      if (code !== 0 && (want === 0 || code === want)) yield make(row((x / N) | 0), x % N, code);
    }
  }
}
