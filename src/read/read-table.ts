/**
 * A community table held in memory — the rows of a sheet, or of a CSV parsed
 * elsewhere — read into one dataset per year, as the CLI reads a file: the
 * header found and matched, totals and notes skipped, cells read as people
 * type them, every problem reported at once.
 */
import { describeValue, PolicyInputError, type PolicyInputIssue } from '../errors.js';
import type { CommunityRecord, Dataset } from '../evaluate/dataset.js';
import { YEAR_MAX, YEAR_MIN } from '../values.js';
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

const issue = (p: TableProblem): PolicyInputIssue => ({ path: [p.row > 0 ? `row ${p.row}` : '', p.header].filter(Boolean).join(', '), message: p.message });

function checkOptions(rows: unknown, options: unknown): PolicyInputIssue[] {
  const out: PolicyInputIssue[] = [];
  if (!Array.isArray(rows)) out.push({ path: 'rows', message: `expected a list of rows, each a list of cells, got ${describeValue(rows)}` });
  else {
    rows.forEach((r, i) => {
      if (!Array.isArray(r)) out.push({ path: `rows[${i}]`, message: `expected a list of cells, got ${describeValue(r)}` });
      else r.forEach((c: unknown, j) => {
        if (c !== null && c !== undefined && typeof c !== 'string' && typeof c !== 'boolean' && !(typeof c === 'number' && Number.isFinite(c))) out.push({ path: `rows[${i}][${j}]`, message: `expected text, a finite number, a boolean or null, got ${describeValue(c)}` });
      });
    });
  }
  if (typeof options !== 'object' || options === null) return [...out, { path: 'options', message: `expected { columns?, year? }, got ${describeValue(options)}` }];
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) if (key !== 'columns' && key !== 'year') out.push({ path: `options.${key}`, message: 'unknown option (allowed: columns, year)' });
  if (o.columns !== undefined) for (const m of checkColumnMap(o.columns)) out.push({ path: 'options.columns', message: m });
  if (o.year !== undefined && !(Number.isInteger(o.year) && (o.year as number) >= YEAR_MIN && (o.year as number) <= YEAR_MAX)) out.push({ path: 'options.year', message: `expected a year from ${YEAR_MIN} to ${YEAR_MAX}, got ${describeValue(o.year)}` });
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
  if (count > 0) throw new PolicyInputError([...shown.map(issue), ...(count > shown.length ? [{ path: '', message: `… and ${count - shown.length} more problems` }] : [])], 'readTable');
  const datasets = [...byYear].sort(([a], [b]) => a - b).map(([year, communities]) => ({ year, communities }));
  return { datasets, notes };
}
