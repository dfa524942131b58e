/**
 * A.4.3 (四(三)), third part — developers' community rooms: a project of
 * 200,000 m² or more provides rooms in kind (Q11), a smaller one pays 3‰ of
 * its developed area as room money (Q12); the boundary case is read by I5,
 * and the money's price per m² by I6.
 */
import { about, b, opt, req } from '../declare.js';

export default about({
  clause: 'A.4.3',
  quantities: ['Q11', 'Q12'],
  interpretations: ['I5', 'I6'],
  title: b('开发建设项目配套用房', 'Developers’ community rooms'),
  summary: b(
    '开发面积 20 万 m² 及以上的项目配建社区用房，以下的按开发面积 3‰ 缴纳用房资金(I5 边界、I6 折算单价)。',
    'Projects of 200,000 m² or more provide community rooms in kind; smaller ones pay room money of 3‰ of the developed area (I5 for the boundary, I6 for the price).',
  ),
  parameters: ['developer.thresholdM2', 'developer.boundary', 'developer.fundsRate'],
  rules: {
    developerObligation: {
      command: 'developer',
      fields: [req('floorAreaM2', 'amount', 'floor-area'), opt('residents', 'count'), opt('households', 'count'), opt('pricePerM2', 'amount', 'price')],
      example: { floorAreaM2: 150000, pricePerM2: 3000 },
      schedule: false,
    },
  },
  findings: {
    Q11: { name: b('开发配建用房', 'developer rooms in kind'), unit: 'm2', owed: 'developerRoomsM2' },
    // Without a price per m², the money owed is known only as an area's worth (I6): its message says so.
    Q12: { name: b('开发用房资金', 'developer room money'), unit: 'yuan', owed: 'developerFundsYuan', areaWhen: '(I6)' },
    'Q11/Q12': { name: b('开发建设配套用房', 'developers’ rooms or room money') },
  },
});
