// The job summary's Mermaid gantt: per service, the wait for ready, the running
// period, the stop, and a mark where it ended, labelled with its exit code when
// it exited on its own. GitHub renders it as a picture (issue 15).
import type { ServiceRow } from './summary-row.js';
import { chooseAxis } from './timeline-axis.js';

/** How much of the probes a "waiting for …" bar label shows; the table lists them all. */
const MAX_PROBE_LABEL_CHARS = 48;

interface Bar {
  label: string;
  tags: string[];
  start: number;
  end: number;
}

/**
 * The gantt as markdown lines. `origin` is time zero of the axis (epoch ms):
 * when the start began, so the axis reads like its log lines; by default the
 * first service's start.
 */
export function renderGantt(rows: ServiceRow[], options: { origin?: number } = {}): string[] {
  const origin = options.origin ?? Math.min(...rows.map((row) => row.startedAt));
  const last = Math.max(...rows.map((row) => row.endedAt));
  const axis = chooseAxis(Math.max(1, last - origin));
  const toChart = (at: number) => Math.round(Math.max(0, at - origin) / axis.scale);
  const lines = [
    '```mermaid',
    'gantt',
    '    title Service timeline (time since the start began)',
    // x: plain numbers, so no date parsing or time zone is involved (see timeline-axis.ts).
    '    dateFormat x',
    `    axisFormat ${axis.format}`,
    `    tickInterval ${axis.tickChartMs}millisecond`,
  ];
  if (axis.scale !== 1) lines.push(`    %% times below are in units of ${axis.scale} ms since the start began`);
  for (const row of rows) {
    lines.push(`    section ${row.name}`);
    for (const bar of serviceBars(row)) {
      const start = toChart(bar.start);
      // A zero-length bar does not render; one chart millisecond does. A milestone is a point.
      const end = bar.tags.includes('milestone') ? start : Math.max(toChart(bar.end), start + 1);
      lines.push(`    ${mermaidText(bar.label)} :${[...bar.tags, start, end].join(', ')}`);
    }
  }
  lines.push('```');
  return lines;
}

// Waiting, then running (if it got ready), then stopping (if bgsvc stopped it),
// then the mark where it ended. A crash is the mark, never the running bar's label.
function serviceBars(row: ServiceRow): Bar[] {
  const ended = row.exited?.at ?? row.endedAt;
  const stopping = row.exited === undefined ? row.stoppingAt : undefined;
  const bars: Bar[] = [];
  const waitEnd = row.readyAt ?? stopping ?? ended;
  bars.push({ label: waitingLabel(row.probes), tags: [row.readyAt === undefined ? 'crit' : 'done'], start: row.startedAt, end: waitEnd });
  // A one-shot (`ready: exit`) is ready as it ends: it has no running period.
  if (row.readyAt !== undefined && row.readyAt < (stopping ?? ended)) {
    bars.push({ label: 'running', tags: ['active'], start: row.readyAt, end: stopping ?? ended });
  }
  if (stopping !== undefined) bars.push({ label: 'stopping', tags: ['done'], start: stopping, end: ended });
  bars.push({ ...endMark(row), start: ended, end: ended });
  return bars;
}

function endMark(row: ServiceRow): Pick<Bar, 'label' | 'tags'> {
  if (row.exited) {
    const { code, signal } = row.exited;
    const label = signal ? `killed by ${signal}` : `exit ${code}`;
    return { label, tags: code === 0 && !signal ? ['milestone'] : ['crit', 'milestone'] };
  }
  if (row.stopFailed) return { label: 'not stopped', tags: ['crit', 'milestone'] };
  return { label: 'stopped', tags: ['done', 'milestone'] };
}

function waitingLabel(probes: string[]): string {
  if (probes.length === 0) return 'starting';
  const all = `waiting for ${probes.join(', ')}`;
  return all.length > MAX_PROBE_LABEL_CHARS ? `${all.slice(0, MAX_PROBE_LABEL_CHARS - 1)}…` : all;
}

// A gantt task's text ends at its first ':', its data at '#' or ';', a line
// starting with %% is a comment and a ``` would close the markdown fence: write
// anything but plain characters as Mermaid entity codes (`#58;` for ':'), which
// Mermaid turns back into the character in the picture.
function mermaidText(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._/+\-=@?*()[\],]/gu, (char) => `#${char.codePointAt(0)};`);
}
