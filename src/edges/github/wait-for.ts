// `wait-for` and `shutdown-grace` keep background-action's meaning: a bare
// number is milliseconds (its parse-duration default), and units may be
// combined (`1h30m`). Everything else in bgsvc reads a bare number as seconds,
// so this parser is these inputs' own.
import { formatDuration } from '../../config/duration.js';

// background-action v2's spellings, so a duration it reads is read here too
// (days and weeks only to say clearly that they pass the 24h limit).
const UNIT_MS: Record<string, number> = {
  ms: 1, msec: 1, msecs: 1, millisecond: 1, milliseconds: 1,
  s: 1_000, sec: 1_000, secs: 1_000, second: 1_000, seconds: 1_000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
const MAX_MS = 24 * 3_600_000;

export const WAIT_FOR_FORMS = 'a number of milliseconds, or numbers with units such as 500ms, 30s, 5m, 1h30m';

/** Milliseconds, or a message quoting what was given. */
export function parseWaitFor(text: string): number | { error: string } {
  const value = text.trim().toLowerCase();
  const invalid = { error: `invalid duration ${JSON.stringify(text.trim())} (expected ${WAIT_FOR_FORMS})` };
  let ms: number;
  if (/^\d+(?:\.\d+)?$/.test(value)) {
    ms = Number(value);
  } else {
    ms = 0;
    PART.lastIndex = 0;
    let consumed = 0;
    for (let match = PART.exec(value); match; match = PART.exec(value)) {
      const unit = UNIT_MS[match[2]!];
      if (unit === undefined) return invalid;
      ms += Number(match[1]) * unit;
      consumed = PART.lastIndex;
    }
    if (consumed === 0 || consumed !== value.length) return invalid;
  }
  ms = Math.round(ms);
  if (ms <= 0) return { error: `invalid duration ${JSON.stringify(text.trim())}: must be greater than 0` };
  if (ms > MAX_MS) return { error: `invalid duration ${JSON.stringify(text.trim())}: ${formatDuration(ms)} is longer than the 24h limit` };
  return ms;
}
