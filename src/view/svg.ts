/**
 * A small SVG chart writer, shared by the policy book, the views (notebooks,
 * the explorer, the HTML report): a line chart with labelled axes, one line and
 * marker set per series and a legend, and a horizontal bar chart. Output is
 * deterministic (fixed decimals, no dates), so the committed charts can be
 * checked for freshness. Positions are computed in floats, for drawing only:
 * the numbers a reader sees are the exact labels passed in.
 */

export interface Series {
  readonly name: string;
  readonly color: string;
  /** [x, y] points; y in chart units (already converted from Decimal for drawing only). */
  readonly points: readonly (readonly [number, number])[];
  readonly dashed?: boolean;
}

export interface LineChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  readonly yMin: number;
  readonly yMax: number;
  readonly yStep: number;
  readonly yFormat: (y: number) => string;
}

const W = 720;
const H = 420;
const M = { left: 90, right: 30, top: 50, bottom: 110 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text for an attribute value in double quotes. */
const escAttr = (s: string) => esc(s).replace(/"/g, '&quot;');
const n = (v: number) => v.toFixed(1);

export function lineChart(c: LineChart): string {
  const xs = c.series.flatMap((s) => s.points.map(([x]) => x));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const px = (x: number) => M.left + ((x - xMin) / (xMax - xMin || 1)) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - ((y - c.yMin) / (c.yMax - c.yMin)) * (H - M.top - M.bottom);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="13">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${W / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${esc(c.title)}</text>`);
  // grid and y ticks
  for (let y = c.yMin; y <= c.yMax + 1e-9; y += c.yStep) {
    out.push(`<line x1="${M.left}" y1="${n(py(y))}" x2="${W - M.right}" y2="${n(py(y))}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${M.left - 8}" y="${n(py(y) + 4)}" text-anchor="end">${esc(c.yFormat(y))}</text>`);
  }
  // x ticks
  for (let x = xMin; x <= xMax; x++) {
    out.push(`<line x1="${n(px(x))}" y1="${H - M.bottom}" x2="${n(px(x))}" y2="${H - M.bottom + 5}" stroke="#333"/>`);
    out.push(`<text x="${n(px(x))}" y="${H - M.bottom + 20}" text-anchor="middle">${x}</text>`);
  }
  // axes
  out.push(`<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>`);
  out.push(`<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - M.bottom + 44}" text-anchor="middle">${esc(c.xLabel)}</text>`);
  out.push(
    `<text x="22" y="${(M.top + H - M.bottom) / 2}" text-anchor="middle" transform="rotate(-90 22 ${(M.top + H - M.bottom) / 2})">${esc(c.yLabel)}</text>`,
  );
  // series
  for (const s of c.series) {
    const d = s.points.map(([x, y], i) => `${i ? 'L' : 'M'}${n(px(x))} ${n(py(y))}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`);
    for (const [x, y] of s.points) out.push(`<circle cx="${n(px(x))}" cy="${n(py(y))}" r="3.5" fill="${s.color}"/>`);
  }
  // legend
  c.series.forEach((s, i) => {
    const y = H - 34 + i * 0;
    const x = M.left + i * 300;
    out.push(`<line x1="${x}" y1="${y}" x2="${x + 30}" y2="${y}" stroke="${s.color}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`);
    out.push(`<text x="${x + 38}" y="${y + 4}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** One segment of a bar: a value drawn to scale and its exact label. */
export interface BarSegment {
  /** Length in chart units (drawing only). */
  readonly value: number;
  readonly color: string;
  /** The segment's name, for the legend and the tooltip. */
  readonly name: string;
}

/** One bar of {@link barChart}: its label and its segments, stacked left to right. */
export interface Bar {
  readonly label: string;
  readonly segments: readonly BarSegment[];
  /** Exact text written after the bar, e.g. `'3 / 1 / 0'` or `'25 %'`. */
  readonly note: string;
}

/** A horizontal bar chart: one row per bar, stacked segments, a legend of the segment names. */
export interface BarChart {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** Accessible description (the chart's `<title>`); defaults to the title. */
  readonly description?: string;
}

/** A horizontal, stacked bar chart. Every text is escaped; the height follows the number of bars. */
export function barChart(c: BarChart): string {
  // The label column is as wide as the longest label (a CJK character about 13 px, others about 7.5 px).
  const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7.5), 0);
  const left = Math.min(420, Math.max(120, Math.ceil(Math.max(0, ...c.bars.map((b) => textWidth(b.label))) + 16)));
  const width = left + 480;
  const right = 110;
  const rowH = 26;
  const top = 50;
  const names = [...new Map(c.bars.flatMap((b) => b.segments.map((s) => [s.name, s.color] as const))).entries()];
  const height = top + Math.max(1, c.bars.length) * rowH + (names.length ? 50 : 20);
  const max = Math.max(0, ...c.bars.map((b) => b.segments.reduce((t, s) => t + Math.max(0, s.value), 0)));
  const scale = (v: number) => (max > 0 ? (Math.max(0, v) / max) * (width - left - right) : 0);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
  );
  out.push(`<title>${esc(c.description ?? c.title)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${esc(c.title)}</text>`);
  c.bars.forEach((b, i) => {
    const y = top + i * rowH;
    out.push(`<text x="${left - 8}" y="${n(y + rowH / 2 + 4)}" text-anchor="end">${esc(b.label)}</text>`);
    let x = left;
    for (const s of b.segments) {
      const w = scale(s.value);
      if (w > 0)
        out.push(`<rect x="${n(x)}" y="${n(y + 4)}" width="${n(w)}" height="${rowH - 8}" fill="${escAttr(s.color)}"><title>${esc(s.name)}</title></rect>`);
      x += w;
    }
    out.push(`<text x="${n(x + 6)}" y="${n(y + rowH / 2 + 4)}">${esc(b.note)}</text>`);
  });
  names.forEach(([name, color], i) => {
    const x = left + i * 150;
    const y = height - 24;
    out.push(`<rect x="${x}" y="${y - 10}" width="14" height="14" fill="${escAttr(color)}"/>`);
    out.push(`<text x="${x + 20}" y="${y + 2}">${esc(name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
