// Stops every process that carries the cookie, found only by environment.
// `start` uses it to clean up orphans of an earlier, crashed run of the same
// state dir; the stop procedure ends with the same sweep.
import type { ProcessPlatform, ProcessSnapshot } from './types.js';
import { assertCookie, assertGrace, assertSignal } from './stop-options.js';
import { terminate, type StopTreeResult } from './terminate.js';

export interface SweepOptions {
  cookie: Record<string, string>;
  /** Recorded processes that lack the cookie, trusted by start time (see tree.ts). */
  adopted?: ReadonlyArray<{ pid: number; startTime: string }>;
  signal: NodeJS.Signals;
  graceMs: number;
  platform: ProcessPlatform;
  /** A table shared with stops that begin at the same moment (see snapshot-share.ts). */
  sharedSnapshot?: () => ProcessSnapshot;
  /** Read command lines before signalling, to report what was killed (see terminate.ts). */
  nameProcesses?: boolean;
  /** Read each process's cost before the first signal (see terminate.ts). */
  measureUsage?: boolean;
}

export async function sweepByCookie(options: SweepOptions): Promise<StopTreeResult> {
  assertCookie(options.cookie);
  assertSignal(options.signal);
  assertGrace(options.graceMs);
  return terminate({
    cookie: options.cookie,
    adopted: options.adopted,
    signal: options.signal,
    graceMs: options.graceMs,
    platform: options.platform,
    sharedSnapshot: options.sharedSnapshot,
    nameProcesses: options.nameProcesses,
    measureUsage: options.measureUsage,
  });
}
