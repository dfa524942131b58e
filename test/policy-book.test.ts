import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderBook } from '../scripts/book/policy-book.js';
import { STANDARDS } from '../src/policies/standards.js';
import { NINGGUO_2011_DOCUMENTS, NINGGUO_2011_SOURCE } from '../src/policies/ningguo-2011.js';
import { provisions } from '../src/policies/clauses.js';

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
    expect(en).toContain('2. 3,250 ÷ 600 households per worker = 5 remainder 250');
  });

  test('the worked examples are headed in words (the clause, each input named with its unit, what it finds), the parameters named', () => {
    const zh = files['docs/policy-book.zh.md']!;
    const heads = zh.split('\n').filter((l) => l.startsWith('**算例'));
    expect(heads.length).toBeGreaterThan(0);
    for (const h of heads) expect(h, h).not.toMatch(/[({]"|[a-z][A-Z]|`/);
    expect(heads).toContain('**算例：社区工作者队伍，户数 3,100 户，流动人口户数 150 户 → 所需社区工作者**');
    expect(zh).toContain('<a id="example-requiredStaff"></a>\n\n**算例：社区工作者队伍');
    expect(heads).toContain('**算例：加大社区建设投入，开发面积 150,000 m²，每平方米单价 3,000 元 → 方式**');
    // A parameter by its declared name, its value formatted, its unit and date in Chinese; an option in words.
    expect(zh).toContain('| 城市社区达标目标 | 100 % | — | 2011年1月1日 | Q2 |');
    expect(zh).not.toMatch(/\| `[a-z]+(\.[a-zA-Z]+)+` \|/);
  });

  test('the book lists every standard of the registry with its status and address, and compares the Ningguo 2013 data', () => {
    for (const path of ['docs/policy-book.zh.md', 'docs/policy-book.en.md']) {
      const book = files[path]!;
      for (const s of STANDARDS) {
        const row = book.split('\n').find((l) => l.startsWith(`| \`${s.id}\` |`));
        expect(row, `${path}: ${s.id}`).toContain(`| \`${s.source.status}\` | ${s.source.url} |`);
      }
      // By hand (test/standards.test.ts): rooms owed 246.25, 1,242.5 and 2,804 m²; 996.25 and 2,557.75 m² more.
      const rows = book.split('\n').filter((l) => /^\| `(ningguo-2011|national-2011|national-2021)` [^|]/.test(l));
      expect(rows.map((l) => l.split(' | ')[3])).toEqual(['246.25 m²', '1,242.5 m²', '2,804 m²']);
      expect(rows.map((l) => l.split(' | ')[4])).toEqual(['—', '+996.25 m²', '+2,557.75 m²']);
      expect(rows.map((l) => l.split(' | ')[5]!.split(':')[0])).toEqual(['4', '5', '5']);
    }
  });
});

describe('the documents are named as their text gives them, and the paraphrase is marked as ours (issue 22, Words)', () => {
  const files = renderBook();
  test.each(['zh', 'en'] as const)('%s: each document by its printed title, with what the text gives of issuer and date', (lang) => {
    const book = files[`docs/policy-book.${lang}.md`]!;
    expect(book).not.toMatch(/文件甲|文件乙|Document A|Document B/);
    const heads = book.split('\n').filter((l) => l.startsWith('## ') && /[《(]/.test(l));
    expect(heads).toHaveLength(2);
    for (const [i, doc] of (['A', 'B'] as const).entries()) {
      const given = NINGGUO_2011_DOCUMENTS[doc];
      expect(given.title.given).toBe('printed');
      expect(heads[i]).toContain(given.title.printed);
      // Neither document prints its issuer or date: both are said to be implied, the text's silence said in words.
      expect([given.issuer.given, given.date.given]).toEqual(['implied', 'implied']);
      expect(given.issuer.words[lang]).toMatch(lang === 'zh' ? /^原文未署发文机关/ : /^The text gives no issuer/);
      expect(given.date.words[lang]).toMatch(lang === 'zh' ? /^原文未署日期/ : /^The text gives no date/);
      for (const part of [given.title, given.issuer, given.date]) expect(book).toContain(part.words[lang]);
    }
    // "about 2011" rests on the text's own years.
    expect(NINGGUO_2011_DOCUMENTS.A.date.words[lang]).toMatch(/2011.*2012/);
    expect(NINGGUO_2011_SOURCE.date).toBe('2011');
  });

  test.each(['zh', 'en'] as const)('%s: every clause summary is marked as our paraphrase', (lang) => {
    const book = files[`docs/policy-book.${lang}.md`]!;
    const mark = lang === 'zh' ? '*(本库转述)*' : '*(our paraphrase)*';
    for (const p of provisions) expect(book).toContain(`${p.summary[lang]} ${mark}`);
  });
});
