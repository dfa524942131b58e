/**
 * A comparison of policies as a workbook: a summary sheet, the totals owed
 * under each policy, a sheet of findings per policy, the differences and the
 * communities now failing, the readings, parameters and documents of each
 * policy, and what was read. Formatted as the report's workbook is (numbers
 * in formats, frozen and filtered headers, coloured rows, landscape pages).
 * Apart from the text forms, so that it is loaded only for a workbook.
 */
import { shapeOf } from '../evaluate/evaluate.js';
import type { PolicyCore } from '../provisions/provision.js';
import type { FileInput } from '../read/notes.js';
import type { Lang } from '../trace.js';
import { STATUS, W, type ComparedYear } from './compare-report.js';
import { inputLines } from './input-report.js';
import { type CellIn, type Row, type Sheet, writeXlsx } from './ooxml.js';
import {
  AUDIT_HEAD,
  auditRows,
  findingHead,
  findingRow,
  NOT_EVALUATED,
  notEvaluatedRow,
  OWED_HEAD,
  owedNotEvaluated,
  owedRow,
  unitWords,
  valueCell,
  yearCell,
} from './workbook-parts.js';
import { subjectWords } from './words.js';

/** What the comparison's workbook needs beside the comparison: the policies compared (in its order) and the files read. */
export interface CompareXlsxOptions {
  readonly policies: readonly PolicyCore[];
  readonly input?: readonly FileInput[];
}

/** The comparison as a workbook. */
export async function compareXlsx(years: readonly ComparedYear[], lang: Lang, o: CompareXlsxOptions): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const title = W.title[lang];
  const count = (n: number): CellIn => ({ v: n, fmt: 'count' });
  const policyOf = new Map(o.policies.map((p) => [p.sources.at(-1)!.id, p]));
  const sheets: Sheet[] = [];

  const summary: Row[] = [
    { cells: [title], bold: true },
    { cells: [] },
    {
      cells: zh
        ? ['年度', ...W.head.zh, W.counts.pass.zh, W.counts.fail.zh, W.counts.unknown.zh, W.failing.zh]
        : ['year', ...W.head.en, W.counts.pass.en, W.counts.fail.en, W.counts.unknown.en, W.failing.en],
    },
  ];
  for (const { comparison: c } of years)
    for (const p of c.policies) {
      const s = p.sources.at(-1)!;
      summary.push({
        cells: [
          yearCell(c.year),
          p.id,
          p.title[lang],
          STATUS[s.status ?? 'unverified']![lang],
          count(p.counts.pass),
          count(p.counts.fail),
          count(p.counts.unknown),
          count(p.failing.length),
        ],
      });
    }
  sheets.push({ name: zh ? '摘要' : 'Summary', rows: summary, header: 2, footer: title });

  const owed: Row[] = [{ cells: [zh ? '年度' : 'year', zh ? '政策' : 'policy', ...OWED_HEAD[lang]] }];
  for (const { comparison: c } of years)
    for (const p of c.policies) {
      const policy = policyOf.get(p.id);
      if (!policy) continue;
      const k = shapeOf(policy);
      for (const t of k.owed) owed.push(owedRow([yearCell(c.year), p.id], t, p.owed[t.key], p.evaluation.summary, k, lang));
    }
  sheets.push({ name: zh ? '各政策欠缺合计' : 'Totals owed', rows: owed, header: 0, footer: title });

  const rank = { fail: 0, unknown: 1, pass: 2 } as const;
  const policyIds = [...new Set(years.flatMap(({ comparison: c }) => c.policies.map((p) => p.id)))];
  policyIds.forEach((id, i) => {
    const policy = policyOf.get(id);
    const k = policy ? shapeOf(policy) : undefined;
    const rows: Row[] = [{ cells: findingHead(lang, (k?.sources.length ?? 1) > 1) }];
    let name = id;
    for (const { comparison: c, names } of years) {
      const p = c.policies.find((x) => x.id === id);
      if (!p || !k) continue;
      name = p.title[lang];
      const findings = [...p.evaluation.findings].sort((a, b) => rank[a.status] - rank[b.status]);
      for (const f of findings) rows.push(findingRow(c.year, f, lang, names, k));
      for (const n of p.evaluation.summary.notEvaluated ?? []) rows.push(notEvaluatedRow(c.year, n, lang, k));
    }
    // A sheet's name: its number, and the document's title in Chinese (its id in English); at most 31 characters.
    sheets.push({ name: `${i + 1} ${zh ? name : id}`, rows, header: 0, footer: `${title}: ${name}` });
  });

  const diff: Row[] = [
    {
      cells: zh
        ? ['年度', '政策', '基准', '合计', '单位', '基准', '该政策', '多需']
        : ['year', 'policy', 'against', 'total', 'unit', 'baseline', 'policy', 'more asked'],
    },
  ];
  // A total whose checks were not evaluated under a policy is 未评估 there, never 0; and so is how much more is asked.
  const gap = (c: ComparedYear['comparison'], id: string, key: string): boolean => {
    const p = c.policies.find((x) => x.id === id);
    const policy = policyOf.get(id);
    return p !== undefined && policy !== undefined && owedNotEvaluated(p.evaluation.summary, key, shapeOf(policy)) > 0;
  };
  const ne = NOT_EVALUATED[lang];
  for (const { comparison: c } of years)
    for (const d of c.differences)
      for (const t of d.owed) {
        const base = gap(c, d.against, t.key);
        const alt = gap(c, d.policy, t.key);
        diff.push({
          cells: [
            yearCell(c.year),
            d.policy,
            d.against,
            t.name[lang],
            unitWords(t.unit, lang),
            base ? ne : valueCell(t.baseline, t.unit, lang),
            alt ? ne : valueCell(t.alternative, t.unit, lang),
            base || alt ? ne : valueCell(t.more, t.unit, lang),
          ],
          ...((base || alt) && { fill: 'notEvaluated' as const }),
        });
      }
  sheets.push({ name: zh ? '差异' : 'Differences', rows: diff, header: 0, footer: title });

  const now: Row[] = [{ cells: zh ? ['年度', '政策', '基准', '新增未达标社区'] : ['year', 'policy', 'against', 'community now failing'] }];
  for (const { comparison: c, names } of years)
    for (const d of c.differences)
      for (const id of d.communitiesNowFailing) now.push({ cells: [yearCell(c.year), d.policy, d.against, subjectWords(id, lang, names)], fill: 'fail' });
  sheets.push({ name: zh ? '新增未达标社区' : 'Now failing', rows: now, header: 0, footer: title });

  // Each policy's readings, parameters and documents, as in force on the last year's day of the comparison.
  const on = years.at(-1)?.comparison.on;
  if (on !== undefined) {
    const rows: Row[] = [{ cells: [zh ? '政策' : 'policy', ...AUDIT_HEAD[lang]] }];
    for (const id of policyIds) {
      const policy = policyOf.get(id);
      if (policy) rows.push(...auditRows(policy, lang, on, [id]));
    }
    sheets.push({ name: zh ? '口径与参数' : 'Readings and parameters', rows, header: 0, footer: title, widths: [16, 8, 30, 40, 40, 6, 12, 8, 16, 40, 60] });
  }
  if (o.input?.length)
    sheets.push({
      name: zh ? '读取的数据' : 'Data read',
      header: 0,
      footer: title,
      rows: [{ cells: [W.read[lang]] }, ...inputLines(o.input, lang).map((l): Row => ({ cells: [l] }))],
    });
  return writeXlsx(sheets, { lang });
}
