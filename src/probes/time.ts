import { setTimeout as delay } from 'node:timers/promises';

// Node clamps a longer timer to 1 ms (TimeoutOverflowWarning), so long waits go in slices.
const MAX_TIMER_MS = 2 ** 31 - 1;

// An abortable sleep that never leaves its timer behind and survives huge durations.
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let left = ms;
  while (left > MAX_TIMER_MS) {
    await delay(MAX_TIMER_MS, undefined, { signal });
    left -= MAX_TIMER_MS;
  }
  await delay(Math.max(0, left), undefined, { signal });
}

// Error codes (ECONNREFUSED) are what users search for; messages are the fallback.
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === 'string' && code.length > 0 ? code : error.message;
  }
  return String(error);
}

// Rounds for messages: sub-millisecond precision is noise to a reader.
export function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}
