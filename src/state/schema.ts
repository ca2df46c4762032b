// The state file is the only link between `start` and a later `stop` (another
// process, often another shell or job step), so it holds everything stop needs.

import type { ServiceCost, StartFailure, StartResult, StopOutcome } from './outcomes.js';

export const STATE_SCHEMA = 'bgsvc-state';
export const STATE_VERSION = 1;

/** A port holder recorded at ready; trusted at stop only while it still holds that target. */
export interface AdoptedRecord {
  pid: number;
  startTime: string;
  command: string;
  /** The probed TCP port it listened on, or the Unix socket path. */
  port?: number;
  socket?: string;
}

/** A loopback port or Unix socket the service's probes found listening at ready. */
export type ListenRecord = { kind: 'tcp'; host: string; port: number } | { kind: 'socket'; path: string };

export interface ServiceRecord {
  name: string;
  command: string;
  shell: string;
  cwd: string;
  /** The service's own `env:` entries, needed to run its `stop:` command the same way. */
  env: Record<string, string>;
  needs: string[];
  stop: string | undefined;
  stopSignal: NodeJS.Signals;
  stopTimeoutMs: number;
  probes: string[];
  /** The port it was given as $PORT (`port: auto` chose it, or `port: N` pinned it). */
  port?: number;
  /** Its `export:` values, expanded once it was ready: `bgsvc env`, GITHUB_ENV and `run`'s command get them. */
  exports?: Record<string, string>;
  /** The wrapper: session and process-group leader of the service. */
  pid: number;
  /** Identity of `pid`, so a reused pid is never mistaken for ours. */
  startTime: string;
  logFile: string;
  exitFile: string;
  /** Epoch ms. */
  startedAt: number;
  /** For a task (`ready: exit`): when its command exited 0. */
  readyAt?: number;
  /** A one-shot task (`ready: exit`): once it exited 0 there is nothing to stop. */
  task?: true;
  /**
   * Processes holding the service's probed ports that do not carry the cookie
   * (redis-server --daemonize rewrites its environment): stopped by identity.
   */
  adopted?: AdoptedRecord[];
  /** Checked closed after the stop: one still open is a leak even when its holder is invisible. */
  listeners?: ListenRecord[];
  /** Its command exited 0 before ready and left processes running (or a port holder): it daemonized. */
  daemonized?: boolean;
  /** Set when bgsvc began stopping it, so a stop cut short is not mistaken for a death during the job. */
  stoppingAt?: number;
  /** Set once it was verified stopped; a stop that left something running leaves it unset. */
  stoppedAt?: number;
  /** How the last stop ended, as shown by `status` and reports. */
  stopOutcome?: StopOutcome;
  /** What its processes cost, as measured by the last stop; absent before (and in state files older than this field). */
  cost?: ServiceCost;
  /** Why its start failed: it is the culprit of a failed start (absent for services stopped because of another). */
  startFailure?: StartFailure;
  /** The last stop could not stop everything (processes or listeners left): stop again, or by hand. */
  stopFailed?: boolean;
}

export interface StateFile {
  schema: typeof STATE_SCHEMA;
  version: typeof STATE_VERSION;
  /** BGSVC_ID: the cookie every process of this start carries in its environment. */
  id: string;
  createdAt: number;
  stateDir: string;
  logDir: string;
  /** False until `start` has finished; a crashed start leaves it false. */
  complete: boolean;
  /** How the start ended; absent while it runs, or when it was killed outright. */
  startResult?: StartResult;
  /** Set once every service has been stopped. */
  stoppedAt?: number;
  services: ServiceRecord[];
}
