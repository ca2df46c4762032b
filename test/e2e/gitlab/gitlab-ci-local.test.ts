// bgsvc in GitLab CI jobs, run by gitlab-ci-local (a real GitLab CI client:
// shell executor, after_script with CI_JOB_STATUS, artifacts, and a wait for
// the job's output pipe to close, like the runner). Each test asserts on the
// job's result and duration, its log, its artifacts, and /proc.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWithPrerequisites, missingPrerequisites, userExists } from '../../helpers/binaries.js';
import { killRun } from '../../helpers/examples.js';
import { isAlive, pidsWithEnv } from '../../helpers/proc.js';
import { killFamilyOf, pidFromFile } from '../../helpers/proc-tree.js';
import { copyFixture, recordedId, runJob, sectionsIn, type JobRun } from './gitlab-ci-local.js';

const dirs: string[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const dir of dirs.splice(0)) killRun(dir);
});

function fixture(name: string): string {
  const dir = copyFixture(name);
  dirs.push(dir);
  return dir;
}

/** The job's own duration as gitlab-ci-local reports it (`<job> finished in 411 ms` / `5.02 s`). */
function jobMs(run: JobRun, job: string): number {
  const match = new RegExp(`${job} finished in ([\\d.]+) (ms|s|min)`).exec(run.output);
  if (!match) throw new Error(`no duration for ${job} in:\n${run.output}`);
  const value = Number(match[1]);
  return match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : value * 60_000;
}

function artifact(run: JobRun, path: string): string {
  return readFileSync(join(run.artifacts, path), 'utf8');
}

function leftovers(dir: string): number[] {
  return pidsWithEnv('BGSVC_ID', recordedId(dir));
}

describeWithPrerequisites('bgsvc in GitLab CI jobs (gitlab-ci-local)', missingPrerequisites(['rsync', 'bash']), () => {
  it('1. starts services in script, the job passes, after_script stops them, the logs are artifacts', async () => {
    const dir = fixture('pass');
    const run = await runJob(dir, 'test');
    expect(run.output).toMatch(/PASS\s+test/);
    expect(run.code).toBe(0);
    expect(run.log).toMatch(/api ready in/);
    expect(run.log).toMatch(/worker ready in \S+ \(log: worker ready\)/);
    expect(run.log).toMatch(/check: api answered on port \d+/);
    // after_script: reverse order, and no log sections for a job that passed.
    expect(run.log.indexOf('worker stopped (SIGTERM')).toBeGreaterThan(run.log.indexOf('$ $BGSVC stop'));
    expect(run.log.indexOf('api stopped (SIGTERM')).toBeGreaterThan(run.log.indexOf('worker stopped'));
    expect(sectionsIn(run.log)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);

    expect(artifact(run, '.bgsvc/logs/api.log')).toMatch(/GET \/check \(check\)[\s\S]*api: SIGTERM after \d+ requests, closing/);
    expect(artifact(run, '.bgsvc/logs/worker.log')).toMatch(/worker ready/);
  });

  it('2. a script that fails after starting a tunnel ends at once with bgsvc, and at the timeout with `&`', async () => {
    const [naiveDir, fixedDir] = [fixture('stuck'), fixture('stuck')];
    const [naive, fixed] = await Promise.all([runJob(naiveDir, 'naive'), runJob(fixedDir, 'with-bgsvc')]);

    // The hang: `false` failed at once, but the job waited for the tunnel
    // holding its output pipe until `timeout 5` (the job timeout's stand-in) killed it.
    expect(naive.code).not.toBe(0);
    expect(naive.log).toMatch(/tunnel up/);
    expect(naive.ms).toBeGreaterThanOrEqual(5000);
    expect(jobMs(naive, 'naive')).toBeGreaterThanOrEqual(5000);

    // The fix: the same failure ends the job in well under a second of job time.
    expect(fixed.code).not.toBe(0);
    expect(fixed.output).toMatch(/FAIL 1/);
    expect(jobMs(fixed, 'with-bgsvc')).toBeLessThan(2000);
    expect(fixed.ms).toBeLessThan(naive.ms - 2000);
    // after_script saw CI_JOB_STATUS=failed: it stopped the tunnel and showed its log in a section.
    expect(fixed.log).toMatch(/CI_JOB_STATUS=failed: printing every service's log/);
    expect(fixed.log).toMatch(/tunnel stopped \(SIGTERM/);
    expect(sectionsIn(fixed.log)).toEqual(['bgsvc_log_tunnel']);
    expect(fixed.log).toMatch(/bgsvc_log_tunnel_started\ntunnel up\n[\s\S]*tunnel closing\nbgsvc_log_tunnel took \d+ms/);
    expect(artifact(fixed, '.bgsvc/logs/tunnel.log')).toMatch(/tunnel up[\s\S]*tunnel closing/);
    expect(leftovers(fixedDir)).toEqual([]);
  });

  it('3. `bgsvc run -- <failing tests>` fails the job with the tests\' exit code and leaves nothing', async () => {
    const dir = fixture('run');
    const run = await runJob(dir, 'test');
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/FAIL 3/);
    expect(run.log).toMatch(/ok 2 - api answers again\nnot ok 3/);
    expect(run.log).toMatch(/command exited with code 3; stopping services/);
    expect(run.log).toMatch(/api stopped \(SIGTERM/);
    expect(run.log).not.toMatch(/not reached/);
    expect(leftovers(dir)).toEqual([]);
    expect(artifact(run, '.bgsvc/logs/api.log')).toMatch(/GET \/a \(node\)[\s\S]*GET \/b \(node\)/);
  });

  const redisReason = missingPrerequisites(['redis-server', 'redis-cli']);
  it.skipIf(redisReason !== undefined && process.env.CI !== 'true')(
    `4a. a redis-server started with --daemonize yes is still stopped${redisReason ? ` [skipped: ${redisReason}]` : ''}`,
    async () => {
      const dir = fixture('daemons');
      const run = await runJob(dir, 'redis-daemon');
      // The daemon's own word for its pid: it left bgsvc's process tree at once.
      const daemon = pidFromFile(join(dir, 'redis.daemon.pid'));
      cleanups.push(() => killFamilyOf(daemon, /redis-server/));
      expect(run.log).toMatch(/\nPONG\n/);
      expect(run.code).toBe(0);
      expect(run.log).toMatch(/redis ready in /);
      // redis-server's parent exits 0 as its forked server starts up; which one a
      // busy machine runs first decides whether the exit comes before the socket
      // answers (start notes the daemon) or after (ready while the command ran:
      // true when said). Either way the note, when there, counts the daemon.
      // Deterministic cases: ready-means-ready.test.ts and process-launch.test.ts.
      const note = /redis: its command exited 0 and (left \d+ process\(es\) running|left no process running)/.exec(run.log);
      if (note) expect(note[1]).toBe('left 1 process(es) running');
      // redis rewrites its environment (setproctitle), so the cookie cannot find it;
      // on Linux bgsvc's wrapper is its parent (a child subreaper), so the tree does.
      expect(isAlive(daemon)).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    },
  );

  const asRoot = process.getuid?.() === 0;
  const postgresReason = missingPrerequisites(
    ['initdb', 'pg_ctl', 'pg_isready', 'psql', 'ps', ...(asRoot ? ['runuser'] : [])],
    [asRoot && !userExists('postgres') ? 'running as root and there is no "postgres" user to run initdb as' : undefined],
  );
  it.skipIf(postgresReason !== undefined && process.env.CI !== 'true')(
    `4b. a postmaster started by pg_ctl start, and every process under it, are still stopped${postgresReason ? ` [skipped: ${postgresReason}]` : ''}`,
    async () => {
      const dir = fixture('daemons');
      const run = await runJob(dir, 'postgres-daemon', { variables: asRoot ? { AS_PG: 'runuser -u postgres --' } : {} });
      const family = readFileSync(join(dir, 'postgres.pids'), 'utf8').split(/\s+/).filter(Boolean).map(Number);
      cleanups.push(() => family.forEach((pid) => killFamilyOf(pid, /postgres/)));
      expect(run.log).toMatch(/\n42\n/);
      expect(run.log).toMatch(/postgres stopped \(SIGTERM/);
      expect(run.code).toBe(0);
      expect(family.length).toBeGreaterThanOrEqual(4); // postmaster, checkpointer, writers, launchers
      expect(family.filter(isAlive)).toEqual([]);
      // A clean shutdown, not a kill: the server says so, and removes its pid file.
      expect(artifact(run, '.bgsvc/logs/postgres.log')).toMatch(/received smart shutdown request[\s\S]*database system is shut down/);
      expect(existsSync(join(dir, 'pg/data/postmaster.pid'))).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    },
  );
});
