/**
 * The CSV path (bytes → columns → status codes → tally and heaps) against the
 * record path (`evaluateCity` and `formatReport`): the same summary, the same
 * listed findings in the same order, the same streamed findings.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createPolicy } from '../create-policy.js';
import { evaluateDataset } from '../evaluate/city.js';
import { readDataset } from '../evaluate/dataset.js';
import type { CommunityRecord } from '../evaluate/dataset.js';
import { formatReport, jsonFinding, jsonSummary } from '../report/format-report.js';
import { evaluateFile } from './read-input.js';

const FIELDS = ['id', 'name', 'kind', 'households', 'floatingHouseholds', 'residents', 'roomAreaM2', 'staff', 'roomsOnGroundFloor', 'oneStopWindow', 'streetSubsidyPaid'] as const;

/** A record and the text of each of its cells, in one of the forms a CSV may hold. */
const community = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 6 }).map((s) => s.trim()).filter((s) => s.length > 0),
    kind: fc.constantFrom('urban', 'urban', 'urban', 'rural'),
    households: fc.oneof(fc.integer({ min: 2000, max: 4000 }), fc.constantFrom(0, 3000, 3600, 3601, 2400, 2399)),
    residents: fc.oneof(fc.integer({ min: 6000, max: 10000 }), fc.constantFrom(0, 8000, 9600, 9601)),
    floatingHouseholds: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    roomAreaM2: fc.option(fc.oneof(fc.integer({ min: 250, max: 550 }), fc.constantFrom('400.5', '399.99', '0400', '400.00', '0')), { nil: undefined }),
    staff: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    roomsOnGroundFloor: fc.option(fc.boolean(), { nil: undefined }),
    oneStopWindow: fc.option(fc.boolean(), { nil: undefined }),
    streetSubsidyPaid: fc.option(fc.oneof(fc.integer({ min: 20000, max: 40000 }), fc.constantFrom('29999.99', '30000.00', '030000')), { nil: undefined }),
    flagForm: fc.constantFrom(['true', 'false'], ['1', '0'], ['yes', 'no'], ['是', '否'], ['TRUE', 'N']),
    space: fc.boolean(),
  })
  .map(({ flagForm, space, ...c }) => ({ c, flagForm, space }));

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function toCsv(rows: { c: Omit<CommunityRecord, 'id'>; flagForm: readonly string[]; space: boolean }[], crlf: boolean): { csv: string; records: CommunityRecord[] } {
  const records: CommunityRecord[] = [];
  const lines = [FIELDS.join(',')];
  rows.forEach(({ c, flagForm, space }, i) => {
    const record: CommunityRecord = { id: `c${i}`, ...c };
    for (const k of Object.keys(record) as (keyof CommunityRecord)[]) if (record[k] === undefined) delete record[k];
    records.push(record);
    lines.push(
      FIELDS.map((f) => {
        const v = record[f];
        if (v === undefined) return '';
        const text = typeof v === 'boolean' ? flagForm[v ? 0 : 1]! : String(v);
        return csvCell(space && f !== 'name' ? ` ${text} ` : text);
      }).join(','),
    );
  });
  return { csv: lines.join(crlf ? '\r\n' : '\n') + '\n', records };
}

async function viaFile(csv: string, cuts: number[], list: { limit: number; all: boolean }, stream: boolean) {
  const bytes = Buffer.from(csv);
  const chunks: Buffer[] = [];
  let at = 0;
  for (const cut of [...new Set(cuts.map((c) => c % Math.max(1, bytes.length)))].sort((a, b) => a - b)) {
    chunks.push(bytes.subarray(at, cut));
    at = cut;
  }
  chunks.push(bytes.subarray(at));
  const r = await evaluateFile({ file: '-', stdin: Readable.from(chunks), policy: createPolicy(), year: 2013, maxBytes: 1 << 30, list: { ...list, max: 1000 }, stream });
  const streamed: string[] = [];
  if (stream) for await (const batch of r.findings()) for (const f of batch) streamed.push(jsonFinding(f));
  r.close();
  return { summary: JSON.parse(jsonSummary(r.summary)), listed: r.listed.map(jsonFinding), streamed };
}

/** evaluateCity's evaluation of the same communities, as a table of communities (no city-wide data: not evaluated). */
const evaluateCity = (d: { year: number; communities: CommunityRecord[] }) => {
  const { findings, summary } = evaluateDataset(readDataset(d), createPolicy(), true, undefined, 'communities-only');
  return { findings, summary };
};

describe('CSV from bytes into columns, against evaluateCity', () => {
  prop.prop(
    [fc.array(community, { maxLength: 40 }), fc.array(fc.nat(4000), { maxLength: 5 }), fc.integer({ min: 1, max: 25 }), fc.boolean(), fc.boolean()],
    { numRuns: 150 },
  )('the same summary, the same worst-first list under any limit, the same findings streamed', async (rows, cuts, limit, all, crlf) => {
    const { csv, records } = toCsv(rows, crlf);
    const city = evaluateCity({ year: 2013, communities: records });
    const expectedSummary = JSON.parse(jsonSummary(city.summary));
    const limited = JSON.parse(formatReport(city, { format: 'json', limit, all })).findings.map((f: object) => JSON.stringify(f));
    const everything = JSON.parse(formatReport(city, { format: 'json', all })).findings.map((f: object) => JSON.stringify(f));
    const listed = await viaFile(csv, cuts, { limit, all }, false);
    expect(listed.summary).toEqual(expectedSummary);
    expect(listed.listed).toEqual(limited);
    const streamed = await viaFile(csv, cuts, { limit: 0, all }, true);
    expect(streamed.summary).toEqual(expectedSummary);
    expect(streamed.streamed).toEqual(everything);
  }, 60_000);

  test('equal fractions of different checks are ordered by their exact keys (a size key is rounded twice)', async () => {
    // Size 2000 households: (1/3 − 0.2) / 0.2 = 2/3 rounds to …665; staff (6 − 2) / 6 = 2/3 rounds to …667.
    const csv = `${FIELDS.join(',')}\nc0,a,urban,2000,,8000,,,,,\nc1,b,urban,2831,170,0,,2,,,\n`;
    const records: CommunityRecord[] = [
      { id: 'c0', name: 'a', kind: 'urban', households: 2000, residents: 8000 },
      { id: 'c1', name: 'b', kind: 'urban', households: 2831, floatingHouseholds: 170, residents: 0, staff: 2 },
    ];
    const city = evaluateCity({ year: 2013, communities: records });
    const expected = JSON.parse(formatReport(city, { format: 'json', limit: 4 })).findings.map((f: object) => JSON.stringify(f));
    expect(expected.map((f: string) => JSON.parse(f).subject + JSON.parse(f).provision)).toEqual(['c1Q4/Q5', 'cityQ1/Q2', 'c1Q8', 'c0Q4/Q5']);
    expect((await viaFile(csv, [], { limit: 4, all: false }, false)).listed).toEqual(expected);
  });

  test('a bad cell is reported with its line and field, as the schema words it', async () => {
    const csv = `${FIELDS.join(',')}\nc1,a,urban,3000,,8000,400,5,true,true,30000\nc2,b,urban,3k,,8000,400,5,true,true,30000\n`;
    await expect(viaFile(csv, [], { limit: 10, all: false }, false)).rejects.toThrow(/^-: line 3: communities\[1\]\.households: expected a whole number ≥ 0, got "3k"$/);
    const dup = `${FIELDS.join(',')}\nc1,a,urban,3000,,8000,400,5,true,true,30000\n c1 ,b,urban,3000,,8000,400,5,true,true,30000\n`;
    await expect(viaFile(dup, [], { limit: 10, all: false }, false)).rejects.toThrow(/line 3: communities\[1\]\.id: duplicate id "c1" \(first on line 2\)/);
  });

  test('a file: duplicate ids found by their keys, then confirmed on a second reading, with both lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shequ-dup-'));
    const rows = Array.from({ length: 5000 }, (_, i) => `c${i},n,urban,3000,,8000,400,5,true,true,30000`);
    rows.push('"c17",late,urban,3000,,8000,400,5,true,true,30000');
    const path = join(dir, 'dup.csv');
    writeFileSync(path, `${FIELDS.join(',')}\n${rows.join('\n')}\n`);
    const read = evaluateFile({ file: path, stdin: Readable.from([]), policy: createPolicy(), year: 2013, maxBytes: 1 << 30, list: { limit: 10, all: false }, stream: false });
    await expect(read).rejects.toThrow(/dup\.csv: line 5002: communities\[5000\]\.id: duplicate id "c17" \(first on line 19\)$/);
    writeFileSync(path, `${FIELDS.join(',')}\n${rows.slice(0, -1).join('\n')}\n`);
    const ok = await evaluateFile({ file: path, stdin: Readable.from([]), policy: createPolicy(), year: 2013, maxBytes: 1 << 30, list: { limit: 10, all: false }, stream: false });
    expect(ok.summary.communities).toBe(5000);
    rmSync(dir, { recursive: true, force: true });
  });
});
