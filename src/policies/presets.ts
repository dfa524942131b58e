/**
 * Other standards to hold a city's figures against, as parameter overrides:
 * `createPolicy(PRESETS.nationalPlan2011)` evaluates the same data under that
 * standard. Their sources are in {@link PRESET_SOURCES}.
 */
import type { ParameterOverrides } from '../create-policy.js';
import { deepFreeze } from '../policy/parameters.js';
import type { Bilingual } from '../bilingual.js';

/** Names of the presets. */
export type PresetName = 'nationalPlan2011' | 'nationalGuidance2017';

/**
 * Parameter overrides for national community-service standards.
 *
 * @example
 * ```ts
 * PRESETS.nationalPlan2011; //=> { rooms: { m2Per100Households: 20 } }
 * createPolicy(PRESETS.nationalGuidance2017).serviceRoomArea({ households: 3000 }).areaM2.toString(); //=> '900'
 * ```
 */
export const PRESETS: Readonly<Record<PresetName, ParameterOverrides>> = /* @__PURE__ */ deepFreeze({
  nationalPlan2011: { rooms: { m2Per100Households: 20 } },
  nationalGuidance2017: { rooms: { m2Per100Households: 30 } },
});

/** Where a preset's numbers come from. */
export interface PresetSource {
  /** The document, as published. */
  readonly document: string;
  /** Issuing body and year, in both languages. */
  readonly issuer: Bilingual;
  readonly year: number;
  /** What the preset takes from it. */
  readonly standard: Bilingual;
}

/**
 * The source of every preset.
 *
 * @example
 * ```ts
 * PRESET_SOURCES.nationalPlan2011.year; //=> 2011
 * ```
 */
export const PRESET_SOURCES: Readonly<Record<PresetName, PresetSource>> = /* @__PURE__ */ deepFreeze({
  nationalPlan2011: {
    document: '《社区服务体系建设规划(2011－2015年)》(国办发〔2011〕61号)',
    issuer: { zh: '国务院办公厅，2011年', en: 'General Office of the State Council, 2011' },
    year: 2011,
    standard: {
      zh: '社区服务设施面积每百户居民不低于20平方米',
      en: 'At least 20 m² of community service facilities per 100 resident households',
    },
  },
  nationalGuidance2017: {
    document: '《关于加强和完善城乡社区治理的意见》(2017年)',
    issuer: { zh: '中共中央、国务院，2017年', en: 'CPC Central Committee and State Council, 2017' },
    year: 2017,
    standard: {
      zh: '社区综合服务设施面积每百户居民不低于30平方米',
      en: 'At least 30 m² of community service facilities per 100 resident households',
    },
  },
});
