// Starts one service detached, in its own session and process group, with
// stdout and stderr pointing straight at its log file: the kernel writes the
// log, nothing is piped through Node, so a chatty service never waits on us
// and keeps logging after the CLI has exited.
import { childProcess } from '../builtins.js';
import { closeSync, rmSync, statSync } from 'node:fs';
import { openFreshLog } from './log-file.js';
import { assertProcessControlSupported, currentPlatform } from './platform.js';
import { wrapperArgs } from './wrapper.js';

export interface LaunchOptions {
  name: string;
  command: string;
  shell: string;
  cwd: string;
  /** The complete environment; the caller has merged BGSVC_ID and friends. */
  env: NodeJS.ProcessEnv;
  logFile: string;
  exitFile: string;
}

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Epoch ms. */
  atMs: number;
}

export interface LaunchedService {
  /** The wrapper: process group leader and session leader. */
  pid: number;
  /** Identity token of `pid` (Linux: /proc/<pid>/stat field 22; macOS: ps lstart); '' if unreadable. */
  startTime: string;
  /** Resolves when the wrapper exits while this process is alive. */
  exited: Promise<ServiceExit>;
  /** Lets the launching process exit while the service keeps running. */
  release(): void;
}

export function launchService(options: LaunchOptions): LaunchedService {
  assertProcessControlSupported();
  assertDirectory(options.cwd, options.name);
  const logFd = openLog(options.logFile, options.name);
  let child;
  try {
    // A stale exit file from an earlier run would report an exit that never happened.
    rmSync(options.exitFile, { force: true });
    // detached: setsid(), so the service is its own session and group leader and
    // `kill(-pid)` reaches its group. stdin 'ignore' is /dev/null: a service that
    // reads stdin sees EOF instead of stealing the CI job's input.
    child = childProcess().spawn('/bin/sh', wrapperArgs(options), {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    // The child has its own copy; ours would only keep the file open.
    closeSync(logFd);
  }
  // A failed spawn reports its error asynchronously; the missing pid already tells us.
  child.on('error', () => {});
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start service "${options.name}": /bin/sh failed to spawn`);

  const exited = new Promise<ServiceExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() }));
  });
  return {
    pid,
    startTime: currentPlatform().startTimeOf(pid) ?? '',
    exited,
    release: () => child.unref(),
  };
}

// A fresh log, owner-only (logs may hold secrets), before anything is spawned:
// the earlier run's log becomes <name>.prev.log (see log-file.ts).
function openLog(logFile: string, name: string): number {
  try {
    return openFreshLog(logFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(`Cannot open the log file of service "${name}" at ${logFile} (${code}): ${(error as Error).message}`, {
      cause: error,
    });
  }
}

// spawn() would report a missing cwd as a puzzling "spawn /bin/sh ENOENT".
function assertDirectory(cwd: string, name: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch (error) {
    throw new Error(`The working directory of service "${name}" does not exist: ${cwd}`, { cause: error });
  }
  if (!isDirectory) throw new Error(`The working directory of service "${name}" is not a directory: ${cwd}`);
}
