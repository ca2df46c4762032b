import { linkAbort } from './abort.js';
import type { ProbeContext } from './context.js';
import { sleep } from '../sleep.js';
import { monotonicMs } from '../clock.js';

/** One try against one address: undefined on success, else why it failed. */
export type Attempt = (signal: AbortSignal) => Promise<string | undefined>;

// Most services come up within seconds, so probe fast then, and ease off for
// slow starters so a long wait does not hammer the service or the CPU.
export function retryDelayMs(elapsedMs: number): number {
  if (elapsedMs < 3_000) return 10;
  if (elapsedMs < 10_000) return 25;
  return 50;
}

// The retry loop of tcp/http/socket probes: one attempt in flight at a time,
// attempts spaced by retryDelayMs from start to start.
export async function pollUntilSuccess(attempt: Attempt, context: ProbeContext): Promise<void> {
  const started = monotonicMs();
  for (;;) {
    context.signal.throwIfAborted();
    const attemptStarted = monotonicMs();
    const failure = await attempt(context.signal);
    if (failure === undefined) return;
    context.reportError(failure);
    const spent = monotonicMs() - attemptStarted;
    await sleep(Math.max(0, retryDelayMs(attemptStarted - started) - spent), context.signal);
  }
}

// One attempt per address at once (localhost = 127.0.0.1 and ::1); the first
// success wins and the others are cut short, but all are closed before returning.
export function attemptAny(
  addresses: string[],
  attemptOne: (address: string, signal: AbortSignal) => Promise<string | undefined>,
): Attempt {
  if (addresses.length === 1) return (signal) => attemptOne(addresses[0]!, signal);
  return async (signal) => {
    const link = linkAbort(signal);
    try {
      let succeeded = false;
      const failures = await Promise.all(
        addresses.map(async (address) => {
          const failure = await attemptOne(address, link.signal);
          if (failure === undefined) {
            succeeded = true;
            link.abort();
          }
          return failure;
        }),
      );
      if (succeeded) return undefined;
      return combineFailures(addresses, failures);
    } finally {
      link.dispose();
    }
  };
}

// "ECONNREFUSED" reads better than "127.0.0.1: ECONNREFUSED, ::1: ECONNREFUSED".
function combineFailures(addresses: string[], failures: Array<string | undefined>): string {
  const distinct = new Set(failures);
  if (distinct.size === 1) return failures[0] ?? 'failed';
  return addresses.map((address, index) => `${address}: ${failures[index]}`).join(', ');
}
