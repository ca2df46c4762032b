import { describe, expect, it } from 'vitest';
import type { ProcessInfo, ProcessSnapshot } from '../../src/process/platform.js';
import { findOurProcesses, protectedPids } from '../../src/process/tree.js';

const COOKIE = { BGSVC_ID: 'abc', BGSVC_SERVICE: 'api' };

type Row = [pid: number, ppid: number, options?: { pgid?: number; start?: string; zombie?: boolean; cookie?: boolean }];

// A fake process table: [pid, ppid, options]; start time defaults to `t<pid>`.
function table(rows: Row[]): ProcessSnapshot {
  const processes = new Map<number, ProcessInfo>();
  const withCookie = new Set<number>();
  for (const [pid, ppid, options = {}] of rows) {
    processes.set(pid, {
      pid,
      ppid,
      pgid: options.pgid ?? pid,
      sid: options.pgid ?? pid,
      startTime: options.start ?? `t${pid}`,
      zombie: options.zombie ?? false,
      command: `cmd${pid}`,
    });
    if (options.cookie) withCookie.add(pid);
  }
  return {
    processes,
    envMatches: (pid, vars) => withCookie.has(pid) && JSON.stringify(vars) === JSON.stringify(COOKIE),
  };
}

// The test runner's own chain: 1 → 50 (runner) → 60 (bgsvc, "self").
const BASE: Row[] = [
  [1, 0],
  [50, 1],
  [60, 50],
];
const SELF = 60;

function ours(rows: Row[], leader?: { pid: number; startTime: string }) {
  const snapshot = table([...BASE, ...rows]);
  const result = findOurProcesses(snapshot, {
    leader,
    cookie: COOKIE,
    spared: protectedPids(snapshot.processes, SELF),
  });
  return { pids: [...result.processes.keys()].sort((a, b) => a - b), leaderVerified: result.leaderVerified };
}

describe('findOurProcesses', () => {
  it('takes the recorded leader and all its descendants, cookie or not', () => {
    const result = ours(
      [
        [100, 1, { cookie: true }],
        [101, 100],
        [102, 101, { pgid: 102 }],
        [103, 102],
        [200, 1],
      ],
      { pid: 100, startTime: 't100' },
    );
    expect(result).toEqual({ pids: [100, 101, 102, 103], leaderVerified: true });
  });

  it('treats a recorded pid with another start time as a stranger, with its children', () => {
    const result = ours([[100, 1], [101, 100]], { pid: 100, startTime: 'older' });
    expect(result).toEqual({ pids: [], leaderVerified: false });
  });

  it('still takes cookie holders when the recorded pid was reused', () => {
    const result = ours([[100, 1], [300, 1, { cookie: true }], [301, 300]], { pid: 100, startTime: 'older' });
    expect(result).toEqual({ pids: [300, 301], leaderVerified: false });
  });

  it('finds daemons re-parented to init by their cookie alone', () => {
    const result = ours([[100, 1, { cookie: true }], [300, 1, { cookie: true, pgid: 300 }], [301, 300]], {
      pid: 100,
      startTime: 't100',
    });
    expect(result.pids).toEqual([100, 300, 301]);
  });

  it('does not take members of the recorded group that neither descend from it nor carry the cookie', () => {
    const result = ours([[100, 1, { cookie: true }], [400, 1, { pgid: 100 }]], { pid: 100, startTime: 't100' });
    expect(result.pids).toEqual([100]);
  });

  it('vouches for a leader without a recorded start time only through the cookie', () => {
    expect(ours([[100, 1]], { pid: 100, startTime: '' })).toEqual({ pids: [], leaderVerified: false });
    expect(ours([[100, 1, { cookie: true }]], { pid: 100, startTime: '' })).toEqual({ pids: [100], leaderVerified: true });
  });

  it('never takes pid 1, this process or its ancestors, even with the cookie', () => {
    const snapshot = table([
      [1, 0, { cookie: true }],
      [50, 1, { cookie: true }],
      [60, 50, { cookie: true }],
      [61, 60, { cookie: true }],
    ]);
    const result = findOurProcesses(snapshot, { cookie: COOKIE, spared: protectedPids(snapshot.processes, SELF) });
    expect([...result.processes.keys()]).toEqual([61]);
  });

  it('refuses a recorded pid that is this process', () => {
    expect(ours([], { pid: SELF, startTime: `t${SELF}` })).toEqual({ pids: [], leaderVerified: false });
  });

  it('leaves zombies out: they are gone already', () => {
    const result = ours([[100, 1, { cookie: true }], [101, 100, { zombie: true }], [300, 1, { cookie: true, zombie: true }]], {
      pid: 100,
      startTime: 't100',
    });
    expect(result.pids).toEqual([100]);
  });

  it('does not verify a zombie leader', () => {
    expect(ours([[100, 1, { zombie: true, cookie: true }]], { pid: 100, startTime: 't100' }).leaderVerified).toBe(false);
  });
});

describe('protectedPids', () => {
  it('holds 0, 1, this process and every ancestor', () => {
    const snapshot = table([...BASE, [70, 60]]);
    expect([...protectedPids(snapshot.processes, SELF)].sort((a, b) => a - b)).toEqual([0, 1, 50, 60]);
  });
});
