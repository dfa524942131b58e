/**
 * The SQL export, run: DuckDB evaluates the query `toSql` writes on tables of generated communities (records of
 * every shape, and records on the policy's own edges, under generated policies with every reading and overridden
 * numbers), on the example datasets, and finds every status and every shortfall equal to the library's
 * `evaluateCommunity`. The Postgres text is parsed by Postgres's own parser (no server here).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { fc, test } from '@fast-check/vitest';
import * as pgParser from 'libpg-query';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { bigRatio, D, type Decimal } from '../src/decimal.js';
import type { FormulaConstants } from '../src/formula/check.js';
import { exactNum } from '../src/formula/evaluate.js';
import { floorDiv } from '../src/formula/resolve.js';
import type { CommunityCheck } from '../src/provisions/provision.js';
import type { CommunityRecord } from '../src/evaluate/dataset.js';
import { evaluateCommunity, readDataset, toSql } from '../src/evaluation.js';
import type { SqlOptions } from '../src/sql/to-sql.js';
import { createPolicy, type ParameterOverrides, type Policy } from '../src/index.js';
import { shapeOf } from '../src/evaluate/evaluate.js';
import { day, edgeOf, overrides } from './support/formula-records.js';

let db: DuckDBInstance;
let con: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
}, 60_000);
afterAll(() => {
  con?.closeSync();
  db?.closeSync();
});

const COLUMNS: [string, string][] = [
  ['id', 'VARCHAR'],
  ['name', 'VARCHAR'],
  ['kind', 'VARCHAR'],
  ['households', 'BIGINT'],
  ['floatingHouseholds', 'BIGINT'],
  ['residents', 'BIGINT'],
  ['roomAreaM2', 'DECIMAL(38,4)'],
  ['serviceCentreM2', 'DECIMAL(38,4)'],
  ['staff', 'BIGINT'],
  ['roomsOnGroundFloor', 'BOOLEAN'],
  ['oneStopWindow', 'BOOLEAN'],
  ['streetSubsidyPaid', 'DECIMAL(38,4)'],
  ['activeFrom', 'DATE'],
];
const literal = (v: unknown) =>
  v === undefined || v === null ? 'NULL' : typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : typeof v === 'boolean' ? String(v) : String(v);

/** A table of the records, as a bureau's database would hold them: a column per field, NULL where one is missing. */
async function load(table: string, records: readonly CommunityRecord[]): Promise<void> {
  await con.run(`CREATE OR REPLACE TABLE "${table}" (${COLUMNS.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
  for (let i = 0; i < records.length; i += 500) {
    const rows = records.slice(i, i + 500).map((r) => `(${COLUMNS.map(([n]) => literal((r as unknown as Record<string, unknown>)[n])).join(', ')})`);
    await con.run(`INSERT INTO "${table}" VALUES ${rows.join(', ')}`);
  }
}

/** Each row's status and shortfall by check, as DuckDB gives them. */
async function run(sql: string): Promise<Map<string, Record<string, string | null>>> {
  const reader = await con.runAndReadAll(sql);
  const out = new Map<string, Record<string, string | null>>();
  for (const row of reader.getRowObjectsJson()) out.set(String(row.id), row as Record<string, string | null>);
  return out;
}

/** Whether DuckDB's rows say what the library says of each record, check by check; the differences otherwise. */
function differences(
  records: readonly CommunityRecord[],
  rows: Map<string, Record<string, string | null>>,
  policy: Policy,
  year: number | undefined,
): string[] {
  const checks = shapeOf(policy).community.filter((c) => c.formula);
  const out: string[] = [];
  for (const r of records) {
    const row = rows.get(r.id)!;
    const findings = new Map(evaluateCommunity(r, { policy, ...(year !== undefined && { year }) }).map((f) => [f.provision, f]));
    for (const check of checks) {
      const f = findings.get(check.provision);
      const status = row[check.provision] ?? null;
      const shortfall = row[`${check.provision} shortfall`] ?? null;
      const want = f?.status ?? null;
      const wantShort = f?.shortfall === undefined ? null : f.shortfall.toDecimalPlaces(10, D.ROUND_HALF_UP).toFixed();
      const got = shortfall === null ? null : new D(shortfall).toFixed();
      if (status !== want || (got !== wantShort && !sameQuotient(got, f?.shortfall, check, policy, year, r)))
        out.push(`${r.id} ${check.provision}: SQL ${status} ${got}, library ${want} ${wantShort} (${JSON.stringify(r)})`);
    }
  }
  return out;
}

/**
 * Whether the query's shortfall and the library's are two roundings of one quotient that does not terminate (the
 * size check's share): the query's half up to 10 decimals, the library's to 20 significant digits. Both are held to
 * the exact quotient the check's formula gives.
 */
function sameQuotient(
  got: string | null,
  lib: Decimal | undefined,
  check: CommunityCheck,
  policy: Policy,
  year: number | undefined,
  r: CommunityRecord,
): boolean {
  if (got === null || lib === undefined) return false;
  const exact = exactNum((check.compile(policy, year) as FormulaConstants).resolved.shortfall, r as never)!;
  const ten = floorDiv(2n * exact.n * 10n ** 10n + exact.d, 2n * exact.d); // half up, in units of 10^-10
  return new D(got).eq(new D(ten.toString()).div(1e10)) && lib.eq(bigRatio(exact.n, exact.d).value);
}

/** Amounts as a DECIMAL(38,4) column holds them: at most 4 decimals (the SQL reads amounts to 4 decimals). */
const amount4 = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.integer({ min: 0, max: 10 ** 15 }),
  fc
    .tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 4 }))
    .map(([w, f, k]) => `${w}.${String(f).padStart(4, '0').slice(0, k)}`),
);
const record4: fc.Arbitrary<CommunityRecord> = fc
  .record(
    {
      id: fc.constant('c'),
      name: fc.constant('n'),
      kind: fc.constantFrom('urban' as const, 'rural' as const),
      // Up to 10^12: beyond, a 128-bit product of a size check's exact shortfall may overflow, and DuckDB stops with
      // an Out of Range error (never a wrong number).
      households: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 10 ** 12 })),
      residents: fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 10 ** 12 })),
      floatingHouseholds: fc.integer({ min: 0, max: 5000 }),
      staff: fc.integer({ min: 0, max: 40 }),
      roomAreaM2: amount4,
      streetSubsidyPaid: amount4,
      roomsOnGroundFloor: fc.boolean(),
      oneStopWindow: fc.boolean(),
      activeFrom: day,
    },
    { requiredKeys: ['id', 'name', 'kind', 'households', 'residents'] },
  )
  .filter((c) => Number.isSafeInteger(c.households + (c.floatingHouseholds ?? 0)));

/** A record's amounts as a DECIMAL(38,4) column holds them (an edge of a policy whose rate has many decimals has more). */
const to4 = (r: CommunityRecord): CommunityRecord => {
  const four = (v: number | string | undefined) => (v === undefined ? undefined : new D(v).toDecimalPlaces(4, D.ROUND_HALF_UP).toFixed());
  return { ...r, roomAreaM2: four(r.roomAreaM2), streetSubsidyPaid: four(r.streetSubsidyPaid) };
};

const table = fc.tuple(overrides, fc.constantFrom(2013, 2016, undefined)).chain(([o, year]) => {
  const policy = createPolicy(o);
  return fc.tuple(
    fc.constant(o),
    fc.constant(year),
    fc.array(fc.oneof(record4, edgeOf(policy, year).map(to4)), { minLength: 1, maxLength: 60 }).map((rs) => rs.map((r, i) => ({ ...r, id: `c${i}` }))),
  );
});

describe('DuckDB runs the exported query and agrees with the library, row by row', () => {
  test.prop([table], { numRuns: 40 })(
    'generated policies (every reading, overridden numbers) and tables (records of every shape, the policy’s edges)',
    async ([o, year, records]) => {
      const policy = createPolicy(o);
      await load('communities', records);
      const rows = await run(toSql(policy, { dialect: 'duckdb', table: 'communities', ...(year !== undefined && { year }) }));
      expect(rows.size).toBe(records.length);
      expect(differences(records, rows, policy, year)).toEqual([]);
    },
    120_000,
  );

  const readings: [string, ParameterOverrides][] = [
    ['as written', {}],
    ['I3 floor, I8 by days', { staffing: { rounding: 'floor' }, streetSubsidy: { proration: 'by-days' } }],
    ['I3 half-up, I9 per 100 households, I4 ±10 %', { staffing: { rounding: 'half-up' }, rooms: { m2Per100Households: 20 }, sizing: { tolerance: '0.1' } }],
  ];
  for (const file of ['examples/city.json', 'examples/ningguo-2012.json', 'examples/ningguo-2013.json']) {
    test.each(readings)(
      `${file}, %s`,
      async (_name, o) => {
        const d = readDataset(JSON.parse(readFileSync(file, 'utf8')));
        const policy = createPolicy(o);
        await load('examples', d.communities);
        const rows = await run(toSql(policy, { dialect: 'duckdb', table: 'examples', year: d.year }));
        expect(differences(d.communities, rows, policy, d.year)).toEqual([]);
      },
      60_000,
    );
  }

  test('a column named otherwise is read through the map, and a view can be made', async () => {
    await con.run('CREATE OR REPLACE TABLE renamed AS SELECT * RENAME ("roomAreaM2" AS room_area) FROM communities');
    const sql = toSql(createPolicy(), { dialect: 'duckdb', table: 'renamed', year: 2013, columns: { roomAreaM2: 'room_area' }, view: 'checked' });
    await con.run(sql);
    const base = await run(toSql(createPolicy(), { dialect: 'duckdb', table: 'communities', year: 2013 }));
    const viewed = await run('SELECT * FROM checked');
    expect([...viewed]).toEqual([...base]);
  }, 60_000);
});

describe('the query as text', () => {
  const policy = createPolicy({ staffing: { rounding: 'floor' } });
  const duck = toSql(policy, { dialect: 'duckdb', year: 2013 });
  const pg = toSql(policy, { dialect: 'postgres', year: 2013 });

  test('the header names the readings (a non-default one flagged) and the parameters with their clauses', () => {
    expect(duck).toMatch(/^-- readings:$/m);
    expect(duck).toMatch(/^-- {3}I3 \[A\.4\.2\] .* — 向下取整.* \[floor\] \(not the default, 向上取整.* \[ceil\]\)$/m);
    expect(duck).toMatch(
      /^-- {3}staffing\.householdsPerWorker \(每名工作人员服务户数 \/ households per worker\) = 600 户\/名 \/ 600 households per worker \[A\.4\.2\]$/m,
    );
    expect(duck).toMatch(/^-- year: 2013$/m);
    // The city's own checks are not rows of the table: listed, not silently left out.
    expect(duck).toMatch(/^-- not in this query/m);
  });

  test('the header writes values and units through the one formatter and in words, in both languages', () => {
    const lines = duck.split('\n').filter((l) => l.startsWith('--'));
    const param = (path: string) => lines.find((l) => l.startsWith(`--   ${path} (`));
    expect(param('sizing.households')).toBe(
      '--   sizing.households (城区社区规模(户数) / urban community size (households)) = 3,000 户 / 3,000 households [A.3.1]',
    );
    expect(param('sizing.tolerance')).toMatch(/ = 20 % \[A\.3\.1\]$/);
    expect(param('rooms.m2Per100Residents')).toMatch(/ = 5 m²\/百人 \/ 5 m² per 100 residents \[A\.3\.4\]$/);
    expect(param('streetSubsidy.minimumPerCommunityPerYear')).toMatch(/ = 30,000 元\/社区·年 \/ 30,000 yuan per community and year \[A\.4\.3\]$/);
    expect(param('rooms.m2Per100Households')).toMatch(/ = 未设定 \/ not set$/);
    // No number left ungrouped, no unit as the code names it.
    expect(lines.filter((l) => / = \d{4,}|per 100 人|户 per worker|\] (share|option|元 per community per year)$/.test(l))).toEqual([]);
  });

  test('each field is cast once, in the typed rows; the conditions are decided in BIGINT and DECIMAL(38,4), never HUGEINT', () => {
    const body = toSql(createPolicy(), { dialect: 'duckdb', year: 2013 })
      .split('\n')
      .filter((l) => !l.startsWith('--'));
    const typed = body.slice(0, body.indexOf(')'));
    expect(typed.filter((l) => /CAST\("households" AS BIGINT\)|CAST\("roomAreaM2" AS DECIMAL\(38,4\)\)/.test(l))).toHaveLength(2);
    const conditions = body.filter((l) => /AS "ok \d+",?$/.test(l));
    expect(conditions.length).toBeGreaterThan(0);
    for (const c of conditions) {
      expect(c).not.toMatch(/HUGEINT/);
      // The fields are read from the typed rows, not cast again.
      expect(c).not.toMatch(/CAST\("(households|residents|staff)" AS BIGINT|CAST\("(roomAreaM2|streetSubsidyPaid)" AS/);
    }
  });

  test('a size shortfall that does not end, near 10^12 households, is written without overflowing (whole part and remainder apart)', async () => {
    const policy = createPolicy({ sizing: { households: 3241, residents: 12427, tolerance: '0.333333333333' } });
    const records = [{ id: 'c0', name: 'n', kind: 'urban' as const, households: 684_562_583_627, residents: 0 }];
    await load('huge', records);
    const rows = await run(toSql(policy, { dialect: 'duckdb', table: 'huge' }));
    expect(rows.get('c0')!['Q4/Q5 shortfall']).toBe('211219555.4784531523');
    expect(differences(records, rows, policy, undefined)).toEqual([]);
  }, 60_000);

  test('every line is a comment or SQL (no line break of the data inside a comment)', () => {
    const body = duck.split('\n').filter((l) => !l.startsWith('--'));
    expect(body[0]).toMatch(/^WITH /);
  });

  test('Postgres: NUMERIC and div()/mod(), never DuckDB’s HUGEINT or //', () => {
    expect(pg).not.toMatch(/HUGEINT|\/\//);
    expect(pg).toMatch(/AS NUMERIC\)/);
    expect(pg).toMatch(/div\(/);
  });

  // Postgres's own parser (libpg-query, compiled to WebAssembly): the text is one statement Postgres reads, with the
  // columns it should give. (Types and functions are checked by a server, which is not started here.)
  test.each([
    ['as written', {}, {}],
    [
      'every other reading, a view, a renamed column',
      { staffing: { rounding: 'half-up' }, rooms: { m2Per100Households: 20 }, streetSubsidy: { proration: 'by-days' } },
      { view: 'public.checked', columns: { roomAreaM2: 'room area' } },
    ],
    ['no year', {}, { year: undefined }],
  ] as [string, ParameterOverrides, Partial<SqlOptions>][])('Postgres parses the query: %s', async (_name, o, extra) => {
    const text = toSql(createPolicy(o), { dialect: 'postgres', year: 2013, ...extra });
    await pgParser.loadModule();
    const tree = pgParser.parseSync(text) as { stmts: { stmt: Record<string, unknown> }[] };
    expect(tree.stmts).toHaveLength(1);
    const stmt = tree.stmts[0]!.stmt;
    const select = ('ViewStmt' in stmt ? (stmt.ViewStmt as { query: Record<string, unknown> }).query : stmt).SelectStmt as {
      targetList: { ResTarget: { name?: string } }[];
    };
    const names = select.targetList.map((t) => t.ResTarget.name ?? 'id');
    const checks = shapeOf(createPolicy(o))
      .community.filter((c) => c.formula)
      .map((c) => c.provision);
    expect(names).toEqual(['id', ...checks.flatMap((id) => [id, `${id} shortfall`])]);
    // A broken text is refused: the check can fail.
    expect(() => pgParser.parseSync(text.replace(/\) AS checked;/, ' AS checked;'))).toThrow();
  });

  test('no year: the subsidy is unknown on every row (the year is written in as NULL)', async () => {
    const sql = toSql(createPolicy(), { dialect: 'duckdb', table: 'communities' });
    expect(sql).toMatch(/^-- year: none given/m);
    const rows = await run(sql);
    expect(new Set([...rows.values()].map((r) => r.Q10))).toEqual(new Set(['unknown']));
  }, 60_000);

  test.each([
    [{ dialect: 'sqlite' }, 'dialect'],
    [{ dialect: 'duckdb', year: 13 }, 'year'],
  ])('refuses %o', (o, path) => {
    expect(() => toSql(createPolicy(), o as never)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path })] }));
  });
});

describe('shequ-rules sql', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli/bin.js', 'sql', ...args], { encoding: 'utf8', timeout: 60_000 });
  test('prints the query toSql writes, and refuses a dialect it does not know (exit 2, in the language of --lang)', () => {
    const ok = cli('--dialect', 'postgres', '--year', '2013');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(toSql(createPolicy(), { dialect: 'postgres', year: 2013 }));
    const bad = cli('--dialect', 'oracle', '--lang', 'en');
    expect([bad.status, bad.stderr]).toEqual([2, 'shequ-rules: --dialect must be duckdb or postgres, got "oracle"\n']);
    expect(cli('--dialect', 'oracle').stderr).toMatch(/--dialect 应为 duckdb 或 postgres/);
    expect(cli('--year', '13').status).toBe(2);
  }, 120_000);
});
