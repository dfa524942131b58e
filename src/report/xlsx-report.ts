/**
 * The report as an Excel workbook, for people who go on in Excel: a summary
 * sheet, then one row per finding with its numbers as numbers (and the unit
 * in a column of its own), a sheet per year, and the progress across the
 * years when there are several. The spreadsheet library is loaded only here.
 */
import type { Decimal } from 'decimal.js';
import { D } from '../decimal.js';
import type { Finding, FindingValue } from '../evaluate/evaluate.js';
import { shapeOf } from '../evaluate/evaluate.js';
import type { Kinds } from '../evaluate/kinds.js';
import type { PolicyCore } from '../provisions/provision.js';
import type { FileEvaluation } from '../read/notes.js';
import { writeWorkbook, type SheetOut } from '../read/xlsx.js';
import type { Lang } from '../trace.js';

import { inputLines, progressRows } from './input-report.js';
import { expectedIsArea, STATUS_WORDS, subjectWords, unitOf, yesNo } from './words.js';

const UNIT_WORDS: Readonly<Record<string, { zh: string; en: string }>> = {
  share: { zh: '比例', en: 'share' },
  deviation: { zh: '偏差比例', en: 'deviation (share)' },
  m2: { zh: 'm²', en: 'm²' },
  yuan: { zh: '元', en: 'yuan' },
  workers: { zh: '名', en: 'workers' },
  flag: { zh: '是/否', en: 'yes/no' },
  villages: { zh: '个村(组)', en: 'villages' },
};

/** A value as a cell: numbers stay numbers (Excel's own precision; the JSON report keeps the exact value). */
function cell(v: FindingValue | undefined, lang: Lang): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return yesNo(v, lang);
  if (typeof v === 'number' || typeof v === 'string') return v;
  return Number((v as Decimal).toFixed());
}

/** A unit in words (a provision of another document may declare a unit of its own: shown as it is). */
const unitWords = (unit: string, lang: Lang): string => UNIT_WORDS[unit]?.[lang] ?? unit;

function findingRow(year: number, f: Finding, lang: Lang, names: Readonly<Record<string, string>>, k: Kinds): (string | number | null)[] {
  const unit = unitOf(f.provision, k);
  const areaForMoney = expectedIsArea(f, k);
  const name = names[f.subject];
  return [
    year,
    subjectWords(f.subject, lang),
    name ?? null,
    k.kind(f.provision)?.name[lang] ?? f.provision,
    f.provision,
    f.clause,
    STATUS_WORDS[f.status][lang],
    areaForMoney ? null : cell(f.expected, lang),
    cell(f.actual, lang),
    f.status === 'fail' && f.shortfall ? Number(f.shortfall.toFixed()) : null,
    unit ? unitWords(unit, lang) : null,
    f.message[lang],
    // The document that changed it, when documents were laid over the policy (the column is there only then).
    ...(k.sources.length > 1 ? [f.cites?.length ? k.cited(f.cites, lang) : null] : []),
  ];
}

/** The workbook's bytes. */
export async function xlsxReport(data: FileEvaluation, policy: PolicyCore, lang: Lang): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const k = shapeOf(policy);
  const head = zh
    ? ['年度', '对象', '名称', '条款', '编号', '条文', '结果', '要求', '实际', '差额', '单位', '说明', ...(k.sources.length > 1 ? ['依据的文件'] : [])]
    : [
        'year',
        'subject',
        'name',
        'provision',
        'id',
        'clause',
        'status',
        'expected',
        'actual',
        'shortfall',
        'unit',
        'message',
        ...(k.sources.length > 1 ? ['per document'] : []),
      ];
  const widths = [6, 16, 14, 16, 20, 7, 8, 12, 12, 10, 10, 60, 24];
  const summary: (string | number | null)[][] = [[zh ? '社区建设政策合规报告' : 'Community-building compliance report'], []];
  summary.push(
    zh
      ? ['年度', '社区数', '通过', '未通过', '无法判断', '全部达标的城市社区', '城市社区', '达标比例']
      : ['year', 'communities', 'pass', 'fail', 'unknown', 'urban meeting all', 'urban', 'share'],
  );
  for (const { year, result } of data.years) {
    const s = result.summary;
    const u = s.urbanMeetingAll;
    summary.push([
      year,
      s.communities,
      s.counts.pass,
      s.counts.fail,
      s.counts.unknown,
      u.count,
      u.of,
      u.of > 0 ? Number(new D(u.count).div(u.of).toFixed(6)) : null,
    ]);
  }
  summary.push([], [zh ? '欠缺合计' : 'Totals owed'], [zh ? '年度' : 'year', ...k.owed.map((t) => `${t.name[lang]} (${unitWords(t.unit, lang)})`)]);
  for (const { year, result } of data.years) {
    const o = result.summary.owed as unknown as Record<string, FindingValue>;
    summary.push([year, ...k.owed.map((t) => cell(o[t.key]!, lang))]);
  }
  summary.push([], [zh ? '读取的数据' : 'Data read'], ...inputLines(data.input, lang).map((l) => [l.trim()]));
  const sheets: SheetOut[] = [{ name: zh ? '摘要' : 'Summary', rows: summary, widths: [12, 14, 14, 14, 14, 16, 12, 10] }];
  for (const { year, result } of data.years) {
    const rank = { fail: 0, unknown: 1, pass: 2 } as const;
    const findings = [...result.findings].sort((a, b) => rank[a.status] - rank[b.status]);
    sheets.push({ name: `${zh ? '结果' : 'Findings'} ${year}`, rows: [head, ...findings.map((f) => findingRow(year, f, lang, data.names, k))], widths });
  }
  if (data.years.length > 1) {
    const rows = progressRows(data.years, policy);
    sheets.push({
      name: zh ? '历年进展' : 'Progress',
      rows: [
        zh
          ? ['年度', '全部达标的城市社区', '城市社区', '目标比例', '农村社区应推行比例', '应推行(个)', '已推行(个)', '市财政资金下限(元)', '实际(元)']
          : ['year', 'urban meeting all', 'urban', 'target share', 'rural share due', 'villages due', 'reached', 'city fund minimum (yuan)', 'actual (yuan)'],
        ...rows.map((r) => [
          r.year,
          r.urbanMeetingAll.count,
          r.urbanMeetingAll.of,
          cell(r.urban?.expected, lang),
          cell(r.ruralShareDue, lang),
          typeof r.rollout?.expected === 'number' ? r.rollout.expected : null,
          cell(r.rollout?.actual, lang),
          cell(r.fund?.expected, lang),
          cell(r.fund?.actual, lang),
        ]),
      ],
      widths: [8, 18, 10, 12, 16, 12, 12, 20, 14],
    });
  }
  return writeWorkbook(sheets);
}
