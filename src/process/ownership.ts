// Which processes are a service's: decided here and nowhere else (DESIGN §7).
// A service is its wrapper (pid + start time, and it must carry the service's
// cookie), every process carrying the cookie, and the port holders recorded at
// ready that had rewritten their environment (still holding what they held).
// app/ asks these questions about services; it never checks a pid itself.
import type { ProcessPlatform, ProcessSnapshot } from './types.js';

/** A process holding a probed port or socket without the cookie, recorded by identity. */
export interface AdoptedProcess {
  pid: number;
  startTime: string;
  command: string;
  /** The probed TCP port it listened on, or the Unix socket path. */
  port?: number;
  socket?: string;
}

/** What bgsvc recorded of a service's processes: enough to find them again from another process. */
export interface ServiceProcesses {
  /** The wrapper: session and process-group leader. */
  pid: number;
  startTime: string;
  /** BGSVC_ID and BGSVC_SERVICE: every process of the service inherits them. */
  cookie: Record<string, string>;
  adopted?: AdoptedProcess[];
}

/** A loopback port or Unix socket the service's probes waited on (see probes/listening.ts). */
export type ListenedTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'socket'; path: string };

export type LeaderIdentity =
  | { kind: 'ours' }
  | { kind: 'gone' }
  /** A live process under the recorded pid that is not the wrapper: the pid was reused, or the file edited. */
  | { kind: 'stranger'; why: 'reused' | 'no-cookie' };

/** Whether the recorded wrapper pid is still the service's wrapper. Only 'ours' may be signalled. */
export function leaderIdentity(service: ServiceProcesses, platform: ProcessPlatform): LeaderIdentity {
  if (platform.isAlive(service.pid, service.startTime || undefined) && platform.hasEnv(service.pid, service.cookie)) return { kind: 'ours' };
  if (!platform.isAlive(service.pid)) return { kind: 'gone' };
  const reused = service.startTime !== '' && platform.startTimeOf(service.pid) !== service.startTime;
  return { kind: 'stranger', why: reused ? 'reused' : 'no-cookie' };
}

/**
 * The recorded holders that are still provably the service's: same pid and
 * start time, and still holding the port or socket they were found on. A state
 * file that names some other process (edited, or from another machine) finds nothing.
 */
export function verifiedAdopted(service: Pick<ServiceProcesses, 'adopted'>, platform: ProcessPlatform): AdoptedProcess[] {
  return (service.adopted ?? []).filter((holder) => {
    if (!platform.isAlive(holder.pid, holder.startTime)) return false;
    const holders =
      holder.port !== undefined
        ? platform.findListeners(holder.port, holder.startTime)
        : holder.socket !== undefined
          ? platform.findSocketListeners(holder.socket, holder.startTime)
          : [];
    return holders.some((listener) => listener.pid === holder.pid);
  });
}

/** Anything of the service still runs: its wrapper, a process with its cookie (a daemon), or a verified port holder. */
export function isServiceAlive(service: ServiceProcesses, platform: ProcessPlatform): boolean {
  return (
    platform.isAlive(service.pid, service.startTime) ||
    platform.findByEnv(service.cookie).length > 0 ||
    verifiedAdopted(service, platform).length > 0
  );
}

/** Some live process in this table carries the cookie. */
export function carriesCookie(snapshot: ProcessSnapshot, cookie: Record<string, string>): boolean {
  for (const info of snapshot.processes.values()) {
    if (!info.zombie && snapshot.envMatches(info.pid, cookie)) return true;
  }
  return false;
}

/**
 * What a command that exited 0 left running: processes carrying its cookie,
 * and the reaper wrapper's children (daemons re-parented to it, whatever their
 * environment); not the wrapper itself.
 */
export function countLeftBehind(wrapper: number, cookie: Record<string, string>, platform: ProcessPlatform): number {
  const table = platform.snapshot();
  let left = 0;
  for (const info of table.processes.values()) {
    if (info.zombie || info.pid === wrapper) continue;
    if (info.ppid === wrapper || table.envMatches(info.pid, cookie)) left += 1;
  }
  return left;
}

/**
 * Some daemons overwrite their own environment when they set their process
 * title (redis-server --daemonize yes), so the cookie is gone from
 * /proc/<pid>/environ and no sweep can find them. The process that listens on
 * a loopback port or Unix socket this service's probes waited for (free before
 * it started: start checks), and that started after the service did, without
 * carrying the run's cookie, is this service's: recorded by pid and start time.
 */
export function findTargetHolders(options: {
  targets: ListenedTarget[];
  cookie: Record<string, string>;
  /** The run's cookie alone (BGSVC_ID): a process carrying it is some service's already. */
  runCookie: Record<string, string>;
  /** The service's own start time: a holder that started earlier is not its. */
  startedAfter: string;
  platform: ProcessPlatform;
  /** The process table now; called at most once. */
  table: () => ProcessSnapshot;
}): AdoptedProcess[] {
  const { platform, targets } = options;
  if (targets.length === 0) return [];
  if (!anySuspect(options.table(), options.startedAfter, options.runCookie)) return [];
  const since = options.startedAfter || undefined;
  const holders = targets.flatMap((target): Array<{ pid: number; command: string; port?: number; socket?: string }> =>
    target.kind === 'tcp'
      ? platform.findListeners(target.port, since).map((holder) => ({ ...holder, port: target.port }))
      : platform.findSocketListeners(target.path, since).map((holder) => ({ ...holder, socket: target.path })),
  );
  const adopted = new Map<number, AdoptedProcess>();
  for (const { pid, command, port, socket } of holders) {
    if (pid === process.pid || adopted.has(pid)) continue;
    const startTime = platform.startTimeOf(pid);
    if (!startTime || startedBefore(startTime, options.startedAfter)) continue;
    // Checked per holder, not by sweeping the table for the cookie: a holder is one or two processes.
    if (platform.hasEnv(pid, options.cookie)) continue;
    adopted.set(pid, { pid, startTime, command: command.replace(/\s+/g, ' ').trim(), ...(port !== undefined ? { port } : {}), ...(socket !== undefined ? { socket } : {}) });
  }
  return [...adopted.values()];
}

// Only a process that started after the service and carries no cookie of
// this run at all can be a daemon of it that rewrote its environment. There
// is usually none, and then the socket tables are not read: each read costs
// 3-4 ms, however few sockets there are, as the kernel walks its whole hash.
// Without comparable start times (macOS), everyone is a suspect.
function anySuspect(table: ProcessSnapshot, startedAfter: string, runCookie: Record<string, string>): boolean {
  if (!/^\d+$/.test(startedAfter)) return true;
  const since = Number(startedAfter);
  for (const info of table.processes.values()) {
    if (info.zombie || info.pid === process.pid || !(Number(info.startTime) >= since)) continue;
    if (!table.envMatches(info.pid, runCookie)) return true;
  }
  return false;
}

// Start times compare as numbers where the platform gives clock ticks (Linux);
// elsewhere the comparison is skipped rather than guessed.
function startedBefore(startTime: string, reference: string): boolean {
  if (!/^\d+$/.test(startTime) || !/^\d+$/.test(reference)) return false;
  return Number(startTime) < Number(reference);
}
