/**
 * The command-line tool: `shequ-rules report | audit | schedule | explain | schema`.
 * Exit codes: 0 when no finding fails, 1 when one fails, 2 for bad usage or bad input.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { auditPolicy } from '../audit/audit-policy.js';
import { createPolicy, extendPolicy, isPolicy, type ParameterOverrides, type Policy, type ProvisionList } from '../create-policy.js';
import type { InputKind, RuleAbout } from '../provisions/declare.js';
import type { PolicyCore } from '../provisions/provision.js';
import { shapeOf } from '../evaluate/evaluate.js';
import { comparing } from '../evaluate/compare.js';
import { NINGGUO_2011_SOURCE } from '../policies/ningguo-2011.js';
import { applyStandard } from '../policies/standard-overlays.js';
import { STANDARDS } from '../policies/standards.js';
import { compareJson, compareText, type ComparedYear } from '../report/compare-report.js';
import { D } from '../decimal.js';
import { PolicyInputError, refused, type PolicyInputIssue, type Words } from '../errors.js';
import { amount as AMOUNT, count as COUNT, date as DATE, year as YEAR, type Kind } from '../kinds.js';
import { datasetJsonSchema } from '../evaluate/dataset.js';
import { jsonFinding, jsonSummary, markdownText, renderListed, TEXT_WIDTH, table, visible } from '../report/format-report.js';
import { wrapLine } from '../present/wrap.js';
import { TooManyToList, type ListSpec } from '../evaluate/tally.js';
import type { Finding } from '../evaluate/evaluate.js';
import { formatTrace, type Lang, type TraceStep } from '../trace.js';
import { headerTable } from '../read/headers.js';
import { isoDay } from '../values.js';
import { optionWords } from '../present/words.js';
import { showCount, showNumber, showShare } from '../present/format.js';
import { registerOf } from '../policies/interpretations.js';
import { inputLines, progressRows, progressTable } from '../report/input-report.js';
import { evaluateFiles, InputError, readColumnMap, type ReportData, type ReportYear } from './read-input.js';
import { checkStdout, FileOutput, type InputPlace, planOutput, ReaderGone, type Sink, StreamOutput } from './output.js';
import { Spool } from './spool.js';

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether standard error is a terminal (for the progress line). */
  readonly stderrIsTTY: boolean;
  /** The width of the terminal standard output is, when it is one (a text report fits it unless --width says otherwise). */
  readonly stdoutColumns?: number | undefined;
}

class UsageError extends Error {
  /** The message in both languages, when it has been written in both (a flag's value, a rule's refusal). */
  words?: Words;
}

/**
 * An error of Node's argument parser in both languages: its English as it says it, and the same in Chinese for the
 * kinds it raises (an unknown option, a missing value, a value where none is taken).
 */
function parseError(e: Error): UsageError {
  const en = e.message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '');
  const flag = /'(-[^']*)'/.exec(en)?.[1] ?? '';
  const zh = /Unknown option/.test(en)
    ? `没有选项 ${flag}`
    : /argument missing/.test(en)
      ? `选项 ${flag} 需要一个值`
      : /does not take an argument/.test(en)
        ? `选项 ${flag} 不接受值`
        : /Unexpected argument/.test(en)
          ? `多余的参数 ${flag}`
          : en;
  return usage({ zh, en });
}

/** A usage error said in both languages. */
function usage(words: Words): UsageError {
  const e = new UsageError(words.en);
  e.words = words;
  return e;
}

/** Issues as lines, each `<prefix>path: message`, in both languages. */
function issueLines(issues: readonly PolicyInputIssue[], where: (i: PolicyInputIssue) => string): Words {
  return {
    en: issues.map((i) => `${where(i)}${i.messages.en}`).join('\n'),
    zh: issues.map((i) => `${where(i)}${i.messages.zh}`).join('\n'),
  };
}

/** The language the command line asks for (`--lang en` or `--lang=en`), for its error messages; zh otherwise. */
function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

const VERSION = '0.1.0';

const HELP: Record<string, string> = {
  main: `shequ-rules ${VERSION} — the city's community-building policy as exact, cited rules

Usage: shequ-rules <command> [options]

Commands:
  report <file...|->               hold a city's data (.json, .csv, .xlsx) against the policy
  compare <file...|-> --policy ID  the same data under the city's document and other standards
  audit                            check the policy against itself (K1–K11)
  schedule fund|rollout            year-by-year city fund minimum or rural rollout
  explain <rule>                   one rule's computation, step by step
  schema [--columns]               the JSON Schema of a dataset, or the table's columns
  sql --dialect duckdb|postgres    the community checks as one exact SQL query

Run 'shequ-rules <command> --help' for a command's options.
Exit codes: 0 no finding fails, 1 a finding fails, 2 bad usage or bad input.`,
  report: `Usage: shequ-rules report <file...|-> [options]

Reads datasets (JSON, as 'shequ-rules schema' describes), CSV files (UTF-8,
UTF-16 or GB18030/GBK, as Excel or WPS saves them) or Excel workbooks (.xlsx,
a sheet per year) with one community per row, under a header in Chinese or
English ('shequ-rules schema --columns' lists the headers it knows); '-' for
standard input. Several files, a 年度 column or a sheet per year give several
years: each is evaluated, and the report shows the progress across them.

Options:
  --format text|markdown|json|ndjson|html|xlsx   output format (default text); ndjson is one
                                finding a line and each year's summary last, for pipelines; html is
                                one self-contained page with charts; xlsx needs --output
  --output FILE                 write the report to FILE instead of standard output
  --lang zh|en                  language (default zh)
  --year YEAR                   the year of a table that gives none, or the one year to report
  --columns FILE                a column map (JSON): { "header as written": "field" | null }
  --sheet NAME                  read only this sheet of a workbook (its name or number)
  --params FILE                 parameter overrides (JSON), e.g. {"staffing":{"rounding":"floor"}}
  --all                         list passing findings too
  --limit N                     list the worst N findings (text and markdown default 1000, html 500,
                                0 for all; at most 100000 are held to list); json and ndjson without
                                --limit write every finding in the order of the data
  --strict                      exit 1 also when a finding is unknown
  --width N                     the columns a line of the text report may take (at least 40; 0: do
                                not wrap); default the terminal's width when standard output is one,
                                else 100; long cells wrap in their column, a number or id is never cut
  --max-mb N                    refuse input larger than N MiB (default 1024)
  -h, --help                    this help

Exit code 0 when no finding fails, 1 when one does, 2 for bad input.`,
  compare: `Usage: shequ-rules compare <file...|-> --policy ID [--policy ID ...] [options]

Holds the same data against several policies and says what each asks beyond the first:
the communities that pass under one and fail under another, and how much more room,
staff and money. A policy is the city's document (ningguo-2011), a standard of the
registry (laid over the city's document: national-2011, national-2021, workers-18,
embedded-2023, embedded-centre, jiangsu-2022, changji-2023, complete-community-2022),
or a file (--policy mine.mjs, or a JSON document of changes). The first is the baseline;
with one --policy, the baseline is the city's document.

  --policy ID|FILE      a policy to compare (repeat it)
  --year YEAR           the year to evaluate (default: every year of the data)
  --on DATE             the day whose standards count as in force (default: the year's last day)
  --format FORMAT       text (default), markdown, json, html or xlsx
  --output FILE         write to FILE (required for xlsx)
  --lang zh|en          the language of the report (default zh)
  --width N             the columns a line of the text report may take, as for report
  --columns FILE, --sheet NAME, --max-mb N   as for report`,
  audit: `Usage: shequ-rules audit [--lang zh|en] [--format text|json] [--params FILE] [--width N]

Checks the policy against itself (K1–K10) with the given parameters.`,
  schedule: `Usage:
  shequ-rules schedule fund --base-year-total AMOUNT [--from 2011] [--to 2016] [--mode fixed-increment|compound]
  shequ-rules schedule rollout [--villages N] [--from 2011] [--to 2016] [--mode share-of-all|share-of-remaining]

Common options: --lang zh|en, --format text|json, --params FILE.`,
  // A getter: the rules' lines are derived from the provisions, after this object is made.
  get explain(): string {
    return `Usage: shequ-rules explain <rule> [--field value ...] [--lang zh|en] [--params FILE]

Rules and their fields:
${explainLines()}

Example: shequ-rules explain staff --households 3100`;
  },
  schema: `Usage: shequ-rules schema [--columns] [--lang zh|en]

Prints the JSON Schema (draft 2020-12) of a dataset; with --columns, the
columns a CSV or a workbook may have and the headers that mean each.`,
};

/** The help in Chinese, the CLI's default language (`--lang en` gives the English above). */
const HELP_ZH: Record<string, string> = {
  main: `shequ-rules ${VERSION} — 本市社区建设政策：精确、注明出处的规则

用法: shequ-rules <命令> [选项]

命令:
  report <文件...|->               用政策检查本市数据(.json、.csv、.xlsx)
  compare <文件...|-> --policy ID  同一份数据在本市文件和其他标准下的结果
  audit                            政策自查(K1–K11)
  schedule fund|rollout            逐年的市财政社区资金下限或农村社区推行进度
  explain <规则>                   一条规则的计算过程，逐步列出
  schema [--columns]               数据集的 JSON Schema，或表格可用的列

各命令的选项见 'shequ-rules <命令> --help'。
退出码: 0 没有未通过的结果，1 有未通过的结果，2 用法或输入有误。`,
  report: `用法: shequ-rules report <文件...|-> [选项]

读取数据集(JSON，见 'shequ-rules schema')、CSV 文件(UTF-8、UTF-16 或
GB18030/GBK，即 Excel 或 WPS 保存的格式)或 Excel 工作簿(.xlsx，每年一张表)，
每行一个社区，表头可用中文或英文('shequ-rules schema --columns' 列出可用的表头)；
'-' 表示标准输入。多个文件、“年度”列或每年一张表给出多个年度：逐年评估，并列出历年进展。

选项:
  --format text|markdown|json|ndjson|html|xlsx   输出格式(默认 text)；ndjson 每行一条结果，
                                最后是每年的汇总；html 是带图表的单个网页；xlsx 需要 --output
  --output 文件                 把报告写入文件，而不是标准输出
  --lang zh|en                  语言(默认 zh)
  --year 年份                   表格未写年度时的年度，或只报告这一年
  --columns 文件                列映射(JSON)：{ "表头原文": "字段" | null }
  --sheet 名称                  只读工作簿中的这张表(名称或序号)
  --params 文件                 参数覆盖(JSON)，如 {"staffing":{"rounding":"floor"}}
  --all                         也列出通过的结果
  --limit N                     只列出最严重的 N 条(text 和 markdown 默认 1000，html 500，
                                0 表示全部；最多保留 100000 条)；json 和 ndjson 不加 --limit
                                时按数据顺序写出全部结果
  --strict                      有无法判断的结果时也以 1 退出
  --width N                     文本报告每行最多占几列(至少 40；0 表示不折行)；默认：标准输出
                                是终端时取终端宽度，否则 100；过长的单元格在本列内折行，数字和
                                编号不会被断开
  --max-mb N                    拒绝大于 N MiB 的输入(默认 1024)
  -h, --help                    本帮助

退出码: 没有未通过的结果为 0，有则为 1，输入有误为 2。`,
  compare: `用法: shequ-rules compare <文件...|-> --policy ID [--policy ID ...] [选项]

用几种政策检查同一份数据，并说明每种比第一种多要求什么：在一种下通过、在另一种下
未通过的社区，以及多要求的用房、人员和资金。政策可以是本市文件(ningguo-2011)、登记的
标准(叠加在本市文件上：national-2011、national-2021、workers-18、embedded-2023、
embedded-centre、jiangsu-2022、changji-2023、complete-community-2022)，或一个文件
(--policy mine.mjs，或列出改动的 JSON)。第一个是基准；只给一个 --policy 时，基准是本市文件。

  --policy ID|文件      要比较的政策(可重复)
  --year 年份           评估的年度(默认：数据中的每一年)
  --on 日期             以哪一天有效的标准为准(默认：该年最后一天)
  --format 格式         text(默认)、markdown、json、html 或 xlsx
  --output 文件         写入文件(xlsx 必须给)
  --lang zh|en          报告的语言(默认 zh)
  --width N             文本报告每行最多占几列，同 report
  --columns 文件、--sheet 名称、--max-mb N   同 report`,
  audit: `用法: shequ-rules audit [--lang zh|en] [--format text|json] [--params 文件] [--width N]

按给定参数对政策进行政策自查(K1–K10)。`,
  schedule: `用法:
  shequ-rules schedule fund --base-year-total 金额 [--from 2011] [--to 2016] [--mode fixed-increment|compound]
  shequ-rules schedule rollout [--villages N] [--from 2011] [--to 2016] [--mode share-of-all|share-of-remaining]

通用选项: --lang zh|en、--format text|json、--params 文件。`,
  get explain(): string {
    return `用法: shequ-rules explain <规则> [--字段 值 ...] [--lang zh|en] [--params 文件]

规则及其字段:
${explainLines()}

例: shequ-rules explain staff --households 3100`;
  },
  schema: `用法: shequ-rules schema [--columns] [--lang zh|en]

输出数据集的 JSON Schema(draft 2020-12)；加 --columns 时，列出 CSV 或工作簿可用的列及对应的表头。`,
};

type Options = ParseArgsConfig['options'];
const common: Options = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  format: { type: 'string' },
  params: { type: 'string' },
  policy: { type: 'string' },
  width: { type: 'string' },
};

function parse(args: string[], options: Options) {
  const all = { ...common, ...options };
  try {
    return parseArgs({ args: negativeValues(args, all), options: all, allowPositionals: true, strict: true });
  } catch (e) {
    throw parseError(e as Error);
  }
}

/** A value that starts as a negative number does: `-3`, `-0.5`, `-.5`. */
const NEGATIVE = /^-\.?\d/;

/**
 * `--households -3` read as `--households=-3`. parseArgs takes a value that starts with a dash for an option of its
 * own and stops at "argument is ambiguous"; no option starts with a digit, so a negative number after a flag that
 * takes a value is that flag's value, which the flag's reader then refuses in the library's words (`not-a-count`, …).
 */
function negativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...out, ...args.slice(i)];
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (next !== undefined && NEGATIVE.test(next) && options !== undefined && Object.hasOwn(options, name) && options[name]!.type === 'string') {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function lang(v: unknown): Lang {
  if (v === undefined) return 'zh';
  if (v === 'zh' || v === 'en') return v;
  throw usage({ zh: `--lang 只能是 zh 或 en，收到 ${JSON.stringify(v)}`, en: `--lang must be zh or en, got ${JSON.stringify(v)}` });
}

function format<T extends string>(v: unknown, allowed: readonly T[]): T {
  if (v === undefined) return allowed[0]!;
  if (allowed.includes(v as T)) return v as T;
  throw usage({
    zh: `--format 只能是 ${allowed.join('、')} 之一，收到 ${JSON.stringify(v)}`,
    en: `--format must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`,
  });
}

/** Parameter overrides by group (`{ staffing: { rounding } }`) as dotted paths. */
const paths = (o: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? Object.entries(v).map(([l, x]) => [`${k}.${l}`, x]) : [[k, v]])),
  );

/**
 * The policy of `--policy FILE` (a JavaScript module whose default export, or export `policy`, is a policy made by
 * createPolicy or extendPolicy; or a JSON document laid over the city's: `{ source, parameters?, remove? }`), with
 * the overrides of `--params FILE` and a flag laid over it; the city's document as written without either.
 */
async function policyFrom(values: Record<string, unknown>, extra: ParameterOverrides = {}): Promise<Policy<ProvisionList>> {
  const file = values.policy;
  if (file === undefined) return paramsPolicy(values.params, extra);
  if (typeof file !== 'string') throw usage({ zh: '--policy 后面要给一个文件', en: '--policy takes a file' });
  let base: Policy<ProvisionList>;
  if (/\.[cm]?js$/i.test(file)) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(resolvePath(file)).href)) as Record<string, unknown>;
    } catch (e) {
      throw new InputError({
        en: `${file}: cannot load the policy module (${(e as Error).message})`,
        zh: `${file}：无法载入政策模块(${(e as Error).message})`,
      });
    }
    const found = isPolicy(mod.default) ? mod.default : isPolicy(mod.policy) ? mod.policy : undefined;
    if (!found)
      throw new InputError({
        en: `${file}: expected a module whose default export (or export "policy") is a policy made by createPolicy() or extendPolicy()`,
        zh: `${file}：模块的默认导出(或名为 policy 的导出)应是 createPolicy() 或 extendPolicy() 生成的政策`,
      });
    base = found;
  } else {
    const doc = readJson(file, 'policy');
    try {
      base = extendPolicy(createPolicy() as unknown as Policy<ProvisionList>, doc as never);
    } catch (e) {
      if (e instanceof PolicyInputError) throw new InputError(issueLines(e.issues, (i) => `${file}: ${i.path}: `));
      throw e;
    }
  }
  const over = { ...(typeof values.params === 'string' ? (readJson(values.params, 'parameters') as Record<string, unknown>) : {}) };
  for (const [k, v] of Object.entries(extra)) over[k] = typeof v === 'object' ? { ...(over[k] as object | undefined), ...v } : v;
  if (Object.keys(over).length === 0) return base;
  const source = {
    id: 'cli-params',
    body: { zh: '命令行', en: 'the command line' },
    title: { zh: '--params 与命令行选项', en: '--params and the command line' },
  };
  try {
    return extendPolicy(base, { source, parameters: paths(over) } as never);
  } catch (e) {
    if (e instanceof PolicyInputError)
      throw new InputError(issueLines(e.issues, (i) => `${typeof values.params === 'string' ? values.params : '--params'}: ${i.path}: `));
    throw e;
  }
}

/** A JSON file's object, or an input error naming the file. */
function readJson(file: string, what: 'parameters' | 'policy'): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read the ${what} file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new InputError(`${file}: expected a JSON object of ${what === 'parameters' ? 'parameter overrides' : 'changes ({ source, parameters?, remove? })'}`);
  return parsed as Record<string, unknown>;
}

function paramsPolicy(file: unknown, extra: ParameterOverrides = {}): Policy<ProvisionList> {
  let overrides: Record<string, unknown> = {};
  if (typeof file === 'string') {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new InputError(`${file}: cannot read the parameters file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    try {
      // Editors on Windows save JSON with a BOM: read it as the dataset reader does.
      overrides = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    } catch (e) {
      throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`);
    }
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides))
      throw new InputError(`${file}: expected a JSON object of parameter overrides`);
  }
  for (const [k, v] of Object.entries(extra)) {
    overrides[k] = typeof v === 'object' ? { ...(overrides[k] as object | undefined), ...v } : v;
  }
  try {
    return createPolicy(overrides as ParameterOverrides) as unknown as Policy<ProvisionList>;
  } catch (e) {
    if (e instanceof PolicyInputError) throw new InputError(issueLines(e.issues, (i) => `${typeof file === 'string' ? file : '--params'}: ${i.path}: `));
    throw e;
  }
}

/** A flag's value read as the catalogue reads text (../kinds.ts), or a usage error in its words. */
function flagValue<T>(kind: Kind<T>, name: string, v: unknown): T | undefined {
  if (v === undefined) return undefined;
  const read = kind.parse(String(v));
  if (read.ok) return read.value;
  const i = refused(`--${name}`, read.code, read.expected, v);
  throw usage({ en: `${i.path}: ${i.messages!.en}`, zh: `${i.path}: ${i.messages!.zh}` });
}

const integer = (name: string, v: unknown): number | undefined => flagValue(COUNT, name, v);

/**
 * The columns a text report's lines may take: `--width N` (0: no wrapping; else at least 40), else the width of the
 * terminal standard output is (when the report goes there), else 100.
 */
function widthArg(v: unknown, terminal: number | undefined): number {
  const n = integer('width', v);
  if (n === 0) return Infinity;
  if (n !== undefined && n < 40)
    throw usage({ zh: `--width 至少为 40(0 表示不折行)，收到 ${n}`, en: `--width must be at least 40 (0 for no wrapping), got ${n}` });
  if (n !== undefined) return n;
  return terminal !== undefined && Number.isInteger(terminal) && terminal > 0 ? Math.max(40, terminal) : TEXT_WIDTH;
}

/** Lines of text fitted to `width` columns, each going on indented under itself (audit, explain). */
const fitted = (text: string, width: number): string =>
  text
    .split('\n')
    .flatMap((l) => wrapLine(l, width))
    .join('\n');
const yearArg = (name: string, v: unknown): number | undefined => flagValue(YEAR, name, v);
const amountArg = (name: string, v: unknown): string | undefined => flagValue(AMOUNT, name, v)?.toString();

/** Text to a stream, every error met (a full disk is exit 2; a reader gone, a quiet end): see ./output.ts. */
async function write(s: Writable, text: string): Promise<void> {
  const out = new StreamOutput(s);
  await out.write(text);
  await out.end();
}

async function report(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    year: { type: 'string' },
    all: { type: 'boolean' },
    strict: { type: 'boolean' },
    'max-mb': { type: 'string' },
    limit: { type: 'string' },
    columns: { type: 'string' },
    sheet: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) return help(io, 'report', langOf(args));
  if (positionals.length === 0)
    throw usage({
      zh: 'report 需要一个或多个输入：.json、.csv 或 .xlsx 文件，或用 - 表示标准输入',
      en: 'report takes one or more inputs: .json, .csv or .xlsx files, or - for standard input',
    });
  const fmt = format(values.format, ['text', 'markdown', 'json', 'ndjson', 'html', 'xlsx'] as const);
  const output = values.output as string | undefined;
  const sheet = values.sheet as string | undefined;
  if (fmt === 'xlsx' && output === undefined)
    throw usage({
      zh: '--format xlsx 写出工作簿：请用 --output report.xlsx 指定文件',
      en: '--format xlsx writes a workbook: give the file with --output report.xlsx',
    });
  const lng = lang(values.lang);
  if (values.output !== undefined && values.output === '') throw usage({ zh: '--output 需要文件名', en: '--output needs a file name' });
  // The output is checked before anything is read: one that is an input (by any path or link) would replace the data.
  const inputs: InputPlace[] = [
    ...positionals.map((f) => (f === '-' ? { stdin: io.stdin } : { path: f })),
    ...[values.columns, values.params, values.policy].filter((f): f is string => typeof f === 'string').map((path) => ({ path })),
  ];
  const maxMb = integer('max-mb', values['max-mb']) ?? 1024;
  const year = yearArg('year', values.year);
  const limit = integer('limit', values.limit) ?? (fmt === 'text' || fmt === 'markdown' ? 1000 : fmt === 'html' ? 500 : 0);
  const plan = output === undefined ? undefined : planOutput(output, inputs);
  if (plan === undefined) checkStdout(io.stdout, inputs);
  const lineWidth = widthArg(values.width, plan === undefined ? io.stdoutColumns : undefined);
  const policy = await policyFrom(values);
  const columns = values.columns === undefined ? undefined : readColumnMap(values.columns as string);
  const all = values.all === true;
  // What is kept in memory: the worst `limit` findings in a bounded heap, never more than MAX_LISTED. JSON and NDJSON
  // without a limit keep none: their findings are spooled to a temporary file as they are decided, in data order.
  const streamed = (fmt === 'json' || fmt === 'ndjson') && limit === 0;
  // A workbook lists passing findings too; the HTML page never does.
  const listAll = fmt === 'xlsx' ? true : fmt === 'html' ? false : all;
  const list: ListSpec | undefined = streamed ? undefined : { limit: limit > 0 ? limit : Infinity, all: listAll, max: MAX_LISTED };
  const spool = streamed ? new Spool() : undefined;
  try {
    let data: ReportData;
    try {
      data = await evaluateFiles({
        files: positionals,
        stdin: io.stdin,
        policy,
        ...(year !== undefined && { year }),
        maxBytes: maxMb * 1024 * 1024,
        ...(list && { list }),
        ...(spool && { stream: { all, finding: (y: number, f: Finding) => spool.add(y, f) } }),
        ...(columns && { columns }),
        ...(sheet !== undefined && { sheet }),
        ...(io.stderrIsTTY && fmt !== 'json' && { progress: (n: number) => io.stderr.write(`\r${n} rows…`) }),
      });
    } catch (e) {
      if (e instanceof TooManyToList) {
        throw new InputError(
          `more than ${e.max} findings to list; ${fmt === 'xlsx' ? 'a workbook lists' : `--format ${fmt} lists`} at most ${e.max} (give --limit N for the worst N), while --format json or ndjson streams every one`,
        );
      }
      throw e;
    }
    const communities = data.years.reduce((n, y) => n + y.result.summary.communities, 0);
    if (io.stderrIsTTY && fmt !== 'json' && communities >= 100000) io.stderr.write('\n');
    const fail = data.years.some((y) => y.result.summary.counts.fail > 0);
    const unknown = data.years.some((y) => y.result.summary.counts.unknown > 0);
    const code = fail || (values.strict && unknown) ? 1 : 0;
    // A file's report goes to a temporary file, opened before the report is made, and takes the target's place only
    // when complete; whatever fails or interrupts it, the temporary file is removed and the target left as it was.
    const out = plan ? FileOutput.open(plan) : new StreamOutput(io.stdout);
    try {
      await writeReport(out, { data, policy, spool, fmt, lng, all, limit, positionals, width: lineWidth });
      await (out instanceof FileOutput ? out.commit() : out.end());
    } catch (e) {
      if (out instanceof FileOutput) out.abort();
      // A reader who stopped early (`| head`) has what it wanted: the exit code is still the verdict.
      if (e instanceof ReaderGone) return code;
      throw e;
    }
    return code;
  } finally {
    spool?.remove();
  }
}

interface ReportParts {
  readonly data: ReportData;
  readonly policy: PolicyCore;
  readonly spool: Spool | undefined;
  readonly fmt: 'text' | 'markdown' | 'json' | 'ndjson' | 'html' | 'xlsx';
  readonly lng: Lang;
  readonly all: boolean;
  readonly limit: number;
  readonly positionals: readonly string[];
  /** The columns a text line may take (Infinity: no wrapping). */
  readonly width: number;
}

/** The report in its format, written to `out`. */
async function writeReport(out: Sink, { data, policy, spool, fmt, lng, all, limit, positionals, width }: ReportParts): Promise<void> {
  if (fmt === 'json') {
    for await (const chunk of jsonReport(data, policy, spool)) await out.write(chunk);
  } else if (fmt === 'ndjson') {
    // One finding a line (the failing and unknown ones; --all adds the passing, --limit keeps the worst N), then the
    // year's summary as a line of its own: {"summary": …}.
    for (const y of data.years) {
      if (spool) for await (const chunk of spool.read(y.year)) await out.write(chunk);
      else for (const f of y.listed) await out.write(`${jsonFinding(f)}\n`);
      await out.write(`{"summary":${jsonSummary(y.result.summary, 0)}}\n`);
    }
  } else if (fmt === 'html') {
    const { reportHtml } = await import('../view/document.js'); // only for this format: the CLI starts without the views
    const source = positionals
      .filter((f) => f !== '-')
      .map((f) => basename(f))
      .join(', ');
    await out.write(
      reportHtml(
        data.years.map((y) => y.result),
        {
          lang: lng,
          policy,
          ...(source && { source }),
          ...(limit > 0 && { limit }),
          eligible: data.years.map((y) => y.eligible),
          names: data.names,
          // The text report's sections, as it says them: what was read, and the progress with its targets.
          input: inputLines(data.input, lng).map((l) => visible(l)),
          ...(data.years.length > 1 && { progress: progressTable(progressRows(data.years, policy), lng, shapeOf(policy)) }),
          // The day it was made; SOURCE_DATE_EPOCH (seconds) fixes it for a reproducible file.
          made: isoDay(
            process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH) ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date(),
          ),
          version: VERSION,
        },
      ),
    );
  } else if (fmt === 'xlsx') {
    const { xlsxReport } = await import('../report/xlsx-report.js');
    const { WorkbookError } = await import('../read/xlsx.js');
    let bytes: Uint8Array;
    try {
      bytes = await xlsxReport(data, policy, lng);
    } catch (e) {
      if (e instanceof WorkbookError) throw new InputError(e.words);
      throw e;
    }
    await out.write(bytes);
  } else {
    await out.write(readableReport(data, policy, fmt, lng, all, width));
  }
}

/** The most findings a report holds in memory to list (text, Markdown, HTML, a workbook, or JSON with --limit). */
const MAX_LISTED = 100_000;

/** Text or Markdown: what was read, each year's report, and the progress across the years. */
function readableReport(data: ReportData, policy: PolicyCore, fmt: 'text' | 'markdown', lng: Lang, all: boolean, width: number): string {
  const zh = lng === 'zh';
  const md = fmt === 'markdown';
  const parts: string[] = [];
  const input = inputLines(data.input, lng);
  const several = data.years.length > 1;
  for (const { year, result, listed, eligible } of data.years) {
    let text = renderListed(result.summary, listed, eligible, { format: fmt, lang: lng, all, names: data.names, kinds: shapeOf(policy), width });
    if (several)
      text = text
        .replace(/^(# )?(.*)\n/, (_, hash: string | undefined, title: string) => `${hash ?? ''}${title} · ${year}\n`)
        .replace(/^=+$/m, (u) => u + '='.repeat(md ? 0 : String(year).length + 3));
    parts.push(text);
  }
  if (several) {
    const rows = progressTable(progressRows(data.years, policy), lng, shapeOf(policy));
    const title = zh ? '历年进展' : 'Progress across the years';
    if (md) {
      const line = (cells: string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
      parts.push([`## ${title}`, '', line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line), ''].join('\n'));
    } else parts.push([`${title}:`, ...table(rows, undefined, { width, indent: 2 }).map((l) => `  ${l}`), ''].join('\n'));
  }
  if (data.otherYears.length) {
    const other = zh
      ? `(数据中另有 ${data.otherYears.join('、')} 年，按 --year 未报告)`
      : `(the data also holds ${data.otherYears.join(', ')}, not reported: --year)`;
    parts.push(`${(md ? [other] : wrapLine(other, width)).join('\n')}\n`);
  }
  const readTitle = zh ? '读取的数据' : 'Data read';
  const readPart = md
    ? [`## ${readTitle}`, '', ...input.map((l) => `- ${markdownText(l.trim())}`), ''].join('\n')
    : [`${readTitle}:`, ...input.flatMap((l) => wrapLine(`  ${l}`, width)), ''].join('\n');
  // What was read names files, sheets and headers as written: their control characters are shown, never obeyed.
  return visible([...parts, readPart].join('\n'));
}

/** One year of the JSON report, `{ findings, summary }` (indented as `formatReport` writes it), without its closing brace. */
async function* jsonYear(y: ReportYear, spool: Spool | undefined): AsyncGenerator<string> {
  yield '{\n  "findings": [';
  let first = true;
  if (spool) {
    // The spooled findings, a line each: "\n    " before each, "," between them.
    for await (const chunk of spool.read(y.year)) {
      const body = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
      yield `${first ? '' : ','}\n    ${body.replace(/\n/g, ',\n    ')}`;
      first = false;
    }
  } else {
    for (const f of y.listed) {
      yield `${first ? '' : ','}\n    ${jsonFinding(f)}`;
      first = false;
    }
  }
  yield `${first ? '' : '\n  '}],\n  "summary": ${jsonSummary(y.result.summary, 2).replace(/\n/g, '\n  ')}`;
}

/**
 * The JSON report: one year as `{ findings, summary, input }`; several as `{ years: [...], progress, input }`.
 * Exact values. Findings in data order (each year's communities, then the city's), or the worst N first with --limit.
 */
async function* jsonReport(data: ReportData, policy: PolicyCore, spool: Spool | undefined): AsyncGenerator<string> {
  const input = JSON.stringify(data.input, null, 2).replace(/\n/g, '\n  ');
  if (data.years.length === 1) {
    yield* jsonYear(data.years[0]!, spool);
    yield `,\n  "input": ${input}\n}\n`;
    return;
  }
  yield '{\n"years": [\n';
  let first = true;
  for (const y of data.years) {
    if (!first) yield ',\n';
    first = false;
    yield* jsonYear(y, spool);
    yield '\n}';
  }
  const progress = progressRows(data.years, policy).map((r) => ({
    year: r.year,
    urbanMeetingAll: r.urbanMeetingAll,
    urban: r.urban ?? null,
    ruralShareDue: r.ruralShareDue,
    rollout: r.rollout ?? null,
    fund: r.fund ?? null,
  }));
  yield `\n],\n"progress": ${JSON.stringify(progress, (_k, v: unknown) => (D.isDecimal(v) ? v.toFixed() : v))},\n"input": ${input}\n}\n`;
}

async function audit(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (values.help) return help(io, 'audit', langOf(args));
  if (positionals.length) throw usage({ zh: `audit 不接受参数，收到 ${positionals.join(' ')}`, en: `audit takes no arguments, got ${positionals.join(' ')}` });
  const fmt = format(values.format, ['text', 'json'] as const);
  const lng = lang(values.lang);
  const result = auditPolicy({ policy: await policyFrom(values) });
  if (fmt === 'json') {
    await write(io.stdout, `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const verdict = { consistent: lng === 'zh' ? '一致' : 'consistent', conflict: lng === 'zh' ? '冲突' : 'conflict', gap: lng === 'zh' ? '空白' : 'gap' };
  const lines = result.findings.map(
    (f) => `${f.id.padEnd(4)} ${verdict[f.verdict].padEnd(lng === 'zh' ? 3 : 10)} [${f.clauses.join(', ')}] ${f.title[lng]}\n     ${f.explanation[lng]}`,
  );
  await write(io.stdout, `${fitted(lines.join('\n'), widthArg(values.width, io.stdoutColumns))}\n`);
  return 0;
}

async function schedule(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    'base-year-total': { type: 'string' },
    base: { type: 'string' }, // its name before 0.2, still taken
    from: { type: 'string' },
    to: { type: 'string' },
    mode: { type: 'string' },
    villages: { type: 'string' },
  });
  if (values.help) return help(io, 'schedule', langOf(args));
  const kind = positionals[0];
  if (positionals.length !== 1 || (kind !== 'fund' && kind !== 'rollout'))
    throw usage({ zh: 'schedule 后面要给 fund 或 rollout', en: 'schedule takes one of: fund, rollout' });
  const fmt = format(values.format, ['text', 'json'] as const);
  const lng = lang(values.lang);
  const from = yearArg('from', values.from) ?? 2011;
  const to = yearArg('to', values.to) ?? 2016;
  if (kind === 'fund') {
    if (values.base !== undefined && values['base-year-total'] !== undefined)
      throw usage({ zh: '只给 --base-year-total(--base 是它的旧名)', en: 'give --base-year-total alone (--base is its former name)' });
    const base = values.base !== undefined ? amountArg('base', values.base) : amountArg('base-year-total', values['base-year-total']);
    if (base === undefined)
      throw usage({ zh: 'schedule fund 需要 --base-year-total：基年资金总额(元)', en: 'schedule fund needs --base-year-total, the base year’s total in yuan' });
    if (values.villages !== undefined) throw usage({ zh: '--villages 属于 schedule rollout', en: '--villages belongs to schedule rollout' });
    if (values.mode !== undefined && values.mode !== 'fixed-increment' && values.mode !== 'compound')
      throw usage({
        zh: `--mode 只能是 fixed-increment(固定增量)或 compound(逐年复合)，收到 ${JSON.stringify(values.mode)}`,
        en: `--mode must be fixed-increment or compound, got ${JSON.stringify(values.mode)}`,
      });
    const policy = await policyFrom(values, values.mode ? { funding: { mode: values.mode as 'compound' } } : {});
    const r = (policy as unknown as Policy).cityFundSchedule({ baseYearTotal: base, from, to });
    if (fmt === 'json') return write(io.stdout, `${JSON.stringify(r, null, 2)}\n`).then(() => 0);
    const head = lng === 'zh' ? ['年份', '下限(元)', '增加(元)'] : ['year', 'minimum (yuan)', 'increase (yuan)'];
    const rows = r.rows.map((x) => [String(x.year), showNumber(x.amount, 2).text, showNumber(x.increase, 2).text]);
    await write(io.stdout, `${columns([head, ...rows])}\n${readingLine(policy, r.clause, r.interpretations, lng)}\n`);
    return 0;
  }
  if (values.base !== undefined || values['base-year-total'] !== undefined)
    throw usage({ zh: '--base-year-total 属于 schedule fund', en: '--base-year-total belongs to schedule fund' });
  if (values.mode !== undefined && values.mode !== 'share-of-all' && values.mode !== 'share-of-remaining')
    throw usage({
      zh: `--mode 只能是 share-of-all(占全部村组)或 share-of-remaining(占尚未推行的村组)，收到 ${JSON.stringify(values.mode)}`,
      en: `--mode must be share-of-all or share-of-remaining, got ${JSON.stringify(values.mode)}`,
    });
  const villages = integer('villages', values.villages);
  const policy = await policyFrom(values, values.mode ? { rollout: { mode: values.mode as 'share-of-all' } } : {});
  const r = (policy as unknown as Policy).ruralRolloutSchedule({ from, to, ...(villages !== undefined && { villages }) });
  if (fmt === 'json') return write(io.stdout, `${JSON.stringify(r, null, 2)}\n`).then(() => 0);
  const head = lng === 'zh' ? ['年份', '累计比例', '当年新增', '应覆盖村(组)'] : ['year', 'share', 'increase', 'villages'];
  const rows = r.rows.map((x) => [
    String(x.year),
    showShare(x.share).text,
    showShare(x.increase).text,
    x.villagesCovered === undefined ? '—' : showCount(x.villagesCovered).text,
  ]);
  await write(io.stdout, `${columns([head, ...rows])}\n${readingLine(policy, r.clause, r.interpretations, lng)}\n`);
  return 0;
}

const columns = (rows: string[][]) => table(rows, 'right').join('\n');

/** A schedule's clause and readings in words: `[A.4.3；I1 第 y 年 = 基数 × (1 + 0.1 × 增长年数)]`. */
function readingLine(policy: PolicyCore, clause: string, uses: readonly { id: string; choice: string }[], lng: Lang): string {
  const register = registerOf(policy.provisions);
  const words = uses.map((u) => `${u.id} ${optionWords(u.choice, register.find((x) => x.id === u.id)?.options, lng)}`);
  return `[${[clause, ...words].join(lng === 'zh' ? '；' : '; ')}]`;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * `explain`'s words: each rule that declares a command, with its fields as flags (the name in kebab case unless it
 * declares one), and a field's former flag (deprecated, not in the help) beside its own.
 */
type Explain = Readonly<Record<string, { rule: string; fields: Record<string, { key: string; kind: InputKind; former?: true }> }>>;

/** Every rule of a policy's list with its inputs, by name. */
const rulesOf = (policy: PolicyCore): Readonly<Record<string, RuleAbout>> =>
  Object.fromEntries(policy.provisions.flatMap((p) => Object.entries(p.rules).map(([name, r]) => [name, r.about])));

/** `explain`'s table for a policy: its own rules, a user's provision's among them. */
const explainOf = (policy: PolicyCore): Explain =>
  Object.fromEntries(
    Object.entries(rulesOf(policy)).flatMap(([rule, r]) =>
      r.command === undefined
        ? []
        : [
            [
              r.command,
              {
                rule,
                fields: Object.fromEntries(
                  r.fields.flatMap((f) => [
                    [f.flag ?? kebab(f.name), { key: f.name, kind: f.kind }],
                    ...(f.was ? [[f.was.flag, { key: f.name, kind: f.kind, former: true }] as const] : []),
                  ]),
                ),
              },
            ],
          ],
    ),
  );

const PLACEHOLDER: Record<InputKind, string> = { count: 'N', year: 'YEAR', amount: 'AMOUNT', date: 'DATE' };

/** The city's document as written, for the help texts. */
const AS_WRITTEN: PolicyCore = /* @__PURE__ */ createPolicy();

/** One line per rule `explain` offers, with its flags (optional ones in brackets), as the provisions declare them. */
function explainLines(policy: PolicyCore = AS_WRITTEN): string {
  const table = explainOf(policy);
  return Object.entries(rulesOf(policy))
    .filter(([, r]) => r.command !== undefined)
    .map(([, r]) => {
      const flags = Object.entries(table[r.command!]!.fields).flatMap(([flag, f]) => {
        if (f.former) return [];
        const one = `--${flag} ${PLACEHOLDER[f.kind]}`;
        return r.fields.find((x) => x.name === f.key)!.required ? one : `[${one}]`;
      });
      return `  ${r.command!.padEnd(10)} ${flags.join(' ')}`;
    })
    .join('\n');
}

async function explain(args: string[], io: Io): Promise<number> {
  const name = args[0] && !args[0].startsWith('-') ? args[0] : undefined;
  // The policy first (a user's provision brings its own command): --policy and --params, read without the rule's flags.
  const at = (flag: string) => {
    const i = args.findIndex((a) => a === `--${flag}` || a.startsWith(`--${flag}=`));
    return i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
  };
  const policy = await policyFrom({ policy: at('policy'), params: at('params') });
  const EXPLAIN = explainOf(policy);
  const spec = name && Object.hasOwn(EXPLAIN, name) ? EXPLAIN[name] : undefined; // never 'constructor' from the prototype
  if (!spec) {
    if (args.includes('--help') || args.includes('-h')) return help(io, 'explain', langOf(args));
    throw usage({
      zh: `explain 后面要给一条规则：${Object.keys(EXPLAIN).join('、')}${name ? `(收到 ${JSON.stringify(name)})` : ''}`,
      en: `explain takes a rule: ${Object.keys(EXPLAIN).join(', ')}${name ? ` (got ${JSON.stringify(name)})` : ''}`,
    });
  }
  const { values } = parse(args.slice(1), Object.fromEntries(Object.keys(spec.fields).map((f) => [f, { type: 'string' as const }])));
  if (values.help) return help(io, 'explain', langOf(args));
  const lng = lang(values.lang);
  const input: Record<string, unknown> = {};
  const given: Record<string, string> = {};
  for (const [flag, { key, kind }] of Object.entries(spec.fields)) {
    const v = values[flag];
    if (v === undefined) continue;
    // A field's flag and its former flag name one field: give one.
    if (Object.hasOwn(given, key))
      throw usage({ zh: `--${given[key]} 和 --${flag} 是同一项：只给一个`, en: `--${given[key]} and --${flag} are the same field: give one` });
    given[key] = flag;
    input[key] = kind === 'count' ? integer(flag, v) : kind === 'year' ? yearArg(flag, v) : kind === 'amount' ? amountArg(flag, v) : flagValue(DATE, flag, v);
  }
  let result: { trace: readonly TraceStep[]; clause: string };
  try {
    result = ((policy as unknown as Record<string, unknown>)[spec.rule] as unknown as (i: unknown) => { trace: readonly TraceStep[]; clause: string })(input);
  } catch (e) {
    if (e instanceof PolicyInputError) {
      const flagOf = (path: string) => Object.entries(spec.fields).find(([, f]) => f.key === path)?.[0] ?? path;
      throw usage(issueLines(e.issues, (i) => `--${flagOf(i.path)}: `));
    }
    throw e;
  }
  const fmt = format(values.format, ['text', 'json', 'dot', 'json-graph'] as const);
  if (fmt === 'dot' || fmt === 'json-graph') return (await import('./graph.js')).explainGraph(io.stdout, spec.rule, input, policy, fmt, lng); // loaded only for these
  if (fmt === 'json') return write(io.stdout, `${JSON.stringify(result, null, 2)}\n`).then(() => 0);
  // The result first, in words, then how it was reached, then the readings it took.
  const { fieldInfo, fieldName, META_FIELDS, showValue } = await import('../view/fields.js');
  const r = result as unknown as Record<string, unknown> & { interpretations?: readonly { id: string; choice: string }[] };
  const shownValues = Object.keys(r)
    .filter((key) => !META_FIELDS.has(key) && r[key] !== undefined)
    .map((key) => `  ${fieldName(key, lng, spec.rule)}: ${showValue(r[key], fieldInfo(key, spec.rule)?.unit ?? 'flag', lng)}`);
  const register = registerOf(policy.provisions);
  const readings = (r.interpretations ?? []).map((u) => {
    const reading = register.find((x) => x.id === u.id);
    return `  ${u.id} ${reading ? `${reading.question[lng]} ${optionWords(u.choice, reading.options, lng)}` : u.choice}`;
  });
  const zh = lng === 'zh';
  const text = [
    `${zh ? '结果' : 'Result'} (${result.clause}):`,
    ...shownValues,
    `${zh ? '计算过程' : 'How it is computed'}:`,
    ...formatTrace(result.trace, lng).map((l) => `  ${l}`),
    ...(readings.length ? [`${zh ? '所用口径' : 'Readings used'}:`, ...readings] : []),
  ];
  await write(io.stdout, `${fitted(text.join('\n'), widthArg(values.width, io.stdoutColumns))}\n`);
  return 0;
}

async function schema(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { columns: { type: 'boolean' } });
  if (values.help) return help(io, 'schema', langOf(args));
  if (positionals.length)
    throw usage({ zh: `schema 不接受参数，收到 ${positionals.join(' ')}`, en: `schema takes no arguments, got ${positionals.join(' ')}` });
  if (values.columns) {
    const lng = lang(values.lang);
    const rows = headerTable();
    if (format(values.format, ['text', 'json'] as const) === 'json') return write(io.stdout, `${JSON.stringify(rows, null, 2)}\n`).then(() => 0);
    const head = lng === 'zh' ? ['字段', '名称', '类型', '单位', '可用的表头'] : ['field', 'name', 'kind', 'unit', 'headers'];
    const body = rows.map((r) => [r.key, lng === 'zh' ? r.zh : r.en, r.kind, r.unit, r.headers.join(lng === 'zh' ? '、' : ', ')]);
    const note =
      lng === 'zh'
        ? '表头比较前去掉空格、全角转半角、去掉末尾的单位(㎡)(m²)(平方米)(元)(户)(人)；表头为(万元)时数值乘以 10000。\n“流动人口”“人数”“面积”单独作表头时有歧义，请用 --columns 指明。'
        : 'Headers are compared without spaces, full-width made half-width, a unit at the end removed: (㎡) (m²) (平方米) (元) (户) (人); a header in (万元) multiplies by 10,000.\n流动人口, 人数 and 面积 alone are ambiguous: say what they are with --columns.';
    await write(io.stdout, `${table([head, ...body]).join('\n')}\n\n${note}\n`);
    return 0;
  }
  await write(io.stdout, `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
  return 0;
}

async function help(io: Io, topic: string, lng: Lang): Promise<number> {
  await write(io.stdout, `${(lng === 'zh' ? HELP_ZH : HELP)[topic]}\n`);
  return 0;
}

/** A policy of `compare --policy`: the city's document, a standard of the registry laid over it, or a file. */
async function comparedPolicy(given: string): Promise<Policy<ProvisionList>> {
  if (given === NINGGUO_2011_SOURCE.id) return createPolicy() as unknown as Policy<ProvisionList>;
  if (STANDARDS.some((x) => x.id === given))
    return applyStandard(createPolicy() as unknown as Policy<ProvisionList>, given) as unknown as Policy<ProvisionList>;
  if (/\.([cm]?js|json)$/i.test(given)) return policyFrom({ policy: given });
  throw usage({
    zh: `--policy 可以是 ${NINGGUO_2011_SOURCE.id}、登记的标准(${STANDARDS.map((x) => x.id).join('、')})或文件(.mjs、.js 或 .json)；收到 ${JSON.stringify(given)}`,
    en: `--policy takes ${NINGGUO_2011_SOURCE.id}, a standard of the registry (${STANDARDS.map((x) => x.id).join(', ')}) or a file (.mjs, .js or .json); got ${JSON.stringify(given)}`,
  });
}

async function compare(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    year: { type: 'string' },
    on: { type: 'string' },
    'max-mb': { type: 'string' },
    columns: { type: 'string' },
    sheet: { type: 'string' },
    output: { type: 'string', short: 'o' },
    policy: { type: 'string', multiple: true },
  });
  if (values.help) return help(io, 'compare', langOf(args));
  if (positionals.length === 0)
    throw usage({
      zh: 'compare 需要一个或多个输入：.json、.csv 或 .xlsx 文件，或用 - 表示标准输入',
      en: 'compare takes one or more inputs: .json, .csv or .xlsx files, or - for standard input',
    });
  const given = (values.policy as string[] | undefined) ?? [];
  if (given.length === 0)
    throw usage({
      zh: 'compare 需要一个用来比较的政策，例如 --policy national-2011(可重复 --policy)',
      en: 'compare needs a policy to compare: --policy national-2011, say (repeat --policy for more)',
    });
  const fmt = format(values.format, ['text', 'markdown', 'json', 'html', 'xlsx'] as const);
  const output = values.output as string | undefined;
  if (fmt === 'xlsx' && output === undefined)
    throw usage({
      zh: '--format xlsx 写出工作簿：请用 --output compare.xlsx 指定文件',
      en: '--format xlsx writes a workbook: give the file with --output compare.xlsx',
    });
  if (output === '') throw usage({ zh: '--output 需要文件名', en: '--output needs a file name' });
  const lng = lang(values.lang);
  const on = values.on === undefined ? undefined : flagValue(DATE, 'on', values.on);
  const inputs: InputPlace[] = [
    ...positionals.map((f) => (f === '-' ? { stdin: io.stdin } : { path: f })),
    ...[values.columns, ...given].filter((f): f is string => typeof f === 'string' && /[./\\]/.test(f)).map((path) => ({ path })),
  ];
  const plan = output === undefined ? undefined : planOutput(output, inputs);
  if (plan === undefined) checkStdout(io.stdout, inputs);
  const policies = await Promise.all(given.map(comparedPolicy));
  if (policies.length === 1 && given[0] !== NINGGUO_2011_SOURCE.id) policies.unshift(createPolicy() as unknown as Policy<ProvisionList>);
  if (policies.length < 2)
    throw usage({
      zh: 'compare 需要两个政策：本市文件和另一个(--policy national-2011)',
      en: 'compare needs two policies: the city’s document and another (--policy national-2011)',
    });
  const year = yearArg('year', values.year);
  const maxMb = integer('max-mb', values['max-mb']) ?? 1024;
  const columns = values.columns === undefined ? undefined : readColumnMap(values.columns as string);
  const sheet = values.sheet as string | undefined;
  // The data, read as report reads it (every cell checked), kept for the policies to evaluate it again.
  const data = await evaluateFiles({
    files: positionals,
    stdin: io.stdin,
    policy: policies[0]!,
    keep: true,
    list: { limit: 0, all: false },
    ...(year !== undefined && { year }),
    maxBytes: maxMb * 1024 * 1024,
    ...(columns && { columns }),
    ...(sheet !== undefined && { sheet }),
  });
  let years: ComparedYear[];
  try {
    years = data.years.map((y) => {
      const names = Object.fromEntries(y.kept!.dataset.communities.map((c) => [c.id, c.name]));
      const comparison = comparing(y.kept!.dataset, policies, on ?? `${y.year}-12-31`, y.kept!.scope);
      return { comparison, names };
    });
  } catch (e) {
    if (e instanceof PolicyInputError) throw new InputError(issueLines(e.issues, (i) => `--policy: ${i.path}: `));
    throw e;
  }
  const ids = policies.map((p) => p.sources.at(-1)!.id);
  const twice = ids.find((x, i) => ids.indexOf(x) !== i);
  if (twice !== undefined) throw usage({ zh: `--policy ${twice} 给了两次`, en: `--policy ${twice} is given twice` });
  const out = plan ? FileOutput.open(plan) : new StreamOutput(io.stdout);
  try {
    if (fmt === 'json') await out.write(compareJson(years, data.input));
    else if (fmt === 'html') {
      const { compareHtml } = await import('../view/compare.js');
      await out.write(compareHtml(years, lng));
    } else if (fmt === 'xlsx') {
      const { WorkbookError } = await import('../read/xlsx.js');
      const { compareXlsx } = await import('../report/compare-xlsx.js');
      try {
        await out.write(await compareXlsx(years, lng, { policies, input: data.input }));
      } catch (e) {
        if (e instanceof WorkbookError) throw new InputError(e.words);
        throw e;
      }
    } else await out.write(compareText(years, data.input, lng, fmt === 'markdown', widthArg(values.width, plan === undefined ? io.stdoutColumns : undefined)));
    await (out instanceof FileOutput ? out.commit() : out.end());
  } catch (e) {
    if (out instanceof FileOutput) out.abort();
    if (e instanceof ReaderGone) return 0;
    throw e;
  }
  // The exit code says whether an alternative asks more than the baseline: 1 when a community fails under any.
  return years.some((y) => y.comparison.policies.some((p) => p.counts.fail > 0)) ? 1 : 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  report,
  compare,
  audit,
  schedule,
  explain,
  schema,
  sql: async (args, io) => (await import('./sql.js')).sql(args, io, policyFrom),
};

/**
 * Run the CLI with `argv` (without node and the script) and return the exit code.
 * @internal
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const lng = langOf(rest);
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') return await help(io, 'main', lng);
    if (command === '--version' || command === '-v') return await write(io.stdout, `${VERSION}\n`).then(() => 0);
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined; // never '__proto__' or 'toString'
    if (!run)
      throw usage({
        zh: `没有命令 ${JSON.stringify(command)}；可用的命令：${Object.keys(COMMANDS).join('、')}`,
        en: `unknown command ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(', ')}`,
      });
    return await run(rest, io);
  } catch (e) {
    // A reader who stopped early (`shequ-rules audit | head`): nothing went wrong.
    if (e instanceof ReaderGone) return 0;
    // Messages quote the data (a cell, a header, a file name): its control characters are shown, never obeyed.
    const say = (text: string) => io.stderr.write(visible(text));
    if (e instanceof UsageError || e instanceof InputError) {
      const words = e.words;
      const more = lng === 'zh' ? '用法见 shequ-rules --help。\n' : "Run 'shequ-rules --help' for usage.\n";
      say(`shequ-rules: ${words ? words[lng] : e.message}\n${e instanceof UsageError ? more : ''}`);
      return 2;
    }
    if (e instanceof PolicyInputError) {
      // Issues in the language of --lang.
      const zh = () =>
        `${e.context ? `${e.context} 的输入无效` : '输入无效'}：${e.issues.map((i) => (i.path ? `${i.path}: ${i.messages.zh}` : i.messages.zh)).join('；')}`;
      say(`shequ-rules: ${lng === 'en' ? e.message : zh()}\n`);
      return 2;
    }
    // A file that fails while it is read (unreadable, a device error): bad input, said as such, not an internal error.
    const sys = e as NodeJS.ErrnoException;
    if (e instanceof Error && typeof sys.code === 'string' && typeof sys.syscall === 'string') {
      say(`shequ-rules: ${sys.path ?? 'the input'}: cannot read it (${sys.code})\n`);
      return 2;
    }
    throw e;
  }
}
