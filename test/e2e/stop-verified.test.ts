// "Stopped" must mean verified gone (issue 13): a configured `stop:` always
// runs, in the service's environment; a probed port or socket still open
// after the stop is named and fails the stop, even when its holder is
// invisible (sudo, non-dumpable); messages say what was really done. Run
// through the built CLI as the real runners' users: `runner` (passwordless
// sudo, GitHub-hosted) and `gitlab-runner` (no sudo), and as root.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftovers, readStateFile, runCli, type CliRun } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { freePort } from '../helpers/ports.js';
import { commandLine, isAlive, pidsWithEnv, waitFor } from '../helpers/proc.js';
import { scratchDir } from '../helpers/scratch.js';
import { nonRootPrerequisites, PLAIN_USER, runCliAs, SUDO_USER, userDir } from '../helpers/users.js';

const stateDirs: string[] = [];
/** Command-line markers of processes started through sudo (they lose BGSVC_ID): killed by root after each test. */
const markers: string[] = [];
afterEach(() => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
  for (const marker of markers.splice(0)) for (const pid of pidsRunning(marker)) kill(pid);
});

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/**
 * Live pids whose command line contains `marker`, read from /proc as root;
 * not bgsvc's own wrappers, whose command lines hold the service's command.
 */
function pidsRunning(marker: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .map(Number)
    .filter((pid) => {
      const command = commandLine(pid);
      return command.includes(marker) && !/^\S*perl -e|bgsvc\[/.test(command) && isAlive(pid);
    });
}

/** The effective uid: sudo keeps the caller's as its real one. */
function ownerOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^Uid:\s+\d+\s+(\d+)/m.exec(status)?.[1]);
}

function output(run: CliRun): string {
  return `${run.stdout}${run.stderr}`;
}

function project(user: string | undefined, config: string) {
  const dir = user ? userDir(user, 'stop') : scratchDir('stop');
  writeFileSync(join(dir, 'bgsvc.yml'), config);
  const stateDir = join(dir, '.state');
  stateDirs.push(stateDir);
  const env = { BGSVC_STATE_DIR: stateDir };
  const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    user ? runCliAs(user, args, { cwd: dir, env: { ...env, ...extraEnv } }) : runCli(args, { cwd: dir, env: { ...env, ...extraEnv } });
  return { dir, stateDir, cli };
}

function leftovers(stateDir: string): number[] {
  return pidsWithEnv('BGSVC_ID', readStateFile(stateDir).id);
}

function stopCommandTests(user: string | undefined): void {
  it('runs stop: for a service whose command daemonized and lost the cookie, with the service environment', async () => {
    const marker = `sleep 1001.${Math.floor(Math.random() * 1e6)}`;
    markers.push(marker);
    // Like pg_ctl start: the command forks a daemon away and exits 0. Here the
    // daemon also drops BGSVC_ID, so only the stop command can reach it.
    const { dir, stateDir, cli } = project(
      user,
      `
commands:
  - name: db
    command: env -u BGSVC_ID -u BGSVC_SERVICE setsid sh -c 'echo $$ > db.pid; exec ${marker}' </dev/null >/dev/null 2>&1 &
    env: { DB_NAME: shop }
    wait-on: file:db.pid
    stop: |
      echo "id=$BGSVC_ID service=$BGSVC_SERVICE db=$DB_NAME secret=\${INPUT_SECRET-unset} state=\${STATE_x-unset}" > "$BGSVC_LOG_DIR/stop-env"
      kill $(cat db.pid)
`,
    );
    const start = await cli(['start']);
    expect(start.code).toBe(0);
    expect(await waitFor(() => pidsRunning(marker).length === 1)).toBe(true);
    const { id } = readStateFile(stateDir);
    const stop = await cli(['stop']);
    expect(output(stop)).toMatch(/db stop command exited 0/);
    expect(output(stop)).toMatch(/db stopped \(stop command/);
    expect(stop.code).toBe(0);
    expect(await waitFor(() => pidsRunning(marker).length === 0)).toBe(true);
    expect(readFileSync(join(stateDir, 'logs', 'stop-env'), 'utf8')).toBe(`id=${id} service=db db=shop secret=unset state=unset\n`);
    expect(existsSync(join(dir, 'db.pid'))).toBe(true);
  });

  it('says so, and exits 0, when a stop command stops a service that has already gone', async () => {
    const { stateDir, cli } = project(
      user,
      `
settle: 0
commands:
  - name: task
    command: echo done
    stop: echo "stop ran" > "$BGSVC_LOG_DIR/stopped"
`,
    );
    expect((await cli(['start'])).code).toBe(0);
    const stop = await cli(['stop']);
    expect(stop.code).toBe(0);
    expect(readFileSync(join(stateDir, 'logs', 'stopped'), 'utf8')).toBe('stop ran\n');
    expect(output(stop)).toMatch(/task stopped \(stop command/);
  });

  it('stops ssh-agent, which forks away and makes itself non-dumpable (its /proc closed even to its owner)', async () => {
    const socketName = `agent-${Math.floor(Math.random() * 1e6)}.sock`;
    markers.push(socketName);
    const { cli } = project(
      user,
      `
commands:
  - name: agent
    command: ssh-agent -a ${socketName}
    wait-on: socket:${socketName}
`,
    );
    expect((await cli(['start'])).code).toBe(0);
    expect(pidsRunning(socketName)).toHaveLength(1);
    const stop = await cli(['stop']);
    expect(output(stop)).toMatch(/agent stopped \(SIGTERM/);
    expect(stop.code).toBe(0);
    expect(await waitFor(() => pidsRunning(socketName).length === 0)).toBe(true);
  });

  it('names a probed port still listening after the stop whose holder is not its process (docker run -d), and exits 1', async () => {
    const port = await freePort();
    const marker = `bgsvc-foreign-listener-${port}`;
    markers.push(marker);
    // Like `docker run -d -p`: the service asks something else (here the test,
    // as root) to start the listener, so no process of its tree holds the port.
    const { stateDir, cli } = project(
      user,
      `
commands:
  - name: db
    command: touch "$BGSVC_LOG_DIR/request"; exec sleep 1000
    wait-on: tcp:127.0.0.1:${port}
`,
    );
    const starting = cli(['start']);
    expect(await waitFor(() => existsSync(join(stateDir, 'logs', 'request')), 10_000)).toBe(true);
    spawn(process.execPath, ['-e', `require('net').createServer().listen(${port}, '127.0.0.1')`, marker], { detached: true, stdio: 'ignore' }).unref();
    expect((await starting).code).toBe(0);
    const stop = await cli(['stop']);
    const expected =
      user === undefined
        ? new RegExp(`db could NOT be verified stopped: tcp:127\\.0\\.0\\.1:${port} still listening, held by pid \\d+ \\(.*${marker}\\)`)
        : new RegExp(`db could NOT be verified stopped: tcp:127\\.0\\.0\\.1:${port} still listening; its holder is not visible to bgsvc`);
    expect(output(stop)).toMatch(expected);
    expect(output(stop)).not.toMatch(/db stopped/);
    expect(stop.code).toBe(1);
    const status = JSON.parse((await cli(['status', '--json'])).stdout);
    expect(status.services[0]).toMatchObject({ name: 'db', state: 'stop-failed' });
    const again = await cli(['stop']);
    expect(again.code).toBe(1);
    expect(output(again)).not.toMatch(/nothing to stop/);
  });
}

function hiddenDaemonTests(user: string | undefined): void {
  it('stops a redis that daemonizes and overwrites its environment, with no probe (backgroundDirectives, verbatim)', async () => {
    const port = await freePort();
    const marker = `:${port}`;
    markers.push(`redis-server *${marker}`);
    const { cli } = project(
      user,
      `
backgroundDirectives:
  shell: bash
  commands:
    - name: cache
      command: redis-server --port ${port} --bind 127.0.0.1 --daemonize yes --save "" --appendonly no --dir .
`,
    );
    const start = await cli(['start']);
    expect(start.code).toBe(0);
    expect(await waitFor(() => pidsRunning(`redis-server 127.0.0.1${marker}`).length === 1)).toBe(true);
    const stop = await cli(['stop']);
    expect(output(stop)).toMatch(/cache stopped \(SIGTERM/);
    expect(stop.code).toBe(0);
    expect(await waitFor(() => pidsRunning(`redis-server 127.0.0.1${marker}`).length === 0)).toBe(true);
  });

  it('stops a daemon that dropped its environment (env -i) and double-forked, with no probe', async () => {
    const marker = `sleep 1005.${Math.floor(Math.random() * 1e6)}`;
    markers.push(marker);
    const { cli } = project(
      user,
      `
commands:
  - name: daemon
    command: (env -i setsid ${marker.replace('sleep', '/bin/sleep')} >/dev/null 2>&1 &); exit 0
`,
    );
    expect((await cli(['start'])).code).toBe(0);
    expect(pidsRunning(marker)).toHaveLength(1);
    const stop = await cli(['stop']);
    expect(stop.code).toBe(0);
    expect(output(stop)).toMatch(/daemon stopped \(SIGTERM/);
    expect(await waitFor(() => pidsRunning(marker).length === 0)).toBe(true);
  });
}

describe('stop commands and listeners, as root', () => stopCommandTests(undefined));
describe('daemons that hide from the cookie, as root', () => hiddenDaemonTests(undefined));

describeWithPrerequisites('stop commands and listeners, as non-root users', nonRootPrerequisites(), () => {
  describe(`as ${PLAIN_USER} (no sudo)`, () => {
    stopCommandTests(PLAIN_USER);
    hiddenDaemonTests(PLAIN_USER);
  });
  describe(`as ${SUDO_USER} (passwordless sudo)`, () => {
    stopCommandTests(SUDO_USER);

    it('stops the VPN-tunnel pattern (sudo … &) with its stop command, and nothing is left', async () => {
      const marker = `sleep 1002.${Math.floor(Math.random() * 1e6)}`;
      markers.push(marker);
      const { cli } = project(
        SUDO_USER,
        `
commands:
  - name: tunnel
    command: sudo sh -c 'setsid ${marker} >/dev/null 2>&1 & echo $! > tunnel.pid'
    stop: sudo kill $(cat tunnel.pid)
`,
      );
      expect((await cli(['start'])).code).toBe(0);
      const [pid] = pidsRunning(marker);
      expect(pid).toBeDefined();
      expect(ownerOf(pid!)).toBe(0);
      const stop = await cli(['stop']);
      expect(output(stop)).toMatch(/tunnel stopped \(stop command/);
      expect(stop.code).toBe(0);
      expect(await waitFor(() => pidsRunning(marker).length === 0)).toBe(true);
    });

    it('fails the stop, naming the root process, for the VPN-tunnel pattern without a stop command', async () => {
      const marker = `sleep 1006.${Math.floor(Math.random() * 1e6)}`;
      markers.push(marker);
      const { cli } = project(
        SUDO_USER,
        `
commands:
  - name: tunnel
    command: sudo sh -c 'setsid ${marker} >/dev/null 2>&1 & echo $! > tunnel.pid'
    stop-timeout: 300ms
`,
      );
      expect((await cli(['start'])).code).toBe(0);
      const [pid] = pidsRunning(marker);
      const stop = await cli(['stop']);
      expect(output(stop)).toContain(`tunnel could NOT be stopped: pid ${pid} (${marker}) still running; bgsvc may not signal it (started with sudo`);
      expect(stop.code).toBe(1);
      expect(output(stop)).not.toMatch(/tunnel stopped|had exited/);
    });

    it('stops a server started with sudo: sudo, our child, passes the stop signal on', async () => {
      const port = await freePort();
      const marker = `bgsvc-sudo-server-${port}`;
      markers.push(marker);
      const { cli } = project(
        SUDO_USER,
        `
commands:
  - name: web
    command: sudo setsid node -e "require('net').createServer().listen(${port}, '127.0.0.1')" ${marker} >/dev/null 2>&1 &
    wait-on: tcp:127.0.0.1:${port}
`,
      );
      expect((await cli(['start'])).code).toBe(0);
      expect(pidsRunning(marker).some((pid) => ownerOf(pid) === 0)).toBe(true);
      const stop = await cli(['stop']);
      expect(output(stop)).toMatch(/web stopped \(SIGTERM/);
      expect(stop.code).toBe(0);
      expect(await waitFor(() => pidsRunning(marker).length === 0)).toBe(true);
    });
  });
});

describe('stop messages say what was done', () => {
  it('lists the leftover processes it killed, by pid and command', async () => {
    const { stateDir, cli } = project(
      undefined,
      `
commands:
  - name: api
    command: exec sleep 1000
    settle: 0
`,
    );
    expect((await cli(['start'])).code).toBe(0);
    // A process of this run that belongs to no recorded service's tree or cookie.
    const { id } = readStateFile(stateDir);
    const stray = execFileSync('sh', ['-c', 'BGSVC_SERVICE=gone setsid sleep 1003 >/dev/null 2>&1 & echo $!'], {
      env: { ...process.env, BGSVC_ID: id },
      encoding: 'utf8',
    }).trim();
    const stop = await cli(['stop']);
    expect(stop.code).toBe(0);
    expect(output(stop)).toMatch(new RegExp(`killed 1 leftover process\\(es\\) of this run: pid ${stray} \\(sleep 1003\\)`));
    expect(leftovers(stateDir)).toEqual([]);
  });

  it('credits the signal, not a stop command that only asked, when the signal did the stopping', async () => {
    const { stateDir, cli } = project(
      undefined,
      `
commands:
  - name: web
    command: exec sleep 1000
    settle: 0
    stop: echo "asked nicely" >> "$BGSVC_LOG_DIR/asked"
`,
    );
    expect((await cli(['start'])).code).toBe(0);
    const stop = await cli(['stop']);
    expect(output(stop)).toMatch(/web stopped \(stop command, then SIGTERM, /);
    expect(stop.code).toBe(0);
    expect(readFileSync(join(stateDir, 'logs', 'asked'), 'utf8')).toBe('asked nicely\n');
  });

  it('says "killed with SIGKILL" only after the whole grace period, and names the grace', async () => {
    const { cli } = project(
      undefined,
      `
commands:
  - name: stubborn
    command: trap '' TERM; echo trapped; while :; do sleep 0.05; done
    wait-on: "log: trapped"
    stop-timeout: 400ms
`,
    );
    expect((await cli(['start'])).code).toBe(0);
    const stop = await cli(['stop']);
    const match = /stubborn killed with SIGKILL after (\d+)ms \(it ignored the stop signal for its whole 400ms grace period\)/.exec(output(stop));
    expect(match, output(stop)).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(400);
  });
});
