/**
 * The interpretation register: every place where the text can be read more
 * than one way, the readings, the one the library takes by default, and why.
 * Every rule result's `interpretations` refers to these ids.
 */
import { deepFreeze } from './parameters.js';
import type { Bilingual } from './provisions.js';

/** One way of reading an ambiguous sentence. */
export interface InterpretationOption {
  /** The value a result reports as `choice` (and, where a parameter selects it, that parameter's value). */
  readonly id: string;
  /** The reading as a formula in words. */
  readonly formula: Bilingual;
}

/** An entry of the register. */
export interface Interpretation {
  /** `'I1'` … `'I9'`. */
  readonly id: string;
  /** Quantitative provisions it concerns. */
  readonly quantities: readonly string[];
  /** Clause whose text is ambiguous. */
  readonly clause: string;
  readonly question: Bilingual;
  /** The parameter that selects a reading, or null when there is only one reading. */
  readonly parameter: string | null;
  /** Whether the options are a closed list (`'enum'`) or examples of a free value such as a tolerance (`'value'`). */
  readonly optionKind: 'enum' | 'value';
  readonly options: readonly InterpretationOption[];
  /** Id of the default option. */
  readonly default: string;
  readonly why: Bilingual;
}

const o = <const I extends string>(id: I, zh: string, en: string) => ({ id, formula: { zh, en } }) as const satisfies InterpretationOption;

const REGISTER = [
  {
    id: 'I1',
    quantities: ['Q9'],
    clause: 'A.4.3',
    question: {
      zh: '市财政社区资金是每年固定增加2011年基数的10%，还是在上一年基础上增长10%？',
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
      zh: '原文以“今年”总额的10%作为增长的量，基数固定在2011年。',
      en: 'The text names 10 % of this year’s (2011) total as the amount of growth, so the base stays fixed.',
    },
  },
  {
    id: 'I2',
    quantities: ['Q6'],
    clause: 'A.3.3',
    question: {
      zh: '每年30%是占全部村(组)，还是占尚未推行的村(组)？',
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
      zh: '三年正好达到90%，与同一期限内农村社区90%达标的目标(Q3)相符(见 K1)。',
      en: 'Three years give exactly 90 %, which matches the Q3 target of 90 % of rural communities over the same three years (see K1).',
    },
  },
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
  {
    id: 'I4',
    quantities: ['Q4', 'Q5'],
    clause: 'A.3.1',
    question: { zh: '离3000户、8000人多远仍算“左右”？', en: 'How far from 3,000 households / 8,000 residents is still "about" (左右)?' },
    parameter: 'sizing.tolerance',
    optionKind: 'value',
    options: [
      o('0.2', '两项偏差都在 ±20% 以内(含端点)', 'both deviations within ±20 %, bounds included'),
      o('0.1', '两项偏差都在 ±10% 以内(含端点)', 'both deviations within ±10 %, bounds included'),
    ],
    default: '0.2',
    why: {
      zh: '原文未给幅度；±20% 是常用的宽松口径，可由使用者改为任意幅度。',
      en: 'The text gives no margin; ±20 % is a common lenient reading, and users may set any tolerance.',
    },
  },
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
      o('funds', '按后一款缴纳3‰的用房资金', 'the second clause: pay 3‰ as community-room money'),
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
    question: { zh: '“3‰的社区用房资金”是什么的3‰？', en: '3‰ of what is the community-room money?' },
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
    id: 'I8',
    quantities: ['Q10'],
    clause: 'A.4.3',
    question: { zh: '一年中只存续一部分时间的社区，配套补助下限怎样算？', en: 'What is the subsidy minimum of a community that exists for part of a year?' },
    parameter: 'streetSubsidy.proration',
    optionKind: 'enum',
    options: [
      o('none', '按全年3万元', 'the whole year’s 30,000 yuan'),
      o('by-days', '3万元 × 当年存续天数 ÷ 当年天数，四舍五入到分', '30,000 × days active in the year ÷ days in the year, rounded half-up to 0.01 yuan'),
    ],
    default: 'none',
    why: {
      zh: '原文按“每个社区”“每年”规定下限，未提折算。',
      en: 'The text sets a floor per community per year and says nothing about part years.',
    },
  },
  {
    id: 'I9',
    quantities: ['Q7'],
    clause: 'A.3.4',
    question: { zh: '用房标准按哪个人口计算？', en: 'Which population sizes the room standard?' },
    parameter: 'rooms.m2Per100Households',
    optionKind: 'enum',
    options: [
      o('residents', '调用方给出的居民人数 × 每百人5㎡', 'the residents the caller gives × 5 m² per 100'),
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

/** The id of a reading in the register: `'I1'` … `'I10'`. */
export type InterpretationId = (typeof REGISTER)[number]['id'];
type Entry<K extends InterpretationId> = Extract<(typeof REGISTER)[number], { id: K }>;
/** How a free-valued reading reports its value (I4 a tolerance such as `'0.2'`, I7 a deadline such as `'end-of-2013'`). */
interface ValueChoices {
  I4: `${number}`;
  I7: `end-of-${number}`;
}
/**
 * The choices a result may report for reading `K`: one of the register's option ids for a closed list, the value's
 * form for a free value. So a result's `interpretations[].choice` can only be a registered option.
 */
export type ReadingChoice<K extends InterpretationId> = K extends keyof ValueChoices ? ValueChoices[K] : Entry<K>['options'][number]['id'];

/**
 * The ten readings I1–I10.
 *
 * @example
 * ```ts
 * interpretations.map((i) => i.id).join(' '); //=> 'I1 I2 I3 I4 I5 I6 I7 I8 I9 I10'
 * interpretations.find((i) => i.id === 'I3')?.default; //=> 'ceil'
 * ```
 */
export const interpretations: readonly (Interpretation & (typeof REGISTER)[number])[] = /* @__PURE__ */ deepFreeze(REGISTER);
