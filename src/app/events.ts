// The core never prints: it emits these, and each edge (terminal, GitHub,
// GitLab) renders them its own way. A closed union keeps the edges exhaustive.

export interface Holder {
  pid: number;
  command: string;
}

export type StopOutcome =
  | { kind: 'stopped'; signal: string; ms: number }
  | { kind: 'killed'; afterMs: number }
  | {
      kind: 'exited';
      code: number | null;
      signal: string | null;
      afterStartMs: number;
      atMs: number;
      /** Its command exited 0 before ready to daemonize, and the daemon was gone by stop. */
      daemonized: boolean;
    }
  | { kind: 'not-running' }
  | { kind: 'survivors'; processes: Holder[] };

export type BgsvcEvent =
  | { type: 'config'; source: string; services: string[] }
  | { type: 'started'; service: string; pid: number; command: string; logFile: string }
  | { type: 'probe-passed'; service: string; probe: string; ms: number }
  | { type: 'waiting'; service: string; pending: Array<{ probe: string; lastError?: string }>; ms: number; timeoutMs: number }
  | { type: 'ready'; service: string; ms: number; probes: string[] }
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
