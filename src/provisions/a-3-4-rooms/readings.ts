/**
 * The readings of ambiguous text this provision relies on: for each, the
 * question, the ways of reading it, the one taken by default and why.
 * The interpretation register (src/policy/interpretations.ts) gathers them.
 */
import { type Interpretation, option as o } from '../declare.js';

export const readings = [
  {
    id: 'I9',
    quantities: ['Q7'],
    clause: 'A.3.4',
    question: { zh: '用房标准按哪个人口计算？', en: 'Which population sizes the room standard?' },
    parameter: 'rooms.m2Per100Households',
    optionKind: 'enum',
    options: [
      o('residents', '调用方给出的居民人数 × 每百人 5 m²', 'the residents the caller gives × 5 m² per 100'),
      o(
        'households',
        '户数 × 每百户标准(设置 rooms.m2Per100Households 时，如国家标准)',
        'households × a per-100-households standard (when rooms.m2Per100Households is set, as in the national standards)',
      ),
    ],
    default: 'residents',
    why: {
      zh: '原文按“每百人”规定；实际居住人口由调用方确定，结果注明所用口径。',
      en: 'The text says per 100 people; the caller decides which headcount to pass, and the result states the basis.',
    },
  },
] as const satisfies readonly Interpretation[];
