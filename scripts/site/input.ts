/**
 * What is typed into the page, read as the command line reads it: every
 * field through the library's catalogue of value kinds (`src/kinds.ts`), the
 * one that reads `explain`'s flags and a table's cells — "3,100", full-width
 * digits, 2013年7月1日 and 2013年 are taken as the CLI takes them — and every
 * refusal as the library's issue, so the page can say it in its language.
 */
import { refused, type PolicyInputIssueInit } from '../../src/errors.js';
import { KINDS } from '../../src/kinds.js';
import type { Lang } from '../../src/index.js';
import { PolicyInputError } from '../../src/index.js';
import { RULE_INPUTS, type RuleName } from './lib.js';
import { fieldLabel } from './words.js';

/** A rule's input read from the texts of its form, and the fields that could not be read. */
export interface ReadInput {
  readonly input: Record<string, unknown>;
  readonly issues: readonly PolicyInputIssueInit[];
}

/**
 * A calculator's input: each field read by its kind's reading of text (empty optional fields left out, an empty
 * required one passed as missing so that the rule says so in its own words).
 */
export function readCalculator(rule: RuleName, texts: Readonly<Record<string, string | undefined>>): ReadInput {
  const input: Record<string, unknown> = {};
  const issues: PolicyInputIssueInit[] = [];
  for (const field of RULE_INPUTS[rule].fields) {
    const raw = texts[field.name] ?? '';
    if (raw.trim() === '') {
      if (field.required) input[field.name] = undefined;
      continue;
    }
    const kind = KINDS[field.kind];
    const read = kind.parse(raw);
    if (read.ok) input[field.name] = read.value;
    else issues.push(refused(field.name, read.code, read.expected, raw.trim()));
  }
  return { input, issues };
}

/** The year of "check your data" (the CLI's --year): undefined when empty, else the year or its issue. */
export function readYear(text: string): { year: number | undefined } | { issue: PolicyInputIssueInit } {
  if (text.trim() === '') return { year: undefined };
  const read = KINDS.year.parse(text);
  return read.ok ? { year: read.value } : { issue: refused('year', read.code, read.expected, text.trim()) };
}

/** An issue as the page says it: the field's name in words, then the library's message in the page's language. */
export function issueLine(i: Pick<PolicyInputIssueInit, 'path' | 'messages' | 'message'>, lang: Lang, rule?: RuleName): string {
  const message = i.messages?.[lang] ?? i.message;
  return `${fieldLabel(i.path, lang, rule)}${lang === 'zh' ? '：' : ': '}${message}`;
}

/** The issues of a refusal (a PolicyInputError), or undefined for any other error. */
export function issuesOf(e: unknown): readonly PolicyInputIssueInit[] | undefined {
  return e instanceof PolicyInputError ? e.issues : undefined;
}
