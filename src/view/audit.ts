/**
 * The self-audit (K1–K10) as HTML and plain text: each check with its
 * verdict (`data-audit`, `data-verdict`), the clauses it sets against each
 * other, its numbers in words (the exact value in `data-value`, and in a `title` where the display rounds) and why.
 */
import type { AuditResult, Verdict } from '../audit/audit-policy.js';
import type { Lang } from '../trace.js';
import { fundSources } from '../policies/catalogues.js';
import { STANDARDS } from '../policies/standards.js';
import type { Shown } from '../present/format.js';
import { auditNumberWords } from '../present/words.js';
import { esc, exact, shownHtml } from './html.js';
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

/**
 * An audit number in words: its name and its value through the one formatter (`auditNumberWords`); a kind of money
 * of the special account (K8) by the catalogue's words.
 */
function auditNumber(key: string, v: unknown, lang: Lang): { name: string; shown: Shown } {
  const money = typeof v === 'string' ? fundSources.find((f) => f.id === v) : undefined;
  if (money) return { name: key, shown: { text: lang === 'zh' ? money.zh : money.en, rounded: false, exact: money.id } };
  // A standard of the registry (K11) by its short name, not its id: the list of those in force, and each one's area.
  const standard = (id: string) => {
    const s = STANDARDS.find((x) => x.id === id)?.source;
    return s && (s.short ?? s.title)[lang];
  };
  // The audit lists them as ids joined by ", " (or `none`).
  const ids = key === 'standards' && typeof v === 'string' ? v.split(', ') : [];
  if (ids.length > 0 && ids.every((id) => standard(id) !== undefined)) {
    const text = ids.map((id) => standard(id)!).join(lang === 'zh' ? '、' : ', ');
    return { name: auditNumberWords(key, v, lang).name, shown: { text, rounded: false, exact: v as string } };
  }
  const area = /^(.+)AreaM2$/.exec(key)?.[1];
  const named = area === undefined ? undefined : standard(area);
  if (named !== undefined) return { name: lang === 'zh' ? `${named}的用房面积` : `rooms by ${named}`, shown: auditNumberWords(key, v, lang).shown };
  return auditNumberWords(key, v, lang);
}

/** The audit as an HTML fragment: one `<article data-audit="K…" data-verdict="…">` per check. */
export function auditHtml(audit: AuditResult, lang: Lang): string {
  const counts = (Object.keys(VERDICT) as Verdict[])
    .map((v) => `<span class="sr-badge sr-${v}" data-audit-count="${v}">${esc(VERDICT[v][lang])} ${audit.counts[v]}</span>`)
    .join(' ');
  const items = audit.findings.map((f) => {
    const numbers = Object.entries(f.numbers)
      .map(([k, v]) => {
        const { name, shown } = auditNumber(k, v, lang);
        return `<dt>${esc(name)}</dt><dd data-number="${esc(k)}" data-value="${esc(exact(v))}">${shownHtml(shown)}</dd>`;
      })
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
