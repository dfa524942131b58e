/**
 * A.2 (二) — the targets. Within about three years (I7: 2011–2013), every
 * urban community (Q2: 100 %) and nine in ten rural ones (Q3: 90 %) are to
 * be built to standard (Q1: the horizon). Before the deadline a year is held
 * to a straight path towards it, or to nothing (I10).
 */
import { about, b, req } from '../declare.js';

export default about({
  clause: 'A.2',
  quantities: ['Q1', 'Q2', 'Q3'],
  interpretations: ['I7', 'I10'],
  title: b('达标目标与期限', 'Targets and their deadline'),
  summary: b(
    '约三年内(I7)城市社区全部、农村社区九成达到建设标准；期满前每年的进度按 I10 解读。',
    'Within about three years (I7), all urban and 90 % of rural communities are built to standard; a year before the deadline is held to the reading I10.',
  ),
  parameters: ['baseYear', 'horizonYears', 'targets.urbanShare', 'targets.ruralShare', 'targets.interim'],
  rules: {
    targets: { command: 'targets', fields: [req('year', 'year')], example: { year: 2012 }, schedule: false },
  },
  findings: {
    'Q1/Q2': { name: b('城市社区达标', 'urban communities up to standard'), unit: 'share' },
    Q3: { name: b('农村社区达标', 'rural communities up to standard') },
  },
});
