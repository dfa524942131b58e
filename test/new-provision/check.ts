/** The made-up check of the test provision: an urban community's staff against one. */
import { D } from '../../decimal.js';
import { b, UNKNOWN, verdict, type CommunityCheck } from '../../evaluate/check.js';

const minimum: CommunityCheck<null> = {
  scope: 'community',
  provision: 'Q13',
  clause: 'A.4.2',
  column: 6,
  rural: false,
  compile: () => null,
  status: (c) => (c.staff === undefined ? UNKNOWN : verdict(c.staff >= 1)),
  detail: (c, _k, fail) => (fail ? { expected: 1, actual: c.staff ?? null, shortfall: new D(1) } : { expected: 1, actual: c.staff ?? null }),
  message: (_c, _k, ok) => (ok ? b('至少一名', 'at least one worker') : b('没有工作人员', 'no worker')),
};

export const checks = [minimum];
