// Fault matrix, part 2: faults in bgsvc's own life rather than the services':
// a killed or signalled start, racing stops, a broken state file, a reused
// pid, an unusable log dir, and two state dirs side by side.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { startServices } from '../../src/app/start.js';
import { stopFromState } from '../../src/app/stop.js';
import { readState, stateFilePath } from '../../src/state/index.js';
import { runCli } from '../helpers/cli.js';
import { freePort } from '../helpers/ports.js';
import { commandLine, isAlive, killAllWithEnv, pidsWithEnv, waitFor } from '../helpers/proc.js';
import { collect, depsFor, plan, REPS, runScenario, sandbox, SCENARIO_TIMEOUT_MS, withDeadline, type Row } from './lib/matrix.js';

vi.setConfig({ testTimeout: SCENARIO_TIMEOUT_MS });

const TWO_SERVICES = (port: number) => `commands:
  - name: up
    command: sleep 1000 & sleep 1000
  - name: waiting
    command: sleep 1000
    wait-on: tcp:127.0.0.1:${port}
`;

function fail(message: string, ids: string[]): never {
  throw Object.assign(new Error(message), { ids });
}

function stateId(stateDir: string): string[] {
  const read = readState(stateDir);
  if (read.kind === 'ok') return [read.state.id];
  return read.kind === 'invalid' && read.id ? [read.id] : [];
}

/** Starts `bgsvc start` as a CLI and resolves once both services are recorded. */
async function startCliUntilRecorded(dir: string, stateDir: string) {
  let pid = 0;
  const run = runCli(['start'], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir }, onSpawn: (spawned) => (pid = spawned) });
  const recorded = await waitFor(() => {
    if (!existsSync(stateFilePath(stateDir))) return false;
    const read = readState(stateDir);
    return read.kind === 'ok' && read.state.services.length === 2;
  }, 5000);
  return { pid, run, recorded };
}

function project(config: string) {
  const { dir, location } = sandbox();
  writeFileSync(join(dir, 'bgsvc.yml'), config);
  return { dir, location, stateDir: location.stateDir };
}

async function check(row: Row): Promise<void> {
  expect(row.failures).toEqual([]);
  expect({ reps: row.reps, leaks: row.leaks, wrongKills: row.wrongKills, hang: row.hang }).toEqual({ reps: REPS, leaks: 0, wrongKills: 0, hang: false });
}

it('bgsvc start killed with SIGKILL mid-wait: the next stop still stops everything', async () => {
  const row = await runScenario('start is SIGKILLed mid-wait', async () => {
    const { dir, location, stateDir } = project(TWO_SERVICES(await freePort()));
    const start = await startCliUntilRecorded(dir, stateDir);
    const ids = stateId(stateDir);
    if (!start.recorded) fail('the state never listed both services', ids);
    process.kill(start.pid, 'SIGKILL');
    await start.run;
    if (pidsWithEnv('BGSVC_ID', ids[0]!).length < 3) fail('the services died with start', ids);
    const { emit } = collect();
    const report = await withDeadline(stopFromState(location, { deps: depsFor(emit) }), 'stop');
    if (report.outcomes.size !== 2) fail(`stop handled ${report.outcomes.size} services`, ids);
    return { ids };
  });
  await check(row);
});

it.each(['SIGINT', 'SIGTERM'] as const)('bgsvc start interrupted by %s stops what it started and exits non-zero', async (signal) => {
  const row = await runScenario(`start gets ${signal}`, async () => {
    const { dir, stateDir } = project(TWO_SERVICES(await freePort()));
    const start = await startCliUntilRecorded(dir, stateDir);
    const ids = stateId(stateDir);
    if (!start.recorded) fail('the state never listed both services', ids);
    process.kill(start.pid, signal);
    const result = await withDeadline(start.run, 'start after the signal');
    const expected = signal === 'SIGINT' ? 130 : 143;
    if (result.code !== expected) fail(`start exited ${result.code}, expected ${expected}`, ids);
    return { ids };
  });
  await check(row);
});

it('two stops at once: no crash, each service reported once, nothing left', async () => {
  const row = await runScenario('two stops run at once', async () => {
    const { dir, location, stateDir } = project('commands:\n  - name: a\n    command: sleep 1000\n  - name: b\n    command: sleep 1000\n');
    const { emit } = collect();
    const started = await withDeadline(startServices({ plan: plan(readFileSync(join(dir, 'bgsvc.yml'), 'utf8'), dir), location, deps: depsFor(emit) }), 'start');
    const ids = stateId(stateDir);
    if (!started.ok) fail('start failed', ids);
    const env = { BGSVC_STATE_DIR: stateDir };
    const [first, second] = await withDeadline(Promise.all([runCli(['stop'], { cwd: dir, env }), runCli(['stop'], { cwd: dir, env })]), 'stops');
    if (first.code !== 0 || second.code !== 0) fail(`stops exited ${first.code} and ${second.code}`, ids);
    const output = first.stderr + second.stderr;
    for (const name of ['a', 'b']) {
      const reports = output.split('\n').filter((line) => line.includes(` ${name} stopped`)).length;
      if (reports !== 1) fail(`${name} was reported stopped ${reports} times:\n${output}`, ids);
    }
    return { ids };
  });
  await check(row);
});

const BROKEN_STATES: Array<[string, (text: string) => string, RegExp, boolean]> = [
  ['is truncated', (text) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON/, true],
  ['is garbage', () => '\u0000\u00ff not json at all', /not valid JSON.*nothing was signalled/s, false],
  ['has a future schema version', (text) => text.replace('"version": 1', '"version": 99'), /state version 99/, true],
];

it.each(BROKEN_STATES)('a state file that %s gets a clear message, and whatever the cookie identifies is stopped', async (what, corrupt, message, identifiable) => {
  const row = await runScenario(`state file ${what}`, async () => {
    const { dir, location, stateDir } = project('commands:\n  - name: a\n    command: sleep 1000\n');
    const { emit } = collect();
    await withDeadline(startServices({ plan: plan(readFileSync(join(dir, 'bgsvc.yml'), 'utf8'), dir), location, deps: depsFor(emit) }), 'start');
    const ids = stateId(stateDir);
    const path = stateFilePath(stateDir);
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    const stop = await withDeadline(runCli(['stop'], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } }), 'stop');
    if (!message.test(stop.stderr)) fail(`stop said: ${stop.stderr}`, ids);
    const left = pidsWithEnv('BGSVC_ID', ids[0]!).length;
    // Garbage holds no cookie: nothing can be identified, so nothing is touched (the harness cleans up).
    if (identifiable && left > 0) fail(`${left} processes were left although the cookie was readable`, ids);
    if (!identifiable && left === 0) fail('processes were stopped without any proof they were ours', ids);
    if (identifiable) return { ids };
    // Nothing could prove these ours, so stop rightly left them: clean up here, not as leaks.
    killAllWithEnv('BGSVC_ID', ids[0]!);
    await waitFor(() => pidsWithEnv('BGSVC_ID', ids[0]!).length === 0, 5000);
    return { ids: [] };
  });
  await check(row);
});

it('a missing state file: stop says there is nothing to stop and exits 0', async () => {
  const row = await runScenario('state file is missing', async () => {
    const { dir, stateDir } = project('commands:\n  - name: a\n    command: sleep 1000\n');
    const stop = await withDeadline(runCli(['stop'], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } }), 'stop');
    if (stop.code !== 0 || !/nothing to stop: no state file/.test(stop.stderr)) fail(`stop: ${stop.code} ${stop.stderr}`, []);
    return { ids: [] };
  });
  await check(row);
});

it('a recorded pid now held by an unrelated process: that process survives', async () => {
  const row = await runScenario('recorded pid reused by a stranger', async ({ stranger }) => {
    const { dir, location, stateDir } = project('commands:\n  - name: a\n    command: sleep 1000\n');
    const { emit } = collect();
    await withDeadline(startServices({ plan: plan(readFileSync(join(dir, 'bgsvc.yml'), 'utf8'), dir), location, deps: depsFor(emit) }), 'start');
    const ids = stateId(stateDir);
    await withDeadline(stopFromState(location, { deps: depsFor(emit) }), 'first stop');
    const path = stateFilePath(stateDir);
    const state = JSON.parse(readFileSync(path, 'utf8'));
    state.services[0].pid = stranger.pid;
    delete state.services[0].stoppedAt;
    delete state.stoppedAt;
    writeFileSync(path, JSON.stringify(state));
    await withDeadline(stopFromState(location, { deps: depsFor(emit) }), 'second stop');
    if (!isAlive(stranger.pid!)) fail('the stranger was killed', ids);
    return { ids };
  });
  await check(row);
});

it('an unusable log dir: a clear error before any service starts, nothing leaked', async () => {
  const row = await runScenario('log dir not writable', async () => {
    const { dir, stateDir } = project('commands:\n  - name: a\n    command: sleep 1000\n');
    // A file where the log dir should be: unwritable even for root.
    writeFileSync(join(dir, 'logs-file'), '');
    const start = await withDeadline(runCli(['start', '--log-dir', join(dir, 'logs-file')], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } }), 'start');
    const ids = stateId(stateDir);
    if (start.code !== 1 || !/logs-file/.test(start.stderr)) fail(`start: ${start.code} ${start.stderr}`, ids);
    if (readState(stateDir).kind === 'ok') fail('a state was written although nothing could start', ids);
    return { ids };
  });
  await check(row);
});

it('a full disk under the log dir: a clear error before any service starts, nothing leaked', async (context) => {
  const mountPoint = join(sandbox().dir, 'tiny');
  mkdirSync(mountPoint);
  const mounted = spawn('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint], { stdio: 'ignore' });
  const code = await new Promise((done) => mounted.on('exit', done));
  if (code !== 0) {
    if (process.env.CI === 'true' && process.getuid?.() === 0) throw new Error('mounting a tmpfs failed as root under CI');
    context.skip('cannot mount a small tmpfs here (not root?): the full-disk case is not tested');
  }
  try {
    writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(200 * 1024));
    chmodSync(mountPoint, 0o700);
    const row = await runScenario('log dir on a full disk', async () => {
      const { dir, stateDir } = project('commands:\n  - name: a\n    command: sleep 1000\n');
      const start = await withDeadline(runCli(['start', '--log-dir', join(mountPoint, 'logs')], { cwd: dir, env: { BGSVC_STATE_DIR: stateDir } }), 'start');
      const ids = stateId(stateDir);
      if (start.code !== 1 || !/KiB free/.test(start.stderr)) fail(`start: ${start.code} ${start.stderr}`, ids);
      return { ids };
    });
    await check(row);
  } finally {
    spawn('umount', ['-l', mountPoint], { stdio: 'ignore' });
  }
});

it('two state dirs in one job: stopping one never touches the other', async () => {
  const row = await runScenario('two state dirs side by side', async () => {
    const one = project('commands:\n  - name: a\n    command: sleep 1000 & sleep 1000\n');
    const two = project('commands:\n  - name: a\n    command: sleep 1000 & sleep 1000\n');
    const { emit } = collect();
    for (const side of [one, two]) {
      await withDeadline(startServices({ plan: plan(readFileSync(join(side.dir, 'bgsvc.yml'), 'utf8'), side.dir), location: side.location, deps: depsFor(emit) }), 'start');
    }
    const ids = [...stateId(one.stateDir), ...stateId(two.stateDir)];
    // wrapper, its shell and two sleeps: wait for all four, or a late fork looks like a change.
    await waitFor(() => pidsWithEnv('BGSVC_ID', ids[1]!).length >= 4, 3000);
    const before = pidsWithEnv('BGSVC_ID', ids[1]!).sort();
    await withDeadline(stopFromState(one.location, { deps: depsFor(emit) }), 'stop one');
    const gone = before.filter((pid) => !isAlive(pid));
    // Told apart, so a slow fork under load is not reported as a wrong kill.
    if (before.length < 4) fail(`only ${before.length} of the other dir's 4 processes appeared within 3 s: ${describePids(before)}`, ids);
    if (gone.length > 0) fail(`the other dir lost processes ${gone} (of ${before})`, ids);
    await withDeadline(stopFromState(two.location, { deps: depsFor(emit) }), 'stop two');
    return { ids };
  });
  await check(row);
});

function describePids(pids: number[]): string {
  return pids.map((pid) => `${pid} (${commandLine(pid).slice(0, 80) || 'gone'})`).join(', ') || 'none';
}
