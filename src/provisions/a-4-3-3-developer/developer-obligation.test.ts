import { describe, expect, test } from 'vitest';
import { createPolicy } from '../../create-policy.js';
import { developerObligation } from './developer-obligation.js';

describe('developerObligation (Q11, Q12, I5, I6; A.4.3): rooms in kind from 200,000 m², else 3‰ as money', () => {
  test('the TSDoc examples hold', () => {
    expect(developerObligation({ floorAreaM2: 250000 }).route).toBe('in-kind');
    expect(developerObligation({ floorAreaM2: 150000, pricePerM2: 3000 }).amount?.toString()).toBe('1350000');
    expect(developerObligation({ floorAreaM2: 200000 }).route).toBe('in-kind');
  });

  test('a 150,000 m² project pays 450 m² worth: 1,350,000 yuan at 3,000 yuan/m²', () => {
    const r = developerObligation({ floorAreaM2: 150000, pricePerM2: 3000 });
    expect(r.route).toBe('funds');
    expect(r.fundsAreaM2?.toString()).toBe('450');
    expect(r.amount?.toString()).toBe('1350000');
    expect(r.clause).toBe('A.4.3');
    expect(r.interpretations).toEqual([{ id: 'I6', choice: 'area-equivalent' }]);
  });

  test('without a price the funds route gives the area only', () => {
    const r = developerObligation({ floorAreaM2: 150000 });
    expect(r.fundsAreaM2?.toString()).toBe('450');
    expect('amount' in r).toBe(false);
  });

  test('a 250,000 m² project for 20,000 residents provides 1,000 m² of rooms in kind', () => {
    const r = developerObligation({ floorAreaM2: 250000, residents: 20000 });
    expect(r.route).toBe('in-kind');
    expect(r.roomAreaM2?.toString()).toBe('1000');
    expect(r.interpretations).toEqual([{ id: 'I9', choice: 'residents' }]);
    expect('fundsAreaM2' in r).toBe(false);
  });

  test('exactly 200,000 m² is claimed by both clauses: in kind by default (I5)', () => {
    const r = developerObligation({ floorAreaM2: 200000 });
    expect(r.route).toBe('in-kind');
    expect(r.interpretations).toEqual([{ id: 'I5', choice: 'in-kind' }]);
  });

  test('exactly 200,000 m² with boundary "funds" pays 600 m² worth', () => {
    const r = createPolicy({ developer: { boundary: 'funds' } }).developerObligation({ floorAreaM2: 200000, pricePerM2: '2500.5' });
    expect(r.route).toBe('funds');
    expect(r.fundsAreaM2?.toString()).toBe('600');
    expect(r.amount?.toString()).toBe('1500300');
    expect(r.interpretations).toEqual([
      { id: 'I5', choice: 'funds' },
      { id: 'I6', choice: 'area-equivalent' },
    ]);
  });

  test.each([
    ['199,999.5 m² pays 599.9985 m² worth', '199999.5', 'funds', '599.9985'],
    ['200,000.5 m² provides rooms', '200000.5', 'in-kind', undefined],
    ['0 m² pays nothing', 0, 'funds', '0'],
  ])('half a square metre either side of the threshold: %s', (_name, floorAreaM2, route, funds) => {
    const r = developerObligation({ floorAreaM2 });
    expect(r.route).toBe(route);
    expect(r.fundsAreaM2?.toString()).toBe(funds);
  });

  test('the trace says when the threshold was read with I5', () => {
    expect(developerObligation({ floorAreaM2: 200000 }).trace[0]!.en).toBe(
      'Floor area 200,000 m² is exactly 200,000 m²: 以上 and 以下 both include it, so both clauses apply; I5 picks rooms in kind',
    );
  });
});
