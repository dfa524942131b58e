/**
 * The parts of a report that speak of the input and of several years: what
 * was read (file, encoding, sheets, header, rows skipped, totals and their
 * checks), and the progress across the years toward A.2's targets, the rural
 * rollout and the city fund.
 */
import type { Decimal } from 'decimal.js';
import { D } from '../decimal.js';
import type { CityEvaluation, Finding } from '../evaluate/evaluate.js';
import { shapeOf } from '../evaluate/evaluate.js';
import type { Kinds } from '../evaluate/kinds.js';
import type { PolicyCore } from '../provisions/provision.js';
import type { FileInput } from '../read/notes.js';
import type { Lang } from '../trace.js';
import { encodingWords, findingValues, NOT_GIVEN, percent, provisionLabel } from './words.js';

const list = (rows: readonly number[]) => (rows.length <= 8 ? rows.join(', ') : `${rows.slice(0, 8).join(', ')} …`);

/** What was read, one line a fact. */
export function inputLines(input: readonly FileInput[], lang: Lang): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const f of input) {
    const kind = { json: 'JSON', csv: 'CSV', xlsx: zh ? 'Excel 工作簿' : 'Excel workbook' }[f.format];
    out.push(`${f.file}: ${kind}${f.encoding ? (zh ? `，编码 ${encodingWords(f.encoding, lang)}` : `, encoding ${f.encoding}`) : ''}`);
    if (f.named) {
      const name = { json: 'JSON', csv: 'CSV', xlsx: zh ? 'Excel 工作簿' : 'an Excel workbook' }[f.named];
      out.push(
        zh
          ? `  文件名表明是 ${name}，但内容是 ${kind}：按内容读取`
          : `  the name says ${name}, but the content is ${f.format === 'xlsx' ? 'an Excel workbook' : kind}: read as its content`,
      );
    }
    if (f.skippedSheets.length) out.push(zh ? `  未读取的工作表: ${f.skippedSheets.join('、')}` : `  sheets not read: ${f.skippedSheets.join(', ')}`);
    if (f.hiddenSheets?.length) {
      const names = f.hiddenSheets.map((h) => `${h.name}${h.state === 'veryHidden' ? (zh ? '(深度隐藏)' : ' (very hidden)') : ''}`);
      out.push(
        zh
          ? `  隐藏的工作表未读取: ${names.join('、')}(要读取请用 --sheet 指定)`
          : `  hidden sheets not read: ${names.join(', ')} (name one with --sheet to read it)`,
      );
    }
    for (const t of f.tables) {
      const n = t.notes;
      const where = t.sheet !== undefined ? (zh ? `  工作表“${t.sheet}”: ` : `  sheet "${t.sheet}": `) : '  ';
      const years = Object.entries(n.rowsByYear).map(([y, c]) => (zh ? `${y} 年 ${c} 个社区` : `${c} communities in ${y}`));
      const facts: string[] = [];
      facts.push(zh ? `表头在第 ${n.headerRows.join('、')} 行` : `header on row${n.headerRows.length > 1 ? 's' : ''} ${n.headerRows.join(' and ')}`);
      if (n.titleRows.length) facts.push(zh ? `跳过标题行 ${list(n.titleRows)}` : `title row${n.titleRows.length > 1 ? 's' : ''} ${list(n.titleRows)} skipped`);
      if (n.blankRows) facts.push(zh ? `跳过空行 ${n.blankRows} 行` : `${n.blankRows} blank row${n.blankRows > 1 ? 's' : ''} skipped`);
      if (n.noteRows.length) facts.push(zh ? `跳过表下说明 ${list(n.noteRows)}` : `note row${n.noteRows.length > 1 ? 's' : ''} ${list(n.noteRows)} skipped`);
      if (n.totalRows.length)
        facts.push(
          zh
            ? `合计行 ${list(n.totalRows)} 不作为社区评估，已核对其合计`
            : `total row${n.totalRows.length > 1 ? 's' : ''} ${list(n.totalRows)} not evaluated, sums checked`,
        );
      out.push(`${where}${facts.join(zh ? '；' : '; ')}`);
      if (years.length) out.push(`    ${zh ? '读取' : 'read'}: ${years.join(zh ? '，' : ', ')}`);
      const y = n.year;
      if (y) {
        const from = y.from.map((w) => w[lang]).join(zh ? '、' : ' and ');
        const own = y.year !== undefined ? (zh ? `${y.year} 年，取自${from}` : `${y.year}, from ${from}`) : '';
        if (y.column !== undefined)
          out.push(
            zh
              ? `    年度取自“${y.column}”列${own ? `；该列为空的行: ${own}` : ''}`
              : `    year from the column ${y.column}${own ? `; rows that leave it empty: ${own}` : ''}`,
          );
        else if (own) out.push(zh ? `    年度: ${own}` : `    year: ${own}`);
        // Under a 年度 column, say what each total was held to: one year's rows, or every year's.
        if (y.column !== undefined)
          for (const t of n.totalsChecked ?? [])
            out.push(
              t.year !== undefined
                ? zh
                  ? `    合计行 ${t.row} 与上面 ${t.year} 年的 ${t.rows} 行核对`
                  : `    total row ${t.row} checked against the ${t.rows} rows of ${t.year} above`
                : zh
                  ? `    合计行 ${t.row} 是各年度的总计，与上面全部 ${t.rows} 行核对`
                  : `    total row ${t.row} is a grand total, checked against all ${t.rows} rows above, every year`,
            );
      }
      if (n.idFromName) out.push(zh ? '    表中没有区划代码(编号)列，社区按名称识别' : '    no id column: communities are identified by their names');
      if (n.ignoredColumns.length)
        out.push(zh ? `    不参与评估的列: ${n.ignoredColumns.join('、')}` : `    columns not evaluated: ${n.ignoredColumns.join(', ')}`);
      for (const w of n.warnings) out.push(`    ${zh ? '⚠ 注意' : '⚠ warning'}: ${w.message[lang]}`);
    }
  }
  return out;
}

/** One year's row of the progress table: the city findings of that year. */
export interface ProgressRow {
  readonly year: number;
  readonly urban?: Finding;
  readonly rollout?: Finding;
  readonly fund?: Finding;
  readonly urbanMeetingAll: { readonly count: number; readonly of: number };
  /** The share of villages the rural rollout should have reached by the end of the year, whatever the data gives (absent when the policy has no rollout). */
  readonly ruralShareDue?: Decimal;
}

type Column = 'urban' | 'rollout' | 'fund';
/** The finding id of each column of the progress table, as the policy's provisions declare it (none when the policy has no such provision). */
const progressOf = (key: Column, k: Kinds): string | undefined => k.kinds.find((x) => x.progress === key)?.provision;
/** The city's finding of a year for a column: the city's own, or the city's for that year. */
const cityFinding = (result: CityEvaluation<string>, year: number, key: Column, k: Kinds) =>
  result.findings.find((f) => f.provision === progressOf(key, k) && (f.subject === 'city' || f.subject === `city/${year}`));

/** The city findings of each year, for the progress table and the JSON report. */
export function progressRows(years: readonly { year: number; result: CityEvaluation<string> }[], policy: PolicyCore): ProgressRow[] {
  const k = shapeOf(policy);
  const rollout = k.city.find((c) => c.provision === progressOf('rollout', k));
  return years.map(({ year, result }) => ({
    ...(rollout?.due && { ruralShareDue: rollout.due(policy, year) }),
    year,
    urban: cityFinding(result, year, 'urban', k),
    rollout: cityFinding(result, year, 'rollout', k),
    fund: cityFinding(result, year, 'fund', k),
    urbanMeetingAll: result.summary.urbanMeetingAll,
  }));
}

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/** The progress table: header row then one row a year. */
export function progressTable(rows: readonly ProgressRow[], lang: Lang, k: Kinds): string[][] {
  const zh = lang === 'zh';
  const label = (key: Column) => {
    const id = progressOf(key, k);
    return id === undefined ? '—' : provisionLabel(id, lang, k);
  };
  const head = zh
    ? ['年度', `${label('urban')} 实际`, '目标', `${label('rollout')} 应推行`, '已推行', `${label('fund')} 下限`, '实际']
    : ['year', `${label('urban')} actual`, 'target', `${label('rollout')} due`, 'reached', `${label('fund')} minimum`, 'actual'];
  const cell = (f: Finding | undefined, which: 'expected' | 'actual') => {
    if (!f) return '—';
    const v = findingValues(f, lang, k)[which];
    return which === 'actual' ? `${MARK[f.status]} ${v}` : v;
  };
  const body = rows.map((r) => {
    const u = r.urbanMeetingAll;
    const urban = u.of === 0 ? NOT_GIVEN[lang] : `${r.urban ? MARK[r.urban.status] : ''} ${u.count}/${u.of} (${percent(new D(u.count).div(u.of))})`.trim();
    const target = r.urban ? percent(r.urban.expected as Decimal) : '—';
    const none = NOT_GIVEN[lang];
    const rolloutDue = r.rollout ? cell(r.rollout, 'expected') : r.ruralShareDue ? percent(r.ruralShareDue) : '—';
    return [
      String(r.year),
      urban,
      target,
      rolloutDue,
      r.rollout ? cell(r.rollout, 'actual') : none,
      r.fund ? cell(r.fund, 'expected') : none,
      r.fund ? cell(r.fund, 'actual') : none,
    ];
  });
  return [head, ...body];
}
