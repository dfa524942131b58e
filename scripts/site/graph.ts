/**
 * The explorer's view of an explanation graph (src/graph/): a value and what
 * it came from, as a nested list — each node with its value and unit, a link
 * to its clause (`#A.4.2`), a reading to its entry (`#I3`), a parameter with
 * the document its value comes from — readable at 390 px and drawn without
 * any library. A node met a second time (a subtree the formula uses twice)
 * is named again and links back to where it is drawn, not drawn twice.
 */
import { findingGraph, ruleGraph, type ExplanationGraph, type GraphNode } from '../../src/graph/index.js';
import { nodeLabel } from '../../src/graph/output.js';
import type { ReportYear } from '../../src/read/evaluate-files.js';
import type { PolicyCore } from '../../src/provisions/provision.js';
import { PolicyInputError, type Lang } from '../../src/index.js';
import { esc } from './lib.js';

const W = {
  why: { zh: '由何而来(解释图)', en: 'Where it comes from (explanation graph)' },
  findings: { zh: '结论由何而来', en: 'Where the findings come from' },
  findingsNote: {
    zh: '以下为所检查数据中未通过和无法判断的结论(最多 {n} 项)，每项展开可见其依据：记录中的字段、参数及其出处、解读和每一步运算。',
    en: 'The failing and undecided findings of the data checked (at most {n}); open one to see what it came from: the record’s fields, the parameters with their sources, the readings and each operation.',
  },
  kind: {
    value: { zh: '结果', en: 'value' },
    input: { zh: '输入', en: 'input' },
    parameter: { zh: '参数', en: 'parameter' },
    reading: { zh: '解读', en: 'reading' },
    operation: { zh: '运算', en: 'operation' },
  },
  from: { zh: '起', en: 'from' },
  own: { zh: '调用方自设', en: 'set by the caller' },
  seeAbove: { zh: '见上', en: 'see above' },
  declared: {
    zh: '依据按规则的声明列出(字段、参数、解读)，运算为计算步骤。',
    en: 'Dependencies as the rule declares them (fields, parameters, readings); the operations are its steps.',
  },
  formula: { zh: '依据取自该项检查的公式，每个运算只连其运算对象。', en: 'From the check’s formula: each operation links exactly its operands.' },
} as const;

/** Where a node links: its reading's entry, or its clause. */
const hrefOf = (n: GraphNode): string | undefined => (n.kind === 'reading' ? `#${n.id.slice('reading:'.length)}` : n.clause ? `#${n.clause}` : undefined);

/** A node's line: kind, words, value and unit, the link to its clause, and for a parameter where its value comes from. */
function nodeLine(n: GraphNode, lang: Lang): string {
  const href = hrefOf(n);
  const label = esc(nodeLabel(n, lang));
  const link = href ? ` <a class="gr-clause" href="${esc(href)}">${esc(href.slice(1))}</a>` : '';
  let source = '';
  if (n.kind === 'parameter') {
    const s = n.source;
    const doc =
      s === null || s === undefined
        ? W.own[lang]
        : `${s.title[lang]}${s.clause ? ` ${s.clause}` : ''}${s.date && !s.title[lang].includes(s.date) ? ` (${s.date})` : ''}`;
    source = ` <small class="gr-src">${esc(doc)}${n.from ? ` · ${esc(W.from[lang])} ${esc(n.from)}` : ''}</small>`;
  }
  return `<span class="gr-kind gr-${n.kind}">${esc(W.kind[n.kind][lang])}</span> <span class="gr-label">${label}</span>${link}${source}`;
}

/**
 * A graph as a nested list from its roots: each node once, with what it depends on below it.
 *
 * @param graph - from `ruleGraph` or `findingGraph`
 * @param lang - the page's language
 * @param key - a prefix for the list's anchors, unique on the page
 */
export function graphHtml(graph: ExplanationGraph, lang: Lang, key: string): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const drawn = new Set<string>();
  const anchor = (id: string) => `${key}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const item = (id: string): string => {
    const n = byId.get(id);
    if (!n) return '';
    if (drawn.has(id)) {
      return `<li data-node="${esc(id)}" data-again><a href="#${esc(anchor(id))}">${esc(nodeLabel(n, lang))}</a> <small>(${esc(W.seeAbove[lang])})</small></li>`;
    }
    drawn.add(id);
    const below = n.dependencies.map(item).join('');
    return `<li id="${esc(anchor(id))}" data-node="${esc(id)}" data-kind="${n.kind}">${nodeLine(n, lang)}${below ? `<ul>${below}</ul>` : ''}</li>`;
  };
  const roots = graph.requested.map(item).join('');
  const rest = graph.nodes
    .filter((n) => !drawn.has(n.id))
    .map((n) => item(n.id))
    .join('');
  const note = graph.detail === 'formula' ? W.formula[lang] : W.declared[lang];
  return `<div class="gr" data-graph data-detail="${graph.detail}"><p class="sr-cite">${esc(note)}</p><ul class="gr-tree">${roots}${rest}</ul></div>`;
}

/** The calculators whose graph the reader has opened: drawn again open when their result changes. */
const opened = new Set<string>();

/** A calculator's graph, or nothing when the input is refused (the result above says why). */
function ruleGraphBody(rule: string, input: unknown, policy: PolicyCore, lang: Lang): string {
  try {
    return graphHtml(ruleGraph(rule, input, { policy }), lang, `g-${rule}`);
  } catch (e) {
    if (e instanceof PolicyInputError) return '';
    throw e;
  }
}

/**
 * A calculator's graph under its result: a box drawn closed and empty (the page as built carries no graph), filled
 * when opened (see {@link graphToggled}), and drawn open again while the reader keeps it open.
 */
export function ruleGraphHtml(rule: string, input: unknown, policy: PolicyCore, lang: Lang): string {
  const open = opened.has(rule);
  const body = open ? ruleGraphBody(rule, input, policy, lang) : '';
  return `<details class="gr-box" data-graph-of="${esc(rule)}"${open ? ' open' : ''}><summary>${esc(W.why[lang])}</summary><div data-graph-body>${body}</div></details>`;
}

/**
 * When a calculator's graph box is opened, draw its graph in it (with the calculator's input as `inputOf` gives
 * it); when closed, forget it. Anything else that toggles is left alone.
 */
export function graphToggled(target: EventTarget | null, lang: Lang, policy: PolicyCore, inputOf: (rule: string) => unknown): void {
  const box = target as HTMLElement | null;
  const rule = box?.dataset?.graphOf;
  if (rule === undefined || !('open' in box!)) return;
  const open = (box as HTMLDetailsElement).open;
  if (!open) {
    opened.delete(rule);
    return;
  }
  if (opened.has(rule) && box!.querySelector('[data-graph]')) return; // drawn open already
  opened.add(rule);
  const body = box!.querySelector('[data-graph-body]');
  if (body) body.innerHTML = ruleGraphBody(rule, inputOf(rule), policy, lang);
}

/**
 * The failing and undecided findings of the data checked, each with its graph (closed until opened), at most `limit`.
 *
 * @param years - each year of the file as read for the page: the findings listed, worst first, and the data kept
 * @param policy - the policy they were made under
 * @param lang - the page's language
 * @param limit - how many findings at most
 */
export function findingGraphsHtml(years: readonly ReportYear[], policy: PolicyCore, lang: Lang, limit = 20): string {
  const items: string[] = [];
  for (const y of years) {
    const byId = new Map((y.kept?.dataset.communities ?? []).map((c) => [c.id, c]));
    for (const f of y.listed) {
      if (items.length >= limit) break;
      if (f.status === 'pass') continue;
      const record = byId.get(f.subject);
      const g = findingGraph(f, { policy, year: y.year, ...(record && { record }) });
      const key = `gf-${items.length}`;
      const head = `${f.subject}${record ? ` ${record.name}` : ''} · ${f.clause} · ${f.message[lang]}`;
      items.push(
        `<details class="gr-box" data-finding-graph="${esc(f.provision)}" data-subject="${esc(f.subject)}" data-status="${esc(f.status)}"><summary>${esc(head)}</summary>${graphHtml(g, lang, key)}</details>`,
      );
    }
  }
  if (!items.length) return '';
  return `<section class="gr-findings" data-region="finding-graphs"><h3>${esc(W.findings[lang])}</h3><p>${esc(W.findingsNote[lang].replace('{n}', String(limit)))}</p>${items.join('')}</section>`;
}

/** The graph's styles: a tree of thin guide lines, kinds as small tags, wrapping at any width. */
export const GRAPH_CSS = `.gr-box{margin:.4rem 0}.gr-box>summary{cursor:pointer;overflow-wrap:anywhere}
.gr-tree,.gr-tree ul{list-style:none;margin:0;padding-left:1rem;border-left:1px solid #c8c8c8}.gr-tree{padding-left:.4rem;border-left:0}
.gr-tree li{margin:.15rem 0;overflow-wrap:anywhere}.gr-kind{display:inline-block;font-size:.75em;padding:0 .3em;border-radius:3px;background:#eef;color:#223}
.gr-value{background:#e6f4ea}.gr-input{background:#fdf3e1}.gr-parameter{background:#e8eefc}.gr-reading{background:#f6e8fc}.gr-operation{background:#eee}
.gr-src{color:#555}.gr-clause{font-size:.85em}`;
