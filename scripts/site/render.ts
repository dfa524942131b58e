/**
 * The policy explorer's page, as strings: pure functions of the state (the
 * language, the readings chosen, the calculators' inputs), used by the build
 * (to write the page as it first shows, readable without script) and by the
 * page's own script (to redraw what a change touches). Every part that shows
 * a result, the audit or an evaluation is drawn by the library's views.
 */
import { createPolicy, NINGGUO_2011_SOURCE, PARAMETER_REFERENCES, PRESET_SOURCES, PRESETS, type Lang, type Policy } from '../../src/index.js';
import type { ParameterOverrides } from '../../src/create-policy.js';
import { auditPolicy, interpretations, provisions, type Interpretation, type Provision } from '../../src/spec.js';
import { C, COMPARE_CSS, standardPicker, standardsTable } from './compare.js';
import { GRAPH_CSS, ruleGraphHtml } from './graph.js';
import { issueLine, issuesOf, readCalculator } from './input.js';
import { auditHtml, esc, resultHtml, RULE_INPUTS, type RuleName, type PresetName } from './lib.js';
import { dayWords, fieldLabel, fieldUnit, optionLabel, parameterLabel, parameterUnit, parameterValue, show } from './words.js';

/** What the page shows depends on. */
export interface State {
  lang: Lang;
  /** The option chosen for each reading that has a parameter, by reading id. */
  choices: Record<string, string>;
  /** What is typed in each calculator, by rule and field. */
  values: Record<string, Record<string, string>>;
  /** The standards of the registry ticked for the comparison, by id. */
  standards: string[];
  /** The year typed for "check your data" (the CLI's --year). */
  year: string;
  /** Parts of the page's address it could not use (named on the page). */
  unused?: readonly string[];
}

export const T = {
  title: { zh: '社区建设政策浏览器', en: 'Community-building policy explorer' },
  noScript: {
    zh: '本页在浏览器中运行，需要启用脚本(不联网，不上传任何数据)。',
    en: 'This page runs in the browser and needs scripts enabled (it uses no network and uploads nothing).',
  },
  intro: {
    zh: '宁国市城乡社区建设政策的每一条款、参数和计算。先检查您的数据：选择文件，即按命令行 report 的读法读取和评估。数字由 shequ-rules 精确计算(不经浮点)；改变下方的“口径”，页面上所有结果随之重算。本页不联网，可离线打开。',
    en: 'Every clause, parameter and computation of Ningguo’s policy on urban–rural community building. Check your data first: pick a file and it is read and evaluated as the command line’s report reads it. Figures are computed exactly by shequ-rules (never through floats); change a reading below and every result on the page is computed again. The page works offline and loads nothing from the network.',
  },
  nav: {
    zh: ['检查数据', '与标准比较', '口径', '条款', '政策自查', '国家标准对比', '标准登记表'],
    en: ['Check your data', 'Compare', 'Readings', 'Clauses', 'Audit', 'National standards', 'Standards'],
  },
  readings: { zh: '口径：原文可有多种理解之处', en: 'Readings: where the text can be read more than one way' },
  readingsNote: {
    zh: '每项口径来自口径登记表；默认项为本库采用的理解。',
    en: 'Each reading comes from the interpretation register; the default is the one the library takes.',
  },
  fixed: { zh: '只有一种理解，无可切换', en: 'only one reading: nothing to switch' },
  default: { zh: '默认', en: 'default' },
  why: { zh: '理由', en: 'Why' },
  reset: { zh: '全部恢复默认', en: 'Reset all to the defaults' },
  clauses: { zh: '条款', en: 'Clauses' },
  docA: { zh: `${NINGGUO_2011_SOURCE.body.zh}：${NINGGUO_2011_SOURCE.title.zh}`, en: `${NINGGUO_2011_SOURCE.body.en}: ${NINGGUO_2011_SOURCE.title.en}` },
  docB: {
    zh: '关于进一步加强…防溺水安全工作的紧急通知(与上一文件同页，原文未署发文机关和日期)',
    en: 'Emergency notice on further strengthening the safety of students against drowning (on the same page as the document above; the text names no issuing body or date)',
  },
  paraphrase: { zh: '(本项目的转述，不是原文)', en: '(our paraphrase, not the original text)' },
  schedule: { zh: '逐年表', en: 'year by year' },
  example: { zh: '示例社区', en: 'An example community' },
  kind: { quantitative: { zh: '数量条款', en: 'quantitative' }, duty: { zh: '职责条款', en: 'duty' }, principle: { zh: '原则条款', en: 'principle' } },
  params: { zh: '参数', en: 'Parameters' },
  paramHead: { zh: ['参数', '值', '单位', '起始日期', '出处'], en: ['parameter', 'value', 'unit', 'from', 'source'] },
  calculator: { zh: '计算器', en: 'Calculator' },
  required: { zh: '必填', en: 'required' },
  optional: { zh: '可选', en: 'optional' },
  error: { zh: '输入有误', en: 'Check the input' },
  audit: { zh: '政策自查：条款之间是否一致', en: 'Self-audit: do the clauses agree?' },
  auditNote: { zh: '每项检查都用当前口径下的规则计算。', en: 'Each check is computed by the rules under the readings chosen above.' },
  presets: { zh: '与国家标准对比：用房和人员配备', en: 'Against the national standards: rooms and staff' },
  presetsNote: {
    zh: '同一社区按本市标准和两项国家标准计算。国家标准只规定用房面积(每百户)，人员配备仍按本市标准。',
    en: 'One community under the city’s standard and under two national ones. The national standards set only the room area (per 100 households); staffing stays the city’s.',
  },
  standard: { zh: '标准', en: 'Standard' },
  city: { zh: '本市(每百人 5 m²)', en: 'The city (5 m² per 100 residents)' },
  rooms: { zh: '用房面积', en: 'Rooms' },
  staff: { zh: '社区工作者', en: 'Workers' },
  source: { zh: '出处', en: 'Source' },
  data: { zh: '检查数据', en: 'Check your data' },
  dataNote: {
    zh: '选择一个 JSON 数据集、一个社区表格的 CSV(UTF-8、GB18030 或 UTF-16)或 Excel 工作簿(.xlsx)：读法与命令行 report 完全相同(中文表头、两行表头、标题行和合计行)。文件只在本页中计算，不会上传。按下方选定的口径评估。',
    en: 'Pick a JSON dataset, a CSV of communities (UTF-8, GB18030 or UTF-16) or an Excel workbook (.xlsx): it is read exactly as the CLI’s report reads it (Chinese and two-row headers, title and total rows). The file is evaluated in this page and never uploaded, under the readings chosen below.',
  },
  file: { zh: '数据文件', en: 'Data file' },
  year: { zh: '年度(空白则评估数据中的每一年)', en: 'Year (empty: every year the data holds)' },
  read: { zh: '读取的数据', en: 'Data read' },
  save: { zh: '保存报告(HTML)', en: 'Save the report (HTML)' },
  noData: { zh: '尚未选择文件。', en: 'No file picked yet.' },
  unused: { zh: '本页地址中以下部分无法使用，已忽略：', en: 'These parts of the page’s address cannot be used and were left out: ' },
  lang: { zh: '语言', en: 'Language' },
  skip: { zh: '跳到正文', en: 'Skip to the content' },
  footer: {
    zh: '由 shequ-rules 生成。条款摘要为本项目的转述，不是原文。',
    en: 'Generated by shequ-rules. Clause summaries are this project’s paraphrases, not the original text.',
  },
} as const;

const IDS = ['data', 'compare', 'readings', 'clauses', 'audit', 'presets', 'standards'] as const;

/** The parameter override a reading's option stands for, or undefined when it cannot be applied. */
export function readingOverride(i: Interpretation, option: string): ParameterOverrides | undefined {
  if (!i.parameter) return undefined;
  const base = createPolicy().parameters;
  let value: unknown = option;
  const year = /^end-of-(\d{4})$/.exec(option);
  if (year)
    value = Number(year[1]) - base.baseYear + 1; // I7: the horizon that ends with that year
  else if (i.parameter === 'rooms.m2Per100Households') {
    // I9: residents is the city's own standard; households takes the national plan's rate (PRESETS).
    value = option === 'households' ? (PRESETS.nationalPlan2011.rooms as { m2Per100Households: number }).m2Per100Households : undefined;
    if (value === undefined) return {};
  }
  const path = i.parameter.split('.');
  const out: Record<string, unknown> = {};
  let node = out;
  path.forEach((key, k) => {
    if (k === path.length - 1) node[key] = value;
    else node = node[key] = {} as Record<string, unknown>;
  });
  try {
    createPolicy(out as ParameterOverrides);
    return out as ParameterOverrides;
  } catch (e) {
    if (issuesOf(e)) return undefined;
    throw e;
  }
}

/** The readings a reader can switch: those with a parameter, in register order. */
export const switchable = (): Interpretation[] => interpretations.filter((i) => i.parameter !== null);

/** The policy under the chosen readings. */
export function policyOf(state: State): Policy {
  const merged: Record<string, Record<string, unknown> | unknown> = {};
  for (const i of switchable()) {
    const choice = state.choices[i.id] ?? i.default;
    const o = readingOverride(i, choice) ?? {};
    for (const [k, v] of Object.entries(o)) {
      merged[k] = typeof v === 'object' && v !== null ? { ...(merged[k] as object | undefined), ...v } : v;
    }
  }
  return createPolicy(merged as ParameterOverrides);
}

/** The first state: defaults everywhere, the worked examples in the calculators. */
export function initialState(lang: Lang = 'zh'): State {
  const values: State['values'] = {};
  for (const [rule, r] of Object.entries(RULE_INPUTS)) {
    const start = r.form ?? r.example;
    values[rule] = Object.fromEntries(r.fields.map((f) => [f.name, start[f.name] === undefined ? '' : String(start[f.name])]));
  }
  return { lang, choices: Object.fromEntries(switchable().map((i) => [i.id, i.default])), values, standards: [], year: '2013' };
}

function readingControl(i: Interpretation, state: State): string {
  const L = state.lang;
  const id = `reading-${i.id}`;
  const head = `<span class="sr-id">${esc(i.id)}</span> ${esc(i.question[L])} <small>(<a href="#${esc(i.clause)}">${esc(i.clause)}</a>)</small>`;
  if (!i.parameter) {
    const only = i.options[0]!;
    return `<div class="reading" id="${esc(i.id)}"><p>${head}</p><p>${esc(only.formula[L])} — <em>${esc(T.fixed[L])}</em></p><p class="sr-cite">${esc(T.why[L])}: ${esc(i.why[L])}</p></div>`;
  }
  const choice = state.choices[i.id] ?? i.default;
  const options = i.options
    .map((o) => {
      const usable = readingOverride(i, o.id) !== undefined;
      const mark = o.id === i.default ? (L === 'zh' ? `(${T.default[L]})` : ` (${T.default[L]})`) : '';
      return `<option value="${esc(o.id)}"${o.id === choice ? ' selected' : ''}${usable ? '' : ' disabled'}>${esc(optionLabel(i.id, o.id, L))}${esc(mark)}</option>`;
    })
    .join('');
  return (
    `<div class="reading" id="${esc(i.id)}"><label for="${id}">${head}</label>` +
    `<select id="${id}" data-reading="${esc(i.id)}" name="${esc(i.id)}">${options}</select>` +
    `<p class="sr-cite">${esc(T.why[L])}: ${esc(i.why[L])}</p></div>`
  );
}

function readingsSection(state: State): string {
  return (
    `<section id="readings" aria-labelledby="h-readings"><h2 id="h-readings">${esc(T.readings[state.lang])}</h2><p>${esc(T.readingsNote[state.lang])}</p>` +
    `<button type="button" data-reset-readings>${esc(T.reset[state.lang])}</button>` +
    interpretations.map((i) => readingControl(i, state)).join('') +
    '</section>'
  );
}

const valueAt = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], o);

/** What a calculator shows: the rule's result under the chosen readings, or what is wrong with the input. */
export function calculatorResult(rule: RuleName, state: State, policy: Policy): string {
  const L = state.lang;
  const { input, issues: unread } = readCalculator(rule, state.values[rule] ?? {});
  let issues = unread;
  if (issues.length === 0) {
    try {
      const result = (policy[rule] as unknown as (i: unknown) => object)(input);
      return resultHtml(rule, result, L) + ruleGraphHtml(rule, input, policy, L);
    } catch (e) {
      issues = issuesOf(e) ?? [];
      if (issues.length === 0) throw e;
    }
  }
  const items = issues.map((i) => `<li data-issue="${esc(i.code)}" data-path="${esc(i.path)}">${esc(issueLine(i, L, rule))}</li>`).join('');
  return `<div class="sr-error" role="alert" data-error><strong>${esc(T.error[L])}</strong><ul>${items}</ul></div>`;
}

/** A calculator's name in words: its clause's title, and "year by year" for a schedule. */
export function calculatorName(rule: RuleName, L: Lang): string {
  const p = provisions.find((x) => (x.rules as readonly string[]).includes(rule));
  const title = p ? p.title[L] : rule;
  return RULE_INPUTS[rule].schedule ? `${title}${L === 'zh' ? '(' : ' ('}${T.schedule[L]})` : title;
}

function calculator(rule: RuleName, state: State, policy: Policy): string {
  const L = state.lang;
  const inputs = RULE_INPUTS[rule].fields
    .map((f) => {
      const id = `${rule}-${f.name}`;
      const unit = f.kind === 'year' || f.kind === 'date' ? '' : fieldUnit(f.name, L, rule);
      const mode = f.kind === 'amount' ? 'decimal' : f.kind === 'date' ? 'text' : 'numeric';
      const placeholder = f.kind === 'date' ? (L === 'zh' ? '2013年7月1日' : '2013-07-01') : '';
      return (
        `<div class="field"><label for="${id}">${esc(fieldLabel(f.name, L, rule))}${unit ? (L === 'zh' ? `(${esc(unit)})` : ` (${esc(unit)})`) : ''} <small>${esc(f.required ? T.required[L] : T.optional[L])}</small></label>` +
        `<input id="${id}" name="${esc(f.name)}" type="text" inputmode="${mode}" autocomplete="off" value="${esc(state.values[rule]?.[f.name] ?? '')}"${placeholder ? ` placeholder="${esc(placeholder)}"` : ''}${f.required ? ' aria-required="true"' : ''}></div>`
      );
    })
    .join('');
  return (
    `<form class="calculator" data-rule="${esc(rule)}" aria-label="${esc(`${T.calculator[L]}${L === 'zh' ? '：' : ': '}${calculatorName(rule, L)}`)}" onsubmit="return false">` +
    `<h4>${esc(T.calculator[L])}${L === 'zh' ? '：' : ': '}${esc(calculatorName(rule, L))}</h4><div class="inputs">${inputs}</div>` +
    `<div class="result" data-result-of="${esc(rule)}" aria-live="polite">${calculatorResult(rule, state, policy)}</div></form>`
  );
}

function parameterTable(p: Provision, state: State, policy: Policy): string {
  const L = state.lang;
  const rows = p.parameters
    .map((path) => {
      const ref = PARAMETER_REFERENCES[path]!;
      const v = valueAt(policy.parameters, path);
      return `<tr data-parameter="${esc(path)}" data-unit="${esc(ref.unit)}"><td>${esc(parameterLabel(path, L))}</td><td data-value="${esc(v === undefined ? '' : String(v))}">${esc(parameterValue(path, ref.unit, v, L))}</td><td>${esc(parameterUnit(ref.unit, L))}</td><td>${esc(dayWords(ref.from, L))}</td><td>${esc(ref.clause)} · ${esc(ref.provisions.join(L === 'zh' ? '、' : ', '))}</td></tr>`;
    })
    .join('');
  return `<table class="params" data-scroll><caption>${esc(T.params[L])}</caption><thead><tr>${T.paramHead[L].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

function clausesSection(state: State, policy: Policy): string {
  const L = state.lang;
  const out = [`<section id="clauses" aria-labelledby="h-clauses"><h2 id="h-clauses">${esc(T.clauses[L])}</h2>`];
  let doc = '';
  const drawn = new Set<string>();
  for (const p of provisions) {
    if (p.document !== doc) {
      doc = p.document;
      out.push(`<h3 class="doc">${esc(doc === 'A' ? T.docA[L] : T.docB[L])}</h3>`);
    }
    out.push(
      `<article class="clause" id="${esc(p.id)}" data-clause="${esc(p.id)}"><h3><a class="anchor" href="#${esc(p.id)}">${esc(p.id)}</a> <span lang="zh-CN">${esc(p.label)}</span> ${esc(p.title[L])} <small class="kind">${esc(T.kind[p.kind][L])}</small></h3>`,
    );
    out.push(`<p>${esc(p.summary[L])} <small class="sr-cite">${esc(T.paraphrase[L])}</small></p>`);
    if (p.quantities.length || p.interpretations.length) {
      out.push(
        `<p class="sr-cite">${p.quantities.map((q) => `<code>${esc(q)}</code>`).join(' ')} ${p.interpretations.map((i) => `<a href="#${esc(i)}">${esc(i)}</a>`).join(' ')}</p>`,
      );
    }
    if (p.parameters.length) out.push(`<div class="region" data-region="params" data-of="${esc(p.id)}">${parameterTable(p, state, policy)}</div>`);
    for (const rule of p.rules as RuleName[]) {
      if (drawn.has(rule) || !RULE_INPUTS[rule]) continue;
      drawn.add(rule);
      out.push(calculator(rule, state, policy));
    }
    out.push('</article>');
  }
  out.push('</section>');
  return out.join('');
}

/** The audit under the chosen readings. */
export function auditRegion(state: State, policy: Policy): string {
  return auditHtml(auditPolicy({ policy }), state.lang);
}

/** The room and staffing standards of one community under the city's and the national standards. */
export function presetsRegion(state: State, policy: Policy, households = 3000, residents = 8000): string {
  const L = state.lang;
  const rows = [
    { name: T.city[L], source: '', document: '', policy },
    ...(Object.keys(PRESETS) as PresetName[]).map((k) => ({
      name: PRESET_SOURCES[k].standard[L],
      document: PRESET_SOURCES[k].document,
      source: PRESET_SOURCES[k].issuer[L],
      policy: createPolicy({ ...mergeOverrides(policy), ...PRESETS[k] }),
      preset: k,
    })),
  ];
  const body = rows
    .map((r) => {
      const rooms =
        r.policy.parameters.rooms.m2Per100Households === undefined ? r.policy.serviceRoomArea({ residents }) : r.policy.serviceRoomArea({ households });
      const staff = r.policy.requiredStaff({ households });
      return (
        `<tr data-standard="${esc('preset' in r ? r.preset : 'city')}"><th scope="row">${r.document ? `<span lang="zh-CN">${esc(r.document)}</span><br>` : ''}${esc(r.name)}${r.source ? `<br><small>${esc(r.source)}</small>` : ''}</th>` +
        `<td data-value="${esc(rooms.areaM2.toFixed())}">${esc(show(rooms.areaM2, 'm2', L))}<br><small>${esc(rooms.trace[rooms.trace.length - 1]![L])}</small></td>` +
        `<td data-value="${staff.staff}">${esc(show(staff.staff, 'workers', L))}</td></tr>`
      );
    })
    .join('');
  return (
    `<p>${esc(T.presetsNote[L])}</p>` +
    `<p data-example-community>${esc(T.example[L])}${L === 'zh' ? '：' : ': '}${esc(fieldLabel('households', L))} ${esc(show(households, 'households', L))}${L === 'zh' ? '，' : ', '}${esc(fieldLabel('residents', L))} ${esc(show(residents, 'people', L))}</p>` +
    `<table class="presets"><thead><tr><th scope="col">${esc(T.standard[L])}</th><th scope="col">${esc(T.rooms[L])}</th><th scope="col">${esc(T.staff[L])}</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

/** The policy's parameters as overrides (to lay a preset over the readings chosen). */
function mergeOverrides(policy: Policy): ParameterOverrides {
  return JSON.parse(JSON.stringify(policy.parameters)) as ParameterOverrides;
}

function dataSection(state: State): string {
  const L = state.lang;
  return (
    `<section id="data" aria-labelledby="h-data"><h2 id="h-data">${esc(T.data[L])}</h2><p>${esc(T.dataNote[L])} <a href="#readings">${esc(T.nav[L][2]!)}</a></p>` +
    `<form class="data-form" onsubmit="return false"><div class="field"><label for="dataset">${esc(T.file[L])}</label><input id="dataset" type="file" data-dataset accept=".json,.csv,.txt,.xlsx,.xlsm,.xls,application/json,text/csv"></div>` +
    `<div class="field"><label for="dataset-year">${esc(T.year[L])}</label><input id="dataset-year" name="year" type="text" inputmode="numeric" value="${esc(state.year)}" data-dataset-year></div></form>` +
    `<section id="compare" aria-labelledby="h-compare"><h3 id="h-compare">${esc(C.compare[L])}</h3><p>${esc(C.compareNote[L])}</p>` +
    `<form class="compare-form" onsubmit="return false">${standardPicker(L, state.standards)}</form>` +
    `<div class="region" data-region="compare" aria-live="polite"><p>${esc(C.noFile[L])}</p></div></section>` +
    `<div class="region" data-region="data" aria-live="polite"><p>${esc(T.noData[L])}</p></div></section>`
  );
}

/** The whole body of the page. */
export function pageBody(state: State): string {
  const L = state.lang;
  const policy = policyOf(state);
  const nav = IDS.map((id, k) => `<a href="#${id}">${esc(T.nav[L][k]!)}</a>`).join('');
  const langSwitch =
    `<div class="lang" role="group" aria-label="${esc(T.lang[L])}">` +
    `<button type="button" data-lang="zh" lang="zh-CN" aria-pressed="${L === 'zh'}">中文</button>` +
    `<button type="button" data-lang="en" lang="en" aria-pressed="${L === 'en'}">English</button></div>`;
  return (
    `<a class="skip" href="#main">${esc(T.skip[L])}</a><header class="top"><div class="bar"><strong>${esc(T.title[L])}</strong>${langSwitch}</div><nav aria-label="${esc(T.title[L])}">${nav}</nav></header>` +
    `<main id="main" tabindex="-1"><h1>${esc(T.title[L])}</h1><p>${esc(T.intro[L])}</p>` +
    (state.unused?.length
      ? `<p class="sr-error" role="status" data-unused>${esc(T.unused[L])}${state.unused.map((u) => `<code>${esc(u)}</code>`).join(' ')}</p>`
      : '') +
    dataSection(state) +
    readingsSection(state) +
    clausesSection(state, policy) +
    `<section id="audit" aria-labelledby="h-audit"><h2 id="h-audit">${esc(T.audit[L])}</h2><p>${esc(T.auditNote[L])}</p><div class="region" data-region="audit">${auditRegion(state, policy)}</div></section>` +
    `<section id="presets" aria-labelledby="h-presets"><h2 id="h-presets">${esc(T.presets[L])}</h2><div class="region" data-region="presets">${presetsRegion(state, policy)}</div></section>` +
    `<section id="standards" aria-labelledby="h-standards"><h2 id="h-standards">${esc(C.standards[L])}</h2>${standardsTable(L)}</section>` +
    `<footer><p class="sr-cite">${esc(T.footer[L])}</p></footer></main>`
  );
}

/** The explorer's own style, on top of the views'. */
export const SITE_CSS = `${COMPARE_CSS}${GRAPH_CSS}
html{scroll-behavior:smooth;scroll-padding-top:5.5rem}
.skip{position:absolute;left:-999px;top:0;z-index:3;background:#fff;padding:.3rem .6rem}.skip:focus{left:.5rem}
header.top{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d9d9d9}
header.top .bar{max-width:1000px;margin:0 auto;padding:.4rem 1.25rem;display:flex;justify-content:space-between;align-items:center;gap:1rem}
header.top nav{max-width:1000px;margin:0 auto;padding:0 1.25rem .4rem;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.lang button{font:inherit;border:1px solid #1f6fb4;background:#fff;color:#1f6fb4;padding:.15rem .7rem;cursor:pointer}
.lang button[aria-pressed=true]{background:#1f6fb4;color:#fff}
button{font:inherit}
:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
.reading{border:1px solid #d9d9d9;border-radius:6px;padding:.5rem .8rem;margin:.6rem 0;background:#fbfcfd}
.reading label{display:block;margin-bottom:.3rem}.reading select{font:inherit;max-width:100%}
.clause{border-top:1px solid #eee;padding-top:.3rem}.clause h3 .anchor{font-family:ui-monospace,Menlo,Consolas,monospace;text-decoration:none}
.kind{color:#5a5a5a;font-weight:normal}
.calculator{border:1px solid #cfd8e3;border-radius:6px;padding:.4rem .9rem .7rem;margin:.8rem 0;background:#f7f9fc}
.calculator h4{margin:.3rem 0}.inputs{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem}
.field{display:flex;flex-direction:column;margin:.3rem 0}.field input{font:inherit;padding:.2rem .4rem;width:12rem}
.sr-error{color:#c62828}
.params caption{text-align:left;font-weight:600}
h3.doc{font-size:1.15rem;margin-top:1.5rem}
main{overflow-wrap:anywhere}
@media (max-width:720px){
main table:not(.standards){display:block;max-width:100%;overflow-x:auto}
.sr-numbers,.sr-summary{grid-template-columns:minmax(0,auto) minmax(0,1fr)}
.field input{width:100%;box-sizing:border-box}.inputs{display:block}
header.top nav{gap:.2rem .7rem;font-size:.92rem}
}
@media print{
@page{margin:14mm 12mm}
html{scroll-behavior:auto}
header.top,.skip,[data-reset-readings],.data-form input[type=file],a[data-save-report]{display:none!important}
header.top{position:static}
body{font-size:10.5pt}
main{max-width:none}
.calculator,.reading,.sr-audit,figure,tr,.difference{break-inside:avoid}
h2,h3,h4{break-after:avoid}
section#data,section#readings,section#clauses,section#audit,section#presets,section#standards{break-before:page}
section#data{break-before:auto}
main table{display:table!important;overflow:visible!important}
td,th{white-space:normal!important}
input,select{border:0;background:none;font:inherit;appearance:none}
a{color:inherit;text-decoration:none}
}
`;
