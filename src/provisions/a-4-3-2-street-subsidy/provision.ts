/**
 * A.4.3 (四(三)), second part — the streets' and townships' matching subsidy
 * (Q10): at least 30,000 yuan per community a year; a community that exists
 * for part of a year gets the whole minimum, or a share by days (I8).
 */
import { b, opt, req } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { checks } from './check.js';
import { streetSubsidyMinimumWith } from './street-subsidy.js';
import { readings } from './readings.js';
import { declared } from './parameters.js';

export default defineProvision({
  id: 'a-4-3-2-street-subsidy',
  ...declared,
  quantities: ['Q10'],
  readings,
  rules: {
    streetSubsidyMinimum: rule(streetSubsidyMinimumWith, {
      command: 'subsidy',
      fields: [req('communities', 'count'), opt('year', 'year'), opt('activeFrom', 'date'), opt('activeTo', 'date')],
      example: { communities: 10 },
      schedule: false,
    }),
  },
  checks,
  findings: {
    Q10: { name: b('配套补助', 'street subsidy'), unit: 'yuan', owed: 'streetSubsidyYuan', owedName: b('街道(乡镇)配套补助', 'Street/township subsidy') },
  },
});
