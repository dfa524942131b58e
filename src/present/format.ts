/**
 * The one formatter of the library: how every value a surface shows is written — counts grouped (3,695), money
 * grouped with fen only where there are fen (1,350,000 元; 15,123.29 元; 151,232.90 元), areas to at most two
 * decimals (554.25 m²), shares as percentages to one decimal (80.6 %), dates as 2013年7月1日 in Chinese and
 * 2013-07-01 in English. One spacing convention: a space between a number and its unit or `%` (`±20 %`, `5 m²`,
 * `1,350,000 元`); `㎡` only inside a quoted term of the source.
 *
 * A shown value says whether it was rounded and keeps the exact digits beside it ({@link Shown}): HTML puts them in
 * a `title`, text marks the value with `≈`, JSON and the API keep the exact value. Everything works on the exact
 * decimal digits (a Decimal's `toFixed()`, a safe integer, a plain numeral), never through a float, and imports
 * nothing, so a page that only shows results does not bundle decimal.js.
 */

/** A value as a surface shows it: its text, whether the text rounds it, and the exact digits. */
export interface Shown {
  /** What the reader sees, with its unit: `80.6 %`. */
  readonly text: string;
  /** Whether `text` rounds the value (then `exact` says what it is). */
  readonly rounded: boolean;
  /** The exact value in plain digits (`0.80555…`, `1350000`), as JSON keeps it. */
  readonly exact: string;
}

/** The language of a surface. */
export type Language = 'zh' | 'en';

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The exact digits of a value: a Decimal of any configuration (`toFixed()`), a finite number, or a numeral
 * string; undefined for anything else.
 */
export function digitsOf(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? plainNumber(v) : undefined;
  if (typeof v === 'string') return PLAIN.test(v.trim().replace(/^\+/, '')) ? v.trim().replace(/^\+/, '') : undefined;
  if (typeof v === 'object' && v !== null && typeof (v as { toFixed?: unknown }).toFixed === 'function') {
    const t = (v as { toFixed(): unknown }).toFixed();
    return typeof t === 'string' && PLAIN.test(t) ? t : undefined;
  }
  return undefined;
}

/** A finite number in plain digits (never `1e+21`). */
function plainNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mant, exp] = s.split(/e/i) as [string, string];
  const sign = mant.startsWith('-') ? '-' : '';
  const [int, frac = ''] = mant.replace('-', '').split('.') as [string, string?];
  const e = Number(exp);
  const all = int + frac;
  const point = int.length + e;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${all}`.replace(/\.?0+$/, '');
  if (point >= all.length) return `${sign}${all}${'0'.repeat(point - all.length)}`;
  return `${sign}${all.slice(0, point)}.${all.slice(point)}`;
}

/** Plain digits rounded half away from zero to `places` decimals, trailing zeros dropped. */
export function roundDigits(plain: string, places: number): string {
  const m = PLAIN.exec(plain);
  if (!m) return plain;
  const [, sign, int, frac = ''] = m as unknown as [string, string, string, string?];
  if (frac.length <= places) return tidy(sign, int, frac);
  const kept = int + frac.slice(0, places);
  const up = frac.charCodeAt(places) >= 53; // '5'
  let digits = kept;
  if (up) {
    const arr = kept.split('');
    let i = arr.length - 1;
    while (i >= 0) {
      if (arr[i] === '9') {
        arr[i] = '0';
        i--;
      } else {
        arr[i] = String(Number(arr[i]) + 1);
        break;
      }
    }
    digits = (i < 0 ? '1' : '') + arr.join('');
  }
  const cut = digits.length - places;
  return tidy(sign, digits.slice(0, cut), digits.slice(cut));
}

function tidy(sign: string, int: string, frac: string): string {
  const i = int.replace(/^0+(?=\d)/, '') || '0';
  const f = frac.replace(/0+$/, '');
  const zero = /^0$/.test(i) && f === '';
  return `${zero ? '' : sign}${i}${f ? `.${f}` : ''}`;
}

/** Plain digits to two significant digits (a value too small for the places, never shown as 0). */
function significant(plain: string): string {
  const m = PLAIN.exec(plain)!;
  const frac = m[3] ?? '';
  const lead = frac.search(/[1-9]/);
  return roundDigits(plain, lead + 2);
}

/** Plain digits with the whole part grouped by thousands: `1350000` → `1,350,000`, `30000.5` → `30,000.5`. */
export function groupDigits(plain: string): string {
  const m = PLAIN.exec(plain);
  if (!m) return plain;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] === undefined ? '' : `.${m[3]}`}`;
}

/** Moves the point two places right: a share's digits as a percentage's. */
function times100(plain: string): string {
  const m = PLAIN.exec(plain)!;
  const frac = (m[3] ?? '').padEnd(2, '0');
  return tidy(m[1]!, `${m[2]}${frac.slice(0, 2)}`, frac.slice(2));
}

/** A number to at most `places` decimals, grouped; a non-zero value too small for them keeps two significant digits. */
export function showNumber(value: unknown, places = 2, unit = ''): Shown {
  const exact = digitsOf(value) ?? String(value);
  if (!PLAIN.test(exact)) return { text: exact, rounded: false, exact };
  let r = roundDigits(exact, places);
  if (/^-?0$/.test(r) && !/^-?0(?:\.0*)?$/.test(exact)) r = significant(exact);
  return { text: `${groupDigits(r)}${unit ? ` ${unit}` : ''}`, rounded: r !== tidyPlain(exact), exact };
}

const tidyPlain = (plain: string) => roundDigits(plain, Number.MAX_SAFE_INTEGER);

/** A count, grouped, with its unit word: `3,695 户`. */
export function showCount(value: unknown, unit = ''): Shown {
  return showNumber(value, 0, unit);
}

/** Money: grouped, with fen only where there are fen (`1,350,000 元`, `15,123.29 元`, `151,232.90 元`). */
export function showMoney(value: unknown, lang: Language): Shown {
  const s = showNumber(value, 2);
  const text = /\.\d$/.test(s.text) ? `${s.text}0` : s.text;
  return { ...s, text: `${text} ${lang === 'zh' ? '元' : 'yuan'}` };
}

/** An area to at most two decimals: `554.25 m²`. */
export function showArea(value: unknown): Shown {
  return showNumber(value, 2, 'm²');
}

/** A share as a percentage to one decimal: 0.80555… → `80.6 %`. */
export function showShare(value: unknown): Shown {
  const exact = digitsOf(value) ?? String(value);
  if (!PLAIN.test(exact)) return { text: exact, rounded: false, exact };
  const s = showNumber(times100(exact), 1, '%');
  return { ...s, exact };
}

/** A tolerance either way: 0.2 → `±20 %`. */
export function showDeviation(value: unknown): Shown {
  const s = showShare(value);
  return { ...s, text: `±${s.text}` };
}

/** A calendar day (`'2013-07-01'`): `2013年7月1日` in Chinese, `2013-07-01` in English. */
export function showDate(iso: string, lang: Language): Shown {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return { text: iso, rounded: false, exact: iso };
  return { text: lang === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso, rounded: false, exact: iso };
}

/** `n ÷ d` of whole numbers as plain digits, to `places` decimals (cut, not rounded: for a share to be shown). */
export function ratioDigits(n: number, d: number, places = 20): string {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0) return 'NaN';
  const neg = n < 0 !== d < 0 && n !== 0;
  let [a, b] = [BigInt(Math.abs(n)), BigInt(Math.abs(d))];
  const int = a / b;
  let frac = '';
  a %= b;
  for (let i = 0; i < places && a !== 0n; i++) {
    a *= 10n;
    frac += String(a / b);
    a %= b;
  }
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/**
 * A result in a trace's equation: `= 10 %` for a value shown as it is, `≈ 11.1 %` for one the display rounds or a
 * quotient that does not end (`exact` false).
 */
export function equalsShown(s: Shown, exact = true): string {
  return `${exact && !s.rounded ? '=' : '≈'} ${s.text}`;
}

/** A shown value as text for a terminal or a Markdown file: `≈ ` before a rounded one. */
export function approx(s: Shown): string {
  return s.rounded ? `≈ ${s.text}` : s.text;
}

/** A whole number grouped by thousands (3,695), for counts in a line. */
export const grouped = (n: number | string): string => showCount(n).text;

/**
 * East Asian Wide and Fullwidth ranges, and the Ambiguous characters a report shows (±, ×, ÷, °, ², ³, ‰, —, –, …,
 * curly quotes, ≥, ≤, ≈, √, →, ①…), which a CJK terminal draws two columns wide (Unicode Standard Annex #11).
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];
const AMBIGUOUS: readonly (readonly [number, number])[] = [
  [0xa7, 0xa8],
  [0xb0, 0xb1],
  [0xb2, 0xb3],
  [0xb4, 0xb4],
  [0xb6, 0xb7],
  [0xd7, 0xd7],
  [0xf7, 0xf7],
  [0x2013, 0x2016],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
  [0x2020, 0x2022],
  [0x2025, 0x2027],
  [0x2030, 0x2030],
  [0x2032, 0x2033],
  [0x203b, 0x203b],
  [0x2103, 0x2103],
  [0x2116, 0x2116],
  [0x2160, 0x216b],
  [0x2190, 0x2199],
  [0x221a, 0x221a],
  [0x221e, 0x221e],
  [0x2248, 0x2248],
  [0x2260, 0x2261],
  [0x2264, 0x2265],
  [0x2460, 0x24e9],
  [0x2500, 0x254b],
  [0x25a0, 0x25a1],
  [0x25b2, 0x25b3],
  [0x25c6, 0x25c7],
  [0x25cb, 0x25cb],
  [0x25ce, 0x25d1],
  [0x2605, 0x2606],
];
const within = (c: number, ranges: readonly (readonly [number, number])[]) => ranges.some(([a, b]) => c >= a && c <= b);

/** Whether a character is Wide or Fullwidth (CJK ideographs, kana, hangul, full-width forms): a line may break beside it. */
export function isWide(ch: string): boolean {
  return within(ch.codePointAt(0)!, WIDE);
}

/**
 * The columns a string takes in a terminal: Wide and Fullwidth characters two, and — as CJK terminals draw them —
 * the East Asian Ambiguous ones (±, —, ², ×, ≥ …) two as well; combining marks none.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || c === 0x200b || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    w += within(c, WIDE) || within(c, AMBIGUOUS) ? 2 : 1;
  }
  return w;
}
