import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface WatchedCheckOptions {
  /** The file whose appearance or growth matters. */
  path: string;
  /** True once the probe passes. Never runs concurrently with itself. */
  check: () => Promise<boolean>;
  /** Fallback rescan, for missed events and for directories created later. */
  pollMs: number;
  signal: AbortSignal;
}

// Event-driven waiting for file and log probes: a change to `path` reruns
// `check` within milliseconds. The parent directory is watched (not the file)
// so creation, growth and replacement all arrive through one watcher; the slow
// poll covers lost events, file systems without inotify, and a directory that
// does not exist yet. Resolves when check passes; rejects with the abort
// reason after the signal aborts, once the watcher, timer and any check in
// flight are done.
export function waitForCheck(options: WatchedCheckOptions): Promise<void> {
  const { signal } = options;
  const dir = dirname(options.path);
  const name = basename(options.path);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    let watcher: FSWatcher | undefined;
    let running = false;
    let again = false;
    let finished = false;

    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      watcher?.close();
      watcher = undefined;
      signal.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    // Checks run one at a time; a change during a check schedules one more,
    // so bursts of writes coalesce instead of queueing.
    const trigger = () => {
      if (finished) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      again = false;
      options.check().then(
        (passed) => {
          running = false;
          if (passed) finish();
          else if (signal.aborted) finish(signal.reason);
          else if (again) trigger();
        },
        (error: unknown) => {
          running = false;
          finish(signal.aborted ? signal.reason : error);
        },
      );
    };
    const startWatching = () => {
      if (watcher || finished) return;
      try {
        watcher = watch(dir, (_event, filename) => {
          if (filename === null || filename === name) trigger();
        });
        watcher.on('error', () => {
          // The directory went away or inotify gave up: the poll takes over
          // and re-establishes the watch when it can.
          watcher?.close();
          watcher = undefined;
        });
      } catch {
        // ENOENT (directory not created yet), ENOSPC (inotify watches exhausted): poll.
      }
    };
    const onAbort = () => {
      // A check in flight settles on its own; finishing then keeps its handle accounted for.
      if (!running) finish(signal.reason);
    };
    const poll = setInterval(() => {
      startWatching();
      trigger();
    }, options.pollMs);

    signal.addEventListener('abort', onAbort, { once: true });
    startWatching();
    trigger();
  });
}
