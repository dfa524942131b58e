/** Close-match suggestions for misspelt names. @internal */

/**
 * Edit distance, for "did you mean". With `max`, any distance above it is given as `max + 1` without being
 * worked out (two names whose lengths differ by more are that far apart at least), so a long query costs nothing.
 * @internal
 */
export function distance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    let least = row[0];
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diag = up;
      if (row[j]! < least) least = row[j]!;
    }
    if (least > max) return max + 1; // every way on is longer still
  }
  return row[b.length]!;
}

/**
 * Whether `name`, `edits` away from `query`, is near enough to be what was meant. A typo keeps most of the word:
 * at least two characters and at least half of the shorter name survive the edits (户数 is two edits from id and
 * shares nothing with it; 税务 is one edit from 水务 and shares only 务), and so does the query's first character,
 * somewhere in the name: in a Chinese name the first character says what a body deals with (水 water, 税 tax,
 * 教 education) and the last ones what it is (局, 部门, 委), which many bodies share (税务局 is not 水务局; 建委 is
 * 住建委, not 党委).
 * @internal
 */
export function nearEnough(query: string, name: string, edits: number): boolean {
  const kept = Math.max(query.length, name.length) - edits;
  const head = query.slice(0, 1).toLowerCase();
  return kept >= 2 && kept * 2 >= Math.min(query.length, name.length) && name.toLowerCase().includes(head);
}

/** The closest of `names` to `name`, when it is close enough to be a typo. @internal */
export function closest(name: string, names: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(name, n, limit);
    if (d <= limit && d < bestD && nearEnough(name, n, d)) [best, bestD] = [n, d];
  }
  return best;
}
