import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { displayable } from '../../display.js';
import { getDaysInYear } from 'date-fns/getDaysInYear';
import type { Decimal } from 'decimal.js';
import { D } from '../../decimal.js';
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { step, type RuleResult, type TraceStep } from '../../trace.js';
import { isoDay } from '../../values.js';
import { Checker, type DateInput } from '../../rules/input.js';
import { optionalDate } from '../../rules/input-date.js';
import { grouped, showMoney } from '../../present/format.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared>;
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared);

/** Input of {@link streetSubsidyMinimum}. */
export interface SubsidyInput {
  /** Communities the street or township must subsidise. */
  readonly communities: number;
  /** The subsidy year; required when `activeFrom` or `activeTo` is given. */
  readonly year?: number;
  /** First day the communities exist (inclusive): ISO `'YYYY-MM-DD'` or a Date. */
  readonly activeFrom?: DateInput;
  /** Last day the communities exist (inclusive): ISO `'YYYY-MM-DD'` or a Date. */
  readonly activeTo?: DateInput;
}

/** Result of {@link streetSubsidyMinimum}. */
export interface SubsidyResult extends RuleResult {
  /** The least the street or township must pay in total, yuan. */
  readonly amount: Decimal;
  /** The least it must pay for each community, yuan. */
  readonly perCommunity: Decimal;
  /** Days the communities exist within the year, when a year was given. */
  readonly daysActive?: number;
  /** Days in the year, when a year was given. */
  readonly daysInYear?: number;
}

const iso = isoDay;

/** Days from `from` to `to` that fall in `year`, both ends inclusive. @internal */
export function daysActiveInYear(year: number, from: Date | undefined, to: Date | undefined): number {
  const start = new Date(year, 0, 1);
  const end = new Date(year, 11, 31);
  // Stryker disable next-line EqualityOperator: on the first day itself either choice is the same day
  const first = from && from > start ? from : start;
  // Stryker disable next-line EqualityOperator: on the last day itself either choice is the same day
  const last = to && to < end ? to : end;
  return Math.max(0, differenceInCalendarDays(last, first) + 1);
}

/** One community's minimum in a year (validated input assumed). @internal */
export function subsidyForYear(p: Parameters, year: number, from: Date | undefined, to: Date | undefined) {
  const full = new D(p.streetSubsidy.minimumPerCommunityPerYear);
  const daysInYear = getDaysInYear(new Date(year, 0, 1));
  const daysActive = daysActiveInYear(year, from, to);
  const perCommunity =
    daysActive === 0 ? new D(0) : p.streetSubsidy.proration === 'by-days' ? full.times(daysActive).div(daysInYear).toDecimalPlaces(2, D.ROUND_HALF_UP) : full;
  return { full, perCommunity, daysActive, daysInYear };
}

/** {@link streetSubsidyMinimum} under any parameters. @internal */
export function streetSubsidyMinimumWith(p: Parameters, input: SubsidyInput): SubsidyResult {
  const c = new Checker('streetSubsidyMinimum');
  const o = c.object(input, ['communities', 'year', 'activeFrom', 'activeTo']);
  const communities = c.count(o.communities, 'communities');
  const year = c.optionalYear(o.year, 'year');
  const from = optionalDate(c, o.activeFrom, 'activeFrom');
  const to = optionalDate(c, o.activeTo, 'activeTo');
  const { proration, minimumPerCommunityPerYear } = p.streetSubsidy;
  if (year === undefined && (from || to))
    c.fail(
      'year',
      { en: 'expected the subsidy year (a whole number) when activeFrom or activeTo is given', zh: '给出 activeFrom 或 activeTo 时应填补贴年份(整数)' },
      'missing-field',
    );
  if (year === undefined && proration === 'by-days')
    c.fail(
      'year',
      {
        en: 'expected the subsidy year (a whole number): prorating by days active (I8) counts the days of that year',
        zh: '应填补贴年份(整数)：按存续天数折算(I8)要数该年的天数',
      },
      'missing-field',
    );
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a comparison with an absent day is false anyway; the guards are for the types
  if (from && to && to < from)
    c.refuse('activeTo', 'out-of-range', { en: `a day on or after activeFrom (${iso(from)})`, zh: `不早于 activeFrom(${iso(from)})的日期` }, iso(to));
  c.done();

  const full = new D(minimumPerCommunityPerYear);
  const trace: TraceStep[] = [];
  let perCommunity = full;
  let days: { daysActive: number; daysInYear: number } | undefined;
  if (year !== undefined) {
    const core = subsidyForYear(p, year, from, to);
    const { daysActive, daysInYear } = core;
    perCommunity = core.perCommunity;
    days = { daysActive, daysInYear };
    const period = `${from ? iso(from) : '…'} – ${to ? iso(to) : '…'}`;
    trace.push(
      from || to
        ? step(
            `${year} 年共 ${daysInYear} 天；社区存续期 ${period} 中有 ${daysActive} 天在该年内(首尾均计)`,
            `${year} has ${daysInYear} days; ${daysActive} of them fall in the active period ${period} (both ends counted)`,
          )
        : step(`${year} 年共 ${daysInYear} 天，社区全年存续`, `${year} has ${daysInYear} days; the communities exist all year`),
    );
    if (daysActive === 0) {
      trace.push(step('该年内社区不存在，不需配套补助', 'The communities do not exist in that year: no subsidy is due'));
    } else if (proration === 'by-days') {
      trace.push(
        step(
          `按天折算(I8)：${showMoney(full, 'zh').text} × ${daysActive} ÷ ${daysInYear}，四舍五入到分 = ${showMoney(perCommunity, 'zh').text}`,
          `Prorated by days (I8): ${showMoney(full, 'en').text} × ${daysActive} ÷ ${daysInYear}, rounded half up to the fen = ${showMoney(perCommunity, 'en').text}`,
        ),
      );
    } else {
      trace.push(
        step(
          `不折算(I8)：存续不足一年也按全年 ${showMoney(full, 'zh').text}`,
          `Not prorated (I8): part of a year counts as a whole year, ${showMoney(full, 'en').text}`,
        ),
      );
    }
  } else {
    trace.push(step(`每个社区每年不低于 ${showMoney(full, 'zh').text}`, `At least ${showMoney(full, 'en').text} per community per year`));
  }
  const amount = perCommunity.times(communities);
  trace.push(
    step(
      `${grouped(communities)} 个社区 × ${showMoney(perCommunity, 'zh').text} = ${showMoney(amount, 'zh').text}`,
      `${grouped(communities)} ${communities === 1 ? 'community' : 'communities'} × ${showMoney(perCommunity, 'en').text} = ${showMoney(amount, 'en').text}`,
    ),
  );
  const result: SubsidyResult = {
    amount,
    perCommunity,
    clause: 'A.4.3',
    interpretations: [{ id: 'I8', choice: proration }],
    trace,
  };
  return days ? { ...result, ...days } : result;
}

/**
 * The least a street or township must pay its communities as matching
 * subsidy: 30,000 yuan per community per year (Q10, clause A.4.3). By default
 * a community that exists for part of the year still gets the whole year's
 * minimum; with `streetSubsidy.proration: 'by-days'` it gets 30,000 × days
 * active ÷ days in the year, rounded to 0.01 yuan half-up (interpretation I8).
 *
 * @param input - `communities` (whole number ≥ 0); `year`, `activeFrom`, `activeTo` when a part year is meant
 * @returns `amount` and `perCommunity` (exact yuan), and the day counts when a year was given, with clause, interpretation I8 and trace
 * @throws {@link PolicyInputError} for an invalid count, year or date, or dates without a year
 * @example
 * ```ts
 * streetSubsidyMinimum({ communities: 10 }).amount.toString(); //=> '300000'
 * createPolicy({ streetSubsidy: { proration: 'by-days' } })
 *   .streetSubsidyMinimum({ communities: 1, year: 2013, activeFrom: '2013-07-01' }).amount.toString(); //=> '15123.29'
 * ```
 */
export function streetSubsidyMinimum(input: SubsidyInput): SubsidyResult {
  return displayable('streetSubsidyMinimum', streetSubsidyMinimumWith(DEFAULT_PARAMETERS, input));
}
