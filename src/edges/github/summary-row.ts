// One service in the job summary: what the table and the timeline draw.
import type { ServiceCost } from '../../state/outcomes.js';

export interface ServiceRow {
  name: string;
  command: string;
  /** Epoch ms. */
  startedAt: number;
  readyAt?: number;
  /** When post began stopping it; absent when it was gone or stopped by main. */
  stoppingAt?: number;
  /** When it ended: exited on its own, or stopped. */
  endedAt: number;
  /** How it ended, in words: "stopped (SIGTERM)", "exited 1 during the job", "killed after grace"… */
  ended: string;
  /** It failed, crashed or could not be stopped. */
  trouble: boolean;
  logBytes: number;
  /** What its readiness waited on, as written (`tcp:127.0.0.1:5432`); empty for none. */
  probes: string[];
  /**
   * It exited on its own (a crash, an exit before ready, a one-shot's exit):
   * when (epoch ms) and how. Absent when bgsvc stopped it, or when it is not known.
   */
  exited?: { at: number; code: number | null; signal: string | null };
  /** The stop could not verify it gone (processes or a port left): the timeline says so. */
  stopFailed?: boolean;
  /** What its processes cost, as its stop measured it; absent when nothing could be read. */
  cost?: ServiceCost;
}
