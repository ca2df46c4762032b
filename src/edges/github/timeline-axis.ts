// The timeline's axis reads time since the start began, like the log lines
// (`+0.8s`), with ticks that differ whether the job took 50 ms or three hours.
//
// Mermaid's gantt formats ticks with d3's timeFormat, in the *viewer's* time
// zone, so clock directives (%H, %M) would shift with the reader. Only %Q
// (milliseconds since the epoch) and %s (whole seconds since the epoch) read
// the same everywhere. So the chart's times are offsets from the epoch, and for
// long jobs they are divided by a unit (60 for minutes, 3600 for hours) so that
// %s counts minutes or hours. Ticks are `<N>millisecond` intervals, which d3
// counts from the epoch too (second, minute and hour intervals follow local time).

export interface TimelineAxis {
  /** Real milliseconds per chart millisecond. */
  scale: number;
  /** d3 time format for the tick labels. */
  format: string;
  /** Chart milliseconds between ticks (Mermaid's `tickInterval <N>millisecond`). */
  tickChartMs: number;
}

/** At most this many tick intervals across the span, so labels never crowd. */
const MAX_TICKS = 10;

const MS = { step: [1, 2, 5, 10, 20, 50, 100, 200, 500], scale: 1, format: '+%Qms' };
const SECONDS = { step: [1, 2, 5, 10, 15, 30], scale: 1, format: '+%ss' };
const MINUTES = { step: [1, 2, 5, 10, 15, 30], scale: 60, format: '+%sm' };
const HOURS = { step: [1, 2, 3, 6, 12, 24], scale: 3600, format: '+%sh' };

// Each candidate: the real span of one tick, and how a tick of it is drawn.
const CANDIDATES = [
  ...MS.step.map((n) => ({ tickMs: n, axis: { scale: MS.scale, format: MS.format, tickChartMs: n } })),
  ...[SECONDS, MINUTES, HOURS].flatMap((unit) =>
    unit.step.map((n) => ({ tickMs: n * 1000 * unit.scale, axis: { scale: unit.scale, format: unit.format, tickChartMs: n * 1000 } })),
  ),
];

/** The finest tick that keeps at most MAX_TICKS intervals over `spanMs` real milliseconds. */
export function chooseAxis(spanMs: number): TimelineAxis {
  const fitting = CANDIDATES.find((candidate) => spanMs / candidate.tickMs <= MAX_TICKS);
  return (fitting ?? CANDIDATES[CANDIDATES.length - 1]!).axis;
}
