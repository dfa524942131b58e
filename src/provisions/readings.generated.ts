// Written by `npm run registry` (scripts/registry/write.ts) from the folders of src/provisions/. Do not edit.

import { readings as a_2_targets } from './a-2-targets/readings.js';
import { readings as a_3_1_size } from './a-3-1-size/readings.js';
import { readings as a_3_3_rural_rollout } from './a-3-3-rural-rollout/readings.js';
import { readings as a_3_4_rooms } from './a-3-4-rooms/readings.js';
import { readings as a_4_2_staff } from './a-4-2-staff/readings.js';
import { readings as a_4_3_1_city_fund } from './a-4-3-1-city-fund/readings.js';
import { readings as a_4_3_2_street_subsidy } from './a-4-3-2-street-subsidy/readings.js';
import { readings as a_4_3_3_developer } from './a-4-3-3-developer/readings.js';

/** Every reading of ambiguous text, gathered from the provisions that declare them, in document order (the register sorts them by id). */
export const READINGS = [...a_2_targets, ...a_3_1_size, ...a_3_3_rural_rollout, ...a_3_4_rooms, ...a_4_2_staff, ...a_4_3_1_city_fund, ...a_4_3_2_street_subsidy, ...a_4_3_3_developer] as const;
