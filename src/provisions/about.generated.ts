// Written by `npm run registry` (scripts/registry/write.ts) from the folders of src/provisions/. Do not edit.

import type { About } from './declare.js';
import a_2_targets from './a-2-targets/about.js';
import a_3_1_size from './a-3-1-size/about.js';
import a_3_3_rural_rollout from './a-3-3-rural-rollout/about.js';
import a_3_4_rooms from './a-3-4-rooms/about.js';
import a_4_2_staff from './a-4-2-staff/about.js';
import a_4_3_1_city_fund from './a-4-3-1-city-fund/about.js';
import a_4_3_2_street_subsidy from './a-4-3-2-street-subsidy/about.js';
import a_4_3_3_developer from './a-4-3-3-developer/about.js';

/** Every provision's declaration, by its folder, in document order. */
export const ABOUT = {
  'a-2-targets': a_2_targets,
  'a-3-1-size': a_3_1_size,
  'a-3-3-rural-rollout': a_3_3_rural_rollout,
  'a-3-4-rooms': a_3_4_rooms,
  'a-4-2-staff': a_4_2_staff,
  'a-4-3-1-city-fund': a_4_3_1_city_fund,
  'a-4-3-2-street-subsidy': a_4_3_2_street_subsidy,
  'a-4-3-3-developer': a_4_3_3_developer,
} as const satisfies Readonly<Record<string, About>>;
