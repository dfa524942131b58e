import type { Decimal } from 'decimal.js';
import { displayable } from '../../display.js';
import { D, DX, exactly, exactPow } from '../../decimal.js';
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { step, type RuleResult, type TraceStep } from '../../trace.js';
import { Checker, type AmountInput } from '../../rules/input.js';
import { amount } from '../../rules/input-amount.js';
import { readSpan } from '../a-3-3-rural-rollout/rural-rollout.js';
import { equalsShown, showMoney, showShare } from '../../present/format.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared>;
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared);

/** Input of {@link cityFundBudget}. */
export interface FundInput {
  /** The base year's (2011) total of the community-building special fund plus subsidy funds, yuan (as a dataset's `funding.baseYearTotal`). */
  readonly baseYearTotal: AmountInput;
  /** The budget year, not before the base year. */
  readonly year: number;
}

/**
 * The base year's total under its name before 0.2.
 * @deprecated `baseAmount` is now `baseYearTotal`, as in the dataset; the old name is taken until 0.2.
 */
export interface FormerBase {
  /** @deprecated use `baseYearTotal` */
  readonly baseAmount: AmountInput;
}

/** An input with the base year's total under one of its two names, never both (the types refuse both, as the rule does). */
export type WithBase<I extends { readonly baseYearTotal: AmountInput }> =
  | (I & { readonly baseAmount?: never })
  | (FormerBase & Omit<I, 'baseYearTotal'> & { readonly baseYearTotal?: never });

/** Result of {@link cityFundBudget}. */
export interface FundResult extends RuleResult {
  readonly year: number;
  /** The city's minimum for the year, yuan, exact. */
  readonly amount: Decimal;
  /** Growth steps applied (0 for the base year). */
  readonly growthYears: number;
}

/** The minimum for one year, validated input assumed. @internal */
export function fundYear(p: Parameters, base: Decimal, year: number) {
  const growthYears = Math.max(0, year - p.funding.firstGrowthYear + 1);
  const rate = new D(p.funding.growthRate);
  const factor = p.funding.mode === 'fixed-increment' ? rate.times(growthYears).plus(1) : exactPow(rate.plus(1), growthYears);
  const amount = exactly(new DX(base).times(factor));
  return { year, amount, growthYears, factor };
}

function fundTrace(p: Parameters, base: Decimal, r: ReturnType<typeof fundYear>): TraceStep {
  const rate = showShare(p.funding.growthRate).text;
  const n = r.growthYears;
  const [zhBase, enBase] = [showMoney(base, 'zh').text, showMoney(base, 'en').text];
  const [zh, en] = [equalsShown(showMoney(r.amount, 'zh')), equalsShown(showMoney(r.amount, 'en'))];
  return p.funding.mode === 'fixed-increment'
    ? step(
        `${r.year} 年(I1 固定增量，自 ${p.funding.firstGrowthYear} 年起增长 ${n} 次)：${zhBase} × (100 % + ${rate} × ${n}) ${zh}`,
        `${r.year} (I1 fixed increment, ${n} growth step(s) from ${p.funding.firstGrowthYear}): ${enBase} × (100 % + ${rate} × ${n}) ${en}`,
      )
    : step(
        `${r.year} 年(I1 逐年复合，自 ${p.funding.firstGrowthYear} 年起增长 ${n} 次)：${zhBase} × (100 % + ${rate})^${n} ${zh}`,
        `${r.year} (I1 compound, ${n} growth step(s) from ${p.funding.firstGrowthYear}): ${enBase} × (100 % + ${rate})^${n} ${en}`,
      );
}

/** The trace's first line: the base year's total. */
function baseStep(p: Parameters, base: Decimal): TraceStep {
  return step(
    `基数：${p.baseYear} 年社区建设专项资金与补助资金合计 ${showMoney(base, 'zh').text}`,
    `Base: the ${p.baseYear} special plus subsidy funds, ${showMoney(base, 'en').text}`,
  );
}

/** The base year's total, under its name or (deprecated, until 0.2) its former name `baseAmount`. */
function readBase(c: Checker, o: Readonly<Record<string, unknown>>): Decimal {
  return o.baseAmount === undefined ? amount(c, o.baseYearTotal, 'baseYearTotal') : amount(c, o.baseAmount, 'baseAmount');
}

/** The former name of the base year's total (taken until 0.2, never beside the new one). */
const FORMER = { baseAmount: 'baseYearTotal' };

function checkNotBeforeBase(c: Checker, p: Parameters, year: number, path: string): void {
  if (c.issues.length === 0 && year < p.baseYear) {
    c.refuse(path, 'out-of-range', { en: `a year ≥ the base year ${p.baseYear}`, zh: `不早于基年 ${p.baseYear} 的年份` }, year, {
      en: "A.4.3: the base amount is that year's total",
      zh: 'A.4.3：基数是该年的总额',
    });
  }
}

/** {@link cityFundBudget} under any parameters. @internal */
export function cityFundBudgetWith(p: Parameters, input: WithBase<FundInput>): FundResult {
  const c = new Checker('cityFundBudget');
  const o = c.object(input, ['baseYearTotal', 'year'], FORMER);
  const base = readBase(c, o);
  const year = c.year(o.year, 'year');
  checkNotBeforeBase(c, p, year, 'year');
  c.done();
  const r = fundYear(p, base, year);
  return {
    year,
    amount: r.amount,
    growthYears: r.growthYears,
    clause: 'A.4.3',
    interpretations: [{ id: 'I1', choice: p.funding.mode }],
    trace: [baseStep(p, base), fundTrace(p, base, r)],
  };
}

/**
 * The least the city's budget must put into communities in a year: from 2012
 * it grows each year by 10 % of the 2011 total of the special fund and the
 * subsidy funds (Q9, clause A.4.3). By default the growth is a fixed 10 % of
 * the base per year; `compound` grows 10 % on the previous year (interpretation I1).
 *
 * @param input - `baseYearTotal` (yuan, ≥ 0; before 0.2 `baseAmount`, still taken) and `year` (not before the base year 2011)
 * @returns `amount` (exact yuan) and `growthYears`, with clause, interpretation I1 and trace
 * @throws {@link PolicyInputError} for an invalid amount, an invalid year or a year before the base year
 * @example
 * ```ts
 * cityFundBudget({ baseYearTotal: 1000000, year: 2012 }).amount.toString(); //=> '1100000'
 * cityFundBudget({ baseYearTotal: 1000000, year: 2013 }).amount.toString(); //=> '1200000'
 * createPolicy({ funding: { mode: 'compound' } }).cityFundBudget({ baseYearTotal: 1000000, year: 2013 }).amount.toString(); //=> '1210000'
 * ```
 */
export function cityFundBudget(input: WithBase<FundInput>): FundResult {
  return displayable('cityFundBudget', cityFundBudgetWith(DEFAULT_PARAMETERS, input));
}

/** Input of {@link cityFundSchedule}. */
export interface FundScheduleInput {
  /** The base year's total, yuan (as a dataset's `funding.baseYearTotal`). */
  readonly baseYearTotal: AmountInput;
  /** First year of the table, not before the base year. */
  readonly from: number;
  /** Last year of the table, ≥ `from`. */
  readonly to: number;
}

/** One year of {@link cityFundSchedule}. */
export interface FundRow {
  readonly year: number;
  /** The city's minimum for the year, yuan. */
  readonly amount: Decimal;
  /** Increase over the previous year's minimum (for the base year, 0). */
  readonly increase: Decimal;
}

/** Result of {@link cityFundSchedule}. */
export interface FundScheduleResult extends RuleResult {
  readonly rows: readonly FundRow[];
}

/** {@link cityFundSchedule} under any parameters. @internal */
export function cityFundScheduleWith(p: Parameters, input: WithBase<FundScheduleInput>): FundScheduleResult {
  const c = new Checker('cityFundSchedule');
  const o = c.object(input, ['baseYearTotal', 'from', 'to'], FORMER);
  const base = readBase(c, o);
  const { from, to } = readSpan(c, o);
  checkNotBeforeBase(c, p, from, 'from');
  c.done();
  const trace: TraceStep[] = [baseStep(p, base)];
  const rows: FundRow[] = [];
  // The year before the first row (the base itself when the schedule starts at the base year: no growth before it).
  let previous = fundYear(p, base, from - 1).amount;
  for (let year = from; year <= to; year++) {
    const r = fundYear(p, base, year);
    rows.push({ year, amount: r.amount, increase: exactly(new DX(r.amount).minus(previous)) });
    trace.push(fundTrace(p, base, r));
    previous = r.amount;
  }
  return { rows, clause: 'A.4.3', interpretations: [{ id: 'I1', choice: p.funding.mode }], trace };
}

/**
 * The city's minimum community budget year by year (Q9, clause A.4.3,
 * interpretation I1): one row per year from `from` to `to`.
 *
 * @param input - `baseYearTotal` (yuan, ≥ 0; before 0.2 `baseAmount`, still taken), `from` (not before the base year) and `to` (≥ `from`)
 * @returns `rows` of `{ year, amount, increase }`, with clause, interpretation I1 and trace
 * @throws {@link PolicyInputError} for an invalid amount or years
 * @example
 * ```ts
 * cityFundSchedule({ baseYearTotal: 1000000, from: 2011, to: 2013 }).rows.map((r) => r.amount.toString());
 * //=> ['1000000', '1100000', '1200000']
 * ```
 */
export function cityFundSchedule(input: WithBase<FundScheduleInput>): FundScheduleResult {
  return displayable('cityFundSchedule', cityFundScheduleWith(DEFAULT_PARAMETERS, input));
}
