// One service's stop (DESIGN §6): its stop command, the signal to its tree and
// cookie, the check that what it listened on is closed, and the outcome, decided
// from what was done and found.
import { closeSync } from 'node:fs';
import {
  carriesCookie,
  costFileFor,
  leaderIdentity,
  measureServiceCost,
  openLogForAppend,
  readExitFile,
  runCommand,
  stopProcessTree,
  sweepByCookie,
  verifiedAdopted,
  type ExitRecord,
  type ProcessPlatform,
  type ProcessSnapshot,
  type StopTreeResult,
} from '../process/index.js';
import { describeListenTarget, waitUntilClosed, type ListenTarget } from '../probes/index.js';
import type { ServiceRecord, ServiceStore } from '../state/index.js';
import { readLogTail } from '../report/log-tail.js';
import type { Emit, Holder, StopOutcome } from './events.js';
import { processesOf } from './service-ref.js';
import { monotonicMs } from '../clock.js';

const LOG_TAIL_LINES = 20;

export interface ServiceStopContext {
  store: ServiceStore;
  emit: Emit;
  platform: ProcessPlatform;
  sharedSnapshot: () => ProcessSnapshot;
  baseEnv: NodeJS.ProcessEnv;
}

/**
 * After the stop, how long a probed port or socket may take to close: a stop
 * command such as `kill $(cat app.pid)` returns before its target has exited.
 */
const CLOSE_WAIT_MS = 2_000;

// One service, DESIGN §6: its stop command (always, when configured: it is how
// users stop what bgsvc cannot see), the signal to its tree and cookie, then
// the check that what its probes found listening is closed.
export async function stopOneService(record: Readonly<ServiceRecord>, context: ServiceStopContext): Promise<StopOutcome> {
  const { emit, platform, sharedSnapshot } = context;
  const { state } = context.store;
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

  const started = monotonicMs();
  let command: StopCommandResult | undefined;
  let tree: StopTreeResult | undefined;
  if (alive || record.stop) {
    emit({ type: 'stopping', service: record.name });
    // On disk before any signal: a stop cut short (a second cancel signal)
    // must not read later as a service that died on its own.
    await context.store.stopping(record.name, Date.now());
    if (record.stop) command = await runStopCommand(record, context);
    if (alive) {
      const how = { cookie, adopted, signal: record.stopSignal, graceMs: record.stopTimeoutMs, platform, sharedSnapshot, measureUsage: true };
      tree = leaderIsOurs
        ? await stopProcessTree({ pid: record.pid, startTime: record.startTime, ...how })
        : await sweepByCookie(how);
    }
  }
  const ms = Math.round(monotonicMs() - started);
  // Read once everything is gone: the wrapper's account is written as it ends.
  const cost = measureServiceCost({
    costFile: costFileFor(record.exitFile),
    atSignal: tree?.usageAtSignal,
    ...(leaderIsOurs && { wrapperPid: record.pid }),
  });
  if (cost) await context.store.costMeasured(record.name, cost);
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
    emit({
      type: 'stopped',
      service: record.name,
      outcome,
      logFile: record.logFile,
      logTail: readLogTail(record.logFile, LOG_TAIL_LINES),
      ...(record.task ? { task: true as const } : {}),
      ...(cost && { cost }),
    });
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
async function runStopCommand(record: Readonly<ServiceRecord>, context: ServiceStopContext): Promise<StopCommandResult> {
  const { emit } = context;
  const { state } = context.store;
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
      // The service's own environment, as it was launched: its env: (and params), its PORT, BGSVC_*.
      env: {
        ...context.baseEnv,
        ...record.env,
        ...(record.port === undefined ? {} : { PORT: String(record.port) }),
        BGSVC_ID: state.id,
        BGSVC_SERVICE: record.name,
        BGSVC_LOG_DIR: state.logDir,
      },
      timeoutMs: Math.max(record.stopTimeoutMs, 1000),
      outputFd: fd,
    });
    emit({ type: 'stop-command', service: record.name, command: record.stop!, code: result.code, timedOut: result.timedOut, ms: result.ms });
    return { code: result.code, timedOut: result.timedOut };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function exitedOutcome(record: ServiceRecord, exit: ExitRecord): StopOutcome {
  // Recorded at start since this field exists; older state files: exited 0 before ready.
  // A task's exit 0 is its readiness, not a daemon's fork.
  const daemonized = !record.task && (record.daemonized ?? (exit.code === 0 && record.readyAt !== undefined && exit.atMs <= record.readyAt));
  return { kind: 'exited', code: exit.code, signal: exit.signal, atMs: exit.atMs, afterStartMs: exit.atMs - record.startedAt, daemonized };
}
