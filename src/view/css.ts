/** The style of the views, with no external resource (no web font, no image). */

/** The style of the views' own elements (all under `.sr-view`), safe to put inside someone else's page or notebook. */
export const COMPONENT_CSS = `
.sr-view{--fg:#1b1b1b;--muted:#5a5a5a;--line:#d9d9d9;--accent:#1f6fb4;--pass:#2e7d32;--fail:#c62828;--unknown:#757575;--soft:#f5f7fa;color:var(--fg)}
.sr-view a{color:var(--accent)}.sr-view code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;background:var(--soft);padding:0 .2em;border-radius:3px}
.sr-view table{border-collapse:collapse;margin:.4rem 0;font-variant-numeric:tabular-nums}.sr-view th,.sr-view td{border:1px solid var(--line);padding:.25rem .55rem;text-align:left;vertical-align:top}.sr-view thead th{background:var(--soft)}
.sr-values th{font-weight:normal;color:var(--muted)}.sr-values output{font-weight:600}
.sr-cite{color:var(--muted);font-size:.92em}.sr-trace{margin:.2rem 0;padding-left:1.6rem}.sr-trace li{margin:.1rem 0}
.sr-chart{margin:.6rem 0;overflow-x:auto}.sr-chart svg{max-width:100%;height:auto}
.sr-badge{display:inline-block;padding:0 .5em;border-radius:1em;font-size:.85em;color:#fff;background:var(--muted)}
.sr-badge.sr-consistent,.sr-badge.sr-pass{background:var(--pass)}.sr-badge.sr-conflict,.sr-badge.sr-fail{background:var(--fail)}.sr-badge.sr-gap{background:#ef6c00}
.sr-audit{border-left:4px solid var(--line);padding:.1rem .8rem;margin:.8rem 0}.sr-audit[data-verdict=conflict]{border-color:var(--fail)}.sr-audit[data-verdict=gap]{border-color:#ef6c00}.sr-audit[data-verdict=consistent]{border-color:var(--pass)}
.sr-id{font-family:ui-monospace,Menlo,Consolas,monospace;color:var(--muted)}
.sr-numbers,.sr-summary{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}.sr-numbers dd,.sr-summary dd{margin:0}.sr-summary dd{font-weight:600}
dd.sr-pass{color:var(--pass)}dd.sr-fail{color:var(--fail)}dd.sr-unknown{color:var(--unknown)}
tr.sr-fail td:first-child{color:var(--fail);font-weight:bold}tr.sr-unknown td:first-child{color:var(--unknown);font-weight:bold}
`;
