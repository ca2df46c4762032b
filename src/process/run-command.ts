import { childProcess } from '../builtins.js';
import { monotonicMs } from '../clock.js';

export interface RunCommandOptions {
  shell: string;
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Hard deadline: past it the command's whole process group gets SIGKILL. */
  timeoutMs: number;
  /** An open file descriptor for stdout+stderr; when absent, output is captured (capped). */
  outputFd?: number;
  signal?: AbortSignal;
}

export interface RunCommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last bytes of output, when it was captured. */
  output: string;
  ms: number;
}

const CAPTURE_LIMIT = 4096;

// Runs a short-lived shell command (a `cmd:` probe, a `stop:` command) that may
// never hang us: it gets its own process group so a deadline kills all of it.
export function runCommand(options: RunCommandOptions): Promise<RunCommandResult> {
  const started = monotonicMs();
  const output = options.outputFd ?? 'pipe';
  const child = childProcess().spawn(options.shell, ['-c', options.command], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', output, output],
  });
  let captured = '';
  const capture = (chunk: Buffer) => {
    captured = (captured + chunk.toString('utf8')).slice(-CAPTURE_LIMIT);
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);

  return new Promise((resolve) => {
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    const onAbort = () => killGroup();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    let exitTimer: NodeJS.Timeout | undefined;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(exitTimer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ code, signal, timedOut, output: captured, ms: monotonicMs() - started });
    };
    child.on('error', (error) => {
      captured += String(error.message);
      finish(127, null);
    });
    // Prefer 'close': the captured output is complete then. But a background
    // grandchild may hold the pipe open for ever, so 'exit' settles it shortly after.
    child.on('close', (code, signal) => finish(code, signal));
    child.on('exit', (code, signal) => {
      exitTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish(code, signal);
      }, 50);
    });
  });
}
