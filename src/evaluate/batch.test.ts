import { readFileSync } from 'node:fs';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { createPolicy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { evaluateBatch, looksValid } from './batch.js';
import { communitySchema, type Dataset } from './dataset.js';
import { evaluateCity } from './evaluate.js';

const city = JSON.parse(readFileSync('examples/city.json', 'utf8')) as Dataset;

describe('evaluateBatch', () => {
  test('the TSDoc example holds', () => {
    const batch = evaluateBatch([{ id: 'c1', name: '东苑', kind: 'urban', households: 3000, residents: 8000, staff: 4 }], { year: 2013 });
    expect(batch.statuses.join('')).toBe('132333');
    expect(batch.finding(0, 'Q8')!.expected).toBe(5);
  });

  test('gives the example city’s community findings exactly as evaluateCity does', () => {
    const batch = evaluateBatch(city.communities, { year: city.year });
    const fromCity = evaluateCity(city).findings.filter((f) => !f.subject.startsWith('city') && !f.subject.startsWith('p'));
    const fromBatch = [...batch.findings()];
    expect(fromBatch.map((f) => JSON.stringify(f))).toEqual(fromCity.map((f) => JSON.stringify(f)));
    expect(batch.counts).toEqual({ pass: 212, fail: 6, unknown: 2 }); // 230 minus the 10 city and project findings
    expect(batch.byProvision.Q10).toEqual({ pass: 38, fail: 2, unknown: 0 });
    expect([...batch.findings('fail')].map((f) => `${f.subject}:${f.provision}`)).toEqual(['c07:Q4/Q5', 'c12:Q7', 'c15:Q8', 'c19:A.3.4/ground-floor', 'c25:Q10', 'r03:Q10']);
  });

  test('a rural community’s urban checks do not apply', () => {
    const batch = evaluateBatch([{ id: 'r', name: 'r', kind: 'rural', households: 1, residents: 1, streetSubsidyPaid: 30000 }], { year: 2013 });
    expect(batch.statuses.join('')).toBe('000001');
    expect(batch.finding(0, 0)).toBeUndefined();
  });

  test('an invalid record is refused with its index and field', () => {
    const records = [...city.communities];
    records[3] = { ...records[3]!, households: -2 };
    expect(() => evaluateBatch(records, { year: 2013 })).toThrow('Invalid input to evaluateBatch: records[3].households: expected a whole number ≥ 0, got -2');
    expect(() => evaluateBatch(records.slice(0, 2), { year: 1800 })).toThrow(PolicyInputError);
    expect(() => evaluateBatch('x' as never, { year: 2013 })).toThrow(PolicyInputError);
    expect(() => evaluateBatch([], { year: 2013 }).finding(0, 'Q8')).toThrow(PolicyInputError);
  });

  test('a record the quick check does not know (a Decimal-like string amount, an activeFrom) still goes through the schema', () => {
    const batch = evaluateBatch([{ id: 'c', name: 'c', kind: 'urban', households: 3000, residents: 8000, streetSubsidyPaid: '15123.29', activeFrom: '2013-07-01' }], {
      year: 2013,
      policy: createPolicy({ streetSubsidy: { proration: 'by-days' } }),
    });
    expect(batch.finding(0, 'Q10')!.status).toBe('pass');
  });
});

describe('the quick check accepts nothing the schema refuses', () => {
  const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-1), fc.constant('12.5'), fc.constant('1e3'));
  const record = fc.record(
    {
      id: anything,
      name: anything,
      kind: fc.oneof(fc.constantFrom('urban', 'rural'), anything),
      households: fc.oneof(fc.nat(), anything),
      residents: fc.oneof(fc.nat(), anything),
      staff: anything,
      roomAreaM2: anything,
      streetSubsidyPaid: anything,
      oneStopWindow: anything,
      extra: anything,
    },
    { requiredKeys: [] },
  );
  prop.prop([record], { numRuns: 2000 })('looksValid(x) implies the schema accepts x', (r) => {
    if (looksValid(r)) expect(communitySchema.safeParse(r).success).toBe(true);
  });
});
