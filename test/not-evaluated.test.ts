/**
 * A total owed whose findings could not be made is not zero (issue 22, item 6): a table of communities carries no
 * city budget and no development projects, so those totals are `null` in the summary and the JSON report, and
 * "未评估" / "not evaluated" in the text, Markdown and HTML reports. A total some of whose findings were made keeps
 * its number.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createPolicy } from '../src/create-policy.js';
import { evaluateCity, evaluateDataset } from '../src/evaluate/city.js';
import { formatReport, readEvaluation } from '../src/report/format-report.js';
import { reportHtml } from '../src/view/document.js';

const city = JSON.parse(readFileSync('examples/city.json', 'utf8'));
// The example city as a table of communities would give it: no villages, no budgets, no projects.
const { villages: _v, funding: _f, developerProjects: _p, ...table } = city;
const whole = evaluateCity(city);
// As the CLI holds a CSV or a workbook's table: the city's budgets and projects are not carried, not "none".
const { listed: _l, city: _c, ...communitiesOnly } = evaluateDataset(table, createPolicy(), true, undefined, 'communities-only');

describe('a total owed that was not evaluated', () => {
  test('is null in the summary, beside the reason in notEvaluated; the totals of the community checks keep their numbers', () => {
    const owed = communitiesOnly.summary.owed;
    expect(owed.cityBudgetYuan).toBeNull();
    expect(owed.developerRoomsM2).toBeNull();
    expect(owed.developerFundsYuan).toBeNull();
    expect(owed.roomsM2).not.toBeNull();
    expect(owed.staff).not.toBeNull();
    const reasons = communitiesOnly.summary.notEvaluated.map((n) => n.subject);
    expect(reasons).toContain('projects');
    // With the budgets and projects, every total is a number (the example city owes developers' money).
    expect(Object.values(whole.summary.owed)).not.toContain(null);
    expect(whole.summary.owed.developerFundsYuan!.toString()).toBe('350000');
  });

  test('the JSON report writes null, and reads it back as null', () => {
    const json = formatReport(communitiesOnly, { format: 'json' });
    expect(JSON.parse(json).summary.owed.cityBudgetYuan).toBeNull();
    expect(readEvaluation(json).summary.owed.developerRoomsM2).toBeNull();
  });

  test.each(['text', 'markdown'] as const)('the %s report says 未评估 / not evaluated, never 0, in both languages', (format) => {
    for (const [lang, words] of [
      ['zh', '未评估'],
      ['en', 'not evaluated'],
    ] as const) {
      const out = formatReport(communitiesOnly, { format, lang });
      const line = out.split('\n').find((l) => l.includes(lang === 'zh' ? '开发企业配建用房' : 'Developers’ rooms in kind'))!;
      expect(line).toContain(words);
      expect(line).not.toMatch(/\b0 m²/);
    }
  });

  test('the CLI on a CSV (no budgets, no projects): 未评估 in the text report, null in the JSON', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['dist/cli/bin.js', 'report', 'examples/ningguo-2013.csv', ...args], { encoding: 'utf8', timeout: 60_000 });
    const text = run([]).stdout;
    for (const name of ['市财政社区资金', '开发企业配建用房', '开发企业用房资金']) {
      expect(text.split('\n').find((l) => l.trimStart().startsWith(name))).toMatch(/未评估$/);
    }
    const owed = JSON.parse(run(['--format', 'json']).stdout).summary.owed;
    expect([owed.cityBudgetYuan, owed.developerRoomsM2, owed.developerFundsYuan]).toEqual([null, null, null]);
    expect(owed.roomsM2).toBe('246.25');
  }, 120_000);

  test('the HTML report marks the cell and says it in words', () => {
    const html = reportHtml(communitiesOnly, { lang: 'zh' });
    expect(html).toMatch(/<td data-owed="developerRoomsM2" data-not-evaluated="">未评估<\/td>/);
    expect(html).not.toMatch(/data-owed="developerRoomsM2" data-value=/);
    expect(reportHtml(whole, { lang: 'zh' })).toMatch(/data-owed="developerFundsYuan" data-value="350000"/);
  });
});

describe("a finding's expected and actual are in one unit", () => {
  // A project under the 200,000 m² in-kind threshold pays room money of 3 ‰ of its floor area (I6): 80,000 m² is
  // 240 m² worth, and without a price per m² that is no sum of yuan — so the money due is unknown, and the 240 m²
  // goes in a field of its own.
  const project = { id: 'p', floorAreaM2: 80000, fundsPaid: 500000 };
  const q12 = (p: { id: string; floorAreaM2: number; fundsPaid?: number; pricePerM2?: number }) =>
    evaluateCity({ year: 2013, communities: [], developerProjects: [p] }).findings.find((f) => f.provision === 'Q12')!;

  test('no price: expected is null (yuan unknown), actual the yuan paid, the area equivalent apart', () => {
    const f = q12(project);
    expect(f.status).toBe('unknown');
    expect(f.expected).toBeNull();
    expect(String(f.actual)).toBe('500000');
    expect(String(f.areaEquivalentM2)).toBe('240');
  });

  test('with a price: 240 m² × 5,000 元 = 1,200,000 元 due against 500,000 paid, 700,000 short', () => {
    const f = q12({ ...project, pricePerM2: 5000 });
    expect(f.status).toBe('fail');
    expect(String(f.expected)).toBe('1200000');
    expect(String(f.shortfall)).toBe('700000');
    expect(String(f.areaEquivalentM2)).toBe('240');
  });
});
