import { describe, expect, test } from 'vitest';
import { createPolicy } from '../../create-policy.js';
import { ruralRollout, ruralRolloutSchedule } from './rural-rollout.js';

const remaining = createPolicy({ rollout: { mode: 'share-of-remaining' } });

describe('ruralRollout (Q6, I2; A.3.3): 30 % of villages a year from 2011', () => {
  test('the TSDoc examples hold', () => {
    expect(ruralRollout({ year: 2012 }).share.toString()).toBe('0.6');
    expect(ruralRollout({ year: 2013, villages: 121 }).villagesCovered).toBe(109);
    expect(ruralRollout({ year: 2010 }).share.toString()).toBe('0');
    expect(ruralRolloutSchedule({ from: 2011, to: 2014 }).rows.map((r) => r.share.toString())).toEqual(['0.3', '0.6', '0.9', '1']);
  });

  test.each([
    [2009, '0'],
    [2010, '0'],
    [2011, '0.3'],
    [2012, '0.6'],
    [2013, '0.9'],
    [2014, '1'],
    [2030, '1'],
  ])('by the end of %i the rollout has reached %s of all villages', (year, share) => {
    const r = ruralRollout({ year });
    expect(r.share.toString()).toBe(share);
    expect(r.clause).toBe('A.3.3');
    expect(r.interpretations).toEqual([{ id: 'I2', choice: 'share-of-all' }]);
  });

  test.each([
    [2011, '0.3'],
    [2012, '0.51'],
    [2013, '0.657'],
    [2014, '0.7599'],
  ])('read as 30 %% of the villages not yet reached, %i reaches %s', (year, share) => {
    expect(remaining.ruralRollout({ year }).share.toString()).toBe(share);
  });

  test.each([
    ['10 villages in 2011: 3', 2011, 10, 3],
    ['7 villages in 2011: 2.1 rounds up to 3', 2011, 7, 3],
    ['121 villages in 2013: 108.9 rounds up to 109', 2013, 121, 109],
    ['120 villages in 2014: all 120', 2014, 120, 120],
    ['120 villages in 2010: none yet', 2010, 120, 0],
  ])('villages to cover — %s', (_name, year, villages, covered) => {
    expect(ruralRollout({ year, villages }).villagesCovered).toBe(covered);
  });

  test('without villages there is no villagesCovered field', () => {
    expect('villagesCovered' in ruralRollout({ year: 2012 })).toBe(false);
  });

  test('the schedule gives the share added each year, ending with the last 10 %', () => {
    const rows = ruralRolloutSchedule({ from: 2010, to: 2015, villages: 200 }).rows;
    expect(rows.map((r) => [r.year, r.share.toString(), r.increase.toString(), r.villagesCovered])).toEqual([
      [2010, '0', '0', 0],
      [2011, '0.3', '0.3', 60],
      [2012, '0.6', '0.3', 120],
      [2013, '0.9', '0.3', 180],
      [2014, '1', '0.1', 200],
      [2015, '1', '0', 200],
    ]);
  });

  test('a schedule starting mid-rollout measures the first row against the year before', () => {
    const rows = remaining.ruralRolloutSchedule({ from: 2013, to: 2013 }).rows;
    expect(rows[0]!.added.toString()).toBe('0.147'); // 0.657 − 0.51
  });
});

describe("a schedule row's change from the year before", () => {
  test('is `increase`, as in the fund schedule; `added`, its name before 0.2, is still read but not listed', () => {
    const row = ruralRolloutSchedule({ from: 2011, to: 2012, villages: 10 }).rows[1]!;
    expect(Object.keys(row)).toEqual(['year', 'share', 'increase', 'villagesCovered']);
    expect(row.increase.toString()).toBe('0.3');
    expect(row.added).toBe(row.increase);
    expect(JSON.parse(JSON.stringify(row))).toEqual({ year: 2012, share: '0.6', increase: '0.3', villagesCovered: 6 });
  });
});
