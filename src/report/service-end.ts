// How each service's story ended, decided once from the store (DESIGN §7:
// outcomes computed once). The job summary, post's annotations and its log
// policy all read this; they only choose words for it.
import { leftRunning, type StartFailure, type StartFailureReason, type StopOutcome } from '../state/outcomes.js';
import type { ServiceRecord, StateFile } from '../state/schema.js';

export type ServiceEnd =
  /** Its own start failed: it is a culprit of the failed start. */
  | { kind: 'start-failed'; reason: StartFailureReason; exit?: StartFailure['exit']; at: number }
  /** Never ready: the start ended before it was, because of others' failure or a cancel; then it was stopped. */
  | { kind: 'start-abandoned'; because: StartEndedBy; stop?: StopOutcome }
  /** Ready, then its command ended on its own during the job. */
  | { kind: 'exited'; code: number | null; signal: string | null; at: number; afterStartMs: number }
  /** Its command exited 0 to daemonize; the daemon was gone when the stop came. */
  | { kind: 'daemon-gone' }
  /** A one-shot task (`ready: exit`) that exited 0: done, nothing to stop. */
  | { kind: 'task-done'; at: number; afterStartMs: number }
  /** Ready, then stopped by bgsvc; `because` when the start's failure or cancel made main stop it. */
  | { kind: 'stopped'; outcome: StopOutcome; because?: StartEndedBy }
  /** The stop left something of it running. */
  | { kind: 'left-running'; outcome: StopOutcome }
  /** Not stopped yet. */
  | { kind: 'running' };

/** Why a start ended early: the services that failed, a cancel, or unknown (the start process was killed outright). */
export type StartEndedBy = { failed: string[] } | 'cancelled' | 'interrupted';

export function serviceEnd(record: ServiceRecord, state: Pick<StateFile, 'startResult'>): ServiceEnd {
  if (record.startFailure) {
    const { reason, exit, at } = record.startFailure;
    return exit ? { kind: 'start-failed', reason, exit, at } : { kind: 'start-failed', reason, at };
  }
  const outcome = record.stopOutcome;
  if (record.readyAt === undefined) {
    return outcome ? { kind: 'start-abandoned', because: startEndedBy(state), stop: outcome } : { kind: 'start-abandoned', because: startEndedBy(state) };
  }
  if (outcome !== undefined && leftRunning(outcome)) return { kind: 'left-running', outcome };
  if (record.task) return { kind: 'task-done', at: record.readyAt, afterStartMs: record.readyAt - record.startedAt };
  if (outcome === undefined) return { kind: 'running' };
  if (outcome.kind === 'exited') {
    if (outcome.daemonized) return { kind: 'daemon-gone' };
    return { kind: 'exited', code: outcome.code, signal: outcome.signal, at: outcome.atMs, afterStartMs: outcome.afterStartMs };
  }
  // Main stops everything when a start fails or is cancelled: say why, not just how.
  const result = state.startResult;
  if (result !== undefined && result.outcome !== 'ready') return { kind: 'stopped', outcome, because: startEndedBy(state) };
  return { kind: 'stopped', outcome };
}

function startEndedBy(state: Pick<StateFile, 'startResult'>): StartEndedBy {
  const result = state.startResult;
  if (result === undefined) return 'interrupted';
  if (result.failed.length > 0) return { failed: result.failed };
  return result.outcome === 'cancelled' ? 'cancelled' : 'interrupted';
}

/** Something went wrong with this service itself (not only near it): the summary marks it, post may fail or warn. */
export function isTrouble(end: ServiceEnd): boolean {
  switch (end.kind) {
    case 'start-failed':
    case 'left-running':
    case 'daemon-gone':
      return true;
    case 'exited':
      return end.code !== 0 || end.signal !== null;
    case 'stopped':
      return end.outcome.kind === 'stop-command-failed';
    case 'start-abandoned':
    case 'task-done':
    case 'running':
      return false;
  }
}

/** The moment it ended on its own, when it did: where the timeline puts its exit mark. */
export function exitOf(end: ServiceEnd): { at: number; code: number | null; signal: string | null } | undefined {
  if (end.kind === 'exited') return { at: end.at, code: end.code, signal: end.signal };
  if (end.kind === 'task-done') return { at: end.at, code: 0, signal: null };
  if (end.kind === 'start-failed' && end.exit) return { at: end.at, code: end.exit.code, signal: end.exit.signal };
  return undefined;
}
