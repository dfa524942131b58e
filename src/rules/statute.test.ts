import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { D } from '../decimal.js';
import { developerRoute } from '../provisions/a-4-3-3-developer/developer-obligation.js';
import { DEFAULT_PARAMETERS } from '../policies/ningguo-values.js';
import { buMan, chaoGuo, yiShang, yiXia } from './statute.js';

describe('comparisons in the statute’s words (Civil Code art. 1259)', () => {
  test('以上 and 以下 include the number; 不满 and 超过 exclude it', () => {
    const n = new D(200000);
    expect([yiShang(n, n), yiXia(n, n), buMan(n, n), chaoGuo(n, n)]).toEqual([true, true, false, false]);
    expect([yiShang(new D(199999), n), chaoGuo(new D(200001), n), buMan(new D(199999), n)]).toEqual([false, true, true]);
  });

  test('the two developer clauses together cover every floor area, and overlap only at the threshold', () => {
    const area = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => new D(n)),
      fc.tuple(fc.integer({ min: 0, max: 400_000 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => new D(`${a}.${c}`)),
      fc.constant(new D(200000)),
    );
    fc.assert(
      fc.property(area, (a) => {
        const r = developerRoute(DEFAULT_PARAMETERS, a);
        expect(r.inKindClaims || r.fundsClaims).toBe(true);
        expect(r.inKindClaims && r.fundsClaims).toBe(a.eq(200000));
      }),
      { numRuns: 2000 },
    );
  });
});
