/**
 * The standards of the registry laid over a policy. A standard that sets a
 * number a provision of the city already has (the room area per 100
 * households) sets that provision's parameters; one that needs a check the
 * city's list lacks brings a provision of its own: the city's average room
 * area (held by the urban communities together), the workers per 10,000
 * urban residents (a ratio over the city), the size of a community's service
 * centre. Each is judged on exact numbers; data that is missing leaves a
 * verdict unknown, never 0.
 */
import { b, type Bilingual } from '../bilingual.js';
import { checkPolicy, createPolicy, extendPolicy, type Policy, type PolicyChanges, type ProvisionList } from '../create-policy.js';
import { PolicyInputError, refused } from '../errors.js';
import type { PolicyCore, Provision } from '../provisions/provision.js';
import { defineProvision } from '../provisions/provision.js';
import { formulaCheck } from '../formula/check.js';
import { add, and, atLeast, c, checkFormula, div, divRounded, eq, field, ge, gt, mul, param, reading, sub, when } from '../formula/build.js';
import { aggregateFormulaCheck } from '../formula/city.js';
import type { InterpretationUse } from '../trace.js';
import {
  STANDARD_READINGS,
  inForceOn,
  lookupStandard,
  standardOf,
  standardsOn,
  type HouseholdsCounted,
  type InForce,
  type RoomsHeld,
  type Standard,
  type StandardsOnOptions,
} from './standards.js';

const [HELD, COUNTED] = STANDARD_READINGS as readonly [(typeof STANDARD_READINGS)[number], (typeof STANDARD_READINGS)[number]];

/** What a sum over the urban communities lacks, in words: `<field>Lacking` communities that do not give it. */
const lacks = (r: Readonly<Record<string, unknown>>, name: string, zh: string, en: string): Bilingual => {
  const n = r[`${name}Lacking`] as number;
  return n === 0 ? b('', '') : b(`；${n} 个社区未给出${zh}`, `; ${n} communities give no ${en}`);
};
const NO_URBAN = b('数据中没有城市社区', 'The data has no urban communities');
const NO_SQL = b(
  '由全部城市社区的合计判断，不是社区表的一行：没有 SQL',
  'Judged on the sums over all urban communities, not a row of the communities table: no SQL',
);

// ——— the city's average room area ———

const ROOMS_AVERAGE = 'rooms-average';
/** The households counted (by the standard's reading: with the floating population or without), the rooms they need, and the rooms known. */
const countedHouseholds = reading(COUNTED.id, 'roomsAverage.householdsCounted', {
  resident: field('households'),
  'with-floating': add(field('households'), field('floatingHouseholds')),
});
const roomRate = param('roomsAverage.m2Per100Households');
const roomsNeeded = div(mul(countedHouseholds, roomRate), c(100));
// Rooms are known to reach at least the sum of those given; the whole is known only when every community gives its rooms.
const roomsHeld = atLeast(field('roomAreaM2Known'), field('roomAreaM2'), roomsNeeded);
const averageRooms = aggregateFormulaCheck({
  provision: ROOMS_AVERAGE,
  clause: 'standards',
  noSql: NO_SQL,
  formula: {
    interpretations: true,
    readings: [{ id: HELD.id, choice: 'average' }],
    findings: [
      {
        provision: ROOMS_AVERAGE,
        formula: checkFormula({
          pass: roomsHeld,
          expected: roomsNeeded,
          // The rooms the city has once the verdict is known: the sum given (enough already, or the whole).
          actual: when(roomsHeld, field('roomAreaM2Known'), field('roomAreaM2')),
          kind: 'amount',
          shortfall: sub(roomsNeeded, field('roomAreaM2')),
        }),
        message(r, v, value) {
          if (r.communities === 0) return NO_URBAN;
          const [households, rate] = [value(countedHouseholds), value(roomRate)];
          const basis = b(
            `${r.communities} 个城市社区共 ${households} 户，按平均每百户 ${rate} m² 需 ${v.expected} m²`,
            `${r.communities} urban communities with ${households} households need ${v.expected} m² at ${rate} m² per 100 households on average`,
          );
          const missing = lacks(r, 'roomAreaM2', '用房面积', 'room area');
          const have = r.roomAreaM2Known;
          if (v.status === 'unknown') {
            return b(
              `${basis.zh}；已知用房合计 ${have} m²${missing.zh}，无法判断`,
              `${basis.en}; the rooms known come to ${have} m²${missing.en}, so it cannot be told`,
            );
          }
          const short = v.shortfall;
          return b(
            `${basis.zh}；用房合计 ${have} m²${missing.zh}${short === undefined ? '' : `，缺 ${short} m²`}`,
            `${basis.en}; their rooms come to ${have} m²${missing.en}${short === undefined ? '' : `: ${short} m² short`}`,
          );
        },
      },
    ],
  },
});

/** The city's room area on average per 100 households, held by its urban communities together. @internal */
export const roomsAverageProvision = /* @__PURE__ */ defineProvision({
  id: ROOMS_AVERAGE,
  clause: 'standards',
  parameters: {
    'roomsAverage.m2Per100Households': { unit: 'm² per 100 户', serves: [ROOMS_AVERAGE, HELD.id], allowed: 'positive', values: [{ value: 30 }] },
    'roomsAverage.householdsCounted': {
      unit: 'option',
      serves: [ROOMS_AVERAGE, COUNTED.id],
      allowed: { options: ['resident', 'with-floating'] },
      values: [{ value: 'resident' }],
    },
  },
  quantities: [],
  readings: STANDARD_READINGS,
  rules: {},
  checks: [averageRooms],
  findings: {
    [ROOMS_AVERAGE]: {
      name: b('用房面积(全市平均)', 'room area (the city’s average)'),
      unit: 'm2',
      owed: 'roomsAverageM2',
      owedName: b('社区用房(按全市平均)', 'Community rooms (on the city’s average)'),
    },
  },
});

// ——— workers per 10,000 urban residents ———

const WORKERS = 'workers-ratio';
const workerRate = param('workersRatio.per10000UrbanResidents');
/** Workers are whole: the city needs rate × residents ÷ 10,000 of them, rounded up. */
const workersExact = div(mul(workerRate, field('residents')), c(10000));
const workersNeeded = divRounded(mul(workerRate, field('residents')), c(10000), 'ceil');
const workersHeld = atLeast(field('staffKnown'), field('staff'), workersNeeded);
const workersRatio = aggregateFormulaCheck({
  provision: WORKERS,
  clause: 'standards',
  noSql: NO_SQL,
  formula: {
    findings: [
      {
        provision: WORKERS,
        formula: checkFormula({
          pass: workersHeld,
          expected: workersNeeded,
          actual: when(workersHeld, field('staffKnown'), field('staff')),
          kind: 'count',
          shortfall: sub(workersNeeded, field('staff')),
        }),
        message(r, v, value) {
          if (r.communities === 0) return NO_URBAN;
          const basis = b(
            `${r.communities} 个城市社区常住人口 ${r.residents} 人，按每万人 ${value(workerRate)} 名需 ${value(workersExact)} 名，即 ${v.expected} 名`,
            `${r.communities} urban communities with ${r.residents} residents need ${value(workersExact)} workers at ${value(workerRate)} per 10,000, that is ${v.expected}`,
          );
          const missing = lacks(r, 'staff', '工作人员数', 'staff');
          const have = r.staffKnown;
          if (v.status === 'unknown') {
            return b(
              `${basis.zh}；已知工作人员合计 ${have} 名${missing.zh}，无法判断`,
              `${basis.en}; the workers known come to ${have}${missing.en}, so it cannot be told`,
            );
          }
          const short = v.shortfall;
          return b(
            `${basis.zh}；在岗 ${have} 名${missing.zh}${short === undefined ? '' : `，缺 ${short} 名`}`,
            `${basis.en}; ${have} in post${missing.en}${short === undefined ? '' : `: ${short} short`}`,
          );
        },
      },
    ],
  },
});

/** Community workers per 10,000 urban permanent residents, a ratio over the city. @internal */
export const workersRatioProvision = /* @__PURE__ */ defineProvision({
  id: WORKERS,
  clause: 'standards',
  parameters: {
    'workersRatio.per10000UrbanResidents': { unit: '人', serves: [WORKERS], allowed: 'positive', values: [{ value: 18 }] },
  },
  quantities: [],
  readings: [],
  rules: {},
  checks: [workersRatio],
  findings: {
    [WORKERS]: {
      name: b('每万城镇常住人口社区工作者', 'community workers per 10,000 urban residents'),
      unit: 'workers',
      owed: 'cityWorkers',
      owedName: b('社区工作者(按全市比例)', 'Community workers (on the city’s ratio)'),
    },
  },
});

// ——— the community service centre ———

const CENTRE = 'service-centre';
const centreArea = field('serviceCentreM2');
const centreMinimum = param('serviceCentre.minimumM2');
const centre = formulaCheck({
  provision: CENTRE,
  clause: 'standards',
  rural: false,
  formula: checkFormula({ pass: ge(centreArea, centreMinimum), expected: centreMinimum, actual: centreArea, kind: 'amount' }),
  message(_c, _k, ok, d) {
    if (d.actual === null)
      return b(`社区服务中心应不小于 ${d.expected} m²，数据未给出其面积`, `A service centre of ${d.expected} m² or more; the data gives no centre area`);
    return b(
      `社区服务中心 ${d.actual} m²，标准 ${d.expected} m²${ok ? '' : `，缺 ${d.shortfall} m²`}`,
      `Service centre ${d.actual} m² against ${d.expected} m²${ok ? '' : `: ${d.shortfall} m² short`}`,
    );
  },
});

/** When no urban community of the data gives a centre's area, the standard is not evaluated for the city, with the reason. */
const centreData = aggregateFormulaCheck({
  // An id of its own (a policy's finding ids are unique); what it reports is the centre standard's.
  provision: `${CENTRE}/data`,
  clause: 'standards',
  noSql: NO_SQL,
  formula: {
    notEvaluatedAs: CENTRE,
    notEvaluatedWhen: and(gt(field('communities'), c(0)), eq(field('serviceCentreM2Given'), c(0))),
    notEvaluated: () =>
      b(
        '数据中没有社区服务中心面积(serviceCentreM2，表头“社区服务中心面积”)，无法检查此标准',
        'The data gives no service-centre area (serviceCentreM2, header 社区服务中心面积) for any urban community, so this standard cannot be checked',
      ),
    // Otherwise each community's centre is held to the standard by the community check: nothing to say of the city.
    findings: [],
  },
});

/** The floor area of each urban community's service centre. @internal */
export const serviceCentreProvision = /* @__PURE__ */ defineProvision({
  id: CENTRE,
  clause: 'standards',
  parameters: {
    'serviceCentre.minimumM2': { unit: 'm²', serves: [CENTRE], allowed: 'positive', values: [{ value: 600 }] },
  },
  quantities: [],
  readings: [],
  rules: {},
  checks: [centre, centreData],
  findings: {
    [CENTRE]: { name: b('社区服务中心面积', 'service-centre area'), unit: 'm2', owed: 'serviceCentreM2', owedName: b('社区服务中心', 'Service centres') },
    [`${CENTRE}/data`]: { name: b('社区服务中心面积(数据)', 'service-centre area (the data)'), label: CENTRE },
  },
});

// ——— the overlays ———

/** How a standard is read when it is laid over a policy (the readings of the registry; each standard's own by default). */
export interface StandardOptions {
  /** Per-100-households rooms: by each community, or by the urban communities on average (the first reading of the standards). */
  readonly held?: RoomsHeld;
  /** Which households are counted (the second reading of the standards). */
  readonly households?: HouseholdsCounted;
}

/** A standard laid over a policy, and how: kept with the policy it made, for the reports and the comparison. */
export interface StandardUse {
  readonly id: string;
  readonly source: Standard['source'];
  readonly from?: string;
  readonly to?: string;
  /** The readings it was laid over with (when it sets a room area per 100 households). */
  readonly readings?: { readonly held: RoomsHeld; readonly households: HouseholdsCounted };
  /** The reading ids and choices, as results report them. */
  readonly interpretations: readonly InterpretationUse[];
}

const USED = new WeakMap<object, readonly StandardUse[]>();

/**
 * The standards of the registry laid over a policy (by {@link applyStandard}), in order, with the readings they
 * were laid over with.
 *
 * @param policy - any policy
 * @returns the standards it carries (empty for one made otherwise)
 * @example
 * ```ts
 * standardsUsed(applyStandard(createPolicy(), 'embedded-2023'))[0].readings; //=> { held: 'average', households: 'resident' }
 * ```
 */
export function standardsUsed(policy: PolicyCore): readonly StandardUse[] {
  return USED.get(policy) ?? [];
}

const choice = <T extends string>(given: unknown, allowed: readonly T[], fallback: T, path: string, context: string): T => {
  if (given === undefined) return fallback;
  if (typeof given === 'string' && (allowed as readonly string[]).includes(given)) return given as T;
  throw new PolicyInputError([refused(path, 'not-an-option', b(allowed.join('、'), allowed.join(', ')), given)], context);
};

/**
 * The changes a standard lays over `base`, as `extendPolicy` takes them: the room rate per 100 households set on
 * the city's room provision (held by each community), or a provision of the standard's own (the city's average,
 * the workers ratio, the service centre) added — or, when `base` has it already from another standard, its
 * parameters set. Every change cites the standard's source.
 *
 * @param id - a registry id
 * @param base - the policy it is laid over (default: the policy as written)
 * @param options - the readings, when not the standard's own (`held`, `households`)
 * @returns the changes, for `extendPolicy(base, changes)`
 * @throws {@link PolicyInputError} for an unknown id or reading
 * @example
 * ```ts
 * standardChanges('national-2011').parameters; //=> { 'rooms.m2Per100Households': 20 }
 * standardChanges('workers-18').add.map((p) => p.id); //=> ['workers-ratio']
 * ```
 */
export function standardChanges(id: string, base?: PolicyCore, options: StandardOptions = {}): PolicyChanges<ProvisionList, readonly Provision[]> {
  const s = lookupStandard(id, 'applyStandard');
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new PolicyInputError([refused('options', 'not-an-object', b('{ held?, households? }', '{ held?, households? }'), options)], 'applyStandard');
  }
  const ids = new Set((checkPolicy(base, 'applyStandard') as unknown as PolicyCore).provisions.map((p) => p.id));
  const add: Provision[] = [];
  const parameters: Record<string, number | string> = {};
  const withProvision = (p: Provision, set: Record<string, number | string>) => {
    if (!ids.has(p.id)) add.push(p);
    Object.assign(parameters, set);
  };
  const rooms = s.sets.roomsM2Per100Households;
  if (rooms !== undefined) {
    const r = s.readings!;
    const held = choice(options.held, ['each', 'average'], r.held, 'held', 'applyStandard');
    const households = choice(options.households, ['resident', 'with-floating'], r.households, 'households', 'applyStandard');
    if (held === 'each') {
      // The city's room check counts the households of actual residents; floating households are counted on the average only.
      if (households === 'with-floating') {
        throw new PolicyInputError(
          [
            refused(
              'households',
              'not-an-option',
              b(
                "每个社区达标时为 'resident'(城市的用房检查按实有居民户数)；'with-floating' 只用于全市平均",
                "'resident' when each community is held (the city’s room check counts the households of actual residents); 'with-floating' is read on the city’s average only",
              ),
              households,
            ),
          ],
          'applyStandard',
        );
      }
      Object.assign(parameters, { 'rooms.m2Per100Households': rooms });
    } else withProvision(roomsAverageProvision, { 'roomsAverage.m2Per100Households': rooms, 'roomsAverage.householdsCounted': households });
  }
  if (s.sets.workersPer10000UrbanResidents !== undefined)
    withProvision(workersRatioProvision, { 'workersRatio.per10000UrbanResidents': s.sets.workersPer10000UrbanResidents });
  if (s.sets.serviceCentreM2 !== undefined) withProvision(serviceCentreProvision, { 'serviceCentre.minimumM2': s.sets.serviceCentreM2 });
  return { source: s.source, ...(add.length && { add }), parameters } as unknown as PolicyChanges<ProvisionList, readonly Provision[]>;
}

/**
 * `base` with a standard of the registry laid over it (`extendPolicy(base, standardChanges(id, base))`): what the
 * policy asks if the city is held to that standard. It is laid over whatever the day: {@link inForceOn} and
 * {@link standardsOn} say when it applied, and a comparison reports it.
 *
 * @param base - a policy from createPolicy or extendPolicy
 * @param id - a registry id (`'national-2011'`, `'embedded-2023'`, …)
 * @param options - the readings, when not the standard's own (`held`, `households`)
 * @returns the new policy; its last source is the standard's
 * @throws {@link PolicyInputError} for an unknown id or reading, or a standard the policy carries already
 * @example
 * ```ts
 * applyStandard(createPolicy(), 'national-2021').serviceRoomArea({ households: 3695 }).areaM2.toString(); //=> '1108.5'
 * applyStandard(createPolicy(), 'national-2011').sources.at(-1).id; //=> 'national-2011'
 * ```
 */
export function applyStandard<const Ps extends ProvisionList>(base: Policy<Ps>, id: string, options: StandardOptions = {}): Policy<Ps> {
  checkPolicy(base, 'applyStandard');
  const changes = standardChanges(id, base as unknown as PolicyCore, options);
  const policy = extendPolicy(base as unknown as Policy, changes as never) as unknown as Policy<Ps>;
  const s = standardOf(id);
  const rooms = s.sets.roomsM2Per100Households !== undefined;
  const readings = rooms
    ? {
        held: choice(options.held, ['each', 'average'], s.readings!.held, 'held', 'applyStandard'),
        households: choice(options.households, ['resident', 'with-floating'], s.readings!.households, 'households', 'applyStandard'),
      }
    : undefined;
  const use: StandardUse = {
    id: s.id,
    source: s.source,
    ...(s.from !== undefined && { from: s.from }),
    ...(s.to !== undefined && { to: s.to }),
    ...(readings && { readings }),
    interpretations: readings
      ? [
          { id: HELD.id, choice: readings.held },
          { id: COUNTED.id, choice: readings.households },
        ]
      : [],
  };
  USED.set(policy as object, Object.freeze([...standardsUsed(base as unknown as PolicyCore), Object.freeze(use)]));
  return policy;
}

/** Result of {@link applyStandardsOn}. */
export interface StandardsApplied<Ps extends ProvisionList> {
  /** The base with every standard in force on the day laid over it, in the registry's order. */
  readonly policy: Policy<Ps>;
  readonly date: string;
  /** The standards laid over it. */
  readonly applied: readonly string[];
  /** Standards whose dates cannot tell whether they applied that day: not laid over, and said. */
  readonly unknown: readonly string[];
}

/**
 * The law in force on a day: the city's document as it stood then (`createPolicy({}, { on })`, or `base`) with
 * every standard of the registry that applied that day laid over it; a standard whose date cannot tell is left
 * out and named.
 *
 * @param date - an ISO day `'YYYY-MM-DD'`
 * @param options - `base` (default: `createPolicy({}, { on: date })`) and `regions`, whose own standards count too
 * @returns the policy, the standards applied and those left out for want of a date
 * @example
 * ```ts
 * applyStandardsOn('2024-06-30').applied; //=> ['national-2021', 'workers-18', 'embedded-2023', 'complete-community-2022']
 * applyStandardsOn('2013-06-30').applied; //=> ['national-2011']
 * ```
 */
export function applyStandardsOn<const Ps extends ProvisionList = typeof import('./ningguo-2011.js').NINGGUO_2011>(
  date: string,
  options: StandardsOnOptions & { readonly base?: Policy<Ps> } = {},
): StandardsApplied<Ps> {
  const on = standardsOn(date, { ...(options?.regions !== undefined && { regions: options.regions }) });
  if (options.base !== undefined) checkPolicy(options.base, 'applyStandardsOn');
  let policy = (options.base ?? createPolicy({}, { on: on.date })) as unknown as Policy<Ps>;
  for (const s of on.inForce) policy = applyStandard(policy, s.id);
  return Object.freeze({ policy, date: on.date, applied: on.inForce.map((s) => s.id), unknown: on.unknown.map((s) => s.id) });
}

/** Whether each standard a policy carries applied on a day. @internal */
export function standardsInForce(policy: PolicyCore, day: string): readonly (StandardUse & { readonly inForce: InForce })[] {
  return standardsUsed(policy).map((u) => ({ ...u, inForce: inForceOn(standardOf(u.id), day) }));
}
