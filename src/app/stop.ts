import { closeSync, existsSync } from 'node:fs';
import {
  carriesCookie,
  leaderIdentity,
  openLogForAppend,
  readExitFile,
  runCommand,
  snapshotPerTurn,
  stopProcessTree,
  sweepByCookie,
  verifiedAdopted,
  type ExitRecord,
  type ProcessPlatform,
  type ProcessSnapshot,
  type StopTreeResult,
} from '../process/index.js';
import { describeListenTarget, waitUntilClosed, type ListenTarget } from '../probes/index.js';
import { assertSafeLocation, batchedStateWriter, readState, withStateLock, writeState, type ServiceRecord, type StateFile, type StateLocation } from '../state/index.js';
import { readLogTail } from '../report/log-tail.js';
import { processesOf } from './service-ref.js';
import { UsageError } from './errors.js';
import type { Deps } from './deps.js';
import { leftRunning, type Emit, type Holder, type StopOutcome } from './events.js';

export interface StopReport {
  outcomes: Map<string, StopOutcome>;
  /** Something of ours could not be killed: the only stop problem that fails a job. */
  survivors: boolean;
  /** A service exited on its own with a non-zero code or a signal during the job. */
  crashed: string[];
  nothingToDo: boolean;
}

export interface StopOptions {
  /** Only these services; all when absent. */
  names?: string[];
  /** deps.env: what stop commands run on (the service's own env and BGSVC_* go on top). */
  deps: Deps;
}

const LOG_TAIL_LINES = 20;
/** A concurrent stop may wait out every grace period of the other; beyond this, something is wrong. */
const LOCK_TIMEOUT_MS = 5 * 60_000;

// stop: read what start recorded and stop it. Idempotent: a second run, or a
// state whose processes are gone, is a clean no-op.
export async function stopFromState(location: StateLocation, options: StopOptions): Promise<StopReport> {
  const { platform } = options.deps;
  assertSafeLocation(location, { create: false });
  if (!existsSync(location.stateDir)) return stopLocked(location, options);
  return withStateLock(
    {
      stateDir: location.stateDir,
      self: { pid: process.pid, startTime: platform.startTimeOf(process.pid) ?? '' },
      isAlive: (holder) => platform.isAlive(holder.pid, holder.startTime || undefined),
      timeoutMs: LOCK_TIMEOUT_MS,
      onWait: (holder) => options.deps.emit({ type: 'waiting-for-lock', pid: holder.pid }),
    },
    () => stopLocked(location, options),
  );
}

async function stopLocked(location: StateLocation, options: StopOptions): Promise<StopReport> {
  const { emit, platform } = options.deps;
  const read = readState(location.stateDir);
  if (read.kind === 'missing') {
    emit({ type: 'nothing-to-stop', reason: 'no-state-file', path: read.path });
    return emptyReport();
  }
  if (read.kind === 'invalid') {
    emit({
      type: 'state-unusable',
      path: read.path,
      problem: read.problem,
      ...(read.id ? { recovery: 'sweep', id: read.id } : { recovery: 'none' }),
    });
    if (read.id) await sweepLeaked(read.id, emit, platform);
    return emptyReport();
  }
  return stopRecordedServices(read.state, options);
}

export async function stopRecordedServices(state: StateFile, options: StopOptions): Promise<StopReport> {
  const { emit, platform, env: baseEnv } = options.deps;
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
        const outcome = await stopOneService(record, { state, emit, platform, sharedSnapshot, baseEnv, persist });
        report.outcomes.set(record.name, outcome);
        const notGone = leftRunning(outcome);
        if (notGone) report.survivors = true;
        if (outcome.kind === 'exited' && (outcome.code !== 0 || outcome.signal || outcome.daemonized)) report.crashed.push(record.name);
        // Something of it still runs: it is not stopped, and the next stop (or
        // the next start's leftover check) tries again and says so again.
        if (notGone) record.stopFailed = true;
        else record.stoppedAt = Date.now();
        record.stopOutcome = outcome;
        await persist();
      });
      done.set(record.name, promise);
    }
    return promise;
  };
  await Promise.all(pending.map(stopAfterDependents));

  // The run-wide sweep once every service has had its stop (not after `stop api`
  // alone, which must leave the others' processes be).
  if (state.services.every((record) => record.stoppedAt !== undefined || report.outcomes.has(record.name))) {
    const leaked = await sweepLeaked(state.id, emit, platform);
    if (leaked !== 'none') report.nothingToDo = false;
    if (leaked === 'survivors') report.survivors = true;
    if (state.stoppedAt === undefined && state.services.every((record) => record.stoppedAt !== undefined)) {
      state.stoppedAt = Date.now();
      writeState(state);
    }
  }
  if (report.nothingToDo) {
    emit({ type: 'nothing-to-stop', reason: 'all-stopped', path: state.stateDir });
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

interface ServiceStopContext {
  state: StateFile;
  emit: Emit;
  platform: ProcessPlatform;
  sharedSnapshot: () => ProcessSnapshot;
  baseEnv: NodeJS.ProcessEnv;
  persist: () => Promise<void>;
}

/**
 * After the stop, how long a probed port or socket may take to close: a stop
 * command such as `kill $(cat app.pid)` returns before its target has exited.
 */
const CLOSE_WAIT_MS = 2_000;

// One service, DESIGN §6: its stop command (always, when configured: it is how
// users stop what bgsvc cannot see), the signal to its tree and cookie, then
// the check that what its probes found listening is closed.
async function stopOneService(record: ServiceRecord, context: ServiceStopContext): Promise<StopOutcome> {
  const { state, emit, platform, sharedSnapshot } = context;
  const service = processesOf(record, state.id);
  const { cookie } = service;
  const exit = readExitFile(record.exitFile);
  // The state file names the pid, but only process/ decides it is ours: an edited
  // or stale file must not aim the stop at a stranger (pid 1, another user's process).
  const leader = leaderIdentity(service, platform);
  const leaderIsOurs = leader.kind === 'ours';
  const adopted = verifiedAdopted(service, platform);
  // Only a service whose wrapper is gone (it daemonized) needs a search of the
  // whole table here; services stopped side by side search the same one.
  const alive = leaderIsOurs || adopted.length > 0 || carriesCookie(sharedSnapshot(), cookie);
  if (leader.kind === 'stranger') {
    // Said, so an edited state file or a reused pid is visible; that pid is left alone.
    emit({ type: 'pid-not-ours', service: record.name, pid: record.pid, why: leader.why, stoppingOthers: alive });
  }
  const interruptedAt = record.stoppingAt;

  const started = performance.now();
  let command: StopCommandResult | undefined;
  let tree: StopTreeResult | undefined;
  if (alive || record.stop) {
    emit({ type: 'stopping', service: record.name });
    // On disk before any signal: a stop cut short (a second cancel signal)
    // must not read later as a service that died on its own.
    record.stoppingAt = Date.now();
    await context.persist();
    if (record.stop) command = await runStopCommand(record, context);
    if (alive) {
      const how = { cookie, adopted, signal: record.stopSignal, graceMs: record.stopTimeoutMs, platform, sharedSnapshot };
      tree = leaderIsOurs
        ? await stopProcessTree({ pid: record.pid, startTime: record.startTime, ...how })
        : await sweepByCookie(how);
    }
  }
  const ms = Math.round(performance.now() - started);
  let outcome = decideOutcome({ record, exit, tree, command, ms, interruptedAt });
  // Survivors are named already; otherwise an open port or socket is the one
  // sign of a holder bgsvc cannot see.
  const open = outcome.kind === 'survivors' ? [] : await waitUntilClosed(record.listeners ?? [], { timeoutMs: CLOSE_WAIT_MS });
  if (open.length > 0) {
    outcome = {
      kind: 'still-listening',
      targets: open.map((target) => ({ target: describeListenTarget(target), holders: listenersOf(target, platform) })),
    };
  }
  // A failed start already reported this exit, with its code and log tail: once is enough.
  const reportedByStart = record.startFailure?.reason === 'exited' && outcome.kind === 'exited';
  if (!reportedByStart) {
    emit({ type: 'stopped', service: record.name, outcome, logFile: record.logFile, logTail: readLogTail(record.logFile, LOG_TAIL_LINES) });
  }
  return outcome;
}

type StopCommandResult = { code: number | null; timedOut: boolean };

// How the stop ended, from what was done and found. Nothing is "stopped"
// unless bgsvc saw it go (or its own stop command said so).
function decideOutcome(found: {
  record: ServiceRecord;
  exit: ExitRecord | undefined;
  tree: StopTreeResult | undefined;
  command: StopCommandResult | undefined;
  ms: number;
  interruptedAt: number | undefined;
}): StopOutcome {
  const { record, exit, tree, command, ms } = found;
  if (tree && tree.survivors.length > 0) {
    const denied = new Set(tree.denied);
    const processes = tree.survivors.map(({ pid, command: text }) => ({ pid, command: text, ...(denied.has(pid) && { denied: true }) }));
    return { kind: 'survivors', processes };
  }
  if (tree?.escalated) return { kind: 'killed', afterMs: ms, graceMs: record.stopTimeoutMs };
  // Its main process had died on its own; what it left behind was cleaned up.
  if (exit && (exit.code !== 0 || exit.signal)) return exitedOutcome(record, exit);
  const commandFailed = command !== undefined && (command.timedOut || command.code !== 0);
  // Credit what stopped it: a stop command that left processes for the signal
  // did not stop them (an HTTP call that only asked, say).
  if (tree && tree.signalled > 0) return { kind: 'stopped', signal: command ? `stop command, then ${record.stopSignal}` : record.stopSignal, ms };
  if (tree && tree.found > 0 && !command) return { kind: 'stopped', signal: record.stopSignal, ms };
  if (command) {
    // Nothing of it was visible: its stop command is the only word on it.
    return commandFailed ? { kind: 'stop-command-failed', code: command.code, timedOut: command.timedOut } : { kind: 'stopped', signal: 'stop command', ms };
  }
  // An earlier stop got this far and was cut short before it recorded the end.
  if (found.interruptedAt !== undefined) return { kind: 'not-running', interruptedStopAt: found.interruptedAt };
  return exit ? exitedOutcome(record, exit) : { kind: 'not-running' };
}

// Who holds a port or socket that should be closed, as far as this user can see.
function listenersOf(target: ListenTarget, platform: ProcessPlatform): Holder[] {
  const holders = target.kind === 'tcp' ? platform.findListeners(target.port) : platform.findSocketListeners(target.path);
  return holders.map(({ pid, command }) => ({ pid, command }));
}



// The user's graceful stop command runs as the service ran: its env, BGSVC_*
// and cwd, on the environment the edge hands over (never the action's INPUT_*
// or STATE_*), its output appended to the service log, under the stop-timeout.
async function runStopCommand(record: ServiceRecord, context: ServiceStopContext): Promise<StopCommandResult> {
  const { state, emit } = context;
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
      env: { ...context.baseEnv, ...record.env, BGSVC_ID: state.id, BGSVC_SERVICE: record.name, BGSVC_LOG_DIR: state.logDir },
      timeoutMs: Math.max(record.stopTimeoutMs, 1000),
      outputFd: fd,
    });
    emit({ type: 'stop-command', service: record.name, command: record.stop!, code: result.code, timedOut: result.timedOut, ms: result.ms });
    return { code: result.code, timedOut: result.timedOut };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// Whatever still carries this start's cookie escaped every tree: kill it.
// Says what it found: nothing, everything killed, or survivors.
async function sweepLeaked(id: string, emit: Emit, platform: ProcessPlatform): Promise<'none' | 'killed' | 'survivors'> {
  const result = await sweepByCookie({ cookie: { BGSVC_ID: id }, signal: 'SIGKILL', graceMs: 0, platform, nameProcesses: true });
  if (result.found === 0) return 'none';
  const killed = result.survivors.length === 0;
  const listed = killed ? result.processes : result.survivors;
  emit({ type: 'leaked', processes: listed.map(({ pid, command }) => ({ pid, command })), killed });
  return killed ? 'killed' : 'survivors';
}

function exitedOutcome(record: ServiceRecord, exit: ExitRecord): StopOutcome {
  // Recorded at start since this field exists; older state files: exited 0 before ready.
  const daemonized = record.daemonized ?? (exit.code === 0 && record.readyAt !== undefined && exit.atMs <= record.readyAt);
  return { kind: 'exited', code: exit.code, signal: exit.signal, atMs: exit.atMs, afterStartMs: exit.atMs - record.startedAt, daemonized };
}

function emptyReport(): StopReport {
  return { outcomes: new Map(), survivors: false, crashed: [], nothingToDo: true };
}
