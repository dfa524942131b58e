/**
 * The readings of ambiguous text this provision relies on: for each, the
 * question, the ways of reading it, the one taken by default and why.
 * The interpretation register (src/policy/interpretations.ts) gathers them.
 */
import { type Interpretation, option as o } from '../declare.js';

export const readings = [
  {
    id: 'I8',
    quantities: ['Q10'],
    clause: 'A.4.3',
    question: { zh: '一年中只存续一部分时间的社区，配套补助下限怎样算？', en: 'What is the subsidy minimum of a community that exists for part of a year?' },
    parameter: 'streetSubsidy.proration',
    optionKind: 'enum',
    options: [
      o('none', '按全年3万元', 'the whole year’s 30,000 yuan'),
      o(
        'by-days',
        '3万元 × 当年存续天数 ÷ 当年天数，四舍五入到分',
        '30,000 × days active in the year ÷ days in the year, rounded half up to the fen (0.01 yuan)',
      ),
    ],
    default: 'none',
    why: {
      zh: '原文按“每个社区”“每年”规定下限，未提折算。',
      en: 'The text sets a floor per community per year and says nothing about part years.',
    },
  },
] as const satisfies readonly Interpretation[];
