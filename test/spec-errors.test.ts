/**
 * The specification's look-ups, at their edges: what they forgive (case,
 * spaces, full-width brackets) and the words they refuse with.
 */
import { describe, expect, test } from 'vitest';
import { codesOf } from './support/issues.js';
import { createPolicy } from '../src/index.js';
import { closest, distance } from '../src/policy/names.js';
import { actorsFor, classifyFundSource, dutiesOf, provision } from '../src/spec.js';

const SIX =
  'city-special-fund (市级社区建设专项资金), fiscal-subsidy (财政补助资金), developer-room-funds (开发企业缴纳的社区用房资金), fee-follows-task (“费随事转”资金), higher-level-projects (向上级争取的社区项目资金), donations (社会各界捐助资金)';
const CLAUSES =
  'A.0, A.1, A.2, A.3, A.3.1, A.3.2, A.3.3, A.3.4, A.3.5, A.3.6, A.3.7, A.3.8, A.3.9, A.3.10, A.4, A.4.1, A.4.2, A.4.3, A.4.4, A.4.5, B.0, B.1, B.2, B.3, B.4';

describe('classifyFundSource', () => {
  test('an id is found whatever its case and spaces', () => {
    expect(classifyFundSource('  DONATIONS ').id).toBe('donations');
    expect(classifyFundSource('Fee-Follows-Task').id).toBe('fee-follows-task');
    expect(classifyFundSource(' city-special-fund ').id).toBe('city-special-fund'); // no keyword of its own matches the padded id
  });
  test('refuses an empty source, a source of no kind, and one of two kinds, listing the six', () => {
    expect(() => classifyFundSource(' ')).toThrow(`Invalid input to classifyFundSource: source: expected a description of the money's source, got " "`);
    expect(() => classifyFundSource(7 as never)).toThrow(`Invalid input to classifyFundSource: source: expected a description of the money's source, got 7`);
    expect(() => classifyFundSource('lottery')).toThrow(
      `Invalid input to classifyFundSource: source: "lottery" is not one of the six kinds of money the special account takes (A.4.4): ${SIX}`,
    );
    // 捐助 names donations, 专项资金 the city's special fund.
    expect(() => classifyFundSource('捐助的专项资金')).toThrow(
      `Invalid input to classifyFundSource: source: "捐助的专项资金" fits more than one kind (city-special-fund, donations); name one of: ${SIX}`,
    );
  });
});

describe('provision', () => {
  test('refuses an unknown clause, listing all 25', () => {
    expect(() => provision('A.9')).toThrow(`Invalid input to provision: id: expected a clause id such as 'A.3.4' or 'B.3' (one of ${CLAUSES}), got "A.9"`);
  });
});

describe('dutiesOf and actorsFor', () => {
  test('names are found whatever the case, the spaces and the width of the brackets', () => {
    expect(dutiesOf('  WATER AUTHORITY ').body.id).toBe('water');
    expect(dutiesOf('街道（乡镇）').body.id).toBe(dutiesOf('街道(乡镇)').body.id);
  });
  test('a misspelt body gets the nearest names; a name like none gets the first six', () => {
    expect(() => dutiesOf('Watr authority')).toThrow(
      'Invalid input to dutiesOf: name: no body called "Watr authority" is named in the documents; did you mean 水务部门 (Water authority)?',
    );
    expect(() => dutiesOf('zzzzzzzzzzzz')).toThrow(
      'Invalid input to dutiesOf: name: no body called "zzzzzzzzzzzz" is named in the documents; known bodies include 党委政府, 民政部门, 街道(乡镇), 街道(乡镇)党工委书记, 发展改革部门, 教育主管部门 …',
    );
  });
  test('near names are listed nearest first, in the documents’ order when equally near', () => {
    // 教育 is one edit from 教育局 (an alias of the education authority) and from 体育 (an alias of sports), but
    // shares only 育 with 体育: sports is not offered.
    expect(() => dutiesOf('教育')).toThrow(
      'Invalid input to dutiesOf: name: no body called "教育" is named in the documents; did you mean 教育主管部门 (Education authority)?',
    );
  });
  test('at most three suggestions, the nearest first whatever the documents’ order', () => {
    // 建委 is one edit from 党委, 住建委, 团委 and 建设 (four bodies), but shares both its characters only with 住建委.
    expect(() => dutiesOf('建委')).toThrow(
      'Invalid input to dutiesOf: name: no body called "建委" is named in the documents; did you mean 住建部门 (Housing and urban–rural construction)?',
    );
    // One letter missing from community-committees (1 edit); community-office, listed earlier, is 6 edits away (19 letters allow 6).
    expect(() => dutiesOf('community-ommittees')).toThrow(
      'did you mean 村(居)委会 (Village and residents’ committees), 市社区建设办公室 (City community-building office)?',
    );
  });
  test('a question is read whatever its case and spaces', () => {
    expect(actorsFor('  QUARRY-PIT ').map((a) => a.body.id)).toEqual(['land-resources']);
  });
  test('a question about nothing the documents cover names the topics, and the nearest id when there is one', () => {
    const topics =
      'topics: community-building (社区建设), community-services (社区服务), community-funds (社区资金与“三资”), street-subsidy (街道(乡镇)配套补助), developer-rooms (开发企业提供社区用房), drowning-prevention (防溺水), publicity (宣传报道), family-contact (联系家长), reservoir-release (水库开闸放水), dangerous-waters (危险水域与巡查), warning-signs (警示标志与防护), quarry-pit (采砂取土取石场所与废弃坑洼), water-amusement (无证水上游乐场所), left-behind-children (农村留守儿童)';
    expect(() => actorsFor('xyzzy')).toThrow(`Invalid input to actorsFor: question: "xyzzy" names no matter the documents deal with; ${topics}`);
    expect(() => actorsFor('publicty')).toThrow(
      `Invalid input to actorsFor: question: "publicty" names no matter the documents deal with (did you mean 'publicity'?); ${topics}`,
    );
  });
});

describe('close matches', () => {
  test('edit distance', () => {
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('abc', '')).toBe(3);
    expect(distance('', 'abc')).toBe(3);
    expect(distance('abc', 'abd')).toBe(1);
    expect(distance('ABC', 'abc')).toBe(0);
  });
  test('a typo is at most 2 edits, or a third of the name for long names; the first of equally close names wins', () => {
    expect(closest('abcdef', ['abcxyz'])).toBeUndefined(); // 3 edits, 6 letters: at most 2
    expect(closest('abcdef', ['abcdxy'])).toBe('abcdxy'); // 2 edits
    expect(closest('abcdefghi', ['abcdefxyz'])).toBe('abcdefxyz'); // 3 edits, 9 letters: at most 3
    expect(closest('abcdefghi', ['abcdewxyz'])).toBeUndefined(); // 4 edits
    expect(closest('ab', ['ax', 'ay'])).toBeUndefined(); // one character of two shared: no typo
    expect(closest('ab', ['abc', 'abd'])).toBe('abc');
    expect(closest('ab', [])).toBeUndefined();
  });
  test('createPolicy names its own context, and says nothing of a guess when there is none', () => {
    expect(() => createPolicy({ staffing: { zzzzzzzzzz: 1 } } as never)).toThrow(/^Invalid input to createPolicy: staffing\.zzzzzzzzzz: /);
    expect(codesOf(() => createPolicy({ staffing: { zzzzzzzzzz: 1 } } as never))).toEqual(['staffing.zzzzzzzzzz: unknown-field']);
    expect(() => createPolicy({ staffing: { zzzzzzzzzz: 1 } } as never)).not.toThrow(/did you mean/);
  });
});
