// Written by `npm run registry` (scripts/registry/write.ts) from the folders of src/provisions/. Do not edit.

import { targetsWith } from './a-2-targets/targets.js';
import { communitySizeWith } from './a-3-1-size/community-size.js';
import { planCommunitiesWith } from './a-3-1-size/plan-communities.js';
import { ruralRolloutWith } from './a-3-3-rural-rollout/rural-rollout.js';
import { ruralRolloutScheduleWith } from './a-3-3-rural-rollout/rural-rollout.js';
import { serviceRoomAreaWith } from './a-3-4-rooms/service-room-area.js';
import { requiredStaffWith } from './a-4-2-staff/required-staff.js';
import { cityFundBudgetWith } from './a-4-3-1-city-fund/city-fund.js';
import { cityFundScheduleWith } from './a-4-3-1-city-fund/city-fund.js';
import { streetSubsidyMinimumWith } from './a-4-3-2-street-subsidy/street-subsidy.js';
import { developerObligationWith } from './a-4-3-3-developer/developer-obligation.js';

/** Every rule, by its public name, as a function of the parameters and its input. */
export const RULES = {
  targets: targetsWith,
  communitySize: communitySizeWith,
  planCommunities: planCommunitiesWith,
  ruralRollout: ruralRolloutWith,
  ruralRolloutSchedule: ruralRolloutScheduleWith,
  serviceRoomArea: serviceRoomAreaWith,
  requiredStaff: requiredStaffWith,
  cityFundBudget: cityFundBudgetWith,
  cityFundSchedule: cityFundScheduleWith,
  streetSubsidyMinimum: streetSubsidyMinimumWith,
  developerObligation: developerObligationWith,
} as const;
