import type { Decimal } from 'decimal.js';
import { displayable } from '../../display.js';
import { D } from '../../decimal.js';
import { ownDefaults, type ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { declared as rooms } from '../a-3-4-rooms/parameters.js';
import { step, type InterpretationUse, type RuleResult, type TraceStep } from '../../trace.js';
import { Checker, type AmountInput } from '../../rules/input.js';
import { amount as readAmount, optionalAmount } from '../../rules/input-amount.js';
import { roomArea, roomBasis, roomTrace } from '../a-3-4-rooms/service-room-area.js';
import { yiShang, yiXia } from '../../rules/statute.js';
import { equalsShown, showArea, showMoney, showShare } from '../../present/format.js';

/** The parameters it reads, and their values as the policy writes them (what the standalone rule computes with). */
type Parameters = ParamsOf<typeof declared | typeof rooms>;
const DEFAULT_PARAMETERS: Parameters = /* @__PURE__ */ ownDefaults(declared, rooms);

/** Input of {@link developerObligation}. */
export interface DeveloperInput {
  /** Total developed floor area of the project, m². */
  readonly floorAreaM2: AmountInput;
  /** Residents the project will house; sizes the in-kind rooms by the rooms standard of A.3.4. */
  readonly residents?: number;
  /** Households the project will house; sizes the in-kind rooms when the standard is per 100 households (I9). */
  readonly households?: number;
  /** Price per m², yuan; turns the funds route's area into money. */
  readonly pricePerM2?: AmountInput;
}

/** Result of {@link developerObligation}. */
export interface DeveloperResult extends RuleResult {
  /** `in-kind`: the developer provides the rooms; `funds`: it pays community-room money. */
  readonly route: 'in-kind' | 'funds';
  /** In kind: room area due, m², when the population of the basis (I9) was given. */
  readonly roomAreaM2?: Decimal;
  /** Funds: area whose worth is due, m² (3‰ of the floor area). */
  readonly fundsAreaM2?: Decimal;
  /** Funds: money due, yuan, when `pricePerM2` was given. */
  readonly amount?: Decimal;
}

/** Which route a floor area takes, and which clauses claim it. @internal */
export function developerRoute(p: Parameters, area: Decimal) {
  const threshold = new D(p.developer.thresholdM2);
  const inKindClaims = yiShang(area, threshold); // 20万平方米以上
  const fundsClaims = yiXia(area, threshold); // 20万平方米以下
  const route: 'in-kind' | 'funds' = inKindClaims && fundsClaims ? p.developer.boundary : inKindClaims ? 'in-kind' : 'funds';
  return { route, threshold, inKindClaims, fundsClaims };
}

/** {@link developerObligation} under any parameters. @internal */
export function developerObligationWith(p: Parameters, input: DeveloperInput): DeveloperResult {
  const c = new Checker('developerObligation');
  const o = c.object(input, ['floorAreaM2', 'residents', 'households', 'pricePerM2']);
  const area = readAmount(c, o.floorAreaM2, 'floorAreaM2');
  const residents = c.optionalCount(o.residents, 'residents');
  const households = c.optionalCount(o.households, 'households');
  const price = optionalAmount(c, o.pricePerM2, 'pricePerM2');
  c.done();
  const { route, threshold, inKindClaims, fundsClaims } = developerRoute(p, area);
  const interpretations: InterpretationUse[] = [];
  const trace: TraceStep[] = [];
  if (inKindClaims && fundsClaims) {
    interpretations.push({ id: 'I5', choice: p.developer.boundary });
    trace.push(
      step(
        `开发面积 ${showArea(area).text} 恰为 ${showArea(threshold).text}：“以上”与“以下”都包含本数，两款都适用；按 I5 取“${route === 'in-kind' ? '配建用房' : '缴纳资金'}”`,
        `Floor area ${showArea(area).text} is exactly ${showArea(threshold).text}: 以上 and 以下 both include it, so both clauses apply; I5 picks ${route === 'in-kind' ? 'rooms in kind' : 'the money'}`,
      ),
    );
  } else {
    trace.push(
      step(
        `开发面积 ${showArea(area).text} ${inKindClaims ? `达到 ${showArea(threshold).text} 以上：配建社区用房` : `在 ${showArea(threshold).text} 以下：缴纳社区用房资金`}`,
        `Floor area ${showArea(area).text} is ${inKindClaims ? `${showArea(threshold).text} or more: rooms in kind` : `${showArea(threshold).text} or less: money for community rooms`}`,
      ),
    );
  }
  if (route === 'in-kind') {
    const basis = roomBasis(p);
    const count = basis === 'residents' ? residents : households;
    if (price) trace.push(step('配建用房时不使用单价', 'The price per m² is not used on the in-kind route'));
    if (count === undefined) {
      trace.push(
        step(
          `未给出${basis === 'residents' ? '居民人数' : '户数'}，无法按配置标准算出用房面积`,
          `No ${basis} given: the room area by the standard cannot be sized`,
        ),
      );
      return { route, clause: 'A.4.3', interpretations, trace };
    }
    const roomAreaM2 = roomArea(p, count);
    interpretations.push({ id: 'I9', choice: basis });
    trace.push(roomTrace(p, count, roomAreaM2));
    return { route, roomAreaM2, clause: 'A.4.3', interpretations, trace };
  }
  const rate = p.developer.fundsRate;
  const fundsAreaM2 = area.times(rate);
  interpretations.push({ id: 'I6', choice: 'area-equivalent' });
  trace.push(
    step(
      `按实际开发面积的 ${showShare(rate).text}(I6 面积当量)：${showArea(area).text} × ${showShare(rate).text} ${equalsShown(showArea(fundsAreaM2))}`,
      `${showShare(rate).text} of the developed area (I6, area equivalent): ${showArea(area).text} × ${showShare(rate).text} ${equalsShown(showArea(fundsAreaM2))}`,
    ),
  );
  if (residents !== undefined || households !== undefined) {
    trace.push(step('缴纳资金时不按人口或户数配置用房', 'Residents and households are not used on the funds route'));
  }
  if (!price) {
    trace.push(step('未给出单价：应缴金额为上述面积的价值', 'No price per m² given: the money due is the worth of that area'));
    return { route, fundsAreaM2, clause: 'A.4.3', interpretations, trace };
  }
  const amount = fundsAreaM2.times(price);
  trace.push(
    step(
      `${showArea(fundsAreaM2).text} × ${showMoney(price, 'zh').text}/m² ${equalsShown(showMoney(amount, 'zh'))}`,
      `${showArea(fundsAreaM2).text} × ${showMoney(price, 'en').text}/m² ${equalsShown(showMoney(amount, 'en'))}`,
    ),
  );
  return { route, fundsAreaM2, amount, clause: 'A.4.3', interpretations, trace };
}

/**
 * What a real-estate developer owes for community rooms (Q11, Q12, clause
 * A.4.3): projects of 200,000 m² or more provide rooms in kind, sized by the
 * standard of 5 m² per 100 residents; projects of 200,000 m² or less pay 3‰ of
 * their developed area as community-room money (interpretation I6: an area
 * whose worth is due, money only with a price). Exactly 200,000 m² is claimed
 * by both clauses and goes in kind by default (interpretation I5).
 *
 * @param input - `floorAreaM2` (m², ≥ 0); optionally `residents` (or `households`, on the household basis) and `pricePerM2`
 * @returns `route`, and `roomAreaM2` (in kind) or `fundsAreaM2` and `amount` (funds), with clause, interpretations and trace
 * @throws {@link PolicyInputError} for an invalid area, count or price
 * @example
 * ```ts
 * developerObligation({ floorAreaM2: 250000 }).route; //=> 'in-kind'
 * developerObligation({ floorAreaM2: 150000, pricePerM2: 3000 }).amount.toString(); //=> '1350000'
 * developerObligation({ floorAreaM2: 200000 }).route; //=> 'in-kind'
 * ```
 */
export function developerObligation(input: DeveloperInput): DeveloperResult {
  return displayable('developerObligation', developerObligationWith(DEFAULT_PARAMETERS, input));
}
