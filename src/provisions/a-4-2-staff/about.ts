/**
 * A.4.2 (四(二)) — community workers (Q8): one per 600 households of actual
 * residents, floating population included (含流动人口), the quotient rounded
 * up by default (I3).
 */
import { about, b, opt, req } from '../declare.js';

export default about({
  clause: 'A.4.2',
  quantities: ['Q8'],
  interpretations: ['I3'],
  title: b('社区工作人员配备', 'Community workers'),
  summary: b(
    '按实际居民(含流动人口)每 600 户配 1 名社区工作人员，不足整数时按 I3 取整。',
    'One community worker per 600 households of actual residents, floating population included; a fraction rounded as I3 reads it.',
  ),
  parameters: ['staffing.householdsPerWorker', 'staffing.rounding'],
  rules: {
    requiredStaff: {
      command: 'staff',
      fields: [req('households', 'count'), opt('floatingHouseholds', 'count')],
      example: { households: 3100, floatingHouseholds: 150 },
      schedule: false,
    },
  },
  findings: {
    Q8: { name: b('工作人员', 'community workers'), unit: 'workers', owed: 'staff' },
  },
});
