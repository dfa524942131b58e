/**
 * A made-up provision for the test that a provision declared in one folder
 * reaches every part of the library: "every urban community has at least
 * one worker" (Q13, on clause A.4.2). Not part of the policy.
 */
import { about, b, req } from '../declare.js';
import { declared } from './parameters.js';

export default about({
  ...declared,
  quantities: ['Q13'],
  interpretations: [],
  rules: {
    minimumWorkers: { command: 'min-workers', fields: [req('households', 'count')], example: { households: 10 }, schedule: false },
  },
  findings: {
    Q13: { name: b('最少工作人员', 'minimum workers'), unit: 'workers' },
  },
});
