import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { displayable } from '../../display.js';
import { step, type RuleResult } from '../../trace.js';
import { Checker } from '../../rules/input.js';
import { grouped } from '../../present/format.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared>;
/** How households ÷ households-per-worker is rounded (interpretation I3). */
export type StaffRounding = Parameters['staffing']['rounding'];
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared);

/** Input of {@link requiredStaff}. */
export interface StaffInput {
  /** Households of the community's actual residents. */
  readonly households: number;
  /** Households of the floating population living there, counted on top (含流动人口). Default 0. */
  readonly floatingHouseholds?: number;
}

/** Result of {@link requiredStaff}. */
export interface StaffResult extends RuleResult {
  /** Community workers required. */
  readonly staff: number;
  /** Households counted: `households + floatingHouseholds`. */
  readonly totalHouseholds: number;
}

/** The rounding of I3 in the trace's words (the option's id stays in the result's `interpretations`). */
const ROUNDING_ZH: Record<StaffRounding, string> = { ceil: '向上取整', floor: '向下取整', 'half-up': '四舍五入' };
const ROUNDING_EN: Record<StaffRounding, string> = { ceil: 'Rounded up', floor: 'Rounded down', 'half-up': 'Rounded half up' };

/**
 * `total ÷ per`, rounded as the reading says, in exact integer arithmetic.
 * @internal
 */
export function divideRounded(total: number, per: number, rounding: StaffRounding): number {
  // total and per are safe integers (both callers validate the sum). The float total / per is within
  // total / (per × 2^53) < 1/per of the exact quotient, and a quotient that is not whole is at least 1/per
  // from the next whole number: so the floor is exact, and so is quotient × per ≤ total.
  const quotient = Math.floor(total / per);
  const remainder = total - quotient * per;
  const up = rounding === 'ceil' ? remainder > 0 : rounding === 'half-up' ? 2 * remainder >= per : false;
  return quotient + (up ? 1 : 0);
}

/** {@link requiredStaff} under any parameters. @internal */
export function requiredStaffWith(p: Parameters, input: StaffInput): StaffResult {
  const c = new Checker('requiredStaff');
  const o = c.object(input, ['households', 'floatingHouseholds']);
  const households = c.count(o.households, 'households');
  const floating = c.optionalCount(o.floatingHouseholds, 'floatingHouseholds') ?? 0;
  // An invalid count reads as 0, so the sum of one valid count and 0 is safe: no second report for it.
  if (!Number.isSafeInteger(households + floating)) {
    c.fail('floatingHouseholds', {
      en: 'households + floatingHouseholds is larger than the largest safe integer',
      zh: 'households + floatingHouseholds 超出安全整数的范围',
    });
  }
  c.done();
  const { householdsPerWorker: per, rounding } = p.staffing;
  const total = households + floating;
  const staff = divideRounded(total, per, rounding);
  const remainder = total % per;
  const quotient = (total - remainder) / per;
  return {
    staff,
    totalHouseholds: total,
    clause: 'A.4.2',
    interpretations: [{ id: 'I3', choice: rounding }],
    trace: [
      step(
        `计入户数：${grouped(households)} 户 + 流动人口 ${grouped(floating)} 户 = ${grouped(total)} 户`,
        `Households counted: ${grouped(households)} + ${grouped(floating)} floating = ${grouped(total)}`,
      ),
      step(
        `${grouped(total)} ÷ 每名工作人员 ${grouped(per)} 户 = ${grouped(quotient)}${remainder ? ` 余 ${grouped(remainder)}` : ''}`,
        `${grouped(total)} ÷ ${grouped(per)} households per worker = ${grouped(quotient)}${remainder ? ` remainder ${grouped(remainder)}` : ''}`,
      ),
      step(`按“${ROUNDING_ZH[rounding]}”(I3) 取整：${grouped(staff)} 名`, `${ROUNDING_EN[rounding]} (I3): ${grouped(staff)} worker${staff === 1 ? '' : 's'}`),
    ],
  };
}

/**
 * How many community workers a community needs: one per 600 households of
 * actual residents, floating population included (Q8, clause A.4.2), rounded
 * up by default (interpretation I3).
 *
 * @param input - `households`, and optionally `floatingHouseholds`, as whole numbers ≥ 0
 * @returns `staff` (whole workers) and `totalHouseholds`, with clause, interpretation I3 and trace
 * @throws {@link PolicyInputError} when a count is not a whole number ≥ 0
 * @example
 * ```ts
 * requiredStaff({ households: 3000 }).staff; //=> 5
 * requiredStaff({ households: 601 }).staff; //=> 2
 * requiredStaff({ households: 2900, floatingHouseholds: 200 }).staff; //=> 6
 * ```
 */
export function requiredStaff(input: StaffInput): StaffResult {
  return displayable('requiredStaff', requiredStaffWith(DEFAULT_PARAMETERS, input));
}
