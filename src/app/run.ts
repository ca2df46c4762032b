import { exportedVariables } from '../report/exported-env.js';
import { childProcess } from '../builtins.js';
import { constants } from 'node:os';
import type { Plan } from '../config/types.js';
import type { StateLocation } from '../state/index.js';
import type { Deps } from './deps.js';
import type { Emit } from './events.js';
import { startServices } from './start.js';
import { stopFromState } from './stop.js';

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
}

export interface RunResult {
  /** What the process should exit with: the command's code, or 1 when services failed. */
  exitCode: number;
}

// run: the start-server-and-test shape. Start, run the command with the
// terminal, and always stop, whatever the command did.
export async function runWithServices(options: RunOptions): Promise<RunResult> {
  const { emit } = options.deps;
  const started = await startServices(options);
  if (!started.ok) return { exitCode: started.aborted ? signalExitCode(options.signal?.reason) : 1 };

  const commandCode = await runCommandInForeground(options.command, {
    // The services' export: values and ports, as `bgsvc env` would print them.
    env: { ...options.deps.env, ...exportedVariables(started.state), BGSVC_STATE_DIR: options.location.stateDir },
    signal: options.signal,
    emit,
  });
  emit({ type: 'command-exited', code: commandCode });
  // From the state file, under its lock, as `bgsvc stop` does: the command may
  // have stopped some services itself (`bgsvc stop api` in a test script).
  const report = await stopFromState(options.location, { deps: options.deps });
  // A leak is the one stop problem that turns a passing run red.
  if (commandCode === 0 && report.survivors) return { exitCode: 1 };
  return { exitCode: commandCode };
}

function runCommandInForeground(
  command: string[],
  options: { env: NodeJS.ProcessEnv; signal?: AbortSignal; emit: Emit },
): Promise<number> {
  const [file, ...args] = command.length === 1 ? ['/bin/sh', '-c', command[0]!] : command;
  return new Promise((resolve) => {
    const child = childProcess().spawn(file!, args, { stdio: 'inherit', env: options.env });
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
}

// The shell convention: death by signal N exits 128 + N.
export function signalExitCode(signal: unknown): number {
  const number = typeof signal === 'string' ? constants.signals[signal as NodeJS.Signals] : undefined;
  return 128 + (number ?? constants.signals.SIGTERM);
}
