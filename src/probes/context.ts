import type { ProbeSpec } from '../config/types.js';

// What every probe runner gets from the wait that owns it. Keeping this the only
// channel back (no globals, no events) lets wait.ts alone decide outcomes.
export interface ProbeContext {
  /** Aborted once the wait has an outcome: the runner must release everything and settle. */
  signal: AbortSignal;
  /** monotonicMs() at which the wait gives up; Infinity when there is no deadline. */
  deadline: number;
  cwd: string;
  shell: string;
  env: NodeJS.ProcessEnv;
  logFile: string | undefined;
  /** Why the latest attempt failed ("ECONNREFUSED", "HTTP 503"), for the pending list. */
  reportError(message: string): void;
}

/**
 * A runner resolves once its probe passes, rejects with the abort reason after
 * `signal` aborts (only when all its handles are closed), and rejects with an
 * Error when the probe can never pass (an invalid regex, say).
 */
export type ProbeRunner<K extends ProbeSpec['kind']> = (
  probe: Extract<ProbeSpec, { kind: K }>,
  context: ProbeContext,
) => Promise<void>;
