/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The explorer's script: it redraws only what a change touches, so typing in
 * a calculator keeps its focus. A reading redraws every calculator, the
 * parameters, the audit, the comparison and the data report; the language
 * switch redraws the page.
 */
import { evaluateCity, readDataset, type Dataset } from '../../src/evaluation.js';
import { evaluateDataset } from '../../src/evaluate/city.js';
import { PolicyInputError } from '../../src/index.js';
import { datasetFromText, DataFileError } from './read-data.js';
import { esc, evaluationHtml, reportHtml, type RuleName } from './lib.js';
import { auditRegion, calculatorResult, initialState, pageBody, policyOf, presetsRegion, T, type State } from './render.js';

const state: State = initialState(document.documentElement.lang === 'en' ? 'en' : 'zh');
let dataset: { name: string; text: string } | undefined;
let saveUrl: string | undefined;

const $$ = <E extends Element>(sel: string) => [...document.querySelectorAll<E>(sel)];

function drawData(): void {
  const region = document.querySelector('[data-region="data"]');
  if (!region) return;
  if (!dataset) {
    region.innerHTML = `<p>${esc(T.noData[state.lang])}</p>`;
    return;
  }
  const L = state.lang;
  const yearText = document.querySelector<HTMLInputElement>('[data-dataset-year]')?.value.trim() ?? '';
  try {
    const { data, communitiesOnly } = datasetFromText(
      dataset.name,
      dataset.text,
      /^\d{4}$/.test(yearText) ? Number(yearText) : (yearText as unknown as number),
    );
    // A CSV holds communities only: the city's provisions are listed as not evaluated, as the CLI does.
    const result = communitiesOnly
      ? evaluateDataset(readDataset(data), policyOf(state), true, undefined, 'communities-only')
      : evaluateCity(data as Dataset, { policy: policyOf(state) });
    if (saveUrl) URL.revokeObjectURL(saveUrl);
    saveUrl = URL.createObjectURL(new Blob([reportHtml(result, { lang: L, source: dataset.name, policy: policyOf(state) })], { type: 'text/html' }));
    const file = `${dataset.name.replace(/\.[^.]*$/, '')}-report.html`;
    region.innerHTML = `<p><a href="${saveUrl}" download="${esc(file)}" data-save-report>${esc(T.save[L])}</a> · <code>${esc(dataset.name)}</code></p>${evaluationHtml(result, L)}`;
  } catch (e) {
    const lines = e instanceof PolicyInputError ? e.issues.map((i) => `${i.path}: ${i.message}`) : e instanceof DataFileError ? [e[L]] : undefined;
    if (!lines) throw e;
    region.innerHTML = `<div class="sr-error" role="alert" data-error><strong>${esc(T.error[L])}</strong> <code>${esc(dataset.name)}</code><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></div>`;
  }
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
    cell.textContent = v === undefined ? '—' : String(v);
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
  } else if (el.matches('[data-dataset-year]')) drawData();
});

document.addEventListener('change', (ev) => {
  const el = ev.target as HTMLElement;
  if (el instanceof HTMLSelectElement && el.dataset.reading) {
    state.choices[el.dataset.reading] = el.value;
    drawDependents();
  } else if (el instanceof HTMLInputElement && el.matches('[data-dataset]')) {
    const file = el.files?.[0];
    if (!file) return;
    void file.text().then((text) => {
      dataset = { name: file.name, text };
      drawData();
    });
  }
});

document.addEventListener('click', (ev) => {
  const el = (ev.target as HTMLElement).closest<HTMLElement>('button');
  if (!el) return;
  if (el.dataset.lang && el.dataset.lang !== state.lang) {
    state.lang = el.dataset.lang === 'en' ? 'en' : 'zh';
    drawPage(`button[data-lang="${state.lang}"]`);
  } else if (el.hasAttribute('data-reset-readings')) {
    state.choices = initialState(state.lang).choices;
    for (const sel of $$<HTMLSelectElement>('select[data-reading]')) sel.value = state.choices[sel.dataset.reading!]!;
    drawDependents();
  }
});

// The page as built is the first state; a reading chosen before the script ran (the browser's form memory) is taken in.
for (const sel of $$<HTMLSelectElement>('select[data-reading]')) state.choices[sel.dataset.reading!] = sel.value;
drawDependents();
document.documentElement.dataset.ready = 'true';
