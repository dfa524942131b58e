/**
 * The whole report, line by line, for one small city worked out by hand:
 * one urban community (3,000 households, 8,000 residents) with 300 m² of rooms
 * against 8,000 × 5/100 = 400 m², 5 workers against 3,000 / 600 = 5, rooms on
 * the ground floor, a one-stop window and the full 30,000 yuan subsidy; 9 of
 * 10 villages reached (0.9 × 10 = 9 due); no budget data. So: Q1/Q2 fails
 * (0 of 1 urban communities meet every check, 1 due in 2013), Q7 fails (100 m²
 * short), Q9 is unknown, and the other six findings pass.
 *
 * These numbers were worked out for the eight provisions of the city's document below, so the whole reports are
 * those of a policy made of them: a provision added to the list changes none of them. One test holds the report
 * under the city's own list to the same lines, apart from the lines of the provisions it adds and the counts.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { createPolicy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { evaluateCity } from '../evaluate/city.js';
import { shapeOf } from '../evaluate/evaluate.js';
import { NINGGUO_2011, NINGGUO_2011_SOURCE } from '../policies/ningguo-2011.js';
import { formatReport, readEvaluation, table, type ReportOptions } from './format-report.js';

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
// The policy goes with the evaluation to the report and back: a report is read by the list it was made under.
// The columns as laid out before any wrapping (a row a line): the wrapping to 100 columns is test/text-width.test.ts's.
const report = (options: ReportOptions = {}) => formatReport(evaluation(), { width: Infinity, ...options, policy });

const evaluation = () => evaluateCity(data(), { policy });
const data = () => ({
  year: 2013,
  communities: [
    {
      id: 'c1',
      name: 'x',
      kind: 'urban' as const,
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
  developerProjects: [], // none: nothing of Q11/Q12 to evaluate or to call not evaluated
});

// Counts by provision, provisions named in words in the order of the policy (Q1/Q2 first, the community checks, the city's).
const byProvision = [
  ['城市社区达标 (Q1/Q2)', 0, 1, 0],
  ['社区规模 (Q4/Q5)', 1, 0, 0],
  ['农村社区推行 (Q6)', 1, 0, 0],
  ['用房面积 (Q7)', 0, 1, 0],
  ['一楼用房 (A.3.4)', 1, 0, 0],
  ['一站式窗口 (A.3.4)', 1, 0, 0],
  ['工作人员 (Q8)', 1, 0, 0],
  ['市财政社区资金 (Q9)', 0, 0, 1],
  ['配套补助 (Q10)', 1, 0, 0],
] as const;

describe('the text report, whole', () => {
  test('English: title underlined to its width, summary, findings worst first in aligned columns, totals, counts', () => {
    // Column widths: '' 1 (the marks), subject 9 ('city/2013'), provision 9, clause 6, expected 8, actual 6; two spaces between.
    // m² and ’ are East Asian Ambiguous: two columns each, as a CJK terminal draws them.
    // Totals: the widest label is 30 columns; counts: the widest provision is 21 ('A.3.4/one-stop-window').
    expect(report({ lang: 'en' })).toBe(
      [
        'Community-building compliance report',
        '====================================',
        'Year: 2013    Communities: 1',
        'Findings: ✓ 6 pass   ✗ 2 fail   ? 1 unknown',
        'Urban communities meeting all checks: 0 / 1 (0 %)',
        '',
        'Failing and unknown findings, worst first:',
        '   subject         provision                                 clause  expected   actual     message',
        '✗  the city        urban communities up to standard (Q1/Q2)  A.2     100 %      0 %        0 of 1 urban communities meet all their checks (0 %); target 100 %, due',
        '✗  c1              room area (Q7)                            A.3.4   400 m²    300 m²    Rooms 300 m² against 400 m²: 100 m² short',
        '?  the city, 2013  city fund (Q9)                            A.4.3   not given  not given  The data gives no city budget',
        '',
        'Totals owed:',
        '  Community rooms             100 m²',
        '  Community workers           0 workers',
        '  City budget                 unknown (1 undecided)',
        '  Street/township subsidy     0 yuan',
        '  Developers’ rooms in kind  0 m²',
        '  Developers’ room money     0 yuan',
        '',
        'By provision:',
        '  provision                                 pass  fail  unknown',
        '  urban communities up to standard (Q1/Q2)  0     1     0',
        '  community size (Q4/Q5)                    1     0     0',
        '  rural rollout (Q6)                        1     0     0',
        '  room area (Q7)                            0     1     0',
        '  rooms on the ground floor (A.3.4)         1     0     0',
        '  one-stop window (A.3.4)                   1     0     0',
        '  community workers (Q8)                    1     0     0',
        '  city fund (Q9)                            0     0     1',
        '  street subsidy (Q10)                      1     0     0',
        '',
        'Not evaluated:',
        '  rural communities up to standard (Q3), A.2, the city: The text sets no standard for a rural community, so the share of rural communities built to standard cannot be judged',
        '',
      ].join('\n'),
    );
  });

  test('Chinese: the title is 10 characters, 20 columns; all: true lists passing findings under their own heading', () => {
    const lines = report({ all: true }).split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '社区建设政策合规报告',
      '='.repeat(20),
      '年度: 2013    社区: 1',
      '检查结果: ✓ 6 通过   ✗ 2 未通过   ? 1 无法判断',
      '全部达标的城市社区: 0 / 1 (0 %)',
      '',
      '全部结果，最严重的在前:',
    ]);
    // 9 findings under one header row; the passing ones last, in the order they were found.
    expect(lines.slice(8, 17).map((l) => l.slice(0, 1))).toEqual(['✗', '✗', '?', '✓', '✓', '✓', '✓', '✓', '✓']);
    expect(lines.slice(11, 17).map((l) => l.split(/ {2,}/)[2])).toEqual([
      '社区规模 (Q4/Q5)',
      '一楼用房 (A.3.4)',
      '一站式窗口 (A.3.4)',
      '工作人员 (Q8)',
      '配套补助 (Q10)',
      '农村社区推行 (Q6)',
    ]);
    // A boolean requirement shows as 是 (yes), never true; counts and money carry their units.
    expect(lines[12]).toMatch(/^✓ {2}c1 +一楼用房 \(A\.3\.4\) +A\.3\.4 +是 +是 +用房在一楼$/);
    expect(lines[15]).toMatch(/^✓ {2}c1 +配套补助 \(Q10\) +A\.4\.3 +30,000 元 +30,000 元 +/);
    expect(lines[16]).toMatch(/^✓ {2}全市 +农村社区推行 \(Q6\) +A\.3\.3 +9 个村\(组\) +9 个村\(组\) +/);
    expect(lines[17]).toBe('');
    expect(lines[18]).toBe('欠缺合计:');
    // Labels of the totals are CJK (two columns each): the widest, 街道(乡镇)配套补助, is 6×2 + 2 + 2×2 = 18 columns.
    // Every total carries its unit; a total that nothing decided is 无法判断, never 0.
    expect(lines.slice(19, 25)).toEqual([
      '  社区用房            100 m²',
      '  社区工作人员        0 名',
      '  市财政社区资金      无法判断 (1 项无法判断)',
      '  街道(乡镇)配套补助  0 元',
      '  开发企业配建用房    0 m²',
      '  开发企业用房资金    0 元',
    ]);
    expect(lines.slice(26, 28)).toEqual(['按条款统计:', '  条款                  通过  未通过  无法判断']);
  });

  test('Chinese Markdown, whole', () => {
    expect(report({ format: 'markdown' })).toBe(
      [
        '# 社区建设政策合规报告',
        '',
        '- 年度: 2013    社区: 1',
        '- 检查结果: ✓ 6 通过   ✗ 2 未通过   ? 1 无法判断',
        '- 全部达标的城市社区: 0 / 1 (0 %)',
        '',
        '## 以下列出未通过和无法判断的结果，最严重的在前',
        '',
        '|  | 对象 | 条款 | 条文 | 要求 | 实际 | 说明 |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| ✗ | 全市 | 城市社区达标 (Q1/Q2) | A.2 | 100 % | 0 % | 1 个城市社区中 0 个全部达标(0 %)，到期目标 100 % |',
        '| ✗ | c1 | 用房面积 (Q7) | A.3.4 | 400 m² | 300 m² | 用房 300 m²，标准 400 m²，缺 100 m² |',
        '| ? | 全市 2013 年 | 市财政社区资金 (Q9) | A.4.3 | 未填报 | 未填报 | 数据未给出市财政社区资金 |',
        '',
        '## 欠缺合计',
        '',
        '|  |  |',
        '| --- | ---: |',
        '| 社区用房 | 100 m² |',
        '| 社区工作人员 | 0 名 |',
        '| 市财政社区资金 | 无法判断 (1 项无法判断) |',
        '| 街道(乡镇)配套补助 | 0 元 |',
        '| 开发企业配建用房 | 0 m² |',
        '| 开发企业用房资金 | 0 元 |',
        '',
        '## 按条款统计',
        '',
        '| 条款 | 通过 | 未通过 | 无法判断 |',
        '| --- | --- | --- | --- |',
        ...byProvision.map((r) => `| ${r.join(' | ')} |`),
        '',
        '## 未评估',
        '',
        '- 农村社区达标 (Q3), A.2, 全市: 原文未规定农村社区的建设标准，无法判断农村社区达标比例',
        '',
      ].join('\n'),
    );
  });

  test('under the city’s own list the report is the same, but for a line of each provision and total it adds and the counts', () => {
    const city = shapeOf(createPolicy());
    const worked = shapeOf(policy);
    // What the list adds: its findings' names (in their rows) and the names of its totals.
    const added = [
      ...city.kinds.filter((k) => worked.kind(k.provision) === undefined).map((k) => `${k.name.en} (`),
      ...city.owed.filter((o) => !worked.owed.some((w) => w.key === o.key)).map((o) => o.name.en),
    ];
    const r = evaluateCity(data());
    const cells = (text: string) =>
      text
        .split('\n')
        .map((l) => l.trim().split(/ {2,}/))
        .filter((row) => !row.some((cell) => added.some((name) => cell.startsWith(name))));
    const counted = (row: string[]) => row[0]!.startsWith('Findings: ');
    for (const all of [false, true]) {
      const mine = cells(formatReport(r, { lang: 'en', all, width: Infinity }));
      const theirs = cells(report({ lang: 'en', all }));
      expect(mine.filter((row) => !counted(row))).toEqual(theirs.filter((row) => !counted(row)));
    }
    // The counts line counts every finding: these six, two and one, and those of the provisions the list adds.
    const more = Object.entries(r.summary.byProvision).filter(([id]) => worked.kind(id) === undefined);
    const plus = (s: 'pass' | 'fail' | 'unknown', n: number) => n + more.reduce((t, [, c]) => t + c[s], 0);
    expect(formatReport(r, { lang: 'en' }).split('\n')[3]).toBe(
      `Findings: ✓ ${plus('pass', 6)} pass   ✗ ${plus('fail', 2)} fail   ? ${plus('unknown', 1)} unknown`,
    );
  });

  test('Markdown lists all under its own heading, escapes a | in a cell, and says how many were left out', () => {
    const r = evaluateCity({
      year: 2013,
      communities: [{ id: 'a|b', name: 'x', kind: 'rural', households: 1, residents: 1, streetSubsidyPaid: 0 }],
      developerProjects: [],
    });
    const md = formatReport(r, { format: 'markdown', lang: 'en', all: true, limit: 1 }).split('\n');
    expect(md[6]).toBe('## All findings, worst first');
    // The rural community's subsidy fails with a relative shortfall of 1 (30,000 of 30,000), as does Q1/Q2 (no urban community:
    // unknown); the subsidy is listed, the other three (Q1/Q2, Q6, Q9, all unknown) are not.
    expect(md.slice(8, 14)).toEqual([
      '|  | subject | provision | clause | expected | actual | message |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| ✗ | a\\|b | street subsidy (Q10) | A.4.3 | 30,000 yuan | 0 yuan | Subsidy 0 yuan against at least 30,000: 30,000 yuan short |',
      '',
      '… and 3 more not listed',
      '',
    ]);
  });
});

describe('limits', () => {
  test('a limit equal to the number of findings lists them all and adds no line', () => {
    const text = report({ lang: 'en', limit: 3 });
    expect(text).not.toContain('more not listed');
    expect(text.split('\n').filter((l) => /^[✗?] /.test(l))).toHaveLength(3);
  });

  test('limit: 0 lists nothing and does not claim that everything passes', () => {
    const lines = report({ lang: 'en', limit: 0 }).split('\n');
    expect(lines.slice(6, 9)).toEqual(['Failing and unknown findings, worst first:', '… and 3 more not listed', '']);
    expect(lines).not.toContain('Everything passes');
    const zh = report({ format: 'markdown', limit: 0 }).split('\n');
    expect(zh.slice(6, 10)).toEqual(['## 以下列出未通过和无法判断的结果，最严重的在前', '', '…… 另有 3 条未列出', '']);
  });

  test('findings of equal standing keep the order they were found in', () => {
    // Two rural communities with no subsidy data: two unknown Q10 findings, neither worse than the other.
    const r = evaluateCity({
      year: 2013,
      communities: ['r1', 'r2', 'r3'].map((id) => ({ id, name: id, kind: 'rural' as const, households: 1, residents: 1 })),
    });
    const subjects = formatReport(r, { lang: 'en' })
      .split('\n')
      .filter((l) => l.startsWith('?  '))
      .map((l) => l.split(/ +/)[1]);
    expect(subjects).toEqual(['r1', 'r2', 'r3', 'the', 'the', 'the']);
  });
});

describe('JSON', () => {
  test('an empty evaluation is one document with an empty list and the summary indented under it', () => {
    const json = formatReport(evaluateCity({ year: 2013, communities: [] }), { format: 'json' });
    expect(json.startsWith('{\n  "findings": [\n    {"provision":"Q6",')).toBe(true);
    expect(json).toContain('\n  ],\n  "summary": {\n    "year": 2013,\n    "communities": 0,\n');
    expect(json.endsWith('\n  }\n}\n')).toBe(true);
    const none = formatReport({ findings: [], summary: evaluateCity({ year: 2013, communities: [] }).summary }, { format: 'json' });
    expect(none.startsWith('{\n  "findings": [],\n  "summary": {\n')).toBe(true);
  });

  test('Decimals are written as plain decimal strings, never in exponent notation', () => {
    const r = evaluateCity({ year: 2013, communities: [{ id: 'c', name: 'c', kind: 'urban', households: 3000, residents: 8000, roomAreaM2: '0.00000001' }] });
    const q7 = JSON.parse(formatReport(r, { format: 'json' })).findings.find((f: { provision: string }) => f.provision === 'Q7');
    expect([q7.expected, q7.actual, q7.shortfall]).toEqual(['400', '0.00000001', '399.99999999']);
    // The text rounds for the eye, but never a value that is not 0 to 0.
    expect(formatReport(r, { lang: 'en' })).toMatch(/c +room area \(Q7\) +A\.3\.4 +400 m² +0\.00000001 m² /);
  });

  test('readEvaluation turns only plain decimal strings of the number fields back into Decimals', () => {
    const f = { clause: 'A.3.4', subject: 'c', status: 'fail' };
    const summary = {
      year: 2013,
      communities: 0,
      counts: { pass: 0, fail: 0, unknown: 0 },
      byProvision: {},
      worst: [],
      owed: { streetSubsidyYuan: '0', cityBudgetYuan: '0', developerFundsYuan: '0', developerRoomsM2: '0', roomsM2: '100.25', staff: 0 },
      urbanMeetingAll: { count: 0, of: 0, undecided: 0 },
      notEvaluated: [],
    };
    const back = readEvaluation(
      JSON.stringify({
        findings: [
          { ...f, provision: 'Q7', expected: '400', actual: '-0.5', shortfall: '12', message: { zh: '1', en: '2' } },
          { ...f, provision: 'Q7', expected: '4e2', actual: '.5', message: { zh: '3', en: '3' } },
          { ...f, provision: 'Q7', expected: 'x400', actual: '400x', message: { zh: '', en: '' } },
        ],
        summary,
      }),
      { policy }, // the six totals of the eight provisions: a report is read by the list it was made under
    );
    const kinds = back.findings.map((f) => [f.expected, f.actual, f.shortfall].map((v) => (typeof v === 'object' && v !== null ? `D${v.toString()}` : v)));
    expect(kinds).toEqual([
      ['D400', 'D-0.5', 'D12'],
      ['4e2', '.5', undefined],
      ['x400', '400x', undefined],
    ]);
    expect(String(back.summary.owed.roomsM2)).toBe('100.25');
    expect(typeof back.summary.owed.roomsM2).toBe('object');
    expect((back.findings[0]!.message as unknown as { zh: string }).zh).toBe('1'); // a field not in the list stays as it is
  });

  test('a saved report that lacks a part the report reads is refused, naming the part (issue 10: never a TypeError later)', () => {
    const saved = JSON.parse(report({ format: 'json' }));
    const refused = (change: (r: { summary: Record<string, unknown>; findings: Record<string, unknown>[] }) => void) => {
      const copy = structuredClone(saved);
      change(copy);
      try {
        formatReport(readEvaluation(JSON.stringify(copy), { policy }), { policy });
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyInputError);
        return (e as PolicyInputError).issues[0]!.path;
      }
      return 'accepted';
    };
    expect(refused(() => {})).toBe('accepted');
    expect(refused((r) => delete r.summary.counts)).toBe('json.summary.counts');
    expect(refused((r) => delete r.summary.owed)).toBe('json.summary.owed');
    expect(refused((r) => delete r.summary.urbanMeetingAll)).toBe('json.summary.urbanMeetingAll');
    expect(refused((r) => (r.summary.byProvision = { Q7: 3 }))).toBe('json.summary.byProvision');
    expect(refused((r) => delete r.findings[0]!.message)).toBe('json.findings[0]');
    expect(refused((r) => (r.findings[1]!.status = 'passed'))).toBe('json.findings[1]');
    expect(refused((r) => (r.findings.find((f) => f.shortfall !== undefined)!.shortfall = 'abc'))).toMatch(/^json\.findings\[\d\]$/);
    expect(refused((r) => (r.summary = { year: 2013 }))).toBe('json.summary.communities');
    // A report written before `undecided` and `notEvaluated` existed still reads.
    expect(
      refused((r) => {
        delete (r.summary.urbanMeetingAll as Record<string, unknown>).undecided;
        delete r.summary.notEvaluated;
      }),
    ).toBe('accepted');
  });
});

describe('table', () => {
  test('right alignment pads on the left, left alignment leaves the last column unpadded', () => {
    expect(
      table(
        [
          ['a', 'bbb'],
          ['cc', 'd'],
        ],
        'right',
      ),
    ).toEqual([' a  bbb', 'cc    d']);
    expect(
      table([
        ['a', 'bbb'],
        ['cc', 'd'],
      ]),
    ).toEqual(['a   bbb', 'cc  d']);
    expect(
      table([
        ['a', 'b'],
        ['cc', 'dd'],
      ]),
    ).toEqual(['a   b', 'cc  dd']);
    expect(
      table([
        ['a', 'b '],
        ['cc', 'dd'],
      ]),
    ).toEqual(['a   b', 'cc  dd']);
  });

  // East Asian wide characters take two columns. Each range is checked at both ends and just outside.
  test.each(
    [
      [0x1100, 2],
      [0x115f, 2],
      [0x10ff, 1],
      [0x1160, 1],
      [0x2e80, 2],
      [0xa4cf, 2],
      [0x2e7f, 1],
      [0xa4d0, 1],
      [0xac00, 2],
      [0xd7a3, 2],
      [0xabff, 1],
      [0xd7a4, 1],
      [0xf900, 2],
      [0xfaff, 2],
      [0xf8ff, 1],
      [0xfb00, 1],
      [0xfe30, 2],
      [0xfe4f, 2],
      [0xfe2f, 1],
      [0xfe50, 1],
      [0xff00, 2],
      [0xff60, 2],
      [0xfeff, 1],
      [0xff61, 1],
      [0xffe0, 2],
      [0xffe6, 2],
      [0xffdf, 1],
      [0xffe7, 1],
    ].map(([code, columns]) => [code!.toString(16).toUpperCase(), columns!, code!] as const),
  )('U+%s is %i column(s) wide', (_hex, columns, code) => {
    const ch = String.fromCodePoint(code);
    // In a two-row table, the shorter cell is padded to the width of ch.
    expect(
      table([
        [ch, 'x'],
        ['', 'y'],
      ])[1],
    ).toBe(`${' '.repeat(columns)}  y`);
  });
});

describe('a report where everything passes', () => {
  test('says so under the heading, followed by a blank line, in Markdown and in text', () => {
    const r = evaluateCity({ year: 2013, communities: [], villages: { total: 10, covered: 10 }, developerProjects: [] });
    const passing = { ...r, findings: r.findings.filter((f) => f.status === 'pass') };
    expect(formatReport(passing, { format: 'markdown', lang: 'en' }).split('\n').slice(6, 10)).toEqual([
      '## Failing and unknown findings, worst first',
      '',
      'Everything passes',
      '',
    ]);
    expect(formatReport(passing, { lang: 'en' }).split('\n').slice(6, 9)).toEqual(['Failing and unknown findings, worst first:', 'Everything passes', '']);
  });
});

describe('what is not our own', () => {
  test('a Decimal from another decimal.js configuration is still written in plain notation, in JSON and in text', () => {
    const r = evaluateCity({ year: 2013, communities: [] });
    const tiny = new Decimal('0.00000001'); // decimal.js's default configuration writes this as 1e-8
    expect(String(tiny)).toBe('1e-8');
    const withForeign = { ...r, findings: [{ ...r.findings[0]!, status: 'fail' as const, actual: tiny, shortfall: tiny }] };
    expect(JSON.parse(formatReport(withForeign, { format: 'json' })).findings[0]).toMatchObject({ actual: '0.00000001', shortfall: '0.00000001' });
    expect(formatReport(withForeign, { lang: 'en' })).toMatch(/ 0\.000001 % /); // Q6 without village counts: a share
  });

  test('refuses a missing result, options that are a number, and text that is not JSON', () => {
    expect(() => formatReport(undefined as never)).toThrow(
      'Invalid input to formatReport: result: expected the result of evaluateCity ({ findings, summary }), got nothing',
    );
    expect(() => formatReport(evaluation(), 5 as never)).toThrow('Invalid input to formatReport: options: expected { format?, lang?, all?, limit? }, got 5');
    expect(() => readEvaluation('{')).toThrow(PolicyInputError);
    expect(() => readEvaluation('{')).toThrow(/^Invalid input to readEvaluation: json: not valid JSON: ./);
  });
});
