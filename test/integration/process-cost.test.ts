// The wrappers' account of what a service cost (cost-file.ts), with real
// processes: the reaper's covers every process of the tree, those that exited
// before the end included; the sh wrapper's (macOS, Linux without perl) has
// only CPU time. Each is written when the service exits on its own and when
// it is stopped by a signal. Costs are made known in advance with perl, which
// touches what it allocates and burns CPU by its own clock (`times`).
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { costFileFor, readCostFile } from '../../src/process/cost-file.js';
import { wrapperArgs } from '../../src/process/wrapper.js';
import { createScope, type TestScope } from '../fixtures/process/services.js';

const MB = 1024 * 1024;
/** A child that touches 64 MB and burns 0.2 s of CPU, then exits. */
const HOG = `perl -e '$x = "a" x (64 * 1024 * 1024); while ((times)[0] < 0.2) { for (1 .. 100000) {} }'`;

let scope: TestScope;
beforeEach(() => {
  scope = createScope();
});
afterEach(() => scope.cleanup());

describe('the reaper wrapper\'s cost file', () => {
  it('counts a child that exited long before the service was stopped, memory and CPU', async () => {
    const service = scope.launch(`${HOG}; echo hogged; exec sleep 1000`);
    expect(service.reaper).toBe(true);
    await scope.waitForCommand('sleep 1000');
    // Until the wrapper ends there is no account.
    expect(existsSync(costFileFor(service.exitFile))).toBe(false);
    process.kill(-service.pid, 'SIGTERM');
    expect((await service.exited).signal).toBe('SIGTERM');
    const cost = readCostFile(costFileFor(service.exitFile));
    expect(cost?.scope).toBe('tree');
    // 64 MB of string, and perl makes a copy on assignment: 64-200 MB.
    expect(cost!.peakMemoryBytes).toBeGreaterThanOrEqual(64 * MB);
    expect(cost!.peakMemoryBytes).toBeLessThan(200 * MB);
    expect(cost!.cpuMs).toBeGreaterThanOrEqual(200);
    expect(cost!.cpuMs).toBeLessThan(2000);
  });

  it('replaces an earlier run\'s cost file at launch, so a killed wrapper never reports old numbers', async () => {
    const costFile = join(scope.dir, 'svc.cost');
    writeFileSync(costFile, 'tree 99000000 999999\n');
    const service = scope.launch('exec sleep 1000');
    expect(existsSync(costFile)).toBe(false);
    process.kill(-service.pid, 'SIGKILL');
    await service.exited;
    expect(existsSync(costFile)).toBe(false);
  });
});

describe('the sh wrapper\'s cost file', () => {
  // Started the way launch.ts starts it where perl or prctl is missing.
  function runShWrapper(command: string): { exited: Promise<void>; pid: number; costFile: string } {
    const exitFile = join(scope.dir, 'sh.exit');
    const args = wrapperArgs({ name: 'sh', shell: '/bin/sh', command, exitFile });
    const child = spawn('/bin/sh', args, { cwd: scope.dir, env: { ...process.env, ...scope.cookie }, detached: true, stdio: 'ignore' });
    return { pid: child.pid!, costFile: costFileFor(exitFile), exited: new Promise((done) => child.once('exit', () => done())) };
  }

  it('has the CPU time of what its shell waited for, and no memory figure, when the command exits', async () => {
    const run = runShWrapper(`${HOG}; exit 3`);
    await run.exited;
    const cost = readCostFile(run.costFile);
    expect(cost).toMatchObject({ scope: 'children' });
    expect(cost!.cpuMs).toBeGreaterThanOrEqual(200);
    expect(cost!.cpuMs).toBeLessThan(2000);
    expect(cost!.peakMemoryBytes).toBeUndefined();
  });

  it('writes it too when the service is stopped by a signal', async () => {
    const run = runShWrapper('exec sleep 1000');
    await scope.waitForCommand('sleep 1000');
    process.kill(-run.pid, 'SIGTERM');
    await run.exited;
    expect(readCostFile(run.costFile)).toMatchObject({ scope: 'children', cpuMs: expect.any(Number) });
  });
});
