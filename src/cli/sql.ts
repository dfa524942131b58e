/**
 * `shequ-rules sql`: the policy's community checks as one SQL query (or a
 * view) for DuckDB or Postgres, printed on standard output.
 */
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { PolicyInputError } from '../errors.js';
import type { PolicyCore } from '../provisions/provision.js';
import { toSql } from '../sql/to-sql.js';
import { InputError } from './read-input.js';

const USAGE = {
  en: 'usage: shequ-rules sql --dialect duckdb|postgres [--policy FILE] [--params FILE] [--year N] [--table NAME] [--view NAME] [--lang zh|en]',
  zh: '用法：shequ-rules sql --dialect duckdb|postgres [--policy 文件] [--params 文件] [--year 年份] [--table 表名] [--view 视图名] [--lang zh|en]',
};

/** Run `sql` with its arguments; `policyFrom` reads `--policy` and `--params` as the other commands do. @internal */
export async function sql(args: string[], io: { stdout: Writable }, policyFrom: (values: Record<string, unknown>) => Promise<PolicyCore>): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        dialect: { type: 'string' },
        policy: { type: 'string' },
        params: { type: 'string' },
        year: { type: 'string' },
        table: { type: 'string' },
        view: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new InputError({ en: `${(e as Error).message}\n${USAGE.en}`, zh: `参数有误(${(e as Error).message})\n${USAGE.zh}` });
  }
  if (values.help) {
    io.stdout.write(`${USAGE.en}\n`);
    return 0;
  }
  const dialect = values.dialect ?? 'duckdb';
  if (dialect !== 'duckdb' && dialect !== 'postgres')
    throw new InputError({
      en: `--dialect must be duckdb or postgres, got ${JSON.stringify(dialect)}`,
      zh: `--dialect 应为 duckdb 或 postgres，得到 ${JSON.stringify(dialect)}`,
    });
  let year: number | undefined;
  if (values.year !== undefined) {
    year = /^\d{4}$/.test(String(values.year)) ? Number(values.year) : Number.NaN;
    if (Number.isNaN(year))
      throw new InputError({
        en: `--year must be a year of four digits, got ${JSON.stringify(values.year)}`,
        zh: `--year 应为四位数的年份，得到 ${JSON.stringify(values.year)}`,
      });
  }
  const policy = await policyFrom(values);
  try {
    const text = toSql(policy, {
      dialect,
      ...(year !== undefined && { year }),
      ...(typeof values.table === 'string' && { table: values.table }),
      ...(typeof values.view === 'string' && { view: values.view }),
    });
    await new Promise<void>((resolve, reject) => io.stdout.write(text, (e) => (e ? reject(e) : resolve())));
  } catch (e) {
    if (e instanceof PolicyInputError) throw new InputError({ en: e.message, zh: e.issues.map((i) => i.messages.zh).join('；') });
    throw e;
  }
  return 0;
}
