/**
 * A.3.1 (三(一)) — the size of an urban community: about 3,000 households
 * (Q4) and 8,000 residents (Q5), "about" read as ±20 % (I4). A community
 * outside that range fails; a city's totals give how many communities it
 * should have.
 */
import { b, req } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { checks } from './check.js';
import { communitySizeWith } from './community-size.js';
import { planCommunitiesWith } from './plan-communities.js';
import { readings } from './readings.js';
import { declared } from './parameters.js';

export default defineProvision({
  id: 'a-3-1-size',
  ...declared,
  quantities: ['Q4', 'Q5'],
  readings,
  rules: {
    communitySize: rule(communitySizeWith, {
      command: 'size',
      fields: [req('households', 'count'), req('residents', 'count')],
      example: { households: 3300, residents: 8400 },
      schedule: false,
    }),
    planCommunities: rule(planCommunitiesWith, {
      command: 'plan',
      fields: [req('households', 'count'), req('residents', 'count')],
      example: { households: 10000, residents: 24000 },
      schedule: false,
    }),
  },
  checks,
  findings: {
    'Q4/Q5': { name: b('社区规模', 'community size'), unit: 'deviation' },
  },
});
