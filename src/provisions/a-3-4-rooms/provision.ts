/**
 * A.3.4 (三(四)) — office and service rooms: as a rule 5 m² per 100 residents
 * (Q7, 每百人 5 m²; per 100 households under a national preset, I9), in one
 * place, on the ground floor (社区下楼), with a one-stop service window. The
 * last two have no number: they are checked as yes or no.
 */
import { b, opt } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { checks } from './check.js';
import { serviceRoomAreaWith } from './service-room-area.js';
import { readings } from './readings.js';
import { declared } from './parameters.js';

export default defineProvision({
  id: 'a-3-4-rooms',
  ...declared,
  quantities: ['Q7'],
  readings,
  rules: {
    serviceRoomArea: rule(serviceRoomAreaWith, {
      command: 'rooms',
      fields: [opt('residents', 'count'), opt('households', 'count')],
      example: { residents: 8001 },
      form: { residents: 8001, households: 3000 },
      schedule: false,
    }),
  },
  checks,
  findings: {
    Q7: { name: b('用房面积', 'room area'), unit: 'm2', owed: 'roomsM2', owedName: b('社区用房', 'Community rooms') },
    'A.3.4/ground-floor': { name: b('一楼用房', 'rooms on the ground floor'), unit: 'flag', label: 'A.3.4' },
    'A.3.4/one-stop-window': { name: b('一站式窗口', 'one-stop window'), unit: 'flag', label: 'A.3.4' },
  },
});
