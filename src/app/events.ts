// The core never prints: it emits these, and each edge (terminal, GitHub,
// GitLab) renders them its own way. A closed union keeps the edges exhaustive.

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

/** The stop left something of the service running (processes it saw, or a port still open). */
export function leftRunning(outcome: StopOutcome): boolean {
  return outcome.kind === 'survivors' || outcome.kind === 'still-listening';
}

export type BgsvcEvent =
  | { type: 'config'; source: string; services: string[] }
  | { type: 'started'; service: string; pid: number; command: string; logFile: string }
  | { type: 'probe-passed'; service: string; probe: string; ms: number }
  | { type: 'waiting'; service: string; pending: Array<{ probe: string; lastError?: string }>; ms: number; timeoutMs: number }
  | {
      type: 'ready';
      service: string;
      ms: number;
      probes: string[];
      /** A service without probes: the settle time it outlived. */
      settledMs?: number;
    }
  | {
      type: 'failed';
      service: string;
      reason: 'exited' | 'timeout' | 'port-taken' | 'launch' | 'needs-failed';
      message: string;
      logFile?: string;
      logTail: string[];
    }
  | { type: 'stopping'; service: string }
  | { type: 'stop-command'; service: string; command: string; code: number | null; timedOut: boolean; ms: number }
  | { type: 'stopped'; service: string; outcome: StopOutcome; logFile: string; logTail?: string[] }
  | { type: 'leaked'; processes: Holder[]; killed: boolean }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string };

export type Emit = (event: BgsvcEvent) => void;
