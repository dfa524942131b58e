/**
 * A.4.2 (四(二)) — community workers (Q8): one per 600 households of actual
 * residents, floating population included (含流动人口), the quotient rounded
 * up by default (I3).
 */
import { about, b, opt, req } from '../declare.js';
import { declared } from './parameters.js';

export default about({
  ...declared,
  quantities: ['Q8'],
  interpretations: ['I3'],
  rules: {
    requiredStaff: {
      command: 'staff',
      fields: [req('households', 'count'), opt('floatingHouseholds', 'count')],
      example: { households: 3100, floatingHouseholds: 150 },
      schedule: false,
    },
  },
  findings: {
    Q8: { name: b('工作人员', 'community workers'), unit: 'workers', owed: 'staff', owedName: b('社区工作人员', 'Community workers') },
  },
});
