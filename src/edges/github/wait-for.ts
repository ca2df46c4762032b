// `wait-for` and `shutdown-grace` keep background-action's meaning: a bare
// number is milliseconds (its parse-duration default). Everything else about
// them is bgsvc's one duration grammar (config/duration.ts): units combine
// (`1h30m`), v2's spellings (`10sec`, `2 minutes`) read the same, and the 24h
// limit applies.
import { checkDuration } from '../../config/duration.js';

/** Milliseconds, or a message quoting what was given. */
export function parseWaitFor(text: string): number | { error: string } {
  return checkDuration(text.trim(), { allowZero: false, bareNumberUnit: 'ms' });
}
