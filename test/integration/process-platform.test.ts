import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { currentPlatform } from '../../src/process/index.js';
import { isMidExec, waitFor } from '../helpers/proc.js';
import { createScope, type TestScope } from '../fixtures/process/services.js';

const platform = currentPlatform();
const servers: Server[] = [];
let scope: TestScope | undefined;
afterEach(async () => {
  await scope?.cleanup();
  scope = undefined;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listen(host: string): Promise<number> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

function childrenOf(parent: number): number[] {
  const listed = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim();
  return listed === '' ? [] : listed.split(' ').map(Number);
}

function readsEmptyMidExec(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`).length === 0 && isMidExec(pid);
  } catch {
    return false;
  }
}

function canListenOn(host: string): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, host, () => server.close(() => resolve(true)));
  });
}

describe('the Linux platform', () => {
  it('takes one snapshot holding this process with its parent, group and start time', () => {
    const snapshot = platform.snapshot();
    const self = snapshot.processes.get(process.pid);
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    expect(self).toMatchObject({ pid: process.pid, ppid: process.ppid, pgid: Number(fields[2]), sid: Number(fields[3]), zombie: false });
    expect(self?.startTime).toBe(fields[19]);
    expect(self?.command).toContain('node');
  });

  it('finds processes by exact environment entries', async () => {
    scope = createScope();
    const service = scope.launch('exec sleep 1000');
    // Settled first (the shell has become sleep), so the count below is the final one.
    await scope.waitForCommand('sleep 1000');
    const pids = await scope.waitForProcesses(2);
    expect(platform.findByEnv(scope.cookie).map((p) => p.pid).sort()).toEqual([...pids].sort());
    expect(platform.findByEnv({ BGSVC_ID: `${scope.id}x` })).toEqual([]);
    const snapshot = platform.snapshot();
    expect(snapshot.envMatches(service.pid, scope.cookie)).toBe(true);
    expect(snapshot.envMatches(service.pid, { ...scope.cookie, BGSVC_SERVICE: 'other' })).toBe(false);
    expect(snapshot.envMatches(process.pid, scope.cookie)).toBe(false);
  });

  it('knows a process of ours while an exec swaps its memory (its environment reads empty for a moment)', async () => {
    // A shell that forks and execs without pause, the way a service's script
    // does. Each exec has a moment where /proc/<pid>/environ reads 0 bytes and
    // stat's env_end (field 51) is 0; the sleeps then live 50 ms with the cookie.
    const cookie = { BGSVC_ID: `mid-exec-${process.pid}` };
    const loop = spawn('bash', ['-c', 'while :; do for i in 1 2 3 4 5 6 7 8; do /bin/sleep 0.05 & done; wait; done'], {
      env: { PATH: process.env.PATH, ...cookie },
      stdio: 'ignore',
    });
    try {
      const caught: Array<{ pid: number; hasEnv: boolean; inSnapshot: boolean }> = [];
      const deadline = Date.now() + 15_000;
      while (caught.length < 5 && Date.now() < deadline) {
        for (const pid of childrenOf(loop.pid!)) {
          if (!readsEmptyMidExec(pid)) continue;
          // Asked right away, while the exec is still in flight or just through.
          const hasEnv = platform.hasEnv(pid, cookie);
          const inSnapshot = platform.snapshot().envMatches(pid, cookie);
          // A process that is gone by now proves nothing either way.
          if (platform.isAlive(pid)) caught.push({ pid, hasEnv, inSnapshot });
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(caught.length, 'caught no exec in flight in 15 s: the test proves nothing').toBeGreaterThanOrEqual(5);
      expect(caught.filter((entry) => !entry.hasEnv || !entry.inSnapshot)).toEqual([]);
    } finally {
      // Its last sleeps end on their own within 50 ms.
      loop.kill('SIGKILL');
    }
  });

  it('counts a process\'s live and zombie children (what start asks of a reaper wrapper when probes pass)', async () => {
    // The shell forks `sleep` and then `true`, and exec's into a sleep that never reaps them.
    const parent = spawn('/bin/sh', ['-c', 'sleep 1000 & true & exec sleep 1001'], { stdio: 'ignore' });
    const pid = parent.pid!;
    try {
      const children = () => [...platform.snapshot().processes.values()].filter((p) => p.ppid === pid);
      await waitFor(() => children().some((p) => p.zombie) && children().some((p) => !p.zombie && p.command.includes('1000')));
      expect(platform.childrenOf?.(pid)).toEqual({ live: 1, exiting: 1 });
      const live = children().find((p) => !p.zombie)!;
      process.kill(live.pid, 'SIGKILL');
      await waitFor(() => children().every((p) => p.zombie));
      // Only zombies left under it now: no live child.
      expect(platform.childrenOf?.(pid)).toEqual({ live: 0, exiting: 2 });
      // A process with no children at all, and a pid that does not exist.
      const childless = spawn('/bin/sh', ['-c', 'exec sleep 1000'], { stdio: 'ignore' });
      try {
        await waitFor(() => readFileSync(`/proc/${childless.pid}/cmdline`, 'utf8').startsWith('sleep'));
        expect(platform.childrenOf?.(childless.pid!)).toEqual({ live: 0, exiting: 0 });
      } finally {
        childless.kill('SIGKILL');
      }
      expect(platform.childrenOf?.(2 ** 22 + 7)).toBeUndefined();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('tells a live process from a reused pid, a dead one and a zombie', async () => {
    // `true` exits at once and its parent, now exec'd into sleep, never reaps it.
    const parent = spawn('/bin/sh', ['-c', 'true & exec sleep 1000'], { stdio: 'ignore' });
    const pid = parent.pid!;
    try {
      const startTime = platform.startTimeOf(pid);
      expect(startTime).toMatch(/^\d+$/);
      expect(platform.isAlive(pid)).toBe(true);
      expect(platform.isAlive(pid, startTime)).toBe(true);
      expect(platform.isAlive(pid, `${startTime}0`)).toBe(false);
      let zombie: number | undefined;
      await waitFor(() => {
        zombie = [...platform.snapshot().processes.values()].find((p) => p.ppid === pid && p.zombie)?.pid;
        return zombie !== undefined;
      });
      expect(zombie).toBeDefined();
      expect(() => process.kill(zombie!, 0)).not.toThrow();
      expect(platform.isAlive(zombie!)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
    expect(await waitFor(() => !platform.isAlive(pid))).toBe(true);
    expect(platform.isAlive(2 ** 22 + 1)).toBe(false);
    expect(platform.startTimeOf(2 ** 22 + 1)).toBeUndefined();
  });

  it('names this process as the listener on 127.0.0.1', async () => {
    const port = await listen('127.0.0.1');
    expect(platform.findListeners(port)).toContainEqual({ pid: process.pid, command: expect.stringContaining('node') });
  });

  it('names this process as the listener on ::1', async (context) => {
    if (!(await canListenOn('::1'))) context.skip();
    const port = await listen('::1');
    expect(platform.findListeners(port).map((l) => l.pid)).toContain(process.pid);
  });

  it('skips listeners that started before `startedSince`, and keeps those that did not', async () => {
    const port = await listen('127.0.0.1');
    const ourStart = platform.startTimeOf(process.pid)!;
    expect(platform.findListeners(port, ourStart).map((l) => l.pid)).toEqual([process.pid]);
    expect(platform.findListeners(port, String(Number(ourStart) + 1))).toEqual([]);
  });

  it('finds no listener on a free port', async () => {
    const port = await listen('127.0.0.1');
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
    expect(platform.findListeners(port)).toEqual([]);
  });
});

describe('Linux snapshots taken one after another', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });
  const startSleep = () => {
    const child = spawn('sleep', ['1000'], { stdio: 'ignore' });
    children.push(child);
    return child as ChildProcess & { pid: number };
  };
  const stopSleep = async (child: ChildProcess) => {
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited; // reaped by Node: the pid is free again
  };

  it('reuse what has not changed and read what was created since', async () => {
    const first = platform.snapshot();
    const child = startSleep();
    await waitFor(() => platform.startTimeOf(child.pid) !== undefined);
    const second = platform.snapshot(first);
    expect(second.processes.get(process.pid)).toBe(first.processes.get(process.pid));
    expect(first.processes.has(child.pid)).toBe(false);
    expect(second.processes.get(child.pid)).toMatchObject({ ppid: process.pid, startTime: platform.startTimeOf(child.pid), zombie: false });
  });

  it('drop a process that was reaped in between', async () => {
    const child = startSleep();
    await waitFor(() => platform.startTimeOf(child.pid) !== undefined);
    const first = platform.snapshot();
    expect(first.processes.has(child.pid)).toBe(true);
    await stopSleep(child);
    expect(platform.snapshot(first).processes.has(child.pid)).toBe(false);
  });

  it('read a reused pid afresh, never lending it the old process\'s identity', async (context) => {
    // Forcing the kernel to hand out a given pid needs ns_last_pid (root, or CAP_CHECKPOINT_RESTORE).
    try {
      writeFileSync('/proc/sys/kernel/ns_last_pid', readFileSync('/proc/sys/kernel/ns_last_pid'));
    } catch {
      context.skip('cannot write /proc/sys/kernel/ns_last_pid here, so a pid cannot be reused on purpose');
    }
    const old = startSleep();
    startSleep(); // so the last pid handed out at the first snapshot is above old's
    await waitFor(() => platform.startTimeOf(old.pid) !== undefined);
    const first = platform.snapshot();
    const oldStart = first.processes.get(old.pid)?.startTime;
    await stopSleep(old);
    await new Promise((resolve) => setTimeout(resolve, 30)); // a later clock tick, so the start times differ
    let reused: (ChildProcess & { pid: number }) | undefined;
    // Rewinding the counter below old's pid looks to the snapshot exactly like
    // the counter coming round past pid_max. Other test workers fork too and
    // may take the pid first: try a few times.
    for (let attempt = 0; attempt < 20 && !reused; attempt += 1) {
      writeFileSync('/proc/sys/kernel/ns_last_pid', String(old.pid - 1));
      const child = startSleep();
      if (child.pid === old.pid) reused = child;
      else await stopSleep(child);
    }
    expect(reused, 'the kernel handed the pid out again').toBeDefined();
    await waitFor(() => platform.startTimeOf(old.pid) !== undefined);
    const second = platform.snapshot(first);
    expect(second.processes.get(old.pid)?.startTime).toBe(platform.startTimeOf(old.pid));
    expect(second.processes.get(old.pid)?.startTime).not.toBe(oldStart);
  });
});
