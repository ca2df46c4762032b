// One-shot tasks (`ready: exit`, issue 17): migrations, seeding, a build step.
// Ready when the command exits 0; a non-zero exit or the deadline fails the
// start; services that need it start after it; it is never stopped (it is
// gone), and status, stop and the summary say it was a task. Through the
// built CLI, as root and as GitLab's shell-executor user; "nothing left" is
// read from /proc.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftovers, makeProject, readStateFile, runCli } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { pidsWithEnv } from '../helpers/proc.js';
import { nonRootPrerequisites, PLAIN_USER, projectAs } from '../helpers/users.js';

const stateDirs: string[] = [];
afterEach(() => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
});

function project(user: string | undefined, config: string) {
  const made = projectAs(user, config, { name: 'tasks' });
  stateDirs.push(made.stateDir);
  return made;
}

const leftovers = (stateDir: string) => pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id);

function taskTests(user: string | undefined): void {
  it('runs a task to its exit 0 before what needs it starts, and reports it as a task in start, status and stop', async () => {
    const { dir, stateDir, cli } = project(
      user,
      `
commands:
  - name: migrate
    command: sleep 0.6; echo "applied 3 migrations"; date +%s%3N > migrated
    ready: exit
  - name: api
    needs: [migrate]
    command: date +%s%3N > api.started; exec sleep 1000
    settle: 200ms
`,
    );
    const start = await cli(['start']);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toMatch(/migrate done in \d+ms \(a task: it exited 0\)/);
    const at = (file: string) => Number(readFileSync(join(dir, file), 'utf8'));
    expect(at('api.started')).toBeGreaterThanOrEqual(at('migrated'));

    const status = JSON.parse((await cli(['status', '--json'])).stdout);
    expect(status.services[0]).toMatchObject({ name: 'migrate', state: 'done', task: true });
    expect(status.services[0].readyMs).toBeGreaterThanOrEqual(500);
    expect(status.services[1]).toMatchObject({ name: 'api', state: 'running' });

    const stop = await cli(['stop']);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stderr).toMatch(/migrate \(a task\) had finished: exited with code 0, \d+ms after start/);
    expect(stop.stderr).toMatch(/api stopped \(SIGTERM/);
    expect(leftovers(stateDir)).toEqual([]);
    // Its log is kept like any other.
    expect(readFileSync(join(stateDir, 'logs', 'migrate.log'), 'utf8')).toBe('applied 3 migrations\n');
  });

  it('fails the start on a task that exits non-zero, with its code and log, and starts nothing that needs it', async () => {
    const { dir, stateDir, cli } = project(
      user,
      `
commands:
  - name: seed
    command: echo seeding; echo "relation widgets does not exist" >&2; exit 3
    ready: exit
  - name: api
    needs: [seed]
    command: touch api.started; exec sleep 1000
`,
    );
    const start = await cli(['start']);
    expect(start.code).toBe(1);
    expect(start.stderr).toMatch(/seed failed: seed \(a task\) exited with code 3 \(\d+ms after start\)/);
    expect(start.stderr).toMatch(/relation widgets does not exist/);
    expect(start.stderr).not.toMatch(/api started/);
    expect(() => readFileSync(join(dir, 'api.started'))).toThrow();
    expect(leftovers(stateDir)).toEqual([]);
  });

  it('fails a task that outruns its deadline, and stops it', async () => {
    const { stateDir, cli } = project(
      user,
      `
commands:
  - name: build
    command: exec sleep 1000
    ready: exit
    timeout: 1s
`,
    );
    const start = await cli(['start']);
    expect(start.code).toBe(1);
    expect(start.ms).toBeLessThan(5000);
    expect(start.stderr).toMatch(/build \(a task\) did not finish within 1s; raise its timeout/);
    expect(start.stderr).toMatch(/build stopped \(SIGTERM/);
    expect(leftovers(stateDir)).toEqual([]);
  });
}

describe('tasks, as root', () => taskTests(undefined));

describeWithPrerequisites(`tasks, as ${PLAIN_USER}`, nonRootPrerequisites(), () => taskTests(PLAIN_USER));

describe('a task in the config', () => {
  it('rejects what does not apply to a task, and a ready: value other than exit, at file:line:col with exit 2', async () => {
    const { dir, stateDir } = makeProject(`
commands:
  - name: t
    command: ./migrate.sh
    ready: exit
    wait-on: tcp:5432
    stop: kill 1
  - name: u
    command: ./server
    ready: yes
`);
    stateDirs.push(stateDir);
    const start = await runCli(['start'], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } });
    expect(start.code).toBe(2);
    expect(start.stderr).toContain('bgsvc.yml:6:5: commands[0].wait-on: "wait-on" does not apply to a task (ready: exit)');
    expect(start.stderr).toContain('bgsvc.yml:7:5: commands[0].stop: "stop" does not apply to a task (ready: exit)');
    expect(start.stderr).toContain('bgsvc.yml:10:12: commands[1].ready: expected "exit" (a one-shot task: ready when its command exits 0), got the string "yes"');
  });
});
