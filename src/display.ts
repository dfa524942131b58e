/**
 * Results that display themselves. Every rule result, schedule, audit and
 * evaluation carries two non-enumerable methods, so JSON, spreading and deep
 * equality see nothing new:
 *
 * - `[Symbol.for('Jupyter.display')]()`: what Deno's Jupyter kernel calls
 *   (it checks with `in`, so the library depends on nothing). It returns
 *   `{ 'text/html', 'text/plain' }` (plus `'image/svg+xml'` for a schedule):
 *   at once when the views are loaded, else a promise of it, after loading
 *   them (Deno awaits either). The views are reached by a dynamic
 *   import of a module named at run time, so that a web page importing one
 *   rule neither bundles nor downloads them (`npm run size`).
 * - `[Symbol.for('nodejs.util.inspect.custom')]()`: a compact one-line view
 *   for Node's console, computed here without the views.
 * @internal
 */

const JUPYTER = Symbol.for('Jupyter.display');
/** Where loaded views register themselves, so that later displays are drawn at once (see `view/display.ts`). */
const VIEWS = Symbol.for('shequ-rules.views');

/** The views a page or notebook has already loaded: which kinds they draw, and how. @internal */
export interface LoadedViews {
  readonly evaluation: boolean;
  mimeBundle(kind: string, value: unknown): unknown;
}
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Methods = { readonly display: (this: object) => unknown; readonly inspect: (this: object) => string };
/** Loads the views that draw a value: `{ mimeBundle(kind, value) }`. */
export type ViewLoader = () => Promise<{ mimeBundle(kind: string, value: unknown): unknown }>;
// Rule results and the audit; an evaluation brings its own loader, so that the views of an
// evaluation (and the evaluation's code they use) are never bundled with a rule. The views' module is named at
// run time, not as a string literal: a bundler follows a literal, and the views read the whole policy's words
// (every provision, its rules and checks), which would then sit beside a web page's one rule (`npm run size`). A
// result displays itself in a notebook (Node, Deno), where the file is beside this one in dist/.
const VIEW_MODULE = './view/display.js';
const resultViews: ViewLoader = () => import(/* @vite-ignore */ VIEW_MODULE);
const byKind = new Map<string, Methods>();

/** An exact value in a line: a Decimal in plain notation, an array by its length. */
function plain(v: unknown): string {
  if (Array.isArray(v)) return `[${v.length}]`;
  if (typeof v === 'object' && v !== null && typeof (v as { toFixed?: unknown }).toFixed === 'function') return (v as { toFixed(): string }).toFixed();
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** A rule result in one line: its values, its clause and its readings. */
function line(kind: string, o: Record<string, unknown>): string {
  const uses = (o.interpretations as { id: string; choice: string }[]).map((u) => `; ${u.id} ${u.choice}`).join('');
  const rows = o.rows as Record<string, unknown>[] | undefined;
  const values = rows
    ? rows.map((r) => `${r.year}: ${plain(r.amount ?? r.share)}`).join(', ')
    : Object.keys(o)
        .filter((k) => k !== 'clause' && k !== 'interpretations' && k !== 'trace' && o[k] !== undefined)
        .map((k) => `${k}: ${plain(o[k])}`)
        .join(', ');
  return `${kind} { ${values} } [${o.clause as string}${uses}]`;
}

/** Says a value in one line, for Node's console (one function per kind: the first given for a kind is kept). */
export type LineView = (value: Record<string, unknown>) => string;

function methods(kind: string, load: ViewLoader, say: LineView): Methods {
  let m = byKind.get(kind);
  if (!m) {
    m = {
      display(this: object) {
        // Drawn at once when the views are loaded already (a notebook that imported shequ-rules/view), else after loading them.
        const views = (globalThis as Record<symbol, LoadedViews | undefined>)[VIEWS];
        if (views && (kind !== 'evaluation' || views.evaluation)) return views.mimeBundle(kind, this);
        return load().then((v) => v.mimeBundle(kind, this));
      },
      inspect(this: object) {
        return say(this as Record<string, unknown>);
      },
    };
    byKind.set(kind, m);
  }
  return m;
}

/**
 * Give a value its display methods, non-enumerable, and return it.
 * @param kind - a rule's exported name, `'audit'` or `'evaluation'`
 * @param load - the views that draw it (default: those of rule results and the audit)
 * @param say - its one line for Node's console (default: a rule result's), so a rule's bundle carries no other
 * @internal
 */
export function displayable<T extends object>(kind: string, value: T, load: ViewLoader = resultViews, say: LineView = (o) => line(kind, o)): T {
  const m = methods(kind, load, say);
  Object.defineProperty(value, JUPYTER, { value: m.display, configurable: true, writable: true, enumerable: false });
  Object.defineProperty(value, INSPECT, { value: m.inspect, configurable: true, writable: true, enumerable: false });
  return value;
}
