import { resolve } from 'node:path';
import type { ProbeRunner } from './context.js';
import { createLogScanner } from './log-scanner.js';
import { describeError } from './time.js';
import { waitForCheck } from './watch.js';

/** Only for missed events: latency comes from the watcher. */
const LOG_POLL_MS = 250;

// `log: <regex>` passes once a line of the service's own log matches: nothing
// touches the service, and it works for anything that prints.
export const runLogProbe: ProbeRunner<'log'> = async (probe, context) => {
  if (context.logFile === undefined) throw new Error('a log probe needs the service log file');
  const pattern = new RegExp(probe.pattern);
  const path = resolve(context.cwd, context.logFile);
  const scanner = createLogScanner(path, (line) => pattern.test(line));
  try {
    await waitForCheck({
      path,
      pollMs: LOG_POLL_MS,
      signal: context.signal,
      check: async () => {
        try {
          if (await scanner.scan(context.signal)) return true;
          context.reportError('no matching line yet');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // Anything else (EACCES, EMFILE) may clear up; the poll retries.
          context.reportError(code === 'ENOENT' ? 'the log file does not exist yet' : describeError(error));
        }
        return false;
      },
    });
  } finally {
    await scanner.close();
  }
};
