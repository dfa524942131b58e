/**
 * A.2 (二) — the targets. Within about three years (I7: 2011–2013), every
 * urban community (Q2: 100 %) and nine in ten rural ones (Q3: 90 %) are to
 * be built to standard (Q1: the horizon). Before the deadline a year is held
 * to a straight path towards it, or to nothing (I10).
 */
import { about, b, req } from '../declare.js';
import { declared } from './parameters.js';

export default about({
  ...declared,
  quantities: ['Q1', 'Q2', 'Q3'],
  interpretations: ['I7', 'I10'],
  rules: {
    targets: { command: 'targets', fields: [req('year', 'year')], example: { year: 2012 }, schedule: false },
  },
  findings: {
    'Q1/Q2': { name: b('城市社区达标', 'urban communities up to standard'), unit: 'share', progress: 'urban' },
    Q3: { name: b('农村社区达标', 'rural communities up to standard') },
  },
});
