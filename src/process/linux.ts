// Linux: everything comes from /proc, no child processes. A /proc file costs
// a few to a few tens of µs, cheap enough to rescan the table during a stop.
import { readLinuxUsage } from './linux-usage.js';
import { findLinuxListeners, findLinuxSocketListeners } from './linux-listeners.js';
import { environOf, listPids, takeLinuxSnapshot, toProcessInfo } from './linux-snapshot.js';
import { processExists } from './signal.js';
import type { ProcessInfo, ProcessPlatform } from './types.js';
import { envNeedles, isExitedState, isExitingOrExited, readProcText, readStat } from './proc-read.js';

export function createLinuxPlatform(): ProcessPlatform {
  return {
    snapshot: takeLinuxSnapshot,
    findByEnv(vars) {
      const needles = envNeedles(vars);
      const found: ProcessInfo[] = [];
      for (const pid of listPids()) {
        if (!environOf(pid, needles)) continue;
        const stat = readStat(pid);
        if (stat && !isExitedState(stat.state)) found.push(toProcessInfo(stat));
      }
      return found;
    },
    isAlive(pid, startTime) {
      // kill(pid, 0) is the cheapest "gone" test; /proc then tells zombies and reused pids apart.
      if (!processExists(pid)) return false;
      const stat = readStat(pid);
      if (!stat || isExitedState(stat.state)) return false;
      return startTime === undefined || stat.startTime === startTime;
    },
    startTimeOf(pid) {
      return readStat(pid)?.startTime;
    },
    hasEnv(pid, vars) {
      return environOf(pid, envNeedles(vars));
    },
    findListeners: findLinuxListeners,
    findSocketListeners: findLinuxSocketListeners,
    usageOf: readLinuxUsage,
    childrenOf(pid) {
      // The kernel's list of the task's children (CONFIG_PROC_CHILDREN), zombies included.
      const listed = readProcText(`/proc/${pid}/task/${pid}/children`);
      if (listed === undefined) return undefined;
      const children = { live: 0, exiting: 0 };
      for (const child of listed.split(' ')) {
        const stat = child === '' ? undefined : readStat(Number(child));
        if (stat) children[isExitingOrExited(stat) ? 'exiting' : 'live'] += 1;
      }
      return children;
    },
  };
}
