/**
 * A.3.1 held against each urban community (Q4/Q5): both its households and
 * its residents within the tolerance (I4) of the guideline size, bounds
 * included. The finding shows the larger relative deviation against the
 * tolerance, and how far beyond it a failing community lies.
 */
import type { Decimal } from 'decimal.js';
import { percentText } from '../../decimal.js';
import { abs, and, checkFormula, div, field, le, max, mul, param, sub } from '../../formula/build.js';
import { formulaCheck } from '../../formula/check.js';
import { b } from '../../rules/check.js';
import { groupThousands } from '../../values.js';
import type { Check } from '../provision.js';

const tolerance = param('sizing.tolerance');
/** |count − guideline|, and whether it is within tolerance × guideline. */
const off = (name: string) => abs(sub(field(name), param(`sizing.${name}`)));
const within = (name: string) => le(off(name), mul(tolerance, param(`sizing.${name}`)));
/** The larger relative deviation, |count − guideline| ÷ guideline. */
const worse = max(div(off('households'), param('sizing.households')), div(off('residents'), param('sizing.residents')));

const size = formulaCheck({
  provision: 'Q4/Q5',
  clause: 'A.3.1',
  rural: false,
  uses: ['communitySize'],
  formula: checkFormula({
    pass: and(within('households'), within('residents')),
    expected: tolerance,
    actual: worse,
    kind: 'amount',
    shortfall: sub(worse, tolerance),
    owes: false,
  }),
  message(c, _k, ok, d) {
    const dev = percentText(d.actual as Decimal);
    const tol = percentText(d.expected as Decimal);
    const [h, r] = [groupThousands(String(c.households)), groupThousands(String(c.residents))];
    return b(
      `${h} 户、${r} 人，较大偏差 ${dev}，${ok ? `在 ±${tol} 以内` : `超出 ±${tol}`}`,
      `${h} households, ${r} residents: larger deviation ${dev}, ${ok ? 'within' : 'outside'} ±${tol}`,
    );
  },
});

export const checks: readonly Check[] = [size];
