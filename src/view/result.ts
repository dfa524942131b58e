/**
 * A rule's result as HTML and as plain text: its values with units (each in
 * an `<output name="…">` holding the exact value in `data-value`), the clause
 * it encodes, the readings it used, its trace, and for a year-by-year
 * schedule a table and a line chart.
 */
import { interpretations } from '../policies/interpretations.js';
import { provisions } from '../policies/clauses.js';
import type { InterpretationUse, Lang, TraceStep } from '../trace.js';
import { esc, exact, grouped } from './html.js';
import { META_FIELDS, RULE_INPUTS, fieldInfo, fieldName, showValue, type RuleName, type Unit } from './fields.js';
import { lineChart } from './svg.js';
import { optionWords } from '../present/words.js';

const W = {
  clause: { zh: '条款', en: 'Clause' },
  readings: { zh: '口径', en: 'Readings' },
  trace: { zh: '计算过程', en: 'How it was computed' },
  none: { zh: '无', en: 'none' },
  year: { zh: '年份', en: 'Year' },
} as const;

/** What every rule result has besides its values. */
interface AnyResult {
  readonly clause: string;
  readonly interpretations: readonly InterpretationUse[];
  readonly trace: readonly TraceStep[];
  readonly rows?: readonly Record<string, unknown>[];
  readonly [field: string]: unknown;
}

const unitOf = (name: string, rule: RuleName): Unit => fieldInfo(name, rule)?.unit ?? 'option';

/** The value fields of a result, in the result's own order. */
function valueFields(r: AnyResult): string[] {
  return Object.keys(r).filter((k) => !META_FIELDS.has(k) && r[k] !== undefined);
}

function output(rule: RuleName, name: string, v: unknown, lang: Lang): string {
  return `<output name="${esc(name)}" data-value="${esc(exact(v))}">${esc(showValue(v, unitOf(name.replace(/^rows\[\d+\]\./, ''), rule), lang))}</output>`;
}

/** A clause's id and title: `'A.4.2 Community workforce'`. */
export function clauseTitle(id: string, lang: Lang): string {
  const p = provisions.find((x) => x.id === id);
  return p ? `${id} ${p.title[lang]}` : id;
}

/** The clause a result cites, with its title, as a link to its anchor. */
export function clauseLink(id: string, lang: Lang): string {
  const p = provisions.find((x) => x.id === id);
  return `<a href="#${esc(id)}">${esc(id)}${p ? ` ${esc(p.title[lang])}` : ''}</a>`;
}

/**
 * The readings a result used: the reading's id (a link to it) and the option taken in words. The option's id stays
 * in `data-choice` for a program; a reader sees its label, else its formula.
 */
export function readingsList(uses: readonly InterpretationUse[], lang: Lang): string {
  if (uses.length === 0) return esc(W.none[lang]);
  return uses
    .map((u) => {
      const i = interpretations.find((x) => x.id === u.id);
      return `<span class="sr-reading" data-choice="${esc(u.choice)}"><a href="#${esc(u.id)}">${esc(u.id)}</a> ${esc(optionWords(u.choice, i?.options, lang))}</span>`;
    })
    .join('; ');
}

/** The readings a result used, as plain words: each reading's id and the option taken, in words. */
export function readingsWords(uses: readonly InterpretationUse[], lang: Lang): string {
  return uses.map((u) => `${u.id} ${optionWords(u.choice, interpretations.find((x) => x.id === u.id)?.options, lang)}`).join(lang === 'zh' ? '；' : '; ');
}

/** The trace as an ordered list. */
export function traceList(trace: readonly TraceStep[], lang: Lang): string {
  return `<ol class="sr-trace">${trace.map((s) => `<li>${esc(s[lang])}</li>`).join('')}</ol>`;
}

function niceMax(max: number): { yMax: number; yStep: number } {
  if (!(max > 0)) return { yMax: 1, yStep: 1 };
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  return { yMax: Math.ceil(max / step) * step, yStep: step };
}

/** The field a schedule draws, as its rule declares (`plots`). */
const plotted = (rule: RuleName): string => RULE_INPUTS[rule].plots ?? 'share';

/** A schedule's line chart as SVG (values converted to floats for drawing only; labels exact). */
export function scheduleChart(rule: RuleName, value: object, lang: Lang): string {
  const r = value as AnyResult;
  const rows = r.rows ?? [];
  const field = plotted(rule);
  const share = unitOf(field, rule) === 'share';
  const points = rows.map((row) => [Number(row.year), Number(exact(row[field])) * (share ? 100 : 1)] as const);
  const { yMax, yStep } = niceMax(Math.max(...points.map(([, y]) => y)));
  const reading = readingsWords(r.interpretations, lang);
  return lineChart({
    title: `${fieldName(field, lang, rule)} (${r.clause}, ${reading})`,
    xLabel: W.year[lang],
    yLabel: share ? '%' : lang === 'zh' ? '元' : 'yuan',
    yMin: 0,
    yMax,
    yStep,
    yFormat: (y) => (share ? `${y} %` : grouped(String(y))),
    series: [{ name: `${reading}`, color: '#1f6fb4', points }],
  });
}

function scheduleTable(rule: RuleName, r: AnyResult, lang: Lang): string {
  const rows = r.rows ?? [];
  const cols = rows.length ? Object.keys(rows[0]!).filter((k) => rows.some((row) => row[k] !== undefined)) : [];
  const head = cols.map((c) => `<th scope="col">${esc(fieldName(c, lang, rule))}</th>`).join('');
  const body = rows
    .map(
      (row, i) =>
        `<tr>${cols.map((c, j) => (j === 0 ? `<th scope="row">${esc(exact(row[c]))}</th>` : `<td>${output(rule, `rows[${i}].${c}`, row[c], lang)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="sr-schedule"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * A rule's result as an HTML fragment.
 *
 * @param rule - the rule's exported name (a key of the provisions' rules registry)
 * @param result - what the rule returned
 * @param lang - `'zh'` or `'en'`
 */
export function resultHtml(rule: RuleName, value: object, lang: Lang): string {
  const result = value as AnyResult;
  const out: string[] = [`<div class="sr-result" data-result="${esc(rule)}">`];
  const fields = valueFields(result);
  if (fields.length) {
    out.push(
      `<table class="sr-values"><tbody>${fields.map((k) => `<tr><th scope="row">${esc(fieldName(k, lang, rule))}</th><td>${output(rule, k, result[k], lang)}</td></tr>`).join('')}</tbody></table>`,
    );
  }
  if (RULE_INPUTS[rule]?.schedule && result.rows) {
    out.push(scheduleTable(rule, result, lang), `<figure class="sr-chart">${scheduleChart(rule, result, lang)}</figure>`);
  }
  out.push(
    `<p class="sr-cite">${esc(W.clause[lang])}: ${clauseLink(result.clause, lang)} · ${esc(W.readings[lang])}: ${readingsList(result.interpretations, lang)}</p>`,
  );
  out.push(`<details class="sr-how" open><summary>${esc(W.trace[lang])}</summary>${traceList(result.trace, lang)}</details>`);
  out.push('</div>');
  return out.join('');
}

/** A rule's result as plain text: the values with units, the clause and readings, the trace. */
export function resultText(rule: RuleName, value: object, lang: Lang): string {
  const result = value as AnyResult;
  const lines = [`${rule} [${[result.clause, ...(result.interpretations.length ? [readingsWords(result.interpretations, lang)] : [])].join('; ')}]`];
  for (const k of valueFields(result)) lines.push(`  ${fieldName(k, lang, rule)}: ${showValue(result[k], unitOf(k, rule), lang)}`);
  for (const row of result.rows ?? []) {
    lines.push(
      `  ${Object.entries(row)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => (k === 'year' ? String(v) : `${fieldName(k, lang, rule)} ${showValue(v, unitOf(k, rule), lang)}`))
        .join(' · ')}`,
    );
  }
  lines.push(...result.trace.map((s, i) => `  ${i + 1}. ${s[lang]}`));
  return lines.join('\n');
}

/** Whether a value looks like a rule result (for the notebook display of anything handed to it). */
export function isRuleResult(v: unknown): v is AnyResult {
  return typeof v === 'object' && v !== null && typeof (v as AnyResult).clause === 'string' && Array.isArray((v as AnyResult).trace);
}
