/**
 * The self-audit (K1–K10) as HTML and plain text: each check with its
 * verdict (`data-audit`, `data-verdict`), the clauses it sets against each
 * other, its numbers (exact) and why.
 */
import type { AuditResult, Verdict } from '../audit/audit-policy.js';
import type { Lang } from '../trace.js';
import { esc, exact, grouped, isDecimal, percent, yesNo } from './html.js';
import { clauseLink, readingsList } from './result.js';

/** The verdicts in words. */
export const VERDICT: Readonly<Record<Verdict, { readonly zh: string; readonly en: string }>> = {
  consistent: { zh: '一致', en: 'consistent' },
  conflict: { zh: '冲突', en: 'conflict' },
  gap: { zh: '空白', en: 'gap' },
};

const W = {
  title: { zh: '政策自查', en: 'The policy audited against itself' },
  numbers: { zh: '数字', en: 'Numbers' },
  readings: { zh: '口径', en: 'Readings' },
  counts: { zh: '结论统计', en: 'Verdicts' },
} as const;

/** An audit number with a unit read from its name: `…M2` in m², `…Share` as a percentage. */
function auditNumber(key: string, v: unknown, lang: Lang): string {
  if (typeof v === 'boolean') return yesNo(v, lang);
  if (!isDecimal(v) && typeof v !== 'number') return String(v);
  const digits = exact(v);
  if (/M2$/.test(key)) return `${grouped(digits)} m²`;
  if (/(Share|Target)$/.test(key)) return percent(digits);
  if (/Year$/.test(key)) return digits;
  return grouped(digits);
}

/** The audit as an HTML fragment: one `<article data-audit="K…" data-verdict="…">` per check. */
export function auditHtml(audit: AuditResult, lang: Lang): string {
  const counts = (Object.keys(VERDICT) as Verdict[])
    .map((v) => `<span class="sr-badge sr-${v}" data-audit-count="${v}">${esc(VERDICT[v][lang])} ${audit.counts[v]}</span>`)
    .join(' ');
  const items = audit.findings.map((f) => {
    const numbers = Object.entries(f.numbers)
      .map(([k, v]) => `<dt><code>${esc(k)}</code></dt><dd data-number="${esc(k)}" data-value="${esc(exact(v))}">${esc(auditNumber(k, v, lang))}</dd>`)
      .join('');
    return (
      `<article class="sr-audit" id="${esc(f.id)}" data-audit="${esc(f.id)}" data-verdict="${esc(f.verdict)}">` +
      `<h3><span class="sr-id">${esc(f.id)}</span> ${esc(f.title[lang])} <span class="sr-badge sr-${esc(f.verdict)}">${esc(VERDICT[f.verdict][lang])}</span></h3>` +
      `<p>${esc(f.explanation[lang])}</p>` +
      `<p class="sr-cite">${f.clauses.map((c) => clauseLink(c, lang)).join(' ↔ ')} · ${esc(W.readings[lang])}: ${readingsList(f.interpretations, lang)}</p>` +
      `<details><summary>${esc(W.numbers[lang])}</summary><dl class="sr-numbers">${numbers}</dl></details>` +
      `</article>`
    );
  });
  return `<div class="sr-audit-list"><p class="sr-counts">${esc(W.counts[lang])}: ${counts}</p>${items.join('')}</div>`;
}

/** The audit as plain text, one check per line. */
export function auditText(audit: AuditResult, lang: Lang): string {
  return [
    `${W.title[lang]}: ${(Object.keys(VERDICT) as Verdict[]).map((v) => `${VERDICT[v][lang]} ${audit.counts[v]}`).join(', ')}`,
    ...audit.findings.map((f) => `${f.id} ${VERDICT[f.verdict][lang]} [${f.clauses.join(', ')}] ${f.title[lang]}: ${f.explanation[lang]}`),
  ].join('\n');
}
