// The core never prints: it emits these, and each edge (terminal, GitHub,
// GitLab) renders them its own way. A closed union keeps the edges exhaustive.

export type { Holder, StopOutcome } from '../state/outcomes.js';
export { leftRunning } from '../state/outcomes.js';
import type { Holder, StartFailureReason, StopOutcome } from '../state/outcomes.js';

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
      reason: StartFailureReason;
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
