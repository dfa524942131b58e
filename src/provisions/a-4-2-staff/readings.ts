/**
 * The readings of ambiguous text this provision relies on: for each, the
 * question, the ways of reading it, the one taken by default and why.
 * The interpretation register (src/policy/interpretations.ts) gathers them.
 */
import { type Interpretation, option as o } from '../declare.js';

export const readings = [
  {
    id: 'I3',
    quantities: ['Q8'],
    clause: 'A.4.2',
    question: { zh: '户数 ÷ 600 不是整数时如何取整？', en: 'How is households ÷ 600 rounded when it is not whole?' },
    parameter: 'staffing.rounding',
    optionKind: 'enum',
    options: [
      o('ceil', '向上取整：每开始一个600户就配1名', 'round up: every started block of 600 households gets a worker'),
      o('floor', '向下取整：只按满600户计', 'round down: only full blocks of 600 count'),
      o('half-up', '四舍五入：满300户进1', 'round half up: 300 or more left over adds a worker'),
    ],
    default: 'ceil',
    why: {
      zh: '“每600户配置1名”是配备标准，不满600户的部分也需要人服务；有住户的社区至少配1名。',
      en: 'One per 600 is a staffing standard: households beyond a full 600 still need serving, and any community with households gets at least one worker.',
    },
  },
] as const satisfies readonly Interpretation[];
