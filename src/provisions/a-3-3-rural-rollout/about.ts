/**
 * A.3.3 (三(三)) — the rural rollout (Q6): from 2011, rural community
 * building reaches 30 % of the villages (村/组) a year, of all villages or of
 * those not yet reached (I2), until all are reached.
 */
import { about, b, opt, req, w } from '../declare.js';
import { declared } from './parameters.js';

export default about({
  ...declared,
  quantities: ['Q6'],
  interpretations: ['I2'],
  rules: {
    ruralRollout: { command: 'rollout', fields: [req('year', 'year'), opt('villages', 'count')], example: { year: 2013, villages: 121 }, schedule: false },
    ruralRolloutSchedule: {
      fields: [req('from', 'year'), req('to', 'year'), opt('villages', 'count')],
      example: { from: 2011, to: 2014, villages: 120 },
      schedule: true,
      plots: 'share',
      words: { increase: w('当年新增比例', 'Added this year', 'share') },
    },
  },
  findings: {
    Q6: { name: b('农村社区推行', 'rural rollout'), unit: 'villages', progress: 'rollout' },
  },
});
