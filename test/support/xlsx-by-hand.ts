/**
 * Workbooks written by hand for the tests, as another program would write them: the sheet XML spelled out and
 * zipped by a small zip writer of our own (stored or deflated with node:zlib), never by the library's writer. Each
 * option is one thing Excel, WPS or a script may put in a file: a stale `<dimension>`, the 1904 date system, a date
 * format, an error value, a formula without its saved value, a hidden sheet, a sheet that inflates to a lot.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** A cell as the hand-written XML holds it. */
export type HandCell =
  | string
  | number
  | null
  | { readonly v: string } // a number written exactly as given (e.g. '350.09999999999997')
  | { readonly date: number } // a date serial under the built-in date format 14
  | { readonly error: string } // an error value such as #N/A
  | { readonly f: string; readonly v?: string }; // a formula, with or without its saved value

export interface HandSheet {
  readonly name: string;
  readonly rows?: readonly (readonly HandCell[])[];
  /** The `<dimension ref>` to write (e.g. a stale 'A1:F2'); none when left out. */
  readonly dimension?: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** Raw XML of `<sheetData>`'s content, instead of rows (for very large sheets). */
  readonly sheetData?: string | Buffer;
}

export interface HandBook {
  readonly sheets: readonly HandSheet[];
  readonly date1904?: boolean;
  /** Deflate the parts (default) or store them. */
  readonly deflate?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(j: number): string {
  let s = '';
  for (let n = j + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellXml(c: HandCell, ref: string): string {
  if (c === null) return '';
  if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
  if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
  if ('date' in c) return `<c r="${ref}" s="1"><v>${c.date}</v></c>`;
  if ('error' in c) return `<c r="${ref}" t="e"><v>${esc(c.error)}</v></c>`;
  if ('f' in c) return `<c r="${ref}"><f>${esc(c.f)}</f>${c.v !== undefined ? `<v>${c.v}</v>` : ''}</c>`;
  return `<c r="${ref}"><v>${c.v}</v></c>`;
}

function sheetXml(s: HandSheet): Buffer {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${
    s.dimension ? `<dimension ref="${s.dimension}"/>` : ''
  }<sheetData>`;
  const body =
    s.sheetData ?? (s.rows ?? []).map((r, i) => `<row r="${i + 1}">${r.map((c, j) => cellXml(c, `${columnName(j)}${i + 1}`)).join('')}</row>`).join('');
  return Buffer.concat([Buffer.from(head), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('</sheetData></worksheet>')]);
}

/** The parts of an .xlsx: content types, relationships, the workbook, styles (a date format at index 1) and the sheets. */
export function workbookParts(book: HandBook): [string, Buffer][] {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheets = book.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const parts: [string, Buffer][] = [
    [
      '[Content_Types].xml',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${book.sheets
          .map(
            (_s, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('')}</Types>`,
      ),
    ],
    [
      '_rels/.rels',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ],
    [
      'xl/workbook.xml',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}" xmlns:r="${rel}">${book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets}</sheets></workbook>`,
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets
          .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('')}<Relationship Id="rIdS" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
      ),
    ],
    [
      'xl/styles.xml',
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
    ],
    ...book.sheets.map((s, i): [string, Buffer] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
  return parts;
}

/** A zip archive of the entries, each deflated or stored; `declare` may state other uncompressed sizes than the true ones. */
export function zip(entries: readonly [string, Buffer][], options: { deflate?: boolean; declare?: (name: string, size: number) => number } = {}): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name);
    const method = options.deflate === false ? 0 : 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const size = options.declare ? options.declare(name, data.length) : data.length;
    const crc = crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // names in UTF-8
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(nameBytes.length, 26);
    local.push(lh, nameBytes, body);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(nameBytes.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, nameBytes);
    offset += lh.length + nameBytes.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

/** The bytes of an .xlsx written by hand. */
export function handWorkbook(book: HandBook): Buffer {
  return zip(workbookParts(book), { deflate: book.deflate ?? true });
}

/** The usual header of a community table, and a row of it. */
export const HEAD = ['区划代码', '社区名称', '类型', '户数', '常住人口', '办公服务用房面积(㎡)'] as const;
