/**
 * The catalogue of kinds: for each kind, the values it takes and refuses, and
 * what it reads from text. Every validator takes its test from here, so these
 * cases hold for the rules, the overrides, the dataset, the cells and the CLI.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { D } from './decimal.js';
import { ISSUE_CODES } from './errors.js';
import { KINDS, amount, count, date, flag, id, oneOf, share, text, year, type Kind } from './kinds.js';

type Case<T> = { kind: Kind<T>; takes: [unknown, T][]; refuses: unknown[]; reads: [string, T][]; rejects: string[] };

const cases: Case<unknown>[] = [
  {
    kind: count,
    takes: [
      [0, 0],
      [3695, 3695],
      [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    ],
    refuses: [-1, 1.5, -0.5, NaN, Infinity, 2 ** 53, '3', null, undefined, true, 3n, {}],
    reads: [
      ['3695', 3695],
      ['3,695', 3695],
      [' 3 695 ', 3695],
      ['３６９５', 3695],
      ['0', 0],
      ['+5', 5],
      ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ],
    rejects: ['', '-1', '1.5', '3k', '1e3', '36,95', '9007199254740992', 'abc'],
  },
  {
    kind: amount,
    takes: [
      [0, 0],
      [199999.5, 199999.5],
      ['199999.5', '199999.5'],
      ['+5', '+5'],
      ['.5', '.5'],
      [new D('12.50'), '12.5'],
      ['1'.repeat(60), '1'.repeat(60)],
    ],
    refuses: [-1, NaN, Infinity, '-1', '1e5', '1,000', '1'.repeat(61), new D(-5), new D(NaN), null, undefined, true, {}],
    reads: [
      ['199999.5', '199999.5'],
      ['30,000', '30000'],
      ['1,350,000.25', '1350000.25'],
      ['+7', '7'],
      ['５.５', '5.5'],
    ],
    rejects: ['', '-1', '1e5', '3万', '1.2.3', 'abc', '1'.repeat(61)],
  },
  {
    kind: share,
    takes: [
      [0, 0],
      [1, 1],
      [0.3, 0.3],
      ['0.3', '0.3'],
      ['1.000', '1.000'],
      ['00.5', '00.5'],
      [new D('0.25'), '0.25'],
    ],
    refuses: [-0.1, 1.01, NaN, '1.5', '1.0001', '2', '-0', 'x', `0.${'1'.repeat(49)}`, new D(2), null, undefined],
    reads: [
      ['0.3', '0.3'],
      [' 1 ', '1'],
      ['.5', '.5'],
    ],
    rejects: ['', '1.5', '-0.1', '30%', 'x'],
  },
  {
    kind: year,
    takes: [
      [1900, 1900],
      [2013, 2013],
      [2100, 2100],
    ],
    refuses: [1899, 2101, 2013.5, '2013', NaN, null, undefined],
    reads: [
      ['2013', 2013],
      ['2013年', 2013],
      ['2013年度', 2013],
      ['２０１３', 2013],
      [' 2013 ', 2013],
    ],
    rejects: ['', '1899', '2101', '13', '20130', '2013.0', 'x'],
  },
  {
    kind: date,
    takes: [
      ['2013-07-01', '2013-07-01'],
      ['2012-02-29', '2012-02-29'],
      [new Date(2013, 6, 1, 15), '2013-07-01'],
    ],
    refuses: ['2013-02-30', '2013-02-29', '2013-13-01', '2013-7-1', '2013-07-01T00:00', '', new Date(NaN), 20130701, null, undefined],
    reads: [
      ['2013-07-01', '2013-07-01'],
      ['2013/7/1', '2013-07-01'],
      ['2013.07.01', '2013-07-01'],
      ['2013年7月1日', '2013-07-01'],
      [' 2013-7-1 ', '2013-07-01'],
    ],
    rejects: ['', '2013-02-30', '7/1/2013', '2013-07', 'x'],
  },
  {
    kind: flag,
    takes: [
      [true, true],
      [false, false],
    ],
    refuses: ['true', 1, 0, null, undefined, 'yes'],
    reads: [
      ['是', true],
      ['否', false],
      ['有', true],
      ['无', false],
      ['√', true],
      ['×', false],
      ['Y', true],
      ['n', false],
      ['1', true],
      ['0', false],
      [' TRUE ', true],
      ['No', false],
    ],
    rejects: ['', 'maybe', '2', '是的'],
  },
  {
    kind: id,
    takes: [
      ['c1', 'c1'],
      [' c1 ', ' c1 '],
      ['341881001001', '341881001001'],
    ],
    refuses: ['', '   ', 5, null, undefined],
    reads: [
      [' c1 ', 'c1'],
      ['341881001001', '341881001001'],
    ],
    rejects: ['', '   '],
  },
  {
    kind: text,
    takes: [
      ['东苑', '东苑'],
      ['', ''],
    ],
    refuses: [5, null, undefined, {}],
    reads: [
      [' 东苑 ', '东苑'],
      ['', ''],
    ],
    rejects: [],
  },
];

describe.each(cases.map((c) => [c.kind.id, c] as const))('%s', (_id, c) => {
  test.each(c.takes)('takes %o as %o', (value, read) => {
    expect(c.kind.is(value)).toBe(true);
    expect(c.kind.check(value)).toEqual({ ok: true, value: read });
  });
  test.each(c.refuses.map((v) => [v]))('refuses %o with its code and words', (value) => {
    expect(c.kind.is(value)).toBe(false);
    expect(c.kind.check(value)).toEqual({ ok: false, code: c.kind.code, expected: c.kind.expected });
  });
  if (c.reads.length) {
    test.each(c.reads)('reads %o as %o', (t, read) => {
      expect(c.kind.parse(t)).toEqual({ ok: true, value: read });
    });
  }
  if (c.rejects.length) {
    test.each(c.rejects.map((t) => [t]))('does not read %o', (t) => {
      expect(c.kind.parse(t)).toEqual({ ok: false, code: c.kind.code, expected: c.kind.expectedText });
    });
  }
});

describe('the catalogue as a whole', () => {
  test('eight kinds, each with its own code from the list, and words in both languages', () => {
    expect(Object.keys(KINDS)).toEqual(['count', 'amount', 'share', 'year', 'date', 'flag', 'id', 'text']);
    const codes = Object.values(KINDS).map((k) => k.code);
    expect(new Set(codes).size).toBe(8);
    for (const k of Object.values(KINDS)) {
      expect(ISSUE_CODES).toContain(k.code);
      for (const w of [k.expected, k.expectedText]) {
        expect(w.en).toMatch(/^[\x20-\x7e≥²/是否有无√×年月日万元,()]+$/u);
        expect(w.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  test('the codes are few and stable', () => {
    expect(ISSUE_CODES).toMatchInlineSnapshot(`
      [
        "not-a-count",
        "not-an-amount",
        "not-a-share",
        "not-a-year",
        "not-a-date",
        "not-a-flag",
        "not-an-id",
        "not-text",
        "not-an-option",
        "out-of-range",
        "not-an-object",
        "not-a-list",
        "not-a-policy",
        "unknown-field",
        "missing-field",
        "duplicate-id",
        "unknown-name",
        "not-json",
        "too-many-issues",
        "invalid",
      ]
    `);
  });

  test('oneOf says two values with "or", more as a list', () => {
    expect(oneOf(['zh', 'en'])).toEqual({ en: "'zh' or 'en'", zh: "'zh'、'en' 之一" });
    expect(oneOf(['a', 'b', 'c']).en).toBe("one of 'a', 'b', 'c'");
  });

  prop.prop([fc.nat()])('a count written out, with or without thousands separators, reads back', (n) => {
    expect(count.parse(String(n))).toEqual({ ok: true, value: n });
    expect(count.parse(n.toLocaleString('en-US'))).toEqual({ ok: true, value: n });
  });

  prop.prop([fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 99 })])('an amount written out reads back as its digits', (whole, cents) => {
    const t = `${whole}.${String(cents).padStart(2, '0')}`;
    expect(amount.parse(t)).toEqual({ ok: true, value: t });
    expect(amount.check(t)).toEqual({ ok: true, value: t });
  });

  prop.prop([fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true })])(
    'a Date reads as its local day, and that day reads back',
    (d) => {
      const r = date.check(d);
      expect(r.ok).toBe(true);
      const iso = (r as { value: string }).value;
      expect(date.check(iso)).toEqual({ ok: true, value: iso });
      expect(date.parse(iso)).toEqual({ ok: true, value: iso });
    },
  );
});
