/**
 * Text laid out for a terminal of a given width, measured in display columns ({@link displayWidth}): prose lines
 * broken with their continuation indented, and tables whose widest columns wrap inside their own column.
 *
 * A line breaks at a space, or beside a Wide character (两个汉字之间), never inside a run of narrow characters: a
 * number (`1,350,000`, `38.6`), an id (`341881001001`, `A.3.4`), a date (`2013年7月1日`, digits and the characters
 * between them kept together: no break after a digit), a document's number (国办发〔2011〕61号) or an English word is
 * never cut. Closing punctuation (，。）… ) never starts a line
 * and opening punctuation (（“《) never ends one. A unit wider than the room is left whole, past the edge.
 */
import { displayWidth, isWide } from './format.js';

/** Characters a line may not start with (they close what stands before them). */
const NO_START = new Set([...'，。、；：？！）》」』】〕”’,.;:?!)]}%…·～ー']);
/** Characters a line may not end with (they open what follows). */
const NO_END = new Set([...'（《「『【〔“‘([{']);
const DIGIT = /[0-9０-９]/;
/** A document's number: the issuer's short name, the year in 〔〕, the serial and 号. */
const DOCUMENT_NUMBER = /[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号/gu;
/** CJK and full-width punctuation. */
const PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u201c-\u201d\u2018-\u2019]/;
/** A unit after a number and a space (`38.6 %`, `554.25 m²`, `30,000 元`): kept on the number's line. */
const UNIT = /^(%|m²|㎡|万元|元|户|人|名|个|yuan\b|workers?\b)/;

/** A piece of text no line break may fall inside, and whether a space stood before it. */
interface Unit {
  readonly text: string;
  readonly space: boolean;
}

/** Text as the pieces a line may break between. */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const [i, word] of text.split(' ').entries()) {
    if (word === '') continue;
    const chars = [...word];
    // Inside a document's number (国办发〔2011〕61号) no break at all.
    const kept = new Set<number>();
    for (const m of word.matchAll(DOCUMENT_NUMBER)) {
      const from = [...word.slice(0, m.index)].length;
      for (let k = from + 1; k < from + [...m[0]].length; k++) kept.add(k);
    }
    let piece = chars[0]!;
    let space = i > 0 || text.startsWith(' ');
    for (let j = 1; j < chars.length; j++) {
      const a = chars[j - 1]!;
      const b = chars[j]!;
      // A digit keeps the character after it, but for punctuation, and a date its parts: `2013年7月1日`, `3个` stay whole.
      const digit = (DIGIT.test(a) && !PUNCTUATION.test(b)) || (DIGIT.test(b) && (a === '年' || a === '月'));
      const breaks = (isWide(a) || isWide(b)) && !digit && !NO_START.has(b) && !NO_END.has(a) && !kept.has(j);
      if (breaks) {
        out.push({ text: piece, space });
        piece = b;
        space = false;
      } else piece += b;
    }
    out.push({ text: piece, space });
  }
  // A unit stays with its number: the space between them does not break.
  return out.reduce<Unit[]>((kept, u) => {
    const before = kept.at(-1);
    if (before && u.space && UNIT.test(u.text) && DIGIT.test(before.text.at(-1)!))
      kept[kept.length - 1] = { text: `${before.text} ${u.text}`, space: before.space };
    else kept.push(u);
    return kept;
  }, []);
}

/** The widest piece of a text that cannot be broken: the narrowest it can be wrapped to. */
export function narrowest(text: string): number {
  return units(text).reduce((w, u) => Math.max(w, displayWidth(u.text)), 0);
}

/**
 * A text broken into lines of at most `width` display columns (the first may be given another width); a piece that
 * is wider than the room stands alone on its line.
 */
export function wrapText(text: string, width: number, firstWidth: number = width): string[] {
  if (displayWidth(text) <= firstWidth) return [text];
  const lines: string[] = [];
  let line = '';
  for (const u of units(text)) {
    const room = lines.length === 0 ? firstWidth : width;
    const next = line === '' ? u.text : `${line}${u.space ? ' ' : ''}${u.text}`;
    if (line === '' || displayWidth(next) <= room) line = next;
    else {
      lines.push(line);
      line = u.text;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A line of prose fitted to `width` columns: its own leading spaces kept, the lines it continues on indented two
 * columns further. `Infinity` leaves it as it is.
 */
export function wrapLine(line: string, width: number): string[] {
  if (!Number.isFinite(width) || displayWidth(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const rest = `${lead}  `;
  return wrapText(line.slice(lead.length), Math.max(1, width - rest.length), Math.max(1, width - lead.length)).map((l, i) => (i === 0 ? lead : rest) + l);
}

/** How a table may be fitted to a width. */
export interface Fit {
  /** The columns a line may take, its indent included (`Infinity`: no wrapping). */
  readonly width: number;
  /** Spaces before every line. */
  readonly indent?: number;
  /**
   * For each column, the width it keeps before every column is narrowed to its narrowest: the last column gives way
   * first, down to what it keeps, then the others, widest first. Without it, the widest columns give way first. A
   * column never shrinks below its widest unbreakable piece.
   */
  readonly keep?: readonly number[];
}

/**
 * The width of each column so that a table fits: with `keep`, first the last column is narrowed to what it keeps, then
 * the others to theirs; then every column towards its narrowest, the one with the most to give first. A table that
 * cannot fit (an id wider than the room) keeps its unbreakable pieces whole.
 */
export function columnWidths(rows: readonly (readonly string[])[], fit: Fit, gap = 2): number[] {
  const n = rows[0]?.length ?? 0;
  const widths = Array.from({ length: n }, (_, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '')), 0));
  if (!Number.isFinite(fit.width)) return widths;
  const room = fit.width - (fit.indent ?? 0) - gap * (n - 1);
  const total = () => widths.reduce((a, b) => a + b, 0);
  if (total() <= room) return widths;
  function narrow(floor: readonly number[]): void {
    while (total() > room) {
      let widest = -1;
      for (let i = 0; i < n; i++) if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! - floor[i]! > widths[widest]! - floor[widest]!)) widest = i;
      if (widest < 0) return;
      widths[widest] = widths[widest]! - 1;
    }
  }
  const least = widths.map((_, i) => rows.reduce((w, r) => Math.max(w, narrowest(r[i] ?? '')), 0));
  if (fit.keep) {
    const keep = widths.map((w, i) => Math.min(w, Math.max(least[i]!, fit.keep?.[i] ?? 0)));
    const last = n - 1;
    widths[last] = Math.max(keep[last]!, widths[last]! - (total() - room));
    narrow(keep);
  }
  narrow(least);
  return widths;
}
