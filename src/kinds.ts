/**
 * The kinds of value the library reads, declared once: for each, its issue
 * code, its words for what is allowed (in Chinese and English, for a value
 * and for text), its test of a JavaScript value and its parse from text (a
 * CSV cell, a CLI flag). Every validator takes its test and its words from
 * here: the rules' inputs, `createPolicy`'s overrides, the dataset schema,
 * the batch quick check, the table reader and the CLI.
 *
 * Each kind is its own export, so a bundle that reads only counts carries
 * only the count (and no decimal arithmetic: amounts come out as the plain
 * decimal text or number given, for the caller to make exact).
 * @internal
 */
import type { IssueCode, Words } from './errors.js';
import { decimalText, isoDay, PLAIN_DECIMAL, YEAR_MAX, YEAR_MIN } from './values.js';

/** A value read, or the code and words of what was expected instead. */
export type KindResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: IssueCode; readonly expected: Words };

/** One kind of value. */
export interface Kind<T> {
  /** Its name: `count`, `amount`, … */
  readonly id: 'count' | 'amount' | 'share' | 'year' | 'date' | 'flag' | 'id' | 'text';
  /** The code of a value that is not of this kind. */
  readonly code: IssueCode;
  /** What is allowed, said of a JavaScript value. */
  readonly expected: Words;
  /** What is allowed, said of text (a cell, a flag), with an example as people write it. */
  readonly expectedText: Words;
  /**
   * The JSON Schema (draft 2020-12) of the JSON values `is` accepts (a getter in each declaration below: read
   * there, a pattern's `.source` would keep every kind in a bundle that uses one): what `datasetJsonSchema()` says of a field of
   * this kind. A test holds the two to each other on generated values.
   */
  readonly json: Readonly<Record<string, unknown>>;
  /** Whether `value` is of this kind (no allocation: the quick checks call it on every record). */
  is(value: unknown): boolean;
  /** Read a JavaScript value. */
  check(value: unknown): KindResult<T>;
  /** Read text as people type it: full-width digits, spaces and thousands separators are allowed where they make sense. */
  parse(text: string): KindResult<T>;
}

function kind<T>(spec: Omit<Kind<T>, 'check' | 'parse'> & { read(value: unknown): T | undefined; fromText(text: string): T | undefined }): Kind<T> {
  const no = { ok: false, code: spec.code, expected: spec.expected } as const;
  const noText = { ok: false, code: spec.code, expected: spec.expectedText } as const;
  return {
    id: spec.id,
    code: spec.code,
    expected: spec.expected,
    expectedText: spec.expectedText,
    json: spec.json,
    is: spec.is,
    check(value) {
      const v = spec.is(value) ? spec.read(value) : undefined;
      return v === undefined ? no : { ok: true, value: v };
    },
    parse(text) {
      const v = typeof text === 'string' ? spec.fromText(text) : undefined;
      return v === undefined ? noText : { ok: true, value: v };
    },
  };
}

/** Text as compared: half-width (NFKC), every kind of space removed. */
export const squeeze = (s: string): string => s.normalize('NFKC').replace(/[\s\u00a0\u2009\u202f\u3000]+/g, '');

/** A plain decimal numeral from text: spaces gone, thousands separators (3,695) allowed, no sign but `+`. */
export function plainNumber(text: string): string | undefined {
  let t = squeeze(text);
  if (/^\+?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
  return PLAIN_DECIMAL.test(t) ? t.replace(/^\+/, '') : undefined;
}

/** Whether a plain decimal numeral (no sign) is at most 1. */
function atMostOne(text: string): boolean {
  const [int = '', frac = ''] = text.replace(/^\+/, '').split('.');
  const whole = int.replace(/^0+/, '');
  return whole === '' || (whole === '1' && /^0*$/.test(frac));
}

const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

/** A whole number ≥ 0 that is a safe integer: households, residents, staff, villages. */
export const count: Kind<number> = /* @__PURE__ */ kind<number>({
  id: 'count',
  code: 'not-a-count',
  expected: { en: 'a whole number ≥ 0 (a safe integer)', zh: '不小于 0 的整数(安全整数)' },
  expectedText: { en: 'a whole number ≥ 0 such as 3,695', zh: '不小于 0 的整数，如 3,695' },
  get json() {
    return { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
  },
  is: isCount,
  read: (v) => v as number,
  fromText(text) {
    const t = plainNumber(text);
    if (t === undefined || !/^\d+$/.test(t)) return undefined;
    const n = Number(t);
    return Number.isSafeInteger(n) ? n : undefined;
  },
});

const AMOUNT_MAX_LENGTH = 60;

/** A money amount or an area ≥ 0: a finite number, a plain decimal string (up to 60 characters) or a Decimal; read as the number or its plain decimal text. */
export const amount: Kind<number | string> = /* @__PURE__ */ kind<number | string>({
  id: 'amount',
  code: 'not-an-amount',
  expected: { en: "a finite number ≥ 0 or a decimal string such as '199999.5'", zh: "不小于 0 的有限数或十进制数字符串，如 '199999.5'" },
  expectedText: { en: 'a number ≥ 0 such as 199999.5 or 30,000', zh: '不小于 0 的数，如 199999.5 或 30,000' },
  get json() {
    return {
      anyOf: [
        { type: 'number', minimum: 0 },
        { type: 'string', maxLength: AMOUNT_MAX_LENGTH, pattern: PLAIN_DECIMAL.source },
      ],
    };
  },
  is(v) {
    if (typeof v === 'number') return Number.isFinite(v) && v >= 0;
    if (typeof v === 'string') return v.length <= AMOUNT_MAX_LENGTH && PLAIN_DECIMAL.test(v);
    const text = decimalText(v);
    return text !== undefined && !text.startsWith('-');
  },
  read: (v) => (typeof v === 'number' || typeof v === 'string' ? v : decimalText(v)),
  fromText(text) {
    const t = plainNumber(text);
    return t !== undefined && t.length <= AMOUNT_MAX_LENGTH ? t : undefined;
  },
});

const SHARE_MAX_LENGTH = 50;
/** A plain decimal numeral of at most 1: a whole part of zeros, or 1 with a fraction of zeros, or a bare fraction. */
const AT_MOST_ONE = /^\+?(?:0+(?:\.\d*)?|0*1(?:\.0*)?|\.\d+)$/;

/** A share from 0 to 1: a number, a plain decimal string (up to 50 characters) or a Decimal; read as the number or its plain decimal text. */
export const share: Kind<number | string> = /* @__PURE__ */ kind<number | string>({
  id: 'share',
  code: 'not-a-share',
  expected: { en: 'a share from 0 to 1 (a number or a decimal string)', zh: '0 至 1 之间的比例(数或十进制数字符串)' },
  expectedText: { en: 'a share from 0 to 1 such as 0.3', zh: '0 至 1 之间的比例，如 0.3' },
  get json() {
    return {
      anyOf: [
        { type: 'number', minimum: 0, maximum: 1 },
        { type: 'string', maxLength: SHARE_MAX_LENGTH, pattern: AT_MOST_ONE.source },
      ],
    };
  },
  is(v) {
    if (typeof v === 'number') return v >= 0 && v <= 1;
    const text = typeof v === 'string' ? (v.length <= SHARE_MAX_LENGTH && PLAIN_DECIMAL.test(v) ? v : undefined) : decimalText(v);
    return text !== undefined && !text.startsWith('-') && atMostOne(text);
  },
  read: (v) => (typeof v === 'number' || typeof v === 'string' ? v : decimalText(v)),
  fromText(text) {
    const t = plainNumber(text);
    return t !== undefined && t.length <= SHARE_MAX_LENGTH && atMostOne(t) ? t : undefined;
  },
});

const isYear = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= YEAR_MIN && (v as number) <= YEAR_MAX;

/** A calendar year the library takes: a whole number from 1900 to 2100. */
export const year: Kind<number> = /* @__PURE__ */ kind<number>({
  id: 'year',
  code: 'not-a-year',
  expected: { en: `a whole-number year from ${YEAR_MIN} to ${YEAR_MAX}`, zh: `${YEAR_MIN} 至 ${YEAR_MAX} 之间的整数年份` },
  expectedText: { en: `a year from ${YEAR_MIN} to ${YEAR_MAX} such as 2013`, zh: `${YEAR_MIN} 至 ${YEAR_MAX} 之间的年份，如 2013` },
  get json() {
    return { type: 'integer', minimum: YEAR_MIN, maximum: YEAR_MAX };
  },
  is: isYear,
  read: (v) => v as number,
  fromText(text) {
    const t = squeeze(text).replace(/年度?$/, '');
    return /^\d{4}$/.test(t) && isYear(Number(t)) ? Number(t) : undefined;
  },
});

/** A year as written in a key (of the dataset's budgets): four digits from YEAR_MIN to YEAR_MAX. */
export const YEAR_TEXT: RegExp = /* @__PURE__ */ digitsFrom(YEAR_MIN, YEAR_MAX);

/** A pattern of the four-digit numbers from `min` to `max`: a whole century as `19\d\d`, the rest one by one. */
function digitsFrom(min: number, max: number): RegExp {
  const parts: string[] = [];
  for (let century = Math.floor(min / 100); century <= Math.floor(max / 100); century++) {
    const [lo, hi] = [Math.max(min, century * 100), Math.min(max, century * 100 + 99)];
    if (lo % 100 === 0 && hi % 100 === 99) parts.push(`${century}\\d\\d`);
    else for (let y = lo; y <= hi; y++) parts.push(String(y));
  }
  return new RegExp(`^(?:${parts.join('|')})$`);
}

const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** Two digits that make a multiple of 4 other than 00. */
const BY_FOUR = '(?:0[48]|[2468][048]|[13579][26])';
/** A century from 01 to 99: a Date cannot hold the years 0–99 (it reads them as 1900–1999), so neither can a day. */
const CENTURY = '(?:0[1-9]|[1-9]\\d)';
/**
 * An ISO day that the calendar has, `YYYY-MM-DD` from 0100-01-01 to 9999-12-31: months of 31 and of 30 days,
 * February to the 28th, and the 29th in a leap year (a multiple of 4 that is not a whole century, or a century
 * that is a multiple of 400). As a pattern, so that the JSON Schema says exactly what the kind's test accepts.
 */
const CALENDAR_DAY = /* @__PURE__ */ calendarDays();
function calendarDays(): RegExp {
  return new RegExp(
    `^(?:${CENTURY}\\d\\d-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))` +
      `|(?:${CENTURY}${BY_FOUR}|${BY_FOUR}00)-02-29)$`,
  );
}

/** A day of the calendar: an ISO `'YYYY-MM-DD'` string that names a real day, or a valid Date (its local day); read as `'YYYY-MM-DD'`. */
export const date: Kind<string> = /* @__PURE__ */ kind<string>({
  id: 'date',
  code: 'not-a-date',
  expected: { en: "a day of the calendar as 'YYYY-MM-DD'", zh: "日历上存在的日期，格式 'YYYY-MM-DD'" },
  expectedText: { en: 'a date such as 2013-07-01, 2013/7/1 or 2013年7月1日', zh: '日期，如 2013-07-01、2013/7/1 或 2013年7月1日' },
  get json() {
    return { type: 'string', format: 'date', pattern: CALENDAR_DAY.source };
  },
  is: (v) => (typeof v === 'string' ? CALENDAR_DAY.test(v) : v instanceof Date && !Number.isNaN(v.getTime())),
  read: (v) => (typeof v === 'string' ? v : isoDay(v as Date)),
  fromText(text) {
    const m = DATE_TEXT.exec(squeeze(text));
    if (!m) return undefined;
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return CALENDAR_DAY.test(iso) ? iso : undefined;
  },
});

/** How people write yes and no in a cell, after {@link squeeze} and lower case. */
export const YES: ReadonlySet<string> = /* @__PURE__ */ new Set(['是', '有', '√', '✓', '✔', 'y', 'yes', 'true', '1', '对']);
export const NO: ReadonlySet<string> = /* @__PURE__ */ new Set(['否', '无', '没有', '×', '✗', '✘', 'x', 'n', 'no', 'false', '0', '不是']);

/** Yes or no: `true` or `false`; in text also 是/否, 有/无, √/×, Y/N, 1/0. */
export const flag: Kind<boolean> = /* @__PURE__ */ kind<boolean>({
  id: 'flag',
  code: 'not-a-flag',
  expected: { en: 'true or false', zh: 'true 或 false' },
  expectedText: { en: 'yes or no (是/否, 有/无, √/×, Y/N, 1/0)', zh: '是或否(有/无、√/×、Y/N、1/0)' },
  get json() {
    return { type: 'boolean' };
  },
  is: (v) => typeof v === 'boolean',
  read: (v) => v as boolean,
  fromText(text) {
    const t = YES.has(text) || NO.has(text) ? text : squeeze(text).toLowerCase();
    return YES.has(t) ? true : NO.has(t) ? false : undefined;
  },
});

/** An id: text that is not empty nor only spaces; read as given (from text, trimmed). */
export const id: Kind<string> = /* @__PURE__ */ kind<string>({
  id: 'id',
  code: 'not-an-id',
  expected: { en: 'a non-empty text id (not only spaces)', zh: '非空的文字编号(不能只有空格)' },
  expectedText: { en: 'an id or code', zh: '一个编号或代码' },
  // Something besides spaces: \S is every character that trim() keeps (both know the same spaces and line ends).
  get json() {
    return { type: 'string', pattern: '\\S' };
  },
  is: (v) => typeof v === 'string' && /\S/.test(v),
  read: (v) => v as string,
  fromText: (text) => (text.trim().length > 0 ? text.trim() : undefined),
});

/** Free text (a name, a description); from text, trimmed. */
export const text: Kind<string> = /* @__PURE__ */ kind<string>({
  id: 'text',
  code: 'not-text',
  expected: { en: 'text', zh: '文字' },
  expectedText: { en: 'text', zh: '文字' },
  get json() {
    return { type: 'string' };
  },
  is: (v) => typeof v === 'string',
  read: (v) => v as string,
  fromText: (t) => t.trim(),
});

/** Every kind, by name. */
export const KINDS = { count, amount, share, year, date, flag, id, text } as const;

/** The words for "one of these values": `'a' or 'b'`, `one of 'a', 'b', 'c'`. */
export function oneOf(values: readonly string[]): Words {
  const quoted = values.map((v) => `'${v}'`);
  return {
    en: quoted.length === 2 ? `${quoted[0]} or ${quoted[1]}` : `one of ${quoted.join(', ')}`,
    zh: `${quoted.join('、')} 之一`,
  };
}

/** The words for a list of names: `a, b, c` and `a、b、c`. */
export const names = (keys: readonly string[]): Words => ({ en: keys.join(', '), zh: keys.join('、') });
