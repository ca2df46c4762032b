// One grammar for every duration bgsvc reads (config, CLI flags, action
// inputs): a bare number, or numbers with units, combined as in `1h30m`,
// `1.5s`, `2m 5s` (what formatDuration prints reads back). Units: ms, s, m, h
// and background-action v2's spellings (msec, sec, min, hr, seconds, …; d and
// w only to say they pass the 24h limit). Nothing else is guessed at:
// `abc123` is an error, not 123 ms (DESIGN §2).
//
// A bare number is seconds everywhere but in the action's `wait-for` and
// `shutdown-grace` inputs, which keep background-action's milliseconds so a
// one-line `uses:` switch changes nothing: they pass `bareNumberUnit: 'ms'`.

import { describeValue, quote } from './describe.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1, msec: 1, msecs: 1, millisecond: 1, milliseconds: 1,
  s: 1_000, sec: 1_000, secs: 1_000, second: 1_000, seconds: 1_000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
// One `<number><unit>` part, spaces allowed around the unit; sticky, so parts must follow each other.
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/y;

/** The longest duration accepted anywhere: longer is surely a unit mistake. */
export const MAX_DURATION_MS = 24 * UNIT_MS.h!;

export type BareNumberUnit = 's' | 'ms';

export interface DurationOptions {
  /** What a number without a unit counts: seconds (default), or milliseconds for wait-for and shutdown-grace. */
  bareNumberUnit?: BareNumberUnit;
}

/** What a duration may look like, for messages. */
export function durationForms(bareNumberUnit: BareNumberUnit = 's'): string {
  return bareNumberUnit === 'ms'
    ? 'a number of milliseconds (in wait-for and shutdown-grace, as in background-action; elsewhere a bare number is seconds), or numbers with units ms, s, m or h, e.g. 500ms, 30s, 5m, 1h30m'
    : 'a number of seconds, or numbers with units ms, s, m or h, e.g. 500ms, 30s, 2m, 1h30m';
}

export const DURATION_FORMS = durationForms('s');

/**
 * Milliseconds for a duration, or undefined when it is not one.
 * Bounds (> 0, at most 24h) are the caller's business: see checkDuration.
 */
export function parseDuration(value: unknown, options: DurationOptions = {}): number | undefined {
  const bareMs = options.bareNumberUnit === 'ms' ? 1 : UNIT_MS.s!;
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * bareMs) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (BARE_NUMBER.test(text)) return Math.round(Number(text) * bareMs);
  let ms = 0;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    const unit = UNIT_MS[match[2]!];
    if (unit === undefined) return undefined;
    ms += Number(match[1]) * unit;
    consumed = PART.lastIndex;
  }
  return consumed > 0 && consumed === text.length ? Math.round(ms) : undefined;
}

/** Parses and bounds-checks; returns milliseconds or a message quoting the value. */
export function checkDuration(value: unknown, options: { allowZero: boolean } & DurationOptions): number | { error: string } {
  const ms = parseDuration(value, options);
  if (ms === undefined) {
    const shown = quote(value);
    if ((typeof value === 'number' && value < 0) || (typeof value === 'string' && value.trim().startsWith('-'))) {
      return { error: `invalid duration ${shown}: must not be negative` };
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      return { error: `expected a duration, got ${describeValue(value)} (${durationForms(options.bareNumberUnit)})` };
    }
    return { error: `invalid duration ${shown} (expected ${durationForms(options.bareNumberUnit)})` };
  }
  if (ms === 0 && !options.allowZero) return { error: `invalid duration ${quote(value)}: must be greater than 0` };
  if (ms > MAX_DURATION_MS) {
    // formatDuration rounds: 24h1s shows as 24h, which must not read as "24h is longer than 24h".
    const shown = formatDuration(ms) === formatDuration(MAX_DURATION_MS) ? 'that' : formatDuration(ms);
    return { error: `invalid duration ${quote(value)}: ${shown} is longer than the 24h limit` };
  }
  return ms;
}

/** Compact, human form for messages: "850ms", "1.2s", "2m 5s", "1h 30m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return `${ms}ms`;
  // 999.6 ms rounds to a full second, so compare after rounding.
  if (Math.round(ms) < UNIT_MS.s!) return `${Math.round(ms)}ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${tenths / 10}s`;
  const seconds = Math.round(ms / UNIT_MS.s!);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
  const rest = seconds % 60;
  return rest === 0 ? `${minutes}m` : `${minutes}m ${rest}s`;
}
