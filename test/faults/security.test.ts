// Security (issue 4), through dist/cli.cjs: names never escape the log dir,
// dirs and files are owner-only, env values never reach bgsvc's output, and an
// edited state file cannot aim a stop at a process that is not ours.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli, useProjects, type CliRun } from '../helpers/cli.js';
import { isAlive, killAllWithEnv, pidsWithEnv, waitFor } from '../helpers/proc.js';

const makeProject = useProjects(afterEach);

/** Every file and dir under `dir`, as paths relative to it. */
function listTree(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      found.push(relative(dir, path));
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return found.sort();
}

function modeOf(path: string): string {
  return (statSync(path).mode & 0o7777).toString(8).padStart(4, '0');
}

function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

function output(run: CliRun): string {
  return `${run.stdout}${run.stderr}`;
}

describe('service names are checked before they touch the filesystem', () => {
  const badNames: [string, RegExp][] = [
    ['../escape', /contains "\/"/],
    ['../../outside', /contains "\/"/],
    ['a/b', /contains "\/"/],
    ['/tmp/absolute', /contains "\/"/],
    ['.hidden', /must not start with "\."/],
    ['..', /must not start with "\."/],
    ['CON', /reserved device name on Windows \(CON\)/],
    ['nul', /reserved device name on Windows \(NUL\)/],
    ['com1.txt', /reserved device name on Windows \(COM1\)/],
  ];

  it.concurrent.each(badNames)('rejects the name %j with exit 2 and creates nothing anywhere', async (name, expected) => {
    const { dir, env, stateDir } = makeProject(
      `commands:\n  - name: ${JSON.stringify(name)}\n    command: touch "$BGSVC_LOG_DIR/ran"; exec sleep 1000\n`,
    );
    const logDir = join(stateDir, 'logs');
    const run = await runCli(['start', '--log-dir', logDir], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`bgsvc\\.yml:2:\\d+: commands\\[0\\]\\.name: .*${expected.source}`));
    // Not the state dir, not the log dir, not the file the name would have made.
    expect(listTree(dir)).toEqual(['bgsvc.yml']);
    expect(existsSync(join(logDir, `${name}.log`))).toBe(false);
    expect(pidsWithEnv('BGSVC_LOG_DIR', logDir)).toEqual([]);
  });

  it('derives safe names from background commands that look like paths, dotfiles and devices', async () => {
    const { dir, env, stateDir } = makeProject(
      [
        'background:',
        '  - ../../../../../../../../bin/sleep 1000',
        '  - ./.hidden-server',
        '  - ./nul',
        '  - ./CON.sh',
        '',
      ].join('\n'),
    );
    for (const script of ['.hidden-server', 'nul', 'CON.sh']) {
      writeFileSync(join(dir, script), '#!/bin/sh\nexec sleep 1000\n', { mode: 0o755 });
    }
    const start = await runCli(['start'], { cwd: dir, env });
    expect(start.stderr).toMatch(/config bgsvc\.yml: sleep, hidden-server, svc-nul, svc-CON\.sh/);
    expect(start.code).toBe(0);
    const logs = readdirSync(join(stateDir, 'logs')).sort();
    expect(logs).toEqual(['hidden-server.log', 'sleep.log', 'svc-CON.sh.log', 'svc-nul.log']);
    // Nothing outside the state dir but what the test wrote.
    expect(listTree(dir).filter((path) => !path.startsWith('.state'))).toEqual(['.hidden-server', 'CON.sh', 'bgsvc.yml', 'nul']);
    expect((await runCli(['stop'], { cwd: dir, env })).code).toBe(0);
  });

  it.concurrent.each([
    [['logs', '../../../../etc/passwd'], /no service named "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" \(services: api\)/],
    [['logs', 'api.log'], /no service named "api\.log"/],
    [['stop', '../api'], /no service named "\.\.\/api" was started from .* \(started: api\)/],
  ])('treats the name in %j as a name, never as a path', async (args, expected) => {
    const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: sleep 1000\n');
    // A state with one recorded service whose process is long gone.
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, 'state.json'), JSON.stringify(forgedState(stateDir, { pid: deadPid(), startTime: '1' })));
    const run = await runCli(args, { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/root:/);
  });
});

describe('owner-only state and log dirs', () => {
  // umask 000 proves the modes are bgsvc's doing, not the umask's.
  function startWithUmask(dir: string, env: NodeJS.ProcessEnv, args: string[]): Promise<number | null> {
    return new Promise((resolve) => {
      const child = execFile('/bin/sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, CLI, 'start', ...args], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1', ...env },
      });
      child.on('exit', (code) => resolve(code));
    });
  }

  it('creates the state dir, log dir and run dir 0700, and the state and log files 0600, whatever the umask', async () => {
    const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: echo hello; exec sleep 1000\n');
    const customLogs = join(dir, 'artifacts', 'logs');
    expect(await startWithUmask(dir, env, ['--log-dir', customLogs])).toBe(0);
    expect(modeOf(stateDir)).toBe('0700');
    expect(modeOf(join(stateDir, 'run'))).toBe('0700');
    expect(modeOf(customLogs)).toBe('0700');
    expect(modeOf(join(stateDir, 'state.json'))).toBe('0600');
    expect(modeOf(join(customLogs, 'api.log'))).toBe('0600');
    expect((await runCli(['stop'], { cwd: dir, env })).code).toBe(0);
    // Stop rewrites the state file; it stays owner-only.
    expect(modeOf(join(stateDir, 'state.json'))).toBe('0600');
  });

  it('uses the default log dir under the state dir, 0700 as well', async () => {
    const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: exec sleep 1000\n');
    expect(await startWithUmask(dir, env, [])).toBe(0);
    expect(modeOf(join(stateDir, 'logs'))).toBe('0700');
    expect(modeOf(join(stateDir, 'logs', 'api.log'))).toBe('0600');
    expect((await runCli(['stop'], { cwd: dir, env })).code).toBe(0);
  });

  it('leaves the mode of an existing shared dir given as --log-dir alone (it is not bgsvc\'s to lock)', async () => {
    const { dir, env } = makeProject('commands:\n  - name: api\n    command: exec sleep 1000\n');
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const start = await runCli(['start', '--log-dir', shared], { cwd: dir, env });
    expect(start.code).toBe(0);
    expect(modeOf(shared)).toBe('1777');
    // The log file itself is still owner-only.
    expect(modeOf(join(shared, 'api.log'))).toBe('0600');
    expect((await runCli(['stop'], { cwd: dir, env })).code).toBe(0);
  });
});

describe('nothing prints the environment', () => {
  it('never shows an env: value or an inherited secret in the output of any command, passing or failing', async () => {
    const secret = `s3cr3t-${randomUUID()}`;
    const inherited = `inherited-${randomUUID()}`;
    const { dir, env, stateDir } = makeProject(
      [
        'commands:',
        '  - name: api',
        '    command: printenv API_TOKEN > token.tmp && mv token.tmp token.out; exec sleep 1000',
        `    env: { API_TOKEN: "${secret}", DB_URL: "postgres://user:${secret}@db/x" }`,
        '    wait-on: file:token.out',
        '    stop: echo stopping',
        '',
      ].join('\n'),
    );
    // Debug switches people try: none of them may turn on an environment dump.
    const runEnv = { ...env, PARENT_SECRET: inherited, BGSVC_DEBUG: '1', DEBUG: '*' };
    const runs: Record<string, CliRun> = {};
    const cli = async (label: string, args: string[], cwd = dir) => (runs[label] = await runCli(args, { cwd, env: runEnv }));

    expect((await cli('start', ['start'])).code).toBe(0);
    // Not a vacuous test: the service did get the value.
    expect(readFileSync(join(dir, 'token.out'), 'utf8').trim()).toBe(secret);
    await cli('status', ['status']);
    await cli('status --json', ['status', '--json']);
    await cli('logs', ['logs']);
    await cli('stop', ['stop', '--logs', 'always']);
    await cli('stop again', ['stop']);
    await cli('run', ['run', '--logs', 'always', '--', 'true']);

    // Failures: a crash before ready, a missed deadline, a config error beside a valid secret.
    const failing = makeProject(
      [
        'commands:',
        '  - name: crashes',
        '    command: exit 3',
        `    env: { API_TOKEN: "${secret}" }`,
        '    wait-on: "delay: 5s"',
        '',
      ].join('\n'),
    );
    runs['start (crash)'] = await runCli(['start'], { cwd: failing.dir, env: { ...failing.env, PARENT_SECRET: inherited } });
    const slow = makeProject(
      [
        'commands:',
        '  - name: slow',
        '    command: exec sleep 1000',
        `    env: { API_TOKEN: "${secret}" }`,
        '    wait-on: file:never',
        '    timeout: 300ms',
        '',
      ].join('\n'),
    );
    runs['start (timeout)'] = await runCli(['start'], { cwd: slow.dir, env: { ...slow.env, PARENT_SECRET: inherited } });
    const invalid = makeProject(
      [
        'commands:',
        '  - name: api',
        '    command: exec sleep 1000',
        `    env: { API_TOKEN: "${secret}", "BAD-NAME": "${secret}", LIST: ["${secret}"] }`,
        '    timeout: soon',
        '',
      ].join('\n'),
    );
    runs['start (config error)'] = await runCli(['start'], { cwd: invalid.dir, env: { ...invalid.env, PARENT_SECRET: inherited } });

    expect(runs['start']?.stderr).toMatch(/api ready/);
    expect(runs['start (crash)']?.code).toBe(1);
    expect(runs['start (timeout)']?.code).toBe(1);
    expect(runs['start (config error)']?.code).toBe(2);
    expect(runs['start (config error)']?.stderr).toMatch(/env: invalid variable name "BAD-NAME"/);
    expect(runs['start (config error)']?.stderr).toMatch(/env\.LIST: expected a string, number or boolean, got a list/);
    expect(runs['run']?.code).toBe(0);
    for (const [label, run] of Object.entries(runs)) {
      expect(output(run), label).not.toContain(secret);
      expect(output(run), label).not.toContain(inherited);
    }
    // The value is on disk only in the owner-only state file (stop commands need it).
    expect(readFileSync(join(stateDir, 'state.json'), 'utf8')).toContain(secret);
    expect(modeOf(join(stateDir, 'state.json'))).toBe('0600');
  });
});

// ---- Forged state files ----------------------------------------------------

interface Target {
  pid: number;
  startTime: string;
}

function forgedState(stateDir: string, target: Target, id = randomUUID().replace(/-/g, '').slice(0, 24)) {
  return {
    schema: 'bgsvc-state',
    version: 1,
    id,
    createdAt: Date.now() - 1000,
    stateDir,
    logDir: join(stateDir, 'logs'),
    complete: true,
    services: [
      {
        name: 'api',
        command: 'sleep 1000',
        shell: '/bin/sh',
        cwd: stateDir,
        env: {},
        needs: [],
        stopSignal: 'SIGTERM',
        stopTimeoutMs: 1000,
        probes: [],
        pid: target.pid,
        startTime: target.startTime,
        logFile: join(stateDir, 'logs', 'api.log'),
        exitFile: join(stateDir, 'run', 'api.exit'),
        startedAt: Date.now() - 1000,
      },
    ],
  };
}

/** A pid that existed a moment ago and is gone now. */
function deadPid(): number {
  return spawnSync('true').pid;
}

function writeForged(stateDir: string, state: object): void {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(stateDir, 'state.json'), JSON.stringify(state, null, 2), { mode: 0o600 });
}

const strangers: ChildProcess[] = [];
afterAll(() => {
  for (const child of strangers) child.kill('SIGKILL');
});

function spawnStranger(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'ignore' });
  strangers.push(child);
  return child;
}

const NOBODY = 65_534;
const canRunAsNobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

function uidOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((text) => text.startsWith('Uid:')) ?? '';
  return Number(line.split(/\s+/)[1]);
}

describe('a state file is trusted only as far as the cookie check allows', () => {
  const targets: Array<[string, () => Promise<Target & { survives?: () => boolean }>]> = [
    ['pid 1 (init)', async () => ({ pid: 1, startTime: startTimeOf(1) })],
    ['this test process, the parent of bgsvc', async () => ({ pid: process.pid, startTime: startTimeOf(process.pid) })],
    ["the test runner, bgsvc's grandparent", async () => ({ pid: process.ppid, startTime: startTimeOf(process.ppid) })],
    [
      'an unrelated process of the same user',
      async () => {
        const child = spawnStranger('sleep', ['60']);
        await waitFor(() => child.pid !== undefined && existsSync(`/proc/${child.pid}/stat`));
        return { pid: child.pid!, startTime: startTimeOf(child.pid!) };
      },
    ],
  ];

  for (const [label, makeTarget] of targets) {
    for (const forgery of ['its real start time', 'a wrong start time'] as const) {
      it(`signals nothing and warns when the file names ${label} with ${forgery}`, async () => {
        const target = await makeTarget();
        const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: sleep 1000\n');
        const startTime = forgery === 'its real start time' ? target.startTime : `${target.startTime}9`;
        writeForged(stateDir, forgedState(stateDir, { pid: target.pid, startTime }));
        const stop = await runCli(['stop'], { cwd: dir, env });
        expect(stop.stderr).not.toMatch(/\n\s+at /);
        expect(stop.code).toBe(0);
        const reason = forgery === 'its real start time' ? "it does not carry this run's BGSVC_ID" : 'its start time differs';
        expect(stop.stderr).toContain(`warning: api: pid ${target.pid} in the state file is not ours (${reason}`);
        expect(stop.stderr).toMatch(/api was not running/);
        expect(isAlive(target.pid)).toBe(true);
        expect(startTimeOf(target.pid)).toBe(target.startTime);
        // status reads the same file without signalling anything either.
        expect((await runCli(['status'], { cwd: dir, env })).code).toBe(0);
        expect(isAlive(target.pid)).toBe(true);
      });
    }
  }

  it.skipIf(!canRunAsNobody)("signals nothing when the file names another user's process with its real start time", async () => {
    // setpriv execs, so the pid is the sleep itself, running as nobody.
    const child = spawnStranger('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'sleep', '60']);
    await waitFor(() => child.pid !== undefined && existsSync(`/proc/${child.pid}/stat`) && uidOf(child.pid) === NOBODY);
    const pid = child.pid!;
    expect(uidOf(pid)).toBe(NOBODY);
    const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: sleep 1000\n');
    writeForged(stateDir, forgedState(stateDir, { pid, startTime: startTimeOf(pid) }));
    // bgsvc runs as root here: only the identity check stands between it and the process.
    const stop = await runCli(['stop'], { cwd: dir, env });
    expect(stop.code).toBe(0);
    expect(stop.stderr).toContain(`warning: api: pid ${pid} in the state file is not ours (it does not carry this run's BGSVC_ID)`);
    expect(isAlive(pid)).toBe(true);
    expect(uidOf(pid)).toBe(NOBODY);
  });

  it('signals nothing when an adopted entry names a stranger that does not hold the recorded port', async () => {
    const child = spawnStranger('sleep', ['60']);
    await waitFor(() => child.pid !== undefined && existsSync(`/proc/${child.pid}/stat`));
    const pid = child.pid!;
    const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: sleep 1000\n');
    const state = forgedState(stateDir, { pid: deadPid(), startTime: '1' });
    Object.assign(state.services[0]!, { adopted: [{ pid, startTime: startTimeOf(pid), command: 'sleep 60', port: 9 }] });
    writeForged(stateDir, state);
    const stop = await runCli(['stop'], { cwd: dir, env });
    expect(stop.code).toBe(0);
    expect(isAlive(pid)).toBe(true);
  });

  it('still stops the real service by its cookie when the file points its pid at a stranger', async () => {
    const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: sleep 1000 & sleep 1000\n');
    expect((await runCli(['start'], { cwd: dir, env })).code).toBe(0);
    const state = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8'));
    const ours = pidsWithEnv('BGSVC_ID', state.id);
    expect(ours.length).toBeGreaterThanOrEqual(2);
    const stranger = spawnStranger('sleep', ['60']);
    await waitFor(() => existsSync(`/proc/${stranger.pid}/stat`));
    state.services[0].pid = stranger.pid;
    state.services[0].startTime = startTimeOf(stranger.pid!);
    writeFileSync(join(stateDir, 'state.json'), JSON.stringify(state));
    const stop = await runCli(['stop'], { cwd: dir, env });
    expect(stop.code).toBe(0);
    expect(stop.stderr).toContain(`pid ${stranger.pid} in the state file is not ours`);
    expect(await waitFor(() => pidsWithEnv('BGSVC_ID', state.id).length === 0)).toBe(true);
    expect(isAlive(stranger.pid!)).toBe(true);
    killAllWithEnv('BGSVC_ID', state.id);
  });

  type Forged = ReturnType<typeof forgedState>;
  const edits: Array<[string, (state: Forged) => void, RegExp]> = [
    ['a fractional pid', (state) => void (state.services[0]!.pid = 1.5), /pid 1\.5 is not a process id/],
    ['a negative pid', (state) => void (state.services[0]!.pid = -1), /pid -1 is not a process id/],
    ['pid 0', (state) => void (state.services[0]!.pid = 0), /pid 0 is not a process id/],
    ['a pid beyond the pid range', (state) => void (state.services[0]!.pid = 2 ** 40), /is not a process id/],
    ['an empty id', (state) => void (state.id = ''), /its id "" is not one bgsvc writes/],
    ['an id with spaces', (state) => void (state.id = 'abc def ghi jkl'), /is not one bgsvc writes/],
    ['a name with spaces', (state) => void (state.services[0]!.name = 'a b'), /the name is not one bgsvc accepts/],
    ['an unknown stop signal', (state) => void (state.services[0]!.stopSignal = 'SIGFOO'), /stop signal "SIGFOO" is not a signal/],
    ['a negative stop timeout', (state) => void (state.services[0]!.stopTimeoutMs = -5), /stop timeout -5 is not a duration/],
    [
      'an adopted process with a fractional pid',
      (state) => void Object.assign(state.services[0]!, { adopted: [{ pid: 2.5, startTime: '1', command: 'x' }] }),
      /an adopted process lacks a valid pid or start time/,
    ],
  ];
  it.concurrent.each(edits)('rejects a state file with %s as unusable, without a crash, and signals nothing', async (_label, edit, expected) => {
    const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: sleep 1000\n');
    const bystander = spawnStranger('sleep', ['60']);
    const state = forgedState(stateDir, { pid: bystander.pid!, startTime: '1' });
    edit(state);
    writeForged(stateDir, state);
    const stop = await runCli(['stop'], { cwd: dir, env });
    expect(stop.stderr).not.toMatch(/\n\s+at /);
    expect(stop.code).toBe(0);
    expect(stop.stderr).toMatch(new RegExp(`warning: cannot use .*state\\.json: .*${expected.source}`));
    expect(isAlive(bystander.pid!)).toBe(true);
  });

  it('writes the state back where it read it, never to the directory the file names', async () => {
    const { dir, env, stateDir } = makeProject('commands:\n  - name: api\n    command: sleep 1000\n');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o755 });
    chmodSync(elsewhere, 0o755);
    writeForged(stateDir, { ...forgedState(stateDir, { pid: deadPid(), startTime: '1' }), stateDir: elsewhere });
    const stop = await runCli(['stop'], { cwd: dir, env });
    expect(stop.code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(modeOf(elsewhere)).toBe('0755');
    expect(JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')).stoppedAt).toEqual(expect.any(Number));
  });
});
