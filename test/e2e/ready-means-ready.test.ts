// "Ready" must mean ready (issue 13): a service without probes that dies at
// once fails the start, whatever user runs bgsvc; a shell that does not exist
// is a config error before anything starts. Run as root and as the GitLab
// shell executor's shape (a user without sudo), through the built CLI.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftovers, readStateFile, runCli, type CliRun } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { pidsWithEnv } from '../helpers/proc.js';
import { scratchDir } from '../helpers/scratch.js';
import { nonRootPrerequisites, PLAIN_USER, runCliAs, userDir } from '../helpers/users.js';

interface Runner {
  label: string;
  project(config: string): { dir: string; stateDir: string; env: NodeJS.ProcessEnv };
  cli(args: string[], project: { dir: string; env: NodeJS.ProcessEnv }): Promise<CliRun>;
}

const stateDirs: string[] = [];
afterEach(() => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
});

function runnerFor(user: string | undefined): Runner {
  return {
    label: user ?? 'root',
    project(config) {
      const dir = user ? userDir(user, 'ready') : scratchDir('ready');
      const file = join(dir, 'bgsvc.yml');
      writeFileSync(file, config);
      const stateDir = join(dir, '.state');
      stateDirs.push(stateDir);
      return { dir, stateDir, env: { BGSVC_STATE_DIR: stateDir } };
    },
    cli(args, { dir, env }) {
      return user ? runCliAs(user, args, { cwd: dir, env }) : runCli(args, { cwd: dir, env });
    },
  };
}

function output(run: CliRun): string {
  return `${run.stdout}${run.stderr}`;
}

function leftovers(stateDir: string): number[] {
  try {
    return pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id);
  } catch {
    return [];
  }
}

function readyAndSettleTests(runner: Runner): void {
  // Each row is a command users really write that dies the moment it starts.
  const diesAtOnce: Array<[string, string, number, (dir: string) => void]> = [
    ['a command that is not installed', 'no-such-program --serve', 127, () => {}],
    ['a script that is not executable', './serve.sh', 126, (dir) => writeFileSync(join(dir, 'serve.sh'), '#!/bin/sh\nsleep 100\n', { mode: 0o644 })],
    ['a command that exits 3', 'echo "bad config" >&2; exit 3', 3, () => {}],
  ];
  // As root, sudo would just run it.
  if (runner.label !== 'root') diesAtOnce.push(['sudo where there is no password-less sudo', 'sudo -n sleep 100', 1, () => {}]);

  it.each(diesAtOnce)('fails the start for %s, names the code, and starts nothing that needs it', async (_what, command, code, prepare) => {
    const project = runner.project(`
commands:
  - name: api
    command: ${JSON.stringify(command)}
  - name: worker
    command: touch "$BGSVC_LOG_DIR/worker-ran"; exec sleep 100
    needs: [api]
`);
    prepare(project.dir);
    const start = await runner.cli(['start'], project);
    expect(output(start)).toContain(`api exited with code ${code} before it was ready`);
    expect(start.code).toBe(1);
    expect(output(start)).not.toMatch(/api ready/);
    expect(existsSync(join(project.stateDir, 'logs', 'worker-ran'))).toBe(false);
    expect(leftovers(project.stateDir)).toEqual([]);
  });

  it('run -- true exits 1 when a service without probes dies at once, and never runs the command', async () => {
    const project = runner.project(`
commands:
  - name: api
    command: no-such-program --serve
`);
    const run = await runner.cli(['run', '--', 'touch ran-the-command'], project);
    expect(run.code).toBe(1);
    expect(output(run)).toContain('api exited with code 127 before it was ready');
    expect(existsSync(join(project.dir, 'ran-the-command'))).toBe(false);
  });

  it('is ready only after the default 1s settle time, and accepts an exit 0 (a daemonizing command)', async () => {
    const project = runner.project(`
commands:
  - name: server
    command: exec sleep 100
  - name: daemon
    command: (setsid sleep 100 >/dev/null 2>&1 &); exit 0
`);
    const start = await runner.cli(['start'], project);
    expect(start.code).toBe(0);
    expect(output(start)).toMatch(/server ready in 1(\.\d+)?s \(no probes; it outlived its 1s settle time\)/);
    expect(output(start)).toMatch(/daemon: its command exited 0 and left 1 process\(es\) running/);
    const status = JSON.parse((await runner.cli(['status', '--json'], project)).stdout);
    expect(status.services.map((service: { readyMs: number }) => service.readyMs).every((ms: number) => ms >= 1000)).toBe(true);
    const stop = await runner.cli(['stop'], project);
    expect(stop.code).toBe(0);
    expect(leftovers(project.stateDir)).toEqual([]);
  });

  it('takes its settle time from settle:, and a crash after it is a death during the job, not a failed start', async () => {
    const project = runner.project(`
settle: 100ms
commands:
  - name: flaky
    command: sleep 0.6; echo "out of memory" >&2; exit 7
  - name: slow-crash
    command: sleep 0.3; exit 4
    settle: 2s
`);
    const start = await runner.cli(['start', '--only', 'flaky'], project);
    expect(start.code).toBe(0);
    expect(output(start)).toMatch(/flaky ready in \d+ms \(no probes; it outlived its 100ms settle time\)/);
    await new Promise((wait) => setTimeout(wait, 900));
    const stop = await runner.cli(['stop'], project);
    expect(output(stop)).toMatch(/flaky had exited with code 7/);
    expect(stop.code).toBe(0);

    const second = runner.project(`
commands:
  - name: slow-crash
    command: sleep 0.3; exit 4
    settle: 2s
`);
    const failed = await runner.cli(['start'], second);
    expect(failed.code).toBe(1);
    expect(output(failed)).toContain('slow-crash exited with code 4 before it was ready');
  });

  it('refuses a shell that does not exist, at its line, before anything starts', async () => {
    const project = runner.project(`shell: nosuchshell
commands:
  - name: api
    command: touch started; exec sleep 100
  - name: web
    shell: /opt/none/zsh
    command: touch started; exec sleep 100
`);
    const start = await runner.cli(['start'], project);
    expect(start.code).toBe(2);
    expect(output(start)).toMatch(/bgsvc\.yml:1:8: shell: the shell "nosuchshell" is not installed or not executable/);
    expect(output(start)).toMatch(/bgsvc\.yml:6:12: commands\[1\]\.shell: the shell "\/opt\/none\/zsh" is not installed/);
    expect(existsSync(join(project.dir, 'started'))).toBe(false);
    expect(existsSync(project.stateDir)).toBe(false);
  });
}

describe('ready means ready, as root', () => readyAndSettleTests(runnerFor(undefined)));

describeWithPrerequisites(`ready means ready, as ${PLAIN_USER} (no sudo)`, nonRootPrerequisites(), () =>
  readyAndSettleTests(runnerFor(PLAIN_USER)),
);
