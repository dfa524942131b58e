/**
 * `datasetJsonSchema()` says what `readDataset` accepts (issue 19, item 6): for every field the schema lists,
 * every sample value it accepts the reader accepts, and every value the reader accepts it accepts. The schema is
 * checked by a small validator of its own below (the JSON Schema keywords the schema uses, with `format` as an
 * annotation, as draft 2020-12 has it by default), so nothing rests on a validator that reads formats.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { PolicyInputError } from '../src/errors.js';
import { datasetJsonSchema, readDataset } from '../src/evaluation.js';
import { KINDS } from '../src/kinds.js';
import { calendarDay } from '../src/values.js';

type Schema = Record<string, unknown>;
const KEYWORDS = new Set([
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'enum',
  'minimum',
  'maximum',
  'maxLength',
  'pattern',
  'propertyNames',
  'format',
  'description',
]);

/** Whether `v` is valid against `s`: the keywords above, as draft 2020-12 defines them; any other keyword throws. */
function valid(s: Schema, v: unknown): boolean {
  for (const key of Object.keys(s)) if (!KEYWORDS.has(key)) throw new Error(`the test's validator does not know ${key}`);
  const isObject = typeof v === 'object' && v !== null && !Array.isArray(v);
  if (s.type !== undefined) {
    const ok = {
      string: typeof v === 'string',
      number: typeof v === 'number',
      integer: Number.isInteger(v),
      boolean: typeof v === 'boolean',
      object: isObject,
      array: Array.isArray(v),
    }[s.type as string];
    if (ok === undefined) throw new Error(`type ${String(s.type)}`);
    if (!ok) return false;
  }
  if (s.enum && !(s.enum as unknown[]).includes(v)) return false;
  if (s.anyOf && !(s.anyOf as Schema[]).some((x) => valid(x, v))) return false;
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < (s.minimum as number)) return false;
    if (s.maximum !== undefined && v > (s.maximum as number)) return false;
  }
  if (typeof v === 'string') {
    if (s.maxLength !== undefined && [...v].length > (s.maxLength as number)) return false;
    if (s.pattern !== undefined && !new RegExp(s.pattern as string, 'u').test(v)) return false;
  }
  if (Array.isArray(v) && s.items && !v.every((x) => valid(s.items as Schema, x))) return false;
  if (isObject) {
    const o = v as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    if (s.required && !(s.required as string[]).every((k) => Object.hasOwn(o, k))) return false;
    for (const [k, x] of Object.entries(o)) {
      if (s.propertyNames && !valid(s.propertyNames as Schema, k)) return false;
      if (Object.hasOwn(props, k)) {
        if (!valid(props[k]!, x)) return false;
      } else if (s.additionalProperties === false) return false;
      else if (typeof s.additionalProperties === 'object' && !valid(s.additionalProperties as Schema, x)) return false;
    }
  }
  return true;
}

function reads(dataset: unknown): boolean {
  try {
    readDataset(dataset);
    return true;
  } catch (e) {
    if (e instanceof PolicyInputError) return false;
    throw e;
  }
}

const schema = datasetJsonSchema();
const community = { id: 'c1', name: '东苑', kind: 'urban', households: 0, residents: 0 };
const project = { id: 'p1', floorAreaM2: 0 };
/** A valid dataset with one value changed at `at` (a path into it). */
function withValue(at: readonly string[], value: unknown): Record<string, unknown> {
  const d: Record<string, unknown> = {
    year: 2013,
    communities: [{ ...community }],
    villages: { total: Number.MAX_SAFE_INTEGER, covered: 0 },
    funding: { baseYearTotal: 0, budgets: {} },
    developerProjects: [{ ...project }],
  };
  let o = d as Record<string, unknown>;
  for (const key of at.slice(0, -1)) o = (Array.isArray(o[key]) ? (o[key] as unknown[])[0] : o[key]) as Record<string, unknown>;
  o[at.at(-1)!] = value;
  return d;
}

/** Every field the schema lists, as a path into a dataset (a list's fields under the list's name). */
function fields(s: Schema, at: string[] = []): string[][] {
  const props = (s.properties ?? (s.items as Schema | undefined)?.properties) as Record<string, Schema> | undefined;
  return Object.entries(props ?? {}).flatMap(([k, x]) => [[...at, k], ...fields(x, [...at, k])]);
}

const SAMPLES: unknown[] = [
  ...[-1, -0.5, 0, 0.5, 1, 1.5, 2, 3695, 1899, 1900, 2013, 2100, 2101, 2 ** 53 - 1, 2 ** 53, 1e21],
  ...['', ' ', '\u3000', '\n', 'x', ' x ', '0', '1', '1.', '1.0', '+.5', '.5', '1e5', '-1', '1,000', '0x10', '1'.repeat(60), '1'.repeat(61)],
  ...['2013-07-01', '2013-02-28', '2013-02-29', '2012-02-29', '1900-02-29', '2000-02-29', '2100-02-29', '2013-04-31', '2013-13-01'],
  ...['2013-00-10', '2013-1-1', '0099-12-31', '0100-01-01', '9999-12-31', '2013-07-01T00:00:00Z', ' 2013-07-01', '２０１３-07-01'],
  ...['urban', 'rural', 'city', '2013', '1899', '2101', 'abcd'],
  true,
  false,
  null,
  [],
  {},
  [1],
  { a: 1 },
];

describe('datasetJsonSchema() says what readDataset accepts (issue 19, item 6)', () => {
  const paths = fields(schema);
  test('the loop reaches every field of the dataset, its communities and its projects', () => {
    const names = paths.map((p) => p.join('.'));
    expect(names).toEqual(
      expect.arrayContaining(['year', 'communities.activeFrom', 'communities.id', 'developerProjects.pricePerM2', 'villages.covered', 'funding.budgets']),
    );
  });
  test.each(paths.map((p) => [p.join('.'), p] as const))('%s: the schema and the reader agree on every sample value', (_, at) => {
    const disagree = SAMPLES.filter((v) => valid(schema, withValue(at, v)) !== reads(withValue(at, v)));
    expect(disagree).toEqual([]);
  });
  test('a budget: its key and its amount', () => {
    const keys = ['2012', '1900', '2100', '1899', '2101', '0000', '12', '20130', 'x', '２０１２', ' 2012'];
    const budget = (key: string, value: unknown) => withValue(['funding', 'budgets'], { [key]: value });
    expect(keys.filter((k) => valid(schema, budget(k, 1)) !== reads(budget(k, 1)))).toEqual([]);
    expect(SAMPLES.filter((v) => valid(schema, budget('2012', v)) !== reads(budget('2012', v)))).toEqual([]);
  });
  prop.prop([fc.jsonValue()], { numRuns: 300 })('any JSON value in any field: the same verdict', (v) => {
    for (const at of paths) expect(valid(schema, withValue(at, v))).toBe(reads(withValue(at, v)));
  });
  test('what JSON Schema cannot say is said in words, and is all that differs', () => {
    const big = withValue(['communities', 'floatingHouseholds'], 2 ** 53 - 1);
    (big.communities as Record<string, unknown>[])[0]!.households = 1;
    const twice = withValue(['communities'], [community, community]);
    const over = withValue(['villages'], { total: 1, covered: 2 });
    for (const d of [big, twice, over]) expect([valid(schema, d), reads(d)]).toEqual([true, false]);
    const items = ((schema.properties as Record<string, Schema>).communities!.items as Schema).properties as Record<string, Schema>;
    expect(items.floatingHouseholds!.description).toMatch(/households \+ floatingHouseholds/);
    expect((schema.properties as Record<string, Schema>).communities!.description).toMatch(/id/);
    expect((schema.properties as Record<string, Schema>).villages!.description).toMatch(/covered/);
  });
});

describe("each kind's JSON Schema is what its test accepts of JSON values", () => {
  const days = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const decimals = fc.stringMatching(/^[+-]?\d{0,3}(\.\d{0,3})?$/);
  const values = fc.oneof(fc.jsonValue(), days, decimals, fc.constantFrom(...SAMPLES));
  prop.prop([values], { numRuns: 2000 })('count, amount, share, year, date, flag, id and text', (v) => {
    for (const kind of Object.values(KINDS)) expect([kind.id, valid(kind.json as Schema, v)]).toEqual([kind.id, kind.is(v)]);
  });
  test('the date pattern is the calendar: every day from 0100 to 9999 that calendarDay reads, and no other', () => {
    const pattern = new RegExp(KINDS.date.json.pattern as string, 'u');
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const wrong: string[] = [];
    for (const y of [0, 4, 99, 100, 104, 400, 1600, 1700, 1800, 1900, 1996, 2000, 2012, 2013, 2100, 2400, 9996, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (pattern.test(s) !== (calendarDay(s) !== undefined)) wrong.push(s);
        }
    expect(wrong).toEqual([]);
  });
});
