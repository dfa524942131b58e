/**
 * The explorer's standards: the registry as a table (each document, the rule
 * in our words, how far it was read and where, the readings it is laid over
 * with), and the comparison of a picked file under the city's document and
 * the standards the reader ticks — drawn from `comparePolicies`' result, every
 * value exact, formatted with the reports' own words: what `compare` says (counts, communities failing, in force
 * or not, what each asks beyond the baseline) comes from its table (`W`, `STATUS` of src/report/compare-report.ts).
 */
import type { Decimal } from 'decimal.js';
import { comparing, type PolicyComparison } from '../../src/evaluate/compare.js';
import type { Dataset } from '../../src/evaluate/dataset.js';
import type { FileDataset } from './read-data.js';
import { kindsOf } from '../../src/evaluate/kinds.js';
import { PolicyInputError, type Lang, type Policy } from '../../src/index.js';
import { applyStandard } from '../../src/policies/standard-overlays.js';
import { STANDARDS, STANDARD_READINGS, type Standard } from '../../src/policies/standards.js';
import type { ValueUnit } from '../../src/provisions/declare.js';
import { showDate } from '../../src/present/format.js';
import { optionWords } from '../../src/present/words.js';
import { STATUS, W } from '../../src/report/compare-report.js';
import { count, grouped, valueWords } from '../../src/report/words.js';
import { esc, provisionName } from '../../src/view.js';

export const C = {
  standards: { zh: '标准登记表：本市文件之外的国家和地方标准', en: 'The registry of standards: national and local documents beside the city’s' },
  standardsNote: {
    zh: '每项标准的规则为本项目的转述，不是原文；“状态”说明数字读自何处：已核实(读自文件原文)、转引(由下级文件或官方吹风会引述)、未核实。',
    en: 'Each rule is in this project’s words, not the document’s; the status says where its numbers were read: verified (in the document’s own text), derivative (quoted by a lower-level document or an official briefing), unverified.',
  },
  head: {
    zh: ['编号', '文件', '规则(转述)', '适用期', '状态与读取地址', '口径'],
    en: ['id', 'document', 'rule (our words)', 'applies', 'status and where read', 'readings'],
  },
  noDate: { zh: '日期未知', en: 'date not known' },
  leavesOut: { zh: '未检查', en: 'Not checked' },
  readingsHead: { zh: '标准的口径', en: 'Readings of the standards' },
  options: { zh: '选项', en: 'options' },
  default: { zh: '默认', en: 'default' },
  why: { zh: '理由', en: 'why' },
  compare: { zh: '与标准比较', en: 'Compare with the standards' },
  compareNote: {
    zh: '勾选标准：所选文件按本市文件(下方所选口径)和叠加了每项标准的本市文件分别计算，并列显示。',
    en: 'Tick standards: the picked file is evaluated under the city’s document (with the readings chosen below) and under the same with each standard laid over it, side by side.',
  },
  pick: { zh: '选择标准', en: 'Standards' },
  noFile: { zh: '选择文件后显示比较。', en: 'The comparison shows once a file is picked.' },
  nonePicked: { zh: '尚未勾选标准。', en: 'No standard ticked yet.' },
  yearHead: { zh: (y: number) => `${y} 年数据的比较`, en: (y: number) => `The comparison of the ${y} data` },
  onDay: {
    zh: (d: string) => `标准是否施行以${d}计；未施行的标准是“若按此标准”的测算。`,
    en: (d: string) => `Whether a standard applied is taken on ${d}; one that did not is a what-if.`,
  },
  measure: { zh: '项目', en: 'measure' },
  inForce: { zh: (d: string) => `${d}是否施行`, en: (d: string) => `applied on ${d}` },
  owed: { zh: (name: string) => `缺口：${name}`, en: (name: string) => `owed: ${name}` },
  beyond: { zh: '各标准比本市文件多要求的', en: 'What each standard asks beyond the city’s document' },
  ownFailing: { zh: '标准自己的检查中未通过的', en: 'The standard’s own checks that fail' },
  moreHead: { zh: ['缺口', '本市文件', '此标准', W.more.zh], en: ['owed', 'the city’s document', 'this standard', W.more.en] },
  nothingMore: { zh: '不多要求用房、人员或资金。', en: 'It asks no more room, staff or money.' },
  error: { zh: '无法比较', en: 'Cannot compare' },
  tableNote: {
    zh: '表格只有社区数据：全市的村(组)覆盖和预算等检查未能评估(与下方报告相同)，各政策相同。',
    en: 'A table holds communities only: the city’s checks of villages, budgets and the like are not evaluated (as in the report below), the same under every policy.',
  },
} as const;

/** A standard's document in one line: body, title, number, date. */
function documentOf(s: Standard, L: Lang): string {
  const src = s.source;
  return (
    `${esc(src.body[L])}<br><span lang="${L === 'zh' ? 'zh-CN' : 'en'}">${L === 'zh' ? `《${esc(src.title.zh)}》` : esc(src.title.en)}</span>` +
    (src.number ? `<br><span lang="zh-CN">${esc(src.number)}</span>` : '') +
    `<br><small>${esc(src.date ?? C.noDate[L])}</small>`
  );
}

/** An option of a reading of the standards (I11, I12) in words, as the reading declares it. */
const standardOption = (reading: string, option: string, L: Lang): string => optionWords(option, STANDARD_READINGS.find((i) => i.id === reading)?.options, L);

/** The registry as a table, with the readings of the standards below it. */
export function standardsTable(L: Lang): string {
  const rows = STANDARDS.map((s) => {
    const status = s.source.status ?? 'unverified';
    const applies = s.from === undefined && s.to === undefined ? C.noDate[L] : `${s.from ?? '?'} – ${s.to ?? ''}`;
    const readings = s.readings
      ? `<span data-reading-of="I11" data-option="${esc(s.readings.held)}">I11 ${esc(standardOption('I11', s.readings.held, L))}</span><br><span data-reading-of="I12" data-option="${esc(s.readings.households)}">I12 ${esc(standardOption('I12', s.readings.households, L))}</span><br><small>${esc(s.readings.why[L])}</small>`
      : '—';
    return (
      `<tr data-standard-row="${esc(s.id)}" data-status="${esc(status)}"><th scope="row"><code>${esc(s.id)}</code></th>` +
      `<td data-label="${esc(C.head[L][1])}">${documentOf(s, L)}</td>` +
      `<td data-label="${esc(C.head[L][2])}">${esc(s.rule[L])}${s.leavesOut ? `<br><small>${esc(C.leavesOut[L])}: ${esc(s.leavesOut[L])}</small>` : ''}</td>` +
      `<td data-label="${esc(C.head[L][3])}">${esc(applies)}</td>` +
      `<td data-label="${esc(C.head[L][4])}"><span class="status" data-status="${esc(status)}">${esc(STATUS[status]![L])}</span><br><code class="url" data-url>${esc(s.source.url ?? '—')}</code>${s.source.note ? `<br><small>${esc(s.source.note[L])}</small>` : ''}</td>` +
      `<td data-label="${esc(C.head[L][5])}">${readings}</td></tr>`
    );
  }).join('');
  const readings = STANDARD_READINGS.map(
    (i) =>
      `<li data-standard-reading="${esc(i.id)}"><span class="sr-id">${esc(i.id)}</span> ${esc(i.question[L])} ${esc(C.options[L])}${L === 'zh' ? '：' : ': '}${i.options
        .map((o) => `<span data-option="${esc(o.id)}">${esc(optionWords(o.id, i.options, L))}</span>`)
        .join(
          L === 'zh' ? '；' : '; ',
        )}${L === 'zh' ? '；' : '; '}${esc(C.default[L])}${L === 'zh' ? '：' : ': '}${esc(optionWords(i.default, i.options, L))}${L === 'zh' ? '。' : '. '}<small>${esc(C.why[L])}${L === 'zh' ? '：' : ': '}${esc(i.why[L])}</small></li>`,
  ).join('');
  return (
    `<p>${esc(C.standardsNote[L])}</p><div class="scroll"><table class="standards"><thead><tr>${C.head[L].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>` +
    `<h3>${esc(C.readingsHead[L])}</h3><ul class="standard-readings">${readings}</ul>`
  );
}

/** The checkboxes of the standards, ticked as `picked` says. */
export function standardPicker(L: Lang, picked: readonly string[]): string {
  const boxes = STANDARDS.map((s) => {
    const status = s.source.status ?? 'unverified';
    const id = `pick-${s.id}`;
    return (
      `<label for="${esc(id)}" class="pick"><input type="checkbox" id="${esc(id)}" data-standard="${esc(s.id)}" value="${esc(s.id)}"${picked.includes(s.id) ? ' checked' : ''}> ` +
      `${esc((s.source.short ?? s.source.title)[L])} <span class="status" data-status="${esc(status)}">${esc(STATUS[status]![L])}</span> <small>${esc(s.source.number ?? s.source.title[L])}</small></label>`
    );
  }).join('');
  return `<fieldset class="picker"><legend>${esc(C.pick[L])}</legend>${boxes}</fieldset>`;
}

/** A total owed in words: areas, money, and workers as a count. */
function owedWords(v: Decimal | null, unit: ValueUnit, L: Lang): string {
  if (v === null) return '—';
  if ((unit === 'workers' || unit === 'villages') && v.isInteger()) return count(v.toNumber(), unit as 'workers' | 'villages', L);
  return valueWords(v, unit, L);
}

/** A number of checks: `4 项`, `4 checks`. */
const checks = (n: number, L: Lang) => (L === 'zh' ? `${n} 项` : `${n} ${n === 1 ? 'check' : 'checks'}`);

const signed = (v: Decimal, unit: ValueUnit, L: Lang) => `${v.isPositive() && !v.isZero() ? '+' : ''}${owedWords(v, unit, L)}`;

/** A community in words: its name and id, as the dataset gives them. */
const community = (id: string, names: Readonly<Record<string, string>>) => {
  const name = Object.hasOwn(names, id) ? names[id] : undefined;
  return `<span data-id="${esc(id)}">${name && name !== id ? `${esc(name)} <small>${esc(id)}</small>` : esc(id)}</span>`;
};

const list = (ids: readonly string[], names: Readonly<Record<string, string>>, L: Lang) =>
  ids.length === 0 ? esc(W.none[L]) : ids.map((id) => community(id, names)).join(L === 'zh' ? '、' : ', ');

/** Subjects grouped by provision: `社区用房 (Q7): 西苑、南塘`. */
function byProvision(
  items: readonly { subject: string; provision: string }[],
  names: Readonly<Record<string, string>>,
  L: Lang,
  policy: Policy,
  c: PolicyComparison,
  at: number,
): string {
  if (items.length === 0) return esc(W.none[L]);
  const k = kindsOf(c.policies[at]!.evaluation, policy as never);
  const groups = new Map<string, string[]>();
  for (const x of items) groups.set(x.provision, [...(groups.get(x.provision) ?? []), x.subject]);
  return [...groups]
    .map(
      ([p, subjects]) =>
        `<span data-provision="${esc(p)}">${esc(provisionName(p, L, k))}: ${subjects.map((s) => (s === 'city' || s.startsWith('city/') ? esc(L === 'zh' ? '全市' : 'the city') : community(s, names))).join(L === 'zh' ? '、' : ', ')}</span>`,
    )
    .join('; ');
}

/**
 * One year's comparison: per policy its counts, failing communities and totals owed; per alternative what it
 * asks beyond the baseline.
 *
 * @param c - `comparePolicies`' result
 * @param policies - the policies compared, baseline first (for the names of their checks)
 * @param d - the dataset compared (for the communities' names)
 */
export function comparisonHtml(c: PolicyComparison, policies: readonly Policy[], d: Dataset, L: Lang): string {
  const names = Object.fromEntries(d.communities.map((x) => [x.id, x.name]));
  const cols = c.policies;
  const head = cols
    .map(
      (p) =>
        `<th scope="col" data-policy="${esc(p.id)}">${esc(p.name[L])}<br><small>${esc(p.title[L])}${p.sources.at(-1)?.number ? ` <span lang="zh-CN">${esc(p.sources.at(-1)!.number!)}</span>` : ''}</small></th>`,
    )
    .join('');
  const row = (label: string, attrs: string, cell: (p: (typeof cols)[number], i: number) => string) =>
    `<tr ${attrs}><th scope="row">${esc(label)}</th>${cols.map((p, i) => cell(p, i)).join('')}</tr>`;
  // Every total owed under any policy, in the order the policies declare them.
  const owed = new Map<string, { name: { zh: string; en: string }; unit: ValueUnit }>();
  for (const diff of c.differences) for (const o of diff.owed) if (!owed.has(o.key)) owed.set(o.key, { name: o.name, unit: o.unit });
  const body = [
    row(C.inForce[L](showDate(c.on, L).text), 'data-row="in-force"', (p, i) =>
      i === 0
        ? '<td>—</td>'
        : `<td data-policy="${esc(p.id)}" data-in-force="${esc(p.standards.map((s) => s.inForce).join(' '))}">${p.standards.map((s) => esc(W.inForce[s.inForce][L])).join('; ') || '—'}</td>`,
    ),
    ...(['pass', 'fail', 'unknown'] as const).map((status) =>
      row(
        W.counts[status][L],
        `data-row="${status}"`,
        (p) => `<td data-policy="${esc(p.id)}" data-compare-count="${status}" data-value="${p.counts[status]}">${esc(grouped(p.counts[status], 0))}</td>`,
      ),
    ),
    row(
      W.failing[L],
      'data-row="failing"',
      (p) =>
        `<td data-policy="${esc(p.id)}" data-failing="${esc(p.failing.join(' '))}"><strong>${esc(count(p.failing.length, 'communities', L))}</strong><br>${list(p.failing, names, L)}</td>`,
    ),
    ...[...owed].map(([key, o]) =>
      row(C.owed[L](o.name[L]), `data-row="owed" data-owed="${esc(key)}"`, (p) => {
        const v = p.owed[key] ?? null;
        return `<td data-policy="${esc(p.id)}" data-owed="${esc(key)}" data-value="${esc(v === null ? '' : v.toFixed())}">${esc(owedWords(v, o.unit, L))}</td>`;
      }),
    ),
  ].join('');
  const table = `<div class="scroll"><table class="compare-policies"><thead><tr><th scope="col">${esc(C.measure[L])}</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`;

  const differences = c.differences
    .map((diff, j) => {
      const at = j + 1;
      const alt = c.policies[at]!;
      // The standard's own checks (no such finding under the baseline) that fail.
      const own = c.rows.filter((r) => r.statuses[0] === null && r.statuses[at] === 'fail').map((r) => ({ subject: r.subject, provision: r.provision }));
      const more = diff.owed.filter((o) => !o.more.isZero() || (o.baseline === null) !== (o.alternative === null));
      const moreTable = more.length
        ? `<div class="scroll"><table class="more"><thead><tr>${C.moreHead[L].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${more
            .map(
              (o) =>
                `<tr data-more="${esc(o.key)}" data-value="${esc(o.more.toFixed())}"><th scope="row">${esc(o.name[L])}</th><td>${esc(owedWords(o.baseline, o.unit, L))}</td><td>${esc(owedWords(o.alternative, o.unit, L))}</td><td><strong>${esc(signed(o.more, o.unit, L))}</strong></td></tr>`,
            )
            .join('')}</tbody></table></div>`
        : `<p data-nothing-more>${esc(C.nothingMore[L])}</p>`;
      return (
        `<div class="difference" data-difference="${esc(diff.policy)}"><h5>${esc(alt.name[L])} <small>${esc(alt.title[L])}</small></h5><ul>` +
        `<li data-now-failing="${esc(diff.communitiesNowFailing.join(' '))}">${esc(W.nowFailing[L])} (${esc(count(diff.communitiesNowFailing.length, 'communities', L))}): ${list(diff.communitiesNowFailing, names, L)}</li>` +
        `<li data-no-longer-failing="${esc(diff.communitiesNoLongerFailing.join(' '))}">${esc(W.noLonger[L])} (${esc(count(diff.communitiesNoLongerFailing.length, 'communities', L))}): ${list(diff.communitiesNoLongerFailing, names, L)}</li>` +
        `<li data-newly-failing="${esc(diff.newlyFailing.map((x) => `${x.subject}:${x.provision}`).join(' '))}">${esc(W.newlyFailing[L])} (${esc(checks(diff.newlyFailing.length, L))}): ${byProvision(diff.newlyFailing, names, L, policies[at]!, c, at)}</li>` +
        `<li data-newly-passing="${esc(diff.newlyPassing.map((x) => `${x.subject}:${x.provision}`).join(' '))}">${esc(W.newlyPassing[L])} (${esc(checks(diff.newlyPassing.length, L))}): ${byProvision(diff.newlyPassing, names, L, policies[at]!, c, at)}</li>` +
        (own.length
          ? `<li data-own-failing="${esc(own.map((x) => `${x.subject}:${x.provision}`).join(' '))}">${esc(C.ownFailing[L])} (${esc(checks(own.length, L))}): ${byProvision(own, names, L, policies[at]!, c, at)}</li>`
          : '') +
        `</ul>${moreTable}</div>`
      );
    })
    .join('');
  return (
    `<div class="comparison" data-comparison="${c.year}"><h4>${esc(C.yearHead[L](c.year))}</h4><p class="sr-cite">${esc(C.onDay[L](showDate(c.on, L).text))}</p>${table}` +
    `<h4>${esc(C.beyond[L])}</h4>${differences}</div>`
  );
}

/**
 * The comparison region: for each dataset of the file, the comparison under `baseline` and `baseline` with each
 * picked standard laid over it; what to do when there is no file or no standard; a policy error in an alert.
 */
export function compareRegion(datasets: readonly FileDataset[] | undefined, picked: readonly string[], baseline: Policy, L: Lang): string {
  if (!datasets) return `<p>${esc(C.noFile[L])}</p>`;
  const ids = STANDARDS.map((s) => s.id).filter((id) => picked.includes(id));
  if (ids.length === 0) return `<p>${esc(C.nonePicked[L])}</p>`;
  try {
    const alternatives = ids.map((id) => applyStandard(baseline, id));
    return datasets
      .map(({ dataset: d, table }) => {
        // As the CLI's compare: a table of communities has its city checks not evaluated, as the report above says.
        const c = comparing(d, [baseline, ...alternatives], `${d.year}-12-31`, table ? 'communities-only' : 'dataset');
        const html = comparisonHtml(c, [baseline, ...alternatives], d, L);
        return table ? html.replace('</p>', `</p><p class="sr-cite" data-table-note>${esc(C.tableNote[L])}</p>`) : html;
      })
      .join('');
  } catch (e) {
    if (!(e instanceof PolicyInputError)) throw e;
    return `<div class="sr-error" role="alert" data-error><strong>${esc(C.error[L])}</strong><ul>${e.issues.map((i) => `<li><code>${esc(i.path)}</code>: ${esc(i.messages[L])}</li>`).join('')}</ul></div>`;
  }
}

/** The explorer's style for the standards and the comparison. */
export const COMPARE_CSS = `
.scroll{overflow-x:auto;max-width:100%}
table.standards,table.compare-policies{font-size:.9rem}
table.standards td,table.standards th,table.compare-policies td,table.compare-policies th{vertical-align:top}
table.compare-policies tbody th{position:sticky;left:0;background:#fff;min-width:7rem;max-width:10rem}
table.compare-policies td{text-align:right;white-space:nowrap}table.compare-policies tr[data-row="failing"] td{text-align:left;white-space:normal;min-width:11rem}
table.compare-policies thead th{min-width:9rem}
code.url{word-break:break-all;font-size:.8rem}
.status{display:inline-block;white-space:nowrap;border-radius:3px;padding:0 .35rem;font-size:.8rem;border:1px solid}
.status[data-status=verified]{color:#1b5e20;border-color:#1b5e20;background:#e8f5e9}
.status[data-status=derivative]{color:#8a5300;border-color:#8a5300;background:#fff8e1}
.status[data-status=unverified]{color:#b71c1c;border-color:#b71c1c;background:#ffebee}
fieldset.picker{border:1px solid #cfd8e3;border-radius:6px;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:.4rem .8rem}
fieldset.picker label{display:flex;flex-wrap:wrap;gap:0 .3rem;align-items:baseline}
.difference{border-left:3px solid #1f6fb4;padding:.1rem .8rem;margin:.8rem 0}.difference h5{font-size:1rem;margin:.4rem 0}
table.more td{text-align:right;white-space:nowrap}table.more th{min-width:4.5rem}
table.standards td{min-width:6rem}table.standards td:nth-child(3){min-width:14rem}
@media (max-width:640px){
table.standards,table.standards tbody,table.standards tr,table.standards th,table.standards td{display:block;min-width:0}
table.standards thead{display:none}table.standards tr{border:1px solid #d9d9d9;border-radius:6px;margin:.6rem 0;padding:.2rem .5rem}
table.standards th,table.standards td{border:0;padding:.2rem 0}table.standards td::before{content:attr(data-label);display:block;font-weight:600;font-size:.8rem;color:#5a5a5a}
table.compare-policies tbody th{min-width:5.5rem;max-width:6.5rem}table.compare-policies thead th{min-width:7.5rem}
}
`;
