/**
 * shequ-rules/view: the HTML views of the library — a rule's result (values
 * with units, clause, readings, trace), a schedule (table and SVG chart), the
 * self-audit and an evaluation (summary, findings, charts) — and the
 * self-contained HTML report. No dependency; every text from data escaped.
 * Notebooks need none of this: results display themselves.
 *
 * @packageDocumentation
 * @module shequ-rules/view
 */
export { resultHtml, resultText, scheduleChart } from './view/result.js';
export { auditHtml, auditText, VERDICT } from './view/audit.js';
export { evaluationHtml, evaluationText, provisionChart, worstChart, progressChart, provisionName, PROVISION_WORDS } from './view/evaluation.js';
export { reportHtml, htmlDocument, VIEW_CSS, COMPONENT_CSS, type HtmlReportOptions } from './view/document.js';
export { setDisplayLanguage, displayLanguage, type MimeBundle } from './view/display.js';
export { mimeBundle } from './view/display-evaluation.js';
export {
  FIELDS,
  RULE_INPUTS,
  inputFromText,
  showValue,
  type RuleName,
  type RuleInputs,
  type RuleInputField,
  type InputKind,
  type Unit,
} from './view/fields.js';
export { lineChart, barChart, type LineChart, type BarChart, type Bar, type BarSegment, type Series } from './view/svg.js';
export { esc } from './view/html.js';
