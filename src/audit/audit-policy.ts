/**
 * The policy audited against itself: checks K1–K6 of the inventory and the
 * further ones found while encoding the text, each computed by calling the
 * rules with the audited policy's parameters, so that a change of number or
 * reading changes the verdicts. Nothing here is a hard-coded answer.
 */
import type { Decimal } from 'decimal.js';
import { b, type Bilingual } from '../bilingual.js';
import { checkPolicy, extendPolicy, type Policy, type ProvisionList } from '../create-policy.js';
import { isOptions } from '../evaluate/evaluate.js';
import { displayable } from '../display.js';
import { D, ratio } from '../decimal.js';
import { amount } from '../rules/input-amount.js';
import { Checker } from '../rules/input.js';
import { classifyFundSource } from '../policies/catalogues.js';
import { PRESETS, type PresetName } from '../policies/presets.js';
import { STANDARDS, inForceOn } from '../policies/standards.js';
import type { Source } from '../provisions/provision.js';
import type { ExactValue } from '../policy/parameters.js';
import type { Parameters } from '../policies/ningguo-values.js';
import { yiShang, yiXia } from '../rules/statute.js';
import type { InterpretationUse } from '../trace.js';
import { showArea, showCount, showDate, showShare } from '../present/format.js';
import { SOURCE_STATUS } from '../present/words.js';

// The explanations' numbers through the one formatter (3,000 户, 200,000 m², 90 %, 2011年12月31日).
const cnt = (v: unknown): string => showCount(v).text;
const m2 = (v: unknown): string => showArea(v).text;
const pct = (v: unknown): string => showShare(v).text;
/** A rate of the developed area as the text writes it: 0.003 → 3‰. */
const permille = (v: unknown): string => `${new D(String(v)).times(1000).toString()}‰`;
const ROUTE_WORDS = { 'in-kind': b('配建用房', 'rooms in kind'), funds: b('缴纳资金', 'room money') } as const;

/** `consistent`: the provisions agree; `conflict`: they pull apart; `gap`: the text leaves something open. */
export type Verdict = 'consistent' | 'conflict' | 'gap';

/** One finding of {@link auditPolicy}. */
export interface AuditFinding {
  /** `'K1'` … */
  readonly id: string;
  readonly title: Bilingual;
  readonly verdict: Verdict;
  /** The clauses the check sets against each other. */
  readonly clauses: readonly string[];
  /** The numbers behind the verdict. */
  readonly numbers: Readonly<Record<string, Decimal | number | string | boolean>>;
  /** The verdict explained with its numbers. */
  readonly explanation: Bilingual;
  /** Readings the computation relied on. */
  readonly interpretations: readonly InterpretationUse[];
  /** The documents it sets against each other, when they are more than the policy's own (K11: the city's and the national standards). */
  readonly sources?: readonly Source[];
}

/** Assumptions a check needs that the policy does not state. */
export interface AuditAssumptions {
  /** Floor area per household of a development project, m² (K5). Default 100. */
  readonly floorAreaPerHouseholdM2?: number | string | Decimal;
}

/** Options of {@link auditPolicy}: the policy (default: as written) and what a check needs that the text does not say. */
export interface AuditOptions extends AuditAssumptions {
  readonly policy?: Policy<ProvisionList>;
}

/** A check the audited policy cannot carry (it switched off or lacks a provision the check compares), and why. */
export interface AuditNotEvaluated {
  readonly id: string;
  readonly title: Bilingual;
  readonly reason: Bilingual;
}

/** Result of {@link auditPolicy}. */
export interface AuditResult {
  readonly findings: readonly AuditFinding[];
  /** Findings by verdict. */
  readonly counts: Readonly<Record<Verdict, number>>;
  /** Checks not evaluated, with the reason (none for the city's document as written). */
  readonly notEvaluated: readonly AuditNotEvaluated[];
}

type Finding = AuditFinding;

/**
 * The audited policy with a few parameters set otherwise, as the audit's own assumption: laid over it like any
 * document, so that its provisions (and any a user replaced) compute the variant.
 */
function variant(policy: Policy, parameters: Readonly<Record<string, ExactValue>>): Policy {
  const source = { id: 'audit-assumption', body: b('政策自查', 'the self-audit'), title: b('自查所设的假设', 'an assumption of the self-audit') };
  return extendPolicy(policy, { source, parameters } as never) as unknown as Policy;
}

/** Parameter overrides by group (`{ rooms: { m2Per100Households: 20 } }`) as dotted paths. */
const paths = (o: Readonly<Record<string, unknown>>): Record<string, ExactValue> =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? Object.entries(v).map(([l, x]) => [`${k}.${l}`, x as ExactValue]) : [[k, v as ExactValue]],
    ),
  );

function k1(policy: Policy): Finding {
  const t = policy.targets({ year: policy.parameters.baseYear });
  const r = policy.ruralRollout({ year: t.deadlineYear });
  const ok = r.share.gte(t.ruralShare);
  return {
    id: 'K1',
    title: b('农村社区推行进度与农村达标目标', 'Rural rollout against the rural target'),
    verdict: ok ? 'consistent' : 'conflict',
    clauses: ['A.3.3', 'A.2'],
    numbers: { deadlineYear: t.deadlineYear, rolloutShare: r.share, ruralTarget: t.ruralShare },
    explanation: ok
      ? b(
          `到 ${t.deadlineYear} 年底推行比例 ${pct(r.share)} 达到农村目标 ${pct(t.ruralShare)}`,
          `By the end of ${t.deadlineYear} the rollout reaches ${pct(r.share)}, meeting the rural target of ${pct(t.ruralShare)}`,
        )
      : b(
          `到 ${t.deadlineYear} 年底推行比例只有 ${pct(r.share)}，低于农村目标 ${pct(t.ruralShare)}`,
          `By the end of ${t.deadlineYear} the rollout reaches only ${pct(r.share)}, short of the rural target of ${pct(t.ruralShare)}`,
        ),
    interpretations: [...r.interpretations, ...t.interpretations],
  };
}

function k2(policy: Policy): Finding {
  const { households } = policy.parameters.sizing;
  const per = policy.parameters.staffing.householdsPerWorker;
  const s = policy.requiredStaff({ households });
  const remainder = households % per;
  return {
    id: 'K2',
    title: b('标准社区的工作人员数', 'Workers of a standard community'),
    verdict: remainder === 0 ? 'consistent' : 'gap',
    clauses: ['A.3.1', 'A.4.2'],
    numbers: { households, householdsPerWorker: per, staff: s.staff, remainder },
    explanation:
      remainder === 0
        ? b(
            `${cnt(households)} 户正好是 ${cnt(per)} 户的 ${s.staff} 倍：两项标准无需取整即可衔接`,
            `${cnt(households)} households are exactly ${s.staff} × ${cnt(per)}: the two standards fit without rounding`,
          )
        : b(
            `${cnt(households)} 户不是 ${cnt(per)} 户的整数倍(余 ${cnt(remainder)})，原文未说明如何取整，按 I3 得 ${cnt(s.staff)} 名`,
            `${cnt(households)} households are not a whole multiple of ${cnt(per)} (remainder ${cnt(remainder)}); the text does not say how to round, and I3 gives ${cnt(s.staff)}`,
          ),
    interpretations: s.interpretations,
  };
}

function standardRooms(policy: Policy) {
  const { households, residents } = policy.parameters.sizing;
  return policy.serviceRoomArea(policy.parameters.rooms.m2Per100Households === undefined ? { residents } : { households });
}

function k3(policy: Policy): Finding {
  const r = standardRooms(policy);
  // The rates and the standard's counts are validated as positive, so the area is always above 0: the check
  // records the figure the other room checks (K5, K7) start from.
  return {
    id: 'K3',
    title: b('标准社区的用房面积', 'Rooms of a standard community'),
    verdict: 'consistent',
    clauses: ['A.3.1', 'A.3.4'],
    numbers: { households: policy.parameters.sizing.households, residents: policy.parameters.sizing.residents, basis: r.basis, areaM2: r.areaM2 },
    explanation: b(
      `标准社区按${r.basis === 'residents' ? '人口' : '户数'}计需用房 ${m2(r.areaM2)}`,
      `A standard community needs ${m2(r.areaM2)} of rooms (by its ${r.basis === 'residents' ? 'residents' : 'households'})`,
    ),
    interpretations: r.interpretations,
  };
}

function k4(policy: Policy): Finding {
  const threshold = new D(policy.parameters.developer.thresholdM2);
  // 以上 and 以下 include the number itself in statute reading (the statute helpers), whatever the threshold:
  // the clauses always overlap there, and I5 decides which applies.
  const route = policy.developerObligation({ floorAreaM2: threshold }).route;
  return {
    id: 'K4',
    title: b(`开发项目两款在门槛 ${m2(threshold)} 处重叠`, `The two developer clauses overlap at the threshold of ${m2(threshold)}`),
    verdict: 'conflict',
    clauses: ['A.4.3'],
    numbers: { thresholdM2: threshold, inKindClaims: yiShang(threshold, threshold), fundsClaims: yiXia(threshold, threshold), routeAtThreshold: route },
    explanation: b(
      `“以上”与“以下”都包含 ${m2(threshold)} 本数，两款同时适用；按 I5 取“${ROUTE_WORDS[route].zh}”`,
      `以上 and 以下 both include ${m2(threshold)}, so both clauses apply; I5 picks ${ROUTE_WORDS[route].en}`,
    ),
    interpretations: [{ id: 'I5', choice: policy.parameters.developer.boundary }],
  };
}

function k5(policy: Policy, floorAreaPerHousehold: Decimal): Finding {
  const p = policy.parameters;
  const threshold = new D(p.developer.thresholdM2);
  const funds = variant(policy, { 'developer.boundary': 'funds' }).developerObligation({ floorAreaM2: threshold });
  const households = threshold.div(floorAreaPerHousehold);
  const byHouseholds = p.rooms.m2Per100Households !== undefined;
  // In-kind rooms for the project's people: by households, or residents = households × R / H.
  const perUnit = byHouseholds ? standardRooms(policy).areaM2.div(p.sizing.households) : standardRooms(policy).areaM2.div(p.sizing.residents);
  const people = byHouseholds ? households : households.times(p.sizing.residents).div(p.sizing.households);
  const inKind = perUnit.times(people).toSignificantDigits(20);
  const fundsArea = funds.fundsAreaM2!;
  // Break-even floor area per household: rate × f = rooms per household.
  const roomsPerHousehold = byHouseholds ? perUnit : perUnit.times(p.sizing.residents).div(p.sizing.households);
  // With a rate of 0 the money route asks nothing, and no floor area makes it the heavier: no break-even (never Infinity).
  const breakEven = new D(p.developer.fundsRate).isZero() ? undefined : roomsPerHousehold.div(p.developer.fundsRate).toSignificantDigits(20);
  // Decided exactly: in-kind rooms are A × T ÷ (f × H) under either basis (A the standard community's rooms, T the
  // threshold, f the floor area per household, H the standard's households), so compare fundsArea × f × H with A × T.
  const conflict = fundsArea.times(floorAreaPerHousehold).times(p.sizing.households).gt(standardRooms(policy).areaM2.times(threshold));
  return {
    id: 'K5',
    title: b('门槛两侧的负担不连续', 'The burden jumps at the threshold'),
    verdict: conflict ? 'conflict' : 'consistent',
    clauses: ['A.4.3', 'A.3.4', 'A.3.1'],
    numbers: {
      thresholdM2: threshold,
      fundsAreaM2: fundsArea,
      inKindAreaM2: inKind,
      assumedFloorAreaPerHouseholdM2: floorAreaPerHousehold,
      impliedHouseholdSize: ratio(p.sizing.residents, p.sizing.households).value,
      breakEvenFloorAreaPerHouseholdM2: breakEven ?? 'none',
    },
    explanation: conflict
      ? b(
          `在 ${m2(threshold)} 处缴资金相当于 ${m2(fundsArea)}，而按标准配建只需约 ${m2(inKind)}(假设每户 ${m2(floorAreaPerHousehold)})：略小的项目负担反而更重；每户面积超过约 ${m2(breakEven!)} 时都是如此`,
          `At ${m2(threshold)} the money route asks for ${m2(fundsArea)} worth, while rooms by the standard come to about ${m2(inKind)} (assuming ${m2(floorAreaPerHousehold)} per household): a slightly smaller project carries the heavier burden, as it does whenever households average more than about ${m2(breakEven!)}`,
        )
      : b(
          `在 ${m2(threshold)} 处缴资金相当于 ${m2(fundsArea)}，不超过配建的约 ${m2(inKind)}(假设每户 ${m2(floorAreaPerHousehold)})`,
          `At ${m2(threshold)} the money route asks for ${m2(fundsArea)} worth, no more than the about ${m2(inKind)} in kind (assuming ${m2(floorAreaPerHousehold)} per household)`,
        ),
    interpretations: [...funds.interpretations.filter((i) => i.id === 'I6'), { id: 'I9', choice: byHouseholds ? 'households' : 'residents' }],
  };
}

function k6(policy: Policy): Finding {
  const { households, residents } = policy.parameters.sizing;
  const size = ratio(residents, households);
  // Decided on the counts, not on the rounded quotient: 1 ≤ residents ÷ households ≤ 10.
  const plausible = residents >= households && residents <= 10 * households;
  // "=" only when the two decimals shown are the whole value (21 ÷ 8 = 2.625 is shown as ≈ 2.63).
  const eq = size.exact && size.value.eq(size.value.toDecimalPlaces(2)) ? '=' : '≈';
  return {
    id: 'K6',
    title: b('规模标准隐含的户均人口', 'Household size implied by the size guideline'),
    verdict: plausible ? 'consistent' : 'conflict',
    clauses: ['A.3.1'],
    numbers: { residents, households, impliedHouseholdSize: size.value },
    explanation: b(
      `${cnt(residents)} 人 ÷ ${cnt(households)} 户 ${eq} ${size.value.toDecimalPlaces(2)} 人/户${plausible ? '' : '，不在 1 至 10 人的合理范围内'}`,
      `${cnt(residents)} residents ÷ ${cnt(households)} households ${eq} ${size.value.toDecimalPlaces(2)} people per household${plausible ? '' : ', outside a plausible 1–10'}`,
    ),
    interpretations: [],
  };
}

function k7(policy: Policy): Finding {
  const local = standardRooms(policy);
  const { households } = policy.parameters.sizing;
  const national = (name: PresetName) => variant(policy, paths(PRESETS[name])).serviceRoomArea({ households }).areaM2;
  const plan = national('nationalPlan2011');
  const later = national('nationalPlan2021');
  const short = local.areaM2.lt(plan);
  return {
    id: 'K7',
    title: b('用房标准与国家标准', 'Room standard against the national standards'),
    verdict: short ? 'gap' : 'consistent',
    clauses: ['A.3.4'],
    numbers: { localAreaM2: local.areaM2, nationalPlan2011AreaM2: plan, nationalPlan2021AreaM2: later, households },
    explanation: short
      ? b(
          `标准社区按本市标准需 ${m2(local.areaM2)}，低于同年国家规划每百户 20 m² 的 ${m2(plan)}(2021年国家规划新建设施为 ${m2(later)})`,
          `A standard community needs ${m2(local.areaM2)} by the city’s standard, less than the ${m2(plan)} of the national plan of the same year at 20 m² per 100 households (${m2(later)} for new facilities under the national plan of 2021)`,
        )
      : b(`本市标准 ${m2(local.areaM2)} 不低于国家规划的 ${m2(plan)}`, `The city’s ${m2(local.areaM2)} is not below the national plan’s ${m2(plan)}`),
    interpretations: local.interpretations,
  };
}

/** The day a policy is audited on: its own day, or the last day of the year its first document is dated to. */
function auditDay(policy: Policy): string | undefined {
  if (policy.on !== undefined) return policy.on;
  const year = /^(\d{4})/.exec(policy.sources[0]?.date ?? '')?.[1];
  return year === undefined ? undefined : `${year}-12-31`;
}

function k11(policy: Policy): Finding {
  const local = standardRooms(policy);
  const { households, residents } = policy.parameters.sizing;
  const day = auditDay(policy);
  const own = policy.sources[0]!;
  const rooms = STANDARDS.filter((s) => s.level === 'national' && s.sets.roomsM2Per100Households !== undefined);
  const inForce = day === undefined ? [] : rooms.filter((s) => inForceOn(s, day) === 'yes');
  const unsure = day === undefined ? rooms : rooms.filter((s) => inForceOn(s, day) === 'unknown');
  // Each national rate held by a standard community: on its households, whatever the city's basis (an average
  // standard asks the same of one standard community as a per-community one).
  const areas = inForce.map((s) => ({
    s,
    areaM2: variant(policy, { 'rooms.m2Per100Households': s.sets.roomsM2Per100Households! }).serviceRoomArea({ households }).areaM2,
  }));
  const short = areas.filter((a) => local.areaM2.lt(a.areaM2));
  const name = (x: Source, lang: 'zh' | 'en') =>
    lang === 'zh' ? `《${x.title.zh}》${x.number ? `(${x.number})` : ''}` : `${x.title.en}${x.number ? ` (${x.number})` : ''}`;
  const each = (lang: 'zh' | 'en') =>
    areas
      .map(({ s, areaM2 }) =>
        lang === 'zh'
          ? `${name(s.source, 'zh')}每百户 ${s.sets.roomsM2Per100Households} m² 需 ${m2(areaM2)}(${SOURCE_STATUS[s.source.status ?? 'unverified']!.zh})`
          : `${name(s.source, 'en')} at ${s.sets.roomsM2Per100Households} m² per 100 households asks ${m2(areaM2)} (${SOURCE_STATUS[s.source.status ?? 'unverified']!.en})`,
      )
      .join(lang === 'zh' ? '；' : '; ');
  const notSure = unsure.length
    ? b(
        `；日期不足以判断是否适用：${unsure.map((s) => (s.source.short ?? s.source.title).zh).join('、')}`,
        `; whose dates cannot tell whether they applied: ${unsure.map((s) => (s.source.short ?? s.source.title).en).join(', ')}`,
      )
    : b('', '');
  const ownWords = b(
    `${name(own, 'zh')}按 ${local.basis === 'residents' ? `${cnt(residents)} 人` : `${cnt(households)} 户`}需 ${m2(local.areaM2)}`,
    `${name(own, 'en')} asks ${m2(local.areaM2)} (by its ${local.basis === 'residents' ? 'residents' : 'households'})`,
  );
  return {
    id: 'K11',
    title: b('用房标准与同日适用的国家标准', 'Room standard against the national standards in force on the same day'),
    verdict: short.length ? 'conflict' : 'consistent',
    clauses: ['A.3.4'],
    numbers: {
      date: day ?? 'unknown',
      households,
      residents,
      localAreaM2: local.areaM2,
      standards: inForce.map((s) => s.id).join(', ') || 'none',
      ...Object.fromEntries(areas.map(({ s, areaM2 }) => [`${s.id}AreaM2`, areaM2])),
    },
    explanation:
      areas.length === 0
        ? b(
            `${day === undefined ? '(日期未知)' : showDate(day, 'zh').text} 没有已知适用的国家用房标准${notSure.zh}`,
            `No national room standard of the registry is known to apply on ${day ?? '(an unknown day)'}${notSure.en}`,
          )
        : b(
            `${showDate(day!, 'zh').text}：标准社区(${cnt(households)} 户、${cnt(residents)} 人)${ownWords.zh}；${each('zh')}${short.length ? '：本市标准偏低' : '：本市标准不低于国家标准'}${notSure.zh}`,
            `On ${day}, for a standard community of ${cnt(households)} households and ${cnt(residents)} residents, ${ownWords.en}; ${each('en')}${short.length ? ': the city’s standard is lower' : ': the city’s standard is not lower'}${notSure.en}`,
          ),
    interpretations: local.interpretations,
    sources: [own, ...areas.map((a) => a.s.source)],
  };
}

/** The money flows A.4.3 names, in our words. @internal */
export const A43_FLOWS: readonly string[] = ['开发企业缴纳的社区用房资金', '费随事转', '上级项目资金', '社会资本捐助'];

/** K8 over the given flows (A.4.3's by default; a test passes one the catalogue does not know). @internal */
export function k8(flows: readonly string[] = A43_FLOWS): Finding {
  const kinds = flows.map((source) => {
    try {
      return classifyFundSource(source).id;
    } catch {
      return null;
    }
  });
  const missing = flows.filter((_, i) => kinds[i] === null);
  return {
    id: 'K8',
    title: b('投入条款的资金都归入专户', 'Every money flow of the funding clause has a place in the special account'),
    verdict: missing.length === 0 ? 'consistent' : 'gap',
    clauses: ['A.4.3', 'A.4.4'],
    numbers: Object.fromEntries(flows.map((s, i) => [s, kinds[i] ?? 'none'])),
    explanation:
      missing.length === 0
        ? b(
            '四(三)提到的用房资金、“费随事转”、上级项目资金和捐助都属于四(四)专户的六类资金',
            'The room money, 费随事转 funding, higher-level project money and donations of A.4.3 are all among the six kinds of A.4.4',
          )
        : b(`未归入专户的资金：${missing.join('、')}`, `Money with no place in the account: ${missing.join(', ')}`),
    interpretations: [],
  };
}

function k9(policy: Policy): Finding {
  const threshold = new D(policy.parameters.developer.thresholdM2);
  const below = threshold.div(2);
  // No parameter sets a price per m² (the text names none, I6), so below the threshold the rule can give
  // only an area equivalent: a gap under every policy, recorded with its numbers.
  const r = policy.developerObligation({ floorAreaM2: below });
  return {
    id: 'K9',
    title: b(
      `用房资金(开发面积的 ${permille(policy.parameters.developer.fundsRate)})没有单价`,
      `The room money (${permille(policy.parameters.developer.fundsRate)} of the developed area) has no price`,
    ),
    verdict: 'gap',
    clauses: ['A.4.3'],
    numbers: { floorAreaM2: below, fundsAreaM2: r.fundsAreaM2!, amountDetermined: false },
    explanation: b(
      `按开发面积的 ${permille(policy.parameters.developer.fundsRate)} 只能得出 ${m2(r.fundsAreaM2)} 的面积当量，原文未给出折算金额的单价(I6)`,
      `${permille(policy.parameters.developer.fundsRate)} of the developed area gives an area equivalent of ${m2(r.fundsAreaM2)}; the text names no price to turn it into money (I6)`,
    ),
    interpretations: r.interpretations,
  };
}

/** Rollout years until every village is reached, or undefined when the share never gets there. @internal */
export function yearsToFullCoverage(p: Parameters): Decimal | undefined {
  const rate = new D(p.rollout.sharePerYear); // validated: above 0, at most 1
  // Of the villages not yet reached, a share below 1 always leaves some: only a share of 1 reaches them all (in a year).
  if (p.rollout.mode === 'share-of-remaining') return rate.eq(1) ? new D(1) : undefined;
  // Of all villages: the first n with n × rate ≥ 1. The quotient only suggests n; the products decide it exactly.
  let n = new D(1).div(rate).ceil();
  while (rate.times(n.minus(1)).gte(1)) n = n.minus(1);
  while (rate.times(n).lt(1)) n = n.plus(1);
  return n;
}

function k10(policy: Policy): Finding {
  const start = policy.parameters.rollout.startYear;
  const years = yearsToFullCoverage(policy.parameters);
  // Counted, not searched year by year: a year past the last one the rules take (2100) is still a year.
  const fullD = years?.plus(start - 1);
  const full = fullD === undefined ? undefined : fullD.lte(Number.MAX_SAFE_INTEGER) ? fullD.toNumber() : fullD;
  return {
    id: 'K10',
    title: b('农村社区全覆盖的年份', 'When the rural rollout covers every village'),
    verdict: full === undefined ? 'gap' : 'consistent',
    clauses: ['A.3.3'],
    numbers: { startYear: start, fullCoverageYear: full ?? 'never' },
    explanation:
      full === undefined
        ? b(
            '按此口径推行比例永远达不到 100 %，“全覆盖工程”没有完成之年',
            'Under this reading the share never reaches 100 %: the full-coverage programme has no end',
          )
        : b(`${full} 年底推行到全部村(组)`, `Every village is reached by the end of ${full}`),
    interpretations: [{ id: 'I2', choice: policy.parameters.rollout.mode }],
  };
}

/** An audit in one line, for Node's console. */
const sayAudit = (o: Record<string, unknown>): string => `AuditResult { ${(o.findings as AuditFinding[]).map((f) => `${f.id}: ${f.verdict}`).join(', ')} }`;

/**
 * Audit the policy against itself and the national standards: checks K1–K11, each computed by calling the
 * rules with `policy`'s parameters, so another number or reading gives other
 * verdicts.
 *
 * - K1 rural rollout by the deadline against the rural target (A.3.3, A.2)
 * - K2 workers of a standard community (A.3.1, A.4.2)
 * - K3 rooms of a standard community (A.3.1, A.3.4)
 * - K4 overlap of the developer clauses at the threshold (A.4.3)
 * - K5 the jump in developers' burden at the threshold (A.4.3)
 * - K6 household size implied by 3,000 households / 8,000 residents (A.3.1)
 * - K7 the room standard against the national standards (A.3.4)
 * - K8 every money flow of A.4.3 has a place among the six kinds of A.4.4
 * - K9 the 3‰ room money has no price (A.4.3, I6)
 * - K10 the year the rollout covers every village (A.3.3, I2)
 * - K11 the room standard against the national standards of the registry in force on the policy's day (its
 *   `on`, or the last day of its document's year), each with its source
 *
 * @param options - `policy` (default: the policy as written) and `floorAreaPerHouseholdM2`, what K5 needs that the text does not say (default 100 m²). The form before 0.2, `auditPolicy(policy, assumptions)`, is still taken (deprecated)
 * @param assumptions - with a policy as the first argument only (deprecated form)
 * @returns the findings and their counts by verdict
 * @throws {@link PolicyInputError} when `policy` is not a policy or an assumption is invalid
 * @example
 * ```ts
 * auditPolicy().findings.find((f) => f.id === 'K1')?.verdict; //=> 'consistent'
 * auditPolicy({ policy: createPolicy({ rollout: { mode: 'share-of-remaining' } }) }).findings[0].numbers.rolloutShare.toString(); //=> '0.657'
 * ```
 */
export function auditPolicy(options?: AuditOptions | Policy<ProvisionList>, assumptions: AuditAssumptions = {}): AuditResult {
  // The form before 0.2: auditPolicy(policy, assumptions), or auditPolicy(undefined, assumptions). Anything else but
  // an options object is refused as a policy would have been.
  const old = !isOptions(options, ['policy', 'floorAreaPerHouseholdM2']);
  const audited = checkPolicy(old ? options : (options as AuditOptions).policy, 'auditPolicy');
  const c = new Checker('auditPolicy');
  const o = old ? c.object(assumptions, ['floorAreaPerHouseholdM2']) : c.object(options, ['policy', 'floorAreaPerHouseholdM2']);
  const f = o.floorAreaPerHouseholdM2 === undefined ? new D(100) : amount(c, o.floorAreaPerHouseholdM2, 'floorAreaPerHouseholdM2');
  if (c.issues.length === 0 && f.isZero()) c.refuse('floorAreaPerHouseholdM2', 'out-of-range', { en: 'a floor area above 0', zh: '大于 0 的建筑面积' }, 0);
  c.done();
  // Each check with the rules it compares: a policy that lacks one (switched off, or a list without it) has the check not evaluated, with the reason.
  const checks: readonly [string, Bilingual, readonly string[], (p: Policy) => Finding][] = [
    ['K1', b('农村社区推行进度与农村达标目标', 'Rural rollout against the rural target'), ['targets', 'ruralRollout'], k1],
    ['K2', b('标准社区的工作人员', 'Workers of a standard community'), ['communitySize', 'requiredStaff'], k2],
    ['K3', b('标准社区的用房', 'Rooms of a standard community'), ['communitySize', 'serviceRoomArea'], k3],
    ['K4', b('开发项目两款在门槛处的重叠', 'The developer clauses at the threshold'), ['developerObligation'], k4],
    ['K5', b('门槛处开发企业负担的跳变', 'The jump in developers’ burden at the threshold'), ['developerObligation', 'serviceRoomArea'], (p) => k5(p, f)],
    ['K6', b('标准规模隐含的户均人口', 'Household size implied by the standard size'), ['communitySize'], k6],
    ['K7', b('用房标准与国家标准', 'Room standard against the national standards'), ['communitySize', 'serviceRoomArea'], k7],
    ['K8', b('资金来源的归类', 'Every money flow has a kind'), [], () => k8()],
    ['K9', b('3‰ 用房资金没有单价', 'The 3‰ room money has no price'), ['developerObligation'], k9],
    ['K10', b('农村推行覆盖全部村(组)之年', 'The year the rollout covers every village'), ['ruralRollout'], k10],
    ['K11', b('用房标准与同日适用的国家标准', 'Room standard against the national standards of the same day'), ['communitySize', 'serviceRoomArea'], k11],
  ];
  const findings: Finding[] = [];
  const notEvaluated: AuditNotEvaluated[] = [];
  const has = (name: string) => audited.provisions.some((p) => Object.hasOwn(p.rules, name));
  for (const [id, title, needs, run] of checks) {
    const missing = needs.filter((name) => !has(name));
    if (missing.length === 0) findings.push(run(audited as unknown as Policy));
    else {
      const gone = audited.removed.filter((r) => missing.some((name) => r.rules.includes(name)));
      const reason = gone.length
        ? b(
            `所比较的条款已停用：${gone.map((r) => `${r.clause}(${r.reason.zh})`).join('；')}`,
            `a provision it compares is switched off: ${gone.map((r) => `${r.clause} (${r.reason.en})`).join('; ')}`,
          )
        : b(`政策中没有所比较的规则 ${missing.join('、')}`, `the policy has no ${missing.join(', ')} to compare`);
      notEvaluated.push({ id, title, reason });
    }
  }
  const counts = { consistent: 0, conflict: 0, gap: 0 };
  for (const x of findings) counts[x.verdict]++;
  return displayable('audit', { findings, counts, notEvaluated }, undefined, sayAudit);
}
