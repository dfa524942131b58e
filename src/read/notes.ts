/**
 * What a reader did with a file, for the report: its format and encoding,
 * the sheets read and left out, and each table's header, skipped rows,
 * totals and warnings.
 */
import type { CityEvaluation } from '../evaluate/evaluate.js';
import type { TextEncodingName } from './encoding.js';
import type { TableNotes } from './table.js';

/** What was read from one table (a CSV, or a sheet of a workbook). */
export interface TableInput {
  readonly sheet?: string;
  readonly notes: TableNotes;
}

/** What was read from one file. */
export interface FileInput {
  readonly file: string;
  readonly format: 'json' | 'csv' | 'xlsx';
  /** The text encoding read (CSV and JSON). */
  readonly encoding?: TextEncodingName;
  readonly tables: readonly TableInput[];
  /** Sheets left out: no community table and no year in their name, or not the --sheet asked for. */
  readonly skippedSheets: readonly string[];
  /** Hidden sheets, not read because they are hidden (a sheet named by --sheet is read, hidden or not). */
  readonly hiddenSheets?: readonly { readonly name: string; readonly state: 'hidden' | 'veryHidden' }[];
  /**
   * The format the file's name says (its extension), when its content is another: a workbook or a JSON dataset
   * saved with a .csv name is read by its content, and the report says so.
   */
  readonly named?: 'json' | 'csv' | 'xlsx';
}

/** One year's evaluation. */
export interface YearEvaluation {
  readonly year: number;
  readonly result: CityEvaluation;
}

/** Everything the CLI read and evaluated. */
export interface FileEvaluation {
  readonly years: readonly YearEvaluation[];
  readonly input: readonly FileInput[];
  /** Years present in the data but not evaluated (another was picked with --year). */
  readonly otherYears: readonly number[];
  /** Names of the communities with findings listed, by id. */
  readonly names: Readonly<Record<string, string>>;
}
