// The CLI's smaller promises, through dist/cli.cjs: the taken-port report,
// --only, logs, status, and the two verbatim config shapes.
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readStateFile, runCli, useProjects } from '../helpers/cli.js';
import { pidsWithEnv } from '../helpers/proc.js';

const project = useProjects(afterEach);

describe('a probe target that is taken before the service starts', () => {
  it('is reported with the pid and command holding it, and the service is not started', async () => {
    const holder = createServer();
    const port = await new Promise<number>((done) =>
      holder.listen(0, '127.0.0.1', () => done((holder.address() as { port: number }).port)),
    );
    try {
      const { dir, env, stateDir } = project(`
commands:
  - name: api
    command: sleep 1000
    wait-on: tcp:localhost:${port}
`);
      const start = await runCli(['start'], { cwd: dir, env });
      expect(start.code).toBe(1);
      expect(start.stderr).toMatch(new RegExp(`api was not started: port ${port} .* is already in use by pid ${process.pid} \\(.*node`));
      expect(readStateFile(stateDir).services).toEqual([]);
    } finally {
      holder.close();
    }
  });
});

describe('--only', () => {
  it('starts the named service and what it needs, nothing else', async () => {
    const { dir, env, stateDir } = project(`
commands:
  - name: db
    command: sleep 1000
  - name: api
    command: sleep 1000
    needs: [db]
  - name: docs
    command: sleep 1000
`);
    const start = await runCli(['start', '--only', 'api'], { cwd: dir, env });
    expect(start.code).toBe(0);
    expect(readStateFile(stateDir).services.map((service) => service.name).sort()).toEqual(['api', 'db']);
    const unknown = await runCli(['start', '--only', 'nope'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--only: no service named "nope".*services: db, api, docs/);
    await runCli(['stop'], { cwd: dir, env });
  });
});

describe('logs and status', () => {
  it('shows the last lines of a log, every service under a header, and a status table', async () => {
    const { dir, env } = project(`
commands:
  - name: talker
    command: for i in 1 2 3 4 5; do echo "line $i"; done; echo "to stderr" >&2; echo done-talking; exec sleep 1000
    wait-on: "log: done-talking"
  - name: quiet
    command: exec sleep 1000
`);
    expect((await runCli(['start'], { cwd: dir, env })).code).toBe(0);
    const two = await runCli(['logs', 'talker', '-n', '2'], { cwd: dir, env });
    expect(two.stdout).toBe('to stderr\ndone-talking\n');
    const all = await runCli(['logs'], { cwd: dir, env });
    expect(all.stdout).toMatch(/==> talker \(.*talker\.log\) <==\nline 1\n/);
    expect(all.stdout).toMatch(/==> quiet /);
    const missing = await runCli(['logs', 'nope'], { cwd: dir, env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no service named "nope" \(services: talker, quiet\)/);

    const status = await runCli(['status'], { cwd: dir, env });
    expect(status.stdout).toMatch(/^NAME\s+PID\s+STATE\s+UPTIME\s+READY IN\s+PEAK MEM\s+CPU\s+LOG/);
    expect(status.stdout).toMatch(/talker\s+\d+\s+running/);
    await runCli(['stop'], { cwd: dir, env });
    const after = await runCli(['status'], { cwd: dir, env });
    expect(after.stdout).toMatch(/talker\s+\d+\s+stopped/);
  });

  it('follows a log with -f and ends by itself when the service ends', async () => {
    const { dir, env } = project(`
commands:
  - name: ticker
    command: echo start; sleep 0.5; echo middle; sleep 0.5; echo end
    wait-on: "log: start"
`);
    expect((await runCli(['start'], { cwd: dir, env })).code).toBe(0);
    const follow = await runCli(['logs', 'ticker', '-f'], { cwd: dir, env, timeoutMs: 10_000 });
    expect(follow.code).toBe(0);
    expect(follow.stdout).toMatch(/start\nmiddle\nend\n/);
    expect(follow.ms).toBeLessThan(5000);
  });

  it('reports a service that died during the job with its exit code, and prints its log tail', async () => {
    const { dir, env } = project(`
commands:
  - name: flaky
    command: echo "serving"; sleep 0.3; echo "out of memory" >&2; exit 137
    wait-on: "log: serving"
`);
    expect((await runCli(['start'], { cwd: dir, env })).code).toBe(0);
    await new Promise((wait) => setTimeout(wait, 600));
    const status = await runCli(['status', '--json'], { cwd: dir, env });
    expect(JSON.parse(status.stdout).services[0]).toMatchObject({ state: 'exited' });
    const stop = await runCli(['stop'], { cwd: dir, env });
    expect(stop.code).toBe(0);
    expect(stop.stderr).toMatch(/flaky (had exited with code 137|was killed by SIGKILL), \d+ms after start/);
    expect(stop.stderr).toMatch(/│ out of memory/);
  });
});

describe('verbatim config shapes', () => {
  it('runs a HyperExecute backgroundDirectives block, one log file per command', async () => {
    const { dir, env, stateDir } = project(`
backgroundDirectives:
  shell: bash
  commands:
    - name: static
      command: echo "static up"; exec sleep 1000
    - name: database
      command: echo "db up"; exec sleep 1000
`);
    const run = await runCli(['run', '--', 'true'], { cwd: dir, env });
    expect(run.code).toBe(0);
    expect(readFileSync(join(stateDir, 'logs', 'static.log'), 'utf8')).toBe('static up\n');
    expect(readFileSync(join(stateDir, 'logs', 'database.log'), 'utf8')).toBe('db up\n');
    expect(pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id)).toEqual([]);
  });

  it('derives unique names for a flat background list and prints them', async () => {
    const { dir, env, stateDir } = project(`
background:
  - sleep 1000
  - sleep 2000
`);
    const start = await runCli(['start'], { cwd: dir, env });
    expect(start.code).toBe(0);
    expect(start.stderr).toMatch(/config bgsvc\.yml: sleep, sleep-2/);
    expect(readStateFile(stateDir).services.map((service) => service.name)).toEqual(['sleep', 'sleep-2']);
    await runCli(['stop'], { cwd: dir, env });
  });
});

describe('many services', () => {
  it('starts a dozen services without Node warnings in the output', async () => {
    const services = Array.from({ length: 12 }, (_, i) => `  - name: s${i}\n    command: sleep 0.2; echo up; exec sleep 1000\n    wait-on: "log: up"`);
    const { dir, env } = project(`commands:\n${services.join('\n')}\n`);
    const run = await runCli(['run', '--', 'true'], { cwd: dir, env });
    expect(run.code).toBe(0);
    // Every wait listens on one abort signal; Node warns past 10 unless told otherwise.
    expect(run.stderr).not.toMatch(/Warning/);
  });
});

describe('durations, one grammar', () => {
  it('reads compound durations in the config and on the command line (a bare number is seconds in both)', async () => {
    const { dir, env } = project(`
commands:
  - name: never
    command: exec sleep 1000
    wait-on: "file: never-there"
    timeout: 0m600ms
    stop-timeout: 0h1s
`);
    const start = await runCli(['start'], { cwd: dir, env });
    expect(start.code).toBe(1);
    expect(start.stderr).toMatch(/never was not ready after 600ms: still waiting for file: never-there/);

    const waitOn = await runCli(['wait-on', '--timeout', '0m0.4s', `file:${join(dir, 'never-there')}`], { cwd: dir, env });
    expect(waitOn.code).toBe(1);
    expect(waitOn.stderr).toMatch(/not ready after 400ms/);
    expect(waitOn.ms).toBeLessThan(3000);
    // Not 123 ms, nor anything else.
    const bad = await runCli(['wait-on', '--timeout', 'abc123', 'file:x'], { cwd: dir, env });
    expect(bad.code).toBe(2);
  });
});
