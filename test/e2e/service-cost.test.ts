// What each service cost (issue 17, part 5): peak memory and CPU time of its
// processes, exited ones included, shown by `stop`, `status` and
// `status --json`. Through the built CLI, as root and as GitLab's
// shell-executor user, with services whose cost is known in advance:
// - hog: a child allocates and touches 200 MB, burns 1 s of CPU (by its own
//   CPU clock, not the wall clock, so a busy machine cannot shorten it) and
//   EXITS before ready; the service then idles in `sleep`. Only an account that
//   includes exited processes can see those 200 MB at stop.
// - migrate: a task (`ready: exit`) that burns 0.3 s of CPU (perl's own clock,
//   `times`) and is gone long before stop.
// - stubborn: ignores SIGTERM, so it is killed with SIGKILL, its wrapper too:
//   only what /proc told just before the signal is left, a lower bound.
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftovers, readStateFile } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { pidsWithEnv } from '../helpers/proc.js';
import { nonRootPrerequisites, PLAIN_USER, projectAs } from '../helpers/users.js';

const MB = 1024 * 1024;

const stateDirs: string[] = [];
afterEach(() => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
});

// `process.cpuUsage()` counts this process's user time: the loop ends after
// that much CPU, however long the machine makes it take. Asked every million
// turns, so the asking (a syscall) adds no system time worth counting.
const burn = (ms: number) => `const t0 = process.cpuUsage().user; while (process.cpuUsage().user - t0 < ${ms * 1000}) for (let i = 0; i < 1e6; i++);`;

const CONFIG = `
commands:
  - name: hog
    command: node -e 'const b = Buffer.alloc(200 * 1024 * 1024, 1); ${burn(1000)} console.log(b[b.length - 1])'; echo ready; exec sleep 1000
    wait-on: "log: ready"
  - name: migrate
    ready: exit
    command: perl -e 'while ((times)[0] < 0.3) { for (1 .. 100000) {} }'
  - name: stubborn
    command: exec perl -e '$SIG{TERM} = "IGNORE"; $| = 1; $x = "a" x (64 * 1024 * 1024); print "up\\n"; sleep 1000'
    wait-on: "log: up"
    stop-timeout: 300ms
`;

function project(user: string | undefined) {
  const made = projectAs(user, CONFIG, { name: 'cost' });
  stateDirs.push(made.stateDir);
  return made;
}

interface Cost {
  peakMemoryBytes: number | null;
  cpuMs: number | null;
  complete: boolean;
}

const costOf = (status: { services: Array<{ name: string; cost?: Cost }> }, name: string): Cost | undefined =>
  status.services.find((service) => service.name === name)?.cost;

function costTests(user: string | undefined): void {
  it('records peak memory and CPU time of every process, exited ones included, and shows them in stop and status', async () => {
    const { stateDir, cli } = project(user);
    const start = await cli(['start']);
    expect(start.code, start.stderr).toBe(0);

    // While it runs: a reading so far, from /proc, marked as a lower bound.
    const running = JSON.parse((await cli(['status', '--json'])).stdout);
    expect(costOf(running, 'hog')).toMatchObject({ complete: false });
    expect(costOf(running, 'hog')!.cpuMs).toBeGreaterThanOrEqual(1000);
    // The task is over: its wrapper's account is whole.
    const task = costOf(running, 'migrate')!;
    expect(task.complete).toBe(true);
    expect(task.cpuMs).toBeGreaterThanOrEqual(300);
    // Upper bounds only catch a wrong unit: a loaded machine inflates system time.
    expect(task.cpuMs).toBeLessThan(5000);

    const stop = await cli(['stop']);
    expect(stop.code, stop.stderr).toBe(0);
    const hogLine = /hog stopped \(SIGTERM, [^)]*\); peak (\d+) MB, CPU ([\d.]+)s\n/.exec(stop.stderr);
    expect(hogLine, stop.stderr).not.toBeNull();
    expect(Number(hogLine![1])).toBeGreaterThanOrEqual(200);
    expect(Number(hogLine![1])).toBeLessThanOrEqual(400);
    expect(Number(hogLine![2])).toBeGreaterThanOrEqual(1);
    expect(stop.stderr).toMatch(/migrate \(a task\) had finished: exited with code 0, [^;]+; peak [\d.]+ MB, CPU [\d.]+m?s\n/);
    expect(stop.stderr).toMatch(/stubborn killed with SIGKILL after [^;]+; peak ≥ \d+ MB, CPU ≥ \d+m?s\n/);

    const stopped = JSON.parse((await cli(['status', '--json'])).stdout);
    const hog = costOf(stopped, 'hog')!;
    expect(hog.complete).toBe(true);
    expect(hog.peakMemoryBytes).toBeGreaterThanOrEqual(200 * MB);
    expect(hog.peakMemoryBytes).toBeLessThanOrEqual(400 * MB);
    expect(hog.cpuMs).toBeGreaterThanOrEqual(1000);
    expect(hog.cpuMs).toBeLessThan(10_000);
    // Killed with its wrapper: what /proc showed just before the signal, no more claimed.
    const stubborn = costOf(stopped, 'stubborn')!;
    expect(stubborn.complete).toBe(false);
    expect(stubborn.peakMemoryBytes).toBeGreaterThanOrEqual(64 * MB);
    expect(stubborn.peakMemoryBytes).toBeLessThanOrEqual(300 * MB);
    expect(costOf(stopped, 'migrate')).toEqual(task);

    const table = (await cli(['status'])).stdout;
    expect(table).toMatch(/^NAME\s+PID\s+STATE\s+UPTIME\s+READY IN\s+PEAK MEM\s+CPU\s+LOG/);
    expect(table).toMatch(/\nhog\s+\d+\s+stopped\s+\S+\s+\S+\s+\d+ MB\s+[\d.]+s\s/);
    expect(table).toMatch(/\nstubborn\s+\d+\s+stopped\s+\S+\s+\S+\s+≥ \d+ MB\s+≥ \d+m?s\s/);
    expect(pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id)).toEqual([]);
  });
}

describe('service cost, as root', () => costTests(undefined));

describeWithPrerequisites(`service cost, as ${PLAIN_USER}`, nonRootPrerequisites(), () => costTests(PLAIN_USER));
