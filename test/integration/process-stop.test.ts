import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentPlatform, snapshotPerTurn, stopProcessTree, sweepByCookie, type ProcessPlatform, type ProcessSnapshot } from '../../src/process/index.js';
import { commandLine, isAlive, killAllWithEnv, parentOf, pidsWithEnv, waitFor } from '../helpers/proc.js';
import { createScope, type TestScope } from '../fixtures/process/services.js';

let scope: TestScope;
const strangers: ChildProcess[] = [];
beforeEach(() => {
  scope = createScope();
});
afterEach(async () => {
  await scope.cleanup();
  for (const child of strangers.splice(0)) child.kill('SIGKILL');
});

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

// A process that is not ours: no cookie, its own group, a child of the test.
function startStranger(env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): ChildProcess & { pid: number } {
  const child = spawn('sleep', ['1000'], { env, detached: true, stdio: 'ignore' });
  strangers.push(child);
  if (child.pid === undefined) throw new Error('stranger did not start');
  return child as ChildProcess & { pid: number };
}

const stop = (pid: number, startTime: string, graceMs = 2000) =>
  stopProcessTree({ platform: currentPlatform(), pid, startTime, cookie: scope.cookie, signal: 'SIGTERM', graceMs });

describe('stopProcessTree', () => {
  it('kills a three-level tree with the stop signal alone', async () => {
    const service = scope.launch('sleep 1000 & (sleep 1000 & (sleep 1000 & wait) & wait) & wait');
    // Until all three leaves run: the count passes through states where a subshell
    // is still forking, and the tree stop must be compared with the settled tree.
    expect(await waitFor(() => pidsWithEnv('BGSVC_ID', scope.id).filter((pid) => commandLine(pid) === 'sleep 1000').length === 3, 10_000)).toBe(true);
    const pids = await scope.waitForProcesses(7);
    const result = await stop(service.pid, service.startTime);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
    expect(result).toMatchObject({ found: pids.length, signalled: pids.length, killed: 0, escalated: false, survivors: [] });
    expect((await service.exited).signal).toBe('SIGTERM');
  });

  it("kills a setsid'd grandchild", async () => {
    const service = scope.launch('setsid sleep 1000 & wait');
    const pids = await scope.waitForProcesses(3);
    const daemon = pids.find((pid) => Number(statFields(pid)[3]) === pid)!;
    expect(daemon).toBeDefined();
    await stop(service.pid, service.startTime);
    expect(isAlive(daemon)).toBe(false);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
  });

  it('kills a double-forked daemon in its own session (re-parented to the wrapper, or away where there is none)', async () => {
    const service = scope.launch("sh -c '(setsid sleep 1000 &) &'; sleep 1000");
    // The daemon: the sleep that setsid made a session leader.
    const daemonOf = (pids: number[]) => pids.find((pid) => commandLine(pid) === 'sleep 1000' && Number(statFields(pid)[3]) === pid);
    // Settled: wrapper, shell, its sleep and the daemon, both sleeps exec'd; the
    // forking shells are gone. Four processes alone can be a moment where a
    // forking shell is still there and the shell's sleep not yet.
    const settled = () => {
      const pids = pidsWithEnv('BGSVC_ID', scope.id);
      return pids.length === 4 && pids.filter((pid) => commandLine(pid) === 'sleep 1000').length === 2 && daemonOf(pids) !== undefined;
    };
    expect(await waitFor(settled)).toBe(true);
    const pids = pidsWithEnv('BGSVC_ID', scope.id);
    const daemon = daemonOf(pids)!;
    expect(daemon).toBeDefined();
    const result = await stop(service.pid, service.startTime);
    expect(isAlive(daemon)).toBe(false);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
    expect(result.found).toBe(pids.length);
  });

  it('kills what a service left behind after it exited on its own', async () => {
    const service = scope.launch('(setsid sleep 1000 &); exit 0');
    expect((await service.exited).code).toBe(0);
    // The reaper wrapper stays, as the parent of what the command left.
    const left = await scope.waitForProcesses(service.reaper ? 2 : 1);
    if (service.reaper) expect(left.filter((pid) => pid !== service.pid).map(parentOf)).toEqual([service.pid]);
    const result = await stop(service.pid, service.startTime);
    expect(result.found).toBe(left.length);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
  });

  it('escalates to SIGKILL after the grace when SIGTERM is ignored', async () => {
    const service = scope.launch("trap '' TERM; sleep 1000 & sleep 1000 & wait");
    const pids = await scope.waitForProcesses(4);
    const started = performance.now();
    const result = await stop(service.pid, service.startTime, 500);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(elapsed).toBeLessThan(1500);
    expect(result.escalated).toBe(true);
    expect(result.killed).toBe(pids.length);
    expect(result.survivors).toEqual([]);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
  });

  it('stops a tree of 200 processes quickly', async () => {
    const service = scope.launch('for i in $(seq 200); do sleep 1000 & done; wait');
    const pids = await scope.waitForProcesses(202);
    const result = await stop(service.pid, service.startTime);
    expect(result.found).toBe(pids.length);
    expect(result.escalated).toBe(false);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
    console.log(`stopped a 202-process tree in ${result.ms.toFixed(1)} ms`);
    expect(result.ms).toBeLessThan(1000);
  });

  it('kills a process that moved to its own process group', async () => {
    const service = scope.launch(`perl -e 'setpgrp(0, 0); exec "sleep", "1000"' & wait`);
    await scope.waitForProcesses(3);
    await waitFor(() => pidsWithEnv('BGSVC_ID', scope.id).some((pid) => statFields(pid)[2] === String(pid) && pid !== service.pid));
    const moved = pidsWithEnv('BGSVC_ID', scope.id).find((pid) => Number(statFields(pid)[2]) === pid && pid !== service.pid);
    expect(moved).toBeDefined();
    await stop(service.pid, service.startTime);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
  });

  it('spares a recorded pid now owned by a stranger (start time differs)', async () => {
    const stranger = startStranger();
    const realStart = statFields(stranger.pid)[19]!;
    const result = await stop(stranger.pid, String(Number(realStart) - 1));
    expect(result.found).toBe(0);
    expect(isAlive(stranger.pid)).toBe(true);
  });

  it('stops the recorded process when its start time matches, even without the cookie', async () => {
    const stranger = startStranger();
    const result = await stop(stranger.pid, statFields(stranger.pid)[19]!);
    expect(result.found).toBe(1);
    expect(await waitFor(() => !isAlive(stranger.pid))).toBe(true);
  });

  it('is a no-op on a tree that is already stopped', async () => {
    const service = scope.launch('sleep 1000 & wait');
    await scope.waitForProcesses(3);
    await stop(service.pid, service.startTime);
    const again = await stop(service.pid, service.startTime);
    expect(again).toMatchObject({ found: 0, signalled: 0, killed: 0, survivors: [], escalated: false });
  });

  it.each([
    ['an empty cookie', { cookie: {} }, /at least one environment entry/],
    ['an empty cookie value', { cookie: { BGSVC_ID: '' } }, /non-empty-value/],
    ['pid 0', { pid: 0 }, /greater than 1, got 0/],
    ['pid 1', { pid: 1 }, /greater than 1, got 1/],
    ['a negative pid', { pid: -5 }, /greater than 1, got -5/],
    ['an unknown signal', { signal: 'SIGNOPE' }, /signal name such as SIGTERM, got "SIGNOPE"/],
    ['a negative grace', { graceMs: -1 }, /non-negative number, got -1/],
  ])('rejects %s before signalling anything', async (_label, override, message) => {
    const options = { pid: 12345, startTime: '1', cookie: scope.cookie, signal: 'SIGTERM' as const, graceMs: 10, platform: currentPlatform(), ...override };
    await expect(stopProcessTree(options as Parameters<typeof stopProcessTree>[0])).rejects.toThrow(message);
  });
});

describe('sweepByCookie', () => {
  it('stops only the processes carrying exactly that cookie', async () => {
    const ours = scope.launch('exec sleep 1000', { name: 'ours' });
    // Settled first, so the count below is not taken while the shell execs sleep.
    await scope.waitForCommand('sleep 1000');
    const oursCount = (await scope.waitForProcesses(2)).length;
    const other = startStranger({ PATH: process.env.PATH, BGSVC_ID: 'other' });
    const longer = startStranger({ PATH: process.env.PATH, BGSVC_ID: `${scope.id}-longer`, BGSVC_SERVICE: 'svc' });
    const partial = startStranger({ PATH: process.env.PATH, BGSVC_ID: scope.id }); // lacks BGSVC_SERVICE=svc
    const result = await sweepByCookie({ platform: currentPlatform(), cookie: scope.cookie, signal: 'SIGTERM', graceMs: 1000 });
    expect(result.found).toBe(oursCount);
    expect(isAlive(ours.pid)).toBe(false);
    for (const survivor of [other, longer, partial]) expect(isAlive(survivor.pid)).toBe(true);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([partial.pid]);
  });

  it('catches a child forked during the grace that lacks the cookie, by descent', async () => {
    // On TERM the shell forks a child without BGSVC_ID, in its own session
    // (out of the group), and carries on: only a rescan that re-reads new
    // processes (not an old snapshot) finds it, as the shell's child.
    const marker = `BGSVC_TEST_LATE=${scope.id}`;
    const service = scope.launch(`trap 'env -u BGSVC_ID -u BGSVC_SERVICE ${marker} setsid sleep 1000 &' TERM; while :; do sleep 0.05; done`);
    // Its loop's sleep, so the trap is set: two processes exist before it is.
    await scope.waitForCommand('sleep 0.05');
    try {
      const result = await stop(service.pid, service.startTime, 1500);
      expect(result.escalated).toBe(true);
      expect(pidsWithEnv('BGSVC_TEST_LATE', scope.id)).toEqual([]);
      expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
    } finally {
      killAllWithEnv('BGSVC_TEST_LATE', scope.id);
    }
  });

  it('sends the stop signal once to each process, even one that outlives the grace', async () => {
    // A second SIGTERM makes many programs skip their graceful shutdown.
    const counts = join(scope.dir, 'terms');
    const service = scope.launch(`trap 'echo shell >> ${counts}' TERM; while :; do sleep 0.05; done`);
    await scope.waitForCommand('sleep 0.05');
    const result = await stop(service.pid, service.startTime, 800);
    expect(result.escalated).toBe(true);
    expect(readFileSync(counts, 'utf8')).toBe('shell\n');
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
  });

  it('escalates to SIGKILL for orphans that ignore the signal', async () => {
    const service = scope.launch("trap '' TERM; (setsid sleep 1000 &); exit 0");
    await service.exited;
    // With the reaper, the wrapper waits for the orphan, and dies with it.
    const count = service.reaper ? 2 : 1;
    expect(await scope.waitForProcesses(count)).toHaveLength(count);
    const result = await sweepByCookie({ platform: currentPlatform(), cookie: scope.cookie, signal: 'SIGTERM', graceMs: 200 });
    expect(result).toMatchObject({ found: count, escalated: true });
    expect(result.killed).toBeGreaterThanOrEqual(1);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
  });
});

describe('stops that begin together and share one table read', () => {
  // The real platform, counting its full reads (a rescan passes the table before it).
  function countingPlatform(): { platform: ProcessPlatform; fullReads: () => number } {
    const real = currentPlatform();
    let fullReads = 0;
    return {
      platform: {
        ...real,
        snapshot: (previous?: ProcessSnapshot) => {
          if (previous === undefined) fullReads += 1;
          return real.snapshot(previous);
        },
      },
      fullReads: () => fullReads,
    };
  }

  it('stops three trees side by side from one read of the table', async () => {
    const services = ['a', 'b', 'c'].map((name) =>
      scope.launch('sleep 1000 & sleep 1000 & wait', { name, env: { BGSVC_SERVICE: name } }),
    );
    // Per tree: the wrapper, the service's shell and its two sleeps.
    const pids = await scope.waitForProcesses(12);
    const { platform, fullReads } = countingPlatform();
    const sharedSnapshot = snapshotPerTurn(platform);
    const results = await Promise.all(
      services.map((service, index) =>
        stopProcessTree({
          pid: service.pid,
          startTime: service.startTime,
          cookie: { BGSVC_ID: scope.id, BGSVC_SERVICE: ['a', 'b', 'c'][index]! },
          signal: 'SIGTERM',
          graceMs: 2000,
          platform,
          sharedSnapshot,
        }),
      ),
    );
    expect(fullReads()).toBe(1);
    expect(results.map((result) => result.found)).toEqual([4, 4, 4]);
    expect(pids).toHaveLength(12);
    expect(results.every((result) => result.survivors.length === 0 && !result.escalated)).toBe(true);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
  });

  it('re-checks a shared table before signalling: an entry whose pid now holds a stranger is spared', async () => {
    const service = scope.launch('sleep 1000 & wait');
    await scope.waitForProcesses(2);
    const stranger = startStranger();
    const real = currentPlatform().snapshot();
    const strangerInfo = real.processes.get(stranger.pid)!;
    // As a table read a moment ago would show it had the pid then held our
    // service's child, since gone and the pid reused by the stranger.
    const stale: ProcessSnapshot = {
      processes: new Map([
        ...real.processes,
        [stranger.pid, { ...strangerInfo, ppid: service.pid, startTime: String(Number(strangerInfo.startTime) - 1) }],
      ]),
      envMatches: real.envMatches,
    };
    const result = await stopProcessTree({
      platform: currentPlatform(),
      pid: service.pid,
      startTime: service.startTime,
      cookie: scope.cookie,
      signal: 'SIGTERM',
      graceMs: 2000,
      sharedSnapshot: () => stale,
    });
    expect(result.survivors).toEqual([]);
    expect(isAlive(stranger.pid)).toBe(true);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
  });
});
