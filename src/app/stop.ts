import { closeSync, existsSync } from 'node:fs';
import {
  currentPlatform,
  openLogForAppend,
  readExitFile,
  runCommand,
  snapshotPerTurn,
  stopProcessTree,
  sweepByCookie,
  type ExitRecord,
  type ProcessPlatform,
  type ProcessSnapshot,
} from '../process/index.js';
import { assertSafeLocation, batchedStateWriter, readState, withStateLock, writeState, type ServiceRecord, type StateFile, type StateLocation } from '../state/index.js';
import { readLogTail } from '../report/log-tail.js';
import { verifiedAdopted } from './adopt.js';
import { UsageError } from './errors.js';
import type { Emit, StopOutcome } from './events.js';

export interface StopReport {
  outcomes: Map<string, StopOutcome>;
  /** Something of ours could not be killed: the only stop problem that fails a job. */
  survivors: boolean;
  /** A service exited on its own with a non-zero code or a signal during the job. */
  crashed: string[];
  nothingToDo: boolean;
}

export interface StopOptions {
  emit: Emit;
  /** Only these services; all when absent. */
  names?: string[];
  platform?: ProcessPlatform;
}

const LOG_TAIL_LINES = 20;
/** A concurrent stop may wait out every grace period of the other; beyond this, something is wrong. */
const LOCK_TIMEOUT_MS = 5 * 60_000;

// stop: read what start recorded and stop it. Idempotent: a second run, or a
// state whose processes are gone, is a clean no-op.
export async function stopFromState(location: StateLocation, options: StopOptions): Promise<StopReport> {
  const platform = options.platform ?? currentPlatform();
  assertSafeLocation(location, { create: false });
  if (!existsSync(location.stateDir)) return stopLocked(location, options, platform);
  return withStateLock(
    {
      stateDir: location.stateDir,
      self: { pid: process.pid, startTime: platform.startTimeOf(process.pid) ?? '' },
      isAlive: (holder) => platform.isAlive(holder.pid, holder.startTime || undefined),
      timeoutMs: LOCK_TIMEOUT_MS,
      onWait: (holder) =>
        options.emit({ type: 'notice', level: 'info', message: `waiting for bgsvc pid ${holder.pid}, which is stopping these services` }),
    },
    () => stopLocked(location, options, platform),
  );
}

async function stopLocked(location: StateLocation, options: StopOptions, platform: ProcessPlatform): Promise<StopReport> {
  const read = readState(location.stateDir);
  if (read.kind === 'missing') {
    options.emit({ type: 'notice', level: 'info', message: `nothing to stop: no state file at ${read.path}` });
    return emptyReport();
  }
  if (read.kind === 'invalid') {
    const recovery = read.id
      ? `stopping every process that carries its BGSVC_ID=${read.id}`
      : 'no BGSVC_ID could be recovered from it, so no process can be proven ours; nothing was signalled';
    options.emit({ type: 'notice', level: 'warning', message: `cannot use ${read.path}: ${read.problem}; ${recovery}` });
    if (read.id) await sweepLeaked(read.id, options.emit, platform);
    return emptyReport();
  }
  return stopRecordedServices(read.state, { ...options, platform });
}

export async function stopRecordedServices(state: StateFile, options: StopOptions): Promise<StopReport> {
  const { emit } = options;
  const platform = options.platform ?? currentPlatform();
  const chosen = chooseServices(state, options.names);
  const pending = chosen.filter((record) => record.stoppedAt === undefined);
  const report: StopReport = { outcomes: new Map(), survivors: false, crashed: [], nothingToDo: pending.length === 0 };

  // Services whose dependents are done stop side by side, from one table read.
  const sharedSnapshot = snapshotPerTurn(platform);
  const persist = batchedStateWriter(state);
  // Reverse dependency order: a service stops only after everything that needs it.
  const done = new Map<string, Promise<void>>();
  const stopAfterDependents = (record: ServiceRecord): Promise<void> => {
    let promise = done.get(record.name);
    if (!promise) {
      const dependents = pending.filter((other) => other.needs.includes(record.name));
      promise = Promise.all(dependents.map(stopAfterDependents)).then(async () => {
        const outcome = await stopOneService(state, record, emit, platform, sharedSnapshot);
        report.outcomes.set(record.name, outcome);
        if (outcome.kind === 'survivors') report.survivors = true;
        if (outcome.kind === 'exited' && (outcome.code !== 0 || outcome.signal || outcome.daemonized)) report.crashed.push(record.name);
        record.stoppedAt = Date.now();
        record.stopResult = describeOutcome(outcome);
        await persist();
      });
      done.set(record.name, promise);
    }
    return promise;
  };
  await Promise.all(pending.map(stopAfterDependents));

  if (state.services.every((record) => record.stoppedAt !== undefined)) {
    const leaked = await sweepLeaked(state.id, emit, platform);
    if (leaked) report.nothingToDo = false;
    if (state.stoppedAt === undefined) {
      state.stoppedAt = Date.now();
      writeState(state);
    }
  }
  if (report.nothingToDo) {
    emit({ type: 'notice', level: 'info', message: `nothing to stop: every service in ${state.stateDir} is already stopped` });
  }
  return report;
}

function chooseServices(state: StateFile, names: string[] | undefined): ServiceRecord[] {
  if (!names || names.length === 0) return state.services;
  return names.map((name) => {
    const record = state.services.find((service) => service.name === name);
    if (!record) {
      const known = state.services.map((service) => service.name).join(', ') || 'none';
      throw new UsageError(`no service named "${name}" was started from ${state.stateDir} (started: ${known})`);
    }
    return record;
  });
}

async function stopOneService(
  state: StateFile,
  record: ServiceRecord,
  emit: Emit,
  platform: ProcessPlatform,
  sharedSnapshot: () => ProcessSnapshot,
): Promise<StopOutcome> {
  const cookie = { BGSVC_ID: state.id, BGSVC_SERVICE: record.name };
  const exit = readExitFile(record.exitFile);
  // The state file names the pid, but only the cookie proves it ours: an edited or
  // stale file must not aim the stop at a stranger (pid 1, another user's process).
  const leaderIsOurs = platform.isAlive(record.pid, record.startTime || undefined) && platform.hasEnv(record.pid, cookie);
  if (!leaderIsOurs && platform.isAlive(record.pid)) warnNotOurs(record, emit, platform);
  const adopted = verifiedAdopted(record, platform);
  // Only a service whose wrapper is gone (it daemonized) needs a search of the
  // whole table here; services stopped side by side search the same one.
  const alive = leaderIsOurs || adopted.length > 0 || carriesCookie(sharedSnapshot(), cookie);
  if (!alive) {
    const outcome: StopOutcome = exit ? exitedOutcome(record, exit) : { kind: 'not-running' };
    emit({ type: 'stopped', service: record.name, outcome, logFile: record.logFile, logTail: readLogTail(record.logFile, LOG_TAIL_LINES) });
    return outcome;
  }

  emit({ type: 'stopping', service: record.name });
  const started = performance.now();
  if (record.stop) await runStopCommand(record, emit);
  const tree = leaderIsOurs
    ? await stopProcessTree({
        pid: record.pid,
        startTime: record.startTime,
        cookie,
        adopted,
        signal: record.stopSignal,
        graceMs: record.stopTimeoutMs,
        platform,
        sharedSnapshot,
      })
    : await sweepByCookie({ cookie, adopted, signal: record.stopSignal, graceMs: record.stopTimeoutMs, platform, sharedSnapshot });
  const ms = Math.round(performance.now() - started);
  let outcome: StopOutcome;
  if (tree.survivors.length > 0) {
    outcome = { kind: 'survivors', processes: tree.survivors.map(({ pid, command }) => ({ pid, command })) };
  } else if (tree.escalated) {
    outcome = { kind: 'killed', afterMs: ms };
  } else if (exit && exit.code !== 0) {
    // Its main process had died on its own; what it left behind was cleaned up.
    outcome = exitedOutcome(record, exit);
  } else {
    outcome = { kind: 'stopped', signal: record.stop ? 'stop command' : record.stopSignal, ms };
  }
  emit({ type: 'stopped', service: record.name, outcome, logFile: record.logFile, logTail: readLogTail(record.logFile, LOG_TAIL_LINES) });
  return outcome;
}

function carriesCookie(snapshot: ProcessSnapshot, cookie: Record<string, string>): boolean {
  for (const info of snapshot.processes.values()) {
    if (!info.zombie && snapshot.envMatches(info.pid, cookie)) return true;
  }
  return false;
}

// A live pid that fails the identity check is someone else's now: say so, so an
// edited state file or a reused pid is visible, and leave it alone.
function warnNotOurs(record: ServiceRecord, emit: Emit, platform: ProcessPlatform): void {
  const reason =
    record.startTime !== '' && platform.startTimeOf(record.pid) !== record.startTime
      ? 'its start time differs, so the pid was reused'
      : "it does not carry this run's BGSVC_ID";
  emit({
    type: 'notice',
    level: 'warning',
    message: `${record.name}: pid ${record.pid} in the state file is not ours (${reason}); not signalled`,
  });
}

// The user's graceful stop command runs with the service's own env and cwd,
// its output appended to the service log, under the stop-timeout deadline.
async function runStopCommand(record: ServiceRecord, emit: Emit): Promise<void> {
  let fd: number | undefined;
  try {
    fd = openLogForAppend(record.logFile);
  } catch {
    fd = undefined;
  }
  try {
    const result = await runCommand({
      shell: record.shell,
      command: record.stop!,
      cwd: record.cwd,
      env: { ...process.env, ...record.env, BGSVC_SERVICE: record.name },
      timeoutMs: Math.max(record.stopTimeoutMs, 1000),
      outputFd: fd,
    });
    emit({ type: 'stop-command', service: record.name, command: record.stop!, code: result.code, timedOut: result.timedOut, ms: result.ms });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// Whatever still carries this start's cookie escaped every tree: kill it.
async function sweepLeaked(id: string, emit: Emit, platform: ProcessPlatform): Promise<boolean> {
  const result = await sweepByCookie({ cookie: { BGSVC_ID: id }, signal: 'SIGKILL', graceMs: 0, platform });
  if (result.found === 0) return false;
  const processes = [...result.survivors];
  emit({
    type: 'leaked',
    processes: processes.map(({ pid, command }) => ({ pid, command })),
    killed: result.survivors.length === 0,
  });
  return true;
}

export function describeOutcome(outcome: StopOutcome): string {
  switch (outcome.kind) {
    case 'stopped':
      return `stopped (${outcome.signal})`;
    case 'killed':
      return 'killed after grace';
    case 'exited':
      return outcome.signal ? `exited (${outcome.signal})` : `exited ${outcome.code}`;
    case 'not-running':
      return 'not running';
    case 'survivors':
      return `could not stop ${outcome.processes.length} process(es)`;
  }
}

function exitedOutcome(record: ServiceRecord, exit: ExitRecord): StopOutcome {
  const daemonized = exit.code === 0 && record.readyAt !== undefined && exit.atMs <= record.readyAt;
  return { kind: 'exited', code: exit.code, signal: exit.signal, atMs: exit.atMs, afterStartMs: exit.atMs - record.startedAt, daemonized };
}

function emptyReport(): StopReport {
  return { outcomes: new Map(), survivors: false, crashed: [], nothingToDo: true };
}
