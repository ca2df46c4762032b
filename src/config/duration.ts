// Durations are written `500ms`, `30s`, `2m`, `1h` or as a bare number of seconds.
// Nothing else is guessed at: `abc123` is an error, not 123 ms (DESIGN §2).

import { describeValue, quote } from './describe.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;

/** The longest duration accepted anywhere: longer is surely a unit mistake. */
export const MAX_DURATION_MS = 24 * UNIT_MS.h;

export const DURATION_FORMS = 'a number of seconds or a number with ms, s, m or h, e.g. 500ms, 30s, 2m, 1h';

/**
 * Milliseconds for a duration written in a config, or undefined when it is not one.
 * Bounds (> 0, at most 24h) are the caller's business: see checkDuration.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * UNIT_MS.s) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const match = DURATION_PATTERN.exec(value.trim());
  if (match === null) return undefined;
  const unit = (match[2] ?? 's') as keyof typeof UNIT_MS;
  return Math.round(Number(match[1]) * UNIT_MS[unit]);
}

/** Parses and bounds-checks; returns milliseconds or a message quoting the value. */
export function checkDuration(value: unknown, options: { allowZero: boolean }): number | { error: string } {
  const ms = parseDuration(value);
  if (ms === undefined) {
    const shown = quote(value);
    if ((typeof value === 'number' && value < 0) || (typeof value === 'string' && value.trim().startsWith('-'))) {
      return { error: `invalid duration ${shown}: must not be negative` };
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      return { error: `expected a duration, got ${describeValue(value)} (${DURATION_FORMS})` };
    }
    return { error: `invalid duration ${shown} (expected ${DURATION_FORMS})` };
  }
  if (ms === 0 && !options.allowZero) return { error: `invalid duration ${quote(value)}: must be greater than 0` };
  if (ms > MAX_DURATION_MS) {
    return { error: `invalid duration ${quote(value)}: ${formatDuration(ms)} is longer than the 24h limit` };
  }
  return ms;
}

/** Compact, human form for messages: "850ms", "1.2s", "2m 5s", "1h 30m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return `${ms}ms`;
  // 999.6 ms rounds to a full second, so compare after rounding.
  if (Math.round(ms) < UNIT_MS.s) return `${Math.round(ms)}ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${tenths / 10}s`;
  const seconds = Math.round(ms / UNIT_MS.s);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
  const rest = seconds % 60;
  return rest === 0 ? `${minutes}m` : `${minutes}m ${rest}s`;
}
