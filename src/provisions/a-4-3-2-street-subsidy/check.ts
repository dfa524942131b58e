/**
 * A.4.3's matching subsidy held against each community, urban or rural
 * (Q10): what its street or township paid in the year against the minimum
 * (the whole year's, or a share by days under I8 for a community that began
 * during the year; nothing for one that began after it). Without a year the
 * minimum cannot be known: unknown.
 */
import type { Decimal } from 'decimal.js';
import { checkFormula, daysFrom, daysInYear, divRounded, eq, field, ge, given, mul, c as n, ofYear, param, reading, when } from '../../formula/build.js';
import { formulaCheck } from '../../formula/check.js';
import { b, yuan } from '../../rules/check.js';
import type { Check } from '../provision.js';

const full = param('streetSubsidy.minimumPerCommunityPerYear');
const days = daysFrom('activeFrom');
/** The year's minimum for one community: the whole year's, or by I8 for one that began during it. */
const minimum = ofYear(
  when(
    given('activeFrom'),
    when(eq(days, n(0)), n(0), reading('I8', 'streetSubsidy.proration', { none: full, 'by-days': divRounded(mul(full, days), daysInYear(), 'half-up', 2) })),
    full,
  ),
);

const subsidy = formulaCheck({
  provision: 'Q10',
  clause: 'A.4.3',
  rural: true,
  uses: ['streetSubsidyMinimum'],
  formula: checkFormula({ pass: ge(field('streetSubsidyPaid'), minimum), expected: minimum, actual: field('streetSubsidyPaid'), kind: 'amount' }),
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
});

export const checks: readonly Check[] = [subsidy];
