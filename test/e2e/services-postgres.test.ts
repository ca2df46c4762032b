// examples/postgres against real PostgreSQL binaries: initdb + `pg_ctl start`
// (which daemonizes), ready by pg_isready, then stopped twice over: by its
// `stop: pg_ctl stop -m fast`, and without any stop command, by the sweep for
// the postmaster, which carries BGSVC_ID, and everything under it. A psql
// session is open during each stop, so a backend exists to be stopped too.
//
// initdb refuses to run as root, and these machines run everything as root:
// then bgsvc itself runs as the `postgres` user. Runner users are not root,
// and the example is written for them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWithPrerequisites, missingPrerequisites, userExists } from '../helpers/binaries.js';
import { bgsvc, copyExample, giveTo, killRun, recordedId, runCommand } from '../helpers/examples.js';
import { freePort } from '../helpers/ports.js';
import { isAlive, pidsWithEnv } from '../helpers/proc.js';
import { descendantsOf, killFamilyOf, pidFromFile } from '../helpers/proc-tree.js';

const asRoot = process.getuid?.() === 0;
const user = asRoot ? 'postgres' : undefined;
const reason = missingPrerequisites(
  ['initdb', 'pg_ctl', 'pg_isready', 'psql', ...(asRoot ? ['runuser'] : [])],
  [asRoot && !userExists('postgres') ? 'running as root and there is no "postgres" user to run initdb as' : undefined],
);

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

// The server's major version, given to the example the way a job passes it (PG_VERSION).
function majorVersion(): string {
  const text = spawnSync('initdb', ['--version'], { encoding: 'utf8' }).stdout;
  return /(\d+)(?:\.\d+)?/.exec(text)?.[1] ?? '';
}

async function startExample(config: string) {
  const port = await freePort();
  const dir = copyExample('postgres');
  if (user) giveTo(dir, user);
  const env = { PGPORT: String(port), PG_VERSION: majorVersion() };
  cleanups.push(() => {
    try {
      killFamilyOf(pidFromFile(join(dir, '.pgdata/postmaster.pid')), /postgres/);
    } catch {
      // Never started, or shut down cleanly (the pid file is gone).
    }
    killRun(dir);
  });
  const start = await bgsvc(['start', '-c', config], { cwd: dir, env, user });
  return { dir, env, port, start };
}

function psql(port: number, sql: string) {
  return runCommand(['psql', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-Atc', sql], { cwd: '/' });
}

// A client session left open across the stop, so the server has a backend to
// end; returns the client and its backend's pid.
async function openSession(port: number): Promise<{ session: ChildProcess; backend: number }> {
  const sql = 'select pg_sleep(60)';
  const session = spawn('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', sql], { stdio: 'ignore' });
  cleanups.push(() => session.kill('SIGKILL'));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = await psql(port, `select pid from pg_stat_activity where query = '${sql}'`);
    const backend = Number(found.stdout.trim());
    if (backend > 0) return { session, backend };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the psql session never showed up in pg_stat_activity');
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((done) => child.on('exit', (code) => done(code)));
}

describeWithPrerequisites('PostgreSQL as a local process (examples/postgres)', reason, () => {
  it('with stop: pg_ctl stop -m fast, serves queries, then the postmaster and its backends are gone', async () => {
    const { dir, env, port, start } = await startExample('bgsvc.yml');
    expect(start.stderr).toMatch(/postgres ready in \S+ \(cmd: pg_isready -h 127\.0\.0\.1\)/);
    expect(start.code).toBe(0);

    const query = await psql(port, 'create table widgets (n int); insert into widgets values (1), (2), (3); select sum(n) from widgets');
    expect(query.stdout.trim().split('\n').at(-1)).toBe('6');
    const postmaster = pidFromFile(join(dir, '.pgdata/postmaster.pid'));
    const { session, backend } = await openSession(port);
    const family = [postmaster, ...descendantsOf(postmaster)];
    expect(family).toContain(backend);
    expect(family.length).toBeGreaterThanOrEqual(5); // postmaster, checkpointer, writers, launchers, our backend

    const stop = await bgsvc(['stop'], { cwd: dir, env, user });
    expect(stop.stderr).toMatch(/postgres stop command exited 0 after \S+: .*pg_ctl stop -m fast/);
    expect(stop.stderr).toMatch(/postgres stopped \(stop command/);
    expect(stop.code).toBe(0);
    expect(family.filter(isAlive)).toEqual([]);
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
    // Fast shutdown ends client sessions: psql reports the lost connection.
    expect(await exitOf(session)).not.toBe(0);
    expect(readFileSync(join(dir, '.bgsvc/logs/postgres.log'), 'utf8')).toMatch(/received fast shutdown request/);
  });

  it('runs the migrations as a one-shot task once the server answers, and stop leaves it be (ready: exit)', async () => {
    const { dir, env, port, start } = await startExample('bgsvc-migrate.yml');
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toMatch(/postgres ready in [\s\S]*migrate started[\s\S]*migrate done in \S+ \(a task: it exited 0\)/);
    expect((await psql(port, 'select string_agg(name, \',\' order by id) from widgets')).stdout.trim()).toBe('sprocket,gear,flange');
    expect(readFileSync(join(dir, '.bgsvc/logs/migrate.log'), 'utf8')).toMatch(/INSERT 0 3/);

    const postmaster = pidFromFile(join(dir, '.pgdata/postmaster.pid'));
    const family = [postmaster, ...descendantsOf(postmaster)];
    const stop = await bgsvc(['stop'], { cwd: dir, env, user });
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stderr).toMatch(/migrate \(a task\) had finished: exited with code 0/);
    expect(stop.stderr).toMatch(/postgres stopped \(stop command/);
    expect(family.filter(isAlive)).toEqual([]);
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
  });

  it('without stop:, the sweep stops the postmaster (found by BGSVC_ID) and every backend under it', async () => {
    const { dir, env, port, start } = await startExample('bgsvc-no-stop.yml');
    expect(start.code).toBe(0);
    expect((await psql(port, 'select 6 * 7')).stdout.trim()).toBe('42');

    const postmaster = pidFromFile(join(dir, '.pgdata/postmaster.pid'));
    // pg_ctl has exited: the postmaster's parent is not the recorded service,
    // and only its environment (it keeps its own) leads back to this run.
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toContain(postmaster);
    const { session, backend } = await openSession(port);
    const family = [postmaster, ...descendantsOf(postmaster)];
    expect(family).toContain(backend);

    const stop = await bgsvc(['stop'], { cwd: dir, env, user });
    expect(stop.stderr).toMatch(/postgres stopped \(SIGTERM/);
    expect(stop.code).toBe(0);
    expect(family.filter(isAlive)).toEqual([]);
    expect(pidsWithEnv('BGSVC_ID', recordedId(dir))).toEqual([]);
    expect(await exitOf(session)).not.toBe(0);
    // The postmaster shut down rather than being killed: SIGTERM ended the backends first.
    expect(readFileSync(join(dir, '.bgsvc/logs/postgres.log'), 'utf8')).toMatch(/database system is shut down/);
  });
});
