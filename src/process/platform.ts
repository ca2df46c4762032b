// The one OS boundary of process/: everything that reads the process table or
// asks "who is this pid" goes through a ProcessPlatform, so a Windows
// (`taskkill /T`) implementation can slot in without touching the stop logic.
import { createDarwinPlatform } from './darwin.js';
import { createLinuxPlatform } from './linux.js';
import { createUnsupportedPlatform } from './unsupported.js';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  /** Session id; -1 where the OS does not expose it (macOS `ps`). */
  sid: number;
  /** Identity token with `pid`: a reused pid has a different start time. */
  startTime: string;
  zombie: boolean;
  command: string;
}

export interface ProcessSnapshot {
  processes: Map<number, ProcessInfo>;
  /** Whether the process's environment holds every `key=value`; read lazily, cached for this snapshot. */
  envMatches(pid: number, vars: Record<string, string>): boolean;
}

export interface ProcessPlatform {
  /**
   * One pass over the process table. Given an earlier snapshot of the same
   * platform, it may reuse that one's entries for processes that provably
   * existed then (their ppid and zombie flag as they were then).
   */
  snapshot(previous?: ProcessSnapshot): ProcessSnapshot;
  /** The cookie sweep: every live process whose environment holds every var. */
  findByEnv(vars: Record<string, string>): ProcessInfo[];
  /** Exists, is not a zombie, and (when given) has this start time. */
  isAlive(pid: number, startTime?: string): boolean;
  /** This one process's environment holds every var: the cookie check without a full scan. */
  hasEnv(pid: number, vars: Record<string, string>): boolean;
  startTimeOf(pid: number): string | undefined;
  /**
   * Who holds a LISTEN socket on this TCP port; [] when the OS does not tell.
   * With `startedSince` (a start time), a platform may skip processes that
   * started earlier: finding a socket's holder reads every fd of every process
   * it looks at, and a service's own processes are young.
   */
  findListeners(port: number, startedSince?: string): Array<{ pid: number; command: string }>;
  /** Who holds a listening Unix socket bound at this absolute path; [] when the OS does not tell. As above for `startedSince`. */
  findSocketListeners(path: string, startedSince?: string): Array<{ pid: number; command: string }>;
}

let cached: ProcessPlatform | undefined;

// Chosen on first use, not at module load (nothing runs at import time).
export function currentPlatform(): ProcessPlatform {
  cached ??= createPlatform(process.platform);
  return cached;
}

function createPlatform(name: NodeJS.Platform): ProcessPlatform {
  if (name === 'linux') return createLinuxPlatform();
  if (name === 'darwin') return createDarwinPlatform();
  return createUnsupportedPlatform(name);
}

// Launching needs /bin/sh and a POSIX process model; refuse before spawning anything.
export function assertProcessControlSupported(name: NodeJS.Platform = process.platform): void {
  if (name !== 'linux' && name !== 'darwin') {
    throw new Error(`bgsvc: process control is unsupported on ${name} (Linux and macOS only)`);
  }
}
