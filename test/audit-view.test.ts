/**
 * The audit's number panels in words (issue 22): each number named by the presentation's words, never by its
 * camelCase key, its value through the one formatter (a rounded one with its exact digits in a `title`), and a word
 * the audit writes instead of a number ("never", an option, a kind of money) in words.
 */
import { describe, expect, test } from 'vitest';
import { auditPolicy } from '../src/audit/audit-policy.js';
import { createPolicy } from '../src/create-policy.js';
import { auditHtml } from '../src/view/audit.js';
import { surfaceProblems } from './support/surface.js';

/** Each panel's rows: name, shown text, the rounded value's title, the exact value, the key. */
function panels(html: string) {
  return [...html.matchAll(/<dt>(.*?)<\/dt><dd data-number="([^"]*)" data-value="([^"]*)">(.*?)<\/dd>/g)].map(([, name, key, value, shown]) => ({
    name: name!,
    key: key!,
    value: value!,
    title: /title="([^"]*)"/.exec(shown!)?.[1],
    text: shown!.replace(/<[^>]+>/g, ''),
  }));
}

describe('the audit panels', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`${lang}: numbers by their words, values formatted, rounded ones titled with the exact value`, () => {
      const html = auditHtml(auditPolicy(), lang);
      expect(html).not.toContain('<code>');
      const rows = panels(html);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.name, r.key).not.toMatch(/[a-z][A-Z]|〔/);
        // The registry's standard ids (national-2011) are names a reader types (`--policy national-2011`);
        // "community-room" is the catalogue's English word for a kind of money (K8), a hyphenated word, not code.
        expect(surfaceProblems(`${r.name} ${r.text}`, { allow: [/national-20\d\d/, 'community-room'] }), `${r.key}: ${r.name} ${r.text}`).toEqual([]);
        if (r.title !== undefined) expect(r.title).toBe(r.value);
      }
      const by = (key: string) => rows.find((r) => r.key === key)!;
      // K5: the break-even floor area 400 × 200,000 ÷ (600 × 3,000) = 44.44… m², shown to two decimals.
      expect(by('breakEvenFloorAreaPerHouseholdM2')).toMatchObject({ text: '44.44 m²', title: '44.444444444444444444' });
      expect(by('breakEvenFloorAreaPerHouseholdM2').name).toBe(
        lang === 'zh' ? '两种负担相等时的每户建筑面积' : 'floor area per household at which the two burdens are equal',
      );
      // K1: 30 % a year for three years, as a percentage.
      expect(by('rolloutShare').text).toBe('90 %');
      expect(by('routeAtThreshold').text).toBe(lang === 'zh' ? '配建用房' : 'rooms in kind');
      // K8: a kind of money by the catalogue's words, never its id.
      expect(rows.filter((r) => /^[a-z]+(-[a-z]+)+$/.test(r.text))).toEqual([]);
    });
  }

  test('"never" in words: the rollout of a share of the remaining villages never covers them all (K10)', () => {
    const policy = createPolicy({ rollout: { mode: 'share-of-remaining' } });
    for (const lang of ['zh', 'en'] as const) {
      const k10 = panels(auditHtml(auditPolicy({ policy }), lang)).find((r) => r.key === 'fullCoverageYear')!;
      expect(k10).toMatchObject({ value: 'never', text: lang === 'zh' ? '永不达到' : 'never' });
      expect(k10.name).toBe(lang === 'zh' ? '全部覆盖的年份' : 'year of full coverage');
    }
  });
});
