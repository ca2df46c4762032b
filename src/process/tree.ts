// Deciding which processes are ours. This is the only place that does, and it
// errs on the side of sparing: a pid is ours only if it is the recorded
// process (same pid AND start time), descends from one of ours, or carries
// the cookie in its environment. Group membership alone proves nothing.
import type { ProcessInfo, ProcessSnapshot } from './types.js';

export interface OwnershipRules {
  /** The recorded wrapper (group and session leader); absent for a cookie-only sweep. */
  leader?: { pid: number; startTime: string };
  /** Environment entries that mark a process as started by us. */
  cookie: Record<string, string>;
  /**
   * Processes recorded as ours without the cookie (a daemon that rewrote its
   * environment, found holding the service's port): ours only while the pid
   * still has the recorded start time, and their descendants with them.
   */
  adopted?: ReadonlyArray<{ pid: number; startTime: string }>;
  /** Never ours, whatever they carry: see protectedPids. */
  spared: ReadonlySet<number>;
}

export interface OurProcesses {
  /** Live (non-zombie) processes that are provably ours. */
  processes: Map<number, ProcessInfo>;
  /** The recorded leader is alive with its recorded identity, so its group `-pid` is ours too. */
  leaderVerified: boolean;
}

export function findOurProcesses(snapshot: ProcessSnapshot, rules: OwnershipRules): OurProcesses {
  const { processes } = snapshot;
  const { spared } = rules;
  const children = childrenByParent(processes);
  const ours = new Map<number, ProcessInfo>();
  const visited = new Set<number>();
  const adopt = (root: ProcessInfo) => {
    // Children of a verified process are ours, transitively.
    const queue = [root];
    for (let next = queue.pop(); next; next = queue.pop()) {
      if (spared.has(next.pid) || visited.has(next.pid)) continue;
      visited.add(next.pid);
      if (!next.zombie) ours.set(next.pid, next);
      for (const child of children.get(next.pid) ?? []) queue.push(child);
    }
  };

  const leader = rules.leader && processes.get(rules.leader.pid);
  const leaderVerified =
    leader !== undefined && !leader.zombie && !spared.has(leader.pid) && isRecordedLeader(leader, snapshot, rules);
  if (leader && leaderVerified) adopt(leader);
  for (const recorded of rules.adopted ?? []) {
    const info = processes.get(recorded.pid);
    if (info && !info.zombie && recorded.startTime !== '' && info.startTime === recorded.startTime) adopt(info);
  }

  // The cookie catches what left the tree: double-forked and setsid'd daemons re-parented to init.
  for (const info of processes.values()) {
    if (visited.has(info.pid) || info.zombie || spared.has(info.pid)) continue;
    if (snapshot.envMatches(info.pid, rules.cookie)) adopt(info);
  }
  return { processes: ours, leaderVerified };
}

// Same start time means same process. Without a recorded start time (it was
// unreadable at launch) only the cookie can vouch for the pid.
function isRecordedLeader(leader: ProcessInfo, snapshot: ProcessSnapshot, rules: OwnershipRules): boolean {
  const recorded = rules.leader?.startTime ?? '';
  if (recorded !== '') return leader.startTime === recorded;
  return snapshot.envMatches(leader.pid, rules.cookie);
}

// pid 0/1, this process and every ancestor: signalling one would kill the
// runner, the CLI itself, or the shell that called it.
export function protectedPids(processes: Map<number, ProcessInfo>, selfPid: number): Set<number> {
  const spared = new Set<number>([0, 1]);
  for (let pid: number | undefined = selfPid; pid !== undefined && !spared.has(pid); pid = processes.get(pid)?.ppid) {
    spared.add(pid);
  }
  return spared;
}

function childrenByParent(processes: Map<number, ProcessInfo>): Map<number, ProcessInfo[]> {
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes.values()) {
    const siblings = children.get(info.ppid);
    if (siblings) siblings.push(info);
    else children.set(info.ppid, [info]);
  }
  return children;
}
