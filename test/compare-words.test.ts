/**
 * One source for the comparison's words (issue 22): the explorer's comparison of a file under several standards
 * says what `shequ-rules compare` says — its counts, communities failing, whether each standard applied, what each
 * asks beyond the baseline — in the words of the report's table, which the page does not keep a copy of.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { C, comparisonHtml } from '../scripts/site/compare.js';
import { comparing } from '../src/evaluate/compare.js';
import { readDataset } from '../src/evaluate/dataset.js';
import { createPolicy } from '../src/create-policy.js';
import { applyStandard } from '../src/policies/standard-overlays.js';
import { compareText, STATUS, W } from '../src/report/compare-report.js';

const dataset = readDataset(JSON.parse(readFileSync(new URL('../examples/ningguo-2013.json', import.meta.url), 'utf8')));
const base = createPolicy();
const policies = [base, applyStandard(base, 'national-2011'), applyStandard(base, 'national-2021')];
const comparison = comparing(dataset, policies, '2013-12-31', 'dataset');
const names = Object.fromEntries(dataset.communities.map((c) => [c.id, c.name]));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '’');

describe('the explorer compares in the report’s words', () => {
  test('the page keeps no words of its own for what the report says', () => {
    for (const key of ['status', 'inForceWords', 'counts', 'failing', 'nowFailing', 'noLonger', 'newlyFailing', 'newlyPassing', 'none']) {
      expect(Object.hasOwn(C, key), key).toBe(false);
    }
  });

  test.each(['zh', 'en'] as const)('%s: the page and the report say the same words for the same comparison', (lang) => {
    const page = text(comparisonHtml(comparison, policies, dataset, lang));
    const report = compareText([{ comparison, names }], [], lang, false);
    const used = [
      W.counts.pass,
      W.counts.fail,
      W.counts.unknown,
      W.nowFailing,
      W.noLonger,
      W.newlyFailing,
      ...new Set(comparison.policies.flatMap((p) => p.standards.map((s) => W.inForce[s.inForce]))),
    ];
    for (const words of used) {
      expect(page, words[lang]).toContain(words[lang]);
      expect(report, words[lang]).toContain(words[lang]);
    }
    // national-2021 did not apply at the end of 2013: both call it a what-if in the same words.
    expect(comparison.policies[2]!.standards.map((s) => s.inForce)).toEqual(['no']);
    expect(STATUS.verified![lang]).toBeTruthy();
  });
});
