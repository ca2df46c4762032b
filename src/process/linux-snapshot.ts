// Linux process-table snapshots from /proc, incremental when they can be.
//
// A stop reads the table at least twice: once to find the tree, and once after
// it is gone, to catch what was forked meanwhile. Re-reading /proc/<pid>/stat
// of every process the second time costs as much as the first (about 20 µs a
// process), yet only processes created since can be new. The kernel hands out
// pids cyclically, so every process created after the last snapshot has a pid
// in (its last pid, the last pid now]; any other pid listed in both snapshots
// is the same process, and its entry is reused. Only a checkpoint/restore tool
// rewinding the counter (writing ns_last_pid) could break that, so a caller
// re-checks a reused entry's start time before it signals the pid.
import { readdirSync, readlinkSync } from 'node:fs';
import type { ProcessInfo, ProcessSnapshot } from './types.js';
import { readEnviron } from './environ-read.js';
import { PF_KTHREAD, envNeedles, environHolds, frameEnviron, framedEnvironHolds, isExitedState, readCommandLine, readProcBytes, readStat, type ProcStat } from './proc-read.js';

/** Pids below this are never handed out again once the counter comes round (the kernel's RESERVED_PIDS). */
const RESERVED_PIDS = 300;

export interface PidCounters {
  /** The last pid handed out in our pid namespace (the last field of /proc/loadavg). */
  lastPid: number;
  /** The `processes` line of /proc/stat: forks since boot, every namespace (an upper bound on ours). */
  forks: number;
  /** How many pids could be handed out before the counter comes round: pid_max minus every live task. */
  freePids: number;
}

class LinuxSnapshot implements ProcessSnapshot {
  readonly processes = new Map<number, ProcessInfo>();
  /**
   * Each environment read so far, framed (see frameEnviron; null: unreadable).
   * Kept whole, not as a yes/no per cookie: a stop of 50 services asks every
   * process about 50 different cookies, and one read must answer them all.
   */
  readonly environs = new Map<number, Buffer | null>();
  /** Kernel threads: no environment to read, so never ours (a hundred of them on a quiet machine). */
  readonly kernelThreads = new Set<number>();

  constructor(readonly counters: PidCounters | undefined) {}

  // A property, not a method: callers pass it around detached.
  readonly envMatches = (pid: number, vars: Record<string, string>): boolean => {
    if (this.kernelThreads.has(pid)) return false;
    let framed = this.environs.get(pid);
    if (framed === undefined) {
      const bytes = readEnviron(pid);
      framed = bytes === undefined ? null : frameEnviron(bytes);
      this.environs.set(pid, framed);
    }
    return framed !== null && framedEnvironHolds(framed, needlesFor(vars));
  };
}

/** Needles by cookie object: callers ask about the same cookie for every process. */
const needlesByCookie = new WeakMap<Record<string, string>, Buffer[]>();

function needlesFor(vars: Record<string, string>): Buffer[] {
  let needles = needlesByCookie.get(vars);
  if (!needles) {
    needles = envNeedles(vars);
    needlesByCookie.set(vars, needles);
  }
  return needles;
}

/**
 * One pass over /proc. With `previous` (an earlier snapshot from here), the
 * entries of processes that existed then are reused as they were, so their
 * ppid and zombie flag may be stale: fine for finding what is ours, since a
 * process that was not ours then cannot become ours, and those that were are
 * tracked by the caller.
 */
export function takeLinuxSnapshot(previous?: ProcessSnapshot): ProcessSnapshot {
  // Counters first: any pid handed out after this read is in the next snapshot's range.
  const counters = readCounters();
  const snapshot = new LinuxSnapshot(counters);
  const reusable = previous instanceof LinuxSnapshot ? pidsUnchangedSince(previous.counters, counters) : undefined;
  for (const pid of listPids()) {
    const earlier = reusable?.(pid) ? previous!.processes.get(pid) : undefined;
    if (earlier) {
      snapshot.processes.set(pid, earlier);
      if ((previous as LinuxSnapshot).kernelThreads.has(pid)) snapshot.kernelThreads.add(pid);
      continue;
    }
    const stat = readStat(pid);
    if (!stat) continue;
    snapshot.processes.set(pid, toProcessInfo(stat));
    if (stat.flags & PF_KTHREAD) snapshot.kernelThreads.add(pid);
  }
  if (reusable) carryEnvCache(previous as LinuxSnapshot, snapshot);
  return snapshot;
}

/**
 * Which pids provably hold the same process as when `then` was read, or
 * undefined when none can be proven (counters unreadable, or so many forks
 * that the pid counter may have come round past its earlier value).
 */
export function pidsUnchangedSince(then: PidCounters | undefined, now: PidCounters | undefined): ((pid: number) => boolean) | undefined {
  if (!then || !now) return undefined;
  // Coming round takes at least as many forks as there are free pids; half is the margin for tasks that come and go.
  if (now.forks - then.forks >= Math.min(then.freePids, now.freePids) / 2) return undefined;
  if (now.forks === then.forks) return () => true;
  const { lastPid: from } = then;
  const { lastPid: to } = now;
  // Handed out since: the cyclic range (from, to].
  const handedOut = to >= from ? (pid: number) => pid > from && pid <= to : (pid: number) => pid > from || pid <= to;
  return (pid) => !handedOut(pid);
}

function carryEnvCache(from: LinuxSnapshot, to: LinuxSnapshot): void {
  for (const [pid, environ] of from.environs) {
    if (to.processes.get(pid) === from.processes.get(pid)) to.environs.set(pid, environ);
  }
}

let pidMax: number | undefined;

function readCounters(): PidCounters | undefined {
  pidMax ??= procShowsOurNamespace() ? Number(readProcBytes('/proc/sys/kernel/pid_max')?.toString('latin1')) : NaN;
  if (!(pidMax > 0)) return undefined;
  // forks before lastPid: the forks difference between two snapshots then
  // bounds every pid handed out between their lastPid reads.
  const forks = readForkCount();
  // "0.28 1.26 1.21 1/79 19346": runnable/total tasks, then the last pid handed out.
  const loadavg = /(\d+)\/(\d+) (\d+)\s*$/.exec(readProcBytes('/proc/loadavg')?.toString('latin1') ?? '');
  if (forks === undefined || !loadavg) return undefined;
  return { forks, lastPid: Number(loadavg[3]), freePids: pidMax - RESERVED_PIDS - Number(loadavg[2]) };
}

// The last pid is the reader's pid namespace's; /proc lists its mount's. They
// are the same unless /proc was mounted for another namespace: then reuse nothing.
function procShowsOurNamespace(): boolean {
  try {
    return Number(readlinkSync('/proc/self')) === process.pid;
  } catch {
    return false;
  }
}

function readForkCount(): number | undefined {
  const text = readProcBytes('/proc/stat')?.toString('latin1');
  const match = text === undefined ? null : /^processes (\d+)$/m.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function environOf(pid: number, needles: Buffer[]): boolean {
  // Unreadable (another user's process, or gone) means "not ours".
  const environ = readEnviron(pid);
  return environ !== undefined && environHolds(environ, needles);
}

export function listPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const code = entry.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(entry));
  }
  return pids;
}

// The command line is read only when asked for: a stop pass never needs it,
// and skipping it saves a third of the /proc reads.
export function toProcessInfo(stat: ProcStat): ProcessInfo {
  let command: string | undefined;
  return {
    pid: stat.pid,
    ppid: stat.ppid,
    pgid: stat.pgid,
    sid: stat.sid,
    startTime: stat.startTime,
    zombie: isExitedState(stat.state),
    get command() {
      // Checked against the start time, so a reused pid never lends its command line.
      command ??= (readStat(stat.pid)?.startTime === stat.startTime ? readCommandLine(stat.pid) : undefined) ?? `[${stat.comm}]`;
      return command;
    },
  };
}
