/** A check's arithmetic as data: the node types and the builders (the derivations live beside them). */
export type { Bool, CheckFormula, Node, Num, RoundBy, Rounding, ValueKind } from './types.js';
export * from './build.js';
