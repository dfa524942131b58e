/**
 * A.3.3 (三(三)) — the rural rollout (Q6): from 2011, rural community
 * building reaches 30 % of the villages (村/组) a year, of all villages or of
 * those not yet reached (I2), until all are reached.
 */
import { about, b, opt, req } from '../declare.js';

export default about({
  clause: 'A.3.3',
  quantities: ['Q6'],
  interpretations: ['I2'],
  title: b('农村社区推行进度', 'Rural rollout'),
  summary: b(
    '自 2011 年起每年在 30% 的村(组)推行农村社区建设(I2：占全部还是占尚未推行的)。',
    'From 2011, rural community building reaches 30 % of villages a year (I2: of all, or of those not yet reached).',
  ),
  parameters: ['rollout.startYear', 'rollout.sharePerYear', 'rollout.mode'],
  rules: {
    ruralRollout: { command: 'rollout', fields: [req('year', 'year'), opt('villages', 'count')], example: { year: 2013, villages: 121 }, schedule: false },
    ruralRolloutSchedule: { fields: [req('from', 'year'), req('to', 'year'), opt('villages', 'count')], example: { from: 2011, to: 2014, villages: 120 }, schedule: true },
  },
  findings: {
    Q6: { name: b('农村社区推行', 'rural rollout'), unit: 'villages' },
  },
});
