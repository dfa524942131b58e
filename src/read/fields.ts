/**
 * The columns a community table may have, declared once: each dataset field
 * with its names in both languages, the kind of value it holds, its unit and
 * the headers people write for it. The header matcher, the cell reader,
 * `shequ-rules schema --columns` and the report's words all read this table.
 */
import type { Bilingual } from '../policy/provisions.js';

/** The kind of value a column holds (how its cells are read). */
export type FieldKind = 'id' | 'text' | 'kind' | 'count' | 'area' | 'money' | 'flag' | 'date' | 'year';

/** One column of a community table. */
export interface FieldSpec {
  /** The dataset field (`households`), or `year` for a 年度 column. */
  readonly key: string;
  readonly name: Bilingual;
  readonly kind: FieldKind;
  /** The unit of its values, when it has one. */
  readonly unit?: Bilingual;
  /** Headers that mean this field (the key itself always does), matched after {@link normalHeader}. */
  readonly headers: readonly string[];
  /** Required in every row (the community dataset's required fields). */
  readonly required?: boolean;
}

const u = (zh: string, en: string): Bilingual => ({ zh, en });

/** Every column of a community table, in the order of a dataset record. */
export const FIELD_SPECS: readonly FieldSpec[] = [
  { key: 'id', name: u('区划代码', 'id'), kind: 'id', required: true, headers: ['区划代码', '社区编号', '编号', '社区代码', '行政区划代码', '代码', 'code'] },
  { key: 'name', name: u('社区名称', 'name'), kind: 'text', required: true, headers: ['社区名称', '名称', '社区名', '社区(村)名称', 'community'] },
  { key: 'kind', name: u('类型', 'kind'), kind: 'kind', required: true, headers: ['类型', '社区类型', '城乡类型', '城乡', 'type'] },
  {
    key: 'households',
    name: u('户数', 'households'),
    kind: 'count',
    unit: u('户', 'households'),
    required: true,
    headers: ['户数', '总户数', '居民户数', '常住户数'],
  },
  {
    key: 'floatingHouseholds',
    name: u('流动人口户数', 'floating households'),
    kind: 'count',
    unit: u('户', 'households'),
    headers: ['流动人口户数', '流动户数', 'floating households'],
  },
  {
    key: 'residents',
    name: u('常住人口', 'residents'),
    kind: 'count',
    unit: u('人', 'residents'),
    required: true,
    headers: ['常住人口', '居民人数', '人口', '总人口', '常住人口数', 'population'],
  },
  {
    key: 'roomAreaM2',
    name: u('办公服务用房面积', 'room area'),
    kind: 'area',
    unit: u('m²', 'm²'),
    headers: ['办公服务用房面积', '用房面积', '办公用房面积', '服务用房面积', '社区用房面积', 'room area', 'roomArea'],
  },
  {
    key: 'staff',
    name: u('社区工作者人数', 'staff'),
    kind: 'count',
    unit: u('名', 'workers'),
    headers: ['社区工作者人数', '工作人员数', '社区工作者', '工作人员', '工作人员人数', 'workers'],
  },
  {
    key: 'roomsOnGroundFloor',
    name: u('用房是否在一楼', 'rooms on the ground floor'),
    kind: 'flag',
    headers: ['用房是否在一楼', '用房在一楼', '是否在一楼', '一楼', 'ground floor'],
  },
  {
    key: 'oneStopWindow',
    name: u('一站式服务窗口', 'one-stop window'),
    kind: 'flag',
    headers: ['一站式服务窗口', '一站式窗口', '是否设一站式服务窗口', '一站式服务', 'one-stop window'],
  },
  {
    key: 'streetSubsidyPaid',
    name: u('街道配套补助', 'street subsidy paid'),
    kind: 'money',
    unit: u('元', 'yuan'),
    headers: ['街道配套补助', '配套补助', '街道(乡镇)配套补助', '街道配套补助资金', '配套补助资金', 'subsidy'],
  },
  {
    key: 'serviceCentreM2',
    name: u('社区服务中心面积', 'service centre area'),
    kind: 'area',
    unit: u('m²', 'm²'),
    headers: ['社区服务中心面积', '服务中心面积', '社区服务中心建筑面积', '嵌入式服务设施面积', 'service centre area', 'service center area'],
  },
  { key: 'activeFrom', name: u('成立日期', 'active from'), kind: 'date', headers: ['成立日期', '成立时间', '设立日期', 'founded'] },
  { key: 'year', name: u('年度', 'year'), kind: 'year', headers: ['年度', '年份'] },
];

/**
 * Headers that could mean two things and are never guessed: each names the
 * fields it could be. A column map (`--columns`) settles them.
 */
export const AMBIGUOUS_HEADERS: Readonly<Record<string, readonly Bilingual[]>> = {
  流动人口: [
    u('流动人口户数 (floatingHouseholds，按户计)', 'floating households (floatingHouseholds)'),
    u('流动人口人数 (按人计，本政策不使用)', 'floating persons (counted in people, not used by the policy)'),
  ],
  人数: [u('常住人口 (residents)', 'residents (residents)'), u('社区工作者人数 (staff)', 'community workers (staff)')],
  面积: [u('办公服务用房面积 (roomAreaM2)', 'room area (roomAreaM2)'), u('辖区面积 (不使用)', 'the area of the territory (not used)')],
};

/** Scale words a header's unit may carry, longest first (百万 before 万), and the power of ten of each. */
const SCALES: readonly (readonly [string, number])[] = [
  ['十万', 5],
  ['百万', 6],
  ['千万', 7],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['百', 2],
];
const SCALE = SCALES.map(([w]) => w).join('|');
const UNITS = 'm2|平方米|平米|元|户|人|名|个|间|年';

/**
 * Units written after a header, removed before matching: in brackets, with or without a scale word (`(㎡)`, `(元)`,
 * `(万元)`, `(千人)`, `(万)`), or bare (`m2`, `平方米`, `万元`, `亿元`).
 */
const UNIT_SUFFIX = new RegExp(`(?:\\((?:${SCALE})?(?:${UNITS})\\)|\\((?:${SCALE})\\)|(?:${SCALE})元|m2|平方米)$`);
/** The scale word of a header's unit, in brackets or before a bare 元. */
const HEADER_SCALE = new RegExp(`(?:\\((${SCALE})(?:${UNITS})?\\)|(${SCALE})元)$`);

/**
 * A header as it is compared: full-width characters made half-width (NFKC,
 * which also turns ㎡ into m2), no spaces, lower case, no unit in brackets
 * at the end (`(㎡)`, `(m²)`, `(平方米)`, `(元)`, `(万元)`, `(户)`, `(人)`…), 【】 and （） read as ().
 */
export function normalHeader(header: string): string {
  let h = header
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000_-]+/g, '')
    .replace(/[【［[]/g, '(')
    .replace(/[】］\]]/g, ')')
    .toLowerCase();
  h = h.replace(/²/g, '2').replace(/\*$/, '');
  for (let i = 0; i < 2 && UNIT_SUFFIX.test(h) && h.replace(UNIT_SUFFIX, '') !== ''; i++) h = h.replace(UNIT_SUFFIX, '');
  return h;
}

/**
 * The factor a header's unit implies: 10,000 for `(万元)`, `(万人)`, `(万户)` or a bare `万元`; 1,000 for `(千元)`;
 * 100,000,000 for `(亿元)`; 1 for a unit without a scale word. A cell under it holds the number alone.
 */
export function headerScale(header: string): number {
  const h = header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[【［[]/g, '(')
    .replace(/[】］\]]/g, ')')
    .replace(/\*$/, '');
  const m = HEADER_SCALE.exec(h);
  const word = m?.[1] ?? m?.[2];
  return word ? 10 ** SCALES.find(([w]) => w === word)![1] : 1;
}

/** The header-to-field index, built once. */
const INDEX: ReadonlyMap<string, FieldSpec> = /* @__PURE__ */ (() => {
  const m = new Map<string, FieldSpec>();
  for (const f of FIELD_SPECS) for (const h of [f.key, f.name.zh, f.name.en, ...f.headers]) m.set(normalHeader(h), f);
  return m;
})();

/** The field a header means, when it is one of the known headers. */
export function fieldOfHeader(header: string): FieldSpec | undefined {
  return INDEX.get(normalHeader(header));
}

/** The field spec of a key. */
export function fieldSpec(key: string): FieldSpec | undefined {
  return FIELD_SPECS.find((f) => f.key === key);
}

/** Every header (known and normalised) and its field, for suggestions. @internal */
export function knownHeaders(): ReadonlyMap<string, FieldSpec> {
  return INDEX;
}
