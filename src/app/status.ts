import { costFileFor, costSoFar, isServiceAlive, measureServiceCost, readExitFile, type ProcessPlatform, type ProcessSnapshot } from '../process/index.js';
import { assertSafeLocation, readState, type ServiceCost, type StateLocation } from '../state/index.js';
import { logSize } from '../report/log-tail.js';
import { describeStopOutcome } from '../report/stop-outcome.js';
import { processesOf } from './service-ref.js';

/** `stop-failed`: the last stop left something of it running (see stopResult). `done`: a task (`ready: exit`) that exited 0. */
export type ServiceState = 'starting' | 'running' | 'exited' | 'stopped' | 'stop-failed' | 'done';

export interface ServiceStatus {
  name: string;
  pid: number;
  /** Its $PORT (port: auto or port: N). */
  port?: number;
  state: ServiceState;
  /** A one-shot task (`ready: exit`). */
  task?: true;
  exitCode?: number | null;
  exitSignal?: string | null;
  /** How the stop ended, once stopped. */
  stopResult?: string;
  startedAt: number;
  uptimeMs: number;
  readyMs?: number;
  logFile: string;
  logBytes: number;
  /**
   * What its processes cost: as its stop measured it, as its wrapper counted
   * it once everything ended, or so far while it runs (a lower bound).
   * Absent when nothing could be read.
   */
  cost?: ServiceCost;
}

export type StatusReport =
  | { kind: 'none'; stateFile: string }
  | { kind: 'invalid'; stateFile: string; problem: string }
  | { kind: 'ok'; stateFile: string; id: string; services: ServiceStatus[] };

// status: what each recorded service is doing now, from the state file plus a
// look at the live process table (the state file alone cannot know).
export function readStatus(location: StateLocation, platform: ProcessPlatform): StatusReport {
  assertSafeLocation(location, { create: false });
  const read = readState(location.stateDir);
  if (read.kind === 'missing') return { kind: 'none', stateFile: read.path };
  if (read.kind === 'invalid') return { kind: 'invalid', stateFile: read.path, problem: read.problem };
  const now = Date.now();
  let snapshot: ProcessSnapshot | undefined;
  const services = read.state.services.map((record): ServiceStatus => {
    const exit = readExitFile(record.exitFile);
    const service = processesOf(record, read.state.id);
    const alive = isServiceAlive(service, platform);
    const state: ServiceState =
      record.task && record.readyAt !== undefined && !record.stopFailed
        ? 'done'
        : record.stoppedAt !== undefined
        ? 'stopped'
        : record.stopFailed
          ? 'stop-failed'
          : alive
            ? record.readyAt
              ? 'running'
              : 'starting'
            : exit
              ? 'exited'
              : 'stopped';
    // Recorded by its stop; else its wrapper's count once all ended; else a reading so far.
    const cost =
      record.cost ??
      measureServiceCost({ costFile: costFileFor(record.exitFile) }) ??
      (alive ? costSoFar(service, platform, (snapshot ??= platform.snapshot())) : undefined);
    const endedAt = state === 'done' ? record.readyAt! : record.stoppedAt ?? (alive ? now : exit?.atMs ?? now);
    return {
      name: record.name,
      pid: record.pid,
      ...(record.port === undefined ? {} : { port: record.port }),
      state,
      ...(record.task ? { task: true as const } : {}),
      exitCode: exit?.code,
      exitSignal: exit?.signal,
      stopResult: record.stopOutcome === undefined ? undefined : describeStopOutcome(record.stopOutcome),
      startedAt: record.startedAt,
      uptimeMs: Math.max(0, endedAt - record.startedAt),
      readyMs: record.readyAt === undefined ? undefined : record.readyAt - record.startedAt,
      logFile: record.logFile,
      logBytes: logSize(record.logFile),
      ...(cost && { cost }),
    };
  });
  return { kind: 'ok', stateFile: read.path, id: read.state.id, services };
}
