// The core never prints: it emits these, and each edge (terminal, GitHub,
// GitLab) renders them its own way. A closed union keeps the edges exhaustive.

export type { Holder, ServiceCost, StopOutcome } from '../state/outcomes.js';
export { leftRunning } from '../state/outcomes.js';
import type { Holder, ServiceCost, StartFailureReason, StopOutcome } from '../state/outcomes.js';

export type BgsvcEvent =
  | { type: 'config'; source: string; services: string[] }
  | { type: 'started'; service: string; pid: number; command: string; logFile: string; port?: number }
  /** Its chosen port was taken before it could bind it (`port: auto`): it is launched again on another. */
  | { type: 'port-retry'; service: string; port: number }
  | { type: 'probe-passed'; service: string; probe: string; ms: number }
  | { type: 'waiting'; service: string; pending: Array<{ probe: string; lastError?: string }>; ms: number; timeoutMs: number }
  | {
      type: 'ready';
      service: string;
      ms: number;
      probes: string[];
      /** A service without probes: the settle time it outlived. */
      settledMs?: number;
      /** A task (`ready: exit`): it exited 0, `ms` after it started. */
      task?: true;
    }
  | {
      type: 'failed';
      service: string;
      reason: StartFailureReason;
      message: string;
      logFile?: string;
      logTail: string[];
    }
  | { type: 'stopping'; service: string }
  | { type: 'stop-command'; service: string; command: string; code: number | null; timedOut: boolean; ms: number }
  /** `task`: a one-shot (`ready: exit`), which had finished; it is reported, not stopped. */
  /** `cost`: what its processes cost, when anything could be measured. */
  | { type: 'stopped'; service: string; outcome: StopOutcome; logFile: string; logTail?: string[]; task?: true; cost?: ServiceCost }
  | { type: 'leaked'; processes: Holder[]; killed: boolean }
  /** `run`: the wrapped command ended; the services are stopped next. */
  | { type: 'command-exited'; code: number }
  /** `run`: the command could not be started at all (not found, not executable); it counts as exit 127. */
  | { type: 'command-not-run'; command: string; problem: string }
  /**
   * `run`: a ready service's command ended on its own while the command ran, so
   * it no longer serves. Said the moment it is noticed, not when the command ends.
   * `failFast`: `run --fail-fast` stops the command next.
   */
  | {
      type: 'service-died';
      service: string;
      code: number | null;
      signal: string | null;
      /** Epoch ms of its exit (the wrapper's exit file). */
      at: number;
      afterStartMs: number;
      /** How far into the command it died (0 if just before the command began). */
      intoCommandMs: number;
      logFile: string;
      logTail: string[];
      failFast: boolean;
    }
  /** `run --fail-fast`: `signal` goes to the command's whole process tree, SIGKILL after `graceMs`. */
  | { type: 'command-stopping'; because: string; signal: NodeJS.Signals; graceMs: number }
  /**
   * `run --fail-fast`: the command's tree is gone (`survivors` 0) or is not;
   * `killed` when something of it outlived the grace and got SIGKILL.
   */
  | { type: 'command-stopped'; code: number; ms: number; killed: boolean; survivors: Holder[] }
  /** The start gave up (a service failed, or a cancel) and stops what it started. */
  | { type: 'start-abandoned'; cancelled: boolean; failed: string[] }
  /** The state or log dir cannot be used; nothing was started. */
  | { type: 'log-dir-unusable'; path: string; problem: LogDirProblem }
  /** A command exited 0 before its service was ready; `left` processes of it run on (it daemonized). */
  | { type: 'daemonized'; service: string; left: number; waitingForProbes: boolean }
  /** Processes holding the service's probed ports without its cookie, recorded so stop still finds them. */
  | { type: 'adopted'; service: string; holders: Holder[] }
  /** An earlier start in the same state dir left these services running; they are stopped first. */
  | { type: 'earlier-run-left'; startedAt: number; services: string[]; stateDir: string }
  /** The state file is unreadable or not bgsvc's; `sweep`: its processes are still stopped by the id found in it. */
  | { type: 'state-unusable'; path: string; problem: string; recovery: 'replace' | 'sweep' | 'none'; id?: string }
  /** Another bgsvc holds the state lock (it is starting or stopping these services); this one waits. */
  | { type: 'waiting-for-lock'; pid: number }
  | { type: 'nothing-to-stop'; reason: 'no-state-file' | 'all-stopped'; path: string }
  /** The state file's pid for a service is someone else's process now; it is not signalled. */
  | { type: 'pid-not-ours'; service: string; pid: number; why: 'reused' | 'no-cookie'; stoppingOthers: boolean };

export type LogDirProblem =
  | { kind: 'cannot-create'; message: string }
  | { kind: 'not-writable'; code: string }
  | { kind: 'low-space'; freeKiB: number };

export type Emit = (event: BgsvcEvent) => void;
