// Shared, persistent runners (issue 13), through dist/cli.cjs with real users:
// the victim runs bgsvc as `gitlab-runner` (GitLab's shell executor: no sudo)
// or as root, and `bgsvc-other` plants files first, the way another user of
// the machine could. Every attack here worked before bgsvc checked its dirs,
// opened logs with O_NOFOLLOW and gave its temp files random O_EXCL names.
// Also: each start begins a fresh log, so a log probe never matches an
// earlier run's line.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../helpers/cli.js';
import { describeWithPrerequisites, missingPrerequisites } from '../helpers/binaries.js';
import { isAlive, killAllWithEnv, pidsWithEnv, waitFor } from '../helpers/proc.js';
import { scratchDir } from '../helpers/scratch.js';

const ATTACKER = 'bgsvc-other';
/** Every process a test starts carries this, so cleanup finds it whatever its user. */
const TAG = randomUUID();

afterEach(() => killAllWithEnv('BGSVC_TEST_TAG', TAG));

const strangers: ChildProcess[] = [];
afterAll(() => {
  for (const child of strangers) child.kill('SIGKILL');
});

function uidOf(user: string): number | undefined {
  const result = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

// Missing users fail under CI=true (.ci/run creates them) and skip, with the reason, elsewhere.
const cannotSwitchUsers = missingPrerequisites(
  ['runuser', 'setpriv'],
  [
    process.getuid?.() === 0 ? undefined : 'the tests must run as root to switch users',
    ...['gitlab-runner', 'runner', ATTACKER].map((user) => (uidOf(user) === undefined ? `user ${user} does not exist (.ci/run creates it)` : undefined)),
  ],
);

/** Runs a shell script as `user`; the script gets `args` as $1, $2…. */
function asUser(user: string, script: string, ...args: string[]): void {
  const result = spawnSync('runuser', ['-u', user, '--', 'sh', '-c', script, 'sh', ...args], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`as ${user}: ${script} failed (${result.status}): ${result.stderr}`);
}

/** The built CLI run as `user` (root: directly), like helpers/cli.ts's runCli. */
function bgsvcAs(user: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  if (user === 'root') return runCli(args, { cwd: options.cwd, env: { BGSVC_TEST_TAG: TAG, ...options.env } });
  const started = performance.now();
  const child = spawn('runuser', ['-u', user, '--', process.execPath, CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', BGSVC_TEST_TAG: TAG, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: performance.now() - started, pipesClosedAfterExitMs: 0 });
    });
  });
}

/** A /tmp of its own: root's, mode 1777, so every user can make entries in it. */
function sharedTmp(): string {
  const dir = scratchDir('shared');
  chmodSync(dir, 0o1777);
  return dir;
}

/**
 * The victim's project dir inside `base`, owned by them, with `bgsvc.yml` and a
 * private file standing in for ~/.bashrc. `mode` 1777 makes it a shared work dir.
 */
function victimProject(base: string, user: string, config: string, mode = 0o755): { dir: string; secretFile: string } {
  const dir = join(base, `${user}-project`);
  mkdirSync(dir);
  chmodSync(dir, mode);
  writeFileSync(join(dir, 'bgsvc.yml'), config);
  const secretFile = join(dir, 'bashrc');
  writeFileSync(secretFile, 'original\n', { mode: 0o600 });
  const uid = uidOf(user)!;
  for (const path of [dir, join(dir, 'bgsvc.yml'), secretFile]) chownSync(path, uid, uid);
  return { dir, secretFile };
}

function serviceConfig(marker: string): string {
  return [
    'commands:',
    '  - name: web',
    // Its log would carry the token: a log written through a planted symlink leaks it.
    `    command: echo started > ${marker}; echo "token=$API_TOKEN"; exec sleep 1000`,
    '    env: { API_TOKEN: "s3cr3t" }',
    '',
  ].join('\n');
}

function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

/** The next `count` pids the kernel will hand out (wrapping at pid_max), to plant files named after them. */
function upcomingPids(count: number): number[] {
  const last = Number(readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
  const max = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
  const pids: number[] = [];
  for (let i = 1; i <= count; i++) {
    const pid = last + i;
    pids.push(pid < max ? pid : 300 + (pid - max));
  }
  return pids;
}

/** Plants `<dir>/<prefix><pid><suffix> -> target` as the attacker for every upcoming pid. */
function plantPidSymlinks(dir: string, prefix: string, suffix: string, target: string): void {
  // One node process, not 4000 `ln`s: on a busy 2-core machine those take over 30 s.
  const script = 'const [dir, target, prefix, suffix, pids] = process.argv.slice(1); for (const pid of pids.split(" ")) require("fs").symlinkSync(target, `${dir}/${prefix}${pid}${suffix}`);';
  const result = spawnSync('runuser', ['-u', ATTACKER, '--', process.execPath, '-e', script, dir, target, prefix, suffix, upcomingPids(4000).join(' ')], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(`planting symlinks as ${ATTACKER} failed (${result.status}): ${result.stderr}`);
}

// The GitLab shell executor's user, the GitHub-hosted runner's (passwordless sudo), and root.
const victims = ['gitlab-runner', 'runner', 'root'] as const;

describeWithPrerequisites('a state or log dir another user controls is refused before anything starts', cannotSwitchUsers, () => {
  it.each(victims)('as %s: a 0777 state dir with a planted logs/web.log symlink: exit 2, the symlink target untouched, nothing started', async (victim) => {
    const base = sharedTmp();
    const marker = join(base, `${victim}-project`, 'started');
    const { dir, secretFile } = victimProject(base, victim, serviceConfig(marker));
    const stateDir = join(base, 'x');
    asUser(ATTACKER, 'mkdir -m 777 "$1" "$1/logs" && ln -s "$2" "$1/logs/web.log"', stateDir, secretFile);

    const start = await bgsvcAs(victim, ['start'], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } });
    expect(start.code).toBe(2);
    expect(start.stderr).toContain(`refusing the state dir ${stateDir}: it belongs to uid ${uidOf(ATTACKER)}, not to you`);
    expect(start.stderr).toMatch(/mode 0777/);
    expect(start.stderr).toMatch(/choose a dir that you own and only you can write to/);
    expect(start.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(secretFile, 'utf8')).toBe('original\n');
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(stateDir)).toEqual(['logs']);
    expect(pidsWithEnv('BGSVC_TEST_TAG', TAG)).toEqual([]);
  });

  it.each(victims)('as %s: a web.log symlink planted in a shared sticky --log-dir is never written through', async (victim) => {
    const base = sharedTmp();
    const marker = join(base, `${victim}-project`, 'started');
    const { dir, secretFile } = victimProject(base, victim, serviceConfig(marker));
    asUser(ATTACKER, 'ln -s "$2" "$1/web.log"', base, secretFile);

    // A sticky dir is accepted as a log dir; the planted log is not.
    const start = await bgsvcAs(victim, ['start', '--log-dir', base], { cwd: dir, env: { BGSVC_STATE_DIR: join(dir, '.state') } });
    expect(start.code).toBe(1);
    expect(start.stderr).toContain(`${join(base, 'web.log')} is a symbolic link, not a log bgsvc wrote; remove it`);
    expect(readFileSync(secretFile, 'utf8')).toBe('original\n');
    expect(existsSync(marker)).toBe(false);
    expect(pidsWithEnv('BGSVC_TEST_TAG', TAG)).toEqual([]);
  });

  it('refuses the default .bgsvc another user made in a shared work dir with exit 1 (not the user\'s config)', async () => {
    const base = sharedTmp();
    const marker = join(base, 'gitlab-runner-project', 'started');
    const { dir } = victimProject(base, 'gitlab-runner', serviceConfig(marker), 0o1777);
    asUser(ATTACKER, 'mkdir -m 777 "$1/.bgsvc"', dir);

    const start = await bgsvcAs('gitlab-runner', ['start'], { cwd: dir, env: { BGSVC_STATE_DIR: undefined } });
    expect(start.code).toBe(1);
    expect(start.stderr).toContain(`refusing the state dir ${join(dir, '.bgsvc')}: it belongs to uid ${uidOf(ATTACKER)}`);
    expect(start.stderr).toMatch(/set BGSVC_STATE_DIR to a dir that you own/);
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(join(dir, '.bgsvc'))).toEqual([]);
  });

  it('refuses a state dir under a dir another user owns (they could swap it), and creates nothing there', async () => {
    const base = sharedTmp();
    const marker = join(base, 'gitlab-runner-project', 'started');
    const { dir } = victimProject(base, 'gitlab-runner', serviceConfig(marker));
    const foreign = join(base, 'a');
    asUser(ATTACKER, 'mkdir -m 777 "$1"', foreign);

    const start = await bgsvcAs('gitlab-runner', ['start'], { cwd: dir, env: { BGSVC_STATE_DIR: join(foreign, 'b') } });
    expect(start.code).toBe(2);
    expect(start.stderr).toContain(`refusing the state dir ${join(foreign, 'b')}: ${foreign} above it belongs to uid ${uidOf(ATTACKER)}`);
    expect(readdirSync(foreign)).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });

  it.each(victims)('as %s: planted state.json.<pid>.tmp symlinks in a 0777 state dir are never written through', async (victim) => {
    const base = sharedTmp();
    const marker = join(base, `${victim}-project`, 'started');
    const { dir, secretFile } = victimProject(base, victim, serviceConfig(marker));
    const stateDir = join(base, 'x');
    asUser(ATTACKER, 'mkdir -m 777 "$1"', stateDir);
    plantPidSymlinks(stateDir, 'state.json.', '.tmp', secretFile);

    const start = await bgsvcAs(victim, ['start'], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } });
    expect(start.code).toBe(2);
    expect(readFileSync(secretFile, 'utf8')).toBe('original\n');
    expect(existsSync(join(stateDir, 'state.json'))).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it.each(victims)('as %s: planted write-test symlinks in a shared sticky --log-dir are never written through', async (victim) => {
    const base = sharedTmp();
    const marker = join(base, `${victim}-project`, 'started');
    const { dir, secretFile } = victimProject(base, victim, serviceConfig(marker));
    plantPidSymlinks(base, '.bgsvc-write-test-', '', secretFile);

    const env = { BGSVC_STATE_DIR: join(dir, '.state') };
    const start = await bgsvcAs(victim, ['start', '--log-dir', base], { cwd: dir, env });
    expect(readFileSync(secretFile, 'utf8')).toBe('original\n');
    expect(start.code).toBe(0);
    expect((await bgsvcAs(victim, ['stop'], { cwd: dir, env })).code).toBe(0);
  });
});

describeWithPrerequisites('a state file is trusted only from a dir that passed the checks', cannotSwitchUsers, () => {
  // A process carrying the forged file's cookie: the victim's own for
  // gitlab-runner (root can read anyone's environment, so for root it can be
  // the attacker's). Before the checks, stop took it as the service and ran
  // the forged stop command as the victim.
  function cookieHolder(user: string, id: string): number {
    const uid = uidOf(user)!;
    const child = spawn('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', 'sleep', '60'], {
      stdio: 'ignore',
      env: { ...process.env, BGSVC_ID: id, BGSVC_SERVICE: 'api', BGSVC_TEST_TAG: TAG },
    });
    strangers.push(child);
    return child.pid!;
  }

  function forgedState(stateDir: string, holder: number, id: string, stop: string): string {
    const service = {
      name: 'api',
      command: 'sleep 60',
      shell: '/bin/sh',
      cwd: stateDir,
      env: {},
      needs: [],
      stop,
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 1000,
      probes: [],
      pid: holder,
      startTime: startTimeOf(holder),
      logFile: join(stateDir, 'logs', 'api.log'),
      exitFile: join(stateDir, 'run', 'api.exit'),
      startedAt: Date.now() - 1000,
      readyAt: Date.now() - 900,
    };
    const state = { schema: 'bgsvc-state', version: 1, id, createdAt: Date.now() - 1000, stateDir, logDir: join(stateDir, 'logs'), complete: true, services: [service] };
    return JSON.stringify(state, null, 2);
  }

  it.each(victims)('as %s: stop, status, logs and start refuse a forged state.json in a 0777 dir another user owns, and run no stop command', async (victim) => {
    const base = sharedTmp();
    const { dir } = victimProject(base, victim, serviceConfig(join(base, 'unused')));
    const pwned = join(dir, 'pwned');
    const id = randomUUID().replace(/-/g, '').slice(0, 24);
    const holder = cookieHolder(victim === 'root' ? ATTACKER : victim, id);
    expect(await waitFor(() => existsSync(`/proc/${holder}/stat`) && readFileSync(`/proc/${holder}/cmdline`, 'utf8').startsWith('sleep'))).toBe(true);
    const stateDir = join(base, 'y');
    const forged = join(base, 'forged.json');
    writeFileSync(forged, forgedState(stateDir, holder, id, `touch ${pwned}`), { mode: 0o644 });
    asUser(ATTACKER, 'mkdir -m 777 "$1" "$1/run" "$1/logs" && cp "$2" "$1/state.json" && chmod 666 "$1/state.json"', stateDir, forged);

    const env = { BGSVC_STATE_DIR: stateDir };
    for (const args of [['stop'], ['status'], ['logs'], ['start']]) {
      const run = await bgsvcAs(victim, args, { cwd: dir, env });
      expect(run.code, args[0]).toBe(2);
      expect(run.stderr, args[0]).toContain(`refusing the state dir ${stateDir}: it belongs to uid ${uidOf(ATTACKER)}`);
      expect(run.stderr, args[0]).toMatch(/Nothing was started or signalled/);
    }
    expect(existsSync(pwned)).toBe(false);
    expect(isAlive(holder)).toBe(true);
    expect(readdirSync(stateDir).sort()).toEqual(['logs', 'run', 'state.json']);
  });
});

describe('each start writes a fresh log', () => {
  it('a second run\'s log probe never matches the first run\'s line, and <name>.prev.log keeps the previous log once', async () => {
    const dir = scratchDir('fresh-log');
    writeFileSync(
      join(dir, 'bgsvc.yml'),
      [
        'commands:',
        '  - name: web',
        '    command: echo "starting as $$"; sleep 1.5; echo "service ready"; exec sleep 1000',
        '    wait-on: { log: "service ready" }',
        '',
      ].join('\n'),
    );
    const env = { BGSVC_STATE_DIR: join(dir, '.state'), BGSVC_TEST_TAG: TAG };
    const log = join(dir, '.state', 'logs', 'web.log');
    const previous = join(dir, '.state', 'logs', 'web.prev.log');
    const logs: string[] = [];
    for (let run = 0; run < 3; run++) {
      const result = await runCli(['run', '--', 'true'], { cwd: dir, env });
      expect(result.code, result.stderr).toBe(0);
      const ready = /web ready in (\d+(?:\.\d+)?)(ms|s)/.exec(result.stderr);
      expect(ready, result.stderr).not.toBeNull();
      const ms = Number(ready![1]) * (ready![2] === 's' ? 1000 : 1);
      expect(ms, `run ${run + 1}: ${result.stderr}`).toBeGreaterThanOrEqual(1400);
      const text = readFileSync(log, 'utf8');
      expect(text.match(/service ready/g)).toHaveLength(1);
      if (run > 0) expect(readFileSync(previous, 'utf8')).toBe(logs[run - 1]);
      logs.push(text);
    }
    expect(new Set(logs).size).toBe(3);
    expect(readdirSync(join(dir, '.state', 'logs')).sort()).toEqual(['web.log', 'web.prev.log']);
  });
});
