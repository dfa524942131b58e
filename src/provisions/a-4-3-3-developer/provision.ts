/**
 * A.4.3 (四(三)), third part — developers' community rooms: a project of
 * 200,000 m² or more provides rooms in kind (Q11), a smaller one pays 3‰ of
 * its developed area as room money (Q12); the boundary case is read by I5,
 * and the money's price per m² by I6.
 */
import { b, opt, req } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { checks } from './check.js';
import { developerObligationWith } from './developer-obligation.js';
import { readings } from './readings.js';
import { declared } from './parameters.js';

export default defineProvision({
  id: 'a-4-3-3-developer',
  ...declared,
  quantities: ['Q11', 'Q12'],
  readings,
  rules: {
    developerObligation: rule(developerObligationWith, {
      command: 'developer',
      fields: [req('floorAreaM2', 'amount', 'floor-area'), opt('residents', 'count'), opt('households', 'count'), opt('pricePerM2', 'amount', 'price')],
      example: { floorAreaM2: 150000, pricePerM2: 3000 },
      schedule: false,
    }),
  },
  checks,
  findings: {
    Q11: {
      name: b('开发配建用房', 'developer rooms in kind'),
      unit: 'm2',
      owed: 'developerRoomsM2',
      owedName: b('开发企业配建用房', 'Developers’ rooms in kind'),
    },
    // Without a price per m², the money owed is known only as an area's worth (I6): its message says so.
    Q12: {
      name: b('开发用房资金', 'developer room money'),
      unit: 'yuan',
      owed: 'developerFundsYuan',
      owedName: b('开发企业用房资金', 'Developers’ room money'),
      areaWhen: '(I6)',
    },
    'Q11/Q12': { name: b('开发建设配套用房', 'developers’ rooms or room money') },
  },
});
