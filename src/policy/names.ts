/** Close-match suggestions for misspelt names. @internal */

/** Edit distance, for "did you mean". @internal */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/** The closest of `names` to `name`, when it is close enough to be a typo. @internal */
export function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(name, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  if (best === undefined || bestD > Math.max(2, Math.floor(name.length / 3))) return undefined; // no names: bestD stays Infinity
  // A typo keeps most of the word: at least half of the shorter name's characters must survive the edits
  // (户数 is two edits from id, and shares nothing with it).
  const kept = Math.max(name.length, best.length) - bestD;
  return kept * 2 >= Math.min(name.length, best.length) && kept > 0 ? best : undefined;
}
