/**
 * A comparison of policies as a workbook: a summary sheet, a sheet per policy
 * (its findings) and one of the differences. Apart from the text forms, so
 * that the spreadsheet library is loaded only for a workbook.
 */
import type { Decimal } from 'decimal.js';
import { writeWorkbook, type SheetOut } from '../read/xlsx.js';
import type { Lang } from '../trace.js';
import { STATUS, W, type ComparedYear } from './compare-report.js';
import { STATUS_WORDS } from './words.js';

/** The comparison as a workbook: a summary sheet, a sheet per policy (its findings) and one of the differences. */
export async function compareXlsx(years: readonly ComparedYear[], lang: Lang): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const num = (v: Decimal) => Number(v.toFixed());
  const sheets: SheetOut[] = [];
  const summary: (string | number | null)[][] = [[W.title[lang]], []];
  summary.push(
    zh
      ? ['年度', '政策', '文件', '状态', '通过', '未通过', '无法判断', '未达标社区']
      : ['year', 'policy', 'document', 'status', 'pass', 'fail', 'unknown', 'communities failing'],
  );
  for (const { comparison: c } of years)
    for (const p of c.policies) {
      const s = p.sources.at(-1)!;
      summary.push([c.year, p.id, p.title[lang], STATUS[s.status ?? 'unverified']![lang], p.counts.pass, p.counts.fail, p.counts.unknown, p.failing.length]);
    }
  sheets.push({ name: zh ? '摘要' : 'Summary', rows: summary, widths: [8, 24, 40, 12, 8, 8, 10, 12] });
  const policyIds = [...new Set(years.flatMap(({ comparison: c }) => c.policies.map((p) => p.id)))];
  policyIds.forEach((id, i) => {
    const rows: (string | number | null)[][] = [
      zh ? ['年度', '对象', '名称', '结果编号', '条文', '结果', '说明'] : ['year', 'subject', 'name', 'finding', 'clause', 'status', 'message'],
    ];
    for (const { comparison: c, names } of years) {
      const p = c.policies.find((x) => x.id === id);
      for (const f of p?.evaluation.findings ?? [])
        rows.push([c.year, f.subject, names[f.subject] ?? null, f.provision, f.clause, STATUS_WORDS[f.status][lang], f.message[lang]]);
    }
    // A sheet's name: at most 31 characters, unique.
    sheets.push({ name: `${i + 1} ${id}`.slice(0, 31), rows, widths: [8, 16, 14, 20, 8, 10, 60] });
  });
  const diff: (string | number | null)[][] = [
    zh
      ? ['年度', '政策', '基准', '合计', '单位', '基准', '该政策', '多需']
      : ['year', 'policy', 'against', 'total', 'unit', 'baseline', 'policy', 'more asked'],
  ];
  for (const { comparison: c } of years)
    for (const d of c.differences)
      for (const o of d.owed)
        diff.push([
          c.year,
          d.policy,
          d.against,
          o.name[lang],
          o.unit,
          o.baseline ? num(o.baseline) : null,
          o.alternative ? num(o.alternative) : null,
          num(o.more),
        ]);
  diff.push([]);
  diff.push(zh ? ['年度', '政策', '新增未达标社区'] : ['year', 'policy', 'communities now failing']);
  for (const { comparison: c, names } of years)
    for (const d of c.differences) for (const id of d.communitiesNowFailing) diff.push([c.year, d.policy, names[id] ? `${names[id]} ${id}` : id]);
  sheets.push({ name: zh ? '差异' : 'Differences', rows: diff, widths: [8, 24, 24, 24, 8, 14, 14, 14] });
  return writeWorkbook(sheets);
}
