import type { Decimal } from 'decimal.js';
import { displayable } from '../../display.js';
import { DX, exactly } from '../../decimal.js';
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { step, type RuleResult, type TraceStep } from '../../trace.js';
import { Checker } from '../../rules/input.js';
import { equalsShown, grouped, showShare } from '../../present/format.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared>;
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared);

/** Input of {@link ruralRollout}. */
export interface RolloutInput {
  /** The year whose end is meant. */
  readonly year: number;
  /** Villages (村/组) in the city; when given, the result says how many must be covered. */
  readonly villages?: number;
}

/** Result of {@link ruralRollout}. */
export interface RolloutResult extends RuleResult {
  /** The year asked about. */
  readonly year: number;
  /** Cumulative share of villages reached by the end of the year, in [0, 1]. */
  readonly share: Decimal;
  /** Rollout years completed by the end of the year (0 before the start year). */
  readonly rolloutYears: number;
  /** `ceil(share × villages)`, when `villages` was given. */
  readonly villagesCovered?: number;
}

/** Cumulative rollout share after `years` rollout years. @internal */
export function rolloutShare(p: Parameters, years: number): Decimal {
  const n = Math.max(0, years); // none before the start
  const rate = new DX(p.rollout.sharePerYear);
  // Exact at any length (a 12-digit share to the 90th power has over a thousand digits), as the trace's '=' says.
  if (p.rollout.mode === 'share-of-all') return exactly(DX.min(1, rate.times(n)));
  return exactly(new DX(1).minus(new DX(1).minus(rate).pow(n)));
}

/** Rollout figures for one year, validated input assumed. @internal */
export function rolloutYear(p: Parameters, year: number, villages: number | undefined) {
  const rolloutYears = Math.max(0, year - p.rollout.startYear + 1);
  const share = rolloutShare(p, rolloutYears);
  const villagesCovered = villages === undefined ? undefined : new DX(share).times(villages).ceil().toNumber();
  return { year, share, rolloutYears, villagesCovered };
}

/** Trace of the rollout formula for one year. @internal */
export function rolloutTrace(p: Parameters, r: ReturnType<typeof rolloutYear>, villages?: number): TraceStep[] {
  const rate = showShare(p.rollout.sharePerYear).text;
  const share = equalsShown(showShare(r.share), true);
  const covered = showShare(r.share).text;
  const steps: TraceStep[] = [
    step(
      `自 ${p.rollout.startYear} 年起，到 ${r.year} 年底已推行 ${r.rolloutYears} 年`,
      `From ${p.rollout.startYear}, ${r.rolloutYears} rollout year(s) are complete by the end of ${r.year}`,
    ),
    p.rollout.mode === 'share-of-all'
      ? step(
          `按“每年占全部村(组)的 ${rate}”(I2)：min(100 %, ${rate} × ${r.rolloutYears}) ${share}`,
          `Reading "${rate} of all villages a year" (I2): min(100 %, ${rate} × ${r.rolloutYears}) ${share}`,
        )
      : step(
          `按“每年占尚未推行村(组)的 ${rate}”(I2)：100 % − (100 % − ${rate})^${r.rolloutYears} ${share}`,
          `Reading "${rate} of the villages not yet reached" (I2): 100 % − (100 % − ${rate})^${r.rolloutYears} ${share}`,
        ),
  ];
  if (villages !== undefined) {
    steps.push(
      step(
        `${grouped(villages)} 个村(组) × ${covered}，向上取整 = ${grouped(r.villagesCovered!)} 个`,
        `${grouped(villages)} villages × ${covered}, rounded up = ${grouped(r.villagesCovered!)}`,
      ),
    );
  }
  return steps;
}

/** {@link ruralRollout} under any parameters. @internal */
export function ruralRolloutWith(p: Parameters, input: RolloutInput): RolloutResult {
  const c = new Checker('ruralRollout');
  const o = c.object(input, ['year', 'villages']);
  const year = c.year(o.year, 'year');
  const villages = c.optionalCount(o.villages, 'villages');
  c.done();
  const r = rolloutYear(p, year, villages);
  const result: RolloutResult = {
    year,
    share: r.share,
    rolloutYears: r.rolloutYears,
    clause: 'A.3.3',
    interpretations: [{ id: 'I2', choice: p.rollout.mode }],
    trace: rolloutTrace(p, r, villages),
  };
  return r.villagesCovered === undefined ? result : { ...result, villagesCovered: r.villagesCovered };
}

/**
 * How far the rural community rollout must have reached by the end of a year:
 * 30 % of villages (村/组) a year from 2011 (Q6, clause A.3.3), read by default
 * as 30 % of all villages each year, so 0.3, 0.6, 0.9, then 1 (interpretation I2).
 *
 * @param input - `year` (whole number), and optionally the number of `villages`
 * @returns cumulative `share` in [0, 1] and, with `villages`, `villagesCovered` (rounded up), with clause, interpretation I2 and trace
 * @throws {@link PolicyInputError} when the year or the count is invalid
 * @example
 * ```ts
 * ruralRollout({ year: 2012 }).share.toString(); //=> '0.6'
 * ruralRollout({ year: 2013, villages: 121 }).villagesCovered; //=> 109
 * ruralRollout({ year: 2010 }).share.toString(); //=> '0'
 * ```
 */
export function ruralRollout(input: RolloutInput): RolloutResult {
  return displayable('ruralRollout', ruralRolloutWith(DEFAULT_PARAMETERS, input));
}

/** Input of {@link ruralRolloutSchedule}. */
export interface RolloutScheduleInput {
  /** First year of the table. */
  readonly from: number;
  /** Last year of the table, ≥ `from`. */
  readonly to: number;
  /** Villages (村/组) in the city; when given, each row says how many must be covered. */
  readonly villages?: number;
}

/** One year of {@link ruralRolloutSchedule}. */
export interface RolloutRow {
  readonly year: number;
  /** Cumulative share by the end of the year. */
  readonly share: Decimal;
  /** Share added in this year: the share minus the previous year's (as a fund schedule's `increase` is the amount minus the previous year's). */
  readonly increase: Decimal;
  /**
   * The same as `increase`, its name before 0.2: still there to read, but not listed among the row's fields
   * (spreading or JSON leave it out).
   * @deprecated use `increase`
   */
  readonly added: Decimal;
  /** `ceil(share × villages)`, when `villages` was given. */
  readonly villagesCovered?: number;
}

/** Result of {@link ruralRolloutSchedule}. */
export interface RolloutScheduleResult extends RuleResult {
  readonly rows: readonly RolloutRow[];
}

/** Read `from`/`to` of a schedule and check their order. @internal */
export function readSpan(c: Checker, o: Readonly<Record<string, unknown>>): { from: number; to: number } {
  const from = c.year(o.from, 'from');
  const to = c.year(o.to, 'to');
  if (c.issues.length === 0 && to < from) c.refuse('to', 'out-of-range', { en: `a year ≥ from (${from})`, zh: `不早于 from(${from})的年份` }, to);
  return { from, to };
}

/** {@link ruralRolloutSchedule} under any parameters. @internal */
export function ruralRolloutScheduleWith(p: Parameters, input: RolloutScheduleInput): RolloutScheduleResult {
  const c = new Checker('ruralRolloutSchedule');
  const o = c.object(input, ['from', 'to', 'villages']);
  const { from, to } = readSpan(c, o);
  const villages = c.optionalCount(o.villages, 'villages');
  c.done();
  const rows: RolloutRow[] = [];
  const trace: TraceStep[] = [];
  let previous = rolloutShare(p, from - p.rollout.startYear);
  for (let year = from; year <= to; year++) {
    const r = rolloutYear(p, year, villages);
    const increase = exactly(new DX(r.share).minus(previous));
    const row = r.villagesCovered === undefined ? { year, share: r.share, increase } : { year, share: r.share, increase, villagesCovered: r.villagesCovered };
    rows.push(Object.defineProperty(row, 'added', { value: increase }) as RolloutRow);
    trace.push(...rolloutTrace(p, r, villages).slice(1));
    previous = r.share;
  }
  return { rows, clause: 'A.3.3', interpretations: [{ id: 'I2', choice: p.rollout.mode }], trace };
}

/**
 * The rural rollout year by year: one row per year from `from` to `to` with
 * the cumulative share of villages reached (Q6, clause A.3.3, interpretation I2).
 *
 * @param input - `from` and `to` (whole-number years, `from` ≤ `to`), optionally `villages`
 * @returns `rows` of `{ year, share, increase, villagesCovered? }`, with clause, interpretation I2 and trace
 * @throws {@link PolicyInputError} when a year or the count is invalid, or `to` is before `from`
 * @example
 * ```ts
 * ruralRolloutSchedule({ from: 2011, to: 2014 }).rows.map((r) => r.share.toString());
 * //=> ['0.3', '0.6', '0.9', '1']
 * ```
 */
export function ruralRolloutSchedule(input: RolloutScheduleInput): RolloutScheduleResult {
  return displayable('ruralRolloutSchedule', ruralRolloutScheduleWith(DEFAULT_PARAMETERS, input));
}
