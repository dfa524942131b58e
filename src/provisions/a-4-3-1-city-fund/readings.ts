/**
 * The readings of ambiguous text this provision relies on: for each, the
 * question, the ways of reading it, the one taken by default and why.
 * The interpretation register (src/policy/interpretations.ts) gathers them.
 */
import { type Interpretation, option as o } from '../declare.js';

export const readings = [
  {
    id: 'I1',
    quantities: ['Q9'],
    clause: 'A.4.3',
    question: {
      zh: '市财政社区资金是每年固定增加2011年基数的10 %，还是在上一年基础上增长10 %？',
      en: 'Does the city fund grow each year by a fixed 10 % of the 2011 base, or by 10 % of the year before?',
    },
    parameter: 'funding.mode',
    optionKind: 'enum',
    options: [
      o('fixed-increment', '第 y 年 = 基数 × (1 + 0.1 × 增长年数)', 'year y = base × (1 + 0.1 × growth years)'),
      o('compound', '第 y 年 = 基数 × 1.1^增长年数', 'year y = base × 1.1^(growth years)'),
    ],
    default: 'fixed-increment',
    why: {
      zh: '原文以“今年”总额的10 %作为增长的量，基数固定在2011年。',
      en: 'The text names 10 % of this year’s (2011) total as the amount of growth, so the base stays fixed.',
    },
  },
] as const satisfies readonly Interpretation[];
