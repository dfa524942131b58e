import { describe, expect, test } from 'vitest';
import { createPolicy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { evaluateCity } from '../evaluate/city.js';
import { NINGGUO_2011, NINGGUO_2011_SOURCE } from '../policies/ningguo-2011.js';
import { formatReport, readEvaluation, type ReportOptions } from './format-report.js';

// The reports below were worked out for these eight provisions of the city's document: they are made under a policy
// of them, so that a provision added to the list (a line more, a count more) changes none of them. (The layout tests
// hold the report under the city's own list to the same lines.)
const WORKED = [
  'a-2-targets',
  'a-3-1-size',
  'a-3-3-rural-rollout',
  'a-3-4-rooms',
  'a-4-2-staff',
  'a-4-3-1-city-fund',
  'a-4-3-2-street-subsidy',
  'a-4-3-3-developer',
];
const policy = createPolicy(undefined, { provisions: NINGGUO_2011.filter((p) => WORKED.includes(p.id)), source: NINGGUO_2011_SOURCE });
const report = (options: ReportOptions = {}) => formatReport(evaluation(), { ...options, policy });

// One urban community 100 m² short of its 400 m² (8,000 × 5/100), 9 of 10 villages reached (0.9 × 10 = 9 due),
// no budget data; 0 of 1 urban communities meet every check against a target of 1 due in 2013.
// Evaluated inside each test (not while the suite is collected), so that mutation testing sees it.
const evaluation = () =>
  evaluateCity(
    {
      year: 2013,
      communities: [
        {
          id: 'c1',
          name: 'x',
          kind: 'urban',
          households: 3000,
          residents: 8000,
          roomAreaM2: 300,
          staff: 5,
          roomsOnGroundFloor: true,
          oneStopWindow: true,
          streetSubsidyPaid: 30000,
        },
      ],
      villages: { total: 10, covered: 9 },
      developerProjects: [],
    },
    { policy },
  );

describe('formatReport', () => {
  test('the TSDoc examples hold', () => {
    const empty = evaluateCity({ year: 2013, communities: [] });
    expect(formatReport(empty, { lang: 'en' }).split('\n')[0]).toBe('Community-building compliance report');
    expect(JSON.parse(formatReport(empty, { format: 'json' })).summary.year).toBe(2013);
  });

  test('Markdown: summary, failing and unknown findings worst first, totals, counts by provision', () => {
    const md = report({ format: 'markdown', lang: 'en' }).split('\n');
    expect(md.slice(0, 12)).toEqual([
      '# Community-building compliance report',
      '',
      '- Year: 2013    Communities: 1',
      '- Findings: ✓ 6 pass   ✗ 2 fail   ? 1 unknown',
      '- Urban communities meeting all checks: 0 / 1 (0 %)',
      '',
      '## Failing and unknown findings, worst first',
      '',
      '|  | subject | provision | clause | expected | actual | message |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| ✗ | the city | urban communities up to standard (Q1/Q2) | A.2 | 100 % | 0 % | 0 of 1 urban communities meet all their checks (0 %); target 100 %, due |',
      '| ✗ | c1 | room area (Q7) | A.3.4 | 400 m² | 300 m² | Rooms 300 m² against 400 m²: 100 m² short |',
    ]);
    expect(md).toContain('| ? | the city, 2013 | city fund (Q9) | A.4.3 | not given | not given | The data gives no city budget |');
    expect(md).toContain('| Community rooms | 100 m² |');
    expect(md).toContain('| room area (Q7) | 0 | 1 | 0 |');
  });

  test('Chinese text with a limit says how many more there are', () => {
    const text = report({ limit: 1 });
    expect(text.split('\n').slice(0, 5)).toEqual([
      '社区建设政策合规报告',
      '====================',
      '年度: 2013    社区: 1',
      '检查结果: ✓ 6 通过   ✗ 2 未通过   ? 1 无法判断',
      '全部达标的城市社区: 0 / 1 (0 %)',
    ]);
    expect(text).toContain('…… 另有 2 条未列出');
    expect(text).toContain('  社区用房            100 m²');
  });

  test('all: true lists the passing findings too; an all-pass report says so', () => {
    expect(report({ all: true, lang: 'en' }).match(/^✓ /gm)).toHaveLength(6);
    const ok = evaluateCity({ year: 2013, communities: [], villages: { total: 10, covered: 10 } });
    const okNoUnknown = { ...ok, findings: ok.findings.filter((f) => f.status === 'pass') };
    expect(formatReport(okNoUnknown, { lang: 'en' })).toContain('Everything passes');
    expect(formatReport(okNoUnknown, { format: 'markdown' })).toContain('全部通过');
  });

  test('JSON round-trips through readEvaluation with exact decimals', () => {
    const back = readEvaluation(report({ format: 'json' }), { policy });
    const q7 = back.findings.find((f) => f.provision === 'Q7')!;
    expect([String(q7.expected), String(q7.actual), String(q7.shortfall)]).toEqual(['400', '300', '100']);
    expect(back.summary.owed.roomsM2!.toString()).toBe('100');
  });

  test.each([
    [{ format: 'pdf' }, 'format'],
    [{ lang: 'fr' }, 'lang'],
    [{ all: 'yes' }, 'all'],
    [{ limit: -1 }, 'limit'],
    [{ colour: true }, 'colour'],
  ])('refuses the option %o', (options, path) => {
    try {
      formatReport(evaluation(), options as never);
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      expect((e as PolicyInputError).issues[0]!.path).toBe(path);
    }
  });

  test('refuses what is not an evaluation, and text that is not a report', () => {
    expect(() => formatReport({} as never)).toThrow(/expected the result of evaluateCity/);
    expect(() => formatReport(evaluation(), null as never)).toThrow(PolicyInputError);
    expect(() => readEvaluation('{')).toThrow(/not valid JSON/);
    expect(() => readEvaluation('[]')).toThrow(PolicyInputError);
  });
});

describe('terminal layout', () => {
  test('Chinese characters count two columns, so the columns after them line up', () => {
    const r = evaluateCity({
      year: 2013,
      communities: [
        { id: '东苑', name: 'x', kind: 'rural', households: 1, residents: 1, streetSubsidyPaid: 1 },
        { id: 'c2', name: 'y', kind: 'rural', households: 1, residents: 1, streetSubsidyPaid: 2 },
      ],
    });
    const lines = formatReport(r, { lang: 'en', width: Infinity })
      .split('\n')
      .filter((l) => l.startsWith('✗  '));
    // The subject column is as wide as its widest entry, 'the city, 2013' (14 columns), plus two spaces:
    // '东苑' is 4 columns wide and gets 12 spaces, 'c2' is 2 wide and gets 14.
    expect(lines.slice(0, 2)).toEqual([
      `✗  东苑${' '.repeat(12)}street subsidy (Q10)                      A.4.3   30,000 yuan  1 yuan     Subsidy 1 yuan against at least 30,000: 29,999 yuan short`,
      `✗  c2${' '.repeat(14)}street subsidy (Q10)                      A.4.3   30,000 yuan  2 yuan     Subsidy 2 yuan against at least 30,000: 29,998 yuan short`,
    ]);
  });
});

describe('a long list', () => {
  test('of 200,000 findings is written in text and Markdown (spreading its lines into one call overflowed the stack)', { timeout: 120_000 }, () => {
    const base = evaluateCity({ year: 2013, communities: [] });
    const f = { provision: 'Q8', clause: 'A.4.2', status: 'fail' as const, expected: 5, actual: 4, message: { zh: '缺 1 名', en: 'short by 1' } };
    const findings = Array.from({ length: 200_000 }, (_, i) => ({ ...f, subject: `c${i}` }));
    const result = { findings, summary: base.summary };
    for (const format of ['text', 'markdown'] as const) {
      const out = formatReport(result, { format, lang: 'en' });
      expect(out).toContain('c199999');
      expect(out.split('\n').filter((l) => l.includes('short by 1')).length).toBe(200_000);
    }
  });
});
