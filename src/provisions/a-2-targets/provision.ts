/**
 * A.2 (二) — the targets. Within about three years (I7: 2011–2013), every
 * urban community (Q2: 100 %) and nine in ten rural ones (Q3: 90 %) are to
 * be built to standard (Q1: the horizon). Before the deadline a year is held
 * to a straight path towards it, or to nothing (I10).
 */
import { issue } from '../../errors.js';
import type { ParamsOf } from '../../policy/parameters.js';
import { YEAR_MAX } from '../../values.js';
import type { declared as fund } from '../a-4-3-1-city-fund/parameters.js';
import { b, req } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { checks } from './check.js';
import { targetsWith } from './targets.js';
import { readings } from './readings.js';
import { declared } from './parameters.js';

export default defineProvision({
  id: 'a-2-targets',
  ...declared,
  quantities: ['Q1', 'Q2', 'Q3'],
  readings,
  rules: {
    targets: rule(targetsWith, { command: 'targets', fields: [req('year', 'year')], example: { year: 2012 }, schedule: false }),
  },
  checks,
  // Every function takes years up to YEAR_MAX, so the deadline must fall by then (the audit and the targets ask for it).
  validate(p: ParamsOf<typeof declared | typeof fund>) {
    const deadline = p.baseYear + p.horizonYears - 1;
    if (deadline <= YEAR_MAX) return [];
    return [
      issue('horizonYears', 'out-of-range', {
        expected: b(`自基年 ${p.baseYear} 起不超过 ${YEAR_MAX - p.baseYear + 1} 年`, `at most ${YEAR_MAX - p.baseYear + 1} years from baseYear ${p.baseYear}`),
        received: { en: String(p.horizonYears), zh: String(p.horizonYears) },
        note: b(`期限为 ${deadline} 年，须在 ${YEAR_MAX} 年以内`, `a deadline of ${deadline}; it must fall by ${YEAR_MAX}`),
      }),
    ];
  },
  findings: {
    'Q1/Q2': { name: b('城市社区达标', 'urban communities up to standard'), unit: 'share', progress: 'urban' },
    Q3: { name: b('农村社区达标', 'rural communities up to standard') },
  },
});
