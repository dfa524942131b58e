/**
 * Spreadsheets in and out, through @e965/xlsx (the SheetJS build republished
 * on the npm registry, no dependencies of its own). It is loaded with a
 * dynamic import() only when a spreadsheet is read or written, so nothing
 * else — the root entry, `shequ-rules/evaluate`, a CSV report — pulls it in.
 *
 * A workbook is read as Excel shows it, not as the library's raw view: every
 * row that holds data (a stale `<dimension>` is not believed), dates in the
 * workbook's own date system (1900 or 1904), a number as a date only where the
 * cell is formatted as one, error values and formulas without a saved result
 * as cells that cannot be read, hidden sheets marked. And the work is bounded
 * before anything is inflated: the zip's entries, their inflated bytes and the
 * cells they hold are counted first, so a small file that inflates to a huge
 * sheet is refused instead of exhausting the memory.
 */
import type { Bilingual } from '../policy/provisions.js';
import { excelSerialDay, type SheetCell } from './cells.js';
import { InflateLimit, inflateRaw } from './inflate.js';
import type { TableRow } from './table.js';

/** One sheet of a workbook, as rows of cells numbered as Excel shows them. */
export interface SheetRows {
  readonly name: string;
  readonly rows: readonly TableRow[];
  /** How the sheet is hidden, when it is (`'hidden'`: Unhide shows it; `'veryHidden'`: only a macro does). */
  readonly hidden?: 'hidden' | 'veryHidden';
}

/** Bounds on the work of reading a workbook. */
export interface WorkbookLimits {
  /** The most bytes all the parts of the zip may inflate to together (the CLI's --max-mb). */
  readonly maxBytes?: number;
}

/**
 * The most cells (and shared strings) a workbook may hold: about 120 bytes of memory each once read, so
 * 4 million stay well inside Node's default heap. A larger table is read as a CSV, which streams.
 */
export const MAX_CELLS = 4_000_000;
/** The most entries a workbook's zip may have (a workbook has a few dozen parts; a sheet is one). */
export const MAX_ENTRIES = 10_000;
/** The most bytes one part may inflate to: the library holds a part as one string, and V8's strings end near 2^29. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;
/** The most cells, empty ones included, the rows of a sheet may span (a stray cell far to the right widens its row). */
export const MAX_GRID = 40_000_000;

/** A workbook that is refused before or while it is read: too large, or not a workbook. */
export class WorkbookError extends Error {
  constructor(readonly words: Bilingual) {
    super(words.en);
    this.name = 'WorkbookError';
  }
}

type Xlsx = typeof import('@e965/xlsx');
let loaded: Promise<Xlsx> | undefined;

/** The spreadsheet library, loaded on first use. @internal */
export function loadXlsx(): Promise<Xlsx> {
  // An optional peer dependency: an app that only imports a rule does not install it. Without it, say what to do.
  return (loaded ??= import('@e965/xlsx').catch((e: NodeJS.ErrnoException) => {
    loaded = undefined;
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' && e?.code !== 'MODULE_NOT_FOUND') throw e;
    throw new WorkbookError({
      en: 'reading or writing a workbook needs the spreadsheet library, an optional dependency: npm install @e965/xlsx',
      zh: '读写工作簿需要可选依赖的表格库：npm install @e965/xlsx',
    });
  }));
}

/** Whether the bytes start like a zip archive (an .xlsx), or an OLE2 file (an old .xls). */
export function looksLikeWorkbook(head: Uint8Array): 'xlsx' | 'xls' | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  return undefined;
}

const n = (x: number) => x.toLocaleString('en-US');
const damaged = (what: string, zh: string) => new WorkbookError({ en: `the workbook's zip is damaged (${what})`, zh: `工作簿的 zip 结构已损坏(${zh})` });

/**
 * Counts the elements that become cells and shared strings (`<c>`, `<si>`, with or without a namespace prefix)
 * in XML bytes.
 */
function countElements(b: Uint8Array): number {
  let count = 0;
  const len = b.length;
  for (let i = b.indexOf(0x3c); i >= 0 && i < len; i = b.indexOf(0x3c, i + 1)) {
    // The tag's name: up to a space, '>' or '/'; its local part after a prefix's ':'.
    let s = i + 1;
    let e = s;
    while (e < len && e - s < 24) {
      const ch = b[e]!;
      if (ch === 0x20 || ch === 0x3e || ch === 0x2f || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
      if (ch === 0x3a) s = e + 1;
      e++;
    }
    const w = e - s;
    if (
      (w === 1 && b[s] === 0x63) || // c
      (w === 2 && b[s] === 0x73 && b[s + 1] === 0x69) // si
    )
      count++;
  }
  return count;
}

/**
 * Walks the zip as the spreadsheet library will (the last end-of-directory record, each central entry's local
 * header, each deflated part inflated to the end of its stream), inflating every part under the bounds and
 * counting what it holds; throws {@link WorkbookError} at the first bound passed. The parts are dropped.
 */
export function checkZip(bytes: Uint8Array, limits: WorkbookLimits = {}): { entries: number; inflated: number; cells: number } {
  const maxBytes = limits.maxBytes ?? Number.POSITIVE_INFINITY;
  const buf = bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = buf.length - 4;
  while (end >= 0 && !(buf[end] === 0x50 && buf[end + 1] === 0x4b && buf[end + 2] === 0x05 && buf[end + 3] === 0x06)) end--;
  if (end < 0 || end + 22 > buf.length) throw damaged('no end of central directory', '找不到中央目录的结尾');
  const entries = u16(end + 8);
  if (entries > MAX_ENTRIES)
    throw new WorkbookError({
      en: `the workbook's zip has ${n(entries)} entries, more than the ${n(MAX_ENTRIES)} a workbook is read with`,
      zh: `工作簿的 zip 有 ${n(entries)} 个条目，超过读取上限 ${n(MAX_ENTRIES)} 个`,
    });
  let at = u32(end + 16);
  let inflated = 0;
  let cells = 0;
  const tooLarge = (bytesSeen: number): WorkbookError =>
    new WorkbookError({
      en: `the workbook inflates to more than ${n(bytesSeen)} bytes, over the limit of ${n(maxBytes)} bytes (raise it with --max-mb)`,
      zh: `工作簿解压后超过 ${n(bytesSeen)} 字节，超出上限 ${n(maxBytes)} 字节(可用 --max-mb 调高)`,
    });
  for (let k = 0; k < entries; k++) {
    if (at + 46 > buf.length || u32(at) !== 0x02014b50) throw damaged('a central directory entry is missing', '缺少中央目录条目');
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const local = u32(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > buf.length) throw damaged('an entry points outside the file', '条目指向文件之外');
    const method = u16(local + 8);
    const storedSize = u32(local + 18);
    const data = local + 30 + u16(local + 26) + u16(local + 28);
    if (data > buf.length) throw damaged('an entry points outside the file', '条目指向文件之外');
    let part: Uint8Array;
    if (method === 8) {
      const room = Math.min(MAX_PART_BYTES, maxBytes - inflated);
      try {
        part = inflateRaw(buf.subarray(data), Math.max(1, room));
      } catch (e) {
        if (e instanceof InflateLimit) {
          if (room === MAX_PART_BYTES)
            throw new WorkbookError({
              en: `a part of the workbook inflates to more than ${n(MAX_PART_BYTES)} bytes, more than can be read; save the table as a CSV, which is read as a stream`,
              zh: `工作簿的一个部件解压后超过 ${n(MAX_PART_BYTES)} 字节，无法读取；请把表格另存为 CSV(按流读取)`,
            });
          throw tooLarge(inflated + room);
        }
        throw damaged('a part does not inflate', '有部件无法解压');
      }
    } else part = buf.subarray(data, Math.min(buf.length, data + storedSize));
    inflated += part.length;
    if (inflated > maxBytes) throw tooLarge(inflated);
    cells += countElements(part);
    if (cells > MAX_CELLS)
      throw new WorkbookError({
        en: `the workbook holds more than ${n(MAX_CELLS)} cells, more than a workbook is read with; save the table as a CSV, which is read as a stream`,
        zh: `工作簿的单元格超过 ${n(MAX_CELLS)} 个，超出工作簿的读取上限；请把表格另存为 CSV(按流读取)`,
      });
  }
  return { entries, inflated, cells };
}

/** Excel's error values by the code the library gives them. */
const ERRORS: Readonly<Record<number, string>> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

/**
 * The sheets of a workbook as Excel shows their cells: text, booleans, numbers (rounded to what Excel shows by the
 * cell reader), a date-formatted number as its ISO day in the workbook's date system, an error value or a formula
 * without a saved result as an {@link ErrorCell}, an empty cell as null. Every row from the first to the last
 * that holds a cell is given, whatever the sheet's `<dimension>` says. Throws {@link WorkbookError} when the
 * workbook passes a bound of {@link WorkbookLimits} or of this module, other errors when the bytes are not a workbook.
 */
export async function readWorkbook(bytes: Uint8Array, limits: WorkbookLimits = {}): Promise<SheetRows[]> {
  if (looksLikeWorkbook(bytes) === 'xlsx') checkZip(bytes, limits);
  const X = await loadXlsx();
  // A Buffer in Node (as the library reads it fastest), the bytes as they are in a browser.
  const book = X.read(bytes, {
    type: typeof Buffer === 'undefined' ? 'array' : 'buffer',
    cellDates: false,
    cellFormula: true, // to tell a formula without a saved value (a stub with a formula) from an empty cell
    cellHTML: false,
    cellStyles: false,
    cellNF: true, // the number format, to tell a date from a number
    cellText: false,
    sheetStubs: true,
    dense: true,
    nodim: true, // the range from the cells, not from a <dimension> that may be stale
  });
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  return book.SheetNames.map((name, i) => {
    const sheet = book.Sheets[name]!;
    const state = book.Workbook?.Sheets?.[i]?.Hidden;
    const hidden = state === 1 ? 'hidden' : state === 2 ? 'veryHidden' : undefined;
    const ref = sheet['!ref'];
    const data = (sheet['!data'] ?? []) as (import('@e965/xlsx').CellObject[] | undefined)[];
    if (!ref) return { name, rows: [], ...(hidden && { hidden }) };
    const range = X.utils.decode_range(ref);
    const rows: TableRow[] = [];
    let grid = 0;
    for (let r = range.s.r; r <= range.e.r; r++) {
      const src = data[r] ?? [];
      let last = src.length - 1;
      while (last >= range.s.c && !src[last]) last--;
      const cells: SheetCell[] = [];
      grid += Math.max(0, last - range.s.c + 1);
      if (grid > MAX_GRID)
        throw new WorkbookError({
          en: `sheet "${name}" spreads its cells over more than ${n(MAX_GRID)} places (a cell far to the right or below the table?); clear the stray cells or save the table as a CSV`,
          zh: `工作表“${name}”的单元格分布超过 ${n(MAX_GRID)} 个位置(表格右侧或下方远处有单元格？)；请清除多余的单元格，或另存为 CSV`,
        });
      for (let j = range.s.c; j <= last; j++) cells.push(cellOf(src[j], date1904, X.SSF.is_date));
      rows.push({ row: r + 1, cells });
    }
    return { name, rows, ...(hidden && { hidden }) };
  });
}

/** One cell as Excel shows it (see {@link readWorkbook}). */
function cellOf(c: import('@e965/xlsx').CellObject | undefined, date1904: boolean, isDate: (format: string) => boolean): SheetCell {
  if (!c) return null;
  switch (c.t) {
    case 's':
      return typeof c.v === 'string' ? c.v : String(c.v ?? '');
    case 'b':
      return Boolean(c.v);
    case 'n': {
      const v = c.v as number;
      // A number is a date only where its cell is formatted as one (what Excel shows); a serial out of range stays a number.
      if (typeof c.z === 'string' && isDate(c.z)) return excelSerialDay(v, date1904) ?? v;
      return v;
    }
    case 'e':
      return { error: ERRORS[c.v as number] ?? `#${String(c.v)}` };
    case 'd':
      return c.v instanceof Date ? c.v.toISOString().slice(0, 10) : String(c.v);
    case 'z':
      return c.f !== undefined ? { error: '' } : null;
    default:
      return null;
  }
}

/** A sheet to write: rows of cells (numbers stay numbers), with column widths in characters. */
export interface SheetOut {
  readonly name: string;
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly widths?: readonly number[];
}

/** A workbook of the given sheets, as the bytes of an .xlsx file. */
export async function writeWorkbook(sheets: readonly SheetOut[]): Promise<Uint8Array> {
  const X = await loadXlsx();
  const book = X.utils.book_new();
  for (const s of sheets) {
    const sheet = X.utils.aoa_to_sheet(s.rows.map((r) => [...r]));
    if (s.widths) sheet['!cols'] = s.widths.map((wch) => ({ wch }));
    X.utils.book_append_sheet(book, sheet, s.name);
  }
  return X.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}
