// bgsvc in GitLab CI jobs run by GitLab Runner's own shell executor
// (`gitlab-runner exec shell`, v16.11, the last release with exec), as the
// unprivileged user `gitlab-runner`, with `npx bgsvc` installed from the packed
// tarball. Unlike gitlab-ci-local, the runner itself sets GITLAB_CI=true and
// CI_JOB_STATUS, runs after_script in a fresh login shell, and waits for the
// job's output pipe. Each test asserts on the runner's exit code, the raw
// trace (bgsvc's section markers as GitLab stores them), elapsed time and /proc.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeWithPrerequisites, missingPrerequisites, userExists } from '../../helpers/binaries.js';
import { gitlabRunner, GITLAB_RUNNER_VERSION } from '../../helpers/clients.js';
import { isAlive, pidsWithEnv } from '../../helpers/proc.js';
import { killFamilyOf } from '../../helpers/proc-tree.js';
import {
  installPackedBgsvc,
  killRunnerProject,
  leftovers,
  lineAt,
  RUNNER_USER,
  runnerProject,
  runRunnerJob,
  sectionMarkers,
  type RunnerJob,
  type RunnerProject,
} from './gitlab-runner.js';

let nodeModules: string;
const projects: RunnerProject[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const project of projects.splice(0)) killRunnerProject(project);
});

async function project(fixture: string): Promise<RunnerProject> {
  const made = await runnerProject(fixture, nodeModules);
  projects.push(made);
  return made;
}

/** The BGSVC_ID that `bgsvc start` recorded in the job's checkout ($CI_PROJECT_DIR/.bgsvc). */
function recordedId(made: RunnerProject): string {
  return JSON.parse(readFileSync(join(made.buildDir, '.bgsvc/state.json'), 'utf8')).id;
}

function expectNothingLeft(made: RunnerProject, job: RunnerJob, ids: string[]): void {
  expect(job.peakProcesses).toBeGreaterThan(0);
  for (const id of ids) expect(pidsWithEnv('BGSVC_ID', id)).toEqual([]);
  expect(leftovers(made)).toEqual([]);
}

const asRoot = process.getuid?.() === 0;
const missing = missingPrerequisites(
  ['git', 'bash', 'npm', ...(asRoot ? ['runuser'] : [])],
  [gitlabRunner().missing, asRoot ? undefined : 'not root: cannot run the runner as the gitlab-runner user', userExists(RUNNER_USER) ? undefined : `no "${RUNNER_USER}" user`],
);

describeWithPrerequisites(`bgsvc in jobs run by GitLab Runner ${GITLAB_RUNNER_VERSION} (exec shell, as ${RUNNER_USER})`, missing, () => {
  beforeAll(async () => {
    nodeModules = await installPackedBgsvc();
  }, 120_000);

  it('1+2. the tunnel case: with bgsvc the failed job ends in seconds and after_script closes the tunnel; with `&` it hangs until the job timeout', async () => {
    const [fixed, naive] = [await project('tunnel'), await project('tunnel')];
    // Side by side, so the suite pays for the hang once.
    const [withBgsvc, withAmpersand] = await Promise.all([runRunnerJob(fixed, 'with-bgsvc'), runRunnerJob(naive, 'naive', { timeoutSeconds: 10 })]);

    // The hang: the deploy failed at once, but the runner waited for the tunnel
    // holding its output pipe until the job timeout killed it.
    expect(withAmpersand.text).toMatch(/\ntunnel up\n[\s\S]*deploy: rsync to 10\.8\.0\.5 failed/);
    expect(withAmpersand.text).toMatch(/ERROR: Job failed: execution took longer than 10s seconds/);
    expect(withAmpersand.code).toBe(1);
    expect(withAmpersand.ms).toBeGreaterThanOrEqual(10_000);
    const deployFailed = /deploy: rsync to 10\.8\.0\.5 failed/;
    const hung = lineAt(withAmpersand, /step_script could not run to completion because the timeout was exceeded/) - lineAt(withAmpersand, deployFailed);
    expect(hung).toBeGreaterThan(4000);

    // The fix: the same failure ends the job as soon as after_script is done.
    expect(withBgsvc.text).toMatch(/\$ npx bgsvc start\n[\s\S]*tunnel ready in \S+ \(log: tunnel up\)\n/);
    expect(withBgsvc.text).toMatch(/\$ sh deploy\.sh\ndeploy: rsync to 10\.8\.0\.5 failed/);
    expect(withBgsvc.text).toMatch(/ERROR: Job failed: exit status 1\n/);
    expect(withBgsvc.code).toBe(1);
    // Timed from the trace, so a loaded machine's slow npx cannot blur it: the
    // runner moved on to after_script the moment the deploy failed.
    expect(lineAt(withBgsvc, /Running after_script/) - lineAt(withBgsvc, deployFailed)).toBeLessThan(2000);
    // and ended once after_script was done (two npx starts: seconds on a loaded 2-core machine).
    expect(lineAt(withBgsvc, /ERROR: Job failed/) - lineAt(withBgsvc, /\$ npx bgsvc stop/)).toBeLessThan(8000);
    // after_script: a fresh shell that found the state in $CI_PROJECT_DIR/.bgsvc, and
    // CI_JOB_STATUS=failed from the runner itself, so the log is printed, collapsed.
    const afterScript = withBgsvc.text.slice(withBgsvc.text.indexOf('Running after_script'));
    expect(afterScript).toMatch(/\$ npx bgsvc stop\n.*CI_JOB_STATUS=failed: printing every service's log\n.*tunnel stopped \(SIGTERM/);
    expect(sectionMarkers(withBgsvc.trace)).toEqual(['start:bgsvc_log_tunnel[collapsed=true]', 'end:bgsvc_log_tunnel']);
    expect(withBgsvc.trace).toMatch(/section_start:\d+:bgsvc_log_tunnel\[collapsed=true\]\r\u001b\[0Ktunnel: last \d lines of \S+\/builds\/0\/project-0\/\.bgsvc\/logs\/tunnel\.log\ntunnel up\n[\s\S]*tunnel closing\n\u001b\[0Ksection_end:/);
    expect(withBgsvc.text).not.toMatch(/after_script failed/);

    const tunnel = Number(readFileSync(join(fixed.buildDir, 'tunnel.pid'), 'utf8'));
    expect(isAlive(tunnel)).toBe(false);
    expectNothingLeft(fixed, withBgsvc, [recordedId(fixed)]);
    // The runner's timeout killed the `&` tunnel with the job's process group.
    expectNothingLeft(naive, withAmpersand, []);
  });

  it('3. `npx bgsvc run -- <failing tests>` fails the job with the tests\' exit code and leaves nothing', async () => {
    const made = await project('run');
    const job = await runRunnerJob(made, 'test');

    // The whole trace as the message: a mismatch here must be readable in the CI log.
    expect(job.text, job.text).toMatch(/api ready in \S+ \(log: api listening on \\d\+\)/);
    expect(job.text, job.text).toMatch(/ok 2 - api answers again\nnot ok 3 - expected 2 widgets, got 3\n/);
    expect(job.text).toMatch(/command exited with code 3; stopping services/);
    expect(job.text).toMatch(/api stopped \(SIGTERM/);
    expect(job.text).not.toMatch(/\nnot reached/);
    expect(job.text).toMatch(/\nbgsvc run exited with 3\n/);
    expect(job.text).toMatch(/ERROR: Job failed: exit status 3\n/);
    expect(job.code).toBe(1);
    expect(job.ms).toBeLessThan(30_000);
    expect(readFileSync(join(made.buildDir, '.bgsvc/logs/api.log'), 'utf8')).toMatch(/GET \/a \(node\)[\s\S]*GET \/b \(node\)[\s\S]*api: SIGTERM after 2 requests/);
    expectNothingLeft(made, job, [recordedId(made)]);
  });

  const postgres = missingPrerequisites(['initdb', 'pg_ctl', 'pg_isready', 'psql', 'ps']);
  it.skipIf(postgres !== undefined && process.env.CI !== 'true')(
    `4. a daemonizing PostgreSQL (initdb + pg_ctl start) is stopped from after_script, every backend included${postgres ? ` [skipped: ${postgres}]` : ''}`,
    async () => {
      const made = await project('postgres');
      const job = await runRunnerJob(made, 'postgres');
      const family = existsSync(join(made.buildDir, 'postgres.pids'))
        ? readFileSync(join(made.buildDir, 'postgres.pids'), 'utf8').split(/\s+/).filter(Boolean).map(Number)
        : [];
      cleanups.push(() => family.forEach((pid) => killFamilyOf(pid, /postgres/)));

      expect(job.text).toMatch(/postgres ready in \S+ \(cmd: pg_isready -h \$PWD\/pg\)/);
      expect(job.text).toMatch(/\$ psql [^\n]*\n42\n/);
      expect(job.text).toMatch(/Running after_script[\s\S]*\$ npx bgsvc stop\n.*postgres stopped \(SIGTERM/);
      expect(job.text).toMatch(/Job succeeded/);
      expect(job.code).toBe(0);
      expect(job.ms).toBeLessThan(30_000);
      expect(family.length).toBeGreaterThanOrEqual(4); // postmaster, checkpointer, writers, launchers
      expect(family.filter(isAlive)).toEqual([]);
      // A clean shutdown, not a kill: the server says so, and removes its pid file.
      expect(readFileSync(join(made.buildDir, '.bgsvc/logs/postgres.log'), 'utf8')).toMatch(/received smart shutdown request[\s\S]*database system is shut down/);
      expect(existsSync(join(made.buildDir, 'pg/data/postmaster.pid'))).toBe(false);
      expectNothingLeft(made, job, [recordedId(made)]);
    },
  );
});
