/**
 * evaluateBatch tells a record's keys by those of the last record of its shape (src/evaluate/batch.ts): a record
 * that looks like the many before it but differs (one key more, a getter, a prototype, a NaN, a number as text, a
 * key inherited from Object.prototype) is still refused, or read, exactly as a record evaluated on its own, and as
 * evaluateCommunity (the schema) reads it.
 */
import { describe, expect, test } from 'vitest';
import { evaluateBatch } from '../src/evaluate/batch.js';
import { evaluateCommunity, shapeOf, type Finding } from '../src/evaluate/evaluate.js';
import { createPolicy, PolicyInputError } from '../src/index.js';

const PROVISIONS = shapeOf(createPolicy()).provisions;
const CODE = { pass: 1, fail: 2, unknown: 3 } as const;
const base = () => ({
  id: 'c',
  name: '东苑',
  kind: 'urban' as const,
  households: 3000,
  floatingHouseholds: 120,
  residents: 8000,
  roomAreaM2: 400,
  staff: 6,
  roomsOnGroundFloor: true,
  oneStopWindow: true,
  streetSubsidyPaid: 30000,
});
/** A thousand records of the one shape, then the odd one. */
const after = (odd: unknown) => [...Array.from({ length: 1000 }, (_, i) => ({ ...base(), id: `c${i}` })), odd];

/** What evaluateBatch makes of the last record: its status codes, or the codes of the refusal. */
function outcome(records: unknown[]): string {
  try {
    const b = evaluateBatch(records as never, { year: 2013 });
    const at = (records.length - 1) * b.provisions.length;
    return [...b.statuses.subarray(at, at + b.provisions.length)].join('');
  } catch (e) {
    if (!(e instanceof PolicyInputError)) throw e;
    return e.issues.map((i) => `${i.path}: ${i.code}`).join('; ');
  }
}

/** What evaluateCommunity (the schema) makes of the record, in the same form, its path as the batch names it. */
function schemaOutcome(record: unknown, index: number): string {
  try {
    const found = new Map<string, Finding>(evaluateCommunity(record as never, { year: 2013 }).map((f) => [f.provision, f]));
    return PROVISIONS.map((p) => (found.has(p) ? CODE[found.get(p)!.status] : 0)).join('');
  } catch (e) {
    if (!(e instanceof PolicyInputError)) throw e;
    return e.issues.map((i) => `records[${index}].${i.path.replace(/^(?:record|community)\.?/, '')}: ${i.code}`).join('; ');
  }
}

const ODD: [string, () => unknown, 'refused' | 'read'][] = [
  ['one key more', () => ({ ...base(), extra: 1 }), 'refused'],
  ['one key more, at the front', () => ({ extra: 1, ...base() }), 'refused'],
  ['a key fewer', () => ({ ...base(), staff: undefined }), 'read'],
  ['the keys in another order', () => Object.assign({ residents: 8000 }, base()), 'read'],
  [
    'a getter for households',
    () => {
      const r: Record<string, unknown> = base();
      Object.defineProperty(r, 'households', { get: () => 4000, enumerable: true });
      return r;
    },
    'read',
  ],
  ['a prototype of its own', () => Object.setPrototypeOf(base(), { staff: 1 }), 'read'],
  ['no prototype', () => Object.assign(Object.create(null), base()), 'read'],
  ['households NaN', () => ({ ...base(), households: Number.NaN }), 'refused'],
  ['households as text', () => ({ ...base(), households: '3000' }), 'refused'],
  ['a room area as text', () => ({ ...base(), roomAreaM2: '399.5' }), 'read'],
  ['a room area NaN', () => ({ ...base(), roomAreaM2: Number.NaN }), 'refused'],
];

describe('a record unlike the many of one shape before it', () => {
  for (const [what, make, expected] of ODD) {
    test(`${what}: ${expected} as on its own and as by the schema`, () => {
      const alone = outcome([make()]);
      const late = outcome(after(make()));
      expect(late.replace('records[1000]', 'records[0]')).toBe(alone);
      expect(alone).toBe(schemaOutcome(make(), 0));
      expect(/: /.test(alone)).toBe(expected === 'refused');
    });
  }

  test('the getter is read as it gives: its households decide the size', () => {
    const r: Record<string, unknown> = base();
    Object.defineProperty(r, 'households', { get: () => 4000, enumerable: true });
    const b = evaluateBatch(after(r) as never, { year: 2013 });
    expect(b.finding(1000, 'Q4/Q5')!.status).toBe('fail');
    expect(b.finding(999, 'Q4/Q5')!.status).toBe('pass');
  });

  test('a key made enumerable on Object.prototype is refused in every record, the shape seen before or not', () => {
    const records = after(base());
    expect(outcome(records)).toMatch(/^\d+$/);
    Object.defineProperty(Object.prototype, 'extra', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      const refused = outcome(records);
      expect(refused).toMatch(/^records\[0\]\.extra: /);
    } finally {
      delete (Object.prototype as Record<string, unknown>).extra;
    }
    expect(outcome(records)).toMatch(/^\d+$/);
  });
});
