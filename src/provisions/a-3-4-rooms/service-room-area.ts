import type { Decimal } from 'decimal.js';
import { displayable } from '../../display.js';
import { D } from '../../decimal.js';
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { step, type RuleResult, type TraceStep } from '../../trace.js';
import { Checker } from '../../rules/input.js';
import { equalsShown, grouped, showArea } from '../../present/format.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared>;
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared);

/** Input of {@link serviceRoomArea}: the population the standard is applied to. */
export interface RoomInput {
  /** Residents the rooms serve (the policy's own basis). */
  readonly residents?: number;
  /** Households the rooms serve (the basis of the national standards, when `rooms.m2Per100Households` is set). */
  readonly households?: number;
}

/** Result of {@link serviceRoomArea}. */
export interface RoomResult extends RuleResult {
  /** Office and service room area required, m², exact. */
  readonly areaM2: Decimal;
  /** The population the standard was applied to (interpretation I9). */
  readonly basis: RoomBasis;
}

/** Whose number sizes the rooms (interpretation I9). */
export type RoomBasis = 'residents' | 'households';

/** The basis the parameters call for. @internal */
export function roomBasis(p: Parameters): RoomBasis {
  return p.rooms.m2Per100Households === undefined ? 'residents' : 'households';
}

/** Room area for a number of people or households on the parameters' basis, exact. @internal */
export function roomArea(p: Parameters, count: number | Decimal): Decimal {
  const rate = p.rooms.m2Per100Households ?? p.rooms.m2Per100Residents;
  return new D(count).times(rate).div(100);
}

/** Trace of the room arithmetic. @internal */
export function roomTrace(p: Parameters, count: number, areaM2: Decimal): TraceStep {
  const n = grouped(count);
  const area = equalsShown(showArea(areaM2));
  return roomBasis(p) === 'residents'
    ? step(
        `按居民人数(I9)：${n} 人 × 每百人 ${showArea(p.rooms.m2Per100Residents).text} ÷ 100 ${area}`,
        `By residents (I9): ${n} × ${showArea(p.rooms.m2Per100Residents).text} per 100 residents ÷ 100 ${area}`,
      )
    : step(
        `按户数(I9)：${n} 户 × 每百户 ${showArea(p.rooms.m2Per100Households!).text} ÷ 100 ${area}`,
        `By households (I9): ${n} × ${showArea(p.rooms.m2Per100Households!).text} per 100 households ÷ 100 ${area}`,
      );
}

/** {@link serviceRoomArea} under any parameters. @internal */
export function serviceRoomAreaWith(p: Parameters, input: RoomInput): RoomResult {
  const c = new Checker('serviceRoomArea');
  const o = c.object(input, ['residents', 'households']);
  const basis = roomBasis(p);
  const residents = c.optionalCount(o.residents, 'residents');
  const households = c.optionalCount(o.households, 'households');
  const count = basis === 'residents' ? residents : households;
  if (count === undefined) {
    c.fail(
      basis,
      basis === 'residents'
        ? {
            en: 'expected the number of residents (a whole number ≥ 0): the standard is per 100 residents (A.3.4, I9)',
            zh: '应填常住人口数(不小于 0 的整数)：标准按每百名居民计(A.3.4，I9)',
          }
        : {
            en: 'expected the number of households (a whole number ≥ 0): rooms.m2Per100Households sizes rooms per 100 households (I9)',
            zh: '应填户数(不小于 0 的整数)：rooms.m2Per100Households 按每百户计算用房(I9)',
          },
      'missing-field',
    );
  }
  c.done();
  const areaM2 = roomArea(p, count!);
  const trace = [roomTrace(p, count!, areaM2)];
  const other = basis === 'residents' ? households : residents;
  if (other !== undefined) {
    trace.push(
      step(
        `另给出的${basis === 'residents' ? '户数' : '居民人数'} ${grouped(other)} 不参与计算(I9)`,
        `The ${basis === 'residents' ? 'households' : 'residents'} given (${grouped(other)}) are not used on this basis (I9)`,
      ),
    );
  }
  return { areaM2, basis, clause: 'A.3.4', interpretations: [{ id: 'I9', choice: basis }], trace };
}

/**
 * The office and service room area a residents' committee needs: 5 m² per
 * 100 residents (每百人5㎡; Q7, clause A.3.4), exact to the square centimetre
 * and beyond, never rounded.
 *
 * Under a national standard from `PRESETS`, the rooms are sized per 100
 * households instead, and `households` must be given.
 *
 * @param input - `residents` (or, on the household basis, `households`), a whole number ≥ 0
 * @returns `areaM2` (a Decimal) and the `basis` used, with clause, interpretation I9 and trace
 * @throws {@link PolicyInputError} when the count the basis needs is missing or not a whole number ≥ 0
 * @example
 * ```ts
 * serviceRoomArea({ residents: 8000 }).areaM2.toString(); //=> '400'
 * serviceRoomArea({ residents: 8001 }).areaM2.toString(); //=> '400.05'
createPolicy(PRESETS.nationalPlan2011).serviceRoomArea({ households: 3000 }).areaM2.toString(); //=> '600'
 * ```
 */
export function serviceRoomArea(input: RoomInput): RoomResult {
  return displayable('serviceRoomArea', serviceRoomAreaWith(DEFAULT_PARAMETERS, input));
}
