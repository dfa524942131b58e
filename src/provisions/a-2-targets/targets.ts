import type { Decimal } from 'decimal.js';
import { displayable } from '../../display.js';
import { D } from '../../decimal.js';
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { declared as fund } from '../a-4-3-1-city-fund/parameters.js';
import { step, type RuleResult } from '../../trace.js';
import { Checker } from '../../rules/input.js';
import { showShare } from '../../present/format.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared | typeof fund>;
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared, fund);

/** Input of {@link targets}. */
export interface TargetsInput {
  /** The year asked about. */
  readonly year: number;
}

/** Result of {@link targets}. */
export interface TargetsResult extends RuleResult {
  readonly year: number;
  /** Share of urban communities to be built to standard by the deadline. */
  readonly urbanShare: Decimal;
  /** Share of rural communities to be built to standard by the deadline. */
  readonly ruralShare: Decimal;
  /** Last year of the effort: base year + horizon − 1 (2013 by default). */
  readonly deadlineYear: number;
  /** Length of the effort in years (3 by default). */
  readonly horizonYears: number;
  /** Years of the effort completed by the end of `year`, from 0 to `horizonYears`. */
  readonly yearsElapsed: number;
  /** Years of the effort left after `year`, from 0 to `horizonYears`. */
  readonly yearsRemaining: number;
  /** Whether the targets are due by the end of `year` (year ≥ deadline). */
  readonly due: boolean;
}

/** {@link targets} under any parameters. @internal */
export function targetsWith(p: Parameters, input: TargetsInput): TargetsResult {
  const c = new Checker('targets');
  const o = c.object(input, ['year']);
  const year = c.year(o.year, 'year');
  c.done();
  const { baseYear, horizonYears } = p;
  const deadlineYear = baseYear + horizonYears - 1;
  const yearsElapsed = Math.min(horizonYears, Math.max(0, year - baseYear + 1));
  const due = year >= deadlineYear;
  const urbanShare = new D(p.targets.urbanShare);
  const ruralShare = new D(p.targets.ruralShare);
  return {
    year,
    urbanShare,
    ruralShare,
    deadlineYear,
    horizonYears,
    yearsElapsed,
    yearsRemaining: horizonYears - yearsElapsed,
    due,
    clause: 'A.2',
    interpretations: [{ id: 'I7', choice: `end-of-${deadlineYear}` }],
    trace: [
      step(
        `“三年左右”按 ${horizonYears} 年计(I7)：${baseYear} 至 ${deadlineYear} 年，${deadlineYear} 年底到期`,
        `"About three years" read as ${horizonYears} years (I7): ${baseYear} to ${deadlineYear}, due at the end of ${deadlineYear}`,
      ),
      step(
        `到 ${year} 年底已过 ${yearsElapsed} / ${horizonYears} 年${due ? '，目标已到期' : ''}`,
        `By the end of ${year}, ${yearsElapsed} of ${horizonYears} years have passed${due ? '; the targets are due' : ''}`,
      ),
      step(
        `目标：城市社区 ${showShare(urbanShare).text}、农村社区 ${showShare(ruralShare).text} 达标`,
        `Targets: ${showShare(urbanShare).text} of urban and ${showShare(ruralShare).text} of rural communities built to standard`,
      ),
    ],
  };
}

/**
 * The targets of the three-year effort (Q1–Q3, clause A.2): all urban and
 * 90 % of rural communities built to standard by the end of 2013 by default
 * (interpretation I7), and how far along the effort a year is.
 *
 * @param input - `year`, a whole number
 * @returns `urbanShare`, `ruralShare`, `deadlineYear`, `yearsElapsed`, `yearsRemaining` and `due`, with clause, interpretation I7 and trace
 * @throws {@link PolicyInputError} for an invalid year
 * @example
 * ```ts
 * targets({ year: 2012 }).yearsElapsed; //=> 2
 * targets({ year: 2012 }).ruralShare.toString(); //=> '0.9'
 * targets({ year: 2013 }).due; //=> true
 * ```
 */
export function targets(input: TargetsInput): TargetsResult {
  return displayable('targets', targetsWith(DEFAULT_PARAMETERS, input));
}
