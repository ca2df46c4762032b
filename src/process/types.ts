// What process/ knows of a process and of the OS: the types every module here
// shares. The implementations (linux.ts, darwin.ts) import these, and
// platform.ts imports the implementations, so the types live apart from both.

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

/** What a live process has cost so far. */
export interface ProcessUsage {
  /** Its own user + system CPU time. */
  cpuMs: number;
  /** User + system CPU time of the children it has waited for (theirs included, recursively). */
  reapedCpuMs: number;
  /** Its peak resident set (Linux VmHWM); undefined when the OS does not tell. */
  peakMemoryBytes?: number;
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
  /**
   * What this process (while it still has this start time) has cost so far;
   * absent where the OS does not tell cheaply (macOS: `ps` has no peak memory).
   */
  usageOf?(pid: number, startTime: string): ProcessUsage | undefined;
  /**
   * This process's children: how many run and how many have exited or are
   * exiting (zombies it has not reaped yet, and tasks already in the kernel's
   * exit path); undefined when the OS does not tell cheaply. Under the reaper
   * wrapper such a child is an exit the wrapper is about to record.
   */
  childrenOf?(pid: number): { live: number; exiting: number } | undefined;
}
