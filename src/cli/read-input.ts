/**
 * Reading a dataset for the CLI: JSON as a whole, CSV as a stream of
 * community rows evaluated as they arrive, so a million-row file never sits
 * in memory. Every problem names the file, the row (line) and the field.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Policy } from '../create-policy.js';
import { PolicyInputError, describeValue } from '../errors.js';
import { communitySchema, readDataset, sumIssue, toIssues, type CommunityRecord, type Dataset } from '../evaluate/dataset.js';
import { addCommunity, compile, evaluateDataset, finishCity, SummaryBuilder, type CityEvaluation, type Finding } from '../evaluate/evaluate.js';
import { closest } from '../policy/names.js';
import { CsvError, CsvParser, type CsvRow } from './csv.js';

/** An input problem the CLI reports with exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface ReadOptions {
  /** Path, or '-' for standard input. */
  readonly file: string;
  readonly stdin: Readable;
  readonly policy: Policy;
  /** The year, for CSV input (JSON carries its own). */
  readonly year?: number;
  /** Largest input accepted, bytes. */
  readonly maxBytes: number;
  /** Keep passing findings (for JSON output or --all). */
  readonly keepPassing: boolean;
  /** Called every 100,000 rows with the count so far. */
  readonly progress?: (rows: number) => void;
}

const COUNT_FIELDS = new Set(['households', 'floatingHouseholds', 'residents', 'staff']);
const FLAG_FIELDS = new Set(['roomsOnGroundFloor', 'oneStopWindow']);
const FIELDS = Object.keys(communitySchema.def.shape);
const REQUIRED = ['id', 'name', 'kind', 'households', 'residents'];

function source(file: string, stdin: Readable, maxBytes: number): Readable {
  if (file === '-') return stdin;
  let size: number;
  try {
    const stat = statSync(file);
    // A directory opens and then fails as the stream is read (an internal error): refuse it here, by name.
    if (!stat.isFile() && !stat.isFIFO()) throw new InputError(`${file}: ${stat.isDirectory() ? 'is a directory' : 'is not a regular file'}; give the path of a dataset file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (size > maxBytes) throw new InputError(`${file}: the file is ${size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-mb)`);
  return createReadStream(file);
}

/** Decode UTF-8 strictly, strip a BOM, enforce the size limit. */
async function* text(file: string, input: Readable, maxBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buf.length;
    if (bytes > maxBytes) throw new InputError(`${file}: the input is over the limit of ${maxBytes} bytes (raise it with --max-mb)`);
    try {
      yield decoder.decode(buf, { stream: true });
    } catch {
      throw new InputError(`${file}: the input is not valid UTF-8 (near byte ${bytes - buf.length}); it may be GBK or another encoding — save it as UTF-8`);
    }
  }
  try {
    yield decoder.decode();
  } catch {
    throw new InputError(`${file}: the input ends in the middle of a UTF-8 character; save it as UTF-8`);
  }
}

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

function located(file: string, line: number, e: PolicyInputError): InputError {
  return new InputError(e.issues.map((i) => `${file}: line ${line}: ${i.path}: ${i.message}`).join('\n'));
}

/** Read and evaluate a CSV of communities, row by row. */
async function evaluateCsv(o: ReadOptions, input: Readable): Promise<CityEvaluation> {
  if (o.year === undefined) throw new InputError(`${o.file}: a CSV holds communities only; give the year with --year`);
  const k = compile(o.policy, o.year);
  const parser = new CsvParser();
  const summary = new SummaryBuilder();
  const findings: Finding[] = [];
  const ids = new Map<string, number>();
  let header: string[] | undefined;
  let index = 0;
  const rows: CsvRow[] = [];
  const scratch: Finding[] = [];
  const keep = (f: Finding) => o.keepPassing || f.status !== 'pass';
  const take = () => {
    for (const row of rows) {
      if (!header) {
        header = row.fields.map((f) => f.trim());
        const issues: string[] = [];
        header.forEach((name, i) => {
          if (!FIELDS.includes(name)) {
            const guess = closest(name, FIELDS);
            issues.push(`${o.file}: line ${row.line}: column ${i + 1} ${describeValue(name)} is not a community field${guess ? ` (did you mean "${guess}"?)` : ''}; allowed: ${FIELDS.join(', ')}`);
          } else if (header!.indexOf(name) !== i) issues.push(`${o.file}: line ${row.line}: column ${describeValue(name)} appears twice`);
        });
        for (const name of REQUIRED) if (!header.includes(name)) issues.push(`${o.file}: line ${row.line}: the header lacks the required column ${describeValue(name)}`);
        if (issues.length) throw new InputError(issues.join('\n'));
        continue;
      }
      if (row.fields.length !== header.length) {
        throw new InputError(`${o.file}: line ${row.line}: ${row.fields.length} fields, but the header has ${header.length}`);
      }
      const record: Record<string, unknown> = {};
      header.forEach((name, i) => {
        const raw = row.fields[i]!;
        if (raw.trim() !== '') record[name] = cell(name, raw);
      });
      const parsed = communitySchema.safeParse(record, { reportInput: true });
      if (!parsed.success) throw located(o.file, row.line, new PolicyInputError(toIssues(parsed.error.issues, ['communities', index]), 'report'));
      const c: CommunityRecord = parsed.data;
      const sum = sumIssue(c, ['communities', index]);
      if (sum) throw located(o.file, row.line, new PolicyInputError([sum], 'report'));
      const first = ids.get(c.id);
      if (first !== undefined) throw new InputError(`${o.file}: line ${row.line}: communities[${index}].id: duplicate id ${describeValue(c.id)} (first on line ${first})`);
      ids.set(c.id, row.line);
      addCommunity(c, k, summary, findings, keep, scratch);
      index++;
      if (o.progress && index % 100000 === 0) o.progress(index);
    }
    rows.length = 0;
  };
  try {
    for await (const chunk of text(o.file, input, o.maxBytes)) {
      parser.push(chunk, rows);
      take();
    }
    parser.end(rows);
    take();
  } catch (e) {
    if (e instanceof CsvError) throw new InputError(`${o.file}: line ${e.line}: ${e.message}`);
    throw e;
  }
  if (parser.empty || !header) throw new InputError(`${o.file}: the file is empty; expected a header row naming the community fields (${REQUIRED.join(',')},…)`);
  // A table of communities carries no villages, budgets or projects: those checks are not evaluated, with the reason.
  return finishCity({ year: o.year, communities: [] }, o.policy, summary, findings, keep, 'communities-only');
}

/** Read a JSON dataset (whole) and evaluate it. */
async function evaluateJson(o: ReadOptions, input: Readable): Promise<CityEvaluation> {
  let all = '';
  for await (const chunk of text(o.file, input, o.maxBytes)) all += chunk;
  if (all.trim() === '') throw new InputError(`${o.file}: the file is empty; expected a JSON dataset { "year": …, "communities": [ … ] }`);
  let data: unknown;
  try {
    data = JSON.parse(all);
  } catch (e) {
    throw new InputError(`${o.file}: not valid JSON: ${(e as Error).message}`);
  }
  let d: Dataset;
  try {
    d = readDataset(data);
  } catch (e) {
    if (e instanceof PolicyInputError) throw new InputError(e.issues.map((i) => `${o.file}: ${i.path}: ${i.message}`).join('\n'));
    throw e;
  }
  if (o.year !== undefined && o.year !== d.year) throw new InputError(`${o.file}: the data is for ${d.year}, but --year says ${o.year}`);
  return evaluateDataset(d, o.policy, (f) => o.keepPassing || f.status !== 'pass');
}

/** Evaluate the file (JSON, or CSV by its name or its first character). */
export async function evaluateFile(o: ReadOptions): Promise<CityEvaluation> {
  const input = source(o.file, o.stdin, o.maxBytes);
  if (o.file.toLowerCase().endsWith('.csv')) return evaluateCsv(o, input);
  if (o.file.toLowerCase().endsWith('.json')) return evaluateJson(o, input);
  // Standard input or another name: look at the first non-blank character.
  const chunks: Buffer[] = [];
  let first: number | undefined;
  for await (const chunk of input.iterator({ destroyOnReturn: false })) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    const at = buf.findIndex((x) => x !== 0x20 && x !== 0x0a && x !== 0x0d && x !== 0x09 && x !== 0xef && x !== 0xbb && x !== 0xbf);
    if (at >= 0) {
      first = buf[at];
      break;
    }
  }
  const { Readable } = await import('node:stream');
  const rest = Readable.from((async function* () {
    yield* chunks;
    yield* input;
  })());
  return first === 0x7b ? evaluateJson(o, rest) : evaluateCsv(o, rest);
}
