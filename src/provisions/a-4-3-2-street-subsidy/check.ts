/**
 * A.4.3's matching subsidy held against each community, urban or rural
 * (Q10): what its street or township paid in the year against the minimum
 * (the whole year's, or a share by days under I8 for a community that began
 * during the year). Without a year the minimum cannot be known: unknown.
 */
import type { Decimal } from 'decimal.js';
import { D } from '../../decimal.js';
import { b, paramsOf, UNKNOWN, verdict, whole, yuan, type CommunityCheck } from '../../rules/check.js';
import type { Check } from '../provision.js';
import type { CommunityRecord } from '../records.js';
import type { ParamsOf } from '../../policy/parameters.js';
import { declared } from './parameters.js';
import { calendarDay } from '../../values.js';
import { subsidyForYear } from './street-subsidy.js';

interface Subsidy {
  readonly p: ParamsOf<typeof declared>;
  readonly year: number | undefined;
  readonly full: Decimal | undefined;
  /** The full-year minimum when it is a safe whole number of yuan (else NaN). */
  readonly whole: number;
}

function minimum(c: CommunityRecord, k: Subsidy): Decimal {
  return c.activeFrom === undefined ? k.full! : subsidyForYear(k.p, k.year!, calendarDay(c.activeFrom), undefined).perCommunity;
}

const subsidy: CommunityCheck<Subsidy> = {
  scope: 'community',
  provision: 'Q10',
  clause: 'A.4.3',
  rural: true,
  uses: ['streetSubsidyMinimum'],
  compile(policy, year) {
    const p = paramsOf(policy, declared);
    const full = year === undefined ? undefined : subsidyForYear(p, year, undefined, undefined).perCommunity;
    return { p, year, full, whole: full?.isInteger() && full.lte(Number.MAX_SAFE_INTEGER) ? full.toNumber() : NaN };
  },
  status(c, k) {
    if (k.year === undefined || c.streetSubsidyPaid === undefined) return UNKNOWN;
    const paid = whole(c.streetSubsidyPaid);
    return verdict(
      c.activeFrom === undefined && !Number.isNaN(paid) && !Number.isNaN(k.whole) ? paid >= k.whole : new D(c.streetSubsidyPaid).gte(minimum(c, k)),
    );
  },
  exact: (c, k) => (k.year === undefined || c.streetSubsidyPaid === undefined ? UNKNOWN : verdict(new D(c.streetSubsidyPaid).gte(minimum(c, k)))),
  detail(c, k, fail) {
    const paid = c.streetSubsidyPaid === undefined ? null : new D(c.streetSubsidyPaid);
    if (k.year === undefined) return { expected: null, actual: paid };
    const due = minimum(c, k);
    return fail ? { expected: due, actual: paid, shortfall: due.minus(paid!) } : { expected: due, actual: paid };
  },
  message(_c, _k, ok, d) {
    if (d.expected === null) return b('未给出年度，无法确定当年配套补助下限', 'No year given: the subsidy minimum of a year cannot be known');
    const due = yuan(d.expected as Decimal);
    if (d.actual === null) return b(`配套补助应不低于 ${due} 元，数据未给出`, `Subsidy due: at least ${due} yuan; the data gives none`);
    const paid = yuan(d.actual as Decimal);
    return b(
      `配套补助 ${paid} 元，下限 ${due} 元${ok ? '' : `，差 ${yuan(d.shortfall!)} 元`}`,
      `Subsidy ${paid} yuan against at least ${due}${ok ? '' : `: ${yuan(d.shortfall!)} yuan short`}`,
    );
  },
  quick(c, k, out) {
    const paid = c.streetSubsidyPaid === undefined ? NaN : whole(c.streetSubsidyPaid);
    if (c.activeFrom !== undefined || Number.isNaN(paid) || Number.isNaN(k.whole)) return false;
    out.num = k.whole - paid;
    out.den = k.whole;
    out.owe = k.whole - paid;
    return true;
  },
};

export const checks: readonly Check[] = [subsidy];
