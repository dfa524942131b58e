/**
 * A made-up provision for the test that a provision declared in one folder
 * reaches every part of the library: "every urban community has at least
 * one worker" (Q13, on clause A.4.2). Not part of the policy.
 */
import { about, b, req } from '../declare.js';

export default about({
  clause: 'A.4.2',
  quantities: ['Q13'],
  interpretations: [],
  title: b('至少一名工作人员', 'At least one worker'),
  summary: b('每个城市社区至少配 1 名工作人员(测试用条款)。', 'Every urban community has at least one worker (a provision made up for a test).'),
  parameters: {},
  rules: {
    minimumWorkers: { command: 'min-workers', fields: [req('households', 'count')], example: { households: 10 }, schedule: false },
  },
  findings: {
    Q13: { name: b('最少工作人员', 'minimum workers'), unit: 'workers' },
  },
});
