/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The explorer's script: it redraws only what a change touches, so typing in
 * a calculator keeps its focus. A reading redraws every calculator, the
 * parameters, the audit, the comparison and the data report; the language
 * switch redraws the page.
 */
import { inputLines } from '../../src/report/input-report.js';
import { compareRegion } from './compare.js';
import { findingGraphsHtml, graphToggled } from './graph.js';
import { datasetsOf, evaluateFile, problemLines, type FileDataset } from './read-data.js';
import { issueLine, readCalculator, readYear } from './input.js';
import { esc, evaluationHtml, reportHtml, type RuleName } from './lib.js';
import { parameterValue } from './words.js';
import { auditRegion, calculatorResult, initialState, pageBody, policyOf, presetsRegion, T, type State } from './render.js';
import { queryOf, stateOf } from './url.js';
import { STANDARDS } from '../../src/policies/standards.js';

// The state the address carries (a link's readings, inputs, language, standards and year), over the first state.
const fromAddress = stateOf(
  location.search.slice(1),
  STANDARDS.map((s) => s.id),
);
const state: State = fromAddress.state;
if (fromAddress.unused.length) state.unused = fromAddress.unused;

/** The state written into the page's address (replacing it: the back button is not a log of keystrokes). */
function remember(): void {
  const q = queryOf(state);
  history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
}
let dataset: { name: string; bytes: Uint8Array } | undefined;
/** The data region's latest drawing: an earlier one that ends later (the file is read asynchronously) is dropped. */
let drawing = 0;
let saveUrl: string | undefined;
/** The file's data as read for the comparison (undefined until a file has been read and evaluated). */
let datasets: FileDataset[] | undefined;

const $$ = <E extends Element>(sel: string) => [...document.querySelectorAll<E>(sel)];

function drawData(): void {
  const region = document.querySelector('[data-region="data"]');
  if (!region) return;
  const turn = ++drawing;
  datasets = undefined;
  drawCompare();
  if (!dataset) {
    region.innerHTML = `<p>${esc(T.noData[state.lang])}</p>`;
    return;
  }
  const { name, bytes } = dataset;
  const L = state.lang;
  const yearText = state.year.trim();
  const policy = policyOf(state);
  const shown = (html: string) => {
    if (turn === drawing) region.innerHTML = html;
  };
  const failed = (lines: readonly string[]) =>
    shown(
      `<div class="sr-error" role="alert" data-error><strong>${esc(T.error[L])}</strong> <code>${esc(name)}</code><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></div>`,
    );
  // The same reading as the CLI's `report FILE --year YEAR`: the year of a table that gives none, and the one evaluated.
  const read = readYear(yearText);
  if ('issue' in read) return failed([issueLine(read.issue, L)]);
  const { year } = read;
  evaluateFile(name, bytes, year, policy).then(
    (data) => {
      if (turn !== drawing) return;
      // The file's data, kept by the one reading above, for the comparison.
      datasets = datasetsOf(data);
      drawCompare();
      const results = data.years.map((y) => y.result);
      if (saveUrl) URL.revokeObjectURL(saveUrl);
      saveUrl = URL.createObjectURL(new Blob([reportHtml(results, { lang: L, source: name, policy })], { type: 'text/html' }));
      const file = `${name.replace(/\.[^.]*$/, '')}-report.html`;
      const read = inputLines(data.input, L).filter((l) => l.trim() !== '');
      shown(
        `<p><a href="${saveUrl}" download="${esc(file)}" data-save-report>${esc(T.save[L])}</a> · <code>${esc(name)}</code></p>` +
          `<details data-read><summary>${esc(T.read[L])}</summary><ul>${read.map((l) => `<li>${esc(l.trim())}</li>`).join('')}</ul></details>` +
          results.map((r) => evaluationHtml(r, L, 500, undefined, policy)).join('') +
          findingGraphsHtml(data.years, policy, L),
      );
    },
    (e: unknown) => {
      const lines = problemLines(e, L);
      if (!lines) throw e;
      failed(lines);
    },
  );
}

/** The comparison of the file's data under the city's document and the standards ticked. */
function drawCompare(): void {
  const region = document.querySelector('[data-region="compare"]');
  if (region) region.innerHTML = compareRegion(datasets, state.standards, policyOf(state), state.lang);
}

function drawCalculator(rule: RuleName): void {
  const region = document.querySelector(`[data-result-of="${rule}"]`);
  if (region) region.innerHTML = calculatorResult(rule, state, policyOf(state));
}

/** After a reading changes: everything that depends on the readings. */
function drawDependents(): void {
  const policy = policyOf(state);
  for (const form of $$<HTMLFormElement>('form[data-rule]')) drawCalculator(form.dataset.rule as RuleName);
  for (const cell of $$<HTMLElement>('[data-parameter] td[data-value]')) {
    const path = cell.parentElement!.dataset.parameter!;
    const v = path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], policy.parameters);
    cell.dataset.value = v === undefined ? '' : String(v);
    cell.textContent = parameterValue(path, cell.parentElement!.dataset.unit ?? '', v, state.lang);
  }
  document.querySelector('[data-region="audit"]')!.innerHTML = auditRegion(state, policy);
  document.querySelector('[data-region="presets"]')!.innerHTML = presetsRegion(state, policy);
  drawData();
}

function drawPage(focus?: string): void {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = T.title[state.lang];
  document.body.innerHTML = pageBody(state);
  drawData();
  if (focus) document.querySelector<HTMLElement>(focus)?.focus();
}

document.addEventListener('input', (ev) => {
  const el = ev.target as HTMLInputElement;
  const form = el.closest<HTMLFormElement>('form[data-rule]');
  if (form && el.name) {
    const rule = form.dataset.rule as RuleName;
    (state.values[rule] ??= {})[el.name] = el.value;
    drawCalculator(rule);
    remember();
  } else if (el.matches('[data-dataset-year]')) {
    state.year = el.value;
    drawData();
    remember();
  }
});

document.addEventListener('change', (ev) => {
  const el = ev.target as HTMLElement;
  if (el instanceof HTMLSelectElement && el.dataset.reading) {
    state.choices[el.dataset.reading] = el.value;
    drawDependents();
    remember();
  } else if (el instanceof HTMLInputElement && el.dataset.standard) {
    state.standards = $$<HTMLInputElement>('input[data-standard]:checked').map((box) => box.dataset.standard!);
    drawCompare();
    remember();
  } else if (el instanceof HTMLInputElement && el.matches('[data-dataset]')) {
    const file = el.files?.[0];
    if (!file) return;
    // The last file's report goes at once: what shows next is this file's.
    dataset = undefined;
    drawData();
    void file.arrayBuffer().then((buffer) => {
      dataset = { name: file.name, bytes: new Uint8Array(buffer) };
      drawData();
    });
  }
});

// A graph box does not bubble its toggle: caught on the way down.
document.addEventListener(
  'toggle',
  (ev) => graphToggled(ev.target, state.lang, policyOf(state), (r) => readCalculator(r as RuleName, state.values[r] ?? {}).input),
  true,
);

document.addEventListener('click', (ev) => {
  const el = (ev.target as HTMLElement).closest<HTMLElement>('button');
  if (!el) return;
  if (el.dataset.lang && el.dataset.lang !== state.lang) {
    state.lang = el.dataset.lang === 'en' ? 'en' : 'zh';
    drawPage(`button[data-lang="${state.lang}"]`);
    remember();
  } else if (el.hasAttribute('data-reset-readings')) {
    state.choices = initialState(state.lang).choices;
    for (const sel of $$<HTMLSelectElement>('select[data-reading]')) sel.value = state.choices[sel.dataset.reading!]!;
    drawDependents();
    remember();
  }
});

// Printed, the page shows everything: every closed <details> (what was read, the readings' reasons) opens for the print and closes after.
let opened: HTMLDetailsElement[] = [];
addEventListener('beforeprint', () => {
  opened = $$<HTMLDetailsElement>('details:not([open])');
  for (const d of opened) d.open = true;
});
addEventListener('afterprint', () => {
  for (const d of opened) d.open = false;
  opened = [];
});

// The page drawn from its state (the first state, or a link's, in its language), the clause the address points at in view.
drawPage();
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
document.documentElement.dataset.ready = 'true';
