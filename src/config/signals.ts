// `stop-signal` accepts what people type (INT, sigint, SIGINT) and stores the
// canonical name Node's process.kill understands.

import { constants } from 'node:os';
import { describeValue, quote } from './describe.js';
import { suggest } from './suggest.js';

// These suspend the service instead of ending it: stopping would always run
// into stop-timeout and SIGKILL, which is never what a config means.
const SUSPENDING = new Set(['SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU']);

/** The canonical signal name, or a message quoting what was written. */
export function normalizeSignal(value: unknown): NodeJS.Signals | { error: string } {
  if (typeof value !== 'string') return { error: `expected a signal name such as "SIGINT", got ${describeValue(value)}` };
  const upper = value.trim().toUpperCase();
  const name = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  const known = Object.keys(constants.signals);
  if (!known.includes(name)) {
    // Compare without the SIG prefix, or every name looks close to every other.
    const hint = suggest(name.slice(3), known.map((signal) => signal.slice(3)));
    const tail = hint === undefined ? ' (e.g. SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGKILL)' : `; did you mean "SIG${hint}"?`;
    return { error: `unknown signal ${quote(value)}${tail}` };
  }
  if (SUSPENDING.has(name)) return { error: `${quote(value)} suspends the service instead of stopping it; use SIGTERM, SIGINT or SIGQUIT` };
  return name as NodeJS.Signals;
}
