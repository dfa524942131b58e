/**
 * Every rule explains itself: the whole trace of each rule and branch, in both
 * languages. The numbers in each line are worked out by hand in the comments.
 */
import { describe, expect, test } from 'vitest';
import { createPolicy, PRESETS, type TraceStep } from '../src/index.js';

const policy = createPolicy();
const lines = (trace: readonly TraceStep[]) => trace.map((s) => [s.zh, s.en]);

describe('traces', () => {
  test('communitySize: 3,100 households (+1/30) and 6,000 residents (−0.25)', () => {
    expect(lines(policy.communitySize({ households: 3100, residents: 6000 }).trace)).toEqual([
      ['户数偏差：(3,100 − 3,000) ÷ 3,000 ≈ 3.3 %，在 ±20 % 以内', 'Households deviation: (3,100 − 3,000) ÷ 3,000 ≈ 3.3 %, within ±20 %'],
      ['人口偏差：(6,000 − 8,000) ÷ 8,000 = -25 %，超出 ±20 %', 'Residents deviation: (6,000 − 8,000) ÷ 8,000 = -25 %, outside ±20 %'],
      ['至少一项超出“左右”的范围(I4)：规模不符合要求', 'At least one outside "approximately" (I4): the size misses the guideline'],
    ]);
    expect(lines(policy.communitySize({ households: 3000, residents: 8000 }).trace)[2]).toEqual([
      '两项均在“左右”的范围内(I4)：规模符合要求',
      'Both within "approximately" (I4): the size meets the guideline',
    ]);
  });

  test('planCommunities: 6,000 households and 8,000 residents in 2 communities of 3,000 and 4,000', () => {
    expect(lines(policy.planCommunities({ households: 6000, residents: 8000 }).trace)).toEqual([
      [
        '划分为 2 个社区时，两项相对偏差中较大者最小(相同时取较少的社区数)',
        '2 communities make the larger of the two relative deviations smallest (ties go to fewer communities)',
      ],
      ['每个社区平均：6,000 ÷ 2 = 3,000 户，8,000 ÷ 2 = 4,000 人', 'Per community: 6,000 ÷ 2 = 3,000 households, 8,000 ÷ 2 = 4,000 residents'],
      ['户数偏差：(6,000/2 − 3,000) ÷ 3,000 = 0 %，在 ±20 % 以内', 'Households deviation: (6,000/2 − 3,000) ÷ 3,000 = 0 %, within ±20 %'],
      ['人口偏差：(8,000/2 − 8,000) ÷ 8,000 = -50 %，超出 ±20 %', 'Residents deviation: (8,000/2 − 8,000) ÷ 8,000 = -50 %, outside ±20 %'],
    ]);
  });

  test('serviceRoomArea on the household basis: 3,000 × 20 ÷ 100 = 600 m², the residents named as unused', () => {
    expect(lines(createPolicy(PRESETS.nationalPlan2011).serviceRoomArea({ households: 3000, residents: 8000 }).trace)).toEqual([
      ['按户数(I9)：3,000 户 × 每百户 20 m² ÷ 100 = 600 m²', 'By households (I9): 3,000 × 20 m² per 100 households ÷ 100 = 600 m²'],
      ['另给出的居民人数 8,000 不参与计算(I9)', 'The residents given (8,000) are not used on this basis (I9)'],
    ]);
    expect(lines(policy.serviceRoomArea({ residents: 8000 }).trace)[0]![0]).toBe('按居民人数(I9)：8,000 人 × 每百人 5 m² ÷ 100 = 400 m²');
  });

  test('ruralRollout, share of the remaining: 100 % − 70 %² = 51 %, 100 villages → 51', () => {
    expect(lines(createPolicy({ rollout: { mode: 'share-of-remaining' } }).ruralRollout({ year: 2012, villages: 100 }).trace)).toEqual([
      ['自 2011 年起，到 2012 年底已推行 2 年', 'From 2011, 2 rollout year(s) are complete by the end of 2012'],
      [
        '按“每年占尚未推行村(组)的 30 %”(I2)：100 % − (100 % − 30 %)^2 = 51 %',
        'Reading "30 % of the villages not yet reached" (I2): 100 % − (100 % − 30 %)^2 = 51 %',
      ],
      ['100 个村(组) × 51 %，向上取整 = 51 个', '100 villages × 51 %, rounded up = 51'],
    ]);
  });

  test('ruralRolloutSchedule: 30 % × 3 = 90 % → 9 of 10, then min(100 %, 120 %) = 100 % → 10', () => {
    expect(lines(policy.ruralRolloutSchedule({ from: 2013, to: 2014, villages: 10 }).trace)).toEqual([
      ['按“每年占全部村(组)的 30 %”(I2)：min(100 %, 30 % × 3) = 90 %', 'Reading "30 % of all villages a year" (I2): min(100 %, 30 % × 3) = 90 %'],
      ['10 个村(组) × 90 %，向上取整 = 9 个', '10 villages × 90 %, rounded up = 9'],
      ['按“每年占全部村(组)的 30 %”(I2)：min(100 %, 30 % × 4) = 100 %', 'Reading "30 % of all villages a year" (I2): min(100 %, 30 % × 4) = 100 %'],
      ['10 个村(组) × 100 %，向上取整 = 10 个', '10 villages × 100 %, rounded up = 10'],
    ]);
  });

  test('cityFundBudget compounded: 1,000,000 × 1.1² = 1,210,000', () => {
    expect(lines(createPolicy({ funding: { mode: 'compound' } }).cityFundBudget({ baseYearTotal: 1000000, year: 2013 }).trace)).toEqual([
      ['基数：2011 年社区建设专项资金与补助资金合计 1,000,000 元', 'Base: the 2011 special plus subsidy funds, 1,000,000 yuan'],
      [
        '2013 年(I1 逐年复合，自 2012 年起增长 2 次)：1,000,000 元 × (100 % + 10 %)^2 = 1,210,000 元',
        '2013 (I1 compound, 2 growth step(s) from 2012): 1,000,000 yuan × (100 % + 10 %)^2 = 1,210,000 yuan',
      ],
    ]);
  });

  test('cityFundSchedule: 100 → 110 → 120', () => {
    expect(lines(policy.cityFundSchedule({ baseYearTotal: 100, from: 2012, to: 2013 }).trace)).toEqual([
      ['基数：2011 年社区建设专项资金与补助资金合计 100 元', 'Base: the 2011 special plus subsidy funds, 100 yuan'],
      [
        '2012 年(I1 固定增量，自 2012 年起增长 1 次)：100 元 × (100 % + 10 % × 1) = 110 元',
        '2012 (I1 fixed increment, 1 growth step(s) from 2012): 100 yuan × (100 % + 10 % × 1) = 110 yuan',
      ],
      [
        '2013 年(I1 固定增量，自 2012 年起增长 2 次)：100 元 × (100 % + 10 % × 2) = 120 元',
        '2013 (I1 fixed increment, 2 growth step(s) from 2012): 100 yuan × (100 % + 10 % × 2) = 120 yuan',
      ],
    ]);
  });

  test('streetSubsidyMinimum: no year, a whole year, part of a year (none and by-days), a year it did not exist', () => {
    expect(lines(policy.streetSubsidyMinimum({ communities: 1 }).trace)).toEqual([
      ['每个社区每年不低于 30,000 元', 'At least 30,000 yuan per community per year'],
      ['1 个社区 × 30,000 元 = 30,000 元', '1 community × 30,000 yuan = 30,000 yuan'],
    ]);
    expect(lines(policy.streetSubsidyMinimum({ communities: 3, year: 2012 }).trace)).toEqual([
      ['2012 年共 366 天，社区全年存续', '2012 has 366 days; the communities exist all year'],
      ['不折算(I8)：存续不足一年也按全年 30,000 元', 'Not prorated (I8): part of a year counts as a whole year, 30,000 yuan'],
      ['3 个社区 × 30,000 元 = 90,000 元', '3 communities × 30,000 yuan = 90,000 yuan'],
    ]);
    expect(
      lines(createPolicy({ streetSubsidy: { proration: 'by-days' } }).streetSubsidyMinimum({ communities: 2, year: 2013, activeFrom: '2013-07-01' }).trace),
    ).toEqual([
      [
        '2013 年共 365 天；社区存续期 2013-07-01 – … 中有 184 天在该年内(首尾均计)',
        '2013 has 365 days; 184 of them fall in the active period 2013-07-01 – … (both ends counted)',
      ],
      [
        '按天折算(I8)：30,000 元 × 184 ÷ 365，四舍五入到分 = 15,123.29 元',
        'Prorated by days (I8): 30,000 yuan × 184 ÷ 365, rounded half up to the fen = 15,123.29 yuan',
      ],
      ['2 个社区 × 15,123.29 元 = 30,246.58 元', '2 communities × 15,123.29 yuan = 30,246.58 yuan'],
    ]);
    expect(lines(policy.streetSubsidyMinimum({ communities: 1, year: 2013, activeTo: '2012-12-31' }).trace)).toEqual([
      [
        '2013 年共 365 天；社区存续期 … – 2012-12-31 中有 0 天在该年内(首尾均计)',
        '2013 has 365 days; 0 of them fall in the active period … – 2012-12-31 (both ends counted)',
      ],
      ['该年内社区不存在，不需配套补助', 'The communities do not exist in that year: no subsidy is due'],
      ['1 个社区 × 0 元 = 0 元', '1 community × 0 yuan = 0 yuan'],
    ]);
  });

  test('developerObligation: in kind without residents (price unused), funds without a price (residents unused)', () => {
    expect(lines(policy.developerObligation({ floorAreaM2: 250000, pricePerM2: 3000 }).trace)).toEqual([
      ['开发面积 250,000 m² 达到 200,000 m² 以上：配建社区用房', 'Floor area 250,000 m² is 200,000 m² or more: rooms in kind'],
      ['配建用房时不使用单价', 'The price per m² is not used on the in-kind route'],
      ['未给出居民人数，无法按配置标准算出用房面积', 'No residents given: the room area by the standard cannot be sized'],
    ]);
    expect(lines(policy.developerObligation({ floorAreaM2: 100000, residents: 3000 }).trace)).toEqual([
      ['开发面积 100,000 m² 在 200,000 m² 以下：缴纳社区用房资金', 'Floor area 100,000 m² is 200,000 m² or less: money for community rooms'],
      ['按实际开发面积的 0.3 %(I6 面积当量)：100,000 m² × 0.3 % = 300 m²', '0.3 % of the developed area (I6, area equivalent): 100,000 m² × 0.3 % = 300 m²'],
      ['缴纳资金时不按人口或户数配置用房', 'Residents and households are not used on the funds route'],
      ['未给出单价：应缴金额为上述面积的价值', 'No price per m² given: the money due is the worth of that area'],
    ]);
    expect(lines(policy.developerObligation({ floorAreaM2: 150000, pricePerM2: 3000 }).trace)[2]).toEqual([
      '450 m² × 3,000 元/m² = 1,350,000 元',
      '450 m² × 3,000 yuan/m² = 1,350,000 yuan',
    ]);
    expect(lines(createPolicy(PRESETS.nationalPlan2011).developerObligation({ floorAreaM2: 300000, households: 1000 }).trace)[1]).toEqual([
      '按户数(I9)：1,000 户 × 每百户 20 m² ÷ 100 = 200 m²',
      'By households (I9): 1,000 × 20 m² per 100 households ÷ 100 = 200 m²',
    ]);
    expect(lines(createPolicy({ developer: { boundary: 'funds' } }).developerObligation({ floorAreaM2: 200000 }).trace)[0]![0]).toBe(
      '开发面积 200,000 m² 恰为 200,000 m²：“以上”与“以下”都包含本数，两款都适用；按 I5 取“缴纳资金”',
    );
  });

  test('targets: due after 2013', () => {
    expect(lines(policy.targets({ year: 2014 }).trace)).toEqual([
      ['“三年左右”按 3 年计(I7)：2011 至 2013 年，2013 年底到期', '"About three years" read as 3 years (I7): 2011 to 2013, due at the end of 2013'],
      ['到 2014 年底已过 3 / 3 年，目标已到期', 'By the end of 2014, 3 of 3 years have passed; the targets are due'],
      ['目标：城市社区 100 %、农村社区 90 % 达标', 'Targets: 100 % of urban and 90 % of rural communities built to standard'],
    ]);
  });

  test('requiredStaff in Chinese, each rounding named', () => {
    expect(lines(policy.requiredStaff({ households: 1200 }).trace).map(([zh]) => zh)).toEqual([
      '计入户数：1,200 户 + 流动人口 0 户 = 1,200 户',
      '1,200 ÷ 每名工作人员 600 户 = 2',
      '按“向上取整”(I3) 取整：2 名',
    ]);
    expect(createPolicy({ staffing: { rounding: 'floor' } }).requiredStaff({ households: 1 }).trace[2]).toEqual({
      zh: '按“向下取整”(I3) 取整：0 名',
      en: 'Rounded down (I3): 0 workers',
    });
    expect(createPolicy({ staffing: { rounding: 'half-up' } }).requiredStaff({ households: 300 }).trace[2]).toEqual({
      zh: '按“四舍五入”(I3) 取整：1 名',
      en: 'Rounded half up (I3): 1 worker',
    });
  });
});
