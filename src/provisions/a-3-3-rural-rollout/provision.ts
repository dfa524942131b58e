/**
 * A.3.3 (三(三)) — the rural rollout (Q6): from 2011, rural community
 * building reaches 30 % of the villages (村/组) a year, of all villages or of
 * those not yet reached (I2), until all are reached.
 */
import { b, opt, req, w } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { checks } from './check.js';
import { ruralRolloutWith, ruralRolloutScheduleWith } from './rural-rollout.js';
import { readings } from './readings.js';
import { declared } from './parameters.js';

export default defineProvision({
  id: 'a-3-3-rural-rollout',
  ...declared,
  quantities: ['Q6'],
  readings,
  rules: {
    ruralRollout: rule(ruralRolloutWith, {
      command: 'rollout',
      fields: [req('year', 'year'), opt('villages', 'count')],
      example: { year: 2013, villages: 121 },
      schedule: false,
    }),
    ruralRolloutSchedule: rule(ruralRolloutScheduleWith, {
      fields: [req('from', 'year'), req('to', 'year'), opt('villages', 'count')],
      example: { from: 2011, to: 2014, villages: 120 },
      schedule: true,
      plots: 'share',
      words: { increase: w('当年新增比例', 'Added this year', 'share') },
    }),
  },
  checks,
  findings: {
    Q6: { name: b('农村社区推行', 'rural rollout'), unit: 'villages', progress: 'rollout' },
  },
});
