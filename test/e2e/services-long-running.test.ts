// examples/long-running: `npm start` never returns (Tugboat's `npm start &`
// pattern). As a service it keeps running across later, separate commands of
// the job, and stop ends npm, its shell and the server together.
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

describeWithPrerequisites('A start command that never returns (examples/long-running)', missingPrerequisites(['npm']), () => {
  it('keeps `npm start` running across later commands and stops the whole tree at the end', async () => {
    const port = await freePort();
    const dir = copyExample('long-running', { 3000: port });
    dirs.push(dir);
    const start = await bgsvc(['start'], { cwd: dir });
    expect(start.stderr).toMatch(new RegExp(`app ready in \\S+ \\(http://localhost:${port}/health\\)`));
    expect(start.code).toBe(0);
    // start returned; the server it started did not.
    const wrapper = JSON.parse(readFileSync(join(dir, '.bgsvc/state.json'), 'utf8')).services[0].pid;
    const tree = [wrapper, ...descendantsOf(wrapper)];
    expect(tree.length).toBeGreaterThanOrEqual(3); // the wrapper, npm, (sh,) node

    // Later build commands, each its own process, as a CI job's lines are.
    const step = (path: string) =>
      runCommand([process.execPath, '-e', `fetch('http://127.0.0.1:${port}${path}').then((r) => r.json()).then((b) => console.log(JSON.stringify(b)))`], {
        cwd: dir,
      });
    const first = JSON.parse((await step('/smoke')).stdout);
    expect(listenAddresses(port)).toEqual(['127.0.0.1']);
    const status = await bgsvc(['status', '--json'], { cwd: dir });
    expect(JSON.parse(status.stdout).services[0]).toMatchObject({ name: 'app', state: 'running' });
    const second = JSON.parse((await step('/e2e')).stdout);
    expect(second.pid).toBe(first.pid);
    expect(second.requests).toBeGreaterThan(first.requests);

    const stop = await bgsvc(['stop'], { cwd: dir });
    expect(stop.stderr).toMatch(/app stopped \(SIGTERM/);
    expect(stop.code).toBe(0);
    expect(tree.filter(isAlive)).toEqual([]);
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
    const log = readFileSync(join(dir, '.bgsvc/logs/app.log'), 'utf8');
    expect(log).toMatch(/GET \/smoke/);
    expect(log).toMatch(/GET \/e2e/);
    expect(log).toMatch(/app: SIGTERM after \d+ requests, shutting down/);
  });
});
