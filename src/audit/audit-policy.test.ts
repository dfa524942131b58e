import { describe, expect, test } from 'vitest';
import { codesOf } from '../../test/support/issues.js';
import { createPolicy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { A43_FLOWS, auditPolicy, k8, type AuditFinding } from './audit-policy.js';

const find = (findings: readonly AuditFinding[], id: string) => findings.find((f) => f.id === id)!;
const show = (f: AuditFinding) => Object.fromEntries(Object.entries(f.numbers).map(([k, v]) => [k, String(v)]));

describe('auditPolicy: the policy checked against itself', () => {
  test('the TSDoc examples hold', () => {
    expect(find(auditPolicy().findings, 'K1').verdict).toBe('consistent');
    expect(String(auditPolicy(createPolicy({ rollout: { mode: 'share-of-remaining' } })).findings[0]!.numbers.rolloutShare)).toBe('0.657');
  });

  // Audited inside each test (not while the suite is collected), so that mutation testing sees it.
  const defaults = () => auditPolicy().findings;

  test('K1: 30 % a year from 2011 reaches exactly the 90 % rural target at the end of 2013', () => {
    const k1 = find(defaults(), 'K1');
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
    expect(find(defaults(), 'K2').verdict).toBe('consistent');
    expect(show(find(defaults(), 'K2'))).toEqual({ households: '3000', householdsPerWorker: '600', staff: '5', remainder: '0' });
    const k2 = find(auditPolicy(createPolicy({ staffing: { householdsPerWorker: 700 } })).findings, 'K2');
    expect(k2.verdict).toBe('gap');
    expect(show(k2)).toMatchObject({ staff: '5', remainder: '200' }); // 3000 = 4 × 700 + 200 → ceil 5
  });

  test('K3: a standard community of 8,000 residents needs 400 m²', () => {
    expect(show(find(defaults(), 'K3'))).toMatchObject({ areaM2: '400', basis: 'residents' });
  });

  test('K4: the two developer clauses overlap at exactly 200,000 m²', () => {
    const k4 = find(defaults(), 'K4');
    expect(k4.verdict).toBe('conflict');
    expect(show(k4)).toEqual({ thresholdM2: '200000', inKindClaims: 'true', fundsClaims: 'true', routeAtThreshold: 'in-kind' });
    expect(show(find(auditPolicy(createPolicy({ developer: { boundary: 'funds' } })).findings, 'K4')).routeAtThreshold).toBe('funds');
  });

  test('K5: at the threshold the money route asks 600 m² worth, the rooms in kind about 266.67 m²', () => {
    const k5 = find(defaults(), 'K5');
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
    expect(show(find(defaults(), 'K6')).impliedHouseholdSize).toBe('2.6666666666666666667');
    expect(find(defaults(), 'K6').verdict).toBe('consistent');
  });

  test('K7: the city’s 400 m² falls short of the national plan’s 600 m² for 3,000 households', () => {
    const k7 = find(defaults(), 'K7');
    expect(k7.verdict).toBe('gap');
    expect(show(k7)).toEqual({ localAreaM2: '400', nationalPlan2011AreaM2: '600', nationalPlan2021AreaM2: '900', households: '3000' });
    expect(find(auditPolicy(createPolicy({ rooms: { m2Per100Residents: 8 } })).findings, 'K7').verdict).toBe('consistent');
  });

  test('K8–K10: money flows, the missing price, full coverage', () => {
    expect(find(defaults(), 'K8').verdict).toBe('consistent');
    expect(find(defaults(), 'K9').verdict).toBe('gap');
    expect(show(find(defaults(), 'K10'))).toEqual({ startYear: '2011', fullCoverageYear: '2014' });
    expect(find(auditPolicy(createPolicy({ rollout: { mode: 'share-of-remaining' } })).findings, 'K10').verdict).toBe('gap');
  });

  test('counts add up', () => {
    // Counted from the verdicts, however many checks there are.
    const a = auditPolicy();
    const by = { consistent: 0, conflict: 0, gap: 0 };
    for (const f of a.findings) by[f.verdict]++;
    expect(a.counts).toEqual(by);
    expect(a.findings.filter((f) => f.verdict === 'conflict').map((f) => f.id)).toEqual(['K4', 'K5', 'K11']);
  });

  test('refuses what is not a policy, and bad assumptions', () => {
    expect(() => auditPolicy({ policy: {} as never })).toThrow(PolicyInputError);
    expect(() => auditPolicy({ polcy: 1 } as never)).toThrow(PolicyInputError);
    expect(auditPolicy({}).counts).toEqual(auditPolicy().counts);
    expect(() => auditPolicy(createPolicy(), { floorAreaPerHouseholdM2: 0 })).toThrow(PolicyInputError);
    expect(() => auditPolicy(createPolicy(), { floorArea: 90 } as never)).toThrow(PolicyInputError);
  });
});

describe('the audit explains each verdict with its numbers', () => {
  test('under the defaults', () => {
    expect(auditPolicy().findings.map((f) => [f.id, f.explanation.zh, f.explanation.en])).toEqual([
      ['K1', '到 2013 年底推行比例 90 % 达到农村目标 90 %', 'By the end of 2013 the rollout reaches 90 %, meeting the rural target of 90 %'],
      ['K2', '3,000 户正好是 600 户的 5 倍：两项标准无需取整即可衔接', '3,000 households are exactly 5 × 600: the two standards fit without rounding'],
      ['K3', '标准社区按人口计需用房 400 m²', 'A standard community needs 400 m² of rooms (by its residents)'],
      [
        'K4',
        '“以上”与“以下”都包含 200,000 m² 本数，两款同时适用；按 I5 取“配建用房”',
        '以上 and 以下 both include 200,000 m², so both clauses apply; I5 picks rooms in kind',
      ],
      [
        'K5',
        '在 200,000 m² 处缴资金相当于 600 m²，而按标准配建只需约 266.67 m²(假设每户 100 m²)：略小的项目负担反而更重；每户面积超过约 44.44 m² 时都是如此',
        'At 200,000 m² the money route asks for 600 m² worth, while rooms by the standard come to about 266.67 m² (assuming 100 m² per household): a slightly smaller project carries the heavier burden, as it does whenever households average more than about 44.44 m²',
      ],
      ['K6', '8,000 人 ÷ 3,000 户 ≈ 2.67 人/户', '8,000 residents ÷ 3,000 households ≈ 2.67 people per household'],
      [
        'K7',
        '标准社区按本市标准需 400 m²，低于同年国家规划每百户 20 m² 的 600 m²(2021年国家规划新建设施为 900 m²)',
        'A standard community needs 400 m² by the city’s standard, less than the 600 m² of the national plan of the same year at 20 m² per 100 households (900 m² for new facilities under the national plan of 2021)',
      ],
      [
        'K8',
        '四(三)提到的用房资金、“费随事转”、上级项目资金和捐助都属于四(四)专户的六类资金',
        'The room money, 费随事转 funding, higher-level project money and donations of A.4.3 are all among the six kinds of A.4.4',
      ],
      [
        'K9',
        '按开发面积的 3‰ 只能得出 300 m² 的面积当量，原文未给出折算金额的单价(I6)',
        '3‰ of the developed area gives an area equivalent of 300 m²; the text names no price to turn it into money (I6)',
      ],
      ['K10', '2014 年底推行到全部村(组)', 'Every village is reached by the end of 2014'],
      [
        'K11',
        '2011年12月31日：标准社区(3,000 户、8,000 人)《城乡社区建设工作意见(约 2011 年)》按 8,000 人需 400 m²；《社区服务体系建设规划(2011－2015年)》(国办发〔2011〕61号)每百户 20 m² 需 600 m²(转引)：本市标准偏低',
        'On 2011-12-31, for a standard community of 3,000 households and 8,000 residents, Opinions on urban–rural community building (about 2011) asks 400 m² (by its residents); Plan for the community service system, 2011–2015 (国办发〔2011〕61号) at 20 m² per 100 households asks 600 m² (quoted by another document): the city’s standard is lower',
      ],
    ]);
  });

  test('under other readings: the other branch of each explanation', () => {
    // rollout 1 − 0.7³ = 0.657; 3000 = 4 × 700 + 200 → ceil 5; rooms 8000 × 8/100 = 640 ≥ 600;
    // threshold 1,000 m²: funds 3 m², in kind 1000/40 = 25 households × 8/3 × 8/100 = 5.33 m²
    const p = createPolicy({
      rollout: { mode: 'share-of-remaining' },
      staffing: { householdsPerWorker: 700 },
      rooms: { m2Per100Residents: 8 },
      developer: { thresholdM2: 1000, boundary: 'funds' },
    });
    const byId = Object.fromEntries(auditPolicy(p, { floorAreaPerHouseholdM2: 40 }).findings.map((f) => [f.id, [f.explanation.zh, f.explanation.en]]));
    expect(byId.K1).toEqual([
      '到 2013 年底推行比例只有 65.7 %，低于农村目标 90 %',
      'By the end of 2013 the rollout reaches only 65.7 %, short of the rural target of 90 %',
    ]);
    expect(byId.K2).toEqual([
      '3,000 户不是 700 户的整数倍(余 200)，原文未说明如何取整，按 I3 得 5 名',
      '3,000 households are not a whole multiple of 700 (remainder 200); the text does not say how to round, and I3 gives 5',
    ]);
    expect(byId.K4![0]).toBe('“以上”与“以下”都包含 1,000 m² 本数，两款同时适用；按 I5 取“缴纳资金”');
    expect(byId.K5).toEqual([
      '在 1,000 m² 处缴资金相当于 3 m²，不超过配建的约 5.33 m²(假设每户 40 m²)',
      'At 1,000 m² the money route asks for 3 m² worth, no more than the about 5.33 m² in kind (assuming 40 m² per household)',
    ]);
    expect(byId.K7).toEqual(['本市标准 640 m² 不低于国家规划的 600 m²', 'The city’s 640 m² is not below the national plan’s 600 m²']);
    expect(byId.K10).toEqual([
      '按此口径推行比例永远达不到 100 %，“全覆盖工程”没有完成之年',
      'Under this reading the share never reaches 100 %: the full-coverage programme has no end',
    ]);
  });
});

describe('each check names itself, its clauses and its readings', () => {
  test('titles, clauses and interpretations of K1–K11 under the defaults', () => {
    expect(
      auditPolicy().findings.map((f) => [f.id, f.title.zh, f.title.en, f.clauses.join(' '), f.interpretations.map((i) => `${i.id}:${i.choice}`).join(' ')]),
    ).toEqual([
      ['K1', '农村社区推行进度与农村达标目标', 'Rural rollout against the rural target', 'A.3.3 A.2', 'I2:share-of-all I7:end-of-2013'],
      ['K2', '标准社区的工作人员数', 'Workers of a standard community', 'A.3.1 A.4.2', 'I3:ceil'],
      ['K3', '标准社区的用房面积', 'Rooms of a standard community', 'A.3.1 A.3.4', 'I9:residents'],
      ['K4', '开发项目两款在门槛 200,000 m² 处重叠', 'The two developer clauses overlap at the threshold of 200,000 m²', 'A.4.3', 'I5:in-kind'],
      ['K5', '门槛两侧的负担不连续', 'The burden jumps at the threshold', 'A.4.3 A.3.4 A.3.1', 'I6:area-equivalent I9:residents'],
      ['K6', '规模标准隐含的户均人口', 'Household size implied by the size guideline', 'A.3.1', ''],
      ['K7', '用房标准与国家标准', 'Room standard against the national standards', 'A.3.4', 'I9:residents'],
      ['K8', '投入条款的资金都归入专户', 'Every money flow of the funding clause has a place in the special account', 'A.4.3 A.4.4', ''],
      ['K9', '用房资金(开发面积的 3‰)没有单价', 'The room money (3‰ of the developed area) has no price', 'A.4.3', 'I6:area-equivalent'],
      ['K10', '农村社区全覆盖的年份', 'When the rural rollout covers every village', 'A.3.3', 'I2:share-of-all'],
      ['K11', '用房标准与同日适用的国家标准', 'Room standard against the national standards in force on the same day', 'A.3.4', 'I9:residents'],
    ]);
  });

  test('the numbers of K8–K10', () => {
    const [k8, k9] = auditPolicy().findings.slice(7, 9).map(show);
    expect(k8).toEqual({
      开发企业缴纳的社区用房资金: 'developer-room-funds',
      费随事转: 'fee-follows-task',
      上级项目资金: 'higher-level-projects',
      社会资本捐助: 'donations',
    });
    // half the threshold, 100,000 m² × 0.003 = 300 m²
    expect(k9).toEqual({ floorAreaM2: '100000', fundsAreaM2: '300', amountDetermined: 'false' });
  });

  test('on a per-household room standard, K3 and K5 size rooms by households', () => {
    const p = createPolicy({ rooms: { m2Per100Households: 20 } });
    const [k3, , k5] = auditPolicy(p).findings.slice(2, 5);
    expect([k3!.explanation.en, String(k3!.numbers.areaM2)]).toEqual(['A standard community needs 600 m² of rooms (by its households)', '600']);
    // 200,000 m² ÷ 100 m² = 2,000 households × 20/100 = 400 m² in kind against 600 m² of money; break-even 0.2 ÷ 0.003 = 66.67 m²
    expect([String(k5!.numbers.inKindAreaM2), String(k5!.numbers.breakEvenFloorAreaPerHouseholdM2)]).toEqual(['400', '66.666666666666666667']);
    expect(k5!.interpretations).toContainEqual({ id: 'I9', choice: 'households' });
  });

  test('K6 flags an implausible household size', () => {
    const k6 = auditPolicy(createPolicy({ sizing: { households: 100, residents: 8000 } })).findings[5]!;
    expect([k6.verdict, k6.explanation.en]).toEqual(['conflict', '8,000 residents ÷ 100 households = 80 people per household, outside a plausible 1–10']);
  });

  test('refuses a policy-like object without rules and an assumption of the wrong kind', () => {
    expect(() => auditPolicy({ parameters: {} } as never)).toThrow(
      'Invalid input to auditPolicy: policy: expected a policy made by createPolicy(), got an object',
    );
    expect(() => auditPolicy(createPolicy(), { floorAreaPerHouseholdM2: 0 })).toThrow('floorAreaPerHouseholdM2: expected a floor area above 0, got 0');
    expect(() => auditPolicy(createPolicy(), null as never)).toThrow(PolicyInputError);
  });
});

describe('the audit at its less common edges', () => {
  test('K8 names a flow the six kinds of A.4.4 do not take', () => {
    const k = k8([...A43_FLOWS, '彩票公益金']);
    expect(k.verdict).toBe('gap');
    expect(k.numbers.彩票公益金).toBe('none');
    expect([k.explanation.zh, k.explanation.en]).toEqual(['未归入专户的资金：彩票公益金', 'Money with no place in the account: 彩票公益金']);
    const two = k8(['x', '捐助', 'y']);
    expect(two.explanation).toEqual({ zh: '未归入专户的资金：x、y', en: 'Money with no place in the account: x, y' });
  });

  test('K5 compares with the money route under the policy’s own rate: 200,000 m² × 0.004 = 800 m²', () => {
    const k5 = auditPolicy(createPolicy({ developer: { fundsRate: '0.004' } })).findings[4]!;
    expect(String(k5.numbers.fundsAreaM2)).toBe('800');
  });

  test('K7 compares with the national standards under the policy’s own standard community: 4,000 households × 20/100 = 800 m²', () => {
    const k7 = auditPolicy(createPolicy({ sizing: { households: 4000 } })).findings[6]!;
    expect([String(k7.numbers.nationalPlan2011AreaM2), String(k7.numbers.nationalPlan2021AreaM2)]).toEqual(['800', '1200']);
  });

  test('K6: a non-terminating household size is shown as approximate, 10 people per household is still plausible, 1 too', () => {
    const k6 = (households: number, residents: number) => auditPolicy(createPolicy({ sizing: { households, residents } })).findings[5]!;
    expect(k6(3000, 10000).explanation.zh).toBe('10,000 人 ÷ 3,000 户 ≈ 3.33 人/户');
    expect(k6(1000, 10000).verdict).toBe('consistent');
    expect(k6(1000, 10001).verdict).toBe('conflict');
    expect(k6(1000, 1000).verdict).toBe('consistent');
    expect(k6(1000, 999).verdict).toBe('conflict');
  });

  test('K10 counts the years instead of searching to 2100: 0.0112 a year from 2011 covers every village in 2100 (90 × 0.0112 = 1.008; 89 × 0.0112 = 0.9968), 0.011 in 2101 (91 × 0.011 = 1.001), 1 % in 2110', () => {
    const k10 = (sharePerYear: string) => auditPolicy(createPolicy({ rollout: { sharePerYear } })).findings[9]!;
    expect([k10('0.0112').verdict, k10('0.0112').numbers.fullCoverageYear]).toEqual(['consistent', 2100]);
    expect([k10('0.011').verdict, k10('0.011').numbers.fullCoverageYear]).toEqual(['consistent', 2101]);
    expect([k10('0.01').verdict, k10('0.01').numbers.fullCoverageYear]).toEqual(['consistent', 2110]);
    // 1 ÷ 0.25 = 4 exactly: the fourth year, not a fifth.
    expect(k10('0.25').numbers.fullCoverageYear).toBe(2014);
    // A share far below a year's worth still gives a year, exactly, beyond safe integers.
    // 3 × 10^-41 a year: ceil(10^41 ÷ 3) years from 2011 (worked out in exact rationals).
    expect(String(k10(`0.${'0'.repeat(40)}3`).numbers.fullCoverageYear)).toBe('33333333333333333333333333333333333335344');
  });

  test('K3 and K6 say how they counted: by households (户数), and = for a household size that is exact', () => {
    expect(auditPolicy(createPolicy({ rooms: { m2Per100Households: 20 } })).findings[2]!.explanation.zh).toBe('标准社区按户数计需用房 600 m²');
    expect(auditPolicy(createPolicy({ sizing: { households: 3000, residents: 9000 } })).findings[5]!.explanation).toEqual({
      zh: '9,000 人 ÷ 3,000 户 = 3 人/户',
      en: '9,000 residents ÷ 3,000 households = 3 people per household',
    });
    expect(auditPolicy(createPolicy({ sizing: { households: 100, residents: 8000 } })).findings[5]!.explanation.zh).toBe(
      '8,000 人 ÷ 100 户 = 80 人/户，不在 1 至 10 人的合理范围内',
    );
  });

  test('a floor area that is not a number is reported once, by what it is', () => {
    expect(codesOf(() => auditPolicy(undefined, { floorAreaPerHouseholdM2: -1 }))).toEqual(['floorAreaPerHouseholdM2: not-an-amount']);
    try {
      auditPolicy(undefined, { floorAreaPerHouseholdM2: -1 });
    } catch (e) {
      expect((e as PolicyInputError).issues).toHaveLength(1);
    }
  });

  test('the floor area per household may be given as a decimal string', () => {
    expect(String(auditPolicy(createPolicy(), { floorAreaPerHouseholdM2: '40' }).findings[4]!.numbers.inKindAreaM2)).toBe('666.66666666666666667');
  });
});
