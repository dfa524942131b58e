import type { Decimal } from 'decimal.js';
import { D } from '../decimal.js';
import { DEFAULT_PARAMETERS, type Parameters } from '../policy/parameters.js';
import { step, type RuleResult } from '../trace.js';
import { Checker } from './input.js';

/** Input of {@link serviceRoomArea}. */
export interface RoomInput {
  /** Residents the rooms serve. */
  readonly residents: number;
}

/** Result of {@link serviceRoomArea}. */
export interface RoomResult extends RuleResult {
  /** Office and service room area required, m², exact. */
  readonly areaM2: Decimal;
  /** The population the standard was applied to (interpretation I9). */
  readonly basis: 'residents';
}

/** Room area for a number of residents, exact. @internal */
export function roomArea(p: Parameters, residents: number): Decimal {
  return new D(residents).times(p.rooms.m2Per100Residents).div(100);
}

/** {@link serviceRoomArea} under any parameters. @internal */
export function serviceRoomAreaWith(p: Parameters, input: RoomInput): RoomResult {
  const c = new Checker('serviceRoomArea');
  const o = c.object(input, ['residents']);
  const residents = c.count(o.residents, 'residents');
  c.done();
  const areaM2 = roomArea(p, residents);
  const rate = p.rooms.m2Per100Residents;
  return {
    areaM2,
    basis: 'residents',
    clause: 'A.3.4',
    interpretations: [{ id: 'I9', choice: 'residents' }],
    trace: [
      step(`按调用方给出的居民人数计算(I9)：${residents} 人`, `Basis: the residents given by the caller (I9): ${residents}`),
      step(`${residents} × 每百人 ${rate} m² ÷ 100 = ${areaM2} m²`, `${residents} × ${rate} m² per 100 residents ÷ 100 = ${areaM2} m²`),
    ],
  };
}

/**
 * The office and service room area a residents' committee needs: 5 m² per
 * 100 residents (每百人5㎡; Q7, clause A.3.4), exact to the square centimetre
 * and beyond, never rounded.
 *
 * @param input - `residents`, a whole number ≥ 0
 * @returns `areaM2` (a Decimal) and the `basis` used, with clause, interpretation I9 and trace
 * @throws {@link PolicyInputError} when `residents` is not a whole number ≥ 0
 * @example
 * ```ts
 * serviceRoomArea({ residents: 8000 }).areaM2.toString(); //=> '400'
 * serviceRoomArea({ residents: 8001 }).areaM2.toString(); //=> '400.05'
 * ```
 */
export function serviceRoomArea(input: RoomInput): RoomResult {
  return serviceRoomAreaWith(DEFAULT_PARAMETERS, input);
}
