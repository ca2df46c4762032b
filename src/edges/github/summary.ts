// The job summary: a table of what ran, what it waited on, how it ended and
// what it cost (peak memory: the largest single process's; "≥" a lower bound),
// and a Mermaid gantt of each service (summary-timeline.ts), which GitHub
// renders as a picture.
import { formatDuration } from '../../config/duration.js';
import { describeCpuTime, describePeakMemory } from '../../report/cost-words.js';
import { renderGantt } from './summary-timeline.js';

export type { ServiceRow } from './summary-row.js';
import type { ServiceRow } from './summary-row.js';

const MAX_COMMAND_CHARS = 80;

/**
 * The markdown post appends to the job summary. `origin` (epoch ms) is time
 * zero of the timeline's axis: when the start began, so it reads like the log lines.
 */
export function renderSummary(rows: ServiceRow[], options: { logDir: string; origin?: number }): string {
  const lines = ['### Background services (bgsvc)', ''];
  if (rows.length === 0) {
    lines.push('No service was started.', '');
    return lines.join('\n');
  }
  lines.push(
    '| service | command | waited on | ready in | ran for | how it ended | peak memory | CPU time | log size |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const row of rows) {
    const ready = row.readyAt === undefined ? 'not ready' : formatDuration(row.readyAt - row.startedAt);
    const ended = row.trouble ? `**${escapeCell(row.ended)}**` : escapeCell(row.ended);
    lines.push(
      `| ${row.name} | <code>${escapeCell(shorten(row.command))}</code> | ${waitedOn(row.probes)} | ${ready} | ${formatDuration(Math.max(0, row.endedAt - row.startedAt))} | ${ended} | ${describePeakMemory(row.cost)} | ${describeCpuTime(row.cost)} | ${formatSize(row.logBytes)} |`,
    );
  }
  lines.push('', `Logs: <code>${escapeCell(options.logDir)}</code> (upload them with \`actions/upload-artifact\` and the step's \`log-dir\` output).`, '');
  lines.push(...renderGantt(rows, { origin: options.origin }), '');
  return lines.join('\n');
}

// Each probe as code, one per line of the cell; none means the settle time alone.
function waitedOn(probes: string[]): string {
  if (probes.length === 0) return 'no probe';
  return probes.map((probe) => `<code>${escapeCell(shorten(probe))}</code>`).join('<br>');
}

function shorten(command: string): string {
  const flat = command.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_COMMAND_CHARS ? `${flat.slice(0, MAX_COMMAND_CHARS - 1)}…` : flat;
}

// Cells are markdown with inline HTML: escape what either would read.
function escapeCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/`/g, '&#96;');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
