/**
 * A.3.4 held against each urban community: its room area against 5 m² per
 * 100 residents or households (Q7, I9), and whether its rooms are on the
 * ground floor and it has a one-stop window (yes or no).
 */
import type { Decimal } from 'decimal.js';
import { D } from '../../decimal.js';
import { b, FAIL, PASS, UNKNOWN, verdict, whole, type CommunityCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';
import type { CommunityRecord } from '../records.js';
import type { ParamsOf } from '../../policy/parameters.js';
import { paramsOf } from '../../rules/check.js';
import { declared } from './parameters.js';
import { roomArea, roomBasis } from './service-room-area.js';

interface Rooms {
  readonly p: ParamsOf<typeof declared>;
  readonly byHouseholds: boolean;
  /** m² per 100 people or households when it is a whole number (else NaN: the exact path decides). */
  readonly rate: number;
}

const SAFE = 2 ** 53;
const counted = (c: CommunityRecord, k: Rooms) => (k.byHouseholds ? c.households : c.residents);

const rooms: CommunityCheck<Rooms> = {
  scope: 'community',
  provision: 'Q7',
  clause: 'A.3.4',
  rural: false,
  owedScale: 100,
  uses: ['serviceRoomArea'],
  compile(policy) {
    const p = paramsOf(policy, declared);
    const byHouseholds = roomBasis(p) === 'households';
    const rate = byHouseholds ? p.rooms.m2Per100Households! : p.rooms.m2Per100Residents;
    return { p, byHouseholds, rate: typeof rate === 'number' && Number.isInteger(rate) ? rate : NaN };
  },
  status(c, k) {
    if (c.roomAreaM2 === undefined) return UNKNOWN;
    const have = whole(c.roomAreaM2);
    const need100 = counted(c, k) * k.rate;
    // have × 100 ≥ count × rate, in integers below 2^53 (NaN fails the bounds), exactly otherwise.
    return verdict(need100 < SAFE && have * 100 < SAFE ? have * 100 >= need100 : new D(c.roomAreaM2).gte(roomArea(k.p, counted(c, k))));
  },
  exact: (c, k) => (c.roomAreaM2 === undefined ? UNKNOWN : verdict(new D(c.roomAreaM2).gte(roomArea(k.p, counted(c, k))))),
  detail(c, k, fail) {
    const need = roomArea(k.p, counted(c, k));
    const have = c.roomAreaM2 === undefined ? null : new D(c.roomAreaM2);
    return fail ? { expected: need, actual: have, shortfall: need.minus(have!) } : { expected: need, actual: have };
  },
  message(_c, _k, ok, d) {
    const need = d.expected as Decimal;
    if (d.actual === null) return b(`需用房 ${need} m²，数据未给出用房面积`, `Needs ${need} m² of rooms; the data gives no room area`);
    const have = d.actual as Decimal;
    return b(
      `用房 ${have} m²，标准 ${need} m²${ok ? '' : `，缺 ${d.shortfall} m²`}`,
      `Rooms ${have} m² against ${need} m²${ok ? '' : `: ${d.shortfall} m² short`}`,
    );
  },
  quick(c, k, out) {
    // A whole number of m², given as a number or as plain digits ('554'); anything else goes to the exact finding.
    const have = c.roomAreaM2 === undefined ? NaN : whole(c.roomAreaM2);
    if (!(have * 100 < SAFE)) return false;
    const need100 = counted(c, k) * k.rate;
    if (!(need100 < SAFE)) return false;
    out.num = need100 - have * 100;
    out.den = need100;
    out.owe = need100 - have * 100;
    return true;
  },
};

/** A yes/no provision of A.3.4: the field it reads and its words. */
function yesNo(provision: string, read: (c: CommunityRecord) => boolean | undefined, yes: string, no: string, en: string): CommunityCheck<null> {
  return {
    scope: 'community',
    provision,
    clause: 'A.3.4',
    rural: false,
    flag: true,
    compile: () => null,
    status(c) {
      const v = read(c);
      return v === undefined ? UNKNOWN : v ? PASS : FAIL;
    },
    detail(c, _k, fail) {
      const value = read(c) ?? null;
      return fail ? { expected: true, actual: value, shortfall: new D(1) } : { expected: true, actual: value };
    },
    message(_c, _k, _ok, d) {
      if (d.actual === null) return b(`应做到“${yes}”，数据未说明`, `Should have ${en}; the data does not say`);
      return b(d.actual ? yes : no, d.actual ? `Has ${en}` : `Lacks ${en}`);
    },
  };
}

export const checks: readonly Check[] = [
  rooms,
  yesNo('A.3.4/ground-floor', (c) => c.roomsOnGroundFloor, '用房在一楼', '用房不在一楼', 'rooms on the ground floor'),
  yesNo('A.3.4/one-stop-window', (c) => c.oneStopWindow, '设有一站式服务窗口', '未设一站式服务窗口', 'a one-stop service window'),
];
