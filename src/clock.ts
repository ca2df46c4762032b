// A monotonic clock in milliseconds, for deadlines and durations. The same
// clock as performance.now() (both read CLOCK_MONOTONIC), but on Node 20 the
// first use of the `performance` global loads perf_hooks and nine internal
// modules: ~0.5 ms of every action step and CLI command (issue 16).

/** Milliseconds on a monotonic clock with an arbitrary origin: only differences mean anything. */
export function monotonicMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}
