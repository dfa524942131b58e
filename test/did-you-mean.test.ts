/**
 * "Did you mean" for short names (issue 19, item 6): a suggestion keeps at least two characters of the query,
 * half of the shorter name and the query's first character, so that a Chinese body sharing only its generic
 * ending (局, 部门, 委) or one character of two is never offered, while typos of every length still are.
 */
import { describe, expect, test } from 'vitest';
import { PolicyInputError } from '../src/errors.js';
import { createPolicy } from '../src/index.js';
import { closest, distance } from '../src/policy/names.js';
import { readDataset } from '../src/evaluation.js';
import { dutiesOf } from '../src/spec.js';

/** The bodies dutiesOf offers for `name`, by id (none: the list of known bodies instead). */
function offered(name: string): string[] {
  try {
    dutiesOf(name);
  } catch (e) {
    if (!(e instanceof PolicyInputError)) throw e;
    const m = /did you mean (.*)\?$/.exec(e.issues[0]!.message);
    return m ? m[1]!.split(/, (?=\p{Script=Han})/u).map((s) => s.replace(/ \(.*$/, '')) : [];
  }
  throw new Error(`${name} was found`);
}

describe('dutiesOf: what is offered for a name the documents do not hold', () => {
  test.each([
    ['税务', 'shares only 务 with 水务'],
    ['税务局', 'shares 务局 with 水务局, not the 税 that says what it deals with'],
    ['税务部门', 'shares 务部门 with 水务部门'],
    ['教委', 'shares only 委 with 党委 and 团委'],
    ['水', 'one character'],
  ])('%s: nothing (%s)', (name) => {
    expect(offered(name)).toEqual([]);
  });
  test.each([
    ['水务部', ['水务部门']],
    ['水利局', ['水务部门']],
    ['公按局', ['公安部门']],
    ['民证局', ['民政部门']],
    ['教育', ['教育主管部门']],
    ['建委', ['住建部门']],
  ])('%s: %j', (name, bodies) => {
    expect(offered(name)).toEqual(bodies);
  });
  test('short and long forms are still the same body', () => {
    expect(dutiesOf('水务局').body).toBe(dutiesOf('水务部门').body);
  });
});

describe('the other users of closest', () => {
  test('a misspelt parameter, option or field is still named', () => {
    expect(() => createPolicy({ staffing: { householdsPerWroker: 600 } } as never)).toThrow(/did you mean "householdsPerWorker"/);
    expect(closest('polcy', ['policy', 'year'])).toBe('policy');
    expect(closest('yaer', ['year', 'communities'])).toBe('year');
    const issue = (data: unknown) =>
      (() => {
        try {
          readDataset(data);
        } catch (e) {
          return (e as PolicyInputError).issues[0]!;
        }
      })();
    expect(issue({ year: 2013, communities: [], vilages: {} })?.message).toMatch(/did you mean "villages"/);
  });
  test('a two-letter key is not taken for another sharing one letter', () => {
    expect(closest('ix', ['id', 'name'])).toBeUndefined();
  });
  test('a long key costs no edit distance against every name', () => {
    const long = 'x'.repeat(1_000_000);
    const start = performance.now();
    expect(closest(long, ['households', 'residents', 'floatingHouseholds'])).toBeUndefined();
    expect(distance(long, 'households', 5)).toBe(6);
    expect(performance.now() - start).toBeLessThan(1000);
  });
  test('a community with 40 unknown fields of 100,000 characters each is refused at once (a quarter of a second a field before)', () => {
    const keys = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`${i}`.padEnd(100_000, 'k'), 1]));
    const community = { id: 'c1', name: '东苑', kind: 'urban', households: 1, residents: 1, ...keys };
    const start = performance.now();
    expect(() => readDataset({ year: 2013, communities: [community] })).toThrow(PolicyInputError);
    expect(performance.now() - start).toBeLessThan(5000);
  }, 60_000);
});
