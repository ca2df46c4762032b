// The CLI as users run it (node dist/cli.cjs), against real processes, real
// sockets and real files. "Nothing left" is checked by scanning /proc. Every
// claim about processes runs as root and as the real runners' users:
// `runner` (passwordless sudo, GitHub-hosted) and `gitlab-runner` (no sudo,
// GitLab shell executor), through runuser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftovers, makeProject, readStateFile, runCli, type CliRun } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { freePort } from '../helpers/ports.js';
import { isAlive, pidsWithEnv, waitFor, waitForCommandWithEnv } from '../helpers/proc.js';
import { fixturesForOtherUsers, innerPid, nonRootPrerequisites, PLAIN_USER, runCliAs, SUDO_USER, userDir } from '../helpers/users.js';

const ROOT_FIXTURES = resolve(import.meta.dirname, '../fixtures/services');

// Every project's processes are killed after each test, pass or fail, so one failure cannot cascade.
const stateDirs: string[] = [];
afterEach(() => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
});

function project(config: string): { dir: string; env: NodeJS.ProcessEnv; stateDir: string } {
  const made = makeProject(config);
  stateDirs.push(made.stateDir);
  return made;
}

function leftovers(stateDir: string): number[] {
  return pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id);
}

interface As {
  /** undefined: root, the test's own user. */
  user: string | undefined;
  /** A project dir with this config, owned by the user, with its own state dir. */
  project(config: string): { dir: string; env: NodeJS.ProcessEnv; stateDir: string };
  /** The built CLI as this user. */
  cli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; onSpawn?: (pid: number) => void }): Promise<CliRun>;
  /** The pid to signal for the CLI process started by cli(): runuser's child, as a runner would signal bgsvc itself. */
  cliPid(spawned: number): Promise<number>;
  /** test/fixtures/services, readable by the user. */
  fixtures(): string;
}

const AS_ROOT: As = {
  user: undefined,
  project,
  cli: (args, options) => runCli(args, options),
  cliPid: async (spawned) => spawned,
  fixtures: () => ROOT_FIXTURES,
};

function asUser(user: string): As {
  return {
    user,
    project(config) {
      // A dir of the user's own, as on a runner.
      const dir = userDir(user, 'lifecycle');
      writeFileSync(join(dir, 'bgsvc.yml'), config);
      const stateDir = join(dir, '.state');
      stateDirs.push(stateDir);
      return { dir, stateDir, env: { BGSVC_STATE_DIR: stateDir } };
    },
    cli: (args, options) => runCliAs(user, args, options),
    cliPid: (spawned) => innerPid(spawned),
    fixtures: () => fixturesForOtherUsers(),
  };
}

function lifecycleTests(as: As): void {
describe('start, status, stop', () => {
  it('waits for a server that listens late and a log line, leaves them running, and stop removes every process', async () => {
    const port = await freePort();
    const { dir, env, stateDir } = as.project(`
commands:
  - name: web
    command: node ${as.fixtures()}/http-after.mjs
    env: { PORT: ${port}, DELAY_MS: 600 }
    wait-on:
      - http://localhost:${port}/
      - log: "Listening on \\\\d+"
`);
    const start = await as.cli(['start'], { cwd: dir, env });
    expect(start.stderr).toMatch(/web ready in/);
    expect(start.code).toBe(0);
    // The stuck-runner bug: the services must not hold the runner's pipes.
    expect(start.pipesClosedAfterExitMs).toBeLessThan(1000);

    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.text()).toBe('ok');
    const status = await as.cli(['status', '--json'], { cwd: dir, env });
    const report = JSON.parse(status.stdout);
    expect(report.services[0]).toMatchObject({ name: 'web', state: 'running' });
    expect(report.services[0].readyMs).toBeGreaterThanOrEqual(500);
    expect(leftovers(stateDir).length).toBeGreaterThan(0);

    const stop = await as.cli(['stop'], { cwd: dir, env });
    expect(stop.code).toBe(0);
    expect(stop.stderr).toMatch(/web stopped \(SIGTERM/);
    expect(leftovers(stateDir)).toEqual([]);
    expect(readFileSync(join(stateDir, 'logs', 'web.log'), 'utf8')).toMatch(/Listening on/);

    const again = await as.cli(['stop'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing to stop/);
  });

  it('fails fast, within a second, when a service exits before it is ready, naming the code and showing its log', async () => {
    const port = await freePort();
    const { dir, env, stateDir } = as.project(`
commands:
  - name: api
    command: echo "booting api"; echo "config missing DATABASE_URL" >&2; sleep 0.2; exit 3
    wait-on: tcp:${port}
    timeout: 30s
`);
    const start = await as.cli(['start'], { cwd: dir, env });
    expect(start.code).toBe(1);
    expect(start.ms).toBeLessThan(3000);
    expect(start.stderr).toMatch(/api failed: api exited with code 3 before it was ready/);
    expect(start.stderr).toMatch(/config missing DATABASE_URL/);
    // Reported once: the stop that follows a failed start does not repeat the exit and its log.
    expect(start.stderr.match(/config missing DATABASE_URL/g)).toHaveLength(1);
    expect(start.stderr.match(/exited with code 3/g)).toHaveLength(1);
    expect(leftovers(stateDir)).toEqual([]);
  });

  it('names the pending probe at the deadline and stops what it started', async () => {
    const port = await freePort();
    const { dir, env, stateDir } = as.project(`
commands:
  - name: slow
    command: sleep 1000
    wait-on: tcp:127.0.0.1:${port}
    timeout: 1s
`);
    const start = await as.cli(['start'], { cwd: dir, env });
    expect(start.code).toBe(1);
    expect(start.stderr).toMatch(new RegExp(`slow was not ready after 1s: still waiting for tcp:127.0.0.1:${port}`));
    expect(leftovers(stateDir)).toEqual([]);
  });

  it('starts a service only when what it needs is ready, and independent services at once', async () => {
    const { dir, env } = as.project(`
settle: 100ms
commands:
  - name: db
    command: date +%s%3N > db.started; sleep 0.8; touch db.ready; exec sleep 1000
    wait-on: file:db.ready
  - name: cache
    command: date +%s%3N > cache.started; exec sleep 1000
  - name: api
    needs: [db]
    command: date +%s%3N > api.started; exec sleep 1000
`);
    const start = await as.cli(['start'], { cwd: dir, env });
    expect(start.code).toBe(0);
    const at = (name: string) => Number(readFileSync(join(dir, `${name}.started`), 'utf8'));
    expect(Math.abs(at('db') - at('cache'))).toBeLessThan(300);
    expect(at('api') - at('db')).toBeGreaterThanOrEqual(800);
    const stop = await as.cli(['stop'], { cwd: dir, env });
    // Reverse order: api (needs db) is reported stopped before db.
    expect(stop.stderr.indexOf('api stopped')).toBeLessThan(stop.stderr.indexOf('db stopped'));
  });
});

describe('stop reaches every process, and only ours', () => {
  it('kills a 3-level tree, a setsid grandchild, a double-forked daemon and a SIGTERM-ignoring process', async () => {
    const { dir, env, stateDir } = as.project(`
stop-timeout: 1s
settle: 100ms
commands:
  - name: tree
    command: sh -c 'sh -c "sleep 1000" & sleep 1000' & sleep 1000
  - name: escaped
    command: setsid sleep 1000 & sleep 1000
  - name: daemon
    command: sh -c '(setsid sleep 1000 &) &'; sleep 1000
  - name: stubborn
    command: trap '' TERM; while true; do sleep 0.1; done
`);
    const start = await as.cli(['start'], { cwd: dir, env });
    expect(start.code).toBe(0);
    await waitFor(() => leftovers(stateDir).length >= 10, 2000);
    expect(leftovers(stateDir).length).toBeGreaterThanOrEqual(10);
    // Its loop's sleep, so stubborn's trap is set (a TERM before it would end it rightly).
    expect(await waitForCommandWithEnv('BGSVC_ID', readStateFile(stateDir).id, 'sleep 0.1', 2000)).toBeDefined();

    const stop = await as.cli(['stop'], { cwd: dir, env });
    expect(stop.code).toBe(0);
    expect(stop.stderr).toMatch(/stubborn killed with SIGKILL after 1/);
    expect(stop.ms).toBeGreaterThanOrEqual(1000);
    expect(leftovers(stateDir)).toEqual([]);
  });

  it('does not signal a pid in the state file that now belongs to an unrelated process', async () => {
    const { dir, env, stateDir } = as.project(`
settle: 100ms
commands:
  - name: app
    command: sleep 1000
`);
    expect((await as.cli(['start'], { cwd: dir, env })).code).toBe(0);
    expect((await as.cli(['stop'], { cwd: dir, env })).code).toBe(0);
    // A stranger of the same user: not started by bgsvc, no cookie, one bgsvc
    // could signal. Pretend the recorded pid was reused by it.
    const stranger = as.user
      ? spawn('runuser', ['-u', as.user, '--', 'sleep', '1000'], { stdio: 'ignore', detached: true })
      : spawn('sleep', ['1000'], { stdio: 'ignore', detached: true });
    const strangerPid = as.user ? await innerPid(stranger.pid!) : stranger.pid!;
    try {
      const path = join(stateDir, 'state.json');
      const state = JSON.parse(readFileSync(path, 'utf8'));
      state.services[0].pid = strangerPid;
      delete state.services[0].stoppedAt;
      delete state.stoppedAt;
      writeFileSync(path, JSON.stringify(state));
      const stop = await as.cli(['stop'], { cwd: dir, env });
      expect(stop.code).toBe(0);
      expect(isAlive(strangerPid)).toBe(true);
    } finally {
      process.kill(strangerPid, 'SIGKILL');
    }
  });

  it('cleans up, at the next start, what a crashed start left behind', async () => {
    const port = await freePort();
    const { dir, env, stateDir } = as.project(`
settle: 100ms
commands:
  - name: orphan
    command: sleep 1000
  - name: never
    command: sleep 1000
    wait-on: tcp:127.0.0.1:${port}
`);
    let cliPid = 0;
    const crashed = as.cli(['start'], { cwd: dir, env, onSpawn: (pid) => (cliPid = pid) });
    await waitFor(() => existsSync(join(stateDir, 'state.json')) && readStateFile(stateDir).services.length === 2, 5000);
    const oldId = readStateFile(stateDir).id;
    process.kill(await as.cliPid(cliPid), 'SIGKILL');
    await crashed;
    expect(pidsWithEnv('BGSVC_ID', oldId).length).toBeGreaterThan(0);

    writeFileSync(join(dir, 'bgsvc.yml'), 'settle: 100ms\ncommands:\n  - name: fresh\n    command: sleep 1000\n');
    const start = await as.cli(['start'], { cwd: dir, env });
    expect(start.code).toBe(0);
    expect(start.stderr).toMatch(/an earlier run .* left orphan, never running/);
    expect(pidsWithEnv('BGSVC_ID', oldId)).toEqual([]);
    await as.cli(['stop'], { cwd: dir, env });
  });

  it('makes a stop issued during a start wait for it, then stop everything (one holder of the state at a time)', async () => {
    const { dir, env, stateDir } = as.project(`
commands:
  - name: slowpoke
    command: sleep 1; touch up; exec sleep 1000
    wait-on: file:up
`);
    const start = as.cli(['start'], { cwd: dir, env });
    await waitFor(() => existsSync(join(stateDir, 'state.json')) && readStateFile(stateDir).services.length === 1, 5000);
    const stop = await as.cli(['stop'], { cwd: dir, env });
    const started = await start;
    expect(started.code).toBe(0);
    expect(started.stderr).toMatch(/slowpoke ready/);
    expect(stop.code).toBe(0);
    expect(stop.stderr).toMatch(/waiting for bgsvc pid \d+, which is starting or stopping the services of this state dir/);
    expect(stop.stderr).toMatch(/slowpoke stopped \(SIGTERM/);
    expect(leftovers(stateDir)).toEqual([]);
  });

  it('stops what it started when start itself is interrupted (SIGTERM), and exits non-zero', async () => {
    const port = await freePort();
    const { dir, env, stateDir } = as.project(`
commands:
  - name: up
    command: sleep 1000
  - name: waiting
    command: sleep 1000
    wait-on: tcp:127.0.0.1:${port}
`);
    let cliPid = 0;
    const start = as.cli(['start'], { cwd: dir, env, onSpawn: (pid) => (cliPid = pid) });
    await waitFor(() => existsSync(join(stateDir, 'state.json')) && readStateFile(stateDir).services.length === 2, 5000);
    process.kill(await as.cliPid(cliPid), 'SIGTERM');
    const result = await start;
    expect(result.code).toBe(143);
    expect(result.stderr).toMatch(/cancelled/);
    expect(leftovers(stateDir)).toEqual([]);
  });
});

describe('run', () => {
  // settle is not what these test: 100 ms instead of the default 1 s for each probe-less start.
  const config = `
settle: 100ms
commands:
  - name: bg
    command: sleep 1000
`;
  it('exits with the command code and leaves nothing behind', async () => {
    const { dir, env, stateDir } = as.project(config);
    const failing = await as.cli(['run', '--', 'false'], { cwd: dir, env });
    expect(failing.code).toBe(1);
    expect(leftovers(stateDir)).toEqual([]);
    const passing = await as.cli(['run', '--', 'true'], { cwd: dir, env });
    expect(passing.code).toBe(0);
    expect(leftovers(stateDir)).toEqual([]);
    const shell = await as.cli(['run', '--', 'exit 7'], { cwd: dir, env });
    expect(shell.code).toBe(7);
    // A command that cannot be started at all: the shell's 127, said in bgsvc's own words, services stopped.
    const missing = await as.cli(['run', '--', '/nonexistent/tool', '--flag'], { cwd: dir, env });
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/error: cannot run \/nonexistent\/tool: spawn \/nonexistent\/tool ENOENT\n.*command exited with code 127; stopping services/);
    expect(leftovers(stateDir)).toEqual([]);
  });

  it('passes SIGTERM to the command and still stops every service', async () => {
    const { dir, env, stateDir } = as.project(config);
    let cliPid = 0;
    const run = as.cli(['run', '--', 'sleep', '1000'], { cwd: dir, env, onSpawn: (pid) => (cliPid = pid) });
    await waitFor(() => existsSync(join(stateDir, 'state.json')) && readStateFile(stateDir).services.length === 1, 5000);
    await new Promise((wait) => setTimeout(wait, 300));
    process.kill(await as.cliPid(cliPid), 'SIGTERM');
    const result = await run;
    expect(result.code).toBe(143);
    expect(result.stderr).toMatch(/bg stopped/);
    expect(leftovers(stateDir)).toEqual([]);
  });
});

}

describe('as root', () => lifecycleTests(AS_ROOT));

describeWithPrerequisites('as non-root users', nonRootPrerequisites(), () => {
  describe(`as ${SUDO_USER} (passwordless sudo)`, () => lifecycleTests(asUser(SUDO_USER)));
  describe(`as ${PLAIN_USER} (no sudo)`, () => lifecycleTests(asUser(PLAIN_USER)));
});

describe('usage and config errors', () => {
  it.each([
    [['start', '--bogus'], /unknown option --bogus/],
    [['run', 'npm', 'test'], /put the command after "--"/],
    [['run'], /run needs the command after "--"/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['logs', '-n', 'many'], /-n takes a whole number/],
  ])('bgsvc %j exits 2 and says what to type', async (args, message) => {
    const { dir, env } = project('commands:\n  - name: a\n    command: sleep 1\n');
    const result = await runCli(args, { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('reports a config error with file, line, column and field, exits 2 and starts nothing', async () => {
    const { dir, env, stateDir } = project('commands:\n  - name: a\n    command: sleep 1000\n    wait_on: tcp:1\n');
    const result = await runCli(['start'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bgsvc\.yml:4:5: commands\[0\].*wait_on.*did you mean "wait-on"/);
    expect(existsSync(join(stateDir, 'state.json'))).toBe(false);
  });

  it('says where it looked when there is no config', async () => {
    const { dir, env } = project('');
    const result = await runCli(['start', '-c', 'missing.yml'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing\.yml/);
  });
});

describe('wait-on', () => {
  it('waits for a port that opens later, and fails at the deadline naming the probe', async () => {
    const { dir, env } = project('');
    const port = await freePort();
    const server = spawn(process.execPath, [join(ROOT_FIXTURES, 'http-after.mjs')], {
      env: { ...process.env, PORT: String(port), DELAY_MS: '300' },
      stdio: 'ignore',
    });
    try {
      const ready = await runCli(['wait-on', `tcp:${port}`, `http://localhost:${port}/`], { cwd: dir, env });
      expect(ready.code).toBe(0);
    } finally {
      server.kill();
    }
    const closed = await freePort();
    const timeout = await runCli(['wait-on', `tcp:${closed}`, '--timeout', '300ms'], { cwd: dir, env });
    expect(timeout.code).toBe(1);
    expect(timeout.stderr).toMatch(new RegExp(`not ready after 300ms: tcp:${closed}`));
  });
});
