import { describe, expect, test } from 'vitest';
import { createPolicy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { auditPolicy, type AuditFinding } from './audit-policy.js';

const find = (findings: readonly AuditFinding[], id: string) => findings.find((f) => f.id === id)!;
const show = (f: AuditFinding) => Object.fromEntries(Object.entries(f.numbers).map(([k, v]) => [k, String(v)]));

describe('auditPolicy: the policy checked against itself', () => {
  test('the TSDoc examples hold', () => {
    expect(find(auditPolicy().findings, 'K1').verdict).toBe('consistent');
    expect(String(auditPolicy(createPolicy({ rollout: { mode: 'share-of-remaining' } })).findings[0]!.numbers.rolloutShare)).toBe('0.657');
  });

  const defaults = auditPolicy().findings;

  test('K1: 30 % a year from 2011 reaches exactly the 90 % rural target at the end of 2013', () => {
    const k1 = find(defaults, 'K1');
    expect(k1.verdict).toBe('consistent');
    expect(show(k1)).toEqual({ deadlineYear: '2013', rolloutShare: '0.9', ruralTarget: '0.9' });
    expect(k1.clauses).toEqual(['A.3.3', 'A.2']);
  });

  test('K1 becomes a conflict under share-of-remaining: 65.7 % against 90 %', () => {
    const k1 = find(auditPolicy(createPolicy({ rollout: { mode: 'share-of-remaining' } })).findings, 'K1');
    expect(k1.verdict).toBe('conflict');
    expect(show(k1)).toEqual({ deadlineYear: '2013', rolloutShare: '0.657', ruralTarget: '0.9' });
    expect(k1.interpretations).toContainEqual({ id: 'I2', choice: 'share-of-remaining' });
  });

  test('K1 also conflicts when the rollout is slower than the target needs: 25 % a year gives 75 % by 2013', () => {
    const k1 = find(auditPolicy(createPolicy({ rollout: { sharePerYear: '0.25' } })).findings, 'K1');
    expect(k1.verdict).toBe('conflict');
    expect(String(k1.numbers.rolloutShare)).toBe('0.75');
  });

  test('K2: a standard community needs exactly 5 workers; at 700 households per worker it needs rounding (a gap)', () => {
    expect(find(defaults, 'K2').verdict).toBe('consistent');
    expect(show(find(defaults, 'K2'))).toEqual({ households: '3000', householdsPerWorker: '600', staff: '5', remainder: '0' });
    const k2 = find(auditPolicy(createPolicy({ staffing: { householdsPerWorker: 700 } })).findings, 'K2');
    expect(k2.verdict).toBe('gap');
    expect(show(k2)).toMatchObject({ staff: '5', remainder: '200' }); // 3000 = 4 × 700 + 200 → ceil 5
  });

  test('K3: a standard community of 8,000 residents needs 400 m²', () => {
    expect(show(find(defaults, 'K3'))).toMatchObject({ areaM2: '400', basis: 'residents' });
  });

  test('K4: the two developer clauses overlap at exactly 200,000 m²', () => {
    const k4 = find(defaults, 'K4');
    expect(k4.verdict).toBe('conflict');
    expect(show(k4)).toEqual({ thresholdM2: '200000', inKindClaims: 'true', fundsClaims: 'true', routeAtThreshold: 'in-kind' });
    expect(show(find(auditPolicy(createPolicy({ developer: { boundary: 'funds' } })).findings, 'K4')).routeAtThreshold).toBe('funds');
  });

  test('K5: at the threshold the money route asks 600 m² worth, the rooms in kind about 266.67 m²', () => {
    const k5 = find(defaults, 'K5');
    expect(k5.verdict).toBe('conflict');
    // 200,000 m² ÷ 100 m² per household = 2,000 households × 8/3 = 5,333.33… residents × 5/100 = 266.66… m²
    // break-even: (8/3 × 5/100) ÷ 0.003 = 44.44… m² per household
    expect(show(k5)).toEqual({
      thresholdM2: '200000',
      fundsAreaM2: '600',
      inKindAreaM2: '266.66666666666666667',
      assumedFloorAreaPerHouseholdM2: '100',
      impliedHouseholdSize: '2.6666666666666666667',
      breakEvenFloorAreaPerHouseholdM2: '44.444444444444444444',
    });
  });

  test('K5 is consistent when households are small: at 40 m² each the rooms (666.67 m²) exceed the money (600 m²)', () => {
    const k5 = find(auditPolicy(createPolicy(), { floorAreaPerHouseholdM2: 40 }).findings, 'K5');
    expect(k5.verdict).toBe('consistent');
    expect(String(k5.numbers.inKindAreaM2)).toBe('666.66666666666666667');
  });

  test('K6: 8,000 ÷ 3,000 ≈ 2.67 people per household', () => {
    expect(show(find(defaults, 'K6')).impliedHouseholdSize).toBe('2.6666666666666666667');
    expect(find(defaults, 'K6').verdict).toBe('consistent');
  });

  test('K7: the city’s 400 m² falls short of the national plan’s 600 m² for 3,000 households', () => {
    const k7 = find(defaults, 'K7');
    expect(k7.verdict).toBe('gap');
    expect(show(k7)).toEqual({ localAreaM2: '400', nationalPlan2011AreaM2: '600', nationalGuidance2017AreaM2: '900', households: '3000' });
    expect(find(auditPolicy(createPolicy({ rooms: { m2Per100Residents: 8 } })).findings, 'K7').verdict).toBe('consistent');
  });

  test('K8–K10: money flows, the missing price, full coverage', () => {
    expect(find(defaults, 'K8').verdict).toBe('consistent');
    expect(find(defaults, 'K9').verdict).toBe('gap');
    expect(show(find(defaults, 'K10'))).toEqual({ startYear: '2011', fullCoverageYear: '2014' });
    expect(find(auditPolicy(createPolicy({ rollout: { mode: 'share-of-remaining' } })).findings, 'K10').verdict).toBe('gap');
  });

  test('counts add up', () => {
    expect(auditPolicy().counts).toEqual({ consistent: 6, conflict: 2, gap: 2 });
  });

  test('refuses what is not a policy, and bad assumptions', () => {
    expect(() => auditPolicy({} as never)).toThrow(PolicyInputError);
    expect(() => auditPolicy(createPolicy(), { floorAreaPerHouseholdM2: 0 })).toThrow(PolicyInputError);
    expect(() => auditPolicy(createPolicy(), { floorArea: 90 } as never)).toThrow(PolicyInputError);
  });
});
