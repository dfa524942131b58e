import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderBook } from '../scripts/book/policy-book.js';

describe('the policy book never drifts from the code', () => {
  const files = renderBook();
  test.each(Object.keys(files))('%s is what `npm run book` writes now', (path) => {
    expect(readFileSync(path, 'utf8'), `run npm run book and commit ${path}`).toBe(files[path]);
  });

  test('the charts show both readings, labelled axes and a legend', () => {
    const fund = files['docs/fund-chart.svg']!;
    expect(fund).toContain('fixed-increment');
    expect(fund).toContain('compound');
    expect(fund).toContain('年份 / Year');
    expect(fund.match(/<path /g)).toHaveLength(2);
    const rollout = files['docs/rollout-chart.svg']!;
    expect(rollout).toContain('share-of-remaining');
    expect(rollout).toContain('cumulative share %');
  });

  test('the book covers every clause and the audit', () => {
    const en = files['docs/policy-book.en.md']!;
    for (const id of ['A.0', 'A.3.4', 'A.4.3', 'B.4']) expect(en).toContain(`### ${id} `);
    expect(en).toContain('| K5 |');
    expect(en).toContain('2. 3250 ÷ 600 households per worker = 5 remainder 250');
  });
});
