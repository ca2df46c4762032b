// How post stops the services, as the workflow asks: bgsvc's `stop-timeout`,
// or background-action v2's `shutdown` and `shutdown-grace` (its action.yml at
// JarvusInnovations/background-action@790349b0d675ee1a98b698f86eae920309726812).
//
// `shutdown-grace` is bgsvc's stop-timeout under v2's name, read as v2 reads it
// (a bare number is milliseconds). `shutdown: false` cannot mean what it means
// in v2, "leave the processes running": bgsvc never leaves anything behind. Its
// equivalent here is "no graceful shutdown": the stop signal is SIGKILL, so
// nothing waits out a grace period, and the stop is still verified.
import type { ConfigIssue } from '../../config/errors.js';
import type { Plan } from '../../config/types.js';
import { checkDuration } from '../../config/duration.js';
import { INPUT } from './constants.js';
import { parseWaitFor } from './wait-for.js';

/** What the inputs change in every service's stop; unset fields keep the config's. */
export interface StopOverrides {
  stopTimeoutMs?: number;
  stopSignal?: NodeJS.Signals;
}

export interface StopInputs {
  overrides: StopOverrides;
  /** `shutdown`: false when the workflow asked for no graceful shutdown. */
  shutdown: boolean;
  issues: ConfigIssue[];
}

export function readStopInputs(getInput: (name: string) => string): StopInputs {
  const issues: ConfigIssue[] = [];
  const fail = (input: string, message: string) => issues.push({ source: `input "${input}"`, path: '', message });
  const text = (name: string) => getInput(name).trim();
  const overrides: StopOverrides = {};

  if (text(INPUT.stopTimeout) !== '' && text(INPUT.shutdownGrace) !== '') {
    fail(
      INPUT.shutdownGrace,
      `cannot be combined with input "${INPUT.stopTimeout}": both set the grace between the stop signal and SIGKILL; keep one`,
    );
  } else if (text(INPUT.stopTimeout) !== '') {
    const parsed = checkDuration(text(INPUT.stopTimeout), { allowZero: true });
    if (typeof parsed === 'number') overrides.stopTimeoutMs = parsed;
    else fail(INPUT.stopTimeout, parsed.error);
  } else if (text(INPUT.shutdownGrace) !== '') {
    const parsed = parseWaitFor(text(INPUT.shutdownGrace));
    if (typeof parsed === 'number') overrides.stopTimeoutMs = parsed;
    else fail(INPUT.shutdownGrace, parsed.error);
  }

  const shutdown = parseShutdown(text(INPUT.shutdown));
  if (typeof shutdown !== 'boolean') fail(INPUT.shutdown, shutdown.error);
  else if (!shutdown) overrides.stopSignal = 'SIGKILL';
  return { overrides, shutdown: shutdown !== false, issues };
}

// YAML's booleans as the runner hands them over (true, True, TRUE); anything
// else is refused rather than read as true, as v2 would read a typo.
function parseShutdown(text: string): boolean | { error: string } {
  if (text === '' || /^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return { error: `unknown value ${JSON.stringify(text)} (expected true or false)` };
}

// The inputs are the workflow's word on the matter, so they win over the config.
export function applyStopOverrides(plan: Plan, overrides: StopOverrides): Plan {
  if (overrides.stopTimeoutMs === undefined && overrides.stopSignal === undefined) return plan;
  return { ...plan, services: plan.services.map((service) => ({ ...service, ...overrides })) };
}
