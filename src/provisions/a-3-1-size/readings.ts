/**
 * The readings of ambiguous text this provision relies on: for each, the
 * question, the ways of reading it, the one taken by default and why.
 * The interpretation register (src/policy/interpretations.ts) gathers them.
 */
import { type Interpretation, option as o } from '../declare.js';

export const readings = [
  {
    id: 'I4',
    quantities: ['Q4', 'Q5'],
    clause: 'A.3.1',
    question: { zh: '离3000户、8000人多远仍算“左右”？', en: 'How far from 3,000 households / 8,000 residents is still "about" (左右)?' },
    parameter: 'sizing.tolerance',
    optionKind: 'value',
    options: [
      o('0.2', '两项偏差都在 ±20 % 以内(含端点)', 'both deviations within ±20 %, bounds included'),
      o('0.1', '两项偏差都在 ±10 % 以内(含端点)', 'both deviations within ±10 %, bounds included'),
    ],
    default: '0.2',
    why: {
      zh: '原文未给幅度；±20 % 是常用的宽松口径，可由使用者改为任意幅度。',
      en: 'The text gives no margin; ±20 % is a common lenient reading, and users may set any tolerance.',
    },
  },
] as const satisfies readonly Interpretation[];
