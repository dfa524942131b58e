/**
 * The whole report, line by line, for one small city worked out by hand:
 * one urban community (3,000 households, 8,000 residents) with 300 m² of rooms
 * against 8,000 × 5/100 = 400 m², 5 workers against 3,000 / 600 = 5, rooms on
 * the ground floor, a one-stop window and the full 30,000 yuan subsidy; 9 of
 * 10 villages reached (0.9 × 10 = 9 due); no budget data. So: Q1/Q2 fails
 * (0 of 1 urban communities meet every check, 1 due in 2013), Q7 fails (100 m²
 * short), Q9 is unknown, and the other six findings pass.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { PolicyInputError } from '../errors.js';
import { evaluateCity } from '../evaluate/city.js';
import { formatReport, readEvaluation, table } from './format-report.js';

const evaluation = () =>
  evaluateCity({
    year: 2013,
    communities: [{ id: 'c1', name: 'x', kind: 'urban', households: 3000, residents: 8000, roomAreaM2: 300, staff: 5, roomsOnGroundFloor: true, oneStopWindow: true, streetSubsidyPaid: 30000 }],
    villages: { total: 10, covered: 9 },
    developerProjects: [], // none: nothing of Q11/Q12 to evaluate or to call not evaluated
  });

// Counts by provision, provisions in locale order ('/' sorts before digits, so Q1/Q2 comes before Q10).
const byProvision = [
  ['A.3.4/ground-floor', 1, 0, 0],
  ['A.3.4/one-stop-window', 1, 0, 0],
  ['Q1/Q2', 0, 1, 0],
  ['Q10', 1, 0, 0],
  ['Q4/Q5', 1, 0, 0],
  ['Q6', 1, 0, 0],
  ['Q7', 0, 1, 0],
  ['Q8', 1, 0, 0],
  ['Q9', 0, 0, 1],
] as const;

describe('the text report, whole', () => {
  test('English: title underlined to its width, summary, findings worst first in aligned columns, totals, counts', () => {
    // Column widths: '' 1 (the marks), subject 9 ('city/2013'), provision 9, clause 6, expected 8, actual 6; two spaces between.
    // Totals: the widest label is 30 columns; counts: the widest provision is 21 ('A.3.4/one-stop-window').
    expect(formatReport(evaluation(), { lang: 'en' })).toBe(
      [
        'Community-building compliance report',
        '====================================',
        'Year: 2013    Communities: 1',
        'Findings: ✓ 6 pass   ✗ 2 fail   ? 1 unknown',
        'Urban communities meeting all checks: 0 / 1',
        '',
        'Failing and unknown findings, worst first:',
        '   subject    provision  clause  expected  actual  message',
        '✗  city       Q1/Q2      A.2     1         0       0 of 1 urban communities meet all their checks (0); target 1, due',
        '✗  c1         Q7         A.3.4   400       300     Rooms 300 m² against 400 m²: 100 m² short',
        '?  city/2013  Q9         A.4.3   —         —       The data gives no city budget',
        '',
        'Totals owed:',
        '  Street/township subsidy (yuan)  0',
        '  City budget (yuan)              0',
        '  Developers’ room money (yuan)   0',
        '  Developers’ rooms in kind (m²)  0',
        '  Community rooms (m²)            100',
        '  Community workers               0',
        '',
        'By provision:',
        '  provision              pass  fail  unknown',
        '  A.3.4/ground-floor     1     0     0',
        '  A.3.4/one-stop-window  1     0     0',
        '  Q1/Q2                  0     1     0',
        '  Q10                    1     0     0',
        '  Q4/Q5                  1     0     0',
        '  Q6                     1     0     0',
        '  Q7                     0     1     0',
        '  Q8                     1     0     0',
        '  Q9                     0     0     1',
        '',
        'Not evaluated:',
        '  Q3 (A.2, city): The text sets no standard for a rural community, so the share of rural communities built to standard cannot be judged',
        '',
      ].join('\n'),
    );
  });

  test('Chinese: the title is 10 characters, 20 columns; all: true lists passing findings under their own heading', () => {
    const lines = formatReport(evaluation(), { all: true }).split('\n');
    expect(lines.slice(0, 7)).toEqual(['社区建设政策合规报告', '='.repeat(20), '年度: 2013    社区: 1', '检查结果: ✓ 6 通过   ✗ 2 未通过   ? 1 无法判断', '全部达标的城市社区: 0 / 1', '', '全部结果，最严重的在前:']);
    // 9 findings under one header row; the passing ones last, in the order they were found.
    expect(lines.slice(8, 17).map((l) => l.slice(0, 1))).toEqual(['✗', '✗', '?', '✓', '✓', '✓', '✓', '✓', '✓']);
    expect(lines.slice(11, 17).map((l) => l.split(/ {2,}/)[2])).toEqual(['Q4/Q5', 'Q8', 'A.3.4/ground-floor', 'A.3.4/one-stop-window', 'Q10', 'Q6']);
    // A boolean requirement shows as true.
    expect(lines[13]).toMatch(/^✓ {2}c1 +A\.3\.4\/ground-floor +A\.3\.4 +true +true +用房在一楼$/);
    expect(lines[17]).toBe('');
    expect(lines[18]).toBe('欠缺合计:');
    // Labels of the totals are CJK (two columns each): the widest, 街道(乡镇)配套补助(元), is 6×2 + 2 + 2×2 + 3 = 21 columns.
    expect(lines.slice(19, 25)).toEqual([
      '  街道(乡镇)配套补助(元)  0',
      '  市财政社区资金(元)      0',
      '  开发企业用房资金(元)    0',
      '  开发企业配建用房(m²)    0',
      '  社区用房(m²)            100',
      '  社区工作人员(名)        0',
    ]);
    expect(lines.slice(26, 28)).toEqual(['按条款统计:', '  条款                   通过  未通过  无法判断']);
  });

  test('Chinese Markdown, whole', () => {
    expect(formatReport(evaluation(), { format: 'markdown' })).toBe(
      [
        '# 社区建设政策合规报告',
        '',
        '- 年度: 2013    社区: 1',
        '- 检查结果: ✓ 6 通过   ✗ 2 未通过   ? 1 无法判断',
        '- 全部达标的城市社区: 0 / 1',
        '',
        '## 以下列出未通过和无法判断的结果，最严重的在前',
        '',
        '|  | 对象 | 条款 | 条文 | 要求 | 实际 | 说明 |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| ✗ | city | Q1/Q2 | A.2 | 1 | 0 | 1 个城市社区中 0 个全部达标(0)，到期目标 1 |',
        '| ✗ | c1 | Q7 | A.3.4 | 400 | 300 | 用房 300 m²，标准 400 m²，缺 100 m² |',
        '| ? | city/2013 | Q9 | A.4.3 | — | — | 数据未给出市财政社区资金 |',
        '',
        '## 欠缺合计',
        '',
        '|  |  |',
        '| --- | ---: |',
        '| 街道(乡镇)配套补助(元) | 0 |',
        '| 市财政社区资金(元) | 0 |',
        '| 开发企业用房资金(元) | 0 |',
        '| 开发企业配建用房(m²) | 0 |',
        '| 社区用房(m²) | 100 |',
        '| 社区工作人员(名) | 0 |',
        '',
        '## 按条款统计',
        '',
        '| 条款 | 通过 | 未通过 | 无法判断 |',
        '| --- | --- | --- | --- |',
        ...byProvision.map((r) => `| ${r.join(' | ')} |`),
        '',
        '## 未评估',
        '',
        '- Q3 (A.2, city): 原文未规定农村社区的建设标准，无法判断农村社区达标比例',
        '',
      ].join('\n'),
    );
  });

  test('Markdown lists all under its own heading, escapes a | in a cell, and says how many were left out', () => {
    const r = evaluateCity({ year: 2013, communities: [{ id: 'a|b', name: 'x', kind: 'rural', households: 1, residents: 1, streetSubsidyPaid: 0 }], developerProjects: [] });
    const md = formatReport(r, { format: 'markdown', lang: 'en', all: true, limit: 1 }).split('\n');
    expect(md[6]).toBe('## All findings, worst first');
    // The rural community's subsidy fails with a relative shortfall of 1 (30,000 of 30,000), as does Q1/Q2 (no urban community:
    // unknown); the subsidy is listed, the other three (Q1/Q2, Q6, Q9, all unknown) are not.
    expect(md.slice(8, 14)).toEqual([
      '|  | subject | provision | clause | expected | actual | message |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| ✗ | a\\|b | Q10 | A.4.3 | 30000 | 0 | Subsidy 0 yuan against at least 30000: 30000 yuan short |',
      '',
      '… and 3 more not listed',
      '',
    ]);
  });
});

describe('limits', () => {
  test('a limit equal to the number of findings lists them all and adds no line', () => {
    const text = formatReport(evaluation(), { lang: 'en', limit: 3 });
    expect(text).not.toContain('more not listed');
    expect(text.split('\n').filter((l) => /^[✗?] /.test(l))).toHaveLength(3);
  });

  test('limit: 0 lists nothing and does not claim that everything passes', () => {
    const lines = formatReport(evaluation(), { lang: 'en', limit: 0 }).split('\n');
    expect(lines.slice(6, 9)).toEqual(['Failing and unknown findings, worst first:', '… and 3 more not listed', '']);
    expect(lines).not.toContain('Everything passes');
    const zh = formatReport(evaluation(), { format: 'markdown', limit: 0 }).split('\n');
    expect(zh.slice(6, 10)).toEqual(['## 以下列出未通过和无法判断的结果，最严重的在前', '', '…… 另有 3 条未列出', '']);
  });

  test('findings of equal standing keep the order they were found in', () => {
    // Two rural communities with no subsidy data: two unknown Q10 findings, neither worse than the other.
    const r = evaluateCity({ year: 2013, communities: ['r1', 'r2', 'r3'].map((id) => ({ id, name: id, kind: 'rural' as const, households: 1, residents: 1 })) });
    const subjects = formatReport(r, { lang: 'en' }).split('\n').filter((l) => l.startsWith('?  ')).map((l) => l.split(/ +/)[1]);
    expect(subjects).toEqual(['r1', 'r2', 'r3', 'city', 'city/2013', 'city']);
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
    expect(formatReport(r, { lang: 'en' })).toMatch(/c +Q7 +A\.3\.4 +400 +0\.00000001 /);
  });

  test('readEvaluation turns only plain decimal strings of the number fields back into Decimals', () => {
    const f = { clause: 'A.3.4', subject: 'c', status: 'fail' };
    const summary = {
      year: 2013, communities: 0, counts: { pass: 0, fail: 0, unknown: 0 }, byProvision: {}, worst: [],
      owed: { streetSubsidyYuan: '0', cityBudgetYuan: '0', developerFundsYuan: '0', developerRoomsM2: '0', roomsM2: '100.25', staff: 0 },
      urbanMeetingAll: { count: 0, of: 0, undecided: 0 }, notEvaluated: [],
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
    const saved = JSON.parse(formatReport(evaluation(), { format: 'json' }));
    const refused = (change: (r: { summary: Record<string, unknown>; findings: Record<string, unknown>[] }) => void) => {
      const copy = structuredClone(saved);
      change(copy);
      try {
        formatReport(readEvaluation(JSON.stringify(copy)));
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
    expect(refused((r) => {
      delete (r.summary.urbanMeetingAll as Record<string, unknown>).undecided;
      delete r.summary.notEvaluated;
    })).toBe('accepted');
  });
});

describe('table', () => {
  test('right alignment pads on the left, left alignment leaves the last column unpadded', () => {
    expect(table([['a', 'bbb'], ['cc', 'd']], 'right')).toEqual([' a  bbb', 'cc    d']);
    expect(table([['a', 'bbb'], ['cc', 'd']])).toEqual(['a   bbb', 'cc  d']);
    expect(table([['a', 'b'], ['cc', 'dd']])).toEqual(['a   b', 'cc  dd']);
    expect(table([['a', 'b '], ['cc', 'dd']])).toEqual(['a   b', 'cc  dd']);
  });

  // East Asian wide characters take two columns. Each range is checked at both ends and just outside.
  test.each([
    [0x1100, 2], [0x115f, 2], [0x10ff, 1], [0x1160, 1],
    [0x2e80, 2], [0xa4cf, 2], [0x2e7f, 1], [0xa4d0, 1],
    [0xac00, 2], [0xd7a3, 2], [0xabff, 1], [0xd7a4, 1],
    [0xf900, 2], [0xfaff, 2], [0xf8ff, 1], [0xfb00, 1],
    [0xfe30, 2], [0xfe4f, 2], [0xfe2f, 1], [0xfe50, 1],
    [0xff00, 2], [0xff60, 2], [0xfeff, 1], [0xff61, 1],
    [0xffe0, 2], [0xffe6, 2], [0xffdf, 1], [0xffe7, 1],
  ].map(([code, columns]) => [code!.toString(16).toUpperCase(), columns!, code!] as const))('U+%s is %i column(s) wide', (_hex, columns, code) => {
    const ch = String.fromCodePoint(code);
    // In a two-row table, the shorter cell is padded to the width of ch.
    expect(table([[ch, 'x'], ['', 'y']])[1]).toBe(`${' '.repeat(columns)}  y`);
  });
});

describe('a report where everything passes', () => {
  test('says so under the heading, followed by a blank line, in Markdown and in text', () => {
    const r = evaluateCity({ year: 2013, communities: [], villages: { total: 10, covered: 10 }, developerProjects: [] });
    const passing = { ...r, findings: r.findings.filter((f) => f.status === 'pass') };
    expect(formatReport(passing, { format: 'markdown', lang: 'en' }).split('\n').slice(6, 10)).toEqual(['## Failing and unknown findings, worst first', '', 'Everything passes', '']);
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
    expect(formatReport(withForeign, { lang: 'en' })).toMatch(/ 0\.00000001 /);
  });

  test('refuses a missing result, options that are a number, and text that is not JSON', () => {
    expect(() => formatReport(undefined as never)).toThrow('Invalid input to formatReport: result: expected the result of evaluateCity ({ findings, summary }), got nothing');
    expect(() => formatReport(evaluation(), 5 as never)).toThrow('Invalid input to formatReport: options: expected { format?, lang?, all?, limit? }, got 5');
    expect(() => readEvaluation('{')).toThrow(PolicyInputError);
    expect(() => readEvaluation('{')).toThrow(/^Invalid input to readEvaluation: json: not valid JSON: ./);
  });
});
