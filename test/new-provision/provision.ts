/**
 * A made-up provision for the test that a provision declared in one folder reaches every part of the library:
 * "every urban community has at least one worker" (on clause A.4.2). A template, not part of the policy: the
 * test gives it a finding id and a place taken from the list it joins.
 */
import { D } from '../../decimal.js';
import { paramsOf, UNKNOWN, verdict, type CommunityCheck } from '../../rules/check.js';
import { b, req } from '../declare.js';
import { defineProvision, rule } from '../provision.js';
import { minimumWorkersWith } from './minimum-workers.js';
import { declared } from './parameters.js';

const minimum: CommunityCheck<number> = {
  scope: 'community',
  provision: '__QID__',
  clause: 'A.4.2',
  rural: false,
  compile: (policy) => paramsOf(policy, declared).minimum.workers,
  status: (c, k) => (c.staff === undefined ? UNKNOWN : verdict(c.staff >= k)),
  exact: (c, k) => (c.staff === undefined ? UNKNOWN : verdict(new D(c.staff).gte(k))),
  detail: (c, k, fail) => (fail ? { expected: k, actual: c.staff ?? null, shortfall: new D(k - c.staff!) } : { expected: k, actual: c.staff ?? null }),
  message: (_c, k, ok) => (ok ? b(`至少 ${k} 名`, `at least ${k} workers`) : b('工作人员不足', 'too few workers')),
  quick(c, k, out) {
    out.num = k - c.staff!;
    out.den = k;
    out.owe = k - c.staff!;
    return true;
  },
};

export default defineProvision({
  id: '__FOLDER__',
  ...declared,
  quantities: ['__QID__'],
  readings: [],
  rules: {
    minimumWorkers: rule(minimumWorkersWith, { command: 'min-workers', fields: [req('households', 'count')], example: { households: 10 }, schedule: false }),
  },
  checks: [minimum],
  findings: {
    __QID__: { name: b('最少工作人员', 'minimum workers'), unit: 'workers', owed: 'minimumWorkers', owedName: b('最少工作人员', 'Minimum workers') },
  },
});
