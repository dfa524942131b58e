/**
 * The standards beside the city's document: national, provincial and
 * prefectural documents that set a number the city's data can be held to
 * (room area per 100 households, workers per 10,000 residents, the size of a
 * service centre), each with where it was read and how far (`status`), the
 * rule in our own words, the dates it applies between, and what it sets. The
 * overlays that lay them over a policy are in `standard-overlays.ts`; this
 * module is data only, so that the presets and a table of the standards load
 * nothing else.
 *
 * Numbers only where a source states them; no sentence of a document is
 * copied. A status is raised only on better evidence.
 */
import { b, type Bilingual } from '../bilingual.js';
import { PolicyInputError, refused } from '../errors.js';
import { deepFreeze } from '../policy/parameters.js';
import { closest } from '../policy/names.js';
import { option as o, type Interpretation } from '../provisions/declare.js';
import type { Source } from '../provisions/provision.js';
import { calendarDay } from '../values.js';

/** Whether a per-100-households standard is held by each community or by the city's urban communities on average. */
export type RoomsHeld = 'each' | 'average';
/** Which households a per-100-households standard counts: those of actual residents, or the floating population's too. */
export type HouseholdsCounted = 'resident' | 'with-floating';

/** The numbers a standard sets, each in its own unit. */
export interface StandardSets {
  /** Room area of community service facilities per 100 households, m². */
  readonly roomsM2Per100Households?: number;
  /** Community workers per 10,000 urban permanent residents (a ratio over the city, not per community). */
  readonly workersPer10000UrbanResidents?: number;
  /** Floor area of a community's service centre, m² at least. */
  readonly serviceCentreM2?: number;
}

/** How the registry reads a standard where its text can be read more than one way (the readings of {@link STANDARD_READINGS}). */
export interface StandardReadings {
  readonly held: RoomsHeld;
  readonly households: HouseholdsCounted;
  /** Why, in our words. */
  readonly why: Bilingual;
}

/** One standard of the registry. */
export interface Standard {
  /** Its id in the registry (the id of its source). */
  readonly id: string;
  /** The document: issuing body, title, number, date, the address it was read at, and how far it was read. */
  readonly source: Source;
  /** The quantitative rule, in our own words. */
  readonly rule: Bilingual;
  /** Whom it binds: the whole country, or one province's or prefecture's cities. */
  readonly level: 'national' | 'provincial' | 'prefectural';
  /** The province or prefecture, for a local standard. */
  readonly region?: Bilingual;
  /**
   * The day it applies from, as far as it is known: `'2023-11-19'`, or only a month (`'2011-12'`) or a year
   * (`'2022'`); absent when the date is not known at all.
   */
  readonly from?: string;
  /** The last day it applies (its plan's horizon), known as far as `from` is. */
  readonly to?: string;
  /** What it sets. */
  readonly sets: StandardSets;
  /** Its readings, when it sets a room area per 100 households. */
  readonly readings?: StandardReadings;
  /** What the registry's overlay leaves out of the rule, and why. */
  readonly leavesOut?: Bilingual;
}

/**
 * The readings of the standards, registered as the city's are (question, options, default, why): the default is
 * the registry's usual choice; each standard says which it takes (`readings`).
 */
export const STANDARD_READINGS: readonly Interpretation[] = /* @__PURE__ */ deepFreeze([
  {
    id: 'I11',
    quantities: [],
    clause: 'standards',
    question: {
      zh: '“每百户不低于若干平方米”由每个社区各自达到，还是按全市城市社区的平均数达到？',
      en: 'Is a per-100-households room standard met by each community, or by the city’s urban communities on average?',
    },
    parameter: null,
    optionKind: 'enum',
    options: [
      o('each', '每个城市社区：用房面积 ≥ 户数 × 标准 ÷ 100', 'each urban community: room area ≥ households × standard ÷ 100'),
      o(
        'average',
        '全市城市社区合计：用房面积之和 ≥ 户数之和 × 标准 ÷ 100',
        'the urban communities together: the sum of room areas ≥ the sum of households × standard ÷ 100',
      ),
    ],
    default: 'each',
    why: {
      zh: '多数文件只给每百户的数字，未说平均；城市自己的用房标准按每个社区计。文件写明“平均”的(如国办函〔2023〕121号)按平均。',
      en: 'Most documents give a per-100-households figure without saying "on average", and the city’s own room standard is held by each community; a document that says on average (such as 国办函〔2023〕121号) is read as an average.',
    },
  },
  {
    id: 'I12',
    quantities: [],
    clause: 'standards',
    question: {
      zh: '“每百户”的户数是否包括流动人口户数？',
      en: 'Do the households of a per-100-households standard include the floating population’s?',
    },
    parameter: null,
    optionKind: 'enum',
    options: [
      o('resident', '数据中的实有居民户数', 'the households of actual residents in the data'),
      o('with-floating', '实有居民户数加流动人口户数(只用于全市平均)', 'those plus the floating households (on the city’s average only)'),
    ],
    default: 'resident',
    why: {
      zh: '文件说的是“居民”户；流动人口户数只在城市文件的配员条款中计入。按每个社区检查时，城市的用房检查按实有居民户数，故另一读法只用于全市平均。',
      en: 'The documents speak of resident households; the city’s document counts floating households only for staffing. Held by each community, the city’s own room check counts the households of actual residents, so the other reading is taken on the average only.',
    },
  },
] as const);

const usual: StandardReadings = {
  held: 'each',
  households: 'resident',
  why: b(
    '文件只给出每百户的数字，未说按平均；按每个社区、实有居民户数计。',
    'The document gives a per-100-households figure and does not say on average: held by each community, on the households of actual residents.',
  ),
};

/** The registry, in the order of its dates. */
export const STANDARDS: readonly Standard[] = /* @__PURE__ */ deepFreeze([
  {
    id: 'national-2011',
    source: {
      id: 'national-2011',
      short: b('国家规划 2011—2015', 'National plan 2011–2015'),
      body: b('国务院办公厅', 'General Office of the State Council'),
      title: b('社区服务体系建设规划(2011－2015年)', 'Plan for the community service system, 2011–2015'),
      number: '国办发〔2011〕61号',
      date: '2011-12',
      url: 'cnfood.net/news/show.php?itemid=106407',
      status: 'derivative',
      note: b(
        '数字取自 2011-12-30 引述民政部部长的新闻报道，未读到规划原文。',
        'The figures come from a news report of 2011-12-30 quoting the civil affairs minister; the plan’s own text was not read.',
      ),
    },
    rule: b(
      '到 2015 年底，社区服务设施面积每百户不少于 20 平方米(综合服务设施覆盖率 90 %)',
      'By the end of 2015, community service facilities of at least 20 m² for every 100 households (comprehensive facilities in 90 % of communities)',
    ),
    level: 'national',
    from: '2011-12',
    to: '2015-12-31',
    sets: { roomsM2Per100Households: 20 },
    readings: usual,
    leavesOut: b('90 % 的覆盖率是全国目标，不对一个城市的社区逐个检查。', 'The 90 % coverage is a national target, not checked community by community.'),
  },
  {
    id: 'national-2021',
    source: {
      id: 'national-2021',
      short: b('国家“十四五”规划', 'National plan, 14th five-year'),
      body: b('国务院办公厅', 'General Office of the State Council'),
      title: b('“十四五”城乡社区服务体系建设规划', 'Plan for the urban and rural community service system in the 14th five-year period'),
      number: '国办发〔2021〕56号',
      date: '2021-12-27',
      url: 'htlq.com.cn/news/437.html',
      status: 'derivative',
      note: b(
        '文号和日期取自规划文本；数字取自 2022-02-09 国务院政策例行吹风会(另见 home898.com/zixun/1800271906.html、tulizeni.org/p/350468.html)。',
        'The number and date are from the plan’s text; the figures from the State Council briefing of 2022-02-09 (also home898.com/zixun/1800271906.html, tulizeni.org/p/350468.html).',
      ),
    },
    rule: b(
      '到 2025 年，新建社区综合服务设施按每百户不少于 30 平方米规划；城乡社区综合服务设施全覆盖，农村覆盖率不低于 80 %',
      'By 2025, new comprehensive community facilities are planned at 30 m² or more for every 100 households; urban and rural facilities cover every community, rural ones at least 80 %',
    ),
    level: 'national',
    from: '2021-12-27',
    to: '2025-12-31',
    sets: { roomsM2Per100Households: 30 },
    readings: {
      ...usual,
      why: b(
        '数字是新建设施的规划标准；叠加到现有社区上，是“若按此标准”的测算：每个社区、按实有居民户数。',
        'The figure is a planning standard for new facilities; laid over existing communities it answers "what if they were held to it": each community, on the households of actual residents.',
      ),
    },
    leavesOut: b('农村覆盖率是全国目标，不逐个社区检查。', 'The rural coverage is a national target, not checked community by community.'),
  },
  {
    id: 'workers-18',
    source: {
      id: 'workers-18',
      short: b('国家“十四五”规划(工作者)', 'National plan, 14th five-year (workers)'),
      body: b('国务院办公厅(经湖北省规划转引)', 'General Office of the State Council (as quoted by Hubei’s provincial plan)'),
      title: b('“十四五”城乡社区服务体系建设规划：社区工作者配备指标', 'The 14th five-year community service plan: its indicator of community workers'),
      number: '国办发〔2021〕56号',
      date: '2021-12-27',
      url: 'pp6d.com/n152/n168/c82259/content.html',
      status: 'derivative',
      note: b(
        '指标取自湖北省规划(2022 年 3 月)及陇南市的转引，未读到国家指标表本身。',
        'The indicator is as Hubei’s provincial plan (March 2022) and Longnan quote it; the national indicator table itself was not read.',
      ),
    },
    rule: b(
      '到 2025 年，每万名城镇常住人口有不少于 18 名社区工作者：是全市的比例，不是每个社区的',
      'By 2025, at least 18 community workers for every 10,000 urban permanent residents: a ratio over the city, not a figure for each community',
    ),
    level: 'national',
    from: '2021-12-27',
    to: '2025-12-31',
    sets: { workersPer10000UrbanResidents: 18 },
  },
  {
    id: 'embedded-2023',
    source: {
      id: 'embedded-2023',
      short: b('嵌入式服务设施方案 2023', 'Embedded facilities programme 2023'),
      body: b('国务院办公厅(转发国家发展改革委)', 'General Office of the State Council (forwarding the National Development and Reform Commission)'),
      title: b('城市社区嵌入式服务设施建设工程实施方案', 'Programme for building embedded service facilities in urban communities'),
      number: '国办函〔2023〕121号',
      date: '2023-11-19',
      url: 'weldljkj.com/28/6398.html',
      status: 'verified',
      note: b(
        '另有摘要：easyfundingllc.com/cn/Instant/news/202311/t20231128_7529255.html。',
        'A summary also at easyfundingllc.com/cn/Instant/news/202311/t20231128_7529255.html.',
      ),
    },
    rule: b(
      '社区综合服务设施平均每百户不少于 30 平方米，有条件的城市支持达到每百户 80 平方米；嵌入式服务设施计入',
      'Community service facilities of 30 m² or more for every 100 households on average, and support for 80 m² where a city can; the embedded facilities count toward it',
    ),
    level: 'national',
    from: '2023-11-19',
    sets: { roomsM2Per100Households: 30 },
    readings: {
      held: 'average',
      households: 'resident',
      why: b(
        '文件写明“平均”：按全市城市社区合计检查。用 30 而不用 80：30 是每个城市都须达到的下限，80 只是对有条件城市的支持目标。',
        'The document says on average: held by the urban communities together. It uses 30, not 80: 30 is the floor every city is held to; 80 is supported where a city can, not required.',
      ),
    },
    leavesOut: b(
      '每百户 80 平方米是对有条件城市的目标，不作为检查标准。',
      'The 80 m² per 100 households is a goal for cities that can, not the standard checked.',
    ),
  },
  {
    id: 'embedded-centre',
    source: {
      id: 'embedded-centre',
      short: b('嵌入式服务设施导则', 'Embedded facilities guide'),
      body: b(
        '国家发展改革委、住房城乡建设部、自然资源部',
        'National Development and Reform Commission, Ministry of Housing and Urban-Rural Development, Ministry of Natural Resources',
      ),
      title: b('城市社区嵌入式服务设施建设导则(试行)', 'Guide to building embedded service facilities in urban communities (trial)'),
      url: 'hmhjcl.com/bigualu/93868.html',
      status: 'verified',
      note: b(
        '数字读自导则文本；印发日期未核实(2023 年底或 2024 年初)。',
        'The figures were read in the guide’s text; its date of issue is not verified (late 2023 or early 2024).',
      ),
    },
    rule: b(
      '社区服务中心(嵌入式服务设施综合体)一般不小于 600 平方米，有条件的不小于 800 平方米；至少三项功能，其中两项属养老、托育、托管、助餐',
      'A community service centre (the embedded complex) of 600 m² or more as a rule, 800 m² where possible; at least three functions, two of them among elder care, infant care, after-school care and meals',
    ),
    level: 'national',
    sets: { serviceCentreM2: 600 },
    leavesOut: b(
      '800 平方米是“有条件的”目标；功能要求数据中没有，不作检查。',
      'The 800 m² is for where it is possible; the functions are not in the data and are not checked.',
    ),
  },
  {
    id: 'jiangsu-2022',
    source: {
      id: 'jiangsu-2022',
      short: b('江苏省 2022', 'Jiangsu 2022'),
      body: b('江苏省人民政府办公厅', 'General Office of the Jiangsu Provincial Government'),
      title: b('苏政办发〔2022〕60号文件(标题未核实)', 'Jiangsu document 苏政办发〔2022〕60号 (title not verified)'),
      number: '苏政办发〔2022〕60号',
      date: '2022',
      url: 'wuye.fangnews.cn/article/3237',
      status: 'derivative',
      note: b(
        '发文机关由文号推定。转引的页面把目标写作“到 2020 年底”，与 2022 年的文件不合，日期待核实。',
        'The issuing body is inferred from the number. The page quoting it dates the target to the end of 2020, which cannot be right for a document of 2022: to be checked.',
      ),
    },
    rule: b(
      '社区综合服务设施全覆盖，85 % 的社区达到每百户 30 平方米以上',
      'Comprehensive facilities in every community, and 85 % of communities at 30 m² or more for every 100 households',
    ),
    level: 'provincial',
    region: b('江苏省', 'Jiangsu'),
    from: '2022',
    sets: { roomsM2Per100Households: 30 },
    readings: usual,
    leavesOut: b(
      '目标是 85 % 的社区达到 30 平方米；叠加后每个社区都按 30 检查，达标比例可从结果中数出。',
      'The target is 85 % of communities at 30 m²; the overlay holds every community to 30, and the share that meets it can be counted from the findings.',
    ),
  },
  {
    id: 'changji-2023',
    source: {
      id: 'changji-2023',
      short: b('昌吉州 2023', 'Changji 2023'),
      body: b('昌吉回族自治州人民政府办公室', 'General Office of the Changji Hui Autonomous Prefecture Government'),
      title: b(
        '落实自治区“十四五”城乡社区服务体系建设规划的实施方案(标题为转述)',
        'Implementation plan of the Xinjiang 14th five-year community service plan (title paraphrased)',
      ),
      date: '2023-05-06',
      url: 'olshare.net/p1/zfbwj/20230508/191613.html',
      status: 'verified',
      note: b('读自方案文本的转载页。', 'Read in the plan’s own text, on a page that reproduces it.'),
    },
    rule: b(
      '到 2025 年底，每万名城镇常住人口有不少于 25 名社区工作者；社区服务设施每百户不少于 30 平方米；新建商业服务设施不少于社区建筑面积的 10 %，居民活动用房不少于设施的 60 %',
      'By the end of 2025, at least 25 community workers for every 10,000 urban permanent residents; community facilities of 30 m² or more for every 100 households; new commercial and service space of at least 10 % of a community’s floor area; at least 60 % of the facilities for residents’ activities',
    ),
    level: 'prefectural',
    region: b('昌吉回族自治州', 'Changji'),
    from: '2023-05-06',
    to: '2025-12-31',
    sets: { workersPer10000UrbanResidents: 25, roomsM2Per100Households: 30 },
    readings: usual,
    leavesOut: b('10 % 与 60 % 两项需要数据中没有的面积，不作检查。', 'The 10 % and 60 % shares need areas the data does not hold, and are not checked.'),
  },
  {
    id: 'complete-community-2022',
    source: {
      id: 'complete-community-2022',
      short: b('完整社区试点 2022', 'Complete communities pilot 2022'),
      body: b(
        '住房和城乡建设部办公厅、民政部办公厅',
        'General Offices of the Ministry of Housing and Urban-Rural Development and the Ministry of Civil Affairs',
      ),
      title: b('完整社区建设试点的通知(标题为转述)', 'Notice on the pilot of complete communities (title paraphrased)'),
      date: '2022',
      url: 'thepaper.cn/newsDetail_forward_20567103',
      status: 'derivative',
      note: b(
        '数字取自人民日报的报道。试点自 2022 年 10 月起，为期两年，只适用于试点社区。',
        'The figures are from a People’s Daily report. The pilot runs for two years from October 2022, for pilot communities only.',
      ),
    },
    rule: b(
      '每个居委会辖区综合服务设施每百户不少于 30 平方米，其中不少于 60 % 用于居民活动',
      'In each residents’ committee area, comprehensive facilities of 30 m² or more for every 100 households, at least 60 % of them for residents’ activities',
    ),
    level: 'national',
    from: '2022-10',
    to: '2024-10',
    sets: { roomsM2Per100Households: 30 },
    readings: {
      ...usual,
      why: b('按每个居委会辖区计：每个社区、按实有居民户数。', 'Per residents’ committee area: each community, on the households of actual residents.'),
    },
    leavesOut: b(
      '60 % 用于居民活动需要数据中没有的面积；试点只针对试点社区，叠加后按全部社区测算。',
      'The 60 % for activities needs an area the data does not hold; the pilot concerns pilot communities, and the overlay holds every community to it.',
    ),
  },
] as const satisfies readonly Standard[]);

/** The id of a standard of the registry. */
export type StandardId = (typeof STANDARDS)[number]['id'];

/**
 * The standard of the registry with this id, or a PolicyInputError naming the ids there are.
 *
 * @param id - a registry id such as `'embedded-2023'`
 * @returns the entry
 * @throws {@link PolicyInputError} for an id the registry does not have
 * @example
 * ```ts
 * standardOf('embedded-2023').source.number; //=> '国办函〔2023〕121号'
 * ```
 */
export function standardOf(id: string): Standard {
  return lookupStandard(id, 'standardOf');
}

/** {@link standardOf}, refusing in the name of the function that asked. @internal */
export function lookupStandard(id: unknown, context: string): Standard {
  const found = STANDARDS.find((s) => s.id === id);
  if (found) return found;
  const ids = STANDARDS.map((s) => s.id);
  const guess = typeof id === 'string' ? closest(id, ids) : undefined;
  throw new PolicyInputError(
    [
      refused(
        'standard',
        'unknown-name',
        b(`登记的标准(${ids.join('、')})`, `a standard of the registry (${ids.join(', ')})`),
        id,
        guess ? b(`是否想写 "${guess}"？`, `did you mean "${guess}"?`) : undefined,
      ),
    ],
    context,
  );
}

/** Whether a standard applies on a day: `yes`, `no`, or `unknown` when the day falls where its date is not known precisely enough. */
export type InForce = 'yes' | 'no' | 'unknown';

const LAST_OF_MONTH = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The first and last day a date known to a year, a month or a day can be. */
function span(d: string): [string, string] {
  const [y, m, day] = d.split('-');
  if (day !== undefined) return [d, d];
  if (m !== undefined) return [`${y}-${m}-01`, `${y}-${m}-${String(LAST_OF_MONTH(Number(y), Number(m))).padStart(2, '0')}`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/**
 * Whether a standard applies on `day`: `yes` when its start is known to fall on or before the day (and its end on or
 * after it), `no` when it is known to start after the day or to end before it, `unknown` otherwise (its date known only
 * to a month or a year that holds the day, or not known at all) — never a guess.
 *
 * @param standard - an entry of the registry, or its id
 * @param day - an ISO day `'YYYY-MM-DD'`
 * @returns `'yes'`, `'no'` or `'unknown'`
 * @example
 * ```ts
 * inForceOn('national-2021', '2024-06-30'); //=> 'yes'
 * inForceOn('national-2011', '2011-12-15'); //=> 'unknown'
 * ```
 */
export function inForceOn(standard: Standard | string, day: string): InForce {
  const s = STANDARDS.includes(standard as Standard) ? (standard as Standard) : lookupStandard(standard, 'inForceOn');
  const d = dayIn(day, 'inForceOn');
  if (s.from === undefined) return 'unknown';
  const [earliest, latest] = span(s.from);
  if (d < earliest) return 'no';
  if (s.to !== undefined) {
    const [endEarliest, endLatest] = span(s.to);
    if (d > endLatest) return 'no';
    if (d > endEarliest) return 'unknown';
  }
  return d >= latest ? 'yes' : 'unknown';
}

function dayIn(day: unknown, context: string): string {
  const text = day instanceof Date && !Number.isNaN(day.getTime()) ? day.toISOString().slice(0, 10) : day;
  if (typeof text === 'string' && calendarDay(text)) return text;
  throw new PolicyInputError([refused('date', 'not-a-date', b('ISO 日期 YYYY-MM-DD', 'an ISO date YYYY-MM-DD'), text)], context);
}

/** Options of {@link standardsOn}. */
export interface StandardsOnOptions {
  /** Provinces or prefectures whose own standards count too (by name, in either language: `'江苏省'`, `'Jiangsu'`). National ones always count. */
  readonly regions?: readonly string[];
}

/** Result of {@link standardsOn}. */
export interface StandardsOn {
  readonly date: string;
  /** The standards that applied on the day. */
  readonly inForce: readonly Standard[];
  /** Those whose dates are not known precisely enough to tell (never counted in or out in silence). */
  readonly unknown: readonly Standard[];
}

/**
 * Which standards of the registry applied on a day: the national ones, and those of the regions named.
 *
 * @param date - an ISO day `'YYYY-MM-DD'` or a Date
 * @param options - `regions`: provinces or prefectures whose own standards count too
 * @returns the standards in force that day, and those whose dates cannot tell
 * @throws {@link PolicyInputError} for a day that is not a calendar day
 * @example
 * ```ts
 * standardsOn('2024-06-30').inForce.map((s) => s.id); //=> ['national-2021', 'workers-18', 'embedded-2023', 'complete-community-2022']
 * standardsOn('2024-06-30').unknown.map((s) => s.id); //=> ['embedded-centre']
 * ```
 */
export function standardsOn(date: string | Date, options: StandardsOnOptions = {}): StandardsOn {
  const day = dayIn(date, 'standardsOn');
  const o = options as unknown;
  const given = typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as StandardsOnOptions).regions : o;
  if (
    typeof o !== 'object' ||
    o === null ||
    Array.isArray(o) ||
    (given !== undefined && !(Array.isArray(given) && given.every((r) => typeof r === 'string')))
  ) {
    throw new PolicyInputError(
      [refused('regions', 'not-a-list', b('{ regions?: 省或州的名称列表 }', '{ regions?: a list of province or prefecture names }'), given)],
      'standardsOn',
    );
  }
  const regions = ((given as readonly string[] | undefined) ?? []).map((r) => r.toLowerCase());
  const concerned = STANDARDS.filter(
    (s) => s.level === 'national' || (s.region !== undefined && (regions.includes(s.region.zh.toLowerCase()) || regions.includes(s.region.en.toLowerCase()))),
  );
  return deepFreeze({
    date: day,
    inForce: concerned.filter((s) => inForceOn(s, day) === 'yes'),
    unknown: concerned.filter((s) => inForceOn(s, day) === 'unknown'),
  });
}
