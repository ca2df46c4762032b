import { existsSync, stat } from 'node:fs';
import { resolve } from 'node:path';
import type { ProbeRunner } from './context.js';
import { describeError } from './time.js';
import { waitForCheck } from './watch.js';

/** Events do the real work; this only catches what they miss. */
const FILE_POLL_MS = 100;

// `file:path` passes once the path exists (a pid file, a ready marker).
export const runFileProbe: ProbeRunner<'file'> = (probe, context) => {
  const path = resolve(context.cwd, probe.path);
  // A path that is already there passes on one look, before any watcher or
  // thread-pool stat is set up (a marker written before the wait began).
  if (!context.signal.aborted && existsSync(path)) return Promise.resolve();
  return waitForCheck({
    path,
    pollMs: FILE_POLL_MS,
    signal: context.signal,
    check: async () => {
      // The callback form: node:fs/promises would cost its load to every
      // process that waits on a file (issue 16).
      const error = await new Promise<Error | null>((settle) => stat(path, settle));
      if (error) context.reportError(describeError(error));
      return error === null;
    },
  });
};
