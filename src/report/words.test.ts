/** The subjects a report names that are not an id: each said in both languages, never as the raw key. */
import { describe, expect, test } from 'vitest';
import { createPolicy } from '../create-policy.js';
import { evaluateCity } from '../evaluate/city.js';
import { cityFindings, standingFindings, type Finding, type NotEvaluated } from '../evaluate/evaluate.js';
import { formatReport } from './format-report.js';
import { subjectWords } from './words.js';

const policy = createPolicy();
const CJK = /[\u4e00-\u9fff]/;

/** Every subject the city's checks and the standings leave unevaluated, for a dataset that lists nothing and for a table of communities. */
function notEvaluatedSubjects(): string[] {
  const subjects = new Set<string>();
  for (const scope of ['dataset', 'communities-only'] as const) {
    const gaps: NotEvaluated[] = [];
    cityFindings({ year: 2013, communities: [] }, policy, [] as Finding[], gaps, scope);
    for (const judged of standingFindings(policy, 2013, 0, 0, 0)) if (!('status' in judged)) gaps.push(judged);
    for (const g of gaps) subjects.add(g.subject);
  }
  return [...subjects].sort();
}

describe('subjects in words', () => {
  test('every subject a provision can leave unevaluated is said in Chinese and in English, not as its key', () => {
    const subjects = notEvaluatedSubjects();
    expect(subjects).toEqual(['city', 'city/2013', 'projects']);
    for (const s of subjects) {
      const zh = subjectWords(s, 'zh');
      const en = subjectWords(s, 'en');
      expect(zh).toMatch(CJK);
      expect(en).not.toMatch(CJK);
      expect([zh, en]).not.toContain(s);
      expect(zh).not.toBe(en);
    }
  });

  test('a community keeps its id, with its name beside it when known', () => {
    expect(subjectWords('c1', 'zh', { c1: '东苑社区' })).toBe('东苑社区 c1');
    expect(subjectWords('c1', 'en')).toBe('c1');
  });

  test("the Chinese report's not-evaluated list names the development projects in words", () => {
    const r = evaluateCity({ year: 2013, communities: [] });
    expect(r.summary.notEvaluated.map((n) => n.subject)).toContain('projects');
    const zh = formatReport(r, { lang: 'zh' });
    const en = formatReport(r, { lang: 'en' });
    expect(zh).toContain(`A.4.3, ${subjectWords('projects', 'zh')}: `);
    expect(en).toContain(`A.4.3, ${subjectWords('projects', 'en')}: `);
    expect(`${zh}\n${en}`).not.toContain(', projects:');
  });
});
