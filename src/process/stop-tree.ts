// Steps 2-4 of stopping one service (DESIGN §6); the caller runs its `stop:`
// command first. The recorded pid is trusted only with its recorded start
// time; everything else must descend from it or carry the cookie.
import type { ProcessPlatform, ProcessSnapshot } from './types.js';
import { assertCookie, assertGrace, assertRecordedPid, assertSignal } from './stop-options.js';
import { terminate, type StopTreeResult } from './terminate.js';

export interface StopTreeOptions {
  /** The recorded wrapper: process group and session leader. */
  pid: number;
  /** Its start time as recorded at launch ('' when it was unreadable: then only the cookie vouches for it). */
  startTime: string;
  /** Environment entries that mark a process as ours, e.g. { BGSVC_ID, BGSVC_SERVICE }. */
  cookie: Record<string, string>;
  /** Recorded processes that lack the cookie, trusted by start time (see tree.ts). */
  adopted?: ReadonlyArray<{ pid: number; startTime: string }>;
  signal: NodeJS.Signals;
  /** Grace between `signal` and SIGKILL. */
  graceMs: number;
  platform: ProcessPlatform;
  /** A table shared with stops that begin at the same moment (see snapshot-share.ts). */
  sharedSnapshot?: () => ProcessSnapshot;
  /** Read each process's cost before the first signal (see terminate.ts). */
  measureUsage?: boolean;
}

// Stops a service's whole process tree, including daemons that forked away,
// and never signals a process that is not provably ours. Idempotent: on a
// tree that is already gone it finds nothing and returns. Async, so a bad
// option rejects like any other failure.
export async function stopProcessTree(options: StopTreeOptions): Promise<StopTreeResult> {
  assertRecordedPid(options.pid);
  assertCookie(options.cookie);
  assertSignal(options.signal);
  assertGrace(options.graceMs);
  return terminate({
    leader: { pid: options.pid, startTime: options.startTime },
    cookie: options.cookie,
    adopted: options.adopted,
    signal: options.signal,
    graceMs: options.graceMs,
    platform: options.platform,
    sharedSnapshot: options.sharedSnapshot,
    measureUsage: options.measureUsage,
  });
}
