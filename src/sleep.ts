// An abortable sleep on plain setTimeout. node:timers/promises would do the
// same, but loading it (and the AbortError plumbing it brings) costs every
// process a few milliseconds before the first line runs, and the action's
// steps pay that on every job (issue 16).

// Node clamps a longer timer to 1 ms (TimeoutOverflowWarning), so long waits go in slices.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Resolves after `ms`; with a signal, rejects with the signal's reason as soon
 * as it aborts, and leaves no timer or listener behind either way.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let left = Math.max(0, ms);
  do {
    const slice = Math.min(left, MAX_TIMER_MS);
    await sleepOnce(slice, signal);
    left -= slice;
  } while (left > 0);
}

function sleepOnce(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const napCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Blocks the whole thread for `ms`. Only for the few places that must finish
 * a synchronous step before anything else runs (a line written whole, a
 * process table read in one pass), and only for a millisecond or so.
 */
export function napSync(ms: number): void {
  Atomics.wait(napCell, 0, 0, ms);
}
