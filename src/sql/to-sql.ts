/**
 * The community checks of a policy as one SQL query, for the analyst whose
 * communities are already in a database: per row, each check's status and
 * shortfall, from the same formulas the library evaluates (resolved under the
 * policy and the year: parameters written in, readings chosen). Numbers are
 * exact: every value is an exact number (a whole number or a decimal) over a
 * denominator fixed when the query is written, so a comparison, a sum or a
 * rounding (floor, ceil, half up) never goes through a float.
 *
 * Speed: the fields are cast once, in the typed rows (a CTE), to the narrowest
 * exact type that holds every value the library accepts of their kind (counts
 * BIGINT, amounts DECIMAL(38,4)); each expression then takes, from bounds
 * worked out when the query is written, the narrowest type that cannot
 * overflow on such values (BIGINT, else HUGEINT; DECIMAL(38,s) for decimals;
 * NUMERIC throughout in Postgres). DuckDB checks every integer and decimal
 * operation for overflow, so a value beyond the bounds stops the query with an
 * Out of Range error, never a wrong number. A shortfall is worked out only for
 * failing rows.
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
import { declarationsOf } from '../policy/parameters.js';
import { optionWords, parameterValueWords, parameterWords } from '../present/words.js';
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

/** Decimals an amount is read to (a hundredth of a fen). */
const AMOUNT_PLACES = 4;
const SHORTFALL_DECIMALS = 10;
/** The largest count the library accepts (a safe integer): a count column cast to BIGINT holds every one. */
const COUNT_MAX = BigInt(Number.MAX_SAFE_INTEGER);
/** The largest amount a DECIMAL(38,4) holds, in units of 10^-4. */
const AMOUNT_MAX = 10n ** 38n - 1n;
const BIGINT_MAX = 2n ** 63n - 1n;

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
  /**
   * The exact type of a value with `scale` decimals whose unscaled digits lie within ±`bound`: the narrowest of
   * the dialect's exact types that holds it (DuckDB's BIGINT, HUGEINT or DECIMAL(38,s); NUMERIC in Postgres).
   */
  type(scale: number, bound: bigint): string;
  /** The decimal type with `scale` decimals. */
  decimal(scale: number): string;
  /** x mod m in 0 … m − 1, for a whole x and a whole m > 0. */
  mod(x: string, m: string): string;
  /** x ÷ m truncated towards zero, for whole x and m (exact when m divides x; ⌊x ÷ m⌋ when x ≥ 0). */
  quot(x: string, m: string): string;
}
const DIALECTS: Record<SqlDialect, Dialect> = {
  // DuckDB's // and % truncate towards zero (⌊x ÷ m⌋ is taken as (x − x mod m) // m). Its integer and decimal
  // arithmetic stops with an Out of Range error on overflow, so a bound that a table exceeds (a BIGINT column
  // beyond 2^53) gives an error, never a wrong number.
  duckdb: {
    type: (scale, bound) => (scale > 0 ? `DECIMAL(38,${scale})` : bound <= BIGINT_MAX ? 'BIGINT' : 'HUGEINT'),
    decimal: (scale) => `DECIMAL(38,${scale})`,
    mod: (x, m) => `(((${x}) % ${m}) + ${m}) % ${m}`,
    quot: (x, m) => `(${x}) // ${m}`,
  },
  // Postgres's div() and mod() on NUMERIC truncate towards zero likewise; NUMERIC holds any of the values.
  postgres: {
    type: () => 'NUMERIC',
    decimal: (scale) => `NUMERIC(38,${scale})`,
    mod: (x, m) => `mod(mod(${x}, ${m}) + ${m}, ${m})`,
    quot: (x, m) => `div(${x}, ${m})`,
  },
};

/**
 * A number written in SQL: an expression `s` with `scale` decimals (0: a whole number) whose value ÷ `d` is the
 * number (NULL when unknown). `lo` and `hi` bound its unscaled digits (value × 10^scale) over every row whose
 * fields the library accepts; they choose the narrowest exact type. `lit` is its value when it is a constant.
 */
interface Sql {
  readonly s: string;
  readonly d: bigint;
  readonly scale: number;
  readonly lo: bigint;
  readonly hi: bigint;
  readonly lit?: bigint;
}

const absMax = (lo: bigint, hi: bigint) => (-lo > hi ? -lo : hi);
/** The least (or, `most`, the greatest) of some bigints (Math.min takes numbers only). */
function extreme(xs: readonly bigint[], most: boolean): bigint {
  let m = xs[0]!;
  for (const x of xs) if (most ? x > m : x < m) m = x;
  return m;
}
const minOf = (xs: readonly bigint[]) => extreme(xs, false);
const maxOf = (xs: readonly bigint[]) => extreme(xs, true);

class Writer {
  constructor(
    readonly dialect: Dialect,
    readonly column: (field: string) => string,
  ) {}
  /** ⌊x ÷ m⌋ for a whole x and a whole m > 0. */
  floorDiv(x: string, m: string): string {
    return this.dialect.quot(`(${x}) - ${this.dialect.mod(x, m)}`, m);
  }
  typeOf(x: { scale: number; lo: bigint; hi: bigint }): string {
    return this.dialect.type(x.scale, absMax(x.lo, x.hi));
  }
  /** A whole-number literal of type `type` (a bare literal is a 32-bit integer, which may overflow). */
  literal(n: bigint, type: string): string {
    return n < 0n ? `(${n})::${type}` : `${n}::${type}`;
  }
  int(n: bigint, d = 1n): Sql {
    const t = { scale: 0, lo: n, hi: n };
    return { ...t, d, s: this.literal(n, this.typeOf(t)), lit: n };
  }
  /** `x`'s expression as `type` (a cast only where its own type differs). */
  as(x: Sql, type: string): string {
    if (x.lit !== undefined && x.scale === 0) return this.literal(x.lit, type);
    return this.typeOf(x) === type ? x.s : `CAST(${x.s} AS ${type})`;
  }
  /** `x` with `scale` decimals (at least its own): the same value, its digits bounded anew. */
  scaled(x: Sql, scale: number): Sql {
    if (scale === x.scale) return x;
    const m = 10n ** BigInt(scale - x.scale);
    const to = { scale, lo: x.lo * m, hi: x.hi * m };
    return { ...to, d: x.d, s: this.as(x, this.typeOf(to)) };
  }
  /** `x × m` for a whole m, as the value of `x` over the same denominator. */
  times(x: Sql, m: bigint): Sql {
    if (m === 1n) return x;
    if (x.lit !== undefined) return { ...this.int(x.lit * m, x.d) };
    const ends = [x.lo * m, x.hi * m];
    const to = { scale: x.scale, lo: minOf(ends), hi: maxOf(ends) };
    const type = this.typeOf(to);
    // A decimal times a whole literal keeps its scale.
    const factor = to.scale === 0 ? this.literal(m, type) : this.literal(m, this.dialect.type(0, m < 0n ? -m : m));
    return { ...to, d: x.d, s: `(${this.as(x, type)}) * ${factor}` };
  }
  rescaled(x: Sql, d: bigint): Sql {
    const r = this.times(x, d / x.d);
    return { ...r, d };
  }
  /** Terms brought to one denominator, one scale and one type, for a sum, a comparison or a choice. */
  common(xs: readonly Sql[]): { parts: Sql[]; d: bigint; scale: number; type: string; lo: bigint; hi: bigint } {
    const d = xs.reduce((m, t) => lcm(m, t.d), 1n);
    const scale = Math.max(...xs.map((t) => t.scale));
    const parts = xs.map((t) => this.scaled(this.rescaled(t, d), scale));
    const lo = minOf(parts.map((p) => p.lo));
    const hi = maxOf(parts.map((p) => p.hi));
    return { parts, d, scale, type: this.typeOf({ scale, lo, hi }), lo, hi };
  }
  field(name: string): Sql {
    const col = this.column(name);
    if (fieldKind(name) === 'count') return { d: 1n, scale: 0, lo: 0n, hi: COUNT_MAX, s: col };
    return { d: 1n, scale: AMOUNT_PLACES, lo: 0n, hi: AMOUNT_MAX, s: col };
  }
  /** The column of `field` as the typed rows hold it: counts BIGINT, amounts DECIMAL(38,4), flags, dates. */
  cast(field: string, source: string): string {
    const kind = fieldKind(field);
    const type =
      kind === 'count' ? this.dialect.type(0, COUNT_MAX) : kind === 'amount' ? this.dialect.decimal(AMOUNT_PLACES) : kind === 'flag' ? 'BOOLEAN' : 'DATE';
    return `CAST(${source} AS ${type})`;
  }
  /** `x` as a whole number over a denominator (a decimal's digits made whole). */
  whole(x: Sql): Sql {
    if (x.scale === 0) return x;
    const m = 10n ** BigInt(x.scale);
    const to = { scale: 0, lo: x.lo, hi: x.hi };
    return { ...to, d: x.d * m, s: `CAST((${x.s}) * ${m} AS ${this.typeOf(to)})` };
  }
  unknown(): Sql {
    return { d: 1n, scale: 0, lo: 0n, hi: 0n, s: `CAST(NULL AS ${this.dialect.type(0, 0n)})` };
  }
  num(x: RNum): Sql {
    switch (x.k) {
      case 'q':
        return this.int(x.q.n, x.q.d);
      case 'unknown':
        return this.unknown();
      case 'field': {
        const f = this.field(x.name);
        if (x.otherwise === undefined) return f;
        const c = this.common([f, this.num(x.otherwise)]);
        return { ...c, s: `COALESCE(${c.parts.map((p) => this.as(p, c.type)).join(', ')})` };
      }
      case 'daysFrom': {
        // Days from the later of the field's day and 1 January to 31 December, both counted; none after the year.
        const col = this.column(x.field);
        const end = `DATE '${x.year}-12-31'`;
        const t = { scale: 0, lo: 0n, hi: 366n };
        return {
          ...t,
          d: 1n,
          s: `CASE WHEN ${col} IS NULL THEN NULL ELSE CAST(GREATEST(0, (${end} - GREATEST(${col}, DATE '${x.year}-01-01')) + 1) AS ${this.typeOf(t)}) END`,
        };
      }
      case 'add':
      case 'max':
      case 'min': {
        const terms = x.terms.map((t) => this.num(t));
        if (terms.length === 0) return x.k === 'add' ? this.int(0n) : this.unknown();
        if (x.k === 'add') {
          const c = this.common(terms);
          const lo = c.parts.reduce((a, p) => a + p.lo, 0n);
          const hi = c.parts.reduce((a, p) => a + p.hi, 0n);
          const type = this.typeOf({ scale: c.scale, lo, hi });
          return { d: c.d, scale: c.scale, lo, hi, s: c.parts.map((p) => `(${this.as(p, type)})`).join(' + ') };
        }
        // GREATEST and LEAST pass over NULL; a comparison does not: unknown when any term is.
        const c = this.common(terms);
        const parts = c.parts.map((p) => this.as(p, c.type));
        const op = x.k === 'max' ? '>=' : '<=';
        const inv = x.k === 'max' ? '<' : '>';
        return {
          d: c.d,
          scale: c.scale,
          lo: c.lo,
          hi: c.hi,
          s: parts.reduce((a, b) => `CASE WHEN (${a}) ${op} (${b}) THEN (${a}) WHEN (${a}) ${inv} (${b}) THEN (${b}) END`),
        };
      }
      case 'sub': {
        const c = this.common([this.num(x.a), this.num(x.b)]);
        const [a, b] = c.parts as [Sql, Sql];
        const to = { scale: c.scale, lo: a.lo - b.hi, hi: a.hi - b.lo };
        const type = this.typeOf(to);
        return { ...to, d: c.d, s: `(${this.as(a, type)}) - (${this.as(b, type)})` };
      }
      case 'mul': {
        const a = this.num(x.a);
        const b = this.num(x.b);
        if (b.lit !== undefined) return { ...this.times(a, b.lit), d: a.d * b.d };
        if (a.lit !== undefined) return { ...this.times(b, a.lit), d: a.d * b.d };
        const ends = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
        const to = { scale: a.scale + b.scale, lo: minOf(ends), hi: maxOf(ends) };
        const type = this.typeOf(to);
        // A decimal factor keeps its type; a whole one beside it is made a decimal without decimals.
        const side = (y: Sql) => (to.scale === 0 ? this.as(y, type) : y.scale === 0 ? `CAST(${y.s} AS ${this.dialect.decimal(0)})` : y.s);
        return { ...to, d: a.d * b.d, s: `(${side(a)}) * (${side(b)})` };
      }
      case 'abs': {
        const a = this.num(x.x);
        const lo = a.lo >= 0n ? a.lo : a.hi <= 0n ? -a.hi : 0n;
        return { ...a, lit: undefined, lo, hi: absMax(a.lo, a.hi), s: `ABS(${a.s})` };
      }
      case 'if': {
        const c = this.common([this.num(x.yes), this.num(x.no)]);
        const [t, e] = c.parts.map((p) => this.as(p, c.type)) as [string, string];
        const cond = this.bool(x.cond);
        return { d: c.d, scale: c.scale, lo: c.lo, hi: c.hi, s: `CASE WHEN ${cond} THEN ${t} WHEN NOT (${cond}) THEN ${e} END` };
      }
      case 'div': {
        if (x.b.k !== 'q') throw unsayable('a division by a value of the record');
        const b = x.b.q;
        if (b.n === 0n) return this.unknown();
        // a/da ÷ (bn/bd) = a·bd ÷ (da·bn), an exact rational; rounded, a whole number over 10^places.
        const sign = b.n < 0n ? -1n : 1n;
        const a = this.num(x.a);
        const exact = this.times(a, b.d * sign);
        if (x.round === undefined) return { ...exact, d: a.d * b.n * sign };
        const w = this.whole({ ...exact, d: a.d * b.n * sign });
        const s = 10n ** BigInt(x.places);
        const n = this.times(w, s); // value × 10^places = n ÷ w.d
        const m = w.d;
        // The quotient lies within the numerator's bounds ÷ m, rounded outwards.
        const lo = -((-n.lo + m - 1n) / m) - 1n;
        const hi = (n.hi + m - 1n) / m + 1n;
        // The type holds n, −n and 2n + m, the numerators the roundings divide.
        const type = this.dialect.type(0, 2n * absMax(n.lo, n.hi) + 2n * m);
        const ns = this.as(n, type);
        const mm = this.literal(m, type);
        const fd = (a: string, b: string) => this.floorDiv(a, b);
        const q =
          x.round === 'floor'
            ? fd(ns, mm)
            : x.round === 'ceil'
              ? `-(${fd(`-(${ns})`, mm)})`
              : fd(`${this.literal(2n, type)} * (${ns}) + ${mm}`, this.literal(2n * m, type));
        return { d: s, scale: 0, lo, hi, s: type === this.typeOf({ scale: 0, lo, hi }) ? q : `CAST(${q} AS ${this.typeOf({ scale: 0, lo, hi })})` };
      }
    }
  }
  bool(x: RBool): string {
    switch (x.k) {
      case 'const':
        return x.value ? 'TRUE' : 'FALSE';
      case 'given':
        return `(${this.column(x.name)} IS NOT NULL)`;
      case 'flag':
        return this.column(x.name);
      case 'not':
        return `(NOT ${this.bool(x.x)})`;
      case 'and':
      case 'or':
        if (x.terms.length === 0) return x.k === 'and' ? 'TRUE' : 'FALSE';
        return `(${x.terms.map((t) => this.bool(t)).join(x.k === 'and' ? ' AND ' : ' OR ')})`;
      default: {
        // a/da op b/db ⟺ a·db op b·da (da, db > 0), in one type.
        const a = this.num(x.a);
        const b = this.num(x.b);
        const d = a.d * b.d;
        const c = this.common([
          { ...this.times(a, b.d), d },
          { ...this.times(b, a.d), d },
        ]);
        const [l, r] = c.parts.map((p) => this.as(p, c.type)) as [string, string];
        const op = { ge: '>=', gt: '>', le: '<=', lt: '<', eq: '=' }[x.k];
        return `((${l}) ${op} (${r}))`;
      }
    }
  }
  /** `x` as a DECIMAL: exact when it terminates within 10 decimals, else rounded half up to 10. */
  decimal(v: Sql): string {
    const x = this.whole(v);
    let k = 0;
    while (k < SHORTFALL_DECIMALS && 10n ** BigInt(k) % x.d !== 0n) k++;
    const exact = 10n ** BigInt(k) % x.d === 0n;
    const wide = this.dialect.type(0, 2n ** 100n);
    const big = (n: bigint) => this.literal(n, wide);
    let scaled: string;
    if (exact) scaled = this.as(this.times(x, 10n ** BigInt(k) / x.d), wide);
    else {
      // Whole part and remainder apart (x = q·d + r, 0 ≤ r < d), so that only the remainder is multiplied by
      // 10^10: half up, x ÷ d × 10^10 is q·10^10 + ⌊(2r·10^10 + d) ÷ 2d⌋, without a product that overflows.
      const n = this.as(x, wide);
      const { mod, quot } = this.dialect;
      const r = mod(n, big(x.d));
      const q = quot(`(${n}) - ${r}`, big(x.d));
      scaled = `(${q}) * ${big(10n ** BigInt(k))} + ${quot(`${big(2n)} * (${r}) * ${big(10n ** BigInt(k))} + ${big(x.d)}`, big(2n * x.d))}`;
    }
    const unit = k === 0 ? '1' : `0.${'0'.repeat(k - 1)}1`;
    return `CAST(${scaled} AS DECIMAL(38,0)) * CAST('${unit}' AS DECIMAL(38,${k}))`;
  }
}

/** The name of the typed rows (a name no bureau's table is likely to have, so that it hides none). */
const TYPED = '"shequ-rules typed rows"';
/** The inner query's column saying whether a row is urban. */
const URBAN = '"shequ-rules urban"';

/** The record fields a resolved formula reads, into `out`. */
function fieldsOf(x: RNum | RBool, out: Set<string>): void {
  switch (x.k) {
    case 'field':
      out.add(x.name);
      if (x.otherwise) fieldsOf(x.otherwise, out);
      return;
    case 'daysFrom':
      out.add(x.field);
      return;
    case 'flag':
    case 'given':
      out.add(x.name);
      return;
    case 'add':
    case 'max':
    case 'min':
    case 'and':
    case 'or':
      for (const t of x.terms) fieldsOf(t, out);
      return;
    case 'sub':
    case 'mul':
    case 'div':
    case 'ge':
    case 'gt':
    case 'le':
    case 'lt':
    case 'eq':
      fieldsOf(x.a, out);
      fieldsOf(x.b, out);
      return;
    case 'abs':
    case 'not':
      fieldsOf(x.x, out);
      return;
    case 'if':
      fieldsOf(x.cond, out);
      fieldsOf(x.yes, out);
      fieldsOf(x.no, out);
      return;
    default:
      return;
  }
}

const unsayable = (what: string) =>
  new PolicyInputError(
    [
      refused(
        'formula',
        'invalid',
        {
          en: `a formula SQL can say (${what} cannot be)`,
          zh: `SQL 能表达的公式(不能含${what === 'a division by a value of the record' ? '按记录中的值做除法' : what})`,
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
          why: check.handWritten?.en ?? (check.scope === 'community' ? 'written by hand: no formula' : `a ${check.scope} check: not a row of the table`),
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
  const source = (f: string) => ident(Object.hasOwn(columns, f) ? columns[f]! : f);
  // The formulas read the typed rows, whose columns are named as the fields.
  const w = new Writer(DIALECTS[dialect], ident);
  const table = (options.table ?? 'communities').split('.').map(ident).join('.');
  const { withFormula, without } = communityChecks(policy);
  const resolved = withFormula.map((check) => ({ check, r: resolveFormula(check.formula!, policy, year) }));

  // The typed rows read each field the formulas use once, cast to the narrowest exact type that holds every value
  // the library accepts of its kind; the inner query decides each check's condition once (TRUE, FALSE or NULL); the
  // outer one names the status and gives the shortfall of a failing row (computed for failing rows only).
  const fields = new Set<string>();
  for (const { r } of resolved) {
    fieldsOf(r.pass, fields);
    fieldsOf(r.shortfall, fields);
  }
  const typed = [`${source('id')} AS "id"`, `${source('kind')} AS "kind"`];
  for (const f of [...fields].filter((f) => f !== 'id' && f !== 'kind')) typed.push(`${w.cast(f, source(f))} AS ${ident(f)}`);
  const inner: string[] = [];
  const outer: string[] = [];
  for (const [j, { check, r }] of resolved.entries()) {
    const ok = ident(`ok ${j}`);
    inner.push(`${w.bool(r.pass)} AS ${ok}`);
    const applies = check.rural ? '' : `WHEN NOT ${URBAN} THEN NULL `;
    outer.push(`CASE ${applies}WHEN ${ok} THEN 'pass' WHEN NOT ${ok} THEN 'fail' ELSE 'unknown' END AS ${ident(check.provision)}`);
    const failing = check.rural ? `NOT ${ok}` : `${URBAN} AND NOT ${ok}`;
    outer.push(`CASE WHEN ${failing} THEN ${w.decimal(w.num(r.shortfall))} END AS ${ident(`${check.provision} shortfall`)}`);
  }
  const query = [
    `WITH ${TYPED} AS (`,
    `  SELECT ${typed.join(',\n    ')}`,
    `  FROM ${table}`,
    ')',
    `SELECT "id",`,
    `  ${outer.join(',\n  ')}`,
    'FROM (',
    // Whether the row is urban, once (the urban checks ask it twice each).
    `  SELECT *, "kind" = 'urban' AS ${URBAN},`,
    `    ${inner.join(',\n    ')}`,
    `  FROM ${TYPED}`,
    ') AS checked',
  ].join('\n');
  const body = options.view === undefined ? `${query};` : `CREATE VIEW ${options.view.split('.').map(ident).join('.')} AS\n${query};`;
  return `${header(policy, options, resolved, without).join('\n')}\n${body}\n`;
}

const NOT_SET = { zh: '未设定', en: 'not set' } as const;
/** Words in Chinese, then English where they differ. */
const both = (say: (lang: 'zh' | 'en') => string) => {
  const zh = say('zh');
  const en = say('en');
  return zh === en ? zh : `${zh} / ${en}`;
};

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
  // Options and values in words, through the one formatter, in both languages (the choice's id kept beside).
  const option = (id: string, i: (typeof register)[number]) => `${both((lang) => optionWords(id, i.options, lang))} [${id}]`;
  for (const i of register) {
    if (!readings.has(i.id)) continue;
    const choice = readings.get(i.id)!;
    const flag = choice === i.default ? ' (default)' : ` (not the default, ${option(i.default, i)})`;
    lines.push(comment(`  ${i.id} [${i.clause}] ${i.question.en} — ${option(choice, i)}${flag}`));
  }
  if (params.size) lines.push(comment('parameters:'));
  const declared = declarationsOf(policy.provisions);
  for (const [path, value] of [...params].sort(([a], [b]) => a.localeCompare(b))) {
    const p = asOf.get(path);
    const d = declared.find((x) => x.path === path);
    const unit = p?.unit ?? d?.unit ?? 'option';
    const reading = register.find((i) => i.parameter === path);
    const name = both((lang) => parameterWords(path, d, lang));
    const shown = value === undefined ? both((lang) => NOT_SET[lang]) : both((lang) => parameterValueWords(value, unit, lang, reading?.options));
    const cited = p?.cites?.map((c) => `${c.source}${c.clause ? ` ${c.clause}` : ''}`).join(', ');
    lines.push(comment(`  ${path} (${name}) = ${shown}${p ? ` [${p.clause}]` : ''}${cited ? `, per ${cited}` : ''}`));
  }
  lines.push(comment('checks:'));
  for (const { check } of resolved)
    lines.push(comment(`  ${check.provision} [${check.clause}]${check.rural ? ', rural communities too' : ', urban communities'}`));
  if (without.length) lines.push(comment('not in this query (no formula over a community row):'));
  for (const x of without) lines.push(comment(`  ${x.provision} [${x.clause}]: ${x.why}`));
  return lines;
}
