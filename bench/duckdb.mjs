/**
 * The same community checks in SQL, run by DuckDB over the same CSV, as a
 * whole process: verdict counts per check (pass, fail, unknown) as JSON.
 * Usage: node bench/duckdb.mjs FILE
 * The default policy's numbers for 2013: size within ±20 % of 3,000 households
 * and 8,000 residents, rooms ≥ 5 m² per 100 residents, staff ≥ ceil((households
 * + floating households) / 600), ground floor and one-stop window true, street
 * subsidy ≥ 30,000 yuan. NULL (an empty cell) is unknown, as in the library.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const verdict = (known, ok) =>
  `count(*) FILTER (WHERE (${known}) AND (${ok})) AS "%p", count(*) FILTER (WHERE (${known}) AND NOT (${ok})) AS "%f", count(*) FILTER (WHERE NOT (${known})) AS "%u"`;
const checks = {
  'Q4/Q5': ['true', 'abs(households - 3000) * 5 <= 3000 AND abs(residents - 8000) * 5 <= 8000'],
  Q7: ['roomAreaM2 IS NOT NULL', 'roomAreaM2 * 100 >= residents * 5'],
  Q8: ['staff IS NOT NULL', 'staff * 600 >= households + coalesce(floatingHouseholds, 0)'],
  'A.3.4/ground-floor': ['roomsOnGroundFloor IS NOT NULL', 'roomsOnGroundFloor'],
  'A.3.4/one-stop-window': ['oneStopWindow IS NOT NULL', 'oneStopWindow'],
  Q10: ['streetSubsidyPaid IS NOT NULL', 'streetSubsidyPaid >= 30000'],
};
const select = Object.entries(checks)
  .map(([id, [known, ok]]) => verdict(known, ok).replaceAll('%p', `${id} pass`).replaceAll('%f', `${id} fail`).replaceAll('%u', `${id} unknown`))
  .join(',\n  ');
const sql = `SELECT\n  ${select}\nFROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = {
  'id': 'VARCHAR', 'name': 'VARCHAR', 'kind': 'VARCHAR', 'households': 'BIGINT', 'floatingHouseholds': 'BIGINT', 'residents': 'BIGINT',
  'roomAreaM2': 'DECIMAL(18,2)', 'staff': 'BIGINT', 'roomsOnGroundFloor': 'BOOLEAN', 'oneStopWindow': 'BOOLEAN', 'streetSubsidyPaid': 'DECIMAL(18,2)'
}) WHERE kind = 'urban'`;

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const reader = await con.runAndReadAll(sql);
const [row] = reader.getRowObjectsJson();
const counts = {};
for (const id of Object.keys(checks)) counts[id] = { pass: Number(row[`${id} pass`]), fail: Number(row[`${id} fail`]), unknown: Number(row[`${id} unknown`]) };
console.log(JSON.stringify(counts));
