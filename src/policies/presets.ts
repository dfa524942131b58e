/**
 * Other standards to hold a city's figures against, as parameter overrides:
 * `createPolicy(PRESETS.nationalPlan2011)` evaluates the same data under that
 * standard. They are read from the registry of standards (`standards.ts`),
 * which also says where each was read; {@link PRESET_SOURCES} gives each
 * preset's source. `applyStandard` lays any standard of the registry over a
 * policy, with its readings and citations.
 */
import type { ParameterOverrides } from '../create-policy.js';
import { deepFreeze } from '../policy/parameters.js';
import { b, type Bilingual } from '../bilingual.js';
import type { Source } from '../provisions/provision.js';
import { standardOf } from './standards.js';

/**
 * Names of the presets. `nationalGuidance2017` is deprecated (until 0.2): the 30 m² figure it carried is the
 * 2021 national plan's, and no source we hold shows the 2017 document stating it; use `nationalPlan2021`.
 */
export type PresetName = 'nationalPlan2011' | 'nationalPlan2021' | 'nationalGuidance2017';

/** A registry standard's room rate per 100 households, as overrides. */
const roomsOf = (id: string): ParameterOverrides => ({ rooms: { m2Per100Households: standardOf(id).sets.roomsM2Per100Households! } });

/**
 * Parameter overrides for national community-service standards, from the registry.
 *
 * @example
 * ```ts
 * PRESETS.nationalPlan2011; //=> { rooms: { m2Per100Households: 20 } }
 * createPolicy(PRESETS.nationalPlan2021).serviceRoomArea({ households: 3000 }).areaM2.toString(); //=> '900'
 * Object.keys(PRESETS); //=> ['nationalPlan2011', 'nationalPlan2021']
 * ```
 */
export const PRESETS: Readonly<Record<PresetName, ParameterOverrides>> = /* @__PURE__ */ (() => {
  const presets = { nationalPlan2011: roomsOf('national-2011'), nationalPlan2021: roomsOf('national-2021') } as Record<PresetName, ParameterOverrides>;
  // The deprecated name, kept working but out of every listing (Object.keys, a table of the presets).
  Object.defineProperty(presets, 'nationalGuidance2017', { value: presets.nationalPlan2021, enumerable: false });
  return deepFreeze(presets);
})();

/** Where a preset's numbers come from. */
export interface PresetSource {
  /** The document, as published. */
  readonly document: string;
  /** Issuing body and year, in both languages. */
  readonly issuer: Bilingual;
  readonly year: number;
  /** What the preset takes from it. */
  readonly standard: Bilingual;
  /** The document as the registry gives it: body, title, number, date, where it was read and how far (`status`). */
  readonly source: Source;
  /** The registry id the preset is read from (none for the deprecated name, whose attribution is not confirmed). */
  readonly registry?: string;
}

function presetSource(id: string): PresetSource {
  const s = standardOf(id);
  const year = Number(s.source.date!.slice(0, 4));
  return {
    document: `《${s.source.title.zh}》(${s.source.number})`,
    issuer: b(`${s.source.body.zh}，${year}年`, `${s.source.body.en}, ${year}`),
    year,
    standard: b(
      `社区服务设施面积每百户不低于 ${s.sets.roomsM2Per100Households} 平方米`,
      `At least ${s.sets.roomsM2Per100Households} m² of community service facilities per 100 households`,
    ),
    source: s.source,
    registry: s.id,
  };
}

/**
 * The source of every preset.
 *
 * @example
 * ```ts
 * PRESET_SOURCES.nationalPlan2011.year; //=> 2011
 * PRESET_SOURCES.nationalGuidance2017.source.status; //=> 'unverified'
 * ```
 */
export const PRESET_SOURCES: Readonly<Record<PresetName, PresetSource>> = /* @__PURE__ */ (() => {
  const sources = { nationalPlan2011: presetSource('national-2011'), nationalPlan2021: presetSource('national-2021') } as Record<PresetName, PresetSource>;
  const deprecated: PresetSource = {
    document: '《关于加强和完善城乡社区治理的意见》(2017年)',
    issuer: b('中共中央、国务院，2017年', 'CPC Central Committee and State Council, 2017'),
    year: 2017,
    standard: b(
      '(已弃用)每百户 30 平方米；我们持有的资料未证实此文件规定了该数字',
      '(deprecated) 30 m² per 100 households; no source we hold shows this document stating it',
    ),
    source: {
      id: 'guidance-2017',
      body: b('中共中央、国务院', 'CPC Central Committee and State Council'),
      title: b('关于加强和完善城乡社区治理的意见', 'Opinions on strengthening and improving urban and rural community governance'),
      date: '2017-06',
      status: 'unverified',
      note: b(
        '旧预设把每百户 30 平方米归于此文件，但没有资料证实；该数字见于 2021 年国家规划(national-2021)。',
        'The old preset attributed 30 m² per 100 households to this document, which no source confirms; the figure is the 2021 national plan’s (national-2021).',
      ),
    },
  };
  Object.defineProperty(sources, 'nationalGuidance2017', { value: deprecated, enumerable: false });
  return deepFreeze(sources);
})();
