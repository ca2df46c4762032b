// The engine behind stopProcessTree and sweepByCookie: signal everything that
// is provably ours, poll finely until it is gone, SIGKILL at the deadline,
// then scan once more for anything that escaped meanwhile (DESIGN §6).
import { sleep } from '../sleep.js';
import type { ProcessInfo, ProcessPlatform, ProcessSnapshot, ProcessUsage } from './types.js';
import { sendSignal } from './signal.js';
import { findOurProcesses, protectedPids, type OwnershipRules } from './tree.js';
import { monotonicMs } from '../clock.js';

export interface TerminateOptions {
  leader?: { pid: number; startTime: string };
  cookie: Record<string, string>;
  adopted?: ReadonlyArray<{ pid: number; startTime: string }>;
  signal: NodeJS.Signals;
  graceMs: number;
  platform: ProcessPlatform;
  /**
   * Where the first scan's table comes from when several stops start at
   * once and share one read (see snapshot-share.ts). Such a table may be a
   * few ms older than this stop, so each pid is re-checked before it is signalled.
   */
  sharedSnapshot?: () => ProcessSnapshot;
  /**
   * Read each found process's command line before signalling it, so a report
   * can name what was killed (read lazily otherwise: a stop never needs it,
   * and a killed process's command line is gone).
   */
  nameProcesses?: boolean;
  /**
   * Read what the processes have cost so far (see linux-usage.ts) just before
   * the wrapper, which would otherwise account for the whole tree as it ends,
   * could be killed: before SIGKILL at the deadline; before the first signal
   * when that is SIGKILL, or when no live wrapper leads the tree. Not before a
   * stop signal it may obey: on a 300-process tree the reads cost ~35 ms.
   */
  measureUsage?: boolean;
}

export interface StopTreeResult {
  /** Processes identified as ours. */
  found: number;
  /** Processes the stop signal was sent to. */
  signalled: number;
  /** Processes that needed SIGKILL. */
  killed: number;
  /** Ours and still alive at the end: another user's, or stuck in the kernel. */
  survivors: ProcessInfo[];
  /** Pids among the survivors that refused a signal (EPERM): root's through sudo, another user's. */
  denied: number[];
  /**
   * Whether processes outlived the grace period and got SIGKILL at its end.
   * Late children that the final sweep kills at once do not count: they never
   * had the stop signal, so they did not ignore it.
   */
  escalated: boolean;
  /** Every process found to be ours, killed or not. */
  processes: ProcessInfo[];
  /** With `measureUsage`: each process still alive just before it could lose its account (where the OS tells). */
  usageAtSignal?: Array<{ pid: number; usage: ProcessUsage }>;
  ms: number;
}

/** Processes that obey die within ms: poll that finely at first, then back off to spare the CPU. */
const POLL_MS = { min: 5, max: 50 };
/** A rescan of the whole table costs a few ms; new children are rare, so less often. */
const RESCAN_MS = { min: 100, max: 1000 };
/** SIGKILL cannot be ignored, but a process in uninterruptible sleep can take a while. */
const KILL_WAIT_MS = 2000;

export async function terminate(options: TerminateOptions): Promise<StopTreeResult> {
  const started = monotonicMs();
  const run = new Termination(options);
  run.scan(options.signal);
  // Nothing of ours existed at the scan, so nothing of ours can have forked since.
  if (run.foundNothing()) return run.result(monotonicMs() - started);
  if (!(await run.waitUntilGone(started + options.graceMs, options.signal))) {
    run.killPending();
    await run.waitUntilGone(monotonicMs() + KILL_WAIT_MS, 'SIGKILL');
  }
  // The final sweep, a rescan with SIGKILL: children forked since the last
  // scan, and daemons that forked away during the wait.
  if (run.scan('SIGKILL') > 0) await run.waitUntilGone(monotonicMs() + KILL_WAIT_MS, 'SIGKILL');
  return run.result(monotonicMs() - started);
}

class Termination {
  /** Set by the first scan: the protected pids come from the same snapshot. */
  private rules: OwnershipRules | undefined;
  /** The last table read: a rescan re-reads only processes created since (see linux-snapshot.ts). */
  private lastSnapshot: ProcessSnapshot | undefined;
  /** A scan found the recorded leader alive with its recorded identity. */
  private leaderVerified = false;
  /** Every process found to be ours, by identity (`pid:startTime`). */
  private readonly found = new Map<string, ProcessInfo>();
  /** Found and not yet seen gone, by pid. */
  private readonly pending = new Map<number, ProcessInfo>();
  private readonly signalled = new Set<string>();
  /** Signals already sent to the leader's group. */
  private readonly groupSignals = new Set<NodeJS.Signals>();
  private readonly killed = new Set<string>();
  /** Pids that refused a signal with EPERM. */
  private readonly denied = new Set<number>();
  /** SIGKILL went to processes still alive when the grace period ended. */
  private killedAtDeadline = false;
  private usageAtSignal: Array<{ pid: number; usage: ProcessUsage }> | undefined;

  constructor(private readonly options: TerminateOptions) {}

  // One pass over the table: sends `signal` to every process of ours that has
  // not had it yet. Returns how many were sent.
  scan(signal: NodeJS.Signals): number {
    const { platform, sharedSnapshot } = this.options;
    // A rescan, or a first scan on a shared table, may hold entries read a
    // while ago: their pids are confirmed before any signal.
    const first = this.lastSnapshot === undefined;
    const verify = !first || sharedSnapshot !== undefined;
    this.lastSnapshot = first && sharedSnapshot ? sharedSnapshot() : platform.snapshot(this.lastSnapshot);
    // A rescan's table keeps the environments the last one read (see
    // linux-snapshot.ts), so only new processes have theirs read.
    const snapshot = this.lastSnapshot;
    this.rules ??= {
      leader: this.options.leader,
      cookie: this.options.cookie,
      adopted: this.options.adopted,
      spared: protectedPids(snapshot.processes, process.pid),
    };
    // Proven ours stays ours while its pid keeps its start time: a rescan
    // starts from them, so it reads no environment to re-prove them (a daemon's
    // tree outlives its leader, and reading 300 dead environments costs 5 ms).
    const ours = findOurProcesses(snapshot, { ...this.rules, adopted: [...(this.options.adopted ?? []), ...this.found.values()] });
    this.leaderVerified ||= ours.leaderVerified;
    for (const info of ours.processes.values()) this.track(info);
    if (first && (signal === 'SIGKILL' || !ours.leaderVerified)) this.measure(ours.processes.values());
    const group = ours.leaderVerified ? this.signalGroup(signal, verify) : undefined;
    let sent = 0;
    for (const info of ours.processes.values()) {
      if (this.hasHad(info, signal)) continue;
      if (info.pgid === group) {
        if (this.countGroupDelivery(info, signal)) sent += 1;
        continue;
      }
      // Confirm the pid still holds the process found before signalling it
      // (see linux-snapshot.ts on reused entries).
      if (verify && !this.isStillAlive(info.pid)) continue;
      if (this.deliver(info, signal)) sent += 1;
    }
    return sent;
  }

  // The leader's group gets each signal once, in one call that also reaches
  // members forked after the snapshot. Once: a second SIGTERM makes many
  // programs skip their graceful shutdown, and re-runs a shell's trap.
  // Returns the group signalled now, if any.
  private signalGroup(signal: NodeJS.Signals, recheck: boolean): number | undefined {
    const { leader } = this.options;
    if (!leader || this.groupSignals.has(signal)) return undefined;
    if (recheck && !this.isStillAlive(leader.pid)) return undefined;
    this.groupSignals.add(signal);
    return sendSignal(-leader.pid, signal) === 'sent' ? leader.pid : undefined;
  }

  // At the deadline, before any rescan: SIGKILL everything pending, each right
  // after checking its pid still has the start time it had when found (a long
  // grace on a busy machine is enough for pids to be reused).
  killPending(): void {
    const { leader } = this.options;
    const leaderAlive = leader !== undefined && this.leaderVerified && this.isStillAlive(leader.pid);
    // Check all, then kill all: killing first would slow the checks down,
    // as the dying processes compete with them for the kernel.
    const alive = [...this.pending.values()].filter((info) => this.isStillAlive(info.pid));
    if (alive.length > 0) this.killedAtDeadline = true;
    if (this.usageAtSignal === undefined) this.measure(alive);
    for (const info of alive) this.deliver(info, 'SIGKILL');
    if (leader && leaderAlive && !this.groupSignals.has('SIGKILL')) {
      this.groupSignals.add('SIGKILL');
      sendSignal(-leader.pid, 'SIGKILL');
    }
  }

  // Polls the pending set until it is empty or the deadline passes; periodic
  // rescans catch children forked meanwhile and signal them too.
  async waitUntilGone(deadline: number, signal: NodeJS.Signals): Promise<boolean> {
    const waitStarted = monotonicMs();
    let lastScan = waitStarted;
    let pause = POLL_MS.min;
    for (;;) {
      // Sleep first: processes signalled a moment ago are still busy exiting,
      // and reading /proc of an exiting process is slow.
      await sleep(Math.max(0, Math.min(pause, deadline - monotonicMs())));
      const checkStarted = monotonicMs();
      if (this.allGone()) return true;
      if (checkStarted >= deadline) return false;
      const waited = checkStarted - waitStarted;
      if (checkStarted - lastScan >= clamp(waited / 4, RESCAN_MS)) {
        this.scan(signal);
        lastScan = monotonicMs();
      }
      // Checking never takes more than half the time (macOS `ps` calls are not free).
      pause = Math.max(clamp(waited / 10, POLL_MS), monotonicMs() - checkStarted);
    }
  }

  foundNothing(): boolean {
    return this.found.size === 0;
  }

  result(ms: number): StopTreeResult {
    for (const pid of [...this.pending.keys()]) this.isStillAlive(pid);
    return {
      found: this.found.size,
      signalled: this.signalled.size,
      killed: this.killed.size,
      survivors: [...this.pending.values()],
      denied: [...this.pending.keys()].filter((pid) => this.denied.has(pid)),
      escalated: this.killedAtDeadline,
      processes: [...this.found.values()],
      ...(this.usageAtSignal && { usageAtSignal: this.usageAtSignal }),
      ms,
    };
  }

  private measure(processes: Iterable<ProcessInfo>): void {
    const { platform, measureUsage } = this.options;
    if (!measureUsage || !platform.usageOf) return;
    this.usageAtSignal = [];
    for (const info of processes) {
      const usage = platform.usageOf(info.pid, info.startTime);
      if (usage) this.usageAtSignal.push({ pid: info.pid, usage });
    }
  }

  private track(info: ProcessInfo): void {
    const id = identity(info);
    if (this.found.has(id)) return;
    if (this.options.nameProcesses) void info.command;
    this.found.set(id, info);
    this.pending.set(info.pid, info);
  }

  // A stop signal of SIGKILL counts as the stop signal: nothing was escalated.
  private sentSet(signal: NodeJS.Signals): Set<string> {
    return signal === this.options.signal ? this.signalled : this.killed;
  }

  private hasHad(info: ProcessInfo, signal: NodeJS.Signals): boolean {
    return this.sentSet(signal).has(identity(info));
  }

  // A group member in the snapshot had the signal from the group call: counted
  // as delivered like a direct send, without a second signal.
  private countGroupDelivery(info: ProcessInfo, signal: NodeJS.Signals): boolean {
    const sent = this.sentSet(signal);
    if (sent.has(identity(info)) || this.pending.get(info.pid)?.startTime !== info.startTime) return false;
    sent.add(identity(info));
    return true;
  }

  // Sends a signal once per process and kind; returns whether it was sent now.
  private deliver(info: ProcessInfo, signal: NodeJS.Signals): boolean {
    const id = identity(info);
    const sent = this.sentSet(signal);
    if (sent.has(id) || this.pending.get(info.pid)?.startTime !== info.startTime) return false;
    const outcome = sendSignal(info.pid, signal);
    if (outcome === 'gone') this.pending.delete(info.pid);
    if (outcome === 'denied') this.denied.add(info.pid);
    if (outcome !== 'sent') return false;
    sent.add(id);
    return true;
  }

  // Checks pending processes in the order they were found and stops at the
  // first one alive: that alone proves "not done yet". So each process is
  // checked about once after it dies, and while a TERM-ignoring tree waits out
  // its grace a poll costs one check instead of one per process.
  private allGone(): boolean {
    for (const pid of this.pending.keys()) {
      if (this.isStillAlive(pid)) return false;
    }
    return true;
  }

  // Alive, not a zombie, and still the process we found; forgotten otherwise.
  private isStillAlive(pid: number): boolean {
    const info = this.pending.get(pid);
    if (info && this.options.platform.isAlive(pid, info.startTime)) return true;
    this.pending.delete(pid);
    return false;
  }
}

function identity(info: ProcessInfo): string {
  return `${info.pid}:${info.startTime}`;
}

function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, value));
}
