/**
 * The report as an Excel workbook for the clerks who go on in Excel or WPS: a
 * summary sheet, the totals owed, one row per finding for each year, the
 * progress across the years when there are several, the readings, parameters
 * and documents the evaluation used, and what was read. Every number is a
 * number in a format (counts grouped, shares as percentages, money and
 * areas), every table has a frozen, bold, filtered header, failing and
 * undecided rows are coloured, and the pages print landscape, fitted to the
 * width, with the header on each page. Written by the small OOXML writer
 * beside it: the spreadsheet library is not needed to write it.
 */
import { D } from '../decimal.js';
import type { Finding } from '../evaluate/evaluate.js';
import { shapeOf } from '../evaluate/evaluate.js';
import type { PolicyCore } from '../provisions/provision.js';
import type { FileEvaluation } from '../read/notes.js';
import type { Lang } from '../trace.js';
import { inputLines, progressRows } from './input-report.js';
import { type CellIn, type Row, type Sheet, writeXlsx } from './ooxml.js';
import {
  AUDIT_HEAD,
  auditRows,
  findingHead,
  findingRow,
  NOT_EVALUATED,
  notEvaluatedRow,
  OWED_HEAD,
  owedRow,
  valueCell,
  yearCell as year,
} from './workbook-parts.js';
import { unitOf } from './words.js';

/** The workbook's bytes. */
export async function xlsxReport(data: FileEvaluation, policy: PolicyCore, lang: Lang): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const k = shapeOf(policy);
  const cites = k.sources.length > 1;
  const head = findingHead(lang, cites);
  const title = zh ? '社区建设政策合规报告' : 'Community-building compliance report';
  const sheets: Sheet[] = [];

  const summary: Row[] = [
    { cells: [title], bold: true },
    { cells: [] },
    {
      cells: zh
        ? ['年度', '社区数', '通过', '未通过', '无法判断', '全部达标的城市社区', '城市社区', '达标比例', '另有待定的城市社区']
        : ['year', 'communities', 'pass', 'fail', 'unknown', 'urban meeting all', 'urban', 'share', 'urban undecided'],
    },
  ];
  for (const { year: y, result } of data.years) {
    const s = result.summary;
    const u = s.urbanMeetingAll;
    const c = (n: number): CellIn => ({ v: n, fmt: 'count' });
    summary.push({
      cells: [
        year(y),
        c(s.communities),
        c(s.counts.pass),
        c(s.counts.fail),
        c(s.counts.unknown),
        c(u.count),
        c(u.of),
        u.of > 0 ? { v: new D(u.count).div(u.of), fmt: 'share' } : null,
        c(u.undecided),
      ],
    });
  }
  sheets.push({ name: zh ? '摘要' : 'Summary', rows: summary, header: 2, footer: title });

  const owed: Row[] = [{ cells: [zh ? '年度' : 'year', ...OWED_HEAD[lang]] }];
  for (const { year: y, result } of data.years) {
    const o = result.summary.owed as unknown as Record<string, Finding['expected']>;
    for (const t of k.owed) owed.push(owedRow([year(y)], t, o[t.key], result.summary, k, lang));
  }
  sheets.push({ name: zh ? '欠缺合计' : 'Totals owed', rows: owed, header: 0, footer: title });

  const rank = { fail: 0, unknown: 1, pass: 2 } as const;
  for (const { year: y, result } of data.years) {
    const findings = [...result.findings].sort((a, b) => rank[a.status] - rank[b.status]);
    const rows: Row[] = [{ cells: head }, ...findings.map((f) => findingRow(y, f, lang, data.names, k))];
    // Never a silent gap: what applies but could not be evaluated, as a row of its own.
    for (const n of result.summary.notEvaluated ?? []) rows.push(notEvaluatedRow(y, n, lang, k));
    sheets.push({ name: `${zh ? '结果' : 'Findings'} ${y}`, rows, header: 0, footer: `${title} ${y}` });
  }

  if (data.years.length > 1) {
    const rows = progressRows(data.years, policy);
    const unit = (f: Finding | undefined) => (f ? unitOf(f.provision, k) : undefined);
    // A column's check not evaluated in a year (a table of communities has no villages or budget) says so.
    const gap = (i: number, key: 'rollout' | 'fund'): CellIn => {
      const id = k.kinds.find((x) => x.progress === key)?.provision;
      return id !== undefined && data.years[i]!.result.summary.notEvaluated?.some((n) => n.provision === id) ? NOT_EVALUATED[lang] : null;
    };
    sheets.push({
      name: zh ? '历年进展' : 'Progress',
      header: 0,
      footer: title,
      rows: [
        {
          cells: zh
            ? ['年度', '全部达标的城市社区', '城市社区', '目标比例', '农村社区应推行比例', '应推行(个)', '已推行(个)', '市财政资金下限(元)', '实际(元)']
            : ['year', 'urban meeting all', 'urban', 'target share', 'rural share due', 'villages due', 'reached', 'city fund minimum (yuan)', 'actual (yuan)'],
        },
        ...rows.map(
          (r, i): Row => ({
            cells: [
              year(r.year),
              { v: r.urbanMeetingAll.count, fmt: 'count' },
              { v: r.urbanMeetingAll.of, fmt: 'count' },
              valueCell(r.urban?.expected, 'share', lang),
              r.ruralShareDue ? { v: r.ruralShareDue, fmt: 'share' } : null,
              r.rollout ? (typeof r.rollout.expected === 'number' ? { v: r.rollout.expected, fmt: 'count' } : null) : gap(i, 'rollout'),
              r.rollout ? valueCell(r.rollout.actual, unit(r.rollout), lang) : gap(i, 'rollout'),
              r.fund ? valueCell(r.fund.expected, 'yuan', lang) : gap(i, 'fund'),
              r.fund ? valueCell(r.fund.actual, 'yuan', lang) : gap(i, 'fund'),
            ],
          }),
        ),
      ],
    });
  }

  // The readings, parameters and documents, as in force at the end of the last year evaluated.
  const last = data.years.at(-1)?.year;
  const day = last === undefined ? undefined : `${last}-12-31`;
  if (day !== undefined)
    sheets.push({
      name: zh ? '口径与参数' : 'Readings and parameters',
      header: 0,
      footer: title,
      rows: [{ cells: [...AUDIT_HEAD[lang]] }, ...auditRows(policy, lang, day)],
      widths: [8, 30, 40, 40, 6, 12, 8, 16, 40, 60],
    });

  sheets.push({
    name: zh ? '读取的数据' : 'Data read',
    header: 0,
    footer: title,
    rows: [{ cells: [zh ? '读取的数据' : 'Data read'] }, ...inputLines(data.input, lang).map((l): Row => ({ cells: [l] }))],
  });
  return writeXlsx(sheets, { lang });
}
