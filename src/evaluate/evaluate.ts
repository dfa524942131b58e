/**
 * Holding a city's data against the policy. One finding per provision and
 * subject (a community, a project, or the city), each with what the policy
 * expects, what the data shows, a verdict and a message in both languages.
 *
 * The arithmetic is the rules' own (their internal cores, without building a
 * trace for every record), so the evaluation can never disagree with them.
 */
import type { Decimal } from 'decimal.js';
import type { Bilingual } from '../bilingual.js';
import { checkPolicy, isPolicy, type ProvisionList } from '../create-policy.js';
import { approxDiv, D } from '../decimal.js';
import { PolicyInputError, refused } from '../errors.js';
import { closest } from '../policy/names.js';
import type { FindingAbout, ValueUnit } from '../provisions/declare.js';
import type {
  AggregateCheck,
  Citation,
  CityCheck,
  CommunityCheck,
  CommunitySums,
  Detail,
  Finding,
  FindingStatus,
  FindingValue,
  NotEvaluated,
  PolicyCore,
  StandingCheck,
} from '../provisions/provision.js';
import { batchDecider, type Decider } from '../formula/batch.js';
import { Checker } from '../rules/input.js';
import { FAIL, PASS, UNKNOWN } from '../rules/check.js';
import { readCommunity, unknownField, type CommunityRecord, type Dataset } from './dataset.js';

export type { Finding, FindingStatus, FindingValue, NotEvaluated };

/** Counts of findings by status. */
export interface StatusCounts {
  pass: number;
  fail: number;
  unknown: number;
}

/** The owed totals a list of provisions declares (the `owed` of its findings), by name. */
export type OwedKeysOf<Ps extends ProvisionList> = {
  [I in keyof Ps]: Ps[I]['findings'][keyof Ps[I]['findings']] extends infer F ? (F extends { readonly owed: infer K extends string } ? K : never) : never;
}[number];

/**
 * What the failing findings add up to, one total per owed key its provisions declare: money and areas as exact
 * Decimals, counts (workers) as numbers while they are safe integers. For the city's document: the street
 * subsidy (`streetSubsidyYuan`), the city budget (`cityBudgetYuan`), developers' money and rooms
 * (`developerFundsYuan`, `developerRoomsM2`), rooms (`roomsM2`) and workers (`staff`). A total is `null` (not
 * evaluated, never 0) when none of the findings that add to it could be made: a table of communities carries no
 * city budget and no development projects, and `notEvaluated` says why.
 */
export type Owed<K extends string = OwedKeysOf<typeof import('../policies/ningguo-2011.js').NINGGUO_2011>> = { readonly [key in K]: Decimal | number | null };

/** The city summary of an evaluation. */
export interface EvaluationSummary<K extends string = OwedKeysOf<typeof import('../policies/ningguo-2011.js').NINGGUO_2011>> {
  readonly year: number;
  readonly communities: number;
  readonly counts: StatusCounts;
  readonly byProvision: Readonly<Record<string, StatusCounts>>;
  /** The worst failing findings (largest relative shortfall first), at most 10. */
  readonly worst: readonly Finding[];
  readonly owed: Owed<K>;
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
export interface CityEvaluation<K extends string = OwedKeysOf<typeof import('../policies/ningguo-2011.js').NINGGUO_2011>> {
  readonly findings: readonly Finding[];
  readonly summary: EvaluationSummary<K>;
}

/** Context of {@link evaluateCommunity}. */
export interface CommunityContext {
  /** The policy to hold the record against (default: the policy as written). */
  readonly policy?: PolicyCore;
  /** The year evaluated; needed for the subsidy minimum of a community that started during the year. */
  readonly year?: number;
}

/** A kind of finding, with the clause of the provision that declares it and the documents that changed it. */
export interface FindingKind extends FindingAbout {
  readonly provision: string;
  readonly clause: string;
  /** The documents beyond the policy's own that added, replaced or amended its provision. */
  readonly cites?: readonly Citation[];
}

/** A total of the summary: what the failing findings of one kind add up to. */
export interface OwedTotal {
  readonly key: string;
  /** Its name in words, as reports show it. */
  readonly name: Bilingual;
  /** Its unit: the unit of the findings that add to it. */
  readonly unit: ValueUnit;
  /** The finding id whose shortfalls add to it. */
  readonly provision: string;
  /** Its shortfalls in units of 1 ÷ scale in the quick tally (rooms: hundredths of m²). */
  readonly scale: number;
}

/**
 * What a policy's list gives the evaluation, read once per policy: its checks by scope (the community checks in
 * list order: their positions are the status columns), every kind of finding with its words, and the totals owed.
 */
export interface PolicyShape {
  readonly community: readonly CommunityCheck[];
  readonly city: readonly CityCheck[];
  readonly standing: readonly StandingCheck[];
  /** The judgements of the city from exact sums over its urban communities, those that apply under the policy (the tally gathers the sums only when there is one). */
  readonly aggregate: readonly AggregateCheck[];
  /** How many community checks: each community has this many status codes. */
  readonly n: number;
  /** The community checks' finding ids, in the order of their status codes. */
  readonly provisions: readonly string[];
  /** Each community check's `status` and `rural`, by column (indexed loads in the hot loop, not property loads on differently shaped objects). */
  readonly statusOf: readonly CommunityCheck['status'][];
  readonly rural: readonly boolean[];
  /** Every kind of finding, in document order (the order of a report). */
  readonly kinds: readonly FindingKind[];
  /** The totals owed, in document order. */
  readonly owed: readonly OwedTotal[];
  /** A kind by its finding id (a Map: no id such as `constructor` finds an inherited entry). */
  kind(provision: string): FindingKind | undefined;
  /** The provisions the policy switched off, as "not evaluated" with the reason. */
  readonly removed: readonly NotEvaluated[];
  /** The documents the policy is made of, its own first (a report names the others where a finding cites them). */
  readonly sources: PolicyCore['sources'];
  /** How a finding's citations read: `《title》 clause` for each document that changed it, or '' when none did. */
  cited(cites: readonly Citation[] | undefined, lang: 'zh' | 'en'): string;
}

const shapes = new WeakMap<object, PolicyShape>();

/** What the evaluation needs of a policy's list, read once per policy. @internal */
export function shapeOf(policy: PolicyCore): PolicyShape {
  const known = shapes.get(policy);
  if (known) return known;
  const all = policy.provisions.flatMap((p) => p.checks);
  const community = all.filter((c): c is CommunityCheck => c.scope === 'community');
  const kinds: FindingKind[] = policy.provisions.flatMap((p) =>
    Object.entries(p.findings).map(([provision, f]) => ({ ...f, provision, clause: p.clause, ...(p.cites && { cites: p.cites }) })),
  );
  const byId = new Map(kinds.map((k) => [k.provision, k]));
  // One total per key, named by the first kind that owes to it (a city-wide check may owe to a community check's total).
  const owing = kinds.filter((k, i) => k.owed !== undefined && kinds.findIndex((x) => x.owed === k.owed) === i);
  const owed = owing.flatMap((k) =>
    k.owed === undefined
      ? []
      : [
          {
            key: k.owed,
            name: k.owedName ?? k.name,
            unit: k.unit ?? 'yuan',
            provision: k.provision,
            // The scale of the community check that owes to it (its quick shortfalls are counted in those units).
            scale: community.find((c) => kinds.some((x) => x.provision === c.provision && x.owed === k.owed))?.owedScale ?? 1,
          },
        ],
  );
  const shape: PolicyShape = {
    community,
    city: all.filter((c): c is CityCheck => c.scope === 'city'),
    standing: all.filter((c): c is StandingCheck => c.scope === 'standing'),
    aggregate: all.filter((c): c is AggregateCheck => c.scope === 'aggregate' && (c.applies === undefined || c.applies(policy))),
    n: community.length,
    provisions: community.map((c) => c.provision),
    statusOf: community.map((c) => c.status),
    rural: community.map((c) => c.rural),
    kinds,
    owed,
    kind: (provision) => byId.get(provision),
    removed: policy.removed.flatMap((r) => r.findings.map((id) => ({ provision: id, clause: r.clause, subject: 'city', reason: r.reason, cites: r.cites }))),
    sources: policy.sources,
    cited: (cites, lang) =>
      (cites ?? [])
        .map((c) => {
          const title = policy.sources.find((s) => s.id === c.source)?.title[lang] ?? c.source;
          return lang === 'zh' ? `《${title}》${c.clause ? ` ${c.clause}` : ''}` : `${title}${c.clause ? `, ${c.clause}` : ''}`;
        })
        .join(lang === 'zh' ? '、' : '; '),
  };
  shapes.set(policy, shape);
  return shape;
}

/** Status codes: 0 does not apply, 1 pass, 2 fail, 3 unknown. @internal */
export const STATUS: readonly (FindingStatus | undefined)[] = [undefined, 'pass', 'fail', 'unknown'];

/** Per-policy constants of every community check, computed once per evaluation, with the policy's shape. @internal */
export interface Compiled extends PolicyShape {
  readonly policy: PolicyCore;
  readonly year: number | undefined;
  /** Check j's constants. */
  readonly per: readonly unknown[];
  /** Every check decided by one function (src/formula/batch.ts), or undefined where it cannot be made. */
  readonly decide: Decider | undefined;
}

const compiled = new WeakMap<PolicyCore, Map<number | undefined, Compiled>>();

/**
 * A policy's community checks compiled for a year, once per policy and year (a policy is frozen): every evaluation
 * under them shares the checks' functions and the one that decides them all, which the engine has optimized already.
 * @internal
 */
export function compile(policy: PolicyCore, year: number | undefined): Compiled {
  let byYear = compiled.get(policy);
  if (byYear === undefined) compiled.set(policy, (byYear = new Map()));
  const known = byYear.get(year);
  if (known) return known;
  const shape = shapeOf(policy);
  const per = shape.community.map((check) => check.compile(policy, year));
  const k: Compiled = { ...shape, kind: shape.kind, policy, year, per, decide: batchDecider(shape.community, per) };
  byYear.set(year, k);
  return k;
}

/** A finding with the documents that changed its provision, when any did. */
const cited = (f: Finding, k: PolicyShape): Finding => {
  const cites = k.kind(f.provision)?.cites;
  return cites && f.cites === undefined ? { ...f, cites } : f;
};

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
    return this.compiled.community[this.j]!.provision;
  }
  get clause(): string {
    return this.compiled.community[this.j]!.clause;
  }
  get subject(): string {
    return this.record.id;
  }
  private get d(): Detail {
    return (this.cached ??= this.compiled.community[this.j]!.detail(this.record, this.compiled.per[this.j], this.status === 'fail'));
  }
  get expected(): FindingValue {
    return this.d.expected;
  }
  get actual(): FindingValue {
    return this.d.actual;
  }
  get message(): Bilingual {
    return this.compiled.community[this.j]!.message(this.record, this.compiled.per[this.j], this.status === 'pass', this.d);
  }
  get shortfall(): Decimal | undefined {
    return this.d.shortfall;
  }
  get cites(): readonly Citation[] | undefined {
    return this.compiled.kind(this.provision)?.cites;
  }
  /** A plain object with every field, for JSON and for spreading. */
  toJSON(): Finding {
    const { provision, clause, subject, status, expected, actual, message, shortfall } = this;
    const cites = this.compiled.kind(provision)?.cites;
    const f: Finding =
      shortfall === undefined
        ? { provision, clause, subject, status, expected, actual, message }
        : { provision, clause, subject, status, expected, actual, message, shortfall };
    return cites ? { ...f, cites } : f;
  }
}

/**
 * The verdicts of one validated community into `out[at … at + k.n − 1]`: each check's status code, 0 where it
 * does not apply (a rural community's urban checks). One call to the policy's decider, which has every formula
 * check's fast path inline; without one, a call to each check's own function (`status` is called without `this`:
 * see CommunityCheck).
 * @internal
 */
export function communityStatuses(c: CommunityRecord, k: Compiled, out: Uint8Array, at: number): void {
  if (k.decide !== undefined) return k.decide(c, out, at);
  const urban = c.kind === 'urban';
  const per = k.per;
  const statusOf = k.statusOf;
  const rural = k.rural;
  for (let j = 0; j < statusOf.length; j++) {
    out[at + j] = urban || rural[j] ? statusOf[j]!(c, per[j]) : 0;
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

/** Findings of one validated community, as plain data. @internal */
export function communityFindings(c: CommunityRecord, k: Compiled, out: Finding[]): void {
  const codes = new Uint8Array(k.n);
  communityStatuses(c, k, codes, 0);
  for (let j = 0; j < k.n; j++) {
    const code = codes[j]!;
    if (code !== 0) out.push(new CommunityFinding(j, STATUS[code]!, c, k).toJSON());
  }
}

/**
 * A community's standing toward the targets (A.2) from its `n` status codes: PASS when every check that applies
 * passes, FAIL when one fails, UNKNOWN (undecided) when none fails but one lacks data — unknown is not fail.
 * @internal
 */
export function standing(codes: Uint8Array, at: number, n: number): number {
  let unknown = false;
  for (let j = at; j < at + n; j++) {
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
export function cityFindings(d: Dataset, policy: PolicyCore, out: Finding[], notEvaluated: NotEvaluated[] = [], scope: CityScope = 'dataset'): void {
  const k = shapeOf(policy);
  for (const check of k.city) {
    if (scope === 'communities-only' && check.notCarried) {
      const { subject, reason } = check.notCarried;
      notEvaluated.push({ provision: check.provision, clause: check.clause, subject: subject === 'year' ? `city/${d.year}` : subject, reason });
    } else {
      const from = out.length;
      check.findings(d, policy, out, notEvaluated);
      for (let i = from; i < out.length; i++) out[i] = cited(out[i]!, k);
    }
  }
  // What the policy switched off is said, never silently absent.
  notEvaluated.push(...k.removed);
}

/** The judgements of the city from its urban communities' standings (the targets of A.2), each a finding or not evaluated. @internal */
export function standingFindings(policy: PolicyCore, year: number, ok: number, of: number, undecided: number): (Finding | NotEvaluated)[] {
  const k = shapeOf(policy);
  return k.standing.map((check) => {
    const judged = check.judge(policy, year, ok, of, undecided);
    return 'status' in judged ? cited(judged, k) : judged;
  });
}

/** The judgements of the city from exact sums over its urban communities, each a finding, not evaluated, or nothing. @internal */
export function aggregateFindings(policy: PolicyCore, year: number, urban: CommunitySums): (Finding | NotEvaluated)[] {
  const k = shapeOf(policy);
  return k.aggregate.flatMap((check) => {
    const judged = check.judge(policy, year, urban);
    if (judged === undefined) return [];
    return ['status' in judged ? cited(judged, k) : judged];
  });
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
  readonly policy?: PolicyCore;
  readonly year: number;
}
