// How bgsvc opens service logs for writing (DESIGN §5, issue 13). Each start
// begins a fresh `<name>.log`, so a `log:` probe never matches a line an
// earlier run left; the previous one is kept once, as `<name>.prev.log`.
// Every open refuses to follow a symlink: in a shared log dir (a sticky /tmp)
// a planted `web.log -> ~victim/.bashrc` must never be written through.
import { constants, lstatSync, openSync, renameSync } from 'node:fs';

const { O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_RDONLY, O_WRONLY } = constants;

/** For readers of a log (tails, `bgsvc logs`, the log probe): never through a symlink. */
export const LOG_READ_FLAGS = O_RDONLY | O_NOFOLLOW;

/** `<dir>/web.log` → `<dir>/web.prev.log`. */
export function previousLogPath(logFile: string): string {
  return logFile.endsWith('.log') ? `${logFile.slice(0, -'.log'.length)}.prev.log` : `${logFile}.prev`;
}

/**
 * Moves an earlier run's log aside and creates the log afresh (O_EXCL), owner-only.
 * O_APPEND because the `stop:` command's output is appended to it later. Throws
 * with the path when something that is not our old log is in the way.
 */
export function openFreshLog(logFile: string): number {
  keepPreviousLog(logFile);
  try {
    return openSync(logFile, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new Error(`${logFile} reappeared after the previous log was moved aside; another process is writing to this log dir`, {
      cause: error,
    });
  }
}

/** Opens an existing (or missing) log to append to it, as the stop command does. */
export function openLogForAppend(logFile: string): number {
  return openSync(logFile, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0o600);
}

// Only a regular file of ours is renamed: a symlink or another user's file in
// its place is not a log bgsvc wrote, and is reported rather than moved.
function keepPreviousLog(logFile: string): void {
  let stats;
  try {
    stats = lstatSync(logFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (stats.isSymbolicLink()) throw new Error(`${logFile} is a symbolic link, not a log bgsvc wrote; remove it`);
  if (!stats.isFile()) throw new Error(`${logFile} is not a regular file, so not a log bgsvc wrote; remove it`);
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) {
    throw new Error(`${logFile} belongs to uid ${stats.uid}, not to you (uid ${uid}); remove it or choose another log dir`);
  }
  renameSync(logFile, previousLogPath(logFile));
}
