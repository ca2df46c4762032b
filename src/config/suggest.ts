// "did you mean" for misspelt keys and names. Keys are compared after folding
// case and separators, so wait_on, waitOn and WAIT-ON all find `wait-on`.

/** Lower-cases and turns camelCase humps, `_` and spaces into `-`. */
export function normalizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/**
 * Edit distance where swapping two neighbours also costs 1 (optimal string
 * alignment), since SIGTREM for SIGTERM is one slip, not two. Inputs are short keys.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(rows, i - 1, j) + 1, (row[j - 1] ?? 0) + 1, cell(rows, i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, cell(rows, i - 2, j - 2) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return cell(rows, a.length, b.length);
}

function cell(rows: number[][], i: number, j: number): number {
  return rows[i]?.[j] ?? 0;
}

/** The closest candidate, or undefined when nothing is close enough to be a plausible typo. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalizeKey(input);
  // Long inputs would make every comparison expensive and none of them plausible.
  if (wanted.length > 64) return undefined;
  const budget = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalizeKey(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= budget ? best : undefined;
}

/** `; did you mean "x"?` or nothing: appended to an unknown-key or unknown-name message. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = suggest(input, candidates);
  return match === undefined ? '' : `; did you mean ${JSON.stringify(match)}?`;
}
