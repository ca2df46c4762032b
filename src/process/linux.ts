// Linux: everything comes from /proc, no child processes. A /proc file costs
// a few to a few tens of µs, cheap enough to rescan the table during a stop.
import { readdirSync } from 'node:fs';
import { findLinuxListeners, findLinuxSocketListeners } from './linux-listeners.js';
import { processExists } from './signal.js';
import type { ProcessInfo, ProcessPlatform, ProcessSnapshot } from './platform.js';
import {
  envNeedles,
  environHolds,
  isExitedState,
  readCommandLine,
  readProcBytes,
  readStat,
  type ProcStat,
} from './proc-read.js';

export function createLinuxPlatform(): ProcessPlatform {
  return {
    snapshot: takeSnapshot,
    findByEnv(vars) {
      const needles = envNeedles(vars);
      const found: ProcessInfo[] = [];
      for (const pid of listPids()) {
        if (!environOf(pid, needles)) continue;
        const stat = readStat(pid);
        if (stat && !isExitedState(stat.state)) found.push(toInfo(stat));
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
  };
}

function takeSnapshot(): ProcessSnapshot {
  const processes = new Map<number, ProcessInfo>();
  for (const pid of listPids()) {
    const stat = readStat(pid);
    if (stat) processes.set(pid, toInfo(stat));
  }
  const cache = new Map<string, boolean>();
  return {
    processes,
    envMatches(pid, vars) {
      const key = `${pid}\0${JSON.stringify(vars)}`;
      let matches = cache.get(key);
      if (matches === undefined) {
        matches = environOf(pid, envNeedles(vars));
        cache.set(key, matches);
      }
      return matches;
    },
  };
}

function environOf(pid: number, needles: Buffer[]): boolean {
  // Unreadable (another user's process, or gone) means "not ours".
  const environ = readProcBytes(`/proc/${pid}/environ`);
  return environ !== undefined && environHolds(environ, needles);
}

function listPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const code = entry.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(entry));
  }
  return pids;
}

// The command line is read only when asked for: a stop pass never needs it,
// and skipping it saves a third of the /proc reads.
function toInfo(stat: ProcStat): ProcessInfo {
  let command: string | undefined;
  return {
    pid: stat.pid,
    ppid: stat.ppid,
    pgid: stat.pgid,
    sid: stat.sid,
    startTime: stat.startTime,
    zombie: isExitedState(stat.state),
    get command() {
      // Checked against the start time, so a reused pid never lends its command line.
      command ??= (readStat(stat.pid)?.startTime === stat.startTime ? readCommandLine(stat.pid) : undefined) ?? `[${stat.comm}]`;
      return command;
    },
  };
}
