// Why each surviving mutant is equivalent: no input can tell it from the code.
// Read by scripts/quality.mjs; a note applies to the survivors of `file` whose
// source line contains `line`. Keep each reason checkable by reading the code.
export const NOTES = [];
