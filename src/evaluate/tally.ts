/**
 * The summary of an evaluation, accumulated from status codes: counts by
 * provision, the totals owed, the share of urban communities meeting all
 * their checks, and the findings a report lists, worst first, kept in bounded
 * heaps. A finding object is made only for what enters a heap; everything
 * else is counted from the codes, in integers where the numbers allow.
 */
import type { Decimal } from 'decimal.js';
import { D, DX, exactly } from '../decimal.js';
import type { CommunityRecord } from './dataset.js';
import type { CommunitySums, FieldSum, QuickShortfall } from '../provisions/provision.js';
import {
  standing,
  plainFinding,
  relativeShortfall,
  type Compiled,
  type EvaluationSummary,
  type Finding,
  type FindingStatus,
  type NotEvaluated,
  type StatusCounts,
} from './evaluate.js';

/** Where the tally gets the finding of community `i`, check `j` (0–5), status code `code`, when it keeps one. @internal */
export interface FindingSource {
  finding(i: number, j: number, code: number): Finding;
}

/** Which findings a report lists, and how many. @internal */
export interface ListSpec {
  /** At most this many, the worst first (Infinity: every one). */
  readonly limit: number;
  /** Passing findings too. */
  readonly all: boolean;
  /** Refuse (throw {@link TooManyToList}) rather than hold more than this many at once. */
  readonly max?: number;
}

/** More findings to list than a report holds. @internal */
export class TooManyToList extends Error {
  constructor(readonly max: number) {
    super(`more than ${max} findings to list`);
    this.name = 'TooManyToList';
  }
}

const RANK: Record<FindingStatus, number> = { fail: 0, unknown: 1, pass: 2 };
const WORST = 10;

interface Entry {
  f: Finding;
  rank: number;
  /** The relative shortfall as a fraction of integers (den 0 when there is none: then `exact` decides). */
  num: number;
  den: number;
  /**
   * Which arithmetic gives the finding's exact key: within one class, equal fractions give equal keys (each is
   * the correctly rounded quotient of the same fraction); across classes (a size key is rounded twice), a tie of
   * fractions is settled by the exact keys.
   */
  cls: number;
  /** The exact relative shortfall as the finding gives it, computed when the integers cannot decide. */
  exact: Decimal | undefined;
  seq: number;
}

function exactKey(e: Entry): Decimal {
  return (e.exact ??= relativeShortfall(e.f));
}

const SAFE = 2 ** 53;
/**
 * The order of two relative shortfalls given as fractions of integers, or NaN when that cannot be told
 * exactly. The finding's own key is the fraction to 20 significant digits (a size key rounded twice): two
 * different fractions whose cross products are below 2^53 differ by more than 2^-53 of their size, long before
 * the 20th digit, so their order is the keys' order; equal fractions have equal keys only within one class.
 */
function compareFractions(a: Entry, bn: number, bd: number, bcls: number): number {
  if (a.den === 0 || bd === 0) return NaN;
  const x = a.num * bd;
  const y = bn * a.den;
  if (!(Math.abs(x) < SAFE && Math.abs(y) < SAFE)) return NaN;
  return x !== y ? Math.sign(x - y) : a.cls === bcls ? 0 : NaN;
}

/** Whether `a` is listed after `b`: failing before unknown before passing, larger relative shortfall first, then in data order. */
function after(a: Entry, b: Entry): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  let c = compareFractions(a, b.num, b.den, b.cls);
  if (Number.isNaN(c)) c = exactKey(a).comparedTo(exactKey(b));
  return c !== 0 ? c < 0 : a.seq > b.seq;
}

/** The first `capacity` findings in listing order, as a heap whose root is the last of them. */
class Heap {
  readonly items: Entry[] = [];
  constructor(
    readonly capacity: number,
    private readonly max: number,
  ) {}
  /**
   * Whether a candidate that comes after everything offered so far in the data could be listed before the last
   * one kept: certainly not when the integers say it is no worse; true when they cannot tell (offer decides).
   */
  wants(rank: number, num: number, den: number, cls: number): boolean {
    if (this.items.length < this.capacity) return true;
    const root = this.items[0]!;
    if (rank !== root.rank) return rank < root.rank;
    const c = -compareFractions(root, num, den, cls);
    return Number.isNaN(c) || c > 0;
  }
  offer(e: Entry): void {
    const h = this.items;
    if (h.length < this.capacity) {
      if (h.length >= this.max) throw new TooManyToList(this.max);
      h.push(e);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!after(h[i]!, h[parent]!)) break;
        [h[i], h[parent]] = [h[parent]!, h[i]!];
        i = parent;
      }
      return;
    }
    if (!after(h[0]!, e)) return;
    h[0] = e;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && after(h[l]!, h[m]!)) m = l;
      if (r < h.length && after(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
  sorted(): Finding[] {
    return [...this.items].sort((a, b) => (after(a, b) ? 1 : after(b, a) ? -1 : 0)).map((e) => e.f);
  }
}

/** A sum of whole numbers kept in a float while it is exact, in a Decimal beyond. */
class ExactSum {
  private small = 0;
  private big: Decimal | undefined;
  add(x: number): void {
    if (x >= 2 ** 52) {
      this.addDecimal(new D(x));
      return;
    }
    this.small += x;
    if (this.small >= 2 ** 52) this.flush();
  }
  addDecimal(x: Decimal): void {
    // In full precision: a sum of long exact amounts must not be rounded to the working precision.
    this.big = this.big ? exactly(new DX(this.big).plus(x)) : x;
  }
  private flush(): void {
    this.addDecimal(new D(this.small));
    this.small = 0;
  }
  value(): Decimal {
    return this.big ? exactly(new DX(this.big).plus(this.small)) : new D(this.small);
  }
}

/** The units of totals that count things. */
const COUNTS: ReadonlySet<string> = new Set(['workers', 'villages', 'communities', 'households', 'people']);

/** Workers lacking: a number while it is a safe integer, else the exact Decimal. */
function staffOwed(d: Decimal): number | Decimal {
  return d.lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() : d;
}

/** An optional field summed exactly: whole numbers in a float while exact, anything else as a Decimal; how many lack it. */
class FieldTotal {
  readonly sum = new ExactSum();
  given = 0;
  lacking = 0;
  add(v: number | string | undefined): void {
    if (v === undefined) {
      this.lacking++;
      return;
    }
    this.given++;
    if (typeof v === 'number' && Number.isSafeInteger(v)) this.sum.add(v);
    else this.sum.addDecimal(new D(v));
  }
  value(): FieldSum {
    return { total: this.sum.value(), given: this.given, lacking: this.lacking };
  }
}

/** Exact sums over the urban communities, for the judgements of the city as a whole. */
class UrbanSums {
  communities = 0;
  private readonly households = new ExactSum();
  private readonly floating = new ExactSum();
  private readonly residents = new ExactSum();
  private readonly staff = new FieldTotal();
  private readonly rooms = new FieldTotal();
  private readonly centre = new FieldTotal();
  add(c: CommunityRecord): void {
    this.communities++;
    this.households.add(c.households);
    this.floating.add(c.floatingHouseholds ?? 0);
    this.residents.add(c.residents);
    this.staff.add(c.staff);
    this.rooms.add(c.roomAreaM2);
    this.centre.add(c.serviceCentreM2);
  }
  value(): CommunitySums {
    return {
      communities: this.communities,
      households: this.households.value(),
      floatingHouseholds: this.floating.value(),
      residents: this.residents.value(),
      staff: this.staff.value(),
      roomAreaM2: this.rooms.value(),
      serviceCentreM2: this.centre.value(),
    };
  }
}

/** Accumulates the summary of an evaluation as communities and city findings come in. @internal */
export class Tally {
  /** Counts by provision of the community checks: t[j * 4 + code], four codes for each of the policy's community checks. */
  private readonly t: Float64Array;
  private readonly city: Record<string, StatusCounts> = {};
  private readonly cityCounts: StatusCounts = { pass: 0, fail: 0, unknown: 0 };
  private communities = 0;
  private urban = 0;
  private urbanOk = 0;
  private urbanUndecided = 0;
  /** Provisions that apply but could not be evaluated, with the reason. */
  readonly notEvaluated: NotEvaluated[] = [];
  private seq = 0;
  /** Each total owed in units of 1 ÷ its scale (rooms in hundredths of m²): integers while exact, Decimals beyond. */
  private readonly owed: Record<string, ExactSum>;
  /** Each community check's owed total, by column (its shortfalls in units of 1 ÷ its scale). */
  private readonly owedBy: readonly (string | undefined)[];
  /** Each total's scale. */
  private readonly scale: ReadonlyMap<string, number>;
  private readonly worst = new Heap(WORST, Infinity);
  private readonly list: Heap | undefined;
  private readonly listPass: boolean;
  /** Sums over the urban communities, gathered only when the policy judges the city from them. */
  private readonly sums: UrbanSums | undefined;

  constructor(
    private readonly k: Compiled,
    list?: ListSpec,
  ) {
    this.list = list && list.limit > 0 ? new Heap(list.limit, list.max ?? Infinity) : undefined;
    this.listPass = list?.all ?? false;
    this.t = new Float64Array(k.n * 4);
    this.owed = Object.fromEntries(k.owed.map((o) => [o.key, new ExactSum()]));
    this.owedBy = k.community.map((check) => k.kind(check.provision)?.owed);
    this.scale = new Map(k.owed.map((o) => [o.key, o.scale]));
    this.sums = k.aggregate.length > 0 ? new UrbanSums() : undefined;
  }

  /** The relative shortfall of the failing check just looked at, as num / den, and what it owes (from integers). */
  private readonly quick: QuickShortfall = { num: 0, den: 0, owe: 0 };

  /**
   * One community: `c` holds its values (a record, or a reused view of a row), `codes[at …]` its
   * verdicts; `src.finding(i, j, code)` gives one of its findings when it is kept.
   */
  community(c: CommunityRecord, codes: Uint8Array, at: number, src: FindingSource, i: number): void {
    const t = this.t;
    const n = this.k.n;
    const seq = this.seq;
    this.seq += n;
    this.communities++;
    if (c.kind === 'urban') {
      this.urban++;
      this.sums?.add(c);
      // Unknown is not fail: a community that fails nothing but lacks data for a check is undecided.
      const st = standing(codes, at, n);
      if (st === 1) this.urbanOk++;
      else if (st === 3) this.urbanUndecided++;
    }
    for (let j = 0; j < n; j++) {
      const code = codes[at + j]!;
      t[j * 4 + code]!++;
      if (code === 0 || (code === 1 && !this.listPass)) continue;
      let num = 0;
      let den = 1;
      if (code === 2) {
        if (this.failing(j, c)) {
          num = this.quick.num;
          den = this.quick.den;
        } else {
          // The integers did not suffice: the finding itself gives the exact shortfall.
          const f = src.finding(i, j, code);
          this.owe(f.provision, f.shortfall!);
          den = 0;
        }
      }
      const rank = code === 2 ? 0 : code === 3 ? 1 : 2;
      // Yes/no checks share a key of exactly 1 (class -3); unknown and passing findings a key of exactly 0.
      const cls = code !== 2 ? -1 : this.k.community[j]!.flag ? -3 : j;
      const toWorst = code === 2 && this.worst.wants(0, num, den, cls);
      const toList = this.list?.wants(rank, num, den, cls);
      if (!toWorst && !toList) continue;
      const e: Entry = { f: src.finding(i, j, code), rank, num, den, cls, exact: undefined, seq: seq + j };
      if (toWorst) this.worst.offer(e);
      if (toList) this.list!.offer(e);
    }
  }

  /** Add a shortfall to the total its provision owes to (none for a provision that owes nothing). */
  private owe(provision: string, shortfall: Decimal): void {
    const key = this.k.kind(provision)?.owed;
    const scale = key === undefined ? 1 : (this.scale.get(key) ?? 1);
    if (key) this.owed[key]!.addDecimal(scale === 1 ? shortfall : shortfall.times(scale));
  }

  /**
   * A failing check's relative shortfall as a fraction of integers (into num, den), and what it owes added to
   * the totals, from the numbers alone when they are whole and small enough to be exact; false when the exact
   * finding must be asked. A yes/no check is short by exactly 1.
   */
  private failing(j: number, c: CommunityRecord): boolean {
    const check = this.k.community[j]!;
    const q = this.quick;
    if (check.flag) {
      q.num = 1;
      q.den = 1;
      return true;
    }
    if (!check.quick?.(c, this.k.per[j], q)) return false;
    const key = this.owedBy[j];
    if (key) this.owed[key]!.add(q.owe);
    return true;
  }

  /** A finding made whole (the city's), counted and offered to the lists. */
  finding(f: Finding): void {
    const by = (this.city[f.provision] ??= { pass: 0, fail: 0, unknown: 0 });
    by[f.status]++;
    this.cityCounts[f.status]++;
    const seq = this.seq++;
    if (f.status === 'fail') {
      const s = f.shortfall!;
      // In full precision: a compound budget's shortfall may run past the working precision's 1,000 digits.
      this.owe(f.provision, s);
    }
    if (f.status === 'pass' && !this.listPass) return;
    const e: Entry = { f, rank: RANK[f.status], num: 0, den: 0, cls: -2, exact: relativeShortfall(f), seq };
    if (f.status === 'fail') this.worst.offer(e);
    this.list?.offer(e);
  }

  /** Urban communities meeting all their checks, all urban communities, and those undecided (for the targets of A.2). */
  get urbanMeetingAll(): { count: number; of: number; undecided: number } {
    return { count: this.urbanOk, of: this.urban, undecided: this.urbanUndecided };
  }

  /** Exact sums over the urban communities tallied so far (all zero, with nothing lacking, when the policy has no judgement that needs them). */
  get urbanSums(): CommunitySums {
    return (this.sums ?? new UrbanSums()).value();
  }

  /** Counts by status over everything tallied so far. */
  get counts(): StatusCounts {
    const c = { ...this.cityCounts };
    for (let j = 0; j < this.k.n; j++) {
      c.pass += this.t[j * 4 + 1]!;
      c.fail += this.t[j * 4 + 2]!;
      c.unknown += this.t[j * 4 + 3]!;
    }
    return c;
  }

  build(year: number): EvaluationSummary {
    const by: Record<string, StatusCounts> = { ...this.city };
    this.k.provisions.forEach((p, j) => {
      const n = { pass: this.t[j * 4 + 1]!, fail: this.t[j * 4 + 2]!, unknown: this.t[j * 4 + 3]! };
      if (n.pass + n.fail + n.unknown === 0) return;
      const city = by[p];
      by[p] = city ? { pass: city.pass + n.pass, fail: city.fail + n.fail, unknown: city.unknown + n.unknown } : n;
    });
    return {
      year,
      communities: this.communities,
      counts: this.counts,
      byProvision: Object.fromEntries(Object.entries(by).sort(([a], [b]) => a.localeCompare(b))),
      worst: this.worst.sorted().map(plainFinding),
      owed: Object.fromEntries(
        this.k.owed.map(({ key, scale, unit }) => {
          // A total none of whose findings was evaluated is not zero but unknown: null, beside the reason in notEvaluated.
          if (this.owedNotEvaluated(key, by)) return [key, null];
          const total = scale === 1 ? this.owed[key]!.value() : this.owed[key]!.value().div(scale);
          // A count (workers, villages) is a number while it is a safe integer; money and areas stay exact Decimals.
          return [key, COUNTS.has(unit) ? staffOwed(total) : total];
        }),
      ) as unknown as EvaluationSummary['owed'],
      urbanMeetingAll: this.urbanMeetingAll,
      notEvaluated: [...this.notEvaluated],
    };
  }

  /**
   * Whether total `key` was not evaluated at all: no finding of the provisions that owe to it was made, and one of
   * those provisions' findings is listed as not evaluated (a table of communities carries no budget, no project).
   */
  private owedNotEvaluated(key: string, by: Readonly<Record<string, StatusCounts>>): boolean {
    const ids = new Set(this.k.policy.provisions.filter((p) => Object.values(p.findings).some((f) => f.owed === key)).flatMap((p) => Object.keys(p.findings)));
    const made = [...ids].some((id) => {
      const n = by[id];
      return n !== undefined && n.pass + n.fail + n.unknown > 0;
    });
    return !made && this.notEvaluated.some((n) => ids.has(n.provision));
  }

  /** The findings to list, worst first (empty without a list). */
  listed(): Finding[] {
    return this.list ? this.list.sorted().map(plainFinding) : [];
  }
}
