/**
 * Holding a city's data against the policy. One finding per provision and
 * subject (a community, a project, or the city), each with what the policy
 * expects, what the data shows, a verdict and a message in both languages.
 *
 * The arithmetic is the rules' own (their internal cores, without building a
 * trace for every record), so the evaluation can never disagree with them.
 */
import type { Decimal } from 'decimal.js';
import { checkPolicy, type Policy } from '../create-policy.js';
import { approxDiv, D, DX, exactly, percentText, ratio } from '../decimal.js';
import { PolicyInputError, describeValue } from '../errors.js';
import type { Parameters } from '../policy/parameters.js';
import type { Bilingual } from '../policy/provisions.js';
import type { InterpretationUse } from '../trace.js';
import { deviation } from '../provisions/a-3-1-size/community-size.js';
import { divideRounded } from '../provisions/a-4-2-staff/required-staff.js';
import { roomArea, roomBasis } from '../provisions/a-3-4-rooms/service-room-area.js';
import { subsidyForYear } from '../provisions/a-4-3-street-subsidy/street-subsidy.js';
import { calendarDay, groupThousands } from '../values.js';
import { closest } from '../policy/names.js';
import { readCommunity, type CommunityRecord, type Dataset } from './dataset.js';

/** `pass`: the data meets the provision; `fail`: it does not; `unknown`: the data lacks what is needed to tell. */
export type FindingStatus = 'pass' | 'fail' | 'unknown';
/** An expected or actual value: exact Decimals for areas, money and shares, numbers for counts. */
export type FindingValue = Decimal | number | boolean | string | null;

/** One provision held against one subject. */
export interface Finding {
  /** `'Q8'`, or for a provision without a Q-id, `'A.3.4/ground-floor'` and `'A.3.4/one-stop-window'`. */
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
  /** Readings of ambiguous text the verdict relied on, where a city finding depends on one (Q1/Q2: I7 and I10). */
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
  /** Street and township subsidy still to pay, yuan (Q10). */
  readonly streetSubsidyYuan: Decimal;
  /** City budget below the minimum, summed over the years, yuan (Q9). */
  readonly cityBudgetYuan: Decimal;
  /** Community-room money developers still owe, yuan (Q12, projects with a price). */
  readonly developerFundsYuan: Decimal;
  /** Rooms developers still owe in kind, m² (Q11). */
  readonly developerRoomsM2: Decimal;
  /** Office and service rooms communities lack, m² (Q7). */
  readonly roomsM2: Decimal;
  /** Community workers lacking (Q8): a number, or a Decimal beyond the largest safe integer (exact either way). */
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
   * least one check, so they are counted neither as meeting nor as failing (Q1–Q2).
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

const b = (zh: string, en: string): Bilingual => ({ zh, en });
/** Money in a message: exact, its thousands separated (1,350,000). */
const yuan = (d: Decimal) => groupThousands(d.toFixed());

function finding(
  provision: string,
  clause: string,
  subject: string,
  status: FindingStatus,
  expected: FindingValue,
  actual: FindingValue,
  message: Bilingual,
  shortfall?: Decimal,
): Finding {
  return shortfall === undefined
    ? { provision, clause, subject, status, expected, actual, message }
    : { provision, clause, subject, status, expected, actual, message, shortfall };
}

/** Per-policy constants for the community checks, computed once. @internal */
export interface Compiled {
  readonly p: Parameters;
  readonly tolerance: Decimal;
  /** The tolerance as a fraction of small integers, when it has one (for integer verdicts). */
  readonly tolNum: number;
  readonly tolDen: number;
  readonly byHouseholds: boolean;
  /** m² per 100 people or households, when it is a whole number (else NaN: the exact Decimal path decides). */
  readonly roomRate: number;
  readonly year: number | undefined;
  readonly subsidyFullYear: Decimal | undefined;
  /** The full-year subsidy minimum when it is a whole number of yuan (else NaN). */
  readonly subsidyWhole: number;
}

/** @internal */
export function compile(policy: Policy, year: number | undefined): Compiled {
  const p = policy.parameters;
  const tolerance = new D(p.sizing.tolerance);
  const [num, den] = tolerance.toFraction(1_000_000).map((x) => x.toNumber()) as [number, number];
  const exactFraction = new D(num).div(den).eq(tolerance);
  // Stryker disable next-line ConditionalExpression: the value only opens an integer fast path; NaN sends every case to the exact path, which gives the same verdicts
  const rate = roomBasis(p) === 'households' ? p.rooms.m2Per100Households! : p.rooms.m2Per100Residents;
  // Stryker disable next-line ConditionalExpression: without a year the subsidy check does not apply, so this value is never read
  const full = year === undefined ? undefined : subsidyForYear(p, year, undefined, undefined).perCommunity;
  return {
    p,
    tolerance,
    tolNum: exactFraction ? num : NaN,
    tolDen: exactFraction ? den : NaN,
    byHouseholds: roomBasis(p) === 'households',
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: the value only opens an integer fast path; NaN sends every case to the exact path, which gives the same verdicts
    roomRate: typeof rate === 'number' && Number.isInteger(rate) ? rate : NaN,
    year,
    subsidyFullYear: full,
    // Stryker disable next-line ConditionalExpression: the value only opens an integer fast path; NaN sends every case to the exact path, which gives the same verdicts
    subsidyWhole: full !== undefined && full.isInteger() && full.lte(Number.MAX_SAFE_INTEGER) ? full.toNumber() : NaN,
  };
}


/** A dataset amount as a safe whole number, or NaN when it is not one (then the exact path decides). */
function whole(v: number | string): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: the value only opens an integer fast path; NaN sends every case to the exact path, which gives the same verdicts
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : NaN;
  // Stryker disable next-line Regex: a pattern that takes fewer strings only sends more to the exact path (the anchors are tested: '399.99999999999999')
  return /^\d{1,15}$/.test(v) ? Number(v) : NaN;
}

const enum Kind {
  Size,
  Rooms,
  Staff,
  GroundFloor,
  OneStop,
  Subsidy,
}
const KINDS: readonly (readonly [provision: string, clause: string])[] = [
  ['Q4/Q5', 'A.3.1'],
  ['Q7', 'A.3.4'],
  ['Q8', 'A.4.2'],
  ['A.3.4/ground-floor', 'A.3.4'],
  ['A.3.4/one-stop-window', 'A.3.4'],
  ['Q10', 'A.4.3'],
];

interface Detail {
  expected: FindingValue;
  actual: FindingValue;
  shortfall?: Decimal;
}

const FLAGS = {
  [Kind.GroundFloor]: ['用房在一楼', '用房不在一楼', 'rooms on the ground floor'],
  [Kind.OneStop]: ['设有一站式服务窗口', '未设一站式服务窗口', 'a one-stop service window'],
} as const;

function subsidyMinimum(c: CommunityRecord, k: Compiled): Decimal {
  // Stryker disable next-line ConditionalExpression: the full-year minimum is a cache of what subsidyForYear gives without a start day
  return c.activeFrom === undefined ? k.subsidyFullYear! : subsidyForYear(k.p, k.year!, calendarDay(c.activeFrom), undefined).perCommunity;
}

/** What a community finding reports besides its verdict, computed exactly with the rules' cores. */
function detail(kind: Kind, c: CommunityRecord, k: Compiled, status: FindingStatus): Detail {
  const { p } = k;
  const fail = status === 'fail';
  switch (kind) {
    case Kind.Size: {
      const { households: H, residents: R } = p.sizing;
      const dh = BigInt(Math.abs(c.households - H));
      const dr = BigInt(Math.abs(c.residents - R));
      // The larger relative deviation, chosen exactly (|dh| ÷ H against |dr| ÷ R) and shown to 20 digits where it
      // does not terminate; the shortfall beyond the tolerance is (|d| − tolerance × S) ÷ S, above 0 for every fail.
      const [d, S] = dh * BigInt(R) >= dr * BigInt(H) ? [dh, H] : [dr, R];
      const worse = ratio(Number(d), S).value;
      if (!fail) return { expected: k.tolerance, actual: worse };
      const excess = new D(d.toString()).minus(k.tolerance.times(S));
      const shortfall = shown(excess, S);
      return { expected: k.tolerance, actual: worse, shortfall };
    }
    case Kind.Rooms: {
      const need = roomArea(p, k.byHouseholds ? c.households : c.residents);
      const have = c.roomAreaM2 === undefined ? null : new D(c.roomAreaM2);
      return fail ? { expected: need, actual: have, shortfall: need.minus(have!) } : { expected: need, actual: have };
    }
    case Kind.Staff: {
      const need = divideRounded(c.households + (c.floatingHouseholds ?? 0), p.staffing.householdsPerWorker, p.staffing.rounding);
      const have = c.staff ?? null;
      return fail ? { expected: need, actual: have, shortfall: new D(need - have!) } : { expected: need, actual: have };
    }
    case Kind.GroundFloor:
    case Kind.OneStop: {
      const value = (kind === Kind.GroundFloor ? c.roomsOnGroundFloor : c.oneStopWindow) ?? null;
      return fail ? { expected: true, actual: value, shortfall: new D(1) } : { expected: true, actual: value };
    }
    case Kind.Subsidy: {
      if (k.year === undefined) return { expected: null, actual: c.streetSubsidyPaid === undefined ? null : new D(c.streetSubsidyPaid) };
      const minimum = subsidyMinimum(c, k);
      const paid = c.streetSubsidyPaid === undefined ? null : new D(c.streetSubsidyPaid);
      return fail ? { expected: minimum, actual: paid, shortfall: minimum.minus(paid!) } : { expected: minimum, actual: paid };
    }
  }
}

/** The finding in words, built from its numbers when someone reads it. */
function messageOf(kind: Kind, c: CommunityRecord, k: Compiled, status: FindingStatus, d: Detail): Bilingual {
  const ok = status === 'pass';
  switch (kind) {
    case Kind.Size: {
      const worse = percentText(d.actual as Decimal);
      const tol = percentText(k.tolerance);
      const [h, r] = [groupThousands(String(c.households)), groupThousands(String(c.residents))];
      return b(
        `${h} 户、${r} 人，较大偏差 ${worse}，${ok ? `在 ±${tol} 以内` : `超出 ±${tol}`}`,
        `${h} households, ${r} residents: larger deviation ${worse}, ${ok ? 'within' : 'outside'} ±${tol}`,
      );
    }
    case Kind.Rooms: {
      const need = d.expected as Decimal;
      if (d.actual === null) return b(`需用房 ${need} m²，数据未给出用房面积`, `Needs ${need} m² of rooms; the data gives no room area`);
      const have = d.actual as Decimal;
      return b(`用房 ${have} m²，标准 ${need} m²${ok ? '' : `，缺 ${d.shortfall} m²`}`, `Rooms ${have} m² against ${need} m²${ok ? '' : `: ${d.shortfall} m² short`}`);
    }
    case Kind.Staff: {
      const total = groupThousands(String(c.households + (c.floatingHouseholds ?? 0)));
      const note = c.floatingHouseholds === undefined ? b('(未给出流动人口户数，按0计)', ' (no floating households given: counted as 0)') : b('', '');
      if (d.actual === null) return b(`${total} 户需 ${d.expected} 名工作人员${note.zh}，数据未给出人数`, `${total} households need ${d.expected} workers${note.en}; the data gives no staff count`);
      return b(`${total} 户需 ${d.expected} 名，实有 ${d.actual} 名${note.zh}`, `${total} households need ${d.expected} workers, ${d.actual} in post${note.en}`);
    }
    case Kind.GroundFloor:
    case Kind.OneStop: {
      const [yes, no, en] = FLAGS[kind];
      if (d.actual === null) return b(`应做到“${yes}”，数据未说明`, `Should have ${en}; the data does not say`);
      return b(d.actual ? yes : no, d.actual ? `Has ${en}` : `Lacks ${en}`);
    }
    case Kind.Subsidy: {
      if (d.expected === null) return b('未给出年度，无法确定当年配套补助下限', 'No year given: the subsidy minimum of a year cannot be known');
      const minimum = yuan(d.expected as Decimal);
      if (d.actual === null) return b(`配套补助应不低于 ${minimum} 元，数据未给出`, `Subsidy due: at least ${minimum} yuan; the data gives none`);
      const paid = yuan(d.actual as Decimal);
      return b(
        `配套补助 ${paid} 元，下限 ${minimum} 元${ok ? '' : `，差 ${yuan(d.shortfall!)} 元`}`,
        `Subsidy ${paid} yuan against at least ${minimum}${ok ? '' : `: ${yuan(d.shortfall!)} yuan short`}`,
      );
    }
  }
}

/**
 * A community's finding. The verdict is decided when it is made (in integer
 * arithmetic where the numbers allow, exactly with Decimals otherwise); what
 * it reports (expected, actual, message, shortfall) is computed when first
 * read, so a million communities do not build six million messages nobody reads.
 */
class CommunityFinding implements Finding {
  // Four fields and getters: evaluateCity makes one per check of every community (six million for a million).
  private cached: Detail | undefined = undefined;
  constructor(
    private readonly kind: Kind,
    readonly status: FindingStatus,
    private readonly record: CommunityRecord,
    private readonly compiled: Compiled,
  ) {}
  get provision(): string {
    return KINDS[this.kind]![0];
  }
  get clause(): string {
    return KINDS[this.kind]![1];
  }
  get subject(): string {
    return this.record.id;
  }
  private get d(): Detail {
    return (this.cached ??= detail(this.kind, this.record, this.compiled, this.status));
  }
  get expected(): FindingValue {
    return this.d.expected;
  }
  get actual(): FindingValue {
    return this.d.actual;
  }
  get message(): Bilingual {
    return messageOf(this.kind, this.record, this.compiled, this.status, this.d);
  }
  get shortfall(): Decimal | undefined {
    return this.d.shortfall;
  }
  /** A plain object with every field, for JSON and for spreading. */
  toJSON(): Finding {
    const { provision, clause, subject, status, expected, actual, message, shortfall } = this;
    return shortfall === undefined ? { provision, clause, subject, status, expected, actual, message } : { provision, clause, subject, status, expected, actual, message, shortfall };
  }
}

/** The size verdict: |x − standard| ≤ tolerance × standard for both counts, in integers when they fit. */
function sizeOk(c: CommunityRecord, k: Compiled): boolean {
  const { households: H, residents: R } = k.p.sizing;
  const dh = Math.abs(c.households - H);
  const dr = Math.abs(c.residents - R);
  const limit = 2 ** 53;
  // The integer path is taken only when every product is below 2^53, hence exact (a NaN tolerance fraction fails the
  // comparisons). Moving a bound or skipping the path sends a case to the exact Decimal path, which gives the same
  // verdict: those mutants are equivalent, so they are not generated here (tests hold the verdicts either side).
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,ArithmeticOperator,MethodExpression,BlockStatement: the guard of the integer path (comment above): a moved bound or a skipped path still decides exactly
  if (dh * k.tolDen < limit && dr * k.tolDen < limit && k.tolNum * Math.max(H, R) < limit) {
    return dh * k.tolDen <= k.tolNum * H && dr * k.tolDen <= k.tolNum * R;
  }
  return deviation(c.households, H, k.tolerance).within && deviation(c.residents, R, k.tolerance).within;
}

/** Status codes of the six community checks: 0 does not apply, 1 pass, 2 fail, 3 unknown. @internal */
export const STATUS: readonly (FindingStatus | undefined)[] = [undefined, 'pass', 'fail', 'unknown'];
/** The community provisions, in the order of their status codes. @internal */
export const COMMUNITY_PROVISIONS: readonly string[] = KINDS.map(([provision]) => provision);
const PASS = 1;
const FAIL = 2;
const UNKNOWN = 3;
const verdict = (ok: boolean) => (ok ? PASS : FAIL);

/**
 * The verdicts of one validated community into `out[at … at + 5]`, in integer
 * arithmetic where the numbers fit, with exact Decimals otherwise.
 * @internal
 */
export function communityStatuses(c: CommunityRecord, k: Compiled, out: Uint8Array, at: number): void {
  if (c.kind === 'urban') {
    // Stryker disable next-line ArithmeticOperator: Kind.Size is 0, so at - Kind.Size is at
    out[at + Kind.Size] = verdict(sizeOk(c, k));
    // Q7 rooms: have × 100 ≥ count × rate
    if (c.roomAreaM2 === undefined) out[at + Kind.Rooms] = UNKNOWN;
    else {
      const count = k.byHouseholds ? c.households : c.residents;
      const have = whole(c.roomAreaM2);
      const need100 = count * k.roomRate;
      // Integers below 2^53 only (NaN fails the bounds): at the bounds themselves both sides are exact, and skipping the
      // integer path gives the exact path's same verdict, so those mutants are equivalent (tests hold the verdicts).
      out[at + Kind.Rooms] = verdict(
        // Stryker disable next-line EqualityOperator,ArithmeticOperator,ConditionalExpression: a moved bound is still exact or sends the case to the exact path (see above; the float-precision tests hold the verdicts)
        need100 < 2 ** 53 && have * 100 < 2 ** 53 ? have * 100 >= need100 : new D(c.roomAreaM2).gte(roomArea(k.p, count)),
      );
    }
    if (c.staff === undefined) out[at + Kind.Staff] = UNKNOWN;
    else out[at + Kind.Staff] = verdict(c.staff >= divideRounded(c.households + (c.floatingHouseholds ?? 0), k.p.staffing.householdsPerWorker, k.p.staffing.rounding));
    out[at + Kind.GroundFloor] = c.roomsOnGroundFloor === undefined ? UNKNOWN : verdict(c.roomsOnGroundFloor);
    out[at + Kind.OneStop] = c.oneStopWindow === undefined ? UNKNOWN : verdict(c.oneStopWindow);
  } else {
    out.fill(0, at, at + Kind.Subsidy); // the five urban checks (Size … OneStop) do not apply
  }
  // Without a year the minimum cannot be known (it depends on the year under I8): unknown, never left out in silence.
  if (k.year === undefined) out[at + Kind.Subsidy] = UNKNOWN;
  else if (c.streetSubsidyPaid === undefined) out[at + Kind.Subsidy] = UNKNOWN;
  else {
    const paid = whole(c.streetSubsidyPaid);
    out[at + Kind.Subsidy] = verdict(
      // Stryker disable next-line ConditionalExpression: skipping the integer path gives the exact path's same verdict (taking it wrongly is tested)
      c.activeFrom === undefined && paid === paid && k.subsidyWhole === k.subsidyWhole ? paid >= k.subsidyWhole : new D(c.streetSubsidyPaid).gte(subsidyMinimum(c, k)),
    );
  }
}

/** The finding of check `kind` (0–5) with status code `code`, for one validated community. @internal */
export function communityFinding(c: CommunityRecord, k: Compiled, kind: number, code: number): Finding {
  return new CommunityFinding(kind as Kind, STATUS[code]!, c, k);
}

const scratchCodes = /* @__PURE__ */ new Uint8Array(6);

/** Findings of one validated community. @internal */
export function communityFindings(c: CommunityRecord, k: Compiled, out: Finding[]): void {
  communityStatuses(c, k, scratchCodes, 0);
  for (let kind = 0; kind < 6; kind++) {
    const code = scratchCodes[kind]!;
    if (code !== 0) out.push(new CommunityFinding(kind as Kind, STATUS[code]!, c, k));
  }
}


/**
 * A community's standing for Q1–Q2 from its status codes: PASS when every check that applies passes, FAIL when one
 * fails, UNKNOWN (undecided) when none fails but one lacks data — unknown is not fail.
 * @internal
 */
export function standing(codes: Uint8Array, at: number): number {
  let unknown = false;
  for (let j = at; j < at + 6; j++) {
    if (codes[j] === FAIL) return FAIL;
    if (codes[j] === UNKNOWN) unknown = true;
  }
  return unknown ? UNKNOWN : PASS;
}

/**
 * Hold one community record against the policy: size (Q4/Q5), rooms (Q7),
 * staff (Q8), ground floor and one-stop window (A.3.4) for an urban community,
 * and, when a year is given, the street subsidy (Q10).
 *
 * @param record - one community, as in a dataset's `communities`
 * @param context - the `policy` (default as written) and the `year` (for Q10)
 * @returns the findings, one per provision
 * @throws {@link PolicyInputError} for an invalid record, policy or year
 * @example
 * ```ts
 * evaluateCommunity({ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 })
 *   .find((f) => f.provision === 'Q8').status; //=> 'fail'
 * ```
 */
export function evaluateCommunity(record: CommunityRecord, context: CommunityContext = {}): Finding[] {
  checkContext(context, '{ policy?, year? }', 'evaluateCommunity');
  const policy = checkPolicy(context.policy, 'evaluateCommunity');
  if (context.year !== undefined) policy.targets({ year: context.year }); // validates the year
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

const NOT_CARRIED: Record<string, readonly [clause: string, subject: 'city' | 'year' | 'projects', reason: Bilingual]> = {
  Q6: ['A.3.3', 'city', b('输入是社区列表，不含村(组)数', 'The input is a table of communities: it carries no village counts')],
  Q9: ['A.4.3', 'year', b('输入是社区列表，不含市财政社区资金', 'The input is a table of communities: it carries no city budget')],
  'Q11/Q12': ['A.4.3', 'projects', b('输入是社区列表，不含开发项目', 'The input is a table of communities: it carries no development projects')],
};

/**
 * A context object with no key but `policy` and `year` (a misspelt `polcy` is refused, never ignored).
 * @internal
 */
export function checkContext(context: unknown, shape: string, fn: string): void {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new PolicyInputError([{ path: 'context', message: `expected ${shape}, got ${describeValue(context)}` }], fn);
  }
  const extra = Object.keys(context).filter((key) => key !== 'policy' && key !== 'year');
  if (extra.length) {
    throw new PolicyInputError(
      extra.map((key) => {
        const guess = closest(key, ['policy', 'year']);
        return { path: `context.${key}`, message: `unknown field${guess ? ` (did you mean "${guess}"?)` : ''} (allowed: policy, year)` };
      }),
      fn,
    );
  }
}

/** City-wide findings (Q6, Q9, Q11/Q12). @internal */
export function cityFindings(d: Dataset, policy: Policy, out: Finding[], notEvaluated: NotEvaluated[] = [], scope: CityScope = 'dataset'): void {
  const p = policy.parameters;
  if (scope === 'communities-only') {
    for (const [provision, [clause, subject, reason]] of Object.entries(NOT_CARRIED)) {
      notEvaluated.push({ provision, clause, subject: subject === 'year' ? `city/${d.year}` : subject === 'projects' ? 'projects' : 'city', reason });
    }
    return;
  }
  // Q6/Q3 rural rollout (A.3.3)
  if (d.villages === undefined) {
    out.push(finding('Q6', 'A.3.3', 'city', 'unknown', policy.ruralRollout({ year: d.year }).share, null, b('数据未给出村(组)总数和已推行数', 'The data gives no village counts')));
  } else {
    const r = policy.ruralRollout({ year: d.year, villages: d.villages.total });
    const need = r.villagesCovered!;
    const ok = d.villages.covered >= need;
    out.push(
      finding('Q6', 'A.3.3', 'city', ok ? 'pass' : 'fail', need, d.villages.covered,
        b(`${d.year} 年底应推行 ${need}/${d.villages.total} 个村(组)(比例 ${percentText(r.share)})，已推行 ${d.villages.covered} 个`, `By the end of ${d.year}, ${need} of ${d.villages.total} villages are due (share ${percentText(r.share)}); ${d.villages.covered} reached`),
        ok ? undefined : new D(need - d.villages.covered)),
    );
  }
  // Q9 city budget (A.4.3), one finding per year
  if (d.funding === undefined) {
    out.push(finding('Q9', 'A.4.3', `city/${d.year}`, 'unknown', null, null, b('数据未给出市财政社区资金', 'The data gives no city budget')));
  } else {
    // Every budget given, and the dataset's own year even without one (then unknown, never absent), in year order.
    const years = Object.keys(d.funding.budgets).map(Number);
    if (!years.includes(d.year) && d.year >= p.baseYear) years.push(d.year);
    years.sort((x, y) => x - y);
    for (const y of years) {
      const given = d.funding.budgets[String(y)];
      if (given === undefined) {
        const need = policy.cityFundBudget({ baseAmount: d.funding.baseYearTotal, year: y }).amount;
        out.push(finding('Q9', 'A.4.3', `city/${y}`, 'unknown', need, null,
          b(`${y} 年市财政社区资金下限 ${yuan(need)} 元，数据未给出当年预算`, `${y}: city budget due at least ${yuan(need)} yuan; the data gives no budget for the year`)));
        continue;
      }
      const actual = new D(given);
      if (y < p.baseYear) {
        // Nothing to hold it to: not evaluated, with the reason (an unknown finding would fail --strict for no fault).
        notEvaluated.push({ provision: 'Q9', clause: 'A.4.3', subject: `city/${y}`, reason: b(`${y} 年早于基数年 ${p.baseYear}，政策未规定下限`, `${y} is before the base year ${p.baseYear}: the policy sets no minimum`) });
        continue;
      }
      const need = policy.cityFundBudget({ baseAmount: d.funding.baseYearTotal, year: y }).amount;
      const ok = actual.gte(need);
      const short = exactly(new DX(need).minus(actual)); // a compound minimum may run past 1,000 digits
      out.push(
        finding('Q9', 'A.4.3', `city/${y}`, ok ? 'pass' : 'fail', need, actual,
          b(`${y} 年市财政社区资金 ${yuan(actual)} 元，下限 ${yuan(need)} 元${ok ? '' : `，差 ${yuan(short)} 元`}`, `${y}: city budget ${yuan(actual)} yuan against at least ${yuan(need)}${ok ? '' : `: ${yuan(short)} yuan short`}`),
          ok ? undefined : short),
      );
    }
  }
  // Q11/Q12 developers (A.4.3): a dataset that does not list projects says nothing of them, which is not "none".
  if (d.developerProjects === undefined) {
    notEvaluated.push({ provision: 'Q11/Q12', clause: 'A.4.3', subject: 'projects', reason: b('数据未列出开发项目(没有项目请写空列表 [])', 'The data lists no development projects (write an empty list [] when there are none)') });
  }
  for (const project of d.developerProjects ?? []) {
    // The rule reads an absent field and an undefined one alike.
    const o = policy.developerObligation({ floorAreaM2: project.floorAreaM2, residents: project.residents, households: project.households, pricePerM2: project.pricePerM2 });
    if (o.route === 'in-kind') {
      const need = o.roomAreaM2;
      const have = project.roomAreaProvidedM2 === undefined ? undefined : new D(project.roomAreaProvidedM2);
      if (need === undefined || have === undefined) {
        out.push(finding('Q11', 'A.4.3', project.id, 'unknown', need ?? null, have ?? null,
          b(`${project.floorAreaM2} m² 的项目应配建用房；${need === undefined ? '未给出居民人数，无法算出面积' : `应配 ${need} m²，未给出已提供面积`}`, `A ${project.floorAreaM2} m² project owes rooms in kind; ${need === undefined ? 'no population given to size them' : `${need} m² due, none reported provided`}`)));
      } else {
        const ok = have.gte(need);
        out.push(finding('Q11', 'A.4.3', project.id, ok ? 'pass' : 'fail', need, have,
          b(`应配建 ${need} m²，已提供 ${have} m²`, `Rooms due ${need} m², provided ${have} m²`), ok ? undefined : need.minus(have)));
      }
    } else {
      const need = o.amount;
      const paid = project.fundsPaid === undefined ? undefined : new D(project.fundsPaid);
      if (need === undefined || paid === undefined) {
        out.push(finding('Q12', 'A.4.3', project.id, 'unknown', need ?? o.fundsAreaM2!, paid ?? null,
          b(`应缴 ${o.fundsAreaM2} m² 当量的用房资金；${need === undefined ? '未给出单价，无法折算金额(I6)' : '未给出已缴金额'}`, `Owes ${o.fundsAreaM2} m² worth of room money; ${need === undefined ? 'no price per m² to turn it into yuan (I6)' : 'no payment reported'}`)));
      } else {
        const ok = paid.gte(need);
        out.push(finding('Q12', 'A.4.3', project.id, ok ? 'pass' : 'fail', need, paid,
          b(`应缴 ${yuan(need)} 元(${o.fundsAreaM2} m² 当量)，已缴 ${yuan(paid)} 元`, `Owes ${yuan(need)} yuan (${o.fundsAreaM2} m² worth), paid ${yuan(paid)}`), ok ? undefined : need.minus(paid)));
      }
    }
  }
}

const ZERO = /* @__PURE__ */ new D(0);
/** How far short a failing finding is, relative to what was expected (for ordering the worst first). @internal */
export function relativeShortfall(f: Finding): Decimal {
  if (!f.shortfall) return ZERO;
  if (typeof f.expected === 'object' && f.expected !== null && !f.expected.isZero()) return approxDiv(f.shortfall, f.expected);
  if (typeof f.expected === 'number' && f.expected !== 0) return approxDiv(f.shortfall, f.expected);
  return f.shortfall;
}

/** `n ÷ d` exactly when it terminates (however many digits), else to 20 significant digits (for showing only). */
function shown(n: Decimal, d: number): Decimal {
  const q = new D(n).div(d);
  return new DX(q).times(d).eq(n) ? q : approxDiv(n, d); // the check in full precision: 1,000 digits would round it
}

/**
 * Q1/Q2: the share of urban communities meeting all their checks, against the target for the year. The verdict is
 * decided on exact fractions (ok × horizon against share × years elapsed × communities); undecided communities make
 * it unknown when they could tip it either way. Before the deadline the target is read by I10: a straight path to the
 * deadline, or none (then the check is not evaluated and says why).
 * @internal
 */
export function urbanTargetFinding(policy: Policy, year: number, ok: number, of: number, undecided = 0): Finding | NotEvaluated {
  const t = policy.targets({ year });
  const interim = policy.parameters.targets.interim;
  const interpretations: InterpretationUse[] = [...t.interpretations, { id: 'I10', choice: interim }];
  if (!t.due && interim === 'none') {
    return {
      provision: 'Q1/Q2',
      clause: 'A.2',
      subject: 'city',
      reason: b(
        `目标在 ${t.deadlineYear} 年底到期；按 I10“none”，期满前不设年度目标`,
        `The target is due at the end of ${t.deadlineYear}; under I10 "none" no year before the deadline has a target`,
      ),
    };
  }
  // The target as a fraction: need ÷ den of the urban communities (share × years elapsed ÷ horizon before the deadline).
  const need = t.due ? t.urbanShare : t.urbanShare.times(t.yearsElapsed);
  const den = t.due ? 1 : t.horizonYears;
  const expected = shown(need, den);
  const meets = (k: number) => new D(k).times(den).gte(need.times(of));
  if (of === 0) {
    return { ...finding('Q1/Q2', 'A.2', 'city', 'unknown', expected, null, b('数据中没有城市社区', 'The data has no urban communities')), interpretations };
  }
  const status: FindingStatus = meets(ok) ? 'pass' : meets(ok + undecided) ? 'unknown' : 'fail';
  const share = shown(new D(ok), of);
  const goal = t.due
    ? b(`到期目标 ${percentText(t.urbanShare)}`, `target ${percentText(t.urbanShare)}, due`)
    : b(`按直线进度(I10) ${percentText(expected)}(${t.deadlineYear} 年底达 ${percentText(t.urbanShare)})`, `${percentText(expected)} on a straight path (I10) to ${percentText(t.urbanShare)} by the end of ${t.deadlineYear}`);
  const open = undecided > 0 ? b(`；另有 ${undecided} 个因缺数据无法判断`, `; ${undecided} more lack data to tell`) : b('', '');
  return {
    ...finding('Q1/Q2', 'A.2', 'city', status, expected, share,
      b(`${of} 个城市社区中 ${ok} 个全部达标(${percentText(share)})${open.zh}，${goal.zh}`, `${ok} of ${of} urban communities meet all their checks (${percentText(share)})${open.en}; ${goal.en}`),
      // need/den − ok/of = (need × of − ok × den) ÷ (den × of): above 0 whenever the verdict fails, even where the two
      // shares agree to 20 digits.
      status === 'fail' ? shown(need.times(of).minus(ok * den), den * of) : undefined),
    interpretations,
  };
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
  policy.targets({ year: context.year });
  if (records === null || records === undefined || typeof (records as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new PolicyInputError([{ path: 'records', message: `expected an iterable of community records, got ${describeValue(records)}` }], 'evaluateCommunities');
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

