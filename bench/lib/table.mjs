// Tables are printed as aligned Markdown, so the terminal output can be pasted
// into docs/benchmarks.md as it is.

export function formatMs(ms) {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '—';
  if (Math.abs(ms) < 10) return `${ms.toFixed(1)} ms`;
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatRatio(value) {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

// A row's ratio against its reference row (the table's, or the row's own
// `ref` when it measures another moment, e.g. exit rather than ready line),
// as the table defines it: 'ref/row' (bgsvc ÷ this: below 1 means bgsvc is
// faster) or 'row/ref'.
export function ratioOf(table, row) {
  if (!table.ratio) return undefined;
  const refName = row.ref ?? table.ratio.ref;
  const ref = table.rows.find((candidate) => candidate.tool === refName);
  if (!ref || !Number.isFinite(ref.median) || !Number.isFinite(row.median) || row.median === 0) return undefined;
  return table.ratio.direction === 'row/ref' ? row.median / ref.median : ref.median / row.median;
}

export function renderTable(table) {
  const format = table.format ?? formatMs;
  const header = ['tool', 'median', 'p95', table.ratio?.label ?? 'ratio', 'survivors', 'n', 'notes'];
  const rows = table.rows.map((row) => [
    row.tool,
    row.display?.median ?? format(row.median),
    row.display?.p95 ?? format(row.p95),
    row.display?.ratio ?? formatRatio(ratioOf(table, row)),
    row.survivors === undefined ? '—' : String(row.survivors),
    String(row.n ?? 0),
    row.notes ?? '',
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const right = new Set([1, 2, 3, 4, 5]);
  const line = (cells) =>
    `| ${cells.map((cell, column) => (right.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (right.has(column) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  const lines = [`### ${table.title}`, ''];
  if (table.method) lines.push(`How: ${table.method}`, '');
  lines.push(line(header), rule, ...rows.map(line));
  if (table.footnotes?.length) lines.push('', ...table.footnotes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}

export function renderGoals(goals) {
  if (goals.length === 0) return '';
  const mark = (met) => (met === true ? 'met' : met === false ? 'MISSED' : 'n/a');
  return `${goals.map((goal) => `- goal: ${goal.goal} — ${mark(goal.met)} (${goal.value})${goal.why ? `; ${goal.why}` : ''}`).join('\n')}\n`;
}
