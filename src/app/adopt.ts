import { resolve } from 'node:path';
import type { ProbeSpec } from '../config/types.js';
import type { ProcessPlatform, ProcessSnapshot } from '../process/index.js';

import type { AdoptedRecord } from '../state/index.js';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|0\.0\.0\.0)$/;

// Some daemons overwrite their own environment when they set their process
// title (redis-server --daemonize yes), so the BGSVC_ID cookie is gone from
// /proc/<pid>/environ and no sweep can find them. The process that listens on
// a port (or Unix socket) this service's probe waited for, which was free
// before it started (start checks ports), and that started after the service
// did, is this service's: record it by pid and start time.
export function findProbeTargetHolders(options: {
  probes: ProbeSpec[];
  /** Relative socket paths resolve here. */
  cwd: string;
  cookie: Record<string, string>;
  /** The service's own start time: a holder that started earlier is not its. */
  startedAfter: string;
  platform: ProcessPlatform;
  /** The process table now; called at most once. */
  table: () => ProcessSnapshot;
}): AdoptedRecord[] {
  const { platform } = options;
  const ports = new Set(options.probes.flatMap(loopbackPort));
  const sockets = options.probes.flatMap((probe) => (probe.kind === 'socket' ? [resolve(options.cwd, probe.path)] : []));
  if (ports.size === 0 && sockets.length === 0) return [];
  if (!anySuspect(options.table(), options.startedAfter, { BGSVC_ID: options.cookie.BGSVC_ID ?? '' })) return [];
  const since = options.startedAfter || undefined;
  const holders: Array<{ pid: number; command: string; port?: number; socket?: string }> = [
    ...[...ports].flatMap((port) => platform.findListeners(port, since).map((holder) => ({ ...holder, port }))),
    ...sockets.flatMap((socket) => platform.findSocketListeners(socket, since).map((holder) => ({ ...holder, socket }))),
  ];
  const adopted = new Map<number, AdoptedRecord>();
  for (const { pid, command, port, socket } of holders) {
    if (pid === process.pid || adopted.has(pid)) continue;
    const startTime = platform.startTimeOf(pid);
    if (!startTime || startedBefore(startTime, options.startedAfter)) continue;
    // Checked per holder, not by sweeping the table for the cookie: a holder is one or two processes.
    if (platform.hasEnv(pid, options.cookie)) continue;
    adopted.set(pid, { pid, startTime, command: command.replace(/\s+/g, ' ').trim(), port, socket });
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

// The recorded holders that are still provably ours: same pid and start time,
// and still holding the port or socket they were found on. A state file that
// names some other process (edited, or from another machine) finds nothing.
export function verifiedAdopted(record: { adopted?: AdoptedRecord[] }, platform: ProcessPlatform): AdoptedRecord[] {
  return (record.adopted ?? []).filter((holder) => {
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

function loopbackPort(probe: ProbeSpec): number[] {
  if (probe.kind === 'tcp') return LOOPBACK.test(probe.host) ? [probe.port] : [];
  if (probe.kind !== 'http') return [];
  try {
    const url = new URL(probe.url);
    if (!LOOPBACK.test(url.hostname)) return [];
    return [Number(url.port || (url.protocol === 'https:' ? 443 : 80))];
  } catch {
    return [];
  }
}

// Start times compare as numbers where the platform gives clock ticks (Linux);
// elsewhere the comparison is skipped rather than guessed.
function startedBefore(startTime: string, reference: string): boolean {
  if (!/^\d+$/.test(startTime) || !/^\d+$/.test(reference)) return false;
  return Number(startTime) < Number(reference);
}
