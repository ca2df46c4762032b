// A process's environment block, read so that an exec in flight is not taken
// for an empty environment.
//
// execve gives the process a new, empty address space first and lays out the
// new program's stack (its argv, then its environment) a moment later; in
// between, /proc/<pid>/environ reads 0 bytes and /proc/<pid>/stat shows
// env_end 0. A service's shell forks and execs all the time, so a stop's
// cookie sweep meets such a process now and then (a fork-exec loop is caught
// there several times a second). Read as "no cookie", a daemon mid-exec would
// be spared by the sweep and the stop would say its service was gone. So an
// empty read of a process in that state is read again until the exec is
// through, for at most EXEC_SETTLE_MS.
import { PF_KTHREAD, isExitingOrExited, readProcBytes, readStat } from './proc-read.js';
import { monotonicMs } from '../clock.js';
import { napSync } from '../sleep.js';

/**
 * An exec spends microseconds there; a process still there after this long is
 * stuck in the kernel (a page it needs is on a dead disk), and reads as having
 * no environment.
 */
const EXEC_SETTLE_MS = 100;
const EMPTY = Buffer.alloc(0);

/** The environment block (a view valid until the next /proc read), or undefined when unreadable (gone, or another user's). */
export function readEnviron(pid: number): Buffer | undefined {
  const deadline = monotonicMs() + EXEC_SETTLE_MS;
  for (;;) {
    const bytes = readProcBytes(`/proc/${pid}/environ`);
    if (bytes === undefined || bytes.length > 0) return bytes;
    // Empty: a kernel thread, a process on its way out, one started with an
    // empty environment (env -i), or one in the middle of an exec.
    if (!isExecInFlight(pid) || monotonicMs() >= deadline) return EMPTY;
    // Synchronous on purpose: callers decide "ours or not" in one pass over a
    // table, and this happens to a process at one moment of its life.
    napSync(1);
  }
}

function isExecInFlight(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && !isExitingOrExited(stat) && (stat.flags & PF_KTHREAD) === 0 && stat.envEnd === 0;
}
