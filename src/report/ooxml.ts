/**
 * A small writer of Excel workbooks (Office Open XML, `.xlsx`) for the
 * reports: the few parts a workbook needs, spelled out, zipped with
 * node:zlib's deflate. It writes what a clerk needs and the community build
 * of the spreadsheet library cannot: number formats per cell, bold and
 * filled cells, a frozen header row with a filter, column widths, landscape
 * pages fitted to the width with the header repeated on every page.
 *
 * Numbers are written as Excel holds them — at most 15 significant digits,
 * which is what Excel shows — from the exact value, so a cell never carries
 * a binary artefact such as 0.30000000000000004. Text is written inline and
 * escaped: the five XML characters, and the control characters XML cannot
 * hold as `_xHHHH_` (the form Excel itself reads back).
 */
import type { Decimal } from 'decimal.js';
import { deflateRawSync } from 'node:zlib';
import { D } from '../decimal.js';
import { WorkbookError } from '../read/xlsx.js';

/** How a number is shown: the number format of its cell. */
export type NumberFormat =
  /** A whole count, grouped: 3,695. */
  | 'count'
  /** A year or a code: digits alone, never grouped (2013, not 2,013). */
  | 'plain'
  /** A share as a percentage to one decimal: 80.6%. */
  | 'share'
  /** A tolerance either way, as a percentage: ±20.0%. */
  | 'tolerance'
  /** Money in whole yuan, grouped: 1,350,000. */
  | 'money'
  /** Money with fen: 15,123.29. */
  | 'fen'
  /** An area to two decimals, grouped: 554.25. */
  | 'area'
  /** A day, `{ date: 'YYYY-MM-DD' }`, as a date. */
  | 'date';

/** A row's colour: a failing finding, one that cannot be decided, one not evaluated, a row to look at. */
export type RowFill = 'fail' | 'unknown' | 'notEvaluated' | 'note';

/** One cell: text, a number (a Decimal is exact and written to 15 significant digits), a day, or nothing. */
export type CellValue = string | number | Decimal | { readonly date: string } | null;

/** A cell with its number format (a bare value is text or a plain number). */
export interface Cell {
  readonly v: CellValue;
  readonly fmt?: NumberFormat;
}

export type CellIn = Cell | CellValue;

export interface Row {
  readonly cells: readonly CellIn[];
  readonly fill?: RowFill;
  readonly bold?: boolean;
}

/** A sheet: rows, the header row (frozen, bold, filtered, printed on every page) and column widths. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly Row[];
  /** The index (from 0) of the header row of the table the sheet holds, if it holds one. */
  readonly header?: number;
  /** Column widths in characters; by default each fits its widest cell (a CJK character counts as two), within 6 and 60. */
  readonly widths?: readonly (number | undefined)[];
  /** Words for the page footer, before the page number. */
  readonly footer?: string;
}

/** The date format in each language. */
export interface WorkbookOptions {
  readonly lang: 'zh' | 'en';
}

// ——— values ———

/** A number as a cell holds it: plain notation, at most 15 significant digits (what Excel shows). */
export function excelNumber(v: number | Decimal): string {
  const d = typeof v === 'number' ? new D(v) : new D(v);
  const s = d.toSignificantDigits(15).toFixed();
  return s === '-0' ? '0' : s;
}

/** The serial of a day in the 1900 date system (a day after 1900-02-28, where Excel's serials are true). */
export function excelSerial(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const isDate = (v: CellValue): v is { readonly date: string } => typeof v === 'object' && v !== null && 'date' in v;

/** What XML 1.0 cannot hold: control characters but tab and line feed (a carriage return would be read as a line feed), two non-characters, lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for
const NOT_XML = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML: the five characters escaped, and what XML 1.0 cannot hold as `_xHHHH_` (and a literal `_xHHHH_` kept literal). */
export function xmlText(s: string): string {
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`)
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(NOT_XML, (c) => {
      const code = c.charCodeAt(0);
      // A lone surrogate cannot be written as UTF-8 at all: the replacement character says something was there.
      return code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    });
}

/** How wide a text is drawn in a spreadsheet's columns: a CJK or full-width character takes two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

/** The column letters of a column (from 0): A, B, …, Z, AA, … */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ——— styles ———

const FORMATS: Readonly<Record<NumberFormat, { id: number; code?: string }>> = {
  count: { id: 3 }, // #,##0 (built in)
  plain: { id: 1 }, // 0 (built in)
  share: { id: 164 },
  tolerance: { id: 166 },
  money: { id: 3 },
  fen: { id: 4 }, // #,##0.00 (built in)
  area: { id: 4 },
  date: { id: 165 },
};

const FILLS: Readonly<Record<RowFill | 'header', string>> = {
  header: 'FFF2F2F2', // light grey
  fail: 'FFFFC7CE', // light red
  unknown: 'FFFFEB9C', // light amber
  notEvaluated: 'FFE7E6E6', // grey
  note: 'FFDDEBF7', // light blue
};
const FILL_ORDER = ['header', 'fail', 'unknown', 'notEvaluated', 'note'] as const;

/** The cell formats used, each once: a number format, bold or not, a fill or none. */
class Styles {
  private readonly xfs = new Map<string, number>([['0|0|0', 0]]);
  constructor(private readonly lang: 'zh' | 'en') {}
  of(fmt: NumberFormat | undefined, bold: boolean, fill: RowFill | 'header' | undefined): number {
    const key = `${fmt ? FORMATS[fmt].id : 0}|${bold ? 1 : 0}|${fill ? FILL_ORDER.indexOf(fill) + 2 : 0}`;
    let i = this.xfs.get(key);
    if (i === undefined) this.xfs.set(key, (i = this.xfs.size));
    return i;
  }
  xml(): string {
    const date = this.lang === 'zh' ? 'yyyy"年"m"月"d"日"' : 'yyyy-mm-dd';
    const custom = [
      [164, '0.0%'],
      [165, date],
      [166, '"±"0.0%'],
    ] as const;
    const xfs = [...this.xfs.keys()].map((key) => {
      const [fmt, font, fill] = key.split('|').map(Number) as [number, number, number];
      // The header's cells (fill 2) are underlined by a thin border.
      const border = fill === 2 ? ' borderId="1" applyBorder="1"' : ' borderId="0"';
      return `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}"${border} xfId="0"${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}/>`;
    });
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      `<styleSheet xmlns="${MAIN}">`,
      `<numFmts count="${custom.length}">${custom.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join('')}</numFmts>`,
      '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>',
      `<fills count="${FILL_ORDER.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${FILL_ORDER.map((f) => `<fill><patternFill patternType="solid"><fgColor rgb="${FILLS[f]}"/><bgColor indexed="64"/></patternFill></fill>`).join('')}</fills>`,
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '</styleSheet>',
    ].join('');
  }
}

// ——— parts ———

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const asCell = (c: CellIn): Cell => (typeof c === 'object' && c !== null && !D.isDecimal(c) && 'v' in c ? c : { v: c as CellValue });

function cellXml(ref: string, c: Cell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  const v = c.v;
  if (v === null) return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'string') return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  if (isDate(v)) return `<c r="${ref}"${s}><v>${excelSerial(v.date)}</v></c>`;
  return `<c r="${ref}"${s}><v>${excelNumber(v as number | Decimal)}</v></c>`;
}

/** About what a cell shows, for measuring its column. */
function shownText(c: Cell): string {
  const v = c.v;
  if (v === null) return '';
  if (typeof v === 'string') return v.split('\n').reduce((a, b) => (displayWidth(b) > displayWidth(a) ? b : a), '');
  if (isDate(v)) return '2013年12月31日';
  const n = excelNumber(v as number | Decimal);
  if (c.fmt === undefined || c.fmt === 'plain') return n;
  if (c.fmt === 'share' || c.fmt === 'tolerance') return `±${new D(n).times(100).toFixed(1)}%`;
  const [whole = '', fraction] = new D(n).toFixed(c.fmt === 'fen' || c.fmt === 'area' ? 2 : 0).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** How many rows, from the header on, set a column's width. */
const WIDTH_SAMPLE = 2000;

/** The quoted name of a sheet in a formula: 'Name' with quotes doubled. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function sheetXml(sheet: Sheet, styles: Styles, first: boolean): { xml: string; last: number; width: number } {
  const cells = sheet.rows.map((r) => r.cells.map(asCell));
  const width = Math.max(1, ...cells.map((r) => r.length));
  const h = sheet.header;
  const rows = sheet.rows.map((r, i) => {
    const header = i === h;
    const bold = header || r.bold === true;
    const fill = header ? 'header' : r.fill;
    // A filled row is filled across the table, so that the colour reads as the row's.
    const n = fill ? width : cells[i]!.length;
    const xs: string[] = [];
    for (let j = 0; j < n; j++) {
      const c = cells[i]![j] ?? { v: null };
      xs.push(cellXml(`${columnName(j)}${i + 1}`, c, styles.of(c.fmt, bold, fill)));
    }
    return `<row r="${i + 1}">${xs.join('')}</row>`;
  });
  const widths = Array.from({ length: width }, (_, j) => {
    const given = sheet.widths?.[j];
    if (given !== undefined) return given;
    // A title above the table may run on into the empty cells beside it: the table's rows set the width.
    // The first rows are enough to size a column (a sheet of a hundred thousand findings is not measured whole).
    let widest = 0;
    for (let i = h ?? 0; i < Math.min(cells.length, (h ?? 0) + WIDTH_SAMPLE); i++) {
      const c = cells[i]![j];
      if (c) widest = Math.max(widest, displayWidth(shownText(c)) + (i === h ? 3 : 0)); // room for the filter's button
    }
    return Math.min(60, Math.max(6, widest + 1));
  });
  const last = Math.max(1, sheet.rows.length);
  const ref = `A1:${columnName(width - 1)}${last}`;
  const pane =
    h === undefined
      ? ''
      : `<pane ySplit="${h + 1}" topLeftCell="A${h + 2}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${h + 2}" sqref="A${h + 2}"/>`;
  const footer = `${sheet.footer ? `${xmlText(sheet.footer.replace(/&/g, '&&'))} ` : ''}&amp;P / &amp;N`;
  const xml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="${ref}"/>`,
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`,
    `<sheetData>${rows.join('')}</sheetData>`,
    h === undefined ? '' : `<autoFilter ref="A${h + 1}:${columnName(width - 1)}${Math.max(h + 1, sheet.rows.length)}"/>`,
    '<printOptions gridLines="1"/>',
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    `<headerFooter><oddFooter>&amp;C${footer}</oddFooter></headerFooter>`,
    '</worksheet>',
  ].join('');
  return { xml, last, width };
}

/**
 * A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`, not blank, not starting or ending
 * with an apostrophe, and unique in its workbook (a number added when it is not).
 */
function sheetNames(names: readonly string[]): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what a sheet's name may not hold
  const NOT_IN_NAME = /[[\]:*?/\\\u0000-\u001F]/g;
  const used = new Set<string>();
  return names.map((n) => {
    let base = [...n.replace(NOT_IN_NAME, ' ').replace(/^'+|'+$/g, '')].slice(0, 31).join('').trim() || 'Sheet';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) {
      const tail = ` (${i})`;
      base = [...base].slice(0, 31 - tail.length).join('');
      name = `${base}${tail}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** The workbook's bytes: its sheets in order, the first one selected. */
export function writeXlsx(sheets: readonly Sheet[], options: WorkbookOptions): Uint8Array {
  const styles = new Styles(options.lang);
  const names = sheetNames(sheets.map((s) => s.name));
  const parts = sheets.map((s, i) => sheetXml(s, styles, i === 0));
  const defined = sheets.flatMap((s, i) => {
    if (s.header === undefined) return [];
    const q = quotedSheet(names[i]!);
    const h = s.header + 1;
    const last = Math.max(h, s.rows.length);
    const end = columnName(parts[i]!.width - 1);
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${q}!$A$${h}:$${end}$${last}`)}</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${q}!$${h}:$${h}`)}</definedName>`,
    ];
  });
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets>${defined.length ? `<definedNames>${defined.join('')}</definedNames>` : ''}</workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ...parts.map((p, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, p.xml]),
    ['xl/styles.xml', styles.xml()], // after the sheets: they name the styles it lists
  ];
  return zip(files.map(([name, text]) => [name, new TextEncoder().encode(text)]));
}

// ——— the zip ———

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (the zip's, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of the files, each deflated, with a fixed time (so the same report gives the same bytes). */
function zip(files: readonly [string, Uint8Array][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = ((2011 - 1980) << 9) | (1 << 5) | 1; // 2011-01-01
  for (const [name, data] of files) {
    const nameBytes = new TextEncoder().encode(name);
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    if (packed.length >= 0xffffffff || data.length >= 0xffffffff || offset >= 0xffffffff)
      throw new WorkbookError({
        zh: '工作簿超过 4 GB，无法写出：请用 --limit 少列一些结果',
        en: 'the workbook would pass 4 GB: list fewer findings with --limit',
      });
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // names in UTF-8
    local.setUint16(8, 8, true); // deflated
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(8, 0x0800, true);
    dir.setUint16(10, 8, true);
    dir.setUint16(12, DOS_TIME, true);
    dir.setUint16(14, DOS_DATE, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, packed.length, true);
    dir.setUint32(24, data.length, true);
    dir.setUint16(28, nameBytes.length, true);
    dir.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, packed);
    central.push(new Uint8Array(dir.buffer), nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
