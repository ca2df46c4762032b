// How a service's story ended is decided in one place, from the store
// (report/service-end.ts); the summary, post's annotations and its log policy
// only word it. These pin the decisions on records shaped as start and stop
// leave them.
import { describe, expect, it } from 'vitest';
import { exitOf, isTrouble, serviceEnd } from '../../src/report/service-end.js';
import type { ServiceRecord, StartResult, StopOutcome } from '../../src/state/index.js';
import { serviceRecord, T0 } from '../helpers/records.js';

const stoppedBySignal: StopOutcome = { kind: 'stopped', signal: 'SIGTERM', ms: 12 };
const record = (fields: Partial<ServiceRecord> = {}) => serviceRecord({ probes: ['tcp:127.0.0.1:5432'], ...fields });

const failedStart = (failed: string[]): { startResult: StartResult } => ({ startResult: { outcome: 'failed', failed, at: T0 + 300 } });

describe('serviceEnd', () => {
  it('names the culprit of a failed start, with its exit code and when it exited', () => {
    const api = record({ name: 'api', startFailure: { reason: 'exited', at: T0 + 233, exit: { code: 3, signal: null } }, stopOutcome: { kind: 'exited', code: 3, signal: null, atMs: T0 + 233, afterStartMs: 233, daemonized: false } });
    const end = serviceEnd(api, failedStart(['api']));
    expect(end).toEqual({ kind: 'start-failed', reason: 'exited', exit: { code: 3, signal: null }, at: T0 + 233 });
    expect(isTrouble(end)).toBe(true);
    expect(exitOf(end)).toEqual({ at: T0 + 233, code: 3, signal: null });
  });

  it('says an innocent service that was never ready was stopped because the culprit failed, and does not mark it', () => {
    const end = serviceEnd(record({ name: 'slow', stopOutcome: stoppedBySignal }), failedStart(['api']));
    expect(end).toEqual({ kind: 'start-abandoned', because: { failed: ['api'] }, stop: stoppedBySignal });
    expect(isTrouble(end)).toBe(false);
    expect(exitOf(end)).toBeUndefined();
  });

  it('says why a ready service was stopped when the start failed or was cancelled', () => {
    const ready = record({ readyAt: T0 + 50, stopOutcome: stoppedBySignal });
    expect(serviceEnd(ready, failedStart(['api', 'db']))).toEqual({ kind: 'stopped', outcome: stoppedBySignal, because: { failed: ['api', 'db'] } });
    expect(serviceEnd(ready, { startResult: { outcome: 'cancelled', failed: [], at: T0 } })).toEqual({ kind: 'stopped', outcome: stoppedBySignal, because: 'cancelled' });
    expect(serviceEnd(ready, { startResult: { outcome: 'ready', failed: [], at: T0 } })).toEqual({ kind: 'stopped', outcome: stoppedBySignal });
  });

  it('says the main step ended first when the start recorded no result (killed outright)', () => {
    expect(serviceEnd(record({ stopOutcome: stoppedBySignal }), {})).toMatchObject({ kind: 'start-abandoned', because: 'interrupted' });
  });

  it('tells a crash during the job from a clean exit and from a daemon that went away', () => {
    const ready = { readyAt: T0 + 50 };
    const crash = serviceEnd(record({ ...ready, stopOutcome: { kind: 'exited', code: 1, signal: null, atMs: T0 + 900, afterStartMs: 900, daemonized: false } }), {});
    expect(crash).toEqual({ kind: 'exited', code: 1, signal: null, at: T0 + 900, afterStartMs: 900 });
    expect(isTrouble(crash)).toBe(true);
    const clean = serviceEnd(record({ ...ready, stopOutcome: { kind: 'exited', code: 0, signal: null, atMs: T0 + 900, afterStartMs: 900, daemonized: false } }), {});
    expect(isTrouble(clean)).toBe(false);
    const gone = serviceEnd(record({ ...ready, stopOutcome: { kind: 'exited', code: 0, signal: null, atMs: T0 + 20, afterStartMs: 20, daemonized: true } }), {});
    expect(gone).toEqual({ kind: 'daemon-gone' });
    expect(isTrouble(gone)).toBe(true);
  });

  it('marks a stop that left something running, and a stop command that failed', () => {
    const ready = { readyAt: T0 + 50 };
    const left = serviceEnd(record({ ...ready, stopOutcome: { kind: 'still-listening', targets: [{ target: 'tcp:127.0.0.1:5432', holders: [] }] } }), {});
    expect(left.kind).toBe('left-running');
    expect(isTrouble(left)).toBe(true);
    const command = serviceEnd(record({ ...ready, stopOutcome: { kind: 'stop-command-failed', code: 1, timedOut: false } }), {});
    expect(command.kind).toBe('stopped');
    expect(isTrouble(command)).toBe(true);
  });

  it('calls a task that exited 0 done, unmarked, with its exit as the timeline mark, whatever the stop found', () => {
    const task = record({ task: true, readyAt: T0 + 534, stopOutcome: { kind: 'exited', code: 0, signal: null, atMs: T0 + 534, afterStartMs: 534, daemonized: false } });
    const end = serviceEnd(task, { startResult: { outcome: 'ready', failed: [], at: T0 + 900 } });
    expect(end).toEqual({ kind: 'task-done', at: T0 + 534, afterStartMs: 534 });
    expect(isTrouble(end)).toBe(false);
    expect(exitOf(end)).toEqual({ at: T0 + 534, code: 0, signal: null });
    // Before any stop, too: a task is done once it exited 0.
    expect(serviceEnd(record({ task: true, readyAt: T0 + 534 }), {}).kind).toBe('task-done');
  });

  it('is running until a stop records how it ended', () => {
    expect(serviceEnd(record({ readyAt: T0 + 50 }), { startResult: { outcome: 'ready', failed: [], at: T0 } })).toEqual({ kind: 'running' });
  });
});
