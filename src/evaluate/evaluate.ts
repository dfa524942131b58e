/**
 * Holding a city's data against the policy. One finding per provision and
 * subject (a community, a project, or the city), each with what the policy
 * expects, what the data shows, a verdict and a message in both languages.
 *
 * The arithmetic is the rules' own (their internal cores, without building a
 * trace for every record), so the evaluation can never disagree with them.
 */
import type { Decimal } from 'decimal.js';
import { checkPolicy, isPolicy, type Policy } from '../create-policy.js';
import { approxDiv, D } from '../decimal.js';
import { PolicyInputError, refused } from '../errors.js';
import type { Bilingual } from '../policy/provisions.js';
import type { InterpretationUse } from '../trace.js';
import { closest } from '../policy/names.js';
import { CHECKS } from '../provisions/checks.generated.js';
import { Checker } from '../rules/input.js';
import { FAIL, PASS, UNKNOWN, type CityCheck, type CommunityCheck, type Detail, type StandingCheck } from './check.js';
import { readCommunity, unknownField, type CommunityRecord, type Dataset } from './dataset.js';

/** `pass`: the data meets the provision; `fail`: it does not; `unknown`: the data lacks what is needed to tell. */
export type FindingStatus = 'pass' | 'fail' | 'unknown';
/** An expected or actual value: exact Decimals for areas, money and shares, numbers for counts. */
export type FindingValue = Decimal | number | boolean | string | null;

/** One provision held against one subject. */
export interface Finding {
  /** The provision's id: its Q-id, or for a provision without one `'A.3.4/ground-floor'` and `'A.3.4/one-stop-window'`. */
  readonly provision: string;
  /** Clause id, e.g. `'A.4.2'`. */
  readonly clause: string;
  /** A community's or project's id, `'city'`, or `'city/2013'` for one budget year. */
  readonly subject: string;
  readonly status: FindingStatus;
  /** What the policy requires. */
  readonly expected: FindingValue;
  /** What the data shows (null when unknown). */
  readonly actual: FindingValue;
  /** The finding in words, with its numbers. */
  readonly message: Bilingual;
  /** How far short, in the provision's unit, when failing (for ordering the worst first). */
  readonly shortfall?: Decimal;
  /** Readings of ambiguous text the verdict relied on, where a city finding depends on one (the targets of A.2: I7 and I10). */
  readonly interpretations?: readonly InterpretationUse[];
}

/** A provision that applies but was not evaluated, and why (never a silent gap). */
export interface NotEvaluated {
  readonly provision: string;
  readonly clause: string;
  readonly subject: string;
  readonly reason: Bilingual;
}

/** Counts of findings by status. */
export interface StatusCounts {
  pass: number;
  fail: number;
  unknown: number;
}

/** What the failing findings add up to. */
export interface Owed {
  /** Street and township subsidy still to pay, yuan (A.4.3). */
  readonly streetSubsidyYuan: Decimal;
  /** City budget below the minimum, summed over the years, yuan (A.4.3). */
  readonly cityBudgetYuan: Decimal;
  /** Community-room money developers still owe, yuan (A.4.3, projects with a price). */
  readonly developerFundsYuan: Decimal;
  /** Rooms developers still owe in kind, m² (A.4.3). */
  readonly developerRoomsM2: Decimal;
  /** Office and service rooms communities lack, m² (A.3.4). */
  readonly roomsM2: Decimal;
  /** Community workers lacking (A.4.2): a number, or a Decimal beyond the largest safe integer (exact either way). */
  readonly staff: number | Decimal;
}

/** The city summary of an evaluation. */
export interface EvaluationSummary {
  readonly year: number;
  readonly communities: number;
  readonly counts: StatusCounts;
  readonly byProvision: Readonly<Record<string, StatusCounts>>;
  /** The worst failing findings (largest relative shortfall first), at most 10. */
  readonly worst: readonly Finding[];
  readonly owed: Owed;
  /**
   * Urban communities whose every finding passes (`count`), against all urban
   * communities (`of`); `undecided` of them fail nothing but lack data for at
   * least one check, so they are counted neither as meeting nor as failing (the targets of A.2).
   */
  readonly urbanMeetingAll: { readonly count: number; readonly of: number; readonly undecided: number };
  /** Provisions that apply but could not be evaluated from this input, each with the reason. */
  readonly notEvaluated: readonly NotEvaluated[];
}

/** Result of {@link evaluateCity}. */
export interface CityEvaluation {
  readonly findings: readonly Finding[];
  readonly summary: EvaluationSummary;
}

/** Context of {@link evaluateCommunity}. */
export interface CommunityContext {
  /** The policy to hold the record against (default: the policy as written). */
  readonly policy?: Policy;
  /** The year evaluated; needed for the subsidy minimum of a community that started during the year. */
  readonly year?: number;
}

/** The community checks by their column (a test holds the columns to 0, 1, 2, … with none missing). */
const COMMUNITY: readonly CommunityCheck[] = CHECKS.filter((c): c is CommunityCheck => c.scope === 'community').sort((x, y) => x.column - y.column);
const CITY: readonly CityCheck[] = CHECKS.filter((c): c is CityCheck => c.scope === 'city');
const STANDING: readonly StandingCheck[] = CHECKS.filter((c): c is StandingCheck => c.scope === 'standing');

/** How many community checks there are: each community has this many status codes. @internal */
export const CHECKS_PER_COMMUNITY = COMMUNITY.length;
/** The community checks, in the order of their status codes. @internal */
export const COMMUNITY_CHECKS: readonly CommunityCheck[] = COMMUNITY;
/** Status codes: 0 does not apply, 1 pass, 2 fail, 3 unknown. @internal */
export const STATUS: readonly (FindingStatus | undefined)[] = [undefined, 'pass', 'fail', 'unknown'];
/** The community provisions, in the order of their status codes. @internal */
export const COMMUNITY_PROVISIONS: readonly string[] = COMMUNITY.map((c) => c.provision);

/** Per-policy constants of every community check, computed once. @internal */
export interface Compiled {
  readonly policy: Policy;
  readonly year: number | undefined;
  /** Check j's constants. */
  readonly per: readonly unknown[];
}

/** @internal */
export function compile(policy: Policy, year: number | undefined): Compiled {
  return { policy, year, per: COMMUNITY.map((check) => check.compile(policy, year)) };
}

/**
 * A community's finding. The verdict is decided when it is made (in integer
 * arithmetic where the numbers allow, exactly with Decimals otherwise); what
 * it reports (expected, actual, message, shortfall) is computed when first
 * read, so a million communities do not build six million messages nobody reads.
 */
class CommunityFinding implements Finding {
  private cached: Detail | undefined = undefined;
  constructor(
    private readonly j: number,
    readonly status: FindingStatus,
    private readonly record: CommunityRecord,
    private readonly compiled: Compiled,
  ) {}
  get provision(): string {
    return COMMUNITY[this.j]!.provision;
  }
  get clause(): string {
    return COMMUNITY[this.j]!.clause;
  }
  get subject(): string {
    return this.record.id;
  }
  private get d(): Detail {
    return (this.cached ??= COMMUNITY[this.j]!.detail(this.record, this.compiled.per[this.j], this.status === 'fail'));
  }
  get expected(): FindingValue {
    return this.d.expected;
  }
  get actual(): FindingValue {
    return this.d.actual;
  }
  get message(): Bilingual {
    return COMMUNITY[this.j]!.message(this.record, this.compiled.per[this.j], this.status === 'pass', this.d);
  }
  get shortfall(): Decimal | undefined {
    return this.d.shortfall;
  }
  /** A plain object with every field, for JSON and for spreading. */
  toJSON(): Finding {
    const { provision, clause, subject, status, expected, actual, message, shortfall } = this;
    return shortfall === undefined
      ? { provision, clause, subject, status, expected, actual, message }
      : { provision, clause, subject, status, expected, actual, message, shortfall };
  }
}

/**
 * Each community check's `status` and `rural`, by column, read once here. The hot loop below runs for every
 * community of a batch: reading `.status` and `.rural` from the check objects there was a property load on six
 * differently shaped objects (megamorphic in V8) for every check of every community; from these arrays it is an
 * indexed load. The call itself still goes to six different functions (the price of the checks living in their
 * folders). `status` is called without `this` (see CommunityCheck).
 */
const STATUS_OF: readonly CommunityCheck['status'][] = COMMUNITY.map((check) => check.status);
const RURAL: readonly boolean[] = COMMUNITY.map((check) => check.rural);

/**
 * The verdicts of one validated community into `out[at … at + CHECKS_PER_COMMUNITY − 1]`: each check's status code,
 * 0 where it does not apply (a rural community's urban checks).
 * @internal
 */
export function communityStatuses(c: CommunityRecord, k: Compiled, out: Uint8Array, at: number): void {
  const urban = c.kind === 'urban';
  const per = k.per;
  for (let j = 0; j < STATUS_OF.length; j++) {
    out[at + j] = urban || RURAL[j] ? STATUS_OF[j]!(c, per[j]) : 0;
  }
}

/**
 * The finding of community check `j` with status code `code`, for one validated community, computing what it
 * reports when first read: for the tallies, which read the shortfall of some and keep a few. Internal only: a
 * finding that leaves the library goes through {@link plainFinding}.
 * @internal
 */
export function communityFinding(c: CommunityRecord, k: Compiled, j: number, code: number): Finding {
  return new CommunityFinding(j, STATUS[code]!, c, k);
}

/** A finding as plain data, for one that leaves the library: a lazy one made whole, any other as it is. @internal */
export function plainFinding(f: Finding): Finding {
  return f instanceof CommunityFinding ? f.toJSON() : f;
}

/** The same finding as plain data: every field its own, so spreading keeps them all. @internal */
export function plainCommunityFinding(c: CommunityRecord, k: Compiled, j: number, code: number): Finding {
  return new CommunityFinding(j, STATUS[code]!, c, k).toJSON();
}

const scratchCodes = /* @__PURE__ */ new Uint8Array(COMMUNITY.length);

/** Findings of one validated community, as plain data. @internal */
export function communityFindings(c: CommunityRecord, k: Compiled, out: Finding[]): void {
  communityStatuses(c, k, scratchCodes, 0);
  for (let j = 0; j < COMMUNITY.length; j++) {
    const code = scratchCodes[j]!;
    if (code !== 0) out.push(new CommunityFinding(j, STATUS[code]!, c, k).toJSON());
  }
}

/**
 * A community's standing toward the targets (A.2) from its status codes: PASS when every check that applies passes, FAIL when one
 * fails, UNKNOWN (undecided) when none fails but one lacks data — unknown is not fail.
 * @internal
 */
export function standing(codes: Uint8Array, at: number): number {
  let unknown = false;
  for (let j = at; j < at + COMMUNITY.length; j++) {
    if (codes[j] === FAIL) return FAIL;
    if (codes[j] === UNKNOWN) unknown = true;
  }
  return unknown ? UNKNOWN : PASS;
}

/**
 * Hold one community record against the policy's community checks (those the
 * provisions declare): every one for an urban community, those that apply to
 * rural ones for a rural community; the street subsidy only when a year is given.
 *
 * @param record - one community, as in a dataset's `communities`
 * @param context - the `policy` (default as written) and the `year` (for the street subsidy)
 * @returns the findings, one per provision
 * @throws {@link PolicyInputError} for an invalid record, policy or year
 * @example
 * ```ts
 * evaluateCommunity({ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 })
 *   .filter((f) => f.status === 'fail').map((f) => f.clause); //=> ['A.4.2']
 * ```
 */
export function evaluateCommunity(record: CommunityRecord, context: CommunityContext = {}): Finding[] {
  checkContext(context, '{ policy?, year? }', 'evaluateCommunity');
  const policy = checkPolicy(context.policy, 'evaluateCommunity');
  if (context.year !== undefined) checkYear(context.year, 'evaluateCommunity');
  const c = readCommunity(record);
  const out: Finding[] = [];
  communityFindings(c, compile(policy, context.year), out);
  return out;
}

/**
 * Whether the input could carry the city-wide figures: a JSON dataset can (what it lacks is unknown); a table of
 * communities such as a CSV file cannot, so its city checks are not evaluated, with the reason. @internal
 */
export type CityScope = 'dataset' | 'communities-only';

/** A year any function of the library takes (YEAR_MIN … YEAR_MAX), or a PolicyInputError for `fn`. @internal */
export function checkYear(year: unknown, fn: string): void {
  const c = new Checker(fn);
  c.year(year, 'year');
  c.done();
}

/**
 * A context object with no key but `policy` and `year` (a misspelt `polcy` is refused, never ignored).
 * @internal
 */
export function checkContext(context: unknown, shape: string, fn: string, allowed: readonly string[] = ['policy', 'year']): void {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new PolicyInputError([refused('context', 'not-an-object', { en: shape, zh: shape }, context)], fn);
  }
  const extra = Object.keys(context).filter((key) => !allowed.includes(key));
  if (extra.length) {
    throw new PolicyInputError(
      extra.map((key) => unknownField(`context.${key}`, key, allowed)),
      fn,
    );
  }
}

/**
 * Whether a function's second argument is an options object (`{ policy, … }`) rather than a policy passed on its
 * own, the form before 0.2: an object that is not a policy is taken as options when it is empty or one of its keys
 * is an option or close to one (so `{ policy, extra }` has its `extra` refused as an unknown option, and a
 * misspelt `polcy` is named); anything else is held to be a policy, and refused as one when it is not.
 * @internal
 */
export function isOptions(value: unknown, allowed: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isPolicy(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 0 || keys.some((key) => allowed.includes(key) || closest(key, allowed) !== undefined);
}

/** The findings of the city's own figures; a table of communities carries none, so those checks are not evaluated, with the reason. @internal */
export function cityFindings(d: Dataset, policy: Policy, out: Finding[], notEvaluated: NotEvaluated[] = [], scope: CityScope = 'dataset'): void {
  for (const check of CITY) {
    if (scope === 'communities-only' && check.notCarried) {
      const { subject, reason } = check.notCarried;
      notEvaluated.push({ provision: check.provision, clause: check.clause, subject: subject === 'year' ? `city/${d.year}` : subject, reason });
    } else check.findings(d, policy, out, notEvaluated);
  }
}

/** The judgements of the city from its urban communities' standings (the targets of A.2), each a finding or not evaluated. @internal */
export function standingFindings(policy: Policy, year: number, ok: number, of: number, undecided: number): (Finding | NotEvaluated)[] {
  return STANDING.map((check) => check.judge(policy, year, ok, of, undecided));
}

const ZERO = /* @__PURE__ */ new D(0);
/** How far short a failing finding is, relative to what was expected (for ordering the worst first). @internal */
export function relativeShortfall(f: Finding): Decimal {
  if (!f.shortfall) return ZERO;
  if (typeof f.expected === 'object' && f.expected !== null && !f.expected.isZero()) return approxDiv(f.shortfall, f.expected);
  if (typeof f.expected === 'number' && f.expected !== 0) return approxDiv(f.shortfall, f.expected);
  return f.shortfall;
}

/** Context of {@link evaluateCommunities}: the year is required (for the subsidy). */
export interface StreamContext {
  readonly policy?: Policy;
  readonly year: number;
}

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
 * [...evaluateCommunities(records, { year: 2013 })].map((f) => f.status).join(' '); //=> 'pass unknown fail unknown unknown unknown'
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
    const out: Finding[] = [];
    let index = 0;
    for (const record of records) {
      communityFindings(readCommunity(record, ['records', index++], 'evaluateCommunities'), k, out);
      yield* out;
      out.length = 0;
    }
  })();
}
