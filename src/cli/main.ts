/**
 * The command-line tool: `shequ-rules report | audit | schedule | explain | schema`.
 * Exit codes: 0 when no finding fails, 1 when one fails, 2 for bad usage or bad input.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { auditPolicy } from '../audit/audit-policy.js';
import { createPolicy, type Policy } from '../create-policy.js';
import { PolicyInputError } from '../errors.js';
import { datasetJsonSchema } from '../evaluate/dataset.js';
import type { ParameterOverrides } from '../policy/overrides.js';
import { jsonFinding, jsonSummary, renderListed, table } from '../report/format-report.js';
import { formatTrace, type Lang, type TraceStep } from '../trace.js';
import { evaluateFile, InputError } from './read-input.js';

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether standard error is a terminal (for the progress line). */
  readonly stderrIsTTY: boolean;
}

class UsageError extends Error {}

const VERSION = '0.1.0';

const HELP: Record<string, string> = {
  main: `shequ-rules ${VERSION} — the city's community-building policy as exact, cited rules

Usage: shequ-rules <command> [options]

Commands:
  report <file.json|file.csv|->   hold a city's data against the policy
  audit                            check the policy against itself (K1–K10)
  schedule fund|rollout            year-by-year city fund minimum or rural rollout
  explain <rule>                   one rule's computation, step by step
  schema                           the JSON Schema of a dataset

Run 'shequ-rules <command> --help' for a command's options.
Exit codes: 0 no finding fails, 1 a finding fails, 2 bad usage or bad input.`,
  report: `Usage: shequ-rules report <file.json|file.csv|-> [options]

Reads a dataset (JSON, as 'shequ-rules schema' describes) or a CSV with one
community per row (its header naming the community fields: id,name,kind,
households,residents,...), '-' for standard input, and reports every finding.

Options:
  --format text|markdown|json|ndjson|html
                                output format (default text); json holds the summary and
                                the failing and unknown findings, ndjson one finding a line
                                and the summary last; html is one self-contained page with
                                charts, for a browser
  --output FILE                 write the report to FILE instead of standard output
  --lang zh|en                  language (default zh)
  --year YEAR                   the year, required for CSV
  --params FILE                 parameter overrides (JSON), e.g. {"staffing":{"rounding":"floor"}}
  --all                         list passing findings too
  --limit N                     list at most N findings, worst first (text and markdown:
                                default 1000, 0 for all up to 100000; json and ndjson:
                                default all, in the data's order)
  --strict                      exit 1 also when a finding is unknown
  --max-mb N                    refuse input larger than N MiB (default 1024)
  -h, --help                    this help

Exit code 0 when no finding fails, 1 when one does, 2 for bad input.`,
  audit: `Usage: shequ-rules audit [--lang zh|en] [--format text|json] [--params FILE]

Checks the policy against itself (K1–K10) with the given parameters.`,
  schedule: `Usage:
  shequ-rules schedule fund --base AMOUNT [--from 2011] [--to 2016] [--mode fixed-increment|compound]
  shequ-rules schedule rollout [--villages N] [--from 2011] [--to 2016] [--mode share-of-all|share-of-remaining]

Common options: --lang zh|en, --format text|json, --params FILE.`,
  explain: `Usage: shequ-rules explain <rule> [--field value ...] [--lang zh|en] [--params FILE]

Rules and their fields:
  staff      --households N [--floating-households N]
  rooms      --residents N | --households N (on a per-household standard)
  size       --households N --residents N
  plan       --households N --residents N
  rollout    --year YEAR [--villages N]
  fund       --base AMOUNT --year YEAR
  subsidy    --communities N [--year YEAR] [--active-from DATE] [--active-to DATE]
  developer  --floor-area M2 [--residents N] [--households N] [--price YUAN]
  targets    --year YEAR

Example: shequ-rules explain staff --households 3100`,
  schema: `Usage: shequ-rules schema

Prints the JSON Schema (draft 2020-12) of a dataset.`,
};

type Options = ParseArgsConfig['options'];
const common: Options = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  format: { type: 'string' },
  params: { type: 'string' },
};

function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function lang(v: unknown): Lang {
  if (v === undefined) return 'zh';
  if (v === 'zh' || v === 'en') return v;
  throw new UsageError(`--lang must be zh or en, got ${JSON.stringify(v)}`);
}

function format<T extends string>(v: unknown, allowed: readonly T[]): T {
  if (v === undefined) return allowed[0]!;
  if (allowed.includes(v as T)) return v as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
}

function policyFrom(file: unknown, extra: ParameterOverrides = {}): Policy {
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
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) throw new InputError(`${file}: expected a JSON object of parameter overrides`);
  }
  for (const [k, v] of Object.entries(extra)) {
    overrides[k] = typeof v === 'object' ? { ...(overrides[k] as object | undefined), ...v } : v;
  }
  try {
    return createPolicy(overrides as ParameterOverrides);
  } catch (e) {
    if (e instanceof PolicyInputError) throw new InputError(e.issues.map((i) => `${typeof file === 'string' ? file : '--params'}: ${i.path}: ${i.message}`).join('\n'));
    throw e;
  }
}

function integer(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && /^\d{1,16}$/.test(v)) return Number(v);
  throw new UsageError(`--${name} must be a whole number, got ${JSON.stringify(v)}`);
}

function amountArg(name: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) return v;
  throw new UsageError(`--${name} must be a number ≥ 0 such as 1000000 or 199999.5, got ${JSON.stringify(v)}`);
}

/** A file to write a report to, opened before anything is written (so a bad path is a usage error, exit 2). */
async function openOutput(file: string): Promise<Writable> {
  const stream = createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e: NodeJS.ErrnoException) => reject(new InputError(`${file}: cannot write the report (${e.code ?? e.message})`)));
  });
  return stream;
}

const write = (s: Writable, text: string) => new Promise<void>((resolve) => (s.write(text) ? resolve() : s.once('drain', resolve)));

/** The most findings a text or Markdown report (or a JSON one with --limit) holds to order them. */
const MAX_LISTED = 100_000;

async function report(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    year: { type: 'string' },
    all: { type: 'boolean' },
    strict: { type: 'boolean' },
    'max-mb': { type: 'string' },
    limit: { type: 'string' },
    output: { type: 'string' },
  });
  if (values.help) return help(io, 'report');
  if (positionals.length !== 1) throw new UsageError('report takes one input: a .json or .csv file, or - for standard input');
  const fmt = format(values.format, ['text', 'markdown', 'json', 'ndjson', 'html'] as const);
  const lng = lang(values.lang);
  if (values.output !== undefined && values.output === '') throw new UsageError('--output needs a file name');
  const maxMb = integer('max-mb', values['max-mb']) ?? 1024;
  const policy = policyFrom(values.params);
  const year = integer('year', values.year);
  if (year !== undefined) policy.targets({ year }); // range check
  const all = values.all === true;
  const limit = integer('limit', values.limit);
  const machine = fmt === 'json' || fmt === 'ndjson';
  // Text and Markdown list the worst 1,000 by default; JSON and NDJSON stream every finding unless given a limit.
  // A limit of 0 means every finding; text and Markdown refuse more than MAX_LISTED (they hold them to order them).
  const stream = machine && !limit;
  const listLimit = stream ? 0 : fmt === 'html' ? Infinity : (limit ?? 1000) || Infinity;
  const result = await evaluateFile({
    file: positionals[0]!,
    stdin: io.stdin,
    policy,
    ...(year !== undefined && { year }),
    maxBytes: maxMb * 1024 * 1024,
    list: { limit: listLimit, all, max: MAX_LISTED },
    stream,
    ...(io.stderrIsTTY && !machine && { progress: (n: number) => io.stderr.write(`\r${n} rows…`) }),
  });
  const out = values.output === undefined ? io.stdout : await openOutput(values.output as string);
  try {
    const summary = result.summary;
    if (io.stderrIsTTY && !machine && summary.communities >= 100000) io.stderr.write('\n');
    if (fmt === 'json') {
      await write(out, '{\n  "findings": [');
      let first = true;
      const items = stream ? result.findings() : once(result.listed);
      for await (const batch of items) {
        let text = '';
        for (const f of batch) {
          text += `${first ? '' : ','}\n    ${jsonFinding(f)}`;
          first = false;
        }
        if (text) await write(out, text);
      }
      await write(out, `${first ? '' : '\n  '}],\n  "summary": ${jsonSummary(summary).replace(/\n/g, '\n  ')}\n}\n`);
    } else if (fmt === 'ndjson') {
      const items = stream ? result.findings() : once(result.listed);
      for await (const batch of items) {
        let text = '';
        for (const f of batch) text += `${jsonFinding(f)}\n`;
        if (text) await write(out, text);
      }
      await write(out, `{"summary":${jsonSummary(summary, 0)}}\n`);
    } else if (fmt === 'html') {
      const htmlLimit = limit ?? 500;
      const { reportHtml } = await import('../view/document.js'); // only for this format: the CLI starts without the views
      // The page counts what it leaves out from the findings it is given: it gets every one it may list (up to MAX_LISTED).
      await write(out, reportHtml({ findings: result.listed, summary }, { lang: lng, policy, source: positionals[0] === '-' ? undefined : basename(positionals[0]!), ...(htmlLimit > 0 && { limit: htmlLimit }) }));
    } else {
      const c = summary.counts;
      const eligible = c.fail + c.unknown + (all ? c.pass : 0);
      await write(out, renderListed(summary, result.listed, eligible, { format: fmt, lang: lng, all }));
    }
    if (out !== io.stdout) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    return summary.counts.fail > 0 || (values.strict && summary.counts.unknown > 0) ? 1 : 0;
  } finally {
    result.close();
  }
}

async function* once<T>(x: T): AsyncGenerator<T> {
  yield x;
}

async function audit(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (values.help) return help(io, 'audit');
  if (positionals.length) throw new UsageError(`audit takes no arguments, got ${positionals.join(' ')}`);
  const fmt = format(values.format, ['text', 'json'] as const);
  const lng = lang(values.lang);
  const result = auditPolicy(policyFrom(values.params));
  if (fmt === 'json') {
    await write(io.stdout, `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const verdict = { consistent: lng === 'zh' ? '一致' : 'consistent', conflict: lng === 'zh' ? '冲突' : 'conflict', gap: lng === 'zh' ? '空白' : 'gap' };
  const lines = result.findings.map((f) => `${f.id.padEnd(4)} ${verdict[f.verdict].padEnd(lng === 'zh' ? 3 : 10)} [${f.clauses.join(', ')}] ${f.title[lng]}\n     ${f.explanation[lng]}`);
  await write(io.stdout, `${lines.join('\n')}\n`);
  return 0;
}

async function schedule(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    base: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    mode: { type: 'string' },
    villages: { type: 'string' },
  });
  if (values.help) return help(io, 'schedule');
  const kind = positionals[0];
  if (positionals.length !== 1 || (kind !== 'fund' && kind !== 'rollout')) throw new UsageError('schedule takes one of: fund, rollout');
  const fmt = format(values.format, ['text', 'json'] as const);
  const lng = lang(values.lang);
  const from = integer('from', values.from) ?? 2011;
  const to = integer('to', values.to) ?? 2016;
  if (kind === 'fund') {
    const base = amountArg('base', values.base);
    if (base === undefined) throw new UsageError('schedule fund needs --base, the base year’s total in yuan');
    if (values.villages !== undefined) throw new UsageError('--villages belongs to schedule rollout');
    if (values.mode !== undefined && values.mode !== 'fixed-increment' && values.mode !== 'compound') throw new UsageError(`--mode must be fixed-increment or compound, got ${JSON.stringify(values.mode)}`);
    const policy = policyFrom(values.params, values.mode ? { funding: { mode: values.mode as 'compound' } } : {});
    const r = policy.cityFundSchedule({ baseAmount: base, from, to });
    if (fmt === 'json') return write(io.stdout, `${JSON.stringify(r, null, 2)}\n`).then(() => 0);
    const head = lng === 'zh' ? ['年份', '下限(元)', '增加(元)'] : ['year', 'minimum (yuan)', 'increase (yuan)'];
    const rows = r.rows.map((x) => [String(x.year), x.amount.toFixed(), x.increase.toFixed()]);
    await write(io.stdout, `${columns([head, ...rows])}\n[${r.clause}, I1 ${r.interpretations[0]!.choice}]\n`);
    return 0;
  }
  if (values.base !== undefined) throw new UsageError('--base belongs to schedule fund');
  if (values.mode !== undefined && values.mode !== 'share-of-all' && values.mode !== 'share-of-remaining') throw new UsageError(`--mode must be share-of-all or share-of-remaining, got ${JSON.stringify(values.mode)}`);
  const villages = integer('villages', values.villages);
  const policy = policyFrom(values.params, values.mode ? { rollout: { mode: values.mode as 'share-of-all' } } : {});
  const r = policy.ruralRolloutSchedule({ from, to, ...(villages !== undefined && { villages }) });
  if (fmt === 'json') return write(io.stdout, `${JSON.stringify(r, null, 2)}\n`).then(() => 0);
  const head = lng === 'zh' ? ['年份', '累计比例', '当年新增', '应覆盖村(组)'] : ['year', 'share', 'added', 'villages'];
  const rows = r.rows.map((x) => [String(x.year), x.share.toFixed(), x.added.toFixed(), x.villagesCovered === undefined ? '—' : String(x.villagesCovered)]);
  await write(io.stdout, `${columns([head, ...rows])}\n[${r.clause}, I2 ${r.interpretations[0]!.choice}]\n`);
  return 0;
}

const columns = (rows: string[][]) => table(rows, 'right').join('\n');

const EXPLAIN: Record<string, { rule: keyof Policy; fields: Record<string, { key: string; kind: 'count' | 'year' | 'amount' | 'date' }> }> = {
  staff: { rule: 'requiredStaff', fields: { households: { key: 'households', kind: 'count' }, 'floating-households': { key: 'floatingHouseholds', kind: 'count' } } },
  rooms: { rule: 'serviceRoomArea', fields: { residents: { key: 'residents', kind: 'count' }, households: { key: 'households', kind: 'count' } } },
  size: { rule: 'communitySize', fields: { households: { key: 'households', kind: 'count' }, residents: { key: 'residents', kind: 'count' } } },
  plan: { rule: 'planCommunities', fields: { households: { key: 'households', kind: 'count' }, residents: { key: 'residents', kind: 'count' } } },
  rollout: { rule: 'ruralRollout', fields: { year: { key: 'year', kind: 'year' }, villages: { key: 'villages', kind: 'count' } } },
  fund: { rule: 'cityFundBudget', fields: { base: { key: 'baseAmount', kind: 'amount' }, year: { key: 'year', kind: 'year' } } },
  subsidy: {
    rule: 'streetSubsidyMinimum',
    fields: { communities: { key: 'communities', kind: 'count' }, year: { key: 'year', kind: 'year' }, 'active-from': { key: 'activeFrom', kind: 'date' }, 'active-to': { key: 'activeTo', kind: 'date' } },
  },
  developer: {
    rule: 'developerObligation',
    fields: { 'floor-area': { key: 'floorAreaM2', kind: 'amount' }, residents: { key: 'residents', kind: 'count' }, households: { key: 'households', kind: 'count' }, price: { key: 'pricePerM2', kind: 'amount' } },
  },
  targets: { rule: 'targets', fields: { year: { key: 'year', kind: 'year' } } },
};

async function explain(args: string[], io: Io): Promise<number> {
  const name = args[0] && !args[0].startsWith('-') ? args[0] : undefined;
  const spec = name && Object.hasOwn(EXPLAIN, name) ? EXPLAIN[name] : undefined; // never 'constructor' from the prototype
  if (!spec) {
    if (args.includes('--help') || args.includes('-h')) return help(io, 'explain');
    throw new UsageError(`explain takes a rule: ${Object.keys(EXPLAIN).join(', ')}${name ? ` (got ${JSON.stringify(name)})` : ''}`);
  }
  const { values } = parse(args.slice(1), Object.fromEntries(Object.keys(spec.fields).map((f) => [f, { type: 'string' as const }])));
  if (values.help) return help(io, 'explain');
  const lng = lang(values.lang);
  const input: Record<string, unknown> = {};
  for (const [flag, { key, kind }] of Object.entries(spec.fields)) {
    const v = values[flag];
    if (v === undefined) continue;
    input[key] = kind === 'count' || kind === 'year' ? integer(flag, v) : kind === 'amount' ? amountArg(flag, v) : v;
  }
  const policy = policyFrom(values.params);
  let result: { trace: readonly TraceStep[]; clause: string };
  try {
    result = (policy[spec.rule] as unknown as (i: unknown) => { trace: readonly TraceStep[]; clause: string })(input);
  } catch (e) {
    if (e instanceof PolicyInputError) {
      const flagOf = (path: string) => Object.entries(spec.fields).find(([, f]) => f.key === path)?.[0] ?? path;
      throw new UsageError(e.issues.map((i) => `--${flagOf(i.path)}: ${i.message}`).join('\n'));
    }
    throw e;
  }
  const fmt = format(values.format, ['text', 'json'] as const);
  if (fmt === 'json') return write(io.stdout, `${JSON.stringify(result, null, 2)}\n`).then(() => 0);
  await write(io.stdout, `${spec.rule} [${result.clause}]\n${formatTrace(result.trace, lng).join('\n')}\n`);
  return 0;
}

async function schema(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (values.help) return help(io, 'schema');
  if (positionals.length) throw new UsageError(`schema takes no arguments, got ${positionals.join(' ')}`);
  await write(io.stdout, `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
  return 0;
}

async function help(io: Io, topic: string): Promise<number> {
  await write(io.stdout, `${HELP[topic]}\n`);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = { report, audit, schedule, explain, schema };

/**
 * Run the CLI with `argv` (without node and the script) and return the exit code.
 * @internal
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') return await help(io, 'main');
    if (command === '--version' || command === '-v') return await write(io.stdout, `${VERSION}\n`).then(() => 0);
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined; // never '__proto__' or 'toString'
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr.write(`shequ-rules: ${e.message}\n${e instanceof UsageError ? "Run 'shequ-rules --help' for usage.\n" : ''}`);
      return 2;
    }
    if (e instanceof PolicyInputError) {
      io.stderr.write(`shequ-rules: ${e.message}\n`);
      return 2;
    }
    // A file that fails while it is read (unreadable, a device error): bad input, said as such, not an internal error.
    const sys = e as NodeJS.ErrnoException;
    if (e instanceof Error && typeof sys.code === 'string' && typeof sys.syscall === 'string') {
      io.stderr.write(`shequ-rules: ${sys.path ?? 'the input'}: cannot read it (${sys.code})\n`);
      return 2;
    }
    throw e;
  }
}
