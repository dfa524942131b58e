/**
 * The provisions that are not numbers, as typed catalogues: the residents'
 * committee's duties (A.3.2), the public-service catalogue (A.3.6) and the six
 * kinds of money of the city's special account (A.4.4). Every entry points at
 * its clause. The bodies and their responsibilities are in ./bodies.ts.
 */
import { PolicyInputError, describeValue, refused } from '../errors.js';
import type { Bilingual } from '../bilingual.js';
import { deepFreeze } from '../policy/parameters.js';
import type { FindingAbout } from '../provisions/declare.js';
import { NINGGUO_2011 } from './ningguo-2011.js';

/** A catalogue entry: an id, its clause, and what it is in both languages. */
export interface CatalogueEntry extends Bilingual {
  readonly id: string;
  readonly clause: string;
}

const entry =
  (clause: string) =>
  (id: string, zh: string, en: string): CatalogueEntry => ({ id, clause, zh, en });
const a32 = entry('A.3.2');
const a36 = entry('A.3.6');

/**
 * The three duties of the residents' committee (A.3.2).
 *
 * @example
 * ```ts
 * committeeDuties.map((d) => d.id); //=> ['self-governance', 'assist-government', 'supervise-organisations']
 * ```
 */
export const committeeDuties: readonly CatalogueEntry[] = /* @__PURE__ */ deepFreeze([
  a32('self-governance', '依法组织居民开展自治活动', 'Organise residents’ self-governance, lawfully'),
  a32(
    'assist-government',
    '协助基层政府办理与居民利益相关的社会事务，使公共服务覆盖整个社区',
    'Help the local government with social affairs that touch residents, so that public services reach the whole community',
  ),
  a32(
    'supervise-organisations',
    '指导和监督业主委员会、业主大会、物业企业等社区内组织，维护居民权益',
    'Guide and supervise owners’ committees and assemblies, property firms and other organisations in the community, protecting residents’ rights',
  ),
]);

/**
 * The public services to be brought into communities (A.3.6).
 *
 * @example
 * ```ts
 * publicServices.length; //=> 9
 * publicServices[0].en; //=> 'Employment services'
 * ```
 */
export const publicServices: readonly CatalogueEntry[] = /* @__PURE__ */ deepFreeze([
  a36('employment', '就业服务', 'Employment services'),
  a36('social-assistance', '社会救助', 'Social assistance'),
  a36('medical-aid-charity', '医疗救助与慈善', 'Medical aid and charity'),
  a36('elderly-care', '养老服务', 'Elderly care'),
  a36('health-family-planning', '卫生和计划生育服务', 'Health and family planning'),
  a36('culture-education', '文化教育', 'Culture and education'),
  a36('safety', '安全服务(警务室、司法行政工作室)', 'Safety (police and justice offices)'),
  a36('legal-education', '法制宣传教育与法律服务', 'Legal education and legal services'),
  a36('disaster-emergency', '综合减灾与应急(传染病、食品安全、灾害事故)', 'Disaster reduction and emergency response (epidemics, food safety, accidents)'),
]);

/** One of the six kinds of money that must go into the city's special account (A.4.4). */
export interface FundSource extends CatalogueEntry {
  /** Words that identify this kind in a ledger entry's source, in either language. */
  readonly keywords: readonly string[];
}

const a44 = (id: string, zh: string, en: string, keywords: string[]): FundSource => ({ id, clause: 'A.4.4', zh, en, keywords });

/**
 * The six kinds of money of the city's community-building special account (A.4.4).
 *
 * @example
 * ```ts
 * fundSources.map((f) => f.id).length; //=> 6
 * ```
 */
export const fundSources: readonly FundSource[] = /* @__PURE__ */ deepFreeze([
  a44('city-special-fund', '市级社区建设专项资金', 'City community-building special fund', ['专项资金', 'special fund']),
  a44('fiscal-subsidy', '财政补助资金', 'Fiscal subsidies', ['财政补助', '补助资金', 'fiscal subsid']),
  a44('developer-room-funds', '开发企业缴纳的社区用房资金', 'Developers’ community-room money', [
    '用房资金',
    '开发企业',
    '开发商',
    'developer',
    'community-room',
  ]),
  a44('fee-follows-task', '“费随事转”资金', 'Funding that follows delegated tasks (费随事转)', ['费随事转', 'fee follows', 'delegated task']),
  a44('higher-level-projects', '向上级争取的社区项目资金', 'Project money won from higher levels of government', [
    '上级',
    '项目资金',
    'higher level',
    'higher-level',
    'project fund',
  ]),
  a44('donations', '社会各界捐助资金', 'Donations from society', ['捐助', '捐赠', '捐款', 'donat']),
]);

/** Words that name the streets' and townships' matching subsidy, in either language. */
const STREET_SUBSIDY: readonly string[] = ['街道配套', '乡镇配套', '配套补助', '街道补助', '乡镇补助', 'matching subsid', 'street subsid', 'township subsid'];

/**
 * Which of the six kinds of special-account money (A.4.4) a ledger entry's
 * source is, by its id or by words in its description.
 *
 * @param source - a kind's id (`'donations'`) or a description such as `'2013年企业捐赠'` or `'developer community-room money'`
 * @returns the kind
 * @throws {@link PolicyInputError} when the source is none of the six kinds, or fits more than one
 * @example
 * ```ts
 * classifyFundSource('2013年企业捐赠').id; //=> 'donations'
 * classifyFundSource('开发商缴纳的用房资金').id; //=> 'developer-room-funds'
 * ```
 */
export function classifyFundSource(source: string): FundSource {
  const allowed = fundSources.map((f) => `${f.id} (${f.zh})`).join(', ');
  if (typeof source !== 'string' || source.trim() === '') {
    throw new PolicyInputError(
      [refused('source', 'not-text', { en: "a description of the money's source", zh: '资金来源的描述' }, source)],
      'classifyFundSource',
    );
  }
  const text = source.trim().toLowerCase();
  const byId = fundSources.find((f) => f.id === text);
  if (byId) return byId;
  // The streets' and townships' matching subsidy (A.4.3) is paid to communities by their street or township: it
  // is not city fiscal money and does not pass through the city's special account, though its name holds 补助资金.
  if (STREET_SUBSIDY.some((k) => text.includes(k))) {
    // The provision it belongs to: the one whose shortfalls are the streets' subsidy still to pay.
    const [provision, kind] = NINGGUO_2011.flatMap((p) =>
      Object.entries(p.findings as Readonly<Record<string, FindingAbout>>).map(([id, f]) => [id, { ...f, clause: p.clause }] as const),
    ).find(([, k]) => k.owed === 'streetSubsidyYuan')!;
    throw new PolicyInputError(
      [
        {
          path: 'source',
          code: 'not-an-option',
          received: describeValue(source),
          message: `${describeValue(source)} is the streets' and townships' matching subsidy (${kind.clause}, ${provision}), paid to communities directly: not one of the six kinds of money of the city's special account (A.4.4)`,
        },
      ],
      'classifyFundSource',
    );
  }
  const matches = fundSources.filter((f) => f.keywords.some((k) => text.includes(k.toLowerCase())));
  if (matches.length === 1) return matches[0]!;
  throw new PolicyInputError(
    [
      {
        path: 'source',
        code: matches.length === 0 ? 'unknown-name' : 'not-an-option',
        received: describeValue(source),
        message:
          matches.length === 0
            ? `${describeValue(source)} is not one of the six kinds of money the special account takes (A.4.4): ${allowed}`
            : `${describeValue(source)} fits more than one kind (${matches.map((m) => m.id).join(', ')}); name one of: ${allowed}`,
      },
    ],
    'classifyFundSource',
  );
}
