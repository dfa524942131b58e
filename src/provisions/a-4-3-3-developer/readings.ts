/**
 * The readings of ambiguous text this provision relies on: for each, the
 * question, the ways of reading it, the one taken by default and why.
 * The interpretation register (src/policy/interpretations.ts) gathers them.
 */
import { type Interpretation, option as o } from '../declare.js';

export const readings = [
  {
    id: 'I5',
    quantities: ['Q11', 'Q12'],
    clause: 'A.4.3',
    question: {
      zh: '恰为20万平方米的项目：“以上”和“以下”都包含本数(民法典第1259条)，两款都适用，按哪一款？',
      en: 'A project of exactly 200,000 m²: 以上 and 以下 both include the number (Civil Code art. 1259), so both clauses claim it. Which applies?',
    },
    parameter: 'developer.boundary',
    optionKind: 'enum',
    options: [
      o('in-kind', '按前一款配建社区用房', 'the first clause: provide rooms in kind'),
      o('funds', '按后一款缴纳3‰的用房资金', 'the second clause: pay 3‰ as money for community rooms'),
    ],
    default: 'in-kind',
    why: {
      zh: '配建是原文先规定的主要方式，资金是替代方式。',
      en: 'Rooms in kind are the clause’s first and main route; money is the alternative.',
    },
  },
  {
    id: 'I6',
    quantities: ['Q12'],
    clause: 'A.4.3',
    question: { zh: '“3‰的社区用房资金”是什么的3‰？', en: '3‰ of what is the money for community rooms?' },
    parameter: null,
    optionKind: 'enum',
    options: [
      o(
        'area-equivalent',
        '应缴 = 0.003 × 开发面积(m²) 的价值；给出单价时 × 单价',
        'due = the worth of 0.003 × developed floor area (m²); × price when a price per m² is given',
      ),
    ],
    default: 'area-equivalent',
    why: {
      zh: '原文按“实际开发面积”计算却未给单价，只能先得出面积当量，由使用者给出单价换算成金额。',
      en: 'The text bases it on the developed area but names no price, so the rule gives an area equivalent and turns it into money only with the caller’s price.',
    },
  },
] as const satisfies readonly Interpretation[];
