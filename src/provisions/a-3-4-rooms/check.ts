/**
 * A.3.4 held against each urban community: its room area against 5 m² per
 * 100 residents or households (Q7, I9), and whether its rooms are on the
 * ground floor and it has a one-stop window (yes or no).
 */
import type { Decimal } from 'decimal.js';
import { checkFormula, div, field, flag, ge, mul, c as n, param, readingIfSet, yes } from '../../formula/build.js';
import { formulaCheck } from '../../formula/check.js';
import { b } from '../../rules/check.js';
import type { Check } from '../provision.js';

/** Per 100 of the count I9 picks: households when the per-household rate is set, residents otherwise. */
const per100 = (count: string, rate: string) => mul(field(count), div(param(rate), n(100)));
const need = readingIfSet(
  'I9',
  'rooms.m2Per100Households',
  ['households', per100('households', 'rooms.m2Per100Households')],
  ['residents', per100('residents', 'rooms.m2Per100Residents')],
);

const rooms = formulaCheck({
  provision: 'Q7',
  clause: 'A.3.4',
  rural: false,
  owedScale: 100,
  uses: ['serviceRoomArea'],
  formula: checkFormula({ pass: ge(field('roomAreaM2'), need), expected: need, actual: field('roomAreaM2'), kind: 'amount' }),
  message(_c, _k, ok, d) {
    const want = d.expected as Decimal;
    if (d.actual === null) return b(`需用房 ${want} m²，数据未给出用房面积`, `Needs ${want} m² of rooms; the data gives no room area`);
    const have = d.actual as Decimal;
    return b(
      `用房 ${have} m²，标准 ${want} m²${ok ? '' : `，缺 ${d.shortfall} m²`}`,
      `Rooms ${have} m² against ${want} m²${ok ? '' : `: ${d.shortfall} m² short`}`,
    );
  },
});

/** A yes/no provision of A.3.4: the field it reads and its words. */
function yesNo(provision: string, name: string, yesWords: string, no: string, en: string) {
  return formulaCheck({
    provision,
    clause: 'A.3.4',
    rural: false,
    formula: checkFormula({ pass: flag(name), expected: yes(), actual: flag(name), kind: 'flag' }),
    message(_c, _k, _ok, d) {
      if (d.actual === null) return b(`应做到“${yesWords}”，数据未说明`, `Should have ${en}; the data does not say`);
      return b(d.actual ? yesWords : no, d.actual ? `Has ${en}` : `Lacks ${en}`);
    },
  });
}

export const checks: readonly Check[] = [
  rooms,
  yesNo('A.3.4/ground-floor', 'roomsOnGroundFloor', '用房在一楼', '用房不在一楼', 'rooms on the ground floor'),
  yesNo('A.3.4/one-stop-window', 'oneStopWindow', '设有一站式服务窗口', '未设一站式服务窗口', 'a one-stop service window'),
];
