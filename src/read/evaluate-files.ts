/**
 * Files of a city's data held against a policy, as they are read: every
 * community goes from {@link readFile} straight to the evaluation of its year
 * (the status codes tallied, its findings streamed, the worst kept in a
 * bounded list), so nothing but the findings asked for is kept, however many
 * rows there are. Several files, or a 年度 column, give several years, each
 * evaluated on its own. Every unreadable cell is named with its file, sheet,
 * row and header as written — all of them, up to 50. The CLI and the
 * explorer's page both evaluate files with {@link evaluateFiles}.
 */
import { describeValue, type Words } from '../errors.js';
import type { CommunityRecord, Dataset } from '../evaluate/dataset.js';
import { checkYear, communityFinding, communityStatuses, compile, type Compiled, type Finding } from '../evaluate/evaluate.js';
import { cityTail } from '../evaluate/city.js';
import { Tally, type FindingSource, type ListSpec } from '../evaluate/tally.js';
import type { PolicyCore } from '../provisions/provision.js';
import type { FileEvaluation, FileInput, YearEvaluation } from './notes.js';
import { InputError, lines, readFile, rowAt, type FileSource, type ReadFileOptions, type RecordSink, type Where } from './read-file.js';
import type { RowView } from './table.js';

/** Options of {@link evaluateFiles}: how the files are read, and what is kept of the findings. */
export interface EvaluateFilesOptions extends ReadFileOptions {
  readonly policy: PolicyCore;
  /**
   * The findings kept in memory for the report, worst first, in a bounded heap (city findings are kept besides,
   * for the progress across the years).
   */
  readonly list?: ListSpec;
  /** Where each community finding goes as it is decided (failing and unknown; passing ones too with `all`). */
  readonly stream?: FindingStream;
  /** Called every 100,000 rows with the count so far. */
  readonly progress?: (rows: number) => void;
  /** Keep each year's data (its records in memory), for a comparison that evaluates it again under other policies. */
  readonly keep?: boolean;
}

/** Findings handed on as they are decided, never kept: one year's community findings in data order, then its city findings. */
export interface FindingStream {
  /** Passing findings too. */
  readonly all: boolean;
  finding(year: number, f: Finding): void;
}

/** One year of the report: its evaluation (the listed findings and the city's), and what a report lists. */
export interface ReportYear extends YearEvaluation {
  /** The findings to list, worst first (the list asked for in {@link EvaluateFilesOptions}). */
  readonly listed: readonly Finding[];
  /** How many findings could have been listed (failing and unknown; with `all`, passing too). */
  readonly eligible: number;
  /** With `keep`: the year's data, and whether it could carry the city's own figures (a JSON dataset) or not (a table). */
  readonly kept?: { readonly dataset: Dataset; readonly scope: 'dataset' | 'communities-only' };
}

/** What {@link evaluateFiles} returns. */
export interface ReportData extends FileEvaluation {
  readonly years: readonly ReportYear[];
}

const MAX_PROBLEMS = 50;

interface YearState {
  readonly k: Compiled;
  /** Counts, totals owed and the worst findings, from the status codes (the machinery evaluateCity uses). */
  readonly tally: Tally;
  readonly codes: Uint8Array;
  /** The community being tallied, and the one source of its findings (made only for what the tally keeps). */
  current: CommunityRecord | undefined;
  /** The row being tallied when it came as a view: its record is made when a finding is (`current`). */
  view: RowView | undefined;
  readonly src: FindingSource;
  /**
   * Ids seen in this year across tables (only when there are several: a table checks its own), with where: the
   * table's number × 2³² + the row.
   */
  readonly ids: Map<string, number>;
  /** Communities read from tables. */
  rows: number;
  dataset?: Dataset;
  /** With `keep`: the communities read from tables. */
  readonly kept: CommunityRecord[];
}

/** The records of the files, evaluated by year as they come. */
class Collector implements RecordSink {
  readonly states = new Map<number, YearState>();
  readonly problemList: Words[] = [];
  problemCount = 0;
  readonly other = new Set<number>();
  rows = 0;
  acrossTables: boolean;
  /** Names of the communities whose findings were made for the list, for the report. */
  readonly names: Record<string, string> = {};
  /** Where each table is, for messages: its file, its sheet and what its rows are called. */
  private readonly tables: Where[] = [];

  constructor(
    private readonly o: EvaluateFilesOptions,
    private readonly files: number,
  ) {
    this.acrossTables = files > 1;
  }

  state(year: number): YearState | undefined {
    if (this.o.year !== undefined && year !== this.o.year) {
      this.other.add(year);
      return undefined;
    }
    let s = this.states.get(year);
    if (!s) {
      checkYear(year, 'report'); // the year's range
      const k = compile(this.o.policy, year);
      const state: YearState = {
        k,
        tally: new Tally(k, this.o.list),
        codes: new Uint8Array(k.n),
        ids: new Map(),
        current: undefined,
        view: undefined,
        rows: 0,
        kept: [],
        src: {
          finding: (_i: number, j: number, code: number) => {
            const c = (state.current ??= state.view!.full());
            this.names[c.id] = c.name;
            return communityFinding(c, k, j, code);
          },
        },
      };
      s = state;
      this.states.set(year, s);
    }
    return s;
  }

  problem(message: Words): void {
    this.problemCount++;
    if (this.problemList.length < MAX_PROBLEMS) this.problemList.push(message);
  }

  problems(shown: readonly Words[], count: number): void {
    for (const p of shown) this.problem(p);
    this.problemCount += count - shown.length;
  }

  table(where: Where): number {
    return this.tables.push(where) - 1;
  }

  dataset(file: string, d: Dataset): void {
    if (this.o.year !== undefined && this.o.year !== d.year && this.files === 1)
      throw new InputError(`${file}: the data is for ${d.year}, but --year says ${this.o.year}`);
    const s = this.state(d.year);
    if (s) {
      if (s.dataset || s.ids.size > 0) throw new InputError(`${file}: a second dataset for ${d.year}; give each year once`);
      s.dataset = d;
    }
  }

  community(c: CommunityRecord, year: number, table: number, row: number): void {
    const s = this.state(year);
    if (!s) return;
    if (this.acrossTables) {
      const first = s.ids.get(c.id);
      if (first !== undefined) {
        const here = rowAt(this.tables[table]!, row);
        const there = rowAt(this.tables[Math.floor(first / 2 ** 32)]!, first % 2 ** 32);
        return this.problem({
          en: `${here.en}: duplicate id ${describeValue(c.id)} in ${year} (first at ${there.en})`,
          zh: `${here.zh}：${year} 年的编号 ${describeValue(c.id, 'zh')} 重复(第一次出现在 ${there.zh})`,
        });
      }
      s.ids.set(c.id, table * 2 ** 32 + row);
    }
    s.rows++;
    if (this.o.keep) s.kept.push(c);
    this.evaluate(s, year, c);
    this.rows++;
    if (this.o.progress && this.rows % 100000 === 0) this.o.progress(this.rows);
  }

  /**
   * A community read quickly, as a view of its row: evaluated from the reused record, a record of its own made
   * only for a finding that is kept or handed on (and for the cases that keep the record or its id).
   */
  communityView(v: RowView, year: number, table: number, row: number): void {
    if (this.acrossTables || this.o.keep) return this.community(v.full(), year, table, row);
    const s = this.state(year);
    if (!s) return;
    s.rows++;
    s.current = undefined;
    s.view = v;
    this.decide(s, year, v.record);
    s.view = undefined;
    this.rows++;
    if (this.o.progress && this.rows % 100000 === 0) this.o.progress(this.rows);
  }

  /** One community's verdicts, tallied; its findings streamed (a finding object only for what is handed on or listed). */
  evaluate(s: YearState, year: number, c: CommunityRecord): void {
    s.current = c;
    this.decide(s, year, c);
  }

  /** The verdicts of the community `c` holds the values of (its record is `s.current`, or made from `s.view`). */
  private decide(s: YearState, year: number, c: CommunityRecord): void {
    communityStatuses(c, s.k, s.codes, 0);
    s.tally.community(c, s.codes, 0, s.src, this.rows);
    const stream = this.o.stream;
    if (!stream || this.problemCount > 0) return; // nothing is reported once the input has a problem
    for (let j = 0; j < s.k.n; j++) {
      const code = s.codes[j]!;
      if (code === 0 || (code === 1 && !stream.all)) continue;
      stream.finding(year, communityFinding((s.current ??= s.view!.full()), s.k, j, code));
    }
  }
}

/**
 * Evaluate files of a city's data: every year they hold (or the one `year` picks), with what was read from each.
 * Community findings go to `stream` as they are decided and to the bounded list of `list`; none is kept otherwise.
 *
 * @param files - each file's name and bytes (all of them, or a stream of chunks), or a function that opens it when its
 *   turn comes
 * @param options - the policy, how the files are read (year, column map, sheet, most bytes), what is kept of the findings
 * @returns each year's evaluation with the findings listed, what was read from each file, the years not evaluated
 * @throws {@link InputError} naming every problem of the files (the first 50), and a year asked for that the data does not hold
 */
export async function evaluateFiles(files: readonly (FileSource | (() => FileSource))[], options: EvaluateFilesOptions): Promise<ReportData> {
  const o = options;
  const c = new Collector(o, files.length);
  const input: FileInput[] = [];
  const names: string[] = [];
  for (const file of files) {
    const source = typeof file === 'function' ? file() : file;
    names.push(source.name);
    input.push(await readFile(source, o, c));
  }
  if (c.problemCount > 0) {
    const more = c.problemCount - c.problemList.length;
    throw new InputError(lines([...c.problemList, ...(more > 0 ? [{ en: `… and ${more} more problems`, zh: `……另有 ${more} 个问题` }] : [])]));
  }
  if (c.states.size === 0) {
    if (o.year !== undefined && c.other.size > 0) {
      // The year asked for and the data's own year disagree: both named, with where the data's year came from.
      const said = input.flatMap((f) =>
        f.tables.flatMap((t) => {
          const y = t.notes.year;
          if (y.year === undefined || y.from.some((w) => w.en === '--year')) return [];
          const where = t.sheet !== undefined ? { en: `${f.file}, sheet "${t.sheet}"`, zh: `${f.file} 工作表“${t.sheet}”` } : { en: f.file, zh: f.file };
          return [
            {
              en: `${where.en}: ${y.year} from ${y.from.map((w) => w.en).join(' and ')}`,
              zh: `${where.zh}：${y.year} 年，取自${y.from.map((w) => w.zh).join('、')}`,
            },
          ];
        }),
      );
      const holds = [...c.other].sort();
      throw new InputError({
        en: `${names.join(', ')}: no data for ${o.year}; the data holds ${holds.join(', ')}${said.length ? ` (${said.map((w) => w.en).join('; ')})` : ''}`,
        zh: `${names.join(', ')}: 没有 ${o.year} 年的数据(--year)；数据是 ${holds.join('、')} 年的${said.length ? `(${said.map((w) => w.zh).join('；')})` : ''}`,
      });
    }
    const table = input.find((f) => f.format !== 'json');
    if (table) throw new InputError(`${table.file}: no community rows to evaluate`);
  }
  const years: ReportYear[] = [];
  const all = o.list?.all ?? false;
  for (const [year, s] of [...c.states].sort(([a], [b]) => a - b)) {
    if (s.dataset && s.rows > 0) throw new InputError(`${names.join(', ')}: ${year} is given both by a JSON dataset and by a table; give each year once`);
    // A dataset's communities through the same path as a table's rows (the dataset was validated whole).
    for (const community of s.dataset?.communities ?? []) {
      c.evaluate(s, year, community);
      c.rows++;
    }
    // A table of communities carries no villages, budgets or projects: those checks are not evaluated, with reasons.
    const city = cityTail(s.dataset ?? { year, communities: [] }, o.policy, s.tally, s.dataset ? 'dataset' : 'communities-only');
    if (o.stream) for (const f of city) if (o.stream.all || f.status !== 'pass') o.stream.finding(year, f);
    const summary = s.tally.build(year);
    const listed = s.tally.listed();
    // The city findings are kept besides the list: the progress across the years reads them.
    const findings = [...listed, ...city.filter((f) => !listed.includes(f))];
    const n = summary.counts;
    const kept = o.keep
      ? { dataset: s.dataset ?? { year, communities: s.kept }, scope: s.dataset ? ('dataset' as const) : ('communities-only' as const) }
      : undefined;
    years.push({ year, result: { findings, summary }, listed, eligible: n.fail + n.unknown + (all ? n.pass : 0), ...(kept && { kept }) });
  }
  const listedIds = new Set(years.flatMap((y) => y.listed.map((f) => f.subject)));
  const communityNames = Object.fromEntries(Object.entries(c.names).filter(([id]) => listedIds.has(id)));
  return { years, input, otherYears: [...c.other].sort((a, b) => a - b), names: communityNames };
}
