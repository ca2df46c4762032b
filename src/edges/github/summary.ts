// The job summary: a table of what ran and how it ended, and a Mermaid gantt
// of each service's start → ready → stop, which GitHub renders as a picture.
import { formatDuration } from '../../config/duration.js';

export interface ServiceRow {
  name: string;
  command: string;
  /** Epoch ms. */
  startedAt: number;
  readyAt?: number;
  /** When post began stopping it; absent when it was gone or stopped by main. */
  stoppingAt?: number;
  /** When it ended: exited on its own, or stopped. */
  endedAt: number;
  /** How it ended, in words: "stopped (SIGTERM)", "exited 1 during the job", "killed after grace"… */
  ended: string;
  /** It failed, crashed or could not be stopped. */
  trouble: boolean;
  logBytes: number;
}

const MAX_COMMAND_CHARS = 80;

export function renderSummary(rows: ServiceRow[], options: { logDir: string }): string {
  const lines = ['### Background services (bgsvc)', ''];
  if (rows.length === 0) {
    lines.push('No service was started.', '');
    return lines.join('\n');
  }
  lines.push('| service | command | ready in | ran for | how it ended | log size |', '| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const ready = row.readyAt === undefined ? 'not ready' : formatDuration(row.readyAt - row.startedAt);
    const ended = row.trouble ? `**${escapeCell(row.ended)}**` : escapeCell(row.ended);
    lines.push(
      `| ${row.name} | <code>${escapeCell(shorten(row.command))}</code> | ${ready} | ${formatDuration(Math.max(0, row.endedAt - row.startedAt))} | ${ended} | ${formatSize(row.logBytes)} |`,
    );
  }
  lines.push('', `Logs: <code>${escapeCell(options.logDir)}</code> (upload them with \`actions/upload-artifact\` and the step's \`log-dir\` output).`, '');
  lines.push(...renderGantt(rows), '');
  return lines.join('\n');
}

export function renderGantt(rows: ServiceRow[]): string[] {
  const first = Math.min(...rows.map((row) => row.startedAt));
  const last = Math.max(...rows.map((row) => row.endedAt));
  const lines = [
    '```mermaid',
    'gantt',
    '    title Service timeline',
    // x: epoch milliseconds, so no time zone or date parsing is involved.
    '    dateFormat x',
    `    axisFormat ${last - first >= 3_600_000 ? '%H:%M' : '%M:%S'}`,
  ];
  for (const row of rows) {
    lines.push(`    section ${row.name}`);
    const segments: Array<[string, string, number, number]> = [];
    const readyOrEnd = row.readyAt ?? row.endedAt;
    segments.push(['starting', row.readyAt === undefined ? 'crit' : 'done', row.startedAt, readyOrEnd]);
    if (row.readyAt !== undefined) {
      const runningEnd = row.stoppingAt ?? row.endedAt;
      segments.push([row.trouble && row.stoppingAt === undefined ? 'exited' : 'running', row.trouble ? 'crit' : 'active', row.readyAt, runningEnd]);
      if (row.stoppingAt !== undefined) segments.push(['stopping', row.trouble ? 'crit' : 'done', row.stoppingAt, row.endedAt]);
    }
    for (const [label, tag, start, end] of segments) {
      // A zero-length bar does not render; one millisecond does.
      lines.push(`    ${label} :${tag}, ${Math.round(start)}, ${Math.round(Math.max(end, start + 1))}`);
    }
  }
  lines.push('```');
  return lines;
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
