// Order statistics for small samples. p95 is nearest-rank: with 30 samples it
// is the 29th smallest, an observed value rather than an interpolation.

export function median(values) {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, p) {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

// What a table row shows; `samples` are kept (rounded) for later comparison.
export function summarize(values) {
  const finite = sortedFinite(values);
  return {
    n: finite.length,
    median: median(finite),
    p95: percentile(finite, 95),
    min: finite[0],
    max: finite.at(-1),
    samples: values.map((value) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : null)),
  };
}

function sortedFinite(values) {
  return values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
}
