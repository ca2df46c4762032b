// `bgsvc run` when a service dies while the command runs (issue 17): the death
// is said at once (name, code, when, log tail), not when the command ends;
// with --fail-fast the command's whole tree is stopped (SIGTERM, SIGKILL after
// --grace), the services are stopped and run exits 1. Through the built CLI,
// as root and as GitLab's shell-executor user; "gone" is read from /proc.
// Every run in this file goes side by side with the others: they mostly sleep.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { killLeftovers, readStateFile, runCli } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { bgsvc, copyExample } from '../helpers/examples.js';
import { freePort } from '../helpers/ports.js';
import { isAlive, killAllWithEnv, pidsWithEnv } from '../helpers/proc.js';
import { nonRootPrerequisites, PLAIN_USER, projectAs } from '../helpers/users.js';

const stateDirs: string[] = [];
const runIds: string[] = [];
afterAll(() => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
  for (const id of runIds.splice(0)) killAllWithEnv('BGSVC_RUN_ID', id);
});

function project(user: string | undefined, config: string) {
  const made = projectAs(user, config, { name: 'fail-fast' });
  stateDirs.push(made.stateDir);
  return made;
}

const leftovers = (stateDir: string) => pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id);

/** The `+1.23s` offset of the first line matching `pattern`, in seconds. */
function offsetOf(expect: ExpectStatic, output: string, pattern: RegExp): number {
  const line = output.split('\n').find((text) => pattern.test(text));
  expect(line, `no line matching ${pattern} in:\n${output}`).toBeDefined();
  return Number(/^\+(\d+\.\d+)s /.exec(line!)?.[1]);
}

// api dies about a second into the command, with a line in its log that says why.
const API = `
  - name: api
    command: echo "api listening"; sleep 1.2; echo "lost the connection to db" >&2; exit 3
    settle: 200ms`;
const WEB = `
  - name: web
    command: exec sleep 1000
    settle: 200ms`;

function failFastTests(user: string | undefined): void {
  it.concurrent('says at once when a service dies, lets the command run to its end, and exits with its code', async ({ expect }) => {
    const { dir, stateDir, cli } = project(
      user,
      `
commands:
  - name: migrate
    command: echo migrated
    ready: exit${API}
  - name: worker
    command: sleep 2; echo "queue drained"
    settle: 200ms
  - name: daemon
    command: (exec sleep 1000) & exit 0
    settle: 200ms
  - name: proxy
    command: while [ ! -e proxy.stop ]; do sleep 0.05; done; echo "proxy shut down"
    # Returns once proxy has exited on its own (its wrapper wrote the exit file), before any signal.
    stop: touch proxy.stop; while [ ! -e .state/run/proxy.exit ]; do sleep 0.05; done
    settle: 200ms
`,
    );
    // The command stops proxy itself (bgsvc stop proxy, through the same CLI: its
    // parent's argv), whose stop command makes it exit 0 on its own: that is a stop,
    // not a death. The command writes to the same stderr as bgsvc: one pipe, so
    // the order is the order of writing.
    const command = [
      'sleep 2',
      `"$(tr '\\0' '\\n' < /proc/$PPID/cmdline | sed -n 1p)" "$(tr '\\0' '\\n' < /proc/$PPID/cmdline | sed -n 2p)" stop proxy`,
      'sleep 1; echo "command finished" >&2; exit 5',
    ].join('\n');
    const run = await cli(['run', '--', command]);
    const { stderr } = run;
    expect(run.code, stderr).toBe(5);
    expect(run.ms).toBeGreaterThanOrEqual(3000);

    expect(stderr).toMatch(
      /error: api exited with code 3 while the command ran \((\d+ms|[\d.]+s) into it, [\d.]+s after api started\): it no longer serves; the command goes on \(--fail-fast would stop it\)\n +┌ last 2 lines of \S+api\.log\n +│ api listening\n +│ lost the connection to db\n/,
    );
    // Exit code 0 is still reported: it no longer serves.
    expect(stderr).toMatch(/warning: worker exited with code 0 while the command ran .*\n.*\n +│ queue drained\n/);
    // Not a service that died: a task that finished, a command that daemonized
    // (exited 0 before ready), one the command stopped itself. Each left an exit file.
    expect(stderr).toMatch(/proxy stop command exited 0/);
    for (const name of ['migrate', 'daemon', 'proxy']) {
      expect(readFileSync(join(dir, '.state', 'run', `${name}.exit`), 'utf8')).toBe('exit 0\n');
    }
    expect(stderr).not.toMatch(/(migrate|daemon|proxy) .*while the command ran/);
    // The start's daemonize notice is for exits before ready only.
    expect(stderr).not.toMatch(/worker: its command exited 0/);

    const died = stderr.indexOf('api exited with code 3 while the command ran');
    const finished = stderr.indexOf('command finished');
    expect(died).toBeGreaterThan(0);
    expect(finished).toBeGreaterThan(died);
    // Said when it happened, not when the command ended: a second and more before.
    const diedAt = offsetOf(expect, stderr, /api exited with code 3 while the command ran/);
    const endedAt = offsetOf(expect, stderr, /command exited with code 5; stopping services/);
    expect(endedAt - diedAt).toBeGreaterThan(1);
    expect(leftovers(stateDir)).toEqual([]);
  });

  it.concurrent('takes a command that exits 0 after ready and leaves its service running for a daemon forking late, not a death', async ({ expect }) => {
    // Ready after its settle time; half a second later its command exits 0 and
    // leaves the server it forked (as redis-server's parent can, after its
    // socket already answered, on a loaded machine).
    const { stateDir, cli } = project(
      user,
      `
commands:
  - name: late-fork
    command: setsid sh -c 'exec sleep 1000' >/dev/null 2>&1 & sleep 0.5; exit 0
    settle: 200ms
`,
    );
    const run = await cli(['run', '--fail-fast', '--', 'sleep 1.5; echo "command finished" >&2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/command finished/);
    expect(run.stderr).not.toMatch(/late-fork exited .*while the command ran/);
    expect(run.stderr).toMatch(/late-fork stopped/);
    expect(leftovers(stateDir)).toEqual([]);
  });

  it.concurrent('with --fail-fast, stops the command tree (SIGTERM, SIGKILL after --grace), stops the services and exits 1', async ({ expect }) => {
    const { dir, stateDir, cli } = project(user, `commands:${API}${WEB}\n`);
    // The command's tree: itself, a child, a child that ignores SIGTERM, and one
    // that left the tree (setsid -f: a new session, re-parented away).
    const command = [
      'echo $$ > cmd.pid; echo "$BGSVC_RUN_ID" > run.id',
      "(trap '' TERM; exec sleep 30) & echo $! > stubborn.pid",
      "setsid -f sh -c 'echo $$ > escaped.pid; exec sleep 30'",
      'sleep 30 & echo $! > child.pid',
      'wait; echo "command finished" >&2',
    ].join('\n');
    const run = await cli(['run', '--fail-fast', '--grace', '500ms', '--', command]);
    const { stderr } = run;
    const runId = readFileSync(join(dir, 'run.id'), 'utf8').trim();
    runIds.push(runId);

    expect(run.code, stderr).toBe(1);
    // Far less than the command's 30 s: the death at ~1 s, the 500ms grace, the stops.
    expect(run.ms).toBeLessThan(15_000);
    expect(stderr).toMatch(/error: api exited with code 3 while the command ran \(.*\): it no longer serves\n.*\n +│ api listening\n +│ lost the connection to db\n/);
    expect(stderr).toMatch(/--fail-fast: stopping the command because api died: SIGTERM to its process tree, SIGKILL after 500ms/);
    // The TERM-ignoring child outlived the grace.
    expect(stderr).toMatch(/command killed with SIGKILL \(it outlived its grace\), .*exit code 143; stopping services; bgsvc exits 1/);
    expect(stderr).not.toMatch(/command finished/);
    expect(stderr).toMatch(/web stopped \(SIGTERM/);

    const pids = ['cmd.pid', 'stubborn.pid', 'escaped.pid', 'child.pid'].map((file) => Number(readFileSync(join(dir, file), 'utf8')));
    expect(pids.every((pid) => pid > 1)).toBe(true);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(pidsWithEnv('BGSVC_RUN_ID', runId)).toEqual([]);
    expect(leftovers(stateDir)).toEqual([]);
  });
}

// All runs side by side: they mostly sleep, and the timing claims compare lines of one run.
describe.concurrent('run: a service that dies while the command runs', () => {
  describe('as root', () => failFastTests(undefined));
  describeWithPrerequisites(`as ${PLAIN_USER}`, nonRootPrerequisites(), () => failFastTests(PLAIN_USER));

  it.concurrent("with --fail-fast, leaves alone the services a `bgsvc start` inside the command started (they are not the command's tree)", async ({ expect }) => {
    const { dir, stateDir, cli } = project(undefined, `commands:${API}\n`);
    writeFileSync(join(dir, 'inner.yml'), 'commands:\n  - name: inner\n    command: exec sleep 1000\n    settle: 100ms\n');
    const innerState = join(dir, '.inner');
    stateDirs.push(innerState);
    const cliOfParent = `"$(tr '\\0' '\\n' < /proc/$PPID/cmdline | sed -n 1p)" "$(tr '\\0' '\\n' < /proc/$PPID/cmdline | sed -n 2p)"`;
    const command = `BGSVC_STATE_DIR='${innerState}' ${cliOfParent} start -c inner.yml && exec sleep 30`;
    const run = await cli(['run', '--fail-fast', '--grace', '500ms', '--', command]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/--fail-fast: stopping the command because api died/);
    expect(leftovers(stateDir)).toEqual([]);
    // The inner start's service runs on, without the run's cookie, until its own stop.
    const inner = leftovers(innerState);
    expect(inner.length).toBeGreaterThan(0);
    for (const pid of inner) expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toMatch(/(^|\0)BGSVC_RUN_ID=/);
    const stop = await runCli(['stop'], { cwd: dir, env: { BGSVC_STATE_DIR: innerState } });
    expect(stop.code, stop.stderr).toBe(0);
    expect(leftovers(innerState)).toEqual([]);
  });

  it.concurrent('examples/fail-fast: the API crashes mid-test, and the tests are stopped long before their 30 s', async ({ expect }) => {
    const dir = copyExample('fail-fast', { 3000: await freePort() });
    const stateDir = join(dir, '.bgsvc');
    stateDirs.push(stateDir);
    const run = await bgsvc(['run', '--fail-fast', '--grace', '2s', '--', 'node', 'tests.mjs'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.stderr).toMatch(/error: api exited with code 1 while the command ran[^\n]*\n[^\n]*\n[^]*│ Error: out of database connections\n/);
    expect(run.stderr).toMatch(/command stopped in \d+ms, exit code 143; stopping services; bgsvc exits 1/);
    expect(run.stderr).not.toMatch(/tests: done/);
    expect(leftovers(stateDir)).toEqual([]);
  });

  // One short CLI call each, side by side with the runs above.
  describe('run --fail-fast usage', () => {
    it.for([
      [['run', '--grace', '5s', '--', 'true'], /--grace applies only with --fail-fast/],
      [['run', '--fail-fast', '--grace', 'soon', '--', 'true'], /--grace takes a duration such as 500ms, 10s, 1m or 1m30s \(a bare number is seconds\), got "soon"/],
      [['run', '--fail-fast=yes', '--', 'true'], /option --fail-fast takes no value; write just --fail-fast/],
    ] as Array<[string[], RegExp]>)('bgsvc %j exits 2 and says what to type', async ([args, message], { expect }) => {
      const { dir, stateDir } = project(undefined, 'commands:\n  - name: a\n    command: sleep 1000\n');
      const result = await runCli(args, { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    });

    it('is in the help: the flag, its grace and default, the exit code', async ({ expect }) => {
      const { dir } = project(undefined, '');
      const help = await runCli(['run', '--help'], { cwd: dir });
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/--fail-fast +when a service exits while CMD runs, stop CMD: SIGTERM to its whole/);
      expect(help.stdout).toMatch(/--grace DURATION with --fail-fast: CMD's time between SIGTERM and SIGKILL\n +\(default 10s/);
      const overview = await runCli(['--help'], { cwd: dir });
      expect(overview.stdout).toMatch(/run exits with CMD's code, or 1 when --fail-fast stopped CMD because a service died/);
    });
  });
});
