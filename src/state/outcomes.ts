// How a service's start failed and how its stop ended: data the store keeps,
// so every edge and every later command reads the same answer (DESIGN §7).
// Words are the edges' business; these are facts.

export interface Holder {
  pid: number;
  command: string;
  /** It refused bgsvc's signal (EPERM): root's through sudo, or another user's. */
  denied?: boolean;
}

export type StopOutcome =
  | { kind: 'stopped'; signal: string; ms: number }
  | { kind: 'killed'; afterMs: number; graceMs: number }
  | {
      kind: 'exited';
      code: number | null;
      signal: string | null;
      afterStartMs: number;
      atMs: number;
      /** Its command exited 0 before ready to daemonize, and the daemon was gone by stop. */
      daemonized: boolean;
    }
  /** Nothing of it was running; an earlier stop that was cut short may have stopped it. */
  | { kind: 'not-running'; interruptedStopAt?: number }
  | { kind: 'survivors'; processes: Holder[] }
  /**
   * A port or socket its probes found listening at ready is still open after
   * the stop; `holders` are the processes this user can see holding it (none:
   * root's through sudo, another user's, or a non-dumpable process).
   */
  | { kind: 'still-listening'; targets: Array<{ target: string; holders: Holder[] }> }
  /** Its stop command failed and none of its processes is visible: bgsvc cannot say it stopped. */
  | { kind: 'stop-command-failed'; code: number | null; timedOut: boolean };

/**
 * What the service's processes cost, measured once at stop (see
 * process/service-cost.ts). `complete`: the whole tree, exited processes
 * included; otherwise both numbers are lower bounds. null: the OS did not tell.
 */
export interface ServiceCost {
  /** The largest peak resident set of any one of its processes (not a sum). */
  peakMemoryBytes: number | null;
  /** User + system CPU time of all its processes. */
  cpuMs: number | null;
  complete: boolean;
}

/** The stop left something of the service running (processes it saw, or a port still open). */
export function leftRunning(outcome: StopOutcome): boolean {
  return outcome.kind === 'survivors' || outcome.kind === 'still-listening';
}

/** Why a start gave up on a service. `needs-failed`: something it needs failed first. */
export type StartFailureReason = 'exited' | 'timeout' | 'port-taken' | 'launch' | 'needs-failed';

export interface StartFailure {
  reason: StartFailureReason;
  /** Epoch ms: when its command exited (`exited`), else when the start gave up on it. */
  at: number;
  /** For `exited`: how its command ended, before it was ready. */
  exit?: { code: number | null; signal: string | null };
}

/** How a start ended, for everything that reads the state later (post, status, the summary). */
export interface StartResult {
  outcome: 'ready' | 'failed' | 'cancelled';
  /** The services whose own start failed (the culprits), in the order they failed. */
  failed: string[];
  /** Epoch ms. */
  at: number;
}
