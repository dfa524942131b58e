/**
 * The quick reading of a CSV's rows from bytes (`TableReader.pushBytes`) gives
 * what the reading of the same rows as text (`push`) gives: the same
 * communities, years and rows, the same problems, the same notes — on tables
 * of cells as people type them, in UTF-8 and GB18030.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { D } from '../decimal.js';
import { CsvParser, type CsvRow } from '../../test/support/csv.js';
import { CsvTokenizer } from '../csv/tokenizer.js';
import type { CommunityRecord } from '../evaluate/dataset.js';
import { HeaderError, idKey, idKeyOfBytes, repeatedIn, TableReader, type RowView, type TableNotes, type TableOptions, type TableProblem } from './table.js';

const HEADERS = [
  [
    '区划代码',
    '社区名称',
    '类型',
    '户数(户)',
    '流动人口户数',
    '常住人口(人)',
    '办公服务用房面积(㎡)',
    '社区工作者人数',
    '用房是否在一楼',
    '一站式服务窗口',
    '街道配套补助(元)',
  ],
  [
    'id',
    'name',
    'kind',
    'households',
    'floatingHouseholds',
    'residents',
    'roomAreaM2',
    'staff',
    'roomsOnGroundFloor',
    'oneStopWindow',
    'streetSubsidyPaid',
    'year',
  ],
  ['序号', '社区名称', '类型', '户数', '常住人口', '街道配套补助(万元)', '成立日期'],
];

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 12000 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '-',
      '—',
      '/',
      '0',
      '007',
      '3,695',
      '3 695',
      '３６９５',
      '300㎡',
      '3万',
      '2.5万元',
      '1e3',
      '-5',
      '12.5',
      '9999999999999999',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('urban', 'rural', '城市', '农村', '镇', 'Urban') },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', '1', '0', '是', '否', '√', 'yes', 'x') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'c1',
      'c2',
      'c3',
      '城东社区',
      ' 河畔 ',
      '合计',
      '小计',
      'Total',
      '注：数据来源',
      '社区l',
      '2013',
      '2014',
      '1899',
      '2013-07-01',
      '2013年7月1日',
      // Read from their bytes when ASCII: spaces around, a total's word with spaces or in capitals, a label ending in l or m.
      ' c1',
      'c1 ',
      'c1\t',
      'Sum',
      'TOTAL ',
      'grand total',
      'Hepanl',
      'x m',
      '合计\u3000',
      '合计\u00a0',
      '\u00a0c1',
      'ｔｏｔａｌ',
      // Read from their UTF-8 bytes: ideographs at either end, 计 after other words, a space trim() removes.
      '社区计',
      '城东社区\u3000',
      '\u3000城东社区',
      '社区M',
      'c1社区',
      '社区-',
    ),
  },
);

/** Cells a column of this header usually holds, so that most rows are valid (and read quickly). */
const count = fc.integer({ min: 0, max: 12000 }).map(String);
const GOOD: Record<string, fc.Arbitrary<string>> = {
  区划代码: fc.constantFrom('c1', 'c2', 'c3', 'c4', '341881001001'),
  id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'),
  社区名称: fc.constantFrom('城东社区', '河畔社区', 'Hepan', '新桥'),
  name: fc.constantFrom('城东社区', 'Hepan', 'x'),
  类型: fc.constantFrom('urban', 'rural', '城市', '农村'),
  kind: fc.constantFrom('urban', 'rural'),
  用房是否在一楼: fc.constantFrom('true', 'false', '1', '0', '是'),
  roomsOnGroundFloor: fc.constantFrom('true', 'false', '1', '0'),
  一站式服务窗口: fc.constantFrom('true', 'false', '1', '0', '否'),
  oneStopWindow: fc.constantFrom('true', 'false', '1', '0'),
  year: fc.constantFrom('2013', '2014'),
  序号: count,
  成立日期: fc.constantFrom('', '2013-07-01'),
};
const table = fc.constantFrom(...HEADERS).chain((header) =>
  fc.record({
    header: fc.constant(header),
    title: fc.boolean(),
    rows: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.tuple(...header.map((h) => fc.oneof({ weight: 9, arbitrary: GOOD[h] ?? count }, { weight: 1, arbitrary: cell }))) },
        { weight: 1, arbitrary: fc.array(cell, { minLength: 0, maxLength: 13 }) },
      ),
      { maxLength: 12 },
    ),
    gb: fc.boolean(),
  }),
);

const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

interface Read {
  records: { record: Record<string, unknown>; year: number; row: number }[];
  notes?: TableNotes;
  problems: readonly TableProblem[];
  count: number;
  header?: readonly TableProblem[];
}

/** Amounts as exact strings: the quick reading gives plain digits as numbers, the full one as text. */
function plain(r: Record<string, unknown>): Record<string, unknown> {
  const out = { ...r };
  for (const k of ['roomAreaM2', 'streetSubsidyPaid']) if (out[k] !== undefined) out[k] = new D(out[k] as string).toFixed();
  return out;
}

/** The fields a view's reused record answers for, as its getters give them. */
const HELD = [
  'kind',
  'households',
  'floatingHouseholds',
  'residents',
  'roomAreaM2',
  'staff',
  'roomsOnGroundFloor',
  'oneStopWindow',
  'streetSubsidyPaid',
  'serviceCentreM2',
];

/**
 * The rows a reader hands on, as records. With `views`, rows read quickly come as views (as the evaluation takes
 * them): each is made whole with `full()`, and its reused record must give the same figures as that record.
 */
function read(feed: (reader: TableReader) => void, views = false): Read {
  const records: Read['records'] = [];
  const onRecord = (record: CommunityRecord, year: number, row: number) =>
    records.push({ record: plain(record as unknown as Record<string, unknown>), year, row });
  const onView = (v: RowView, year: number, row: number) => {
    const full = v.full();
    const figures = v.record as unknown as Record<string, unknown>;
    for (const k of HELD) expect(figures[k], k).toBe((full as unknown as Record<string, unknown>)[k]);
    expect(v.id()).toBe(full.id);
    onRecord(full, year, row);
  };
  const reader = new TableReader({ unit: 'line', fallbackYear: 2013, headerSearch: 3 }, onRecord, views ? onView : undefined);
  try {
    feed(reader);
    const notes = reader.end();
    return { records, notes, problems: reader.problemList.shown, count: reader.problemList.count };
  } catch (e) {
    if (!(e instanceof HeaderError)) throw e;
    return { records, problems: reader.problemList.shown, count: reader.problemList.count, header: e.problems };
  }
}

describe('TableReader.pushBytes', () => {
  prop.prop([table], { numRuns: 200 })(
    'reads rows from bytes as push reads them as text',
    ({ header, title, rows, gb }) => {
      const lines = [...(title ? ['宁国市2013年社区统计表'] : []), header.join(','), ...rows.map((r) => r.map(quote).join(','))];
      const text = `${lines.join('\r\n')}\n`;
      const bytes = gb ? gbBytes(text) : new TextEncoder().encode(text);
      const decoder = new TextDecoder(gb ? 'gb18030' : 'utf-8');
      const asText = read((reader) => {
        const out: CsvRow[] = [];
        const p = new CsvParser();
        p.push(text, out);
        p.end(out);
        for (const r of out) reader.push({ row: r.line, cells: r.fields });
      });
      const fromBytes = (views: boolean) =>
        read((reader) => {
          const t = new CsvTokenizer({
            row: (buf, start, end, count, line) => reader.pushBytes(line, Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), start, end, count, decoder),
          });
          t.push(bytes);
          t.finish();
        }, views);
      expect(fromBytes(false)).toEqual(asText);
      expect(fromBytes(true)).toEqual(asText);
    },
    60_000,
  );
});

/** A table's rows read both ways, from its text: as cells (push) and from its bytes (pushBytes). */
function bothWays(text: string, gb: boolean): [Read, Read] {
  const bytes = gb ? gbBytes(text) : new TextEncoder().encode(text);
  const decoder = new TextDecoder(gb ? 'gb18030' : 'utf-8');
  const asText = read((reader) => {
    const out: CsvRow[] = [];
    const p = new CsvParser();
    p.push(text, out);
    p.end(out);
    for (const r of out) reader.push({ row: r.line, cells: r.fields });
  });
  const fromBytes = (views: boolean) =>
    read((reader) => {
      const t = new CsvTokenizer({
        row: (buf, start, end, count, line) => reader.pushBytes(line, Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), start, end, count, decoder),
      });
      t.push(bytes);
      t.finish();
    }, views);
  const views = fromBytes(true);
  expect(views).toEqual(asText);
  return [fromBytes(false), asText];
}

describe('labels and words read from their bytes', () => {
  // Each in the id and in the name column of an otherwise common row: a total's word (with spaces, in capitals,
  // full-width, after a space that trim() removes but the bytes do not show as ASCII), or a word that is not one.
  const words = [
    '合计',
    '合计 ',
    ' 合计',
    '合计\u3000',
    '合计\u00a0',
    '小计\t',
    'Total',
    'TOTAL ',
    'sum',
    'Grand Total',
    'ｔｏｔａｌ',
    'Hepanl',
    'x m',
    'c1 ',
    ' c1',
    'c1\t',
    '\u00a0c1',
    'c-1',
    '城东社区',
    'Hepan',
    // Read from their UTF-8 bytes: a first or last character that is an ideograph, or one beside the ideographs'
    // range (U+4DFF, U+A000), a total's 计 after other words, an ideograph before a space trim() removes.
    '社区计',
    '城东社区 ',
    ' 城东社区',
    '城东社区\u3000',
    '\u3000城东社区',
    '社区l',
    '社区M',
    '一',
    '\u9fff',
    '\u4dff社区',
    '社区\u4dff',
    '社区\ua000',
    '\ua000',
    'c1社区',
    '社区c1',
    '社区-',
    '-社区',
    '\ufeff社区',
    '社区\ufeff',
  ];
  // GB18030 for the words the test's encoder can write (it knows the two-byte forms and a few four-byte ones).
  const writable = (w: string) => {
    try {
      gbBytes(w);
      return true;
    } catch {
      return false;
    }
  };
  test.each(words.flatMap((w) => [false, ...(writable(w) ? [true] : [])].flatMap((gb) => [0, 1].map((at) => [w, gb, at] as const))))(
    '%j (GB18030 %s, column %i) as the full reading reads it',
    (word, gb, at) => {
      const cells = ['c9', '河畔社区', 'urban', '3000', '8000'];
      cells[at] = word;
      // Under the rows the header is looked for in (3 here), so that the row is read quickly if it can be.
      const common = ['c1,东苑,urban,2900,7900', 'c2,西苑,urban,2900,7900', 'c3,北苑,rural,900,2900'];
      const text = `id,name,kind,households,residents\n${common.join('\n')}\n${cells.map(quote).join(',')}\n`;
      const [asBytes, asText] = bothWays(text, gb);
      expect(asBytes).toEqual(asText);
    },
  );
});

/** GB18030 bytes of a text (the characters used here), by the inverse of the built-in decoder. */
function gbBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...gbChar(ch));
  }
  return Uint8Array.from(out);
}

/** Every two-byte GB18030 form, decoded at once (each is one UTF-16 character), by character. */
const GB: ReadonlyMap<string, number[]> = (() => {
  const pairs: number[][] = [];
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) pairs.push([a, b]);
  const text = new TextDecoder('gb18030').decode(Uint8Array.from(pairs.flat()));
  const m = new Map<string, number[]>();
  pairs.forEach((p, i) => m.has(text[i]!) || m.set(text[i]!, p));
  return m;
})();

/** Four-byte GB18030 forms of the characters used here that have no two-byte form (checked against the decoder). */
const GB4: ReadonlyMap<string, number[]> = new Map([['\u00a0', [0x81, 0x30, 0x84, 0x32]]]);
for (const [ch, b] of GB4) if (new TextDecoder('gb18030').decode(Uint8Array.from(b)) !== ch) throw new Error(`not the GB18030 form of ${ch}`);

function gbChar(ch: string): number[] {
  const found = GB.get(ch) ?? GB4.get(ch);
  if (!found) throw new Error(`no two-byte GB18030 form for ${ch}`);
  return found;
}

describe('duplicate ids kept as keys', () => {
  prop.prop([fc.array(fc.oneof(fc.constantFrom(0, 1, 2 ** 21, 2 ** 22 + 1, 2 ** 53 - 1), fc.integer({ min: 0, max: 2 ** 53 - 1 })), { maxLength: 3000 })])(
    'the repeated keys are those a count of each finds',
    (keys) => {
      const counts = new Map<number, number>();
      for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
      const want = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
      expect([...repeatedIn(Float64Array.from(keys))].sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
    },
  );

  prop.prop([
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
    fc.integer({ min: 1900, max: 2100 }),
  ])('the key of an ASCII id read from its bytes is the key of its text', (id, year) => {
    const bytes = new TextEncoder().encode(`,${id},`);
    expect(idKeyOfBytes(year, bytes, 1, bytes.length - 1)).toBe(idKey(year, id));
  });

  const rows = [
    ['id', 'name', 'kind', 'households', 'residents'],
    ['c1', 'a', 'urban', '3000', '8000'],
    ['c2', 'b', 'urban', '3000', '8000'],
    ['c1', 'c', 'urban', '3000', '8000'],
  ];
  const readWith = (ids: TableOptions['ids']) => {
    const reader = new TableReader({ unit: 'line', fallbackYear: 2013, ...(ids && { ids }) }, () => undefined);
    rows.forEach((cells, i) => reader.push({ row: i + 1, cells }));
    reader.end();
    return reader;
  };

  test('a repeated key, then a second reading that keeps only its ids, finds what the table of ids finds', () => {
    const first = readWith('keys');
    expect(first.problemList.count).toBe(0); // the first reading only notes the keys
    const repeated = first.repeatedKeys();
    expect([...repeated]).toEqual([idKey(2013, 'c1')]);
    expect(readWith({ verify: repeated }).problemList).toEqual(readWith('table').problemList);
    expect(readWith('table').problemList.count).toBe(1);
  });

  test('keys that agree for different ids (a collision) give no problem on the second reading', () => {
    expect(readWith({ verify: new Set([idKey(2013, 'c2'), idKey(2013, 'c9')]) }).problemList.count).toBe(0);
  });
});
