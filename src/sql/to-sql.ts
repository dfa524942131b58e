/**
 * The community checks of a policy as one SQL query, for the analyst whose
 * communities are already in a database: per row, each check's status and
 * shortfall, from the same formulas the library evaluates (resolved under the
 * policy and the year: parameters written in, readings chosen). Numbers are
 * exact: every value is an integer over a denominator fixed when the query is
 * written (HUGEINT in DuckDB, NUMERIC in Postgres), so a comparison, a sum or
 * a rounding (floor, ceil, half up) never goes through a float.
 *
 * Reading the table: a column per dataset field, named as the JSON record's
 * keys (`households`, `roomAreaM2`, as `shequ-rules schema` lists them), or
 * as `columns` maps them; NULL is a missing value. Counts are read as whole
 * numbers, amounts (m², yuan) to 4 decimals (a hundredth of a fen): give
 * them as DECIMAL or text, not as floating point.
 *
 * The result: the row's `id`, then per check `"<finding id>"`, the status
 * (`'pass'`, `'fail'` or `'unknown'`; NULL where the check does not apply, a
 * rural community's urban checks), and `"<finding id> shortfall"`, how far
 * short a failing row is, in the finding's unit (NULL unless it fails): exact
 * where it terminates (to at most 10 decimals), else rounded half up to 10
 * decimals (the size check's share beyond its tolerance).
 */
import { PolicyInputError, refused } from '../errors.js';
import { checkPolicy } from '../create-policy.js';
import { datasetJsonSchema } from '../evaluate/dataset.js';
import { checkContext } from '../evaluate/evaluate.js';
import { resolveFormula, type ResolvedFormula } from '../formula/check.js';
import { lcm, type RBool, type RNum } from '../formula/resolve.js';
import type { CommunityCheck, PolicyCore } from '../provisions/provision.js';

/** The SQL dialects the export writes. */
export type SqlDialect = 'duckdb' | 'postgres';

/** Options of {@link toSql}. */
export interface SqlOptions {
  /** `'duckdb'` or `'postgres'`. */
  readonly dialect: SqlDialect;
  /** The table (or view) of communities; `schema.table` is quoted part by part. Default `communities`. */
  readonly table?: string;
  /** The data's year (the subsidy's minimum is of a year): without one, checks that need it are `'unknown'`. */
  readonly year?: number;
  /** A column name for a field whose column is named otherwise (`{ roomAreaM2: 'room_area' }`). */
  readonly columns?: Readonly<Record<string, string>>;
  /** Write `CREATE VIEW <view> AS …` rather than the bare query. */
  readonly view?: string;
}

const AMOUNT_SCALE = 10_000n; // amounts are read to 4 decimals
const SHORTFALL_DECIMALS = 10;

type FieldKind = 'count' | 'amount' | 'flag' | 'date';
/** Each community field's kind, from the dataset's JSON Schema (a field it does not know is read as an amount). */
let kinds: Map<string, FieldKind> | undefined;
function fieldKind(name: string): FieldKind {
  if (!kinds) {
    kinds = new Map();
    const schema = datasetJsonSchema() as { properties: { communities: { items: { properties: Record<string, Record<string, unknown>> } } } };
    for (const [key, s] of Object.entries(schema.properties.communities.items.properties)) {
      kinds.set(key, s.type === 'integer' ? 'count' : s.type === 'boolean' ? 'flag' : s.format === 'date' ? 'date' : 'amount');
    }
  }
  return kinds.get(name) ?? 'amount';
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** A comment line: no line break or comment end inside. */
const comment = (s: string) => `-- ${s.replace(/[\r\n]+/g, ' ')}`;

interface Dialect {
  readonly int: string;
  /** ⌊x ÷ m⌋ for a whole x and a whole m > 0. */
  floorDiv(x: string, m: string): string;
}
const DIALECTS: Record<SqlDialect, Dialect> = {
  // DuckDB's // and % truncate towards zero: ⌊x ÷ m⌋ = (x − ((x % m) + m) % m) // m.
  duckdb: { int: 'HUGEINT', floorDiv: (x, m) => `((${x}) - (((${x}) % ${m}) + ${m}) % ${m}) // ${m}` },
  // Postgres's div() and mod() on NUMERIC truncate towards zero likewise.
  postgres: { int: 'NUMERIC', floorDiv: (x, m) => `div((${x}) - mod(mod(${x}, ${m}) + ${m}, ${m}), ${m})` },
};

/** A number written in SQL: an integer expression whose value ÷ `d` is the number (NULL when unknown). */
interface Sql {
  readonly d: bigint;
  readonly s: string;
}

class Writer {
  constructor(
    readonly dialect: Dialect,
    readonly column: (field: string) => string,
  ) {}
  /** An integer literal of the dialect's exact integer type (a bare literal is a 32-bit integer, which overflows). */
  int(n: bigint): string {
    return n < 0n ? `(${n})::${this.dialect.int}` : `${n}::${this.dialect.int}`;
  }
  times(x: Sql, m: bigint): string {
    if (m === 1n) return x.s;
    const literal = /^(\d+)::/.exec(x.s);
    return literal && x.s === `${literal[1]}::${this.dialect.int}` ? this.int(BigInt(literal[1]!) * m) : `(${x.s}) * ${this.int(m)}`;
  }
  /** A product, by a literal where one factor is a constant. */
  product(a: Sql, b: Sql, aConst: boolean, bConst: boolean): string {
    const value = (x: Sql) => /^(\d+)::/.exec(x.s)?.[1];
    if (bConst && value(b) !== undefined) return this.times(a, BigInt(value(b)!));
    if (aConst && value(a) !== undefined) return this.times(b, BigInt(value(a)!));
    return `(${a.s}) * (${b.s})`;
  }
  rescaled(x: Sql, d: bigint): string {
    return this.times(x, d / x.d);
  }
  field(name: string): Sql {
    const col = this.column(name);
    const kind = fieldKind(name);
    if (kind === 'count') return { d: 1n, s: `CAST(${col} AS ${this.dialect.int})` };
    return { d: AMOUNT_SCALE, s: `CAST(CAST(${col} AS DECIMAL(38,4)) * ${AMOUNT_SCALE} AS ${this.dialect.int})` };
  }
  num(x: RNum): Sql {
    switch (x.k) {
      case 'q':
        return { d: x.q.d, s: this.int(x.q.n) };
      case 'unknown':
        return { d: 1n, s: `CAST(NULL AS ${this.dialect.int})` };
      case 'field': {
        const f = this.field(x.name);
        if (x.otherwise === undefined) return f;
        const o = this.num(x.otherwise);
        const d = lcm(f.d, o.d);
        return { d, s: `COALESCE(${this.rescaled(f, d)}, ${this.rescaled(o, d)})` };
      }
      case 'daysFrom': {
        // Days from the later of the field's day and 1 January to 31 December, both counted; none after the year.
        const col = this.column(x.field);
        const end = `DATE '${x.year}-12-31'`;
        return {
          d: 1n,
          s: `CASE WHEN ${col} IS NULL THEN NULL ELSE CAST(GREATEST(0, (${end} - GREATEST(CAST(${col} AS DATE), DATE '${x.year}-01-01')) + 1) AS ${this.dialect.int}) END`,
        };
      }
      case 'add':
      case 'max':
      case 'min': {
        const terms = x.terms.map((t) => this.num(t));
        if (terms.length === 0) return { d: 1n, s: x.k === 'add' ? this.int(0n) : `CAST(NULL AS ${this.dialect.int})` };
        const d = terms.reduce((m, t) => lcm(m, t.d), 1n);
        const parts = terms.map((t) => this.rescaled(t, d));
        if (x.k === 'add') return { d, s: parts.map((p) => `(${p})`).join(' + ') };
        // GREATEST and LEAST pass over NULL; a comparison does not: unknown when any term is.
        const op = x.k === 'max' ? '>=' : '<=';
        const inv = x.k === 'max' ? '<' : '>';
        return { d, s: parts.reduce((a, b) => `CASE WHEN (${a}) ${op} (${b}) THEN (${a}) WHEN (${a}) ${inv} (${b}) THEN (${b}) END`) };
      }
      case 'sub': {
        const a = this.num(x.a);
        const b = this.num(x.b);
        const d = lcm(a.d, b.d);
        return { d, s: `(${this.rescaled(a, d)}) - (${this.rescaled(b, d)})` };
      }
      case 'mul': {
        const a = this.num(x.a);
        const b = this.num(x.b);
        return { d: a.d * b.d, s: this.product(a, b, x.a.k === 'q', x.b.k === 'q') };
      }
      case 'abs': {
        const a = this.num(x.x);
        return { d: a.d, s: `ABS(${a.s})` };
      }
      case 'if': {
        const t = this.num(x.yes);
        const e = this.num(x.no);
        const d = lcm(t.d, e.d);
        const c = this.bool(x.cond);
        return { d, s: `CASE WHEN ${c} THEN ${this.rescaled(t, d)} WHEN NOT (${c}) THEN ${this.rescaled(e, d)} END` };
      }
      case 'div': {
        if (x.b.k !== 'q') throw unsayable('a division by a value of the record');
        const b = x.b.q;
        if (b.n === 0n) return { d: 1n, s: `CAST(NULL AS ${this.dialect.int})` };
        const a = this.num(x.a);
        // a/da ÷ (bn/bd) = a·bd ÷ (da·bn), an exact rational; rounded, an integer over 10^places.
        const sign = b.n < 0n ? -1n : 1n;
        const num = { d: a.d * b.n * sign, s: this.times(a, b.d * sign) };
        if (x.round === undefined) return num;
        const s = 10n ** BigInt(x.places);
        const n = this.times(num, s); // value × 10^places = n ÷ num.d
        const m = num.d;
        const fd = this.dialect.floorDiv;
        const q =
          x.round === 'floor'
            ? fd(n, this.int(m))
            : x.round === 'ceil'
              ? `-(${fd(`-(${n})`, this.int(m))})`
              : fd(`${this.int(2n)} * (${n}) + ${this.int(m)}`, this.int(2n * m));
        return { d: s, s: q };
      }
      case 'rule':
        throw unsayable('a value of a rule', '规则给出的值');
    }
  }
  bool(x: RBool): string {
    switch (x.k) {
      case 'const':
        return x.value ? 'TRUE' : 'FALSE';
      case 'given':
        return `(${this.column(x.name)} IS NOT NULL)`;
      case 'flag':
        return `CAST(${this.column(x.name)} AS BOOLEAN)`;
      case 'not':
        return `(NOT ${this.bool(x.x)})`;
      case 'and':
      case 'or':
        if (x.terms.length === 0) return x.k === 'and' ? 'TRUE' : 'FALSE';
        return `(${x.terms.map((t) => this.bool(t)).join(x.k === 'and' ? ' AND ' : ' OR ')})`;
      case 'atLeast':
      case 'ruleIs':
        throw x.k === 'ruleIs' ? unsayable('a value of a rule', '规则给出的值') : unsayable('a value between bounds', '介于上下限之间的值');
      default: {
        const a = this.num(x.a);
        const b = this.num(x.b);
        const op = { ge: '>=', gt: '>', le: '<=', lt: '<', eq: '=' }[x.k];
        return `((${this.times(a, b.d)}) ${op} (${this.times(b, a.d)}))`;
      }
    }
  }
  /** `x` as a DECIMAL: exact when it terminates within 10 decimals, else rounded half up to 10. */
  decimal(x: Sql): string {
    let k = 0;
    while (k < SHORTFALL_DECIMALS && 10n ** BigInt(k) % x.d !== 0n) k++;
    const exact = 10n ** BigInt(k) % x.d === 0n;
    const scaled = exact
      ? this.times(x, 10n ** BigInt(k) / x.d)
      : this.dialect.floorDiv(`${this.int(2n)} * (${this.times(x, 10n ** BigInt(k))}) + ${this.int(x.d)}`, this.int(2n * x.d));
    const unit = k === 0 ? '1' : `0.${'0'.repeat(k - 1)}1`;
    return `CAST(${scaled} AS DECIMAL(38,0)) * CAST('${unit}' AS DECIMAL(38,${k}))`;
  }
}

const unsayable = (what: string, zh?: string) =>
  new PolicyInputError(
    [
      refused(
        'formula',
        'invalid',
        {
          en: `a formula SQL can say (${what} cannot be)`,
          zh: `SQL 能表达的公式(不能含${zh ?? (what === 'a division by a value of the record' ? '按记录中的值做除法' : what)})`,
        },
        what,
      ),
    ],
    'toSql',
  );

/** The community checks of a policy that have a formula, and those that do not (with why). */
function communityChecks(policy: PolicyCore) {
  const withFormula: CommunityCheck[] = [];
  const without: { provision: string; clause: string; why: string }[] = [];
  for (const p of policy.provisions) {
    for (const check of p.checks) {
      if (check.scope === 'community' && check.formula) withFormula.push(check);
      else
        without.push({
          provision: check.provision,
          clause: check.clause,
          why:
            (check.scope === 'community' ? check.handWritten : check.scope === 'standing' ? (check.noSql ?? check.neverEvaluated) : check.noSql)?.en ??
            (check.scope === 'community' ? 'written by hand: no formula' : `a ${check.scope} check: not a row of the table`),
        });
    }
  }
  return { withFormula, without };
}

/**
 * The policy's community checks as one SQL query over a table of communities (DuckDB or Postgres): per row, each
 * check's status and shortfall, exact, under the policy's parameters and readings, which a comment header names with
 * their clauses and sources. Checks that are not formulas (the city's, or a user's written by hand) are listed in the
 * header as not in the query.
 *
 * @param policy - the policy (its parameters and readings are written into the query)
 * @param options - `dialect`, and optionally `table`, `year`, `columns` and `view`
 * @returns the query (or the view), as text
 * @throws {@link PolicyInputError} for an unknown dialect or a bad year, or a formula SQL cannot say
 * @example
 * ```ts
 * const sql = toSql(createPolicy(), { dialect: 'duckdb', table: 'communities', year: 2013 });
 * sql.includes('AS "Q8"'); //=> true
 * ```
 */
export function toSql(policy: PolicyCore, options: SqlOptions): string {
  const shape = '{ dialect, table?, year?, columns?, view? }';
  checkContext(options, shape, 'toSql', ['dialect', 'table', 'year', 'columns', 'view']);
  if (typeof options !== 'object' || options === null)
    throw new PolicyInputError([refused('options', 'invalid', { en: `an object ${shape}`, zh: `对象 ${shape}` }, options)], 'toSql');
  checkPolicy(policy, 'toSql');
  const name = { en: 'a name (text that is not empty)', zh: '名称(非空文本)' };
  for (const key of ['table', 'view'] as const) {
    const v = options[key];
    if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) throw new PolicyInputError([refused(key, 'invalid', name, v)], 'toSql');
  }
  const cols = options.columns;
  if (cols !== undefined && (typeof cols !== 'object' || cols === null || Object.values(cols).some((v) => typeof v !== 'string' || v === '')))
    throw new PolicyInputError([refused('columns', 'invalid', { en: 'an object of field → column name', zh: '字段 → 列名 的对象' }, cols)], 'toSql');
  const { dialect, year } = options;
  if (dialect !== 'duckdb' && dialect !== 'postgres')
    throw new PolicyInputError([refused('dialect', 'invalid', { en: 'duckdb or postgres', zh: 'duckdb 或 postgres' }, dialect)], 'toSql');
  if (year !== undefined && !(Number.isInteger(year) && year >= 1000 && year <= 9999))
    throw new PolicyInputError([refused('year', 'invalid', { en: 'a year of four digits', zh: '四位数的年份' }, year)], 'toSql');
  const columns = options.columns ?? {};
  const w = new Writer(DIALECTS[dialect], (f) => ident(Object.hasOwn(columns, f) ? columns[f]! : f));
  const table = (options.table ?? 'communities').split('.').map(ident).join('.');
  const { withFormula, without } = communityChecks(policy);
  const resolved = withFormula.map((check) => ({ check, r: resolveFormula(check.formula!, policy, year) }));

  // The inner query decides each check's condition once (TRUE, FALSE or NULL); the outer one names the status and
  // gives the shortfall of a failing row.
  const inner: string[] = [];
  const outer: string[] = [];
  for (const [j, { check, r }] of resolved.entries()) {
    const ok = ident(`ok ${j}`);
    inner.push(`${w.bool(r.pass)} AS ${ok}`);
    const applies = check.rural ? '' : `WHEN ${w.column('kind')} <> 'urban' THEN NULL `;
    outer.push(`CASE ${applies}WHEN ${ok} THEN 'pass' WHEN NOT ${ok} THEN 'fail' ELSE 'unknown' END AS ${ident(check.provision)}`);
    const failing = check.rural ? `NOT ${ok}` : `${w.column('kind')} = 'urban' AND NOT ${ok}`;
    outer.push(`CASE WHEN ${failing} THEN ${w.decimal(w.num(r.shortfall))} END AS ${ident(`${check.provision} shortfall`)}`);
  }
  const query = [
    `SELECT ${w.column('id')} AS "id",`,
    `  ${outer.join(',\n  ')}`,
    'FROM (',
    `  SELECT *,`,
    `    ${inner.join(',\n    ')}`,
    `  FROM ${table}`,
    ') AS checked',
  ].join('\n');
  const body = options.view === undefined ? `${query};` : `CREATE VIEW ${options.view.split('.').map(ident).join('.')} AS\n${query};`;
  return `${header(policy, options, resolved, without).join('\n')}\n${body}\n`;
}

function header(
  policy: PolicyCore,
  options: SqlOptions,
  resolved: readonly { check: CommunityCheck; r: ResolvedFormula }[],
  without: readonly { provision: string; clause: string; why: string }[],
): string[] {
  const lines: string[] = [];
  const sources = policy.sources.map((s) => `${s.title.zh} / ${s.title.en}${s.number ? ` ${s.number}` : ''}${s.date ? ` (${s.date})` : ''} [${s.id}]`);
  lines.push(comment(`shequ-rules: the community checks of the policy as SQL (${options.dialect}), written from their formulas`));
  lines.push(comment(`policy: ${sources.join('; then ')}${policy.on ? `, as of ${policy.on}` : ''}`));
  lines.push(
    comment(
      options.year === undefined ? 'year: none given: a check that needs the year (the subsidy minimum) is unknown on every row' : `year: ${options.year}`,
    ),
  );
  lines.push(comment("status: 'pass' | 'fail' | 'unknown' (a NULL field is unknown, never fail); NULL where the check does not apply"));
  lines.push(comment('shortfall: in the finding’s unit when failing, else NULL; exact, or half up to 10 decimals where it does not terminate'));
  lines.push(comment('amounts are read to 4 decimals: give them as DECIMAL or text, not floating point'));
  // The parameters and readings in force, once each, with their clauses and documents.
  const asOf = new Map(policy.asOf(policy.on ?? `${options.year ?? 2011}-12-31`).map((p) => [p.path, p]));
  const params = new Map<string, number | string | undefined>();
  const readings = new Map<string, string>();
  for (const { r } of resolved) {
    for (const [k, v] of r.used.parameters) params.set(k, v);
    for (const [k, v] of r.used.readings) readings.set(k, v);
  }
  const register = policy.provisions.flatMap((p) => p.readings);
  for (const i of register) if (i.parameter !== null && params.has(i.parameter) && !readings.has(i.id)) readings.set(i.id, String(params.get(i.parameter)));
  if (readings.size) lines.push(comment('readings:'));
  for (const i of register) {
    if (!readings.has(i.id)) continue;
    const choice = readings.get(i.id)!;
    lines.push(comment(`  ${i.id} [${i.clause}] ${i.question.en} — ${choice}${choice === i.default ? ' (default)' : ` (not the default, ${i.default})`}`));
  }
  if (params.size) lines.push(comment('parameters:'));
  for (const [path, value] of [...params].sort(([a], [b]) => a.localeCompare(b))) {
    const p = asOf.get(path);
    const cited = p?.cites?.map((c) => `${c.source}${c.clause ? ` ${c.clause}` : ''}`).join(', ');
    lines.push(comment(`  ${path} = ${value === undefined ? 'not set' : value}${p ? ` [${p.clause}] ${p.unit}` : ''}${cited ? `, per ${cited}` : ''}`));
  }
  lines.push(comment('checks:'));
  for (const { check } of resolved)
    lines.push(comment(`  ${check.provision} [${check.clause}]${check.rural ? ', rural communities too' : ', urban communities'}`));
  if (without.length) lines.push(comment('not in this query (no formula over a community row):'));
  for (const x of without) lines.push(comment(`  ${x.provision} [${x.clause}]: ${x.why}`));
  return lines;
}
