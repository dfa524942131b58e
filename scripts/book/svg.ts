/**
 * A small SVG line-chart writer for the policy book: labelled axes, one line
 * and marker set per series, and a legend. Output is deterministic (fixed
 * decimals, no dates), so the committed charts can be checked for freshness.
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
  out.push(`<text x="22" y="${(M.top + H - M.bottom) / 2}" text-anchor="middle" transform="rotate(-90 22 ${(M.top + H - M.bottom) / 2})">${esc(c.yLabel)}</text>`);
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
