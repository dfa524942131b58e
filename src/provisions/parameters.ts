/**
 * Every parameter as its provision declares it, with the clause that sets it
 * and every id it serves. Apart from the rest of the registry, so that a
 * rule's bundle loads the parameters and nothing else of the declarations.
 */
import type { Declared, ParameterDeclaration } from './declare.js';
import { DECLARED } from './declared.generated.js';

const declared: readonly Declared[] = /* @__PURE__ */ Object.values(DECLARED);

/** A parameter's declaration with the clause that sets it and every id it serves (its own provision's and its readers'). */
export interface DeclaredParameter extends ParameterDeclaration {
  readonly path: string;
  readonly clause: string;
  readonly provisions: readonly string[];
}

/** Every parameter, declared once, in document order (a test holds each path to one declaration). */
export const PARAMETERS: readonly DeclaredParameter[] = /* @__PURE__ */ declared.flatMap((a) =>
  Object.entries(a.parameters).map(([path, d]) => {
    // The ids it serves: those of every provision that reads it, then its own, in document order, each once.
    const readers = declared.flatMap((r) => (r.reads && Object.hasOwn(r.reads, path) ? r.reads[path]! : []));
    const provisions = [...new Set([...readers, ...d.serves])];
    return { ...d, path, clause: d.clause ?? a.clause, provisions };
  }),
);
