// While `run`'s command runs, notice the moment a ready service's command ends
// on its own. The wrapper (process/wrapper.ts, reaper.ts) writes
// `<name>.exit` by a rename when that happens, so one inotify watch on the
// run dir wakes us within milliseconds; a slow poll covers lost events and file
// systems without inotify. Nothing here has a deadline: it lives exactly as
// long as the command, and `signal` ends it.
import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import { readExitFile, type ExitRecord } from '../process/index.js';
import { readState, type ReadonlyState, type ServiceRecord } from '../state/index.js';

/** The fallback rescan: only for a missed inotify event, so seconds are fine. */
export const EXIT_POLL_MS = 1_000;

export interface WatchServiceExitsOptions {
  state: ReadonlyState;
  /** Aborted when the command has ended: the watch stops. */
  signal: AbortSignal;
  /** Once per service, the first time its exit is seen. */
  onExit: (record: Readonly<ServiceRecord>, exit: ExitRecord) => void;
  /**
   * Whether anything of the service still runs (its reaper wrapper, a
   * process with its cookie). A command that exits 0 and leaves its service
   * running has daemonized, whenever it did: under load redis-server's parent
   * can exit a moment after its server passed the probes.
   */
  stillRunning: (record: Readonly<ServiceRecord>) => boolean;
  pollMs?: number;
}

// Watches every service that is ready and serving. A task (`ready: exit`) has
// finished by design, and a command that exited 0 before ready (it daemonized,
// which the start accepts) left its exit file earlier: neither is a service
// that died. A service bgsvc is stopping (the command ran `bgsvc stop api`)
// may exit on its own through its stop command: not a death either, and the
// state file says so.
export function watchServiceExits(options: WatchServiceExitsOptions): void {
  const { state, signal } = options;
  if (signal.aborted) return;
  const watched = state.services.filter((record) => !record.task && record.readyAt !== undefined);
  const reported = new Set<string>();
  const watchers: FSWatcher[] = [];

  const check = () => {
    if (signal.aborted) return;
    for (const record of watched) {
      if (reported.has(record.name)) continue;
      const exit = readExitFile(record.exitFile);
      if (!exit || isAcceptedEarlyExit(record, exit)) continue;
      if (exit.code === 0 && exit.signal === null && options.stillRunning(record)) continue;
      reported.add(record.name);
      if (beingStopped(state.stateDir, record.name)) continue;
      options.onExit(record, exit);
    }
  };

  for (const dir of new Set(watched.map((record) => dirname(record.exitFile)))) {
    try {
      // Not persistent: the command's child process is what keeps `run` alive.
      const watcher = watch(dir, { persistent: false }, check);
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // ENOSPC (inotify watches exhausted) or an odd file system: the poll alone.
    }
  }
  const poll = setInterval(check, options.pollMs ?? EXIT_POLL_MS);
  poll.unref();
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(poll);
      for (const watcher of watchers) watcher.close();
    },
    { once: true },
  );
  // One that died between ready and now is reported at once.
  check();
}

// The start saw it exit 0 before ready (`daemonized` is set either way), or it
// did so before the recorded ready time. Only an exit 0: a non-zero exit is
// never accepted, and on a busy machine readyAt can trail the moment its
// probes passed by a second or more, so it alone cannot date a crash.
function isAcceptedEarlyExit(record: Readonly<ServiceRecord>, exit: ExitRecord): boolean {
  if (record.daemonized !== undefined) return true;
  return exit.code === 0 && exit.signal === null && exit.atMs <= record.readyAt!;
}

// Read fresh: the command itself may have run `bgsvc stop NAME`, which marks
// the service as stopping on disk before it sends any signal.
function beingStopped(stateDir: string, name: string): boolean {
  try {
    const read = readState(stateDir);
    if (read.kind !== 'ok') return false;
    const record = read.state.services.find((service) => service.name === name);
    return record?.stoppingAt !== undefined || record?.stoppedAt !== undefined;
  } catch {
    return false;
  }
}
