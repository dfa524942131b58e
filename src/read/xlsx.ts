/**
 * Spreadsheets in and out, through @e965/xlsx (the SheetJS build republished
 * on the npm registry, no dependencies of its own). It is loaded with a
 * dynamic import() only when a spreadsheet is read or written, so nothing
 * else — the root entry, `shequ-rules/evaluate`, a CSV report — pulls it in.
 */
import type { RawCell } from './cells.js';
import type { TableRow } from './table.js';

/** One sheet of a workbook, as rows of raw cells numbered as Excel shows them. */
export interface SheetRows {
  readonly name: string;
  readonly rows: readonly TableRow[];
}

type Xlsx = typeof import('@e965/xlsx');
let loaded: Promise<Xlsx> | undefined;

/** The spreadsheet library, loaded on first use. @internal */
export function loadXlsx(): Promise<Xlsx> {
  return (loaded ??= import('@e965/xlsx'));
}

/** Whether the bytes start like a zip archive (an .xlsx), or an OLE2 file (an old .xls). */
export function looksLikeWorkbook(head: Uint8Array): 'xlsx' | 'xls' | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  return undefined;
}

/**
 * The sheets of a workbook as raw cells: numbers, text and booleans as
 * stored (dates as Excel's serial numbers), formulas as their cached values.
 * Throws when the bytes are not a workbook.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetRows[]> {
  const X = await loadXlsx();
  const book = X.read(bytes, { type: 'buffer', cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, dense: true });
  return book.SheetNames.map((name) => {
    const sheet = book.Sheets[name]!;
    const ref = sheet['!ref'];
    if (!ref) return { name, rows: [] };
    const first = X.utils.decode_range(ref).s.r;
    const grid = X.utils.sheet_to_json<RawCell[]>(sheet, { header: 1, raw: true, blankrows: true, defval: null });
    return { name, rows: grid.map((cells, i) => ({ row: first + i + 1, cells })) };
  });
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
