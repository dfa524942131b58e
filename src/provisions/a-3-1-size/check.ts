/**
 * A.3.1 held against each urban community (Q4/Q5): both its households and
 * its residents within the tolerance (I4) of the guideline size. Decided in
 * integers when every product is below 2^53, exactly with Decimals otherwise;
 * a property test holds the two paths equal.
 */
import type { Decimal } from 'decimal.js';
import { D, percentText, ratio } from '../../decimal.js';
import { b, paramsOf, shown, verdict, type CommunityCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';
import type { ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { groupThousands } from '../../values.js';
import { deviation } from './community-size.js';

interface Size {
  readonly households: number;
  readonly residents: number;
  readonly tolerance: Decimal;
  /** The tolerance as a fraction of small integers when it is one (else NaN: the exact path decides). */
  readonly num: number;
  readonly den: number;
}

const SAFE = 2 ** 53;

/** The size verdict in integers when the products fit (true/false), or undefined when they do not. @internal */
export function sizeOkInIntegers(households: number, residents: number, k: Size): boolean | undefined {
  const dh = Math.abs(households - k.households);
  const dr = Math.abs(residents - k.residents);
  if (!(dh * k.den < SAFE && dr * k.den < SAFE && k.num * Math.max(k.households, k.residents) < SAFE)) return undefined;
  return dh * k.den <= k.num * k.households && dr * k.den <= k.num * k.residents;
}

/** The size verdict exactly, with Decimals. @internal */
export function sizeOkExactly(households: number, residents: number, k: Size): boolean {
  return deviation(households, k.households, k.tolerance).within && deviation(residents, k.residents, k.tolerance).within;
}

/** The per-policy constants of the size check. @internal */
export function compileSize(p: ParamsOf<typeof declared>): Size {
  const tolerance = new D(p.sizing.tolerance);
  const [num, den] = tolerance.toFraction(1_000_000).map((x) => x.toNumber()) as [number, number];
  const fits = new D(num).div(den).eq(tolerance);
  return { households: p.sizing.households, residents: p.sizing.residents, tolerance, num: fits ? num : NaN, den: fits ? den : NaN };
}

const size: CommunityCheck<Size> = {
  scope: 'community',
  provision: 'Q4/Q5',
  clause: 'A.3.1',
  rural: false,
  uses: ['communitySize'],
  compile: (policy) => compileSize(paramsOf(policy, declared)),
  status: (c, k) => verdict(sizeOkInIntegers(c.households, c.residents, k) ?? sizeOkExactly(c.households, c.residents, k)),
  exact: (c, k) => verdict(sizeOkExactly(c.households, c.residents, k)),
  detail(c, k, fail) {
    const dh = BigInt(Math.abs(c.households - k.households));
    const dr = BigInt(Math.abs(c.residents - k.residents));
    // The larger relative deviation, chosen exactly (|dh| ÷ H against |dr| ÷ R) and shown to 20 digits where it
    // does not terminate; the shortfall beyond the tolerance is (|d| − tolerance × S) ÷ S, above 0 for every fail.
    const [d, S] = dh * BigInt(k.residents) >= dr * BigInt(k.households) ? [dh, k.households] : [dr, k.residents];
    const worse = ratio(Number(d), S).value;
    if (!fail) return { expected: k.tolerance, actual: worse };
    return { expected: k.tolerance, actual: worse, shortfall: shown(new D(d.toString()).minus(k.tolerance.times(S)), S) };
  },
  message(c, k, ok, d) {
    const worse = percentText(d.actual as Decimal);
    const tol = percentText(k.tolerance);
    const [h, r] = [groupThousands(String(c.households)), groupThousands(String(c.residents))];
    return b(
      `${h} 户、${r} 人，较大偏差 ${worse}，${ok ? `在 ±${tol} 以内` : `超出 ±${tol}`}`,
      `${h} households, ${r} residents: larger deviation ${worse}, ${ok ? 'within' : 'outside'} ±${tol}`,
    );
  },
  quick(c, k, out) {
    // (|x − S| / S − a/b) / (a/b) = (|x − S|·b − a·S) / (a·S), for the larger of the two deviations.
    const dh = Math.abs(c.households - k.households);
    const dr = Math.abs(c.residents - k.residents);
    const { num: a, den: bb, households: H, residents: R } = k;
    if (!(dh * R < SAFE && dr * H < SAFE && dh * bb < SAFE && dr * bb < SAFE && a * Math.max(H, R) < SAFE)) return false;
    const [dev, s] = dh * R >= dr * H ? [dh, H] : [dr, R];
    out.num = dev * bb - a * s;
    out.den = a * s;
    out.owe = 0;
    return true;
  },
};

export const checks: readonly Check[] = [size];
