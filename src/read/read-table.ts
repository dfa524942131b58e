/**
 * A community table held in memory — the rows of a sheet, or of a CSV parsed
 * elsewhere — read into one dataset per year, as the CLI reads a file: the
 * header found and matched, totals and notes skipped, cells read as people
 * type them, every problem reported at once.
 */
import { issue as make, PolicyInputError, refused, type PolicyInputIssueInit } from '../errors.js';
import { names, year as YEAR } from '../kinds.js';
import type { CommunityRecord, Dataset } from '../evaluate/dataset.js';
import type { RawCell } from './cells.js';
import { checkColumnMap, type ColumnMap } from './headers.js';
import { HeaderError, TableReader, type TableNotes, type TableProblem } from './table.js';

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** Header as written → field (`'floatingHouseholds'`), or `null` to leave the column out. */
  readonly columns?: Readonly<Record<string, string | null>>;
  /** The year of rows when neither a 年度 column nor a title row gives one. */
  readonly year?: number;
}

/** What {@link readTable} read: a dataset per year (communities only), and what it did with the rows. */
export interface TableRead {
  readonly datasets: Dataset[];
  readonly notes: TableNotes;
}

const issue = (p: TableProblem): PolicyInputIssueInit => ({
  path: [p.row > 0 ? `row ${p.row}` : '', p.header].filter(Boolean).join(', '),
  code: p.code,
  message: p.message,
  messages: p.messages,
});

function checkOptions(rows: unknown, options: unknown): PolicyInputIssueInit[] {
  const out: PolicyInputIssueInit[] = [];
  if (!Array.isArray(rows)) out.push(refused('rows', 'not-a-list', { en: 'a list of rows, each a list of cells', zh: '行的列表，每行是单元格的列表' }, rows));
  else {
    rows.forEach((r, i) => {
      if (!Array.isArray(r)) out.push(refused(`rows[${i}]`, 'not-a-list', { en: 'a list of cells', zh: '单元格的列表' }, r));
      else
        r.forEach((c: unknown, j) => {
          if (c !== null && c !== undefined && typeof c !== 'string' && typeof c !== 'boolean' && !(typeof c === 'number' && Number.isFinite(c)))
            out.push(refused(`rows[${i}][${j}]`, 'invalid', { en: 'text, a finite number, a boolean or null', zh: '文字、有限数、布尔值或 null' }, c));
        });
    });
  }
  if (typeof options !== 'object' || options === null)
    return [...out, refused('options', 'not-an-object', { en: '{ columns?, year? }', zh: '{ columns?, year? }' }, options)];
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (key !== 'columns' && key !== 'year')
      out.push(
        make(`options.${key}`, 'unknown-field', { expected: names(['columns', 'year']), received: { en: JSON.stringify(key), zh: JSON.stringify(key) } }),
      );
  if (o.columns !== undefined) for (const m of checkColumnMap(o.columns)) out.push({ path: 'options.columns', message: m });
  if (o.year !== undefined && !YEAR.is(o.year)) out.push(refused('options.year', YEAR.code, YEAR.expected, o.year));
  return out;
}

/**
 * Read a table of communities as a bureau keeps it (title rows, a Chinese or
 * English header with units, 合计 rows, cells such as "3,695" or "3万") into a
 * dataset per year, ready for `evaluateCity`.
 *
 * @param rows - the table's rows, each a list of cells (text, numbers, booleans, null)
 * @param options - `columns` (a column map for headers the reader does not know) and `year` (when the table gives none)
 * @returns `datasets` (one per year, in order) and `notes` (header rows, rows skipped, totals and their warnings)
 * @throws {@link PolicyInputError} listing every cell that cannot be read (the first 50), at paths such as `row 3, 户数`
 * @example
 * ```ts
 * const rows = [['宁国市2013年统计表'], ['区划代码', '社区名称', '类型', '户数(户)', '常住人口'], ['341881001001', '城东社区', '城市', '3,695', '11,085'], ['', '合计', '', '3695', '11085']];
 * readTable(rows).datasets[0].communities[0].households; //=> 3695
 * readTable(rows).datasets[0].year; //=> 2013
 * readTable(rows).notes.totalRows; //=> [4]
 * ```
 */
export function readTable(rows: readonly (readonly RawCell[])[], options: ReadTableOptions = {}): TableRead {
  const bad = checkOptions(rows, options);
  if (bad.length) throw new PolicyInputError(bad, 'readTable');
  const byYear = new Map<number, CommunityRecord[]>();
  const reader = new TableReader(
    { ...(options.columns && { columns: options.columns as ColumnMap }), ...(options.year !== undefined && { fallbackYear: options.year }) },
    (record, year) => (byYear.get(year) ?? byYear.set(year, []).get(year)!).push(record),
  );
  let notes: TableNotes;
  try {
    rows.forEach((cells, i) => reader.push({ row: i + 1, cells }));
    notes = reader.end();
  } catch (e) {
    if (e instanceof HeaderError) throw new PolicyInputError(e.problems.map(issue), 'readTable');
    throw e;
  }
  const { shown, count } = reader.problemList;
  if (count > 0)
    throw new PolicyInputError(
      [
        ...shown.map(issue),
        ...(count > shown.length ? [make('', 'too-many-issues', { received: { en: String(count - shown.length), zh: String(count - shown.length) } })] : []),
      ],
      'readTable',
    );
  const datasets = [...byYear].sort(([a], [b]) => a - b).map(([year, communities]) => ({ year, communities }));
  return { datasets, notes };
}
