import type { Bilingual } from './bilingual.js';

/**
 * Stable codes of the problems an input can have. Each names what was
 * expected, not what went wrong inside, so a program can act on it without
 * reading the message:
 *
 * - the kinds of value, one code each (src/kinds.ts holds the test, the words and the parse from text):
 *   `not-a-count`, `not-an-amount`, `not-a-share`, `not-a-year`, `not-a-date`, `not-a-flag`, `not-an-id`, `not-text`;
 * - `not-an-option`: not one of a fixed set of values (`'urban'` or `'rural'`, a rounding mode, a language);
 * - `out-of-range`: the right kind, but outside the range this field allows, alone or beside another field
 *   (a count of 0 where 1 is the least, a year before the base year, an end before its start);
 * - `not-an-object`, `not-a-list`: a record or a list that is something else;
 * - `not-a-policy`: a policy not made by `createPolicy()`;
 * - `unknown-field`: a key that the record, the options or the parameters do not have;
 * - `missing-field`: a required field left out;
 * - `duplicate-id`: an id used twice in one dataset;
 * - `unknown-name`: a name or an id that the policy's documents do not hold (a clause, a body, a topic);
 * - `not-json`: text that is not valid JSON;
 * - `too-many-issues`: the last issue of a long list, counting those left out;
 * - `invalid`: anything else (what an issue made without a code gets).
 */
export const ISSUE_CODES = [
  'not-a-count',
  'not-an-amount',
  'not-a-share',
  'not-a-year',
  'not-a-date',
  'not-a-flag',
  'not-an-id',
  'not-text',
  'not-an-option',
  'out-of-range',
  'not-an-object',
  'not-a-list',
  'not-a-policy',
  'unknown-field',
  'missing-field',
  'duplicate-id',
  'unknown-name',
  'not-json',
  'too-many-issues',
  'invalid',
] as const;

/** A stable code of a problem: see {@link ISSUE_CODES}. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Words in both languages (the same shape as the public `Bilingual`). */
export type Words = Bilingual;

/**
 * One problem found in an input: where it is, its code, what was expected and
 * received, and a message in Chinese and English.
 */
export interface PolicyInputIssue {
  /** Dotted path of the offending field, e.g. `households` or `staffing.householdsPerWorker`. */
  readonly path: string;
  /** Stable code, e.g. `not-a-count`: act on this, not on the message. */
  readonly code: IssueCode;
  /** What is allowed, in English words (`'a whole number ≥ 0 (a safe integer)'`); `''` when nothing is to be said. */
  readonly expected: string;
  /** What was given, in English words: a string quoted, a number as written, the kind of anything else (`'an object'`); `''` when nothing is to be said. */
  readonly received: string;
  /** What was wrong and what is allowed, in English (the same as `messages.en`). */
  readonly message: string;
  /** The message in both languages. */
  readonly messages: Words;
}

/**
 * An issue as a caller may give it to {@link PolicyInputError}: `path` and
 * `message` are enough (the code is then `invalid` and the Chinese message the
 * English one).
 */
export interface PolicyInputIssueInit {
  readonly path: string;
  readonly message: string;
  readonly code?: IssueCode;
  readonly expected?: string;
  readonly received?: string;
  readonly messages?: Words;
}

/** The mark of a PolicyInputError, the same symbol in every copy of the library loaded in one process. */
const BRAND: unique symbol = Symbol.for('shequ-rules.PolicyInputError');

/**
 * The only error this library throws on purpose: an input (to a rule or to
 * `createPolicy`) that the policy cannot be applied to.
 *
 * `issues` lists every problem found, each with the path of the field, a
 * stable code, what was expected and received, and a message in both
 * languages. The error's own message is in English.
 *
 * @example
 * ```ts
 * const error = (() => { try { requiredStaff({ households: -1 }); } catch (e) { return e; } })();
 * error instanceof PolicyInputError; //=> true
 * error.issues[0].path; //=> 'households'
 * error.issues[0].code; //=> 'not-a-count'
 * error.issues[0].received; //=> '-1'
 * error.issues[0].message; //=> 'expected a whole number ≥ 0 (a safe integer), got -1'
 * error.issues[0].messages.zh; //=> '应为不小于 0 的整数(安全整数)，实为 -1'
 * ```
 */
export class PolicyInputError extends Error {
  /**
   * Whether `value` is a PolicyInputError from any copy of this class. A CommonJS entry of the package is one
   * bundle with its own copy of the class, the ESM files are another, and an application may hold two versions of
   * the package: each copy's errors carry the same registered symbol, so `instanceof` holds across all of them.
   * A subclass keeps the ordinary test (its own prototype chain).
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    const branded = (value as Record<symbol, unknown> | null | undefined)?.[BRAND] === true;
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, this one or a subclass
    return this === PolicyInputError ? branded : Object.prototype.isPrototypeOf.call(this.prototype, value as object);
  }

  /** The brand {@link PolicyInputError}'s `instanceof` looks for. */
  get [BRAND](): true {
    return true;
  }

  /** Every problem found, never empty. */
  readonly issues: readonly PolicyInputIssue[];
  /** What was being validated (a rule's or a function's name), when the thrower said. */
  readonly context: string | undefined;

  /**
   * @param issues - the problems found (at least one); without a code an issue's code is `invalid`
   * @param context - what was being validated: a rule's or a function's name
   */
  constructor(issues: readonly PolicyInputIssueInit[], context?: string) {
    // However many issues a caller found, a refusal lists MAX_ISSUES of them and counts the rest (a caller that
    // capped its list already, with its count as the last issue, is left as it is).
    const list =
      issues.length === 0
        ? [{ path: '', message: 'invalid input' }]
        : issues.length > MAX_ISSUES + 1
          ? [...issues.slice(0, MAX_ISSUES), tooMany(issues.length - MAX_ISSUES)]
          : issues;
    const head = context ? `Invalid input to ${context}` : 'Invalid input';
    super(`${head}: ${list.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'PolicyInputError';
    this.context = context;
    this.issues = Object.freeze(
      list.map((i) =>
        Object.freeze({
          path: i.path,
          code: i.code ?? 'invalid',
          expected: i.expected ?? '',
          received: i.received ?? '',
          message: i.message,
          messages: Object.freeze({ zh: i.messages?.zh ?? i.message, en: i.message }),
        }),
      ),
    );
  }
}

/** How many issues a refusal lists; the rest are counted in one last `too-many-issues` issue. @internal */
export const MAX_ISSUES = 50;

/**
 * The issues of one input, as they are found: the first {@link MAX_ISSUES} kept, the rest only counted, so that a
 * dataset with a bad cell in each of a million rows holds fifty issues, not a million. `add` takes an issue or a
 * function that makes it, so that an issue past the cap costs nothing to make (a "did you mean" is an edit distance).
 * @internal
 */
export class IssueList {
  private readonly kept: PolicyInputIssueInit[] = [];
  /** How many issues were found, kept or not. */
  found = 0;

  add(i: PolicyInputIssueInit | (() => PolicyInputIssueInit)): void {
    if (this.found++ < MAX_ISSUES) this.kept.push(typeof i === 'function' ? i() : i);
  }

  /** The issues kept, and one `too-many-issues` counting those left out. */
  list(): PolicyInputIssueInit[] {
    const more = this.found - this.kept.length;
    return more > 0 ? [...this.kept, tooMany(more)] : [...this.kept];
  }

  /** Throw the issues found, when there are any. */
  throwIfAny(context: string): void {
    if (this.found > 0) throw new PolicyInputError(this.list(), context);
  }
}

/** The last issue of a long list: how many more were found. */
const tooMany = (more: number): PolicyInputIssueInit => issue('', 'too-many-issues', { received: received(more) });

/** How an issue's message reads, from its expected and received words and a note. */
export interface IssueParts {
  readonly expected?: Words;
  readonly received?: Words;
  /** More to say: the reason for a range, a closest name, where an id was first used. */
  readonly note?: Words;
}

const list = (w: Words | undefined): Words => w ?? { zh: '', en: '' };

/**
 * The message templates, one per code that has its own form; every other code
 * reads "expected …, got …". Wording lives here and nowhere else.
 * @internal
 */
export const TEMPLATES: Partial<Record<IssueCode, (p: IssueParts) => Words>> = {
  'unknown-field': ({ expected, note }) => ({
    en: `unknown field${note ? ` (${note.en})` : ''}; allowed: ${list(expected).en}`,
    zh: `未知字段${note ? `(${note.zh})` : ''}；可用的字段：${list(expected).zh}`,
  }),
  'missing-field': ({ expected, note }) => ({
    en: `is required: expected ${list(expected).en}${note ? `: ${note.en}` : ', got nothing'}`,
    zh: `必须填写：应为${after(list(expected).zh)}${note ? `：${note.zh}` : ''}`,
  }),
  'duplicate-id': ({ received, note }) => ({
    en: `duplicate id ${list(received).en}${note ? ` (first used by ${note.en})` : ''}`,
    zh: `编号 ${list(received).zh} 重复${note ? `(已用于 ${note.zh})` : ''}`,
  }),
  'too-many-issues': ({ received }) => ({ en: `… and ${list(received).en} more problems`, zh: `……另有 ${list(received).zh} 个问题` }),
  'not-json': ({ note }) => ({ en: `not valid JSON: ${list(note).en}`, zh: `不是有效的 JSON：${list(note).zh}` }),
};

/** Chinese words after Chinese: a space before Latin letters, digits and quotes, none before Chinese. */
const after = (zh: string): string => (/^[\x21-\x7e]/.test(zh) ? ` ${zh}` : zh);

/** "expected …, got …", with a note in parentheses after the value. */
function expectedGot({ expected, received, note }: IssueParts): Words {
  const e = list(expected);
  return {
    en: `expected ${e.en}${received ? `, got ${received.en}` : ''}${note ? ` (${note.en})` : ''}`,
    zh: `应为${after(e.zh)}${received ? `，实为${after(received.zh)}` : ''}${note ? `(${note.zh})` : ''}`,
  };
}

/**
 * One issue, its message made from the template of its code.
 * @internal
 */
export function issue(path: string, code: IssueCode, parts: IssueParts): PolicyInputIssueInit {
  const messages = (TEMPLATES[code] ?? expectedGot)(parts);
  return { path, code, expected: parts.expected?.en ?? '', received: parts.received?.en ?? '', message: messages.en, messages };
}

/**
 * "expected …, got <value>": the commonest issue, a value of the wrong kind or out of range.
 * @internal
 */
export function refused(path: string, code: IssueCode, expected: Words, value: unknown, note?: Words): PolicyInputIssueInit {
  return issue(path, code, { expected, received: received(value), ...(note && { note }) });
}

/** A value in both languages' words, as {@link describeValue} says it. @internal */
export function received(value: unknown): Words {
  return { en: describeValue(value), zh: describeValue(value, 'zh') };
}

const KIND_WORDS = {
  nothing: { en: 'nothing', zh: '空(未填写)' },
  symbol: { en: 'a symbol', zh: '一个 symbol' },
  function: { en: 'a function', zh: '一个函数' },
  array: { en: 'an array', zh: '一个数组' },
  badDate: { en: 'an invalid Date', zh: '一个无效的 Date' },
  date: { en: 'a Date', zh: '一个 Date' },
  object: { en: 'an object', zh: '一个对象' },
} as const;

/**
 * Describe a value the way an error message should show it: strings quoted,
 * numbers as written, and the kind of anything else.
 * @internal
 */
export function describeValue(value: unknown, lang: 'zh' | 'en' = 'en'): string {
  const kind = (k: keyof typeof KIND_WORDS) => KIND_WORDS[k][lang];
  if (value === undefined) return kind('nothing');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return lang === 'zh' ? `${value}n(bigint)` : `${value}n (a bigint)`;
    case 'boolean':
      return String(value);
    case 'symbol':
      return kind('symbol');
    case 'function':
      return kind('function');
    default:
      if (Array.isArray(value)) return kind('array');
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? kind('badDate') : kind('date');
      return kind('object');
  }
}
