import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { currentPlatform } from '../../src/process/index.js';
import { waitFor } from '../helpers/proc.js';
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
    const pids = await scope.waitForProcesses(2);
    expect(platform.findByEnv(scope.cookie).map((p) => p.pid).sort()).toEqual([...pids].sort());
    expect(platform.findByEnv({ BGSVC_ID: `${scope.id}x` })).toEqual([]);
    const snapshot = platform.snapshot();
    expect(snapshot.envMatches(service.pid, scope.cookie)).toBe(true);
    expect(snapshot.envMatches(service.pid, { ...scope.cookie, BGSVC_SERVICE: 'other' })).toBe(false);
    expect(snapshot.envMatches(process.pid, scope.cookie)).toBe(false);
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

  it('finds no listener on a free port', async () => {
    const port = await listen('127.0.0.1');
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
    expect(platform.findListeners(port)).toEqual([]);
  });
});
