/**
 * "Check your data" in the browser: the file the reader picked, read and
 * evaluated by the library's one reading of files (`src/read/`), the one the
 * CLI's `report` uses: a JSON dataset, a CSV in UTF-8, GB18030 or UTF-16, or
 * an .xlsx workbook, told by its content; the same records, the same
 * findings, the same notes on what was read. Nothing leaves the page.
 */
import { evaluateFiles, type ReportData } from '../../src/read/evaluate-files.js';
import { InputError } from '../../src/read/read-file.js';
import type { Dataset } from '../../src/evaluate/dataset.js';
import { PolicyInputError, type Policy } from '../../src/index.js';

/** The CLI's default --max-mb (1,024 MiB): the page accepts what the CLI accepts. */
const MAX_BYTES = 1024 * 1024 * 1024;

/**
 * The file's evaluation: each year it holds (or the one `year` picks), every finding listed, and what was read.
 *
 * @param name - the file's name (its year and its extension count, as on the command line)
 * @param bytes - the file's bytes
 * @param year - the year of a table that gives none, and the one evaluated (the CLI's --year); undefined: every year
 * @param policy - the policy under the readings chosen in the page
 */
export function evaluateFile(name: string, bytes: Uint8Array, year: number | undefined, policy: Policy): Promise<ReportData> {
  return evaluateFiles([{ name, bytes }], {
    policy,
    maxBytes: MAX_BYTES,
    ...(year !== undefined && { year }),
    list: { limit: Number.POSITIVE_INFINITY, all: true },
    keep: true,
  });
}

/** The lines a reading problem says, in the page's language; undefined for an error that is not the input's. */
export function problemLines(e: unknown, lang: 'zh' | 'en'): string[] | undefined {
  if (e instanceof InputError) return (e.words?.[lang] ?? e.message).split('\n');
  if (e instanceof PolicyInputError) return e.issues.map((i) => `${i.path}${lang === 'zh' ? '：' : ': '}${i.messages[lang]}`);
  return undefined;
}

/** One year of a file's data, and whether it came from a table (which carries no villages, budgets or projects). */
export interface FileDataset {
  readonly dataset: Dataset;
  readonly table: boolean;
}

/** The file's data as datasets, one per year, for the comparison of policies: kept by the one reading of {@link evaluateFile}. */
export function datasetsOf(data: ReportData): FileDataset[] {
  return data.years.flatMap((y) => (y.kept ? [{ dataset: y.kept.dataset, table: y.kept.scope === 'communities-only' }] : []));
}
