/**
 * Inputs with a problem in every one of very many places (issue 19, item 5): each is refused with one
 * PolicyInputError listing the first problems and counting the rest, never a RangeError from inside (the
 * issues of 200,000 communities once overflowed the stack on their way into one list).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_ISSUES, PolicyInputError } from '../src/errors.js';
import { evaluateBatch, evaluateCity, evaluateCommunities, readDataset, type CommunityRecord, type Dataset } from '../src/evaluation.js';
import { requiredStaff } from '../src/index.js';

const N = 200_000;
const record = (i: number, patch: Record<string, unknown> = {}) => ({ id: `c${i}`, name: '社区', kind: 'urban', households: 3000, residents: 8000, ...patch });
/** 200,000 communities, each with one bad cell. */
const badCells = () => Array.from({ length: N }, (_, i) => record(i, { households: 'bad' })) as unknown as CommunityRecord[];

/** What `call` throws: a PolicyInputError, or the test fails with what it was. */
function refusal(call: () => unknown): PolicyInputError {
  try {
    call();
  } catch (e) {
    if (e instanceof PolicyInputError) return e;
    throw new Error(`expected a PolicyInputError, got ${String(e)}`);
  }
  throw new Error('expected a PolicyInputError, got a result');
}

/** The refusal holds the first MAX_ISSUES issues, then one counting the rest. */
function cappedAt(e: PolicyInputError, total: number, first: string, code: string): void {
  expect(e.issues).toHaveLength(MAX_ISSUES + 1);
  expect(e.issues[0]).toMatchObject({ path: first, code });
  expect(e.issues.at(-1)).toMatchObject({ path: '', code: 'too-many-issues', received: String(total - MAX_ISSUES) });
}

describe('200,000 communities with one bad cell each (issue 19, item 5)', () => {
  const communities = badCells();
  test('readDataset refuses them, listing 50 and counting the rest', () => {
    cappedAt(
      refusal(() => readDataset({ year: 2013, communities })),
      N,
      'communities[0].households',
      'not-a-count',
    );
  }, 60_000);
  test('evaluateCity refuses them', () => {
    cappedAt(
      refusal(() => evaluateCity({ year: 2013, communities })),
      N,
      'communities[0].households',
      'not-a-count',
    );
  }, 60_000);
  test('evaluateBatch and evaluateCommunities refuse the first', () => {
    expect(refusal(() => evaluateBatch(communities, { year: 2013 })).issues.map((i) => `${i.path}: ${i.code}`)).toEqual(['records[0].households: not-a-count']);
    expect(refusal(() => [...evaluateCommunities(communities, { year: 2013 })]).issues.map((i) => `${i.path}: ${i.code}`)).toEqual([
      'records[0].households: not-a-count',
    ]);
  }, 60_000);
});

describe('every other way a dataset can have a problem in 200,000 places', () => {
  const ok = (i: number) => record(i);
  const many = <T>(make: (i: number) => T) => Array.from({ length: N }, (_, i) => make(i));
  const cases: [string, () => unknown, string, string][] = [
    ['a duplicate id in every row', () => ({ year: 2013, communities: many(() => ok(0)) }), 'communities[1].id', 'duplicate-id'],
    [
      'a sum beyond safe integers in every row',
      () => ({ year: 2013, communities: many((i) => record(i, { households: 2 ** 53 - 1, floatingHouseholds: 1 })) }),
      'communities[0].floatingHouseholds',
      'out-of-range',
    ],
    [
      'a project without its floor area in every row',
      () => ({ year: 2013, communities: [], developerProjects: many((i) => ({ id: `p${i}` })) }),
      'developerProjects[0].floorAreaM2',
      'missing-field',
    ],
    [
      'a budget under a key that is not a year',
      () => ({ year: 2013, communities: [], funding: { baseYearTotal: 1, budgets: Object.fromEntries(many((i) => [`k${i}`, 1])) } }),
      'funding.budgets.k0',
      'not-a-year',
    ],
    [
      'a community with 200,000 unknown fields',
      () => ({ year: 2013, communities: [{ ...ok(0), ...Object.fromEntries(many((i) => [`k${i}`, 1])) }] }),
      'communities[0].k0',
      'unknown-field',
    ],
    ['a dataset with 200,000 unknown fields', () => ({ year: 2013, communities: [], ...Object.fromEntries(many((i) => [`k${i}`, 1])) }), 'k0', 'unknown-field'],
  ];
  test.each(cases)(
    '%s: refused, 50 listed and the rest counted',
    (_, make, first, code) => {
      const data = make() as Dataset;
      cappedAt(
        refusal(() => readDataset(data)),
        N - (code === 'duplicate-id' ? 1 : 0),
        first,
        code,
      );
      cappedAt(
        refusal(() => evaluateCity(data)),
        N - (code === 'duplicate-id' ? 1 : 0),
        first,
        code,
      );
    },
    60_000,
  );

  test('the issues of a small dataset come in the order of its fields, as before', () => {
    const data = {
      year: 'x',
      communities: [record(0, { households: -1 }), 5],
      villages: 3,
      funding: { baseYearTotal: 'x', budgets: { 2012: -1, abc: 5 }, extra: 1 },
      developerProjects: [{ id: 'p', floorAreaM2: 'x' }],
      zz: 1,
    };
    expect(refusal(() => readDataset(data)).issues.map((i) => `${i.path}: ${i.code}`)).toEqual([
      'year: not-a-year',
      'communities[0].households: not-a-count',
      'communities[1]: not-an-object',
      'villages: not-an-object',
      'funding.baseYearTotal: not-an-amount',
      'funding.budgets.2012: not-an-amount',
      'funding.budgets.abc: not-a-year',
      'funding.extra: unknown-field',
      'developerProjects[0].floorAreaM2: not-an-amount',
      'zz: unknown-field',
    ]);
  });

  test('a rule given 200,000 unknown fields lists 50 and counts the rest', () => {
    const input = { households: 3000, ...Object.fromEntries(many((i) => [`k${i}`, 1])) };
    cappedAt(
      refusal(() => requiredStaff(input as never)),
      N,
      'k0',
      'unknown-field',
    );
  }, 60_000);
});

describe('the CLI on such a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shequ-many-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test('a JSON dataset of 200,000 communities with one bad cell each: exit 2, never an internal error', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ year: 2013, communities: badCells() }));
    const r = spawnSync(process.execPath, ['dist/cli/bin.js', 'report', path], { encoding: 'utf8', timeout: 110_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('communities[0].households');
    expect(r.stderr).toContain('199950');
  }, 120_000);
});
