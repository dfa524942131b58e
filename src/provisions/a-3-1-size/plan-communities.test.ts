import { describe, expect, test } from 'vitest';
import { planCommunities } from './plan-communities.js';

/** Independent check: try every n and compare the worse deviation as exact fractions. */
function bruteForce(h: number, r: number, H = 3000, R = 8000): number {
  let best = 1;
  let bestNum = 0n;
  let bestDen = 0n;
  for (let n = 1; n <= 60; n++) {
    const dh: [bigint, bigint] = [BigInt(Math.abs(h - n * H)), BigInt(n * H)];
    const dr: [bigint, bigint] = [BigInt(Math.abs(r - n * R)), BigInt(n * R)];
    const worse = dh[0] * dr[1] >= dr[0] * dh[1] ? dh : dr;
    if (bestDen === 0n || worse[0] * bestDen < bestNum * worse[1]) [best, bestNum, bestDen] = [n, worse[0], worse[1]];
  }
  return best;
}

describe('planCommunities (Q4, Q5; A.3.1): how many communities an area should be divided into', () => {
  test('the TSDoc examples hold', () => {
    expect(planCommunities({ households: 9000, residents: 24000 }).communities).toBe(3);
    expect(planCommunities({ households: 10000, residents: 24000 }).communities).toBe(3);
    expect(planCommunities({ households: 100, residents: 250 }).communities).toBe(1);
  });

  test('9,000 households and 24,000 residents make three standard communities', () => {
    const r = planCommunities({ households: 9000, residents: 24000 });
    expect(r.householdsPerCommunity.toString()).toBe('3000');
    expect(r.residentsPerCommunity.toString()).toBe('8000');
    expect(r.householdDeviation.toString()).toBe('0');
    expect(r.withinGuideline).toBe(true);
    expect(r.clause).toBe('A.3.1');
  });

  test('6,000 households and 8,000 residents: two communities (worse deviation 50 %) beat one (100 %)', () => {
    const r = planCommunities({ households: 6000, residents: 8000 });
    expect(r.communities).toBe(2);
    expect(r.householdsPerCommunity.toString()).toBe('3000');
    expect(r.residentsPerCommunity.toString()).toBe('4000');
    expect(r.residentDeviation.toString()).toBe('-0.5');
    expect(r.withinGuideline).toBe(false);
  });

  test('a tie goes to fewer communities: 4,500 households and 12,000 residents', () => {
    // n = 1: 50 % above on both; n = 2: 25 % below on both — 2 is better.
    expect(planCommunities({ households: 4500, residents: 12000 }).communities).toBe(2);
    // 3,000 and 16,000: n = 1 → 100 %; n = 2 → 50 %; n = 3 → 66.7 % vs 33.3 % → 2.
    expect(planCommunities({ households: 3000, residents: 16000 }).communities).toBe(2);
    // 2,000 and 16,000 (x = 2/3, y = 2): n = 1 → max(1/3, 1) = 1; n = 2 → max(2/3, 0) = 2/3 → 2.
    expect(planCommunities({ households: 2000, residents: 16000 }).communities).toBe(2);
    // 0 households and 16,000 residents: n = 1 and n = 2 both give 100 % → the smaller, 1.
    expect(planCommunities({ households: 0, residents: 16000 }).communities).toBe(1);
  });

  test('an empty area is still one community', () => {
    expect(planCommunities({ households: 0, residents: 0 }).communities).toBe(1);
  });

  test('agrees with trying every n on a grid of areas', () => {
    for (let h = 0; h <= 40000; h += 1700) {
      for (let r = 0; r <= 100000; r += 4300) {
        expect(planCommunities({ households: h, residents: r }).communities, `${h}/${r}`).toBe(bruteForce(h, r));
      }
    }
  });
});
