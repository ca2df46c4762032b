// Starts one service detached, in its own session and process group, with
// stdout and stderr pointing straight at its log file: the kernel writes the
// log, nothing is piped through Node, so a chatty service never waits on us
// and keeps logging after the CLI has exited.
import { childProcess } from '../builtins.js';
import { closeSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { costFileFor } from './cost-file.js';
import { readExitFile } from './exit-file.js';
import { openFreshLog } from './log-file.js';
import { assertProcessControlSupported } from './platform.js';
import type { ProcessPlatform } from './types.js';
import { reaperArgs } from './reaper.js';
import { findOnPath } from './shell.js';
import { wrapperArgs } from './wrapper.js';
import { removeFile } from '../remove-file.js';

export interface LaunchOptions {
  name: string;
  command: string;
  shell: string;
  cwd: string;
  /** The complete environment; the caller has merged BGSVC_ID and friends. */
  env: NodeJS.ProcessEnv;
  logFile: string;
  exitFile: string;
  /** Reads the wrapper's start time, its identity from now on. */
  platform: ProcessPlatform;
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
  /**
   * The wrapper re-parents the service's orphans to itself (Linux, with perl;
   * see reaper.ts): it lives while any process of the service does.
   */
  reaper: boolean;
  /** Identity token of `pid` (Linux: /proc/<pid>/stat field 22; macOS: ps lstart); '' if unreadable. */
  startTime: string;
  /**
   * Resolves when the service's command exits while this process is alive
   * (the exit file appears, or the wrapper exits); a reaper wrapper may live
   * on after it, holding the daemons the command left.
   */
  exited: Promise<ServiceExit>;
  /** Lets the launching process exit while the service keeps running. */
  release(): void;
}

export function launchService(options: LaunchOptions): LaunchedService {
  assertProcessControlSupported();
  assertDirectory(options.cwd, options.name);
  const logFd = openLog(options.logFile, options.name);
  const wrapper = chooseWrapper(options);
  let child;
  try {
    // A stale exit file from an earlier run would report an exit that never
    // happened; a stale cost file, numbers this run never had.
    removeFile(options.exitFile);
    removeFile(costFileFor(options.exitFile));
    // detached: setsid(), so the service is its own session and group leader and
    // `kill(-pid)` reaches its group. stdin 'ignore' is /dev/null: a service that
    // reads stdin sees EOF instead of stealing the CI job's input.
    child = childProcess().spawn(wrapper.file, wrapper.args, {
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
  if (pid === undefined) throw new Error(`Could not start service "${options.name}": ${wrapper.file} failed to spawn`);

  let watcher: FSWatcher | undefined;
  let watchLater: NodeJS.Timeout | undefined;
  let ended = false;
  const exited = new Promise<ServiceExit>((resolve) => {
    const done = (exit: ServiceExit) => {
      if (ended) return;
      ended = true;
      stopWatching();
      resolve(exit);
    };
    child.once('exit', (code, signal) => done(fromExitFile(options.exitFile) ?? { code, signal, atMs: Date.now() }));
    // A reaper outlives the command while its daemons run: the exit file says
    // when the command ended. Watching for it costs a step 0.5-2 ms (Node's
    // watcher module and an inotify instance), and a service whose probes pass
    // at once never needs the watch (its exit record is read at ready anyway),
    // so it starts a moment after the launch, and first looks for an exit
    // that came before it.
    if (wrapper.reaper) {
      watchLater = setTimeout(() => {
        watcher = watchExitFile(options.exitFile, done);
        const exit = fromExitFile(options.exitFile);
        if (exit) done(exit);
      }, EXIT_WATCH_DELAY_MS);
      watchLater.unref();
    }
  });
  function stopWatching(): void {
    clearTimeout(watchLater);
    watcher?.close();
  }
  return {
    pid,
    reaper: wrapper.reaper,
    startTime: options.platform.startTimeOf(pid) ?? '',
    exited,
    release: () => {
      stopWatching();
      child.unref();
    },
  };
}

/**
 * How long after a launch the exit file is first watched: longer than a
 * service that is ready at once takes to be declared so, short enough that a
 * command exiting before that is reported as promptly as any probe result.
 */
const EXIT_WATCH_DELAY_MS = 20;

const perlByPath = new Map<string, string | undefined>();

// The reaper where it can work (Linux with perl), else the sh wrapper.
function chooseWrapper(options: LaunchOptions): { file: string; args: string[]; reaper: boolean } {
  const args = reaperArgs(options);
  const pathVar = options.env.PATH ?? '';
  if (!perlByPath.has(pathVar)) perlByPath.set(pathVar, findOnPath('perl', pathVar) ?? findOnPath('perl', '/usr/bin:/bin'));
  const perl = perlByPath.get(pathVar);
  if (args && perl) return { file: perl, args, reaper: true };
  return { file: '/bin/sh', args: wrapperArgs(options), reaper: false };
}

function fromExitFile(exitFile: string): ServiceExit | undefined {
  const record = readExitFile(exitFile);
  return record && { code: record.code, signal: record.signal as NodeJS.Signals | null, atMs: record.atMs };
}

// Calls back once the exit file exists (it appears whole, by a rename).
function watchExitFile(exitFile: string, onExit: (exit: ServiceExit) => void): FSWatcher | undefined {
  const name = basename(exitFile);
  try {
    const watcher = watch(dirname(exitFile), { persistent: false }, (_event, file) => {
      if (file !== name) return;
      const exit = fromExitFile(exitFile);
      if (exit) onExit(exit);
    });
    watcher.on('error', () => {});
    return watcher;
  } catch {
    // No watcher: the wrapper's own exit still reports, once its daemons are gone.
    return undefined;
  }
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
