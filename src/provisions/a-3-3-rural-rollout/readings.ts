/**
 * The readings of ambiguous text this provision relies on: for each, the
 * question, the ways of reading it, the one taken by default and why.
 * The interpretation register (src/policy/interpretations.ts) gathers them.
 */
import { type Interpretation, option as o } from '../declare.js';

export const readings = [
  {
    id: 'I2',
    quantities: ['Q6'],
    clause: 'A.3.3',
    question: {
      zh: '每年30 %是占全部村(组)，还是占尚未推行的村(组)？',
      en: 'Is the 30 % a year a share of all villages, or of the villages not yet reached?',
    },
    parameter: 'rollout.mode',
    optionKind: 'enum',
    options: [
      o('share-of-all', '累计比例 = min(1, 0.3 × 推行年数)', 'cumulative share = min(1, 0.3 × rollout years)'),
      o('share-of-remaining', '累计比例 = 1 − 0.7^推行年数', 'cumulative share = 1 − 0.7^(rollout years)'),
    ],
    default: 'share-of-all',
    why: {
      zh: '三年正好达到90 %，与同一期限内农村社区90 %达标的目标(A.2)相符(见 K1)。',
      en: 'Three years give exactly 90 %, which matches the A.2 target of 90 % of rural communities over the same three years (see K1).',
    },
  },
] as const satisfies readonly Interpretation[];
