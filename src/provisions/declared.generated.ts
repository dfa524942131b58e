// Written by `npm run registry` (scripts/registry/write.ts) from the folders of src/provisions/. Do not edit.

import type { Declared } from './declare.js';
import { declared as a_2_targets } from './a-2-targets/parameters.js';
import { declared as a_3_1_size } from './a-3-1-size/parameters.js';
import { declared as a_3_3_rural_rollout } from './a-3-3-rural-rollout/parameters.js';
import { declared as a_3_4_rooms } from './a-3-4-rooms/parameters.js';
import { declared as a_4_2_staff } from './a-4-2-staff/parameters.js';
import { declared as a_4_3_1_city_fund } from './a-4-3-1-city-fund/parameters.js';
import { declared as a_4_3_2_street_subsidy } from './a-4-3-2-street-subsidy/parameters.js';
import { declared as a_4_3_3_developer } from './a-4-3-3-developer/parameters.js';

/** Every provision's clause and parameters, by its folder, in document order (what a rule's bundle needs, without the rest of its about). */
export const DECLARED = {
  'a-2-targets': a_2_targets,
  'a-3-1-size': a_3_1_size,
  'a-3-3-rural-rollout': a_3_3_rural_rollout,
  'a-3-4-rooms': a_3_4_rooms,
  'a-4-2-staff': a_4_2_staff,
  'a-4-3-1-city-fund': a_4_3_1_city_fund,
  'a-4-3-2-street-subsidy': a_4_3_2_street_subsidy,
  'a-4-3-3-developer': a_4_3_3_developer,
} as const satisfies Readonly<Record<string, Declared>>;
