/**
 * The departments, organisations and local bodies that the two documents give
 * work to (A.4.1, A.4.3, A.4.4, A.3.2, B.1–B.4), with their duties, and
 * look-ups both ways: what must this body do, who must act on this matter.
 */
import { PolicyInputError, describeValue, refused } from '../errors.js';
import { closest, distance, nearEnough } from './names.js';
import { deepFreeze } from './parameters.js';
import type { Bilingual } from './provisions.js';

/** A matter that bodies must act on, with the words that name it. */
export interface Topic {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** Words in a question that point at this matter, in either language. */
  readonly keywords: readonly string[];
}

/** One duty of one body. */
export interface Duty extends Bilingual {
  readonly clause: string;
  /** Topic ids the duty concerns. */
  readonly topics: readonly string[];
}

/** A department, organisation or local body named in the documents. */
export interface Body {
  readonly id: string;
  /** The name as the documents use it. */
  readonly zh: string;
  readonly en: string;
  /** Other names people use for it (short and long forms). */
  readonly aliases: readonly string[];
  readonly kind: 'leadership' | 'department' | 'organisation' | 'local' | 'people';
  readonly duties: readonly Duty[];
}

const t = (id: string, zh: string, en: string, keywords: string[]): Topic => ({ id, zh, en, keywords });

/**
 * The matters that {@link actorsFor} answers for.
 *
 * @example
 * ```ts
 * topics.find((x) => x.id === 'quarry-pit')?.zh; //=> '采砂取土取石场所与废弃坑洼'
 * ```
 */
export const topics: readonly Topic[] = /* @__PURE__ */ deepFreeze([
  t('community-building', '社区建设', 'Community building', ['社区建设', 'community building']),
  t('community-services', '社区服务', 'Community services', ['社区服务', 'community service']),
  t('community-funds', '社区资金与“三资”', 'Community money, assets and resources', ['专户', '三资', '资金管理', 'special account', 'community money']),
  t('street-subsidy', '街道(乡镇)配套补助', 'Street and township matching subsidy', ['配套补助', 'matching subsidy']),
  t('developer-rooms', '开发企业提供社区用房', 'Developers’ community rooms', ['开发企业', '开发商', '用房资金', '前置审批', 'developer']),
  t('drowning-prevention', '防溺水', 'Drowning prevention', ['溺水', '游泳', 'drown', 'swim']),
  t('publicity', '宣传报道', 'Publicity', ['宣传', '滚动字幕', '报道', 'publicity', 'broadcast', 'caption']),
  t('family-contact', '联系家长', 'Reaching parents', ['家访', '家长', '短信', 'parent', 'home visit', 'family']),
  t('reservoir-release', '水库开闸放水', 'Reservoir releasing water', ['水库', '放水', '泄洪', '开闸', 'reservoir', 'releas']),
  t('dangerous-waters', '危险水域与巡查', 'Dangerous waters and patrols', ['危险水域', '河段', '巡查', 'dangerous water', 'patrol', 'river']),
  t('warning-signs', '警示标志与防护', 'Warning signs and barriers', ['警示', '防护措施', 'warning sign', 'barrier']),
  t('quarry-pit', '采砂取土取石场所与废弃坑洼', 'Quarries, sand and earth pits, abandoned pits', [
    '采砂',
    '取土',
    '取石',
    '坑洼',
    '矿山',
    'quarry',
    'pit',
    'sand',
  ]),
  t('water-amusement', '无证水上游乐场所', 'Unlicensed water amusement sites', ['水上游乐', '游乐场', 'amusement']),
  t('left-behind-children', '农村留守儿童', 'Left-behind children', ['留守', '放假', '暑假', '结对', 'left-behind', 'holiday']),
]);

const d = (clause: string, topicIds: string[], zh: string, en: string): Duty => ({ clause, topics: topicIds, zh, en });
type B = Body;
const body = (id: string, zh: string, en: string, kind: B['kind'], aliases: string[], duties: Duty[]): B => ({ id, zh, en, kind, aliases, duties });

const SERVICES_A41 = d(
  'A.4.1',
  ['community-building', 'community-services'],
  '围绕职责促进社区建设和社区服务发展',
  'Advance community building and services within its remit',
);
const ORGS_A41 = d('A.4.1', ['community-services'], '参与社区服务工作', 'Take part in community services');
const DROWNING_B3 = d(
  'B.3',
  ['drowning-prevention'],
  '按政办明电〔2011〕50号逐项复查防溺水措施，履行职责、及时消除隐患',
  'Re-check its drowning-prevention measures under notice 政办明电〔2011〕50号, do its part and remove hazards promptly',
);
const AMUSEMENT_B3 = d('B.3', ['water-amusement', 'drowning-prevention'], '重点整治无证水上游乐场所', 'Clear up unlicensed water amusement sites');

/**
 * Every body the two documents give work to.
 *
 * @example
 * ```ts
 * bodies.find((b) => b.id === 'water')?.aliases; //=> ['水务局', '水务', '市水务局']
 * ```
 */
export const bodies: readonly Body[] = /* @__PURE__ */ deepFreeze([
  body(
    'party-government',
    '党委政府',
    'Party committees and governments',
    'leadership',
    ['党委', '政府', '市委市政府', '市政府'],
    [d('A.4.1', ['community-building'], '统一领导社区建设', 'Lead community building as a whole')],
  ),
  body(
    'civil-affairs',
    '民政部门',
    'Civil affairs',
    'department',
    ['民政局', '民政', '市民政局'],
    [
      d('A.4.1', ['community-building'], '组织协调社区建设', 'Organise and coordinate community building'),
      d('A.4.3', ['developer-rooms'], '与规划部门一起对开发项目实行“前置审批”', 'With the planning authority, vet property projects in advance ("前置审批")'),
      d('A.4.4', ['community-funds'], '与财政、审计、监察共同管理社区建设资金专户', 'Manage the special account with finance, audit and supervision'),
    ],
  ),
  body(
    'street-township',
    '街道(乡镇)',
    'Streets and townships',
    'local',
    ['街道', '乡镇', '街道办事处', '乡镇人民政府', '乡、镇、街道', '各乡镇街道'],
    [
      d(
        'A.3.2',
        ['community-building'],
        '采取措施提高社区工作水平，强化居委会职能',
        'Raise the standard of community work and strengthen the residents’ committees',
      ),
      d('A.4.1', ['community-building'], '作为社区建设的主体承担责任', 'Carry community building as its main actor'),
      d('A.4.3', ['street-subsidy'], '按每个社区每年不低于3万元给予配套补助', 'Pay each community a matching subsidy of at least 30,000 yuan a year'),
      d(
        'A.4.4',
        ['community-funds'],
        '设立“三资”服务机构，代管社区的资金、资产和资源',
        'Run the "三资" service body that manages communities’ money, assets and resources for them',
      ),
      d('B.4', ['drowning-prevention'], '按属地管理、分级负责落实防溺水措施', 'Carry out drowning prevention under territorial, tiered responsibility'),
      d(
        'B.4',
        ['left-behind-children'],
        '组织教职工和志愿者与农村留守儿童结对，放假期间也有人看护',
        'Pair school staff and volunteers with left-behind children so they are looked after in the holidays',
      ),
    ],
  ),
  body(
    'street-party-secretary',
    '街道(乡镇)党工委书记',
    'Party secretary of the street or township',
    'people',
    ['党工委书记', '乡镇党委书记'],
    [d('A.4.1', ['community-building'], '履行社区建设直接责任人的职责', 'Answer directly for community building')],
  ),
  body('development-reform', '发展改革部门', 'Development and reform', 'department', ['发展改革', '发改委', '发改局'], [SERVICES_A41]),
  body(
    'education',
    '教育主管部门',
    'Education authority',
    'department',
    ['教育局', '教育体育', '教育体育局', '教体局', '教育部门'],
    [
      SERVICES_A41,
      d(
        'B.2',
        ['family-contact', 'drowning-prevention'],
        '通过家访、电话、短信、家长信等再次联系家长，督促其尽到监护责任',
        'Contact families again by home visits, calls, text messages and letters, and remind parents of their duty as guardians',
      ),
    ],
  ),
  body('public-security', '公安部门', 'Public security (police)', 'department', ['公安局', '公安', '派出所'], [SERVICES_A41, DROWNING_B3]),
  body('justice', '司法部门', 'Justice', 'department', ['司法局', '司法'], [SERVICES_A41]),
  body(
    'finance',
    '财政部门',
    'Finance',
    'department',
    ['财政局', '财政', '市财政'],
    [
      SERVICES_A41,
      d('A.4.3', ['community-funds'], '自2012年起按2011年总额的10 %逐年增加社区资金', 'From 2012, raise community money each year by 10 % of the 2011 total'),
      d('A.4.4', ['community-funds'], '设立社区建设资金专户，并参与统一管理', 'Set up the special community-building account and take part in managing it'),
    ],
  ),
  body('human-resources', '人社部门', 'Human resources and social security', 'department', ['人社局', '人社', '人力资源和社会保障局'], [SERVICES_A41]),
  body('environment', '环保部门', 'Environmental protection', 'department', ['环保局', '环保'], [SERVICES_A41]),
  body(
    'housing-construction',
    '住建部门',
    'Housing and urban–rural construction',
    'department',
    ['住建委', '市住建委', '住建局', '住建', '住房和城乡建设委员会'],
    [
      SERVICES_A41,
      d(
        'A.4.3',
        ['developer-rooms', 'community-funds'],
        '足额征收开发项目3‰的社区用房资金并缴入专户；牵头清理开发企业应提供的社区用房',
        'Collect the 3‰ community-room money in full into the special account; lead the clean-up of rooms developers owe',
      ),
    ],
  ),
  body('culture-broadcasting', '文化广播部门', 'Culture and broadcasting', 'department', ['文化广播', '文广局', '文化局'], [SERVICES_A41]),
  body('health', '卫生部门', 'Health', 'department', ['卫生局', '卫生'], [SERVICES_A41]),
  body('family-planning', '计生部门', 'Family planning', 'department', ['计生委', '计生', '人口计生委'], [SERVICES_A41]),
  body('industry-commerce', '工商部门', 'Industry and commerce', 'department', ['工商局', '工商'], [SERVICES_A41]),
  body('trade-union', '工会', 'Trade unions', 'organisation', ['总工会'], [ORGS_A41]),
  body('youth-league', '共青团', 'Communist Youth League', 'organisation', ['团委', '团市委'], [ORGS_A41]),
  body('womens-federation', '妇联', 'Women’s Federation', 'organisation', ['妇女联合会'], [ORGS_A41]),
  body('disabled-federation', '残联', 'Disabled Persons’ Federation', 'organisation', ['残疾人联合会'], [ORGS_A41]),
  body('ageing', '老龄组织', 'Committee on ageing', 'organisation', ['老龄', '老龄委', '老龄办'], [ORGS_A41]),
  body('charity', '慈善组织', 'Charity federation', 'organisation', ['慈善', '慈善会', '慈善总会'], [ORGS_A41]),
  body('science-association', '科协', 'Association for Science and Technology', 'organisation', ['科学技术协会'], [ORGS_A41]),
  body(
    'planning',
    '规划部门',
    'Planning',
    'department',
    ['规划局', '规划'],
    [d('A.4.3', ['developer-rooms'], '与民政部门一起对开发项目实行“前置审批”', 'With civil affairs, vet property projects in advance ("前置审批")')],
  ),
  body(
    'audit',
    '审计部门',
    'Audit',
    'department',
    ['审计局', '审计'],
    [d('A.4.4', ['community-funds'], '参与统一管理社区建设资金专户', 'Take part in managing the special account')],
  ),
  body(
    'supervision',
    '监察部门',
    'Supervision',
    'department',
    ['监察局', '监察'],
    [d('A.4.4', ['community-funds'], '参与统一管理社区建设资金专户', 'Take part in managing the special account')],
  ),
  body(
    'community-office',
    '市社区建设办公室',
    'City community-building office',
    'department',
    ['社区建设办公室', '社区办'],
    [d('A.4.4', ['community-funds'], '把六类社区资金一律划入专户', 'Put all six kinds of community money into the special account')],
  ),
  body(
    'community-committees',
    '村(居)委会',
    'Village and residents’ committees',
    'local',
    ['居委会', '社区居委会', '居民委员会', '村委会', '村民委员会', '社区居民委员会'],
    [
      d(
        'A.3.2',
        ['community-building'],
        '组织居民自治，协助政府办理居民事务，指导监督业委会和物业企业',
        'Organise self-governance, help the government with residents’ affairs, and guide and supervise owners’ committees and property firms',
      ),
      d(
        'A.4.4',
        ['community-funds'],
        '把收支和资产资源的处置交给街道(乡镇)的“三资”服务机构代办',
        'Entrust its money, assets and resources to the street or township "三资" service body',
      ),
      d(
        'B.4',
        ['drowning-prevention', 'left-behind-children'],
        '按属地管理落实防溺水措施，关爱监护农村留守儿童',
        'Carry out drowning prevention locally and look after left-behind children',
      ),
    ],
  ),
  body(
    'publicity',
    '宣传部门',
    'Publicity',
    'department',
    ['宣传部', '宣传'],
    [
      d(
        'B.1',
        ['publicity', 'drowning-prevention'],
        '立即开展防溺水宣传，结合“8·5”事故警示学生远离危险水域',
        'Start drowning-prevention publicity at once, using the "8·5" accident to warn students off dangerous water',
      ),
    ],
  ),
  body(
    'radio-tv',
    '广电部门',
    'Radio and television',
    'department',
    ['广电局', '广电', '广播电视局'],
    [
      d(
        'B.1',
        ['publicity', 'drowning-prevention', 'reservoir-release'],
        '用滚动字幕等形式报道游泳知识和防护教育，提醒水库泄洪等危险时段',
        'Report on swimming safety by scrolling captions and other means, warning of dangerous times such as reservoir releases',
      ),
    ],
  ),
  body(
    'schools',
    '中小学校',
    'Primary and secondary schools',
    'local',
    ['学校', '中小学', '各中小学校'],
    [
      d(
        'B.2',
        ['family-contact', 'drowning-prevention'],
        '通过家访、电话、短信、家长信再次联系家长',
        'Contact families again by home visits, calls, text messages and letters',
      ),
      d('B.4', ['left-behind-children'], '教职工与农村留守儿童结对帮扶', 'Staff pair up with left-behind children'),
    ],
  ),
  body(
    'water',
    '水务部门',
    'Water authority',
    'department',
    ['水务局', '水务', '市水务局'],
    [
      d('B.3', ['reservoir-release'], '与水库管理处衔接，开闸放水时及时发布预警', 'Work with the reservoir office and warn in time when the gates open'),
      d(
        'B.3',
        ['dangerous-waters', 'warning-signs'],
        '排查危险水域，设立警示标志，加强重点时段和河段巡查',
        'Find dangerous waters, post warning signs, patrol key times and stretches of river',
      ),
    ],
  ),
  body(
    'reservoir-office',
    '水库管理处',
    'Reservoir management office',
    'department',
    ['库管理处', '港口湾水库管理处'],
    [d('B.3', ['reservoir-release'], '开闸放水前与水务部门衔接，以便及时预警', 'Keep the water authority informed of releases so warnings go out in time')],
  ),
  body(
    'land-resources',
    '国土资源部门',
    'Land and resources',
    'department',
    ['国土资源局', '国土局', '国土'],
    [
      d(
        'B.3',
        ['quarry-pit', 'warning-signs'],
        '管好采砂、取土、取石场所的安全；督促企业回填闭坑矿山留下的坑洼，无法回填的设警示和防护',
        'Keep sand, earth and stone pits safe; have firms backfill pits left by closed mines, or sign and fence those that cannot be filled',
      ),
    ],
  ),
  body(
    'work-safety',
    '安监部门',
    'Work safety',
    'department',
    ['安监局', '安监', '安全生产监督管理局'],
    [
      d(
        'B.3',
        ['drowning-prevention', 'warning-signs'],
        '指导防溺水工作，督促有关部门在危险区域设警示和防护',
        'Guide drowning prevention and press departments to sign and fence danger zones',
      ),
      AMUSEMENT_B3,
    ],
  ),
  body('quality-supervision', '质监部门', 'Quality supervision', 'department', ['质监局', '质监', '质量技术监督局'], [AMUSEMENT_B3]),
  body('construction', '建设部门', 'Construction', 'department', ['建设局', '建设'], [AMUSEMENT_B3]),
  body('traffic', '交通管理部门', 'Traffic administration', 'department', ['交通局', '交通部门', '交通管理'], [DROWNING_B3]),
  body('sports', '体育部门', 'Sports', 'department', ['体育局', '体育'], [DROWNING_B3]),
  body('tourism', '旅游部门', 'Tourism', 'department', ['旅游局', '旅游'], [DROWNING_B3]),
  body('all-departments', '各有关部门', 'Every department concerned', 'department', ['有关部门', '各部门'], [DROWNING_B3]),
  body(
    'parents',
    '家长',
    'Parents and guardians',
    'people',
    ['监护人', 'guardian'],
    [d('B.2', ['family-contact', 'drowning-prevention'], '履行监护人的安全教育和看管职责', 'Teach safety and supervise their children as guardians')],
  ),
  body(
    'volunteers',
    '社会志愿者',
    'Volunteers',
    'people',
    ['志愿者', 'volunteer'],
    [d('B.4', ['left-behind-children'], '与农村留守儿童结对帮扶', 'Pair up with left-behind children')],
  ),
]);

const norm = (s: string) => s.trim().toLowerCase().replace(/[（]/g, '(').replace(/[）]/g, ')');
const namesOf = (b: Body) => [b.id, b.zh, b.en, ...b.aliases].map(norm);

/** A body's duties, as {@link dutiesOf} returns them. */
export interface DutiesAnswer {
  readonly body: Body;
  readonly duties: readonly Duty[];
}

/**
 * What a body must do under the two documents. The name may be the one the
 * documents use, a common short or long form (水务部门 / 水务局), the English
 * name or the id.
 *
 * @param name - a body's name, alias or id
 * @returns the body and its duties, each with its clause
 * @throws {@link PolicyInputError} for a body the documents do not name, listing close matches
 * @example
 * ```ts
 * dutiesOf('水务局').duties.map((x) => x.clause); //=> ['B.3', 'B.3']
 * dutiesOf('Water authority').body.id; //=> 'water'
 * ```
 */
export function dutiesOf(name: string): DutiesAnswer {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new PolicyInputError([refused('name', 'not-text', { en: 'the name of a department or body', zh: '部门或机构的名称' }, name)], 'dutiesOf');
  }
  const key = norm(name);
  const found = bodies.find((b) => namesOf(b).includes(key));
  if (found) return { body: found, duties: found.duties };
  // Each body by the nearest of its names that could be what was meant (see nearEnough), within a third of the name.
  const limit = Math.max(1, Math.floor(key.length / 3));
  const scored = bodies.map((b) => {
    const near = namesOf(b)
      .map((n) => ({ n, d: distance(key, n, limit) }))
      .filter(({ n, d }) => d <= limit && nearEnough(key, n, d));
    return { b, score: near.reduce((least, { d }) => Math.min(least, d), Infinity) };
  });
  const near = scored
    .filter((s) => s.score <= limit)
    .sort((x, y) => x.score - y.score)
    .slice(0, 3);
  const hint = near.length
    ? `did you mean ${near.map((s) => `${s.b.zh} (${s.b.en})`).join(', ')}?`
    : `known bodies include ${bodies
        .slice(0, 6)
        .map((b) => b.zh)
        .join(', ')} …`;
  throw new PolicyInputError(
    [
      {
        path: 'name',
        code: 'unknown-name',
        received: describeValue(name),
        message: `no body called ${describeValue(name)} is named in the documents; ${hint}`,
      },
    ],
    'dutiesOf',
  );
}

/** One body that must act on a matter, as {@link actorsFor} returns it. */
export interface Actor {
  readonly body: Body;
  /** Its duties on the matter. */
  readonly duties: readonly Duty[];
}

/**
 * Who must act on a matter or event, and how: e.g. the reservoir releasing
 * water, a left-behind child in the summer holiday, a quarry pit. The question
 * may be a topic id or words in Chinese or English.
 *
 * @param question - a topic id (`'quarry-pit'`) or a description (`'水库开闸放水'`, `'a left-behind child in the summer holiday'`)
 * @returns the bodies with their duties on the matters the question names, in the documents' order
 * @throws {@link PolicyInputError} when the question names no matter the documents deal with
 * @example
 * ```ts
 * actorsFor('the reservoir is releasing water').map((a) => a.body.id); //=> ['radio-tv', 'water', 'reservoir-office']
 * actorsFor('quarry-pit').map((a) => a.body.id); //=> ['land-resources']
 * ```
 */
export function actorsFor(question: string): Actor[] {
  if (typeof question !== 'string' || question.trim() === '') {
    throw new PolicyInputError([refused('question', 'not-text', { en: 'a topic id or a description', zh: '事项编号或描述' }, question)], 'actorsFor');
  }
  const q = norm(question);
  const hit = topics.filter((x) => x.id === q || x.keywords.some((k) => q.includes(k.toLowerCase())));
  if (hit.length === 0) {
    const guess = closest(
      q,
      topics.map((x) => x.id),
    );
    throw new PolicyInputError(
      [
        {
          path: 'question',
          code: 'unknown-name',
          received: describeValue(question),
          message: `${describeValue(question)} names no matter the documents deal with${guess ? ` (did you mean '${guess}'?)` : ''}; topics: ${topics.map((x) => `${x.id} (${x.zh})`).join(', ')}`,
        },
      ],
      'actorsFor',
    );
  }
  // The most specific matters win: drop a broad one when a narrower one also matched.
  const ids = new Set(hit.map((x) => x.id));
  if (ids.size > 1) ids.delete('drowning-prevention');
  return bodies.map((b) => ({ body: b, duties: b.duties.filter((x) => x.topics.some((id) => ids.has(id))) })).filter((a) => a.duties.length > 0);
}
