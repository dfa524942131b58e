/**
 * The readings of ambiguous text this provision relies on: for each, the
 * question, the ways of reading it, the one taken by default and why.
 * The interpretation register (src/policy/interpretations.ts) gathers them.
 */
import { type Interpretation, option as o } from '../declare.js';

export const readings = [
  {
    id: 'I7',
    quantities: ['Q1'],
    clause: 'A.2',
    question: { zh: '“三年左右”何时结束？', en: 'When are "about three years" over?' },
    parameter: 'horizonYears',
    optionKind: 'value',
    options: [
      o('end-of-2013', '2011、2012、2013三年，2013年底到期', 'the years 2011, 2012 and 2013: due at the end of 2013'),
      o('end-of-2014', '放宽一年：2014年底到期', 'one year more: due at the end of 2014'),
    ],
    default: 'end-of-2013',
    why: {
      zh: '以发文当年2011年为第一年，连续三年。',
      en: 'Counting the year of issue, 2011, as the first of three.',
    },
  },
  {
    id: 'I10',
    quantities: ['Q1', 'Q2'],
    clause: 'A.2',
    question: {
      zh: '三年期限到来之前，每年应有多少城市社区达标？原文只给出期满时的目标。',
      en: 'How many urban communities must meet the standard in a year before the deadline? The text sets only the target at the end.',
    },
    parameter: 'targets.interim',
    optionKind: 'enum',
    options: [
      o(
        'straight-path',
        '第 y 年底 = 目标 × 已过年数 ÷ 期限年数(如2012年底为 2/3)',
        'end of year y = target × years elapsed ÷ years of the horizon (2/3 at the end of 2012)',
      ),
      o('none', '期满前不设年度目标，只在期满之年检查', 'no yearly target before the deadline; only the deadline year is held to the target'),
    ],
    default: 'straight-path',
    why: {
      zh: '原文要求三年左右达到目标，按年平均推进是最平常的读法，也便于逐年督查；选“none”则期满前不作判断。',
      en: 'Reaching the target over about three years reads most plainly as even yearly progress, which also lets each year be checked; "none" holds no year before the deadline.',
    },
  },
] as const satisfies readonly Interpretation[];
