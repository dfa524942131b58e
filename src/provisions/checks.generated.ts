// Written by `npm run registry` (scripts/registry/write.ts) from the folders of src/provisions/. Do not edit.

import type { Check } from '../evaluate/check.js';
import { checks as a_2_targets } from './a-2-targets/check.js';
import { checks as a_3_1_size } from './a-3-1-size/check.js';
import { checks as a_3_3_rural_rollout } from './a-3-3-rural-rollout/check.js';
import { checks as a_3_4_rooms } from './a-3-4-rooms/check.js';
import { checks as a_4_2_staff } from './a-4-2-staff/check.js';
import { checks as a_4_3_1_city_fund } from './a-4-3-1-city-fund/check.js';
import { checks as a_4_3_2_street_subsidy } from './a-4-3-2-street-subsidy/check.js';
import { checks as a_4_3_3_developer } from './a-4-3-3-developer/check.js';

/** Every check, in document order: the community checks decide a status code each, the city checks add findings. */
export const CHECKS: readonly Check[] = [...a_2_targets, ...a_3_1_size, ...a_3_3_rural_rollout, ...a_3_4_rooms, ...a_4_2_staff, ...a_4_3_1_city_fund, ...a_4_3_2_street_subsidy, ...a_4_3_3_developer];
