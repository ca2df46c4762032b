// examples/redis against a real redis-server: ready the moment its port
// accepts connections (no sleep), it really answers, and stop leaves nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWithPrerequisites, missingPrerequisites } from '../helpers/binaries.js';
import { bgsvc, copyExample, killRun, recordedId, runCommand } from '../helpers/examples.js';
import { freePort } from '../helpers/ports.js';
import { isAlive, listenAddresses, pidsWithEnv } from '../helpers/proc.js';
import { descendantsOf } from '../helpers/proc-tree.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) killRun(dir);
});

describeWithPrerequisites('Redis + ping (examples/redis)', missingPrerequisites(['redis-server', 'redis-cli']), () => {
  it('starts redis, is ready when tcp:PORT answers, serves commands, and stop leaves no process', async () => {
    const port = await freePort();
    const dir = copyExample('redis', { 6379: port });
    dirs.push(dir);
    const config = readFileSync(join(dir, 'bgsvc.yml'), 'utf8').replace(/^\s*#.*$/gm, '');
    expect(config).not.toMatch(/\bsleep\b|delay/);

    const start = await bgsvc(['start'], { cwd: dir });
    expect(start.stderr).toMatch(new RegExp(`redis ready in \\S+ \\(tcp:${port}\\)`));
    expect(start.code).toBe(0);

    const cli = (...args: string[]) => runCommand(['redis-cli', '-p', String(port), ...args], { cwd: dir });
    expect((await cli('ping')).stdout.trim()).toBe('PONG');
    expect(listenAddresses(port)).toEqual(['127.0.0.1']);
    expect((await cli('set', 'greeting', 'hello')).stdout.trim()).toBe('OK');
    expect((await cli('get', 'greeting')).stdout.trim()).toBe('hello');
    const info = (await cli('info', 'server')).stdout;
    const serverPid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    // redis-server writes its title over its environment, so it is found as
    // the child of the recorded wrapper rather than by its BGSVC_ID.
    const wrapper = JSON.parse(readFileSync(join(dir, '.bgsvc/state.json'), 'utf8')).services[0].pid;
    expect(descendantsOf(wrapper)).toContain(serverPid);

    const stop = await bgsvc(['stop'], { cwd: dir });
    expect(stop.code).toBe(0);
    expect(stop.stderr).toMatch(/redis stopped \(SIGTERM/);
    expect(isAlive(serverPid)).toBe(false);
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
    expect(readFileSync(join(dir, '.bgsvc/logs/redis.log'), 'utf8')).toMatch(/Ready to accept connections/);
  });

  it('runs `bgsvc run -- redis-cli ping` in one line and exits with its code', async () => {
    const port = await freePort();
    const dir = copyExample('redis', { 6379: port });
    dirs.push(dir);
    const run = await bgsvc(['run', '--', 'redis-cli', '-p', String(port), 'ping'], { cwd: dir });
    expect(run.stdout.trim()).toBe('PONG');
    expect(run.code).toBe(0);
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
  });
});
