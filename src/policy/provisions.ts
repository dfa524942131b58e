/**
 * The clause registry: one entry for every clause of both documents, each
 * summarised in our own words (a short key term of the original may appear
 * as an anchor). Pure data; the links of a quantitative clause (its
 * parameters, rules, Q-ids and readings) come from the provisions that
 * declare it, in `src/provisions/`.
 */

export type { Bilingual } from '../bilingual.js';
import type { Bilingual } from '../bilingual.js';

/** What a clause does: sets a number, gives someone a task, or states a principle. */
export type ProvisionKind = 'quantitative' | 'duty' | 'principle';

/** One clause of Document A (community building) or Document B (drowning prevention). */
export interface Provision {
  /** `'A.3.4'` is section 三(四) of Document A; `'B.3'` is item 三 of Document B; `.0` is a preamble. */
  readonly id: ClauseId;
  readonly document: 'A' | 'B';
  /** The section label as the document writes it, e.g. `'三(四)'`; `'序言'` for a preamble. */
  readonly label: string;
  readonly kind: ProvisionKind;
  readonly title: Bilingual;
  /** What the clause asks, paraphrased. */
  readonly summary: Bilingual;
  /** Parameter paths (see `PARAMETER_REFERENCES`) that hold its numbers. */
  readonly parameters: readonly string[];
  /** Names of the exported rules that compute it. */
  readonly rules: readonly string[];
  /** The ids of the quantitative provisions it contains. */
  readonly quantities: readonly string[];
  /** The readings of the register that resolve its ambiguities. */
  readonly interpretations: readonly string[];
}

type Entry = readonly [id: string, label: string, kind: ProvisionKind, title: readonly [string, string], summary: readonly [string, string]];

/** Every clause of both documents, in document order: id, section label, kind, title and our summary. @internal */
export const ENTRIES = [
  [
    'A.0',
    '序言',
    'principle',
    ['依据与目的', 'Basis and purpose'],
    [
      '依据中央关于城市居委会建设、省里关于城乡社区服务的两份文件，市里就加强城乡社区建设提出本意见。',
      'Following a central document on residents’ committees and a provincial one on community services, the city sets out how it will strengthen urban and rural community building.',
    ],
  ],
  [
    'A.1',
    '一',
    'principle',
    ['指导思想', 'Guiding ideas'],
    [
      '以服务居民为宗旨、以居民自治为方向，整合资源、完善服务网络，把居委会建成功能完善、群众满意的自治组织。',
      'Serve residents, move towards self-governance, pool resources and strengthen service networks, so that residents’ committees become capable self-governing bodies that residents are satisfied with.',
    ],
  ],
  [
    'A.2',
    '二',
    'quantitative',
    ['目标任务', 'Targets'],
    [
      '约用三年(I7：2011至2013年)，使城市社区全部、农村社区九成达到建设标准；城区社居组织基本全覆盖，民主管理、队伍、用房和经费保障同步改善。',
      'Within about three years (I7: 2011–2013), bring all urban and 90 % of rural communities up to standard, cover the urban area with community organisations, and improve democratic management, staff, rooms and funding.',
    ],
  ],
  [
    'A.3',
    '三',
    'principle',
    ['工作举措', 'Measures'],
    [
      '十项举措：社区规模、居委会职能、农村社区、用房与窗口、规范管理、公共服务、市场化服务、志愿服务、党建和民主建设。',
      'Ten measures: community size, committee functions, rural communities, rooms and one-stop windows, management, public services, market services, volunteering, Party building and democracy.',
    ],
  ],
  [
    'A.3.1',
    '三(一)',
    'quantitative',
    ['调整城区社区规模', 'Size of urban communities'],
    [
      '按人口、户数和地域调整社区规模，原则上每个社区约3000户、8000人(“左右”按 I4 的口径)，以道路、河流等自然边界划分。',
      'Resize urban communities by population, households and area: as a rule about 3,000 households and 8,000 people each ("about" per I4), bounded by roads, rivers and similar natural lines.',
    ],
  ],
  [
    'A.3.2',
    '三(二)',
    'duty',
    ['居委会的职能', 'Functions of the residents’ committee'],
    [
      '居委会依法组织居民自治，协助基层政府办好涉及居民利益的社会事务，并指导、监督业主委员会和物业企业等组织；街道(乡镇)要提高社区工作水平。',
      'The residents’ committee organises self-governance, helps the local government with social affairs that touch residents, and guides and supervises owners’ committees, property firms and other organisations; streets and townships must raise the standard of community work.',
    ],
  ],
  [
    'A.3.3',
    '三(三)',
    'quantitative',
    ['推进农村社区建设', 'Rural community building'],
    [
      '先试点后推开，从2011年起每年在30 %的村(组)推行农村社区建设(I2)，使公共、志愿、互助与市场服务相互衔接。',
      'Pilot first, then spread: from 2011, roll rural community building out to 30 % of villages (村/组) a year (I2), with public, volunteer, mutual-aid and market services joined up.',
    ],
  ],
  [
    'A.3.4',
    '三(四)',
    'quantitative',
    ['用房与一站式窗口', 'Rooms and one-stop window'],
    [
      '办公和服务用房原则上每百人 5 m²，集中在一处、标识统一；推行“社区下楼”，可用产权置换或异地重建把用房移到一楼，并设一站式服务窗口。',
      'Office and service rooms: as a rule 5 m² per 100 residents, in one place with uniform signs; move them to the ground floor ("社区下楼"), by property swap or rebuilding elsewhere, and open a one-stop service window.',
    ],
  ],
  [
    'A.3.5',
    '三(五)',
    'principle',
    ['规范管理', 'Orderly management'],
    [
      '由社区党组织牵头设管理协调机构，补上城乡结合部和新小区的管理空白，健全居民自治制度，推广信息化和网格化管理。',
      'A coordinating body led by the community Party organisation; close management gaps on the urban fringe and in new estates; strengthen self-governance rules; use IT and grid-based management.',
    ],
  ],
  [
    'A.3.6',
    '三(六)',
    'duty',
    ['扩大公共服务', 'Public services'],
    [
      '在社区提供就业、救助、医疗救助与慈善、养老、卫生计生、文化教育、安全、法制宣传与法律服务、减灾与应急等公共服务。',
      'Bring public services into communities: employment, social assistance, medical aid and charity, elderly care, health and family planning, culture and education, safety, legal education and legal services, disaster reduction and emergency response.',
    ],
  ],
  [
    'A.3.7',
    '三(七)',
    'principle',
    ['市场化服务', 'Market services'],
    [
      '鼓励社区商业和家庭服务业，简化审批并给予税收扶持；支持社会力量兴办养老和福利机构；推动单位设施向居民开放。',
      'Encourage community shops and household services with simpler approval and tax support; support social providers of elderly-care and welfare institutions; open organisations’ facilities to residents.',
    ],
  ],
  [
    'A.3.8',
    '三(八)',
    'principle',
    ['义务服务', 'Volunteer services'],
    [
      '开展邻里互助和社区志愿服务，动员党员、团员、公务员、教师、学生和退休人员参加，推动城乡社区结对帮扶。',
      'Neighbourly mutual aid and community volunteering, mobilising Party and League members, civil servants, teachers, students and retirees; pair urban with rural communities.',
    ],
  ],
  [
    'A.3.9',
    '三(九)',
    'principle',
    ['社区党组织建设', 'Community Party organisations'],
    [
      '以“三有一化”为重点，按社区规模调整党组织设置，建设社区大党委和活动场所，推动在职党员进社区。',
      'Party building centred on "三有一化": fit Party organisations to community size, build community-wide Party committees and venues, and bring working Party members into communities.',
    ],
  ],
  [
    'A.3.10',
    '三(十)',
    'duty',
    ['居委会民主建设', 'Democracy in the committee'],
    [
      '依法选举居委会并全面推行成员直选；健全居民会议、代表会议和居务、财务公开，保障居民知情、参与、决策和监督的权利。',
      'Elect the committee lawfully, with direct election of members everywhere; hold residents’ and representatives’ meetings and disclose affairs and finances; secure residents’ rights to know, take part, decide and supervise.',
    ],
  ],
  [
    'A.4',
    '四',
    'principle',
    ['保障措施', 'Safeguards'],
    [
      '五项保障：组织领导、工作者队伍、资金投入、“三资”管理和工作合力。',
      'Five safeguards: leadership, the community workforce, funding, management of community money, assets and resources ("三资"), and joint effort.',
    ],
  ],
  [
    'A.4.1',
    '四(一)',
    'duty',
    ['组织领导', 'Leadership'],
    [
      '党委政府统一领导、民政部门组织协调、各部门共同负责；街道(乡镇)是社区建设的主体，其党工委书记为直接责任人；列明的部门和群团组织各尽其责。',
      'Party committees and governments lead, civil affairs coordinates and departments share the work; streets and townships are the main actors, with their Party secretaries directly responsible; the listed departments and people’s organisations each contribute.',
    ],
  ],
  [
    'A.4.2',
    '四(二)',
    'quantitative',
    ['社区工作者队伍', 'Community workforce'],
    [
      '把好社区干部入口，吸引公务员、毕业生和退伍军人；工作人员按实有居民户数(流动人口也算)每 600 户 1 名配备(I3)；加强培训，规范报酬和保险。',
      'Control entry to community posts and attract civil servants, graduates and veterans; staff communities at one worker per 600 households of actual residents, floating population included (I3); train staff and standardise pay and insurance.',
    ],
  ],
  [
    'A.4.3',
    '四(三)',
    'quantitative',
    ['加大社区建设投入', 'Funding'],
    [
      '自2012年起，市财政社区资金每年增加2011年专项与补助资金总额的10 %(I1)；街道(乡镇)每社区每年配套不少于3万元(I8)；落实“费随事转”；开发项目 20 万 m² 及以上配建用房，以下按开发面积的3‰缴用房资金(I5、I6)。',
      'From 2012 the city’s money for communities grows each year by 10 % of the 2011 special-plus-subsidy total (I1); streets and townships add at least 30,000 yuan per community a year (I8); every task handed to a community brings its funding ("费随事转"); developers provide rooms from 200,000 m² and pay 3‰ of the developed area below it (I5, I6).',
    ],
  ],
  [
    'A.4.4',
    '四(四)',
    'duty',
    ['“三资”管理', 'Community money, assets and resources'],
    [
      '市财政设社区建设资金专户，六类资金一律进专户，由财政、民政、审计、监察共同管理；社区的资金、资产和资源交由街道(乡镇)的“三资”服务机构代管。',
      'A special city account receives six kinds of community money and is managed jointly by finance, civil affairs, audit and supervision; communities entrust their money, assets and resources to the street or township "三资" service body.',
    ],
  ],
  [
    'A.4.5',
    '四(五)',
    'duty',
    ['形成工作合力', 'Joint effort'],
    [
      '领导干部和领导组成员单位联系社区，社区建设纳入乡镇街道考核；整合在社区设立的机构，规范面向社区的检查评比，宣传先进典型。',
      'Leaders and member units each keep in touch with communities; community building counts in township and street reviews; merge bodies set up in communities, limit inspections aimed at them, and publicise good examples.',
    ],
  ],
  [
    'B.0',
    '序言',
    'principle',
    ['缘由', 'Occasion'],
    [
      '入夏以来学生溺水虽得到遏制，但近期又有多起伤亡，市政府要求各方立即再加强防溺水工作。',
      'Student drownings had been curbed since early summer, but several recent deaths lead the city government to order every body to step up drowning prevention at once.',
    ],
  ],
  [
    'B.1',
    '一',
    'duty',
    ['宣传教育', 'Publicity'],
    [
      '宣传、广电部门立即开展防溺水宣传(如滚动字幕)，结合“8·5”事故教育学生远离危险水域，尤其在水库泄洪时，且不要私自或结伴下水。',
      'Publicity and radio/TV authorities start drowning-prevention publicity at once (scrolling captions and more), using the "8·5" accident to warn students off dangerous water, above all when the reservoir releases water, and against swimming without an adult.',
    ],
  ],
  [
    'B.2',
    '二',
    'duty',
    ['联系家长', 'Reaching parents'],
    [
      '教育主管部门和中小学校通过家访、电话、短信、家长信等再次联系家长，督促其尽到监护责任。',
      'The education authority and schools contact every family again (home visits, calls, text messages, letters) and remind parents of their duty as guardians.',
    ],
  ],
  [
    'B.3',
    '三',
    'duty',
    ['各部门排查落实', 'Departments re-check their measures'],
    [
      '各部门按政办明电〔2011〕50号逐项复查：水务部门与水库管理处联动，放水时预警并排查危险水域、设警示标志、加强巡查；国土资源部门管好采砂取土取石场所，督促回填或围护废弃坑洼；安监部门指导督促；安监、质监、建设部门整治无证水上游乐场所；公安、交通管理、体育、旅游部门各负其责。',
      'Every department re-checks its measures under the earlier notice 政办明电〔2011〕50号: the water authority works with the reservoir office to warn when water is released, find dangerous waters, post signs and patrol; land resources manages sand, earth and stone pits and has abandoned pits backfilled or fenced; work safety guides and presses others; work safety, quality supervision and construction clear up unlicensed water amusement sites; police, traffic, sports and tourism each do their part.',
    ],
  ],
  [
    'B.4',
    '四',
    'duty',
    ['属地责任与留守儿童', 'Local responsibility and left-behind children'],
    [
      '乡镇、街道和村(居)委会按“属地管理、分级负责”落实措施；组织教职工和志愿者与农村留守儿童结对，使孩子放假在家也有人看护。',
      'Townships, streets and village/residents’ committees carry out the measures under territorial, tiered responsibility, and pair school staff and volunteers with left-behind children in the countryside so they are looked after during holidays.',
    ],
  ],
] as const satisfies readonly Entry[];

/** A clause of either document: `'A.0'` … `'A.4.5'`, `'B.0'` … `'B.4'`. */
export type ClauseId = (typeof ENTRIES)[number][0];
