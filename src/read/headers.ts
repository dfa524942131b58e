/**
 * Finding the header of a table as people lay it out (title rows above it, a
 * top row merged over two sub-headers) and telling which field each column
 * is. Nothing is guessed: an unknown header is refused with a suggestion only
 * when one is close (in the header's own language), an ambiguous one names
 * the fields it could be, and a column map settles either.
 */
import { distance } from '../policy/names.js';
import type { Bilingual } from '../policy/provisions.js';
import { cellText, type SheetCell } from './cells.js';
import { AMBIGUOUS_HEADERS, FIELD_SPECS, fieldOfHeader, fieldSpec, headerScale, knownHeaders, normalHeader, type FieldSpec } from './fields.js';

/** A column map: header as written (or normalised) → field key, or `null` to leave the column out. */
export type ColumnMap = Readonly<Record<string, string | null>>;

/** What one column is. */
export type Column =
  | { readonly type: 'field'; readonly header: string; readonly field: FieldSpec; readonly scale: number }
  | { readonly type: 'ignored'; readonly header: string }
  | { readonly type: 'unknown'; readonly header: string; readonly suggestion?: string; readonly candidates?: readonly Bilingual[] };

/** Columns that carry nothing to evaluate and are read as such (a row number, a remark). */
const IGNORED = new Set(['序号', '行号', '备注', '说明', 'no', 'no.', '#', 'remark', 'remarks', 'note', 'notes'].map(normalHeader));

const text = cellText;
const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** A known header close to `header`, in its language: Chinese for a Chinese header, English otherwise. */
export function suggestHeader(header: string): string | undefined {
  const h = normalHeader(header);
  if (h === '') return undefined;
  const zh = hasCjk(h);
  let best: string | undefined;
  let bestD = Infinity;
  for (const f of FIELD_SPECS) {
    const names = zh ? [f.name.zh, ...f.headers.filter(hasCjk)] : [f.key, f.name.en, ...f.headers.filter((x) => !hasCjk(x))];
    for (const n of names) {
      const nn = normalHeader(n);
      // Close only when most of it is shared: at most a third of the longer name differs, and a letter in common.
      const limit = Math.max(1, Math.floor(Math.max(h.length, nn.length) / 3));
      // The distance is at least the difference in length: a header much longer than every known one (8,000
      // characters in a hostile file) is never close, and is not compared character by character.
      if (Math.abs(h.length - nn.length) > limit) continue;
      const d = distance(h, nn);
      if (d < bestD && d <= limit && [...h].some((ch) => nn.includes(ch))) [best, bestD] = [n, d];
    }
  }
  return best;
}

function mapped(header: string, columns: ColumnMap | undefined): Column | undefined {
  if (!columns) return undefined;
  const target = Object.hasOwn(columns, header) ? columns[header] : Object.entries(columns).find(([k]) => normalHeader(k) === normalHeader(header))?.[1];
  if (target === undefined) return undefined;
  if (target === null) return { type: 'ignored', header };
  const field = fieldSpec(target)!; // the map is validated before it is used
  return { type: 'field', header, field, scale: headerScale(header) };
}

/** What a header means, given the column map. */
export function columnOf(header: string, columns?: ColumnMap): Column {
  const m = mapped(header, columns);
  if (m) return m;
  const field = fieldOfHeader(header);
  if (field) return { type: 'field', header, field, scale: headerScale(header) };
  const n = normalHeader(header);
  if (IGNORED.has(n)) return { type: 'ignored', header };
  const candidates = AMBIGUOUS_HEADERS[n];
  if (candidates) return { type: 'unknown', header, candidates };
  const suggestion = suggestHeader(header);
  return suggestion ? { type: 'unknown', header, suggestion } : { type: 'unknown', header };
}

/** Problems of a column map itself (a target that is not a field), as messages. */
export function checkColumnMap(columns: unknown): string[] {
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) return ['expected an object { "header as written": "field", … }'];
  const out: string[] = [];
  const keys = FIELD_SPECS.map((f) => f.key);
  for (const [header, target] of Object.entries(columns)) {
    if (target === null) continue;
    if (typeof target !== 'string' || !keys.includes(target)) {
      out.push(`${JSON.stringify(header)}: ${JSON.stringify(target)} is not a field; fields: ${keys.join(', ')} (or null to leave the column out)`);
    }
  }
  return out;
}

/** The columns a header row (or two) gives, and how many of them are known fields. */
export interface HeaderChoice {
  readonly columns: readonly Column[];
  /** Rows (0-based within the rows looked at) that form the header: one or two. */
  readonly rows: readonly number[];
  readonly score: number;
}

function score(columns: readonly Column[]): number {
  return new Set(columns.flatMap((c) => (c.type === 'field' ? [c.field.key] : []))).size;
}

/** The fields a row names, without suggestions (cheap: every row near the top is looked at). */
function quickScore(cells: readonly SheetCell[], columns?: ColumnMap): number {
  const keys = new Set<string>();
  for (const c of cells) {
    const t = text(c);
    if (t === '') continue;
    const m = mapped(t, columns);
    const key = m ? (m.type === 'field' ? m.field.key : undefined) : fieldOfHeader(t)?.key;
    if (key) keys.add(key);
  }
  return keys.size;
}

function single(cells: readonly SheetCell[], columns?: ColumnMap): Column[] {
  return cells.map((c) => (text(c) === '' ? { type: 'ignored', header: '' } : columnOf(text(c), columns)));
}

/** Two header rows: the top one's merged cells (written once, then empty) over the bottom one's. */
function combined(top: readonly SheetCell[], bottom: readonly SheetCell[], columns?: ColumnMap): Column[] {
  const width = Math.max(top.length, bottom.length);
  const out: Column[] = [];
  let fill = '';
  for (let j = 0; j < width; j++) {
    const t = text(top[j]);
    const b = text(bottom[j]);
    if (t !== '') fill = t;
    if (b === '') {
      out.push(t === '' ? { type: 'ignored', header: '' } : columnOf(t, columns));
      continue;
    }
    const both = columnOf(`${fill}${b}`, columns);
    if (fill !== '' && both.type === 'field') out.push({ ...both, header: `${fill} ${b}` });
    else out.push(columnOf(b, columns));
  }
  return out;
}

/**
 * The header among the first rows of a table: the row (or pair of rows) that
 * names the most known fields, at least two. Rows above it are titles.
 */
export function findHeader(rows: readonly (readonly SheetCell[])[], columns?: ColumnMap): HeaderChoice | undefined {
  const scores = rows.map((cells) => quickScore(cells, columns));
  let best: { rows: number[]; score: number } | undefined;
  const consider = (at: number[], s: number) => {
    if (s >= 2 && (!best || s > best.score)) best = { rows: at, score: s };
  };
  rows.forEach((cells, i) => {
    consider([i], scores[i]!);
    // Two rows count as one header only when together they name more fields than either alone.
    if (i + 1 < rows.length && scores[i]! + scores[i + 1]! > 0) {
      const s = score(combined(cells, rows[i + 1]!, columns));
      if (s > Math.max(scores[i]!, scores[i + 1]!)) consider([i, i + 1], s);
    }
  });
  if (!best) return undefined;
  const b = best as { rows: number[]; score: number };
  const cols = b.rows.length === 2 ? combined(rows[b.rows[0]!]!, rows[b.rows[1]!]!, columns) : single(rows[b.rows[0]!]!, columns);
  return { columns: cols, rows: b.rows, score: b.score };
}

/** Every header the reader knows, per field, for `shequ-rules schema --columns`. */
export function headerTable(): { key: string; zh: string; en: string; kind: string; unit: string; headers: string[] }[] {
  return FIELD_SPECS.map((f) => ({
    key: f.key,
    zh: f.name.zh,
    en: f.name.en,
    kind: f.kind,
    unit: f.unit?.zh ?? '',
    headers: [...new Set([f.name.zh, ...f.headers])],
  }));
}

void knownHeaders;
