/**
 * "Check your data" in the browser: a JSON dataset, or a CSV of communities
 * (the CLI's format: a header naming the community fields, one community per
 * row), read from the text of a file the reader picked. Nothing leaves the page.
 * The CSV cells are read as the CLI reads them (counts as whole numbers,
 * flags from true/false/yes/no/1/0/是/否); the test holds the counts equal to
 * the CLI's for the example files.
 */
import { CsvError, CsvParser, type CsvRow } from '../../src/cli/csv.js';

const COUNT_FIELDS = new Set(['households', 'floatingHouseholds', 'residents', 'staff']);
const FLAG_FIELDS = new Set(['roomsOnGroundFloor', 'oneStopWindow']);

function cell(field: string, raw: string): unknown {
  const v = raw.trim();
  if (COUNT_FIELDS.has(field) && /^\d{1,16}$/.test(v)) return Number(v);
  if (FLAG_FIELDS.has(field)) {
    const lower = v.toLowerCase();
    if (['true', '1', 'yes', 'y', '是'].includes(lower)) return true;
    if (['false', '0', 'no', 'n', '否'].includes(lower)) return false;
  }
  return v;
}

/** A problem with the file, said in both languages. */
export class DataFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'DataFileError';
  }
}

/**
 * The dataset in a file's text: JSON when the name ends in `.json` or the
 * text starts with `{`, else CSV of communities for `year`.
 */
export function datasetFromText(name: string, text: string, year: number): { data: unknown; communitiesOnly: boolean } {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(name) || body.trimStart().startsWith('{')) {
    try {
      return { data: JSON.parse(body) as unknown, communitiesOnly: false };
    } catch (e) {
      throw new DataFileError(`不是有效的 JSON：${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`);
    }
  }
  if (/\.xlsx?$/i.test(name)) {
    throw new DataFileError(
      '暂不能直接读取 Excel 文件：请另存为 CSV(UTF-8)后再选择',
      'Excel files cannot be read here yet: save the sheet as CSV (UTF-8) and pick that',
    );
  }
  const rows: CsvRow[] = [];
  const parser = new CsvParser();
  try {
    parser.push(body, rows);
    parser.end(rows);
  } catch (e) {
    if (e instanceof CsvError) throw new DataFileError(`第 ${e.line} 行：${e.message}`, `line ${e.line}: ${e.message}`);
    throw e;
  }
  const [head, ...data] = rows;
  if (!head) throw new DataFileError('文件是空的', 'the file is empty');
  const header = head.fields.map((f) => f.trim());
  const communities = data.map((row) => {
    const record: Record<string, unknown> = {};
    header.forEach((field, i) => {
      const raw = row.fields[i] ?? '';
      if (raw.trim() !== '') record[field] = cell(field, raw);
    });
    return record;
  });
  return { data: { year, communities }, communitiesOnly: true };
}
