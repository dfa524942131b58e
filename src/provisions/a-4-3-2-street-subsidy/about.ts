/**
 * A.4.3 (四(三)), second part — the streets' and townships' matching subsidy
 * (Q10): at least 30,000 yuan per community a year; a community that exists
 * for part of a year gets the whole minimum, or a share by days (I8).
 */
import { about, b, opt, req } from '../declare.js';

export default about({
  clause: 'A.4.3',
  quantities: ['Q10'],
  interpretations: ['I8'],
  title: b('街道(乡镇)配套补助', 'Streets’ and townships’ matching subsidy'),
  summary: b(
    '街道(乡镇)每年给每个社区配套不少于 3 万元(I8：不满一年的社区是否按天折算)。',
    'Streets and townships add at least 30,000 yuan per community a year (I8: whether part of a year is prorated by days).',
  ),
  parameters: ['streetSubsidy.minimumPerCommunityPerYear', 'streetSubsidy.proration'],
  rules: {
    streetSubsidyMinimum: {
      command: 'subsidy',
      fields: [req('communities', 'count'), opt('year', 'year'), opt('activeFrom', 'date'), opt('activeTo', 'date')],
      example: { communities: 10 },
      schedule: false,
    },
  },
  findings: {
    Q10: { name: b('配套补助', 'street subsidy'), unit: 'yuan', owed: 'streetSubsidyYuan' },
  },
});
