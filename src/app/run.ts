import { childProcess } from '../builtins.js';
import { randomHex } from '../random.js';
import { constants } from 'node:os';
import type { Plan } from '../config/types.js';
import { isServiceAlive, type ExitRecord } from '../process/index.js';
import { exportedVariables } from '../report/exported-env.js';
import { readLogTail } from '../report/log-tail.js';
import type { ServiceRecord, StateLocation } from '../state/index.js';
import type { Deps } from './deps.js';
import type { Emit } from './events.js';
import { processesOf } from './service-ref.js';
import { startServices } from './start.js';
import { stopFromState } from './stop.js';
import { COMMAND_STOP_SIGNAL, RUN_COOKIE, stopRunCommand, type CommandTreeStop } from './stop-run-command.js';
import { watchServiceExits } from './watch-service-exits.js';

export interface RunOptions {
  plan: Plan;
  location: StateLocation;
  only?: string[];
  /** argv of the command; a single word with spaces or shell syntax runs under sh -c. */
  command: string[];
  /** Aborted on SIGINT/SIGTERM; the reason is the signal name, forwarded to the command. */
  signal?: AbortSignal;
  /** deps.env: what the services, their stop commands and the command inherit. */
  deps: Deps;
  /**
   * `--fail-fast`: when a service dies while the command runs, stop the
   * command (SIGTERM to its tree, SIGKILL after `graceMs`) and exit 1.
   */
  failFast?: { graceMs: number };
}

export interface RunResult {
  /** What the process should exit with: the command's code, or 1 when services failed. */
  exitCode: number;
}

const LOG_TAIL_LINES = 20;

// run: the start-server-and-test shape. Start, run the command with the
// terminal, and always stop, whatever the command did. A service that dies
// meanwhile is said at once, not when the command ends (issue 17).
export async function runWithServices(options: RunOptions): Promise<RunResult> {
  const { emit, platform } = options.deps;
  const started = await startServices(options);
  if (!started.ok) return { exitCode: started.aborted ? signalExitCode(options.signal?.reason) : 1 };

  // The cookie marks the command's tree, so fail-fast finds children that left it.
  const runId = options.failFast ? randomHex(12) : undefined;
  const command = spawnForegroundCommand(options.command, {
    // The services' export: values and ports, as `bgsvc env` would print them.
    env: { ...options.deps.env, ...exportedVariables(started.state), BGSVC_STATE_DIR: options.location.stateDir, ...(runId ? { [RUN_COOKIE]: runId } : {}) },
    signal: options.signal,
    emit,
  });
  const commandStartedAt = Date.now();
  const commandStartTime = command.pid === undefined ? '' : (platform.startTimeOf(command.pid) ?? '');

  let stopping: Promise<CommandTreeStop> | undefined;
  const onServiceExit = (record: Readonly<ServiceRecord>, exit: ExitRecord) => {
    // The first death stops the command; later ones (during its grace) are only said.
    const stopCommand = options.failFast && runId && command.pid !== undefined && stopping === undefined
      ? { graceMs: options.failFast.graceMs, pid: command.pid, runId }
      : undefined;
    emit({
      type: 'service-died',
      service: record.name,
      code: exit.code,
      signal: exit.signal,
      at: exit.atMs,
      afterStartMs: Math.max(0, exit.atMs - record.startedAt),
      intoCommandMs: Math.max(0, exit.atMs - commandStartedAt),
      logFile: record.logFile,
      logTail: readLogTail(record.logFile, LOG_TAIL_LINES),
      failFast: stopCommand !== undefined,
    });
    if (!stopCommand) return;
    emit({ type: 'command-stopping', because: record.name, signal: COMMAND_STOP_SIGNAL, graceMs: stopCommand.graceMs });
    stopping = stopRunCommand({ pid: stopCommand.pid, startTime: commandStartTime, runId: stopCommand.runId }, { graceMs: stopCommand.graceMs, platform });
  };
  const watching = new AbortController();
  watchServiceExits({
    state: started.state,
    signal: watching.signal,
    onExit: onServiceExit,
    stillRunning: (record) => isServiceAlive(processesOf(record, started.state.id), platform),
  });

  const commandCode = await command.exited;
  watching.abort();
  // `stopping` is set by the watcher's callback, which TypeScript cannot see.
  const stopped = await (stopping as Promise<CommandTreeStop> | undefined);
  if (stopped) emit({ type: 'command-stopped', code: commandCode, ...stopped });
  else emit({ type: 'command-exited', code: commandCode });
  // From the state file, under its lock, as `bgsvc stop` does: the command may
  // have stopped some services itself (`bgsvc stop api` in a test script).
  const report = await stopFromState(options.location, { deps: options.deps });
  // --fail-fast stopped the command because a service died: that is the failure, whatever it exited with.
  if (stopped) return { exitCode: 1 };
  // A leak is the one stop problem that turns a passing run red.
  if (commandCode === 0 && report.survivors) return { exitCode: 1 };
  return { exitCode: commandCode };
}

interface ForegroundCommand {
  /** Undefined when it could not be spawned at all. */
  pid: number | undefined;
  /** Its exit code; 128+N for death by signal N; 127 when it could not be run. */
  exited: Promise<number>;
}

function spawnForegroundCommand(
  command: string[],
  options: { env: NodeJS.ProcessEnv; signal?: AbortSignal; emit: Emit },
): ForegroundCommand {
  const [file, ...args] = command.length === 1 ? ['/bin/sh', '-c', command[0]!] : command;
  // Not detached: it stays in bgsvc's process group and session, with the terminal.
  const child = childProcess().spawn(file!, args, { stdio: 'inherit', env: options.env });
  const exited = new Promise<number>((resolve) => {
    // The terminal already sends SIGINT to the whole foreground group; a runner's
    // SIGTERM reaches only us, so pass it on.
    const forward = () => {
      const name = typeof options.signal?.reason === 'string' ? options.signal.reason : 'SIGTERM';
      try {
        child.kill(name as NodeJS.Signals);
      } catch {
        // Already gone.
      }
    };
    options.signal?.addEventListener('abort', forward, { once: true });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', forward);
      options.emit({ type: 'command-not-run', command: file!, problem: error.message });
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      options.signal?.removeEventListener('abort', forward);
      resolve(code ?? signalExitCode(signal));
    });
  });
  return { pid: child.pid, exited };
}

// The shell convention: death by signal N exits 128 + N.
export function signalExitCode(signal: unknown): number {
  const number = typeof signal === 'string' ? constants.signals[signal as NodeJS.Signals] : undefined;
  return 128 + (number ?? constants.signals.SIGTERM);
}
