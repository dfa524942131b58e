/** What the explorer takes from the library's views, in one place. */
export {
  auditHtml,
  esc,
  evaluationHtml,
  FIELDS,
  inputFromText,
  reportHtml,
  resultHtml,
  RULE_INPUTS,
  showValue,
  VIEW_CSS,
  type RuleName,
} from '../../src/view.js';
export type { PresetName } from '../../src/index.js';
