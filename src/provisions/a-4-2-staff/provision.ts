/**
 * A.4.2 (四(二)) — community workers (Q8): one per 600 households of actual
 * residents, floating population included (含流动人口), the quotient rounded
 * up by default (I3).
 */
import { b, opt, req } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { checks } from './check.js';
import { requiredStaffWith } from './required-staff.js';
import { readings } from './readings.js';
import { declared } from './parameters.js';

export default defineProvision({
  id: 'a-4-2-staff',
  ...declared,
  quantities: ['Q8'],
  readings,
  rules: {
    requiredStaff: rule(requiredStaffWith, {
      command: 'staff',
      fields: [req('households', 'count'), opt('floatingHouseholds', 'count')],
      example: { households: 3100, floatingHouseholds: 150 },
      schedule: false,
    }),
  },
  checks,
  findings: {
    Q8: { name: b('工作人员', 'community workers'), unit: 'workers', owed: 'staff', owedName: b('社区工作人员', 'Community workers') },
  },
});
