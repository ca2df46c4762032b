// The action in real workflow files, run by nektos/act in self-hosted mode:
// act reads action.yml, runs dist/main.cjs and dist/post.cjs with Node 24 under
// its own runner protocol (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY,
// post-if, workflow commands), and decides the job's result. Each test asserts
// on act's exit code and output, the files the steps left, elapsed times, and
// /proc: nothing carrying the run's BGSVC_ID (or the test's mark) is left.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWithPrerequisites, missingPrerequisites } from '../../helpers/binaries.js';
import { act, ACT_VERSION, node24Bin } from '../../helpers/clients.js';
import { freePort } from '../../helpers/ports.js';
import { isAlive, pidsWithEnv } from '../../helpers/proc.js';
import { actProject, killActProject, leftovers, runAct, stepMs, stepResults, summaryOf, type ActProject, type ActRun } from './act.js';

const projects: ActProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) killActProject(project);
});

async function project(scenario: string): Promise<ActProject> {
  const made = await actProject(scenario);
  projects.push(made);
  return made;
}

async function ports(): Promise<{ WEB_PORT: string; DAEMON_PORT: string }> {
  return { WEB_PORT: String(await freePort()), DAEMON_PORT: String(await freePort()) };
}

/** The BGSVC_ID recorded in a state file a step copied to $OUT. */
function cookie(made: ActProject, file: string): string {
  const id = JSON.parse(readFileSync(join(made.out, file), 'utf8')).id;
  expect(id).toMatch(/^[0-9a-f]{16,}$/);
  return id;
}

/** The double-forked daemon, by the pid it wrote: gone, not merely unlisted. */
function daemonPid(made: ActProject): number {
  return Number(readFileSync(join(made.out, 'daemon.pid'), 'utf8'));
}

/** act's lines for one job (`[workflow/job] …`, padded to the longest job name), without the prefix. */
function jobLines(run: ActRun, prefix: string): string {
  const own = new RegExp(`^\\[${prefix} *\\] `);
  return run.output
    .split('\n')
    .filter((line) => own.test(line))
    .map((line) => line.replace(own, ''))
    .join('\n');
}

function expectNothingLeft(made: ActProject, run: ActRun, ids: string[]): void {
  // The scan can see this run's processes: it saw them while the job ran.
  expect(run.peakProcesses).toBeGreaterThan(0);
  for (const id of ids) expect(pidsWithEnv('BGSVC_ID', id)).toEqual([]);
  expect(leftovers(made)).toEqual([]);
}

const missing = missingPrerequisites(['git', 'bash', 'setsid'], [act().missing, node24Bin().missing]);

describeWithPrerequisites(`the action in workflows run by nektos/act ${ACT_VERSION} (self-hosted, Node 24)`, missing, () => {
  it('1. starts an HTTP API, a log-probed worker and a double-forking daemon; a later step uses them; post leaves nothing and writes the summary', async () => {
    const made = await project('services-job');
    const env = await ports();
    const run = await runAct(made, { env });

    expect(run.output).toMatch(/🏁 {2}Job succeeded/u);
    expect(run.code).toBe(0);
    expect(stepResults(run)).toEqual([
      { result: 'Success', step: 'Set up job' },
      { result: 'Success', step: 'Main actions/checkout@v4' },
      { result: 'Success', step: 'Main ./' },
      { result: 'Success', step: 'Main use the services' },
      { result: 'Success', step: 'Post ./' },
      { result: 'Success', step: 'Complete job' },
    ]);
    // main: each kind of probe passed, the daemon was recognised as such.
    expect(run.output).toMatch(new RegExp(`web ready in \\S+ \\(http://127\\.0\\.0\\.1:${env.WEB_PORT}/health\\)`));
    expect(run.output).toMatch(/worker ready in \S+ \(log: worker ready\)/);
    expect(run.output).toMatch(/cache: its command exited 0 and left \d+ process\(es\) running \(daemonized\)/);
    expect(run.output).toMatch(/⚙ {2}::set-output:: services=\{"web":\{"pid":\d+/u);
    // The later step read the outputs through expressions and used every service, under Node 24.
    expect(run.output).toMatch(/\| web pid \d+, ready in \d+ ms\n/);
    expect(run.output).toMatch(/\| node v24\.\d+\.\d+\n/);
    expect(run.output).toMatch(/\| check: daemon answered "daemon here"/);
    expect(run.output).toMatch(/\| check: all three services answered/);
    // post: the worker (which needs web) stops before web; no logs for a job without failures.
    const post = run.output.slice(run.output.indexOf('Run Post ./'));
    expect(post).toMatch(/cache stopped \(SIGTERM/);
    expect(post.indexOf('worker stopped (SIGTERM')).toBeLessThan(post.indexOf('web stopped (SIGTERM'));
    expect(run.output).not.toMatch(/::group::/);
    expect(run.output).not.toMatch(/❗|🚧/u);
    expect(stepMs(run, 'Post ./')).toBeLessThan(5000);

    const summary = summaryOf(run);
    expect(summary).toMatch(/\| service \| command \| waited on \| ready in \| ran for \| how it ended \| peak memory \| CPU time \| log size \|/);
    expect(summary).toMatch(/\| web \| <code>node services\/web\.mjs<\/code> \| <code>http:\/\/127\.0\.0\.1:\d+\/health<\/code> \| \d+(ms|s|\.\d+s) \| [\d.]+m?s \| stopped \(SIGTERM\) \|/);
    expect(summary).toMatch(/\| cache \| <code>sh services\/daemon\.sh<\/code> \|.*\| stopped \(SIGTERM\) \|/);
    expect(summary).toMatch(/```mermaid\ngantt\n[\s\S]*section web\n\s+waiting for http#58;[^\n]+ :done, \d+, \d+\n\s+running :active, \d+, \d+\n\s+stopping :done, \d+, \d+\n\s+stopped :done, milestone/);
    expect(summary).toMatch(/section worker[\s\S]*section cache/);

    expect(isAlive(daemonPid(made))).toBe(false);
    expectNothingLeft(made, run, [cookie(made, 'state-svc.json')]);
  });

  it('2. a later step fails: the job fails at that step, post still stops everything and prints the logs (log-output-if: always)', async () => {
    const made = await project('step-fails');
    const run = await runAct(made, { env: await ports() });

    expect(run.output).toMatch(/🏁 {2}Job failed/u);
    expect(run.code).toBe(1);
    expect(stepResults(run).map(({ result, step }) => `${result} ${step}`)).toEqual([
      'Success Set up job',
      'Success Main actions/checkout@v4',
      'Success Main ./',
      'Failure Main tests',
      'Success Post ./',
      'Success Complete job',
    ]);
    expect(run.output).toMatch(/\| not ok 1 - expected 2 widgets, got 3/);
    expect(run.output).not.toMatch(/this step should have been skipped/);
    expect(stepMs(run, 'Main tests')).toBeLessThan(5000);
    const post = run.output.slice(run.output.indexOf('Run Post ./'));
    expect(post).toMatch(/web stopped \(SIGTERM/);
    expect(post).toMatch(/cache stopped \(SIGTERM/);
    // Both logs, each in a group (act shows ::group:: as a command it does not render).
    expect(post).toMatch(/::group::web \(\d lines\)[\s\S]*\| Listening on \d+\n[\s\S]*\| GET \/tests #\d+\n[\s\S]*\| web: SIGTERM after \d+ requests\n[\s\S]*::endgroup::/);
    expect(post).toMatch(/::group::cache \(\d lines\)[\s\S]*\| daemon launched\n/);
    expect(stepMs(run, 'Post ./')).toBeLessThan(5000);

    expect(isAlive(daemonPid(made))).toBe(false);
    expectNothingLeft(made, run, [cookie(made, 'state-svc.json')]);
  });

  it('3. a service from a config file crashes before it is ready: main fails at once with the annotation and log tail; a config typo is annotated on its line', async () => {
    const made = await project('crash');
    const run = await runAct(made, { env: await ports() });

    expect(run.code).toBe(1);
    const crash = jobLines(run, 'crash/crash');
    expect(crash).toMatch(/🏁 {2}Job failed/u);
    expect(crash).toMatch(/❌ {2}Failure - Main \.\/ \[/u);
    // exited 3 at ~0.5 s: main fails then, not at the 60 s deadline.
    expect(stepMs(run, 'Main ./')).toBeLessThan(10_000);
    // The toolkit escapes the title's colon; the annotation points at the service's entry in the config file.
    expect(crash).toMatch(/❗ {2}::error title=bgsvc%3A api did not start,file=ci\/bgsvc\.yml,line=6::api exited with code 3 before it was ready/u);
    expect(crash).toMatch(/::group::api: last 2 lines of its log\n[\s\S]*\| api booting\n[\s\S]*\| config missing DATABASE_URL\n/);
    expect(crash).toMatch(/❗ {2}::error::bgsvc could not start service api, so it stopped everything it had started/u);
    expect(crash).toMatch(/web stopped \(SIGTERM/);
    expect(crash).not.toMatch(/this step should have been skipped/);
    expect(crash).toMatch(/✅ {2}Success - Main keep the state file/u);
    expect(crash).toMatch(/✅ {2}Success - Post \.\/ /u);

    const typo = jobLines(run, 'crash/typo');
    expect(typo).toMatch(/🏁 {2}Job failed/u);
    expect(typo).toMatch(/❗ {2}::error title=bgsvc config,file=ci\/typo\.yml,line=4,col=5::.*commands\[0\]: unknown key "wait_on"; did you mean "wait-on"\?/u);
    expect(typo).toMatch(/nothing was started/);

    expectNothingLeft(made, run, [cookie(made, 'state-svc.json')]);
  });

  it('4. a job written for background-action v2 (run with `&` lines, wait-on, wait-for, tail, log-output-if, shutdown, shutdown-grace, stdout-log) passes with only `uses:` changed', async () => {
    const made = await project('migration');
    const env = await ports();
    const workflow = readFileSync(join(made.repo, '.github/workflows/migration.yml'), 'utf8');
    expect(workflow).toMatch(/#\s+- uses: JarvusInnovations\/background-action@v2\n/);
    const run = await runAct(made, { env });

    expect(run.output).toMatch(/🏁 {2}Job succeeded/u);
    expect(run.code).toBe(0);
    // tail: the services' lines while main waited, prefixed with the service name.
    expect(run.output).toMatch(/\| \S+ \| Listening on \d+\n/);
    expect(run.output).toMatch(new RegExp(`ready in \\S+ \\(http-get://localhost:${env.WEB_PORT}, tcp:localhost:${env.DAEMON_PORT}\\)`));
    expect(run.output).toMatch(/\| tests: web answered \{"ok":true/);
    expect(run.output).toMatch(/✅ {2}Success - Main Run tests/u);
    // v2's outputs, read by a later step through act's own expression evaluation.
    expect(run.output).toMatch(new RegExp(`\\| logs: Listening on ${env.WEB_PORT}\\n`));
    expect(run.output).toMatch(/✅ {2}Success - Main Read the logs through stdout-log and stderr-log/u);
    // log-output-if: failure, and nothing failed.
    expect(run.output.slice(run.output.indexOf('Run Post'))).not.toMatch(/::group::/);
    expect(run.output).toMatch(/stopped \(SIGTERM/);

    expect(isAlive(daemonPid(made))).toBe(false);
    expectNothingLeft(made, run, []);
  });

  it('5. SIGINT to act while main waits for a slow service: the run ends within seconds and nothing is left', async () => {
    const made = await project('cancel');
    const run = await runAct(made, { env: await ports(), interrupt: /web ready in/ });

    expect(run.code).not.toBe(0);
    expect(run.afterInterruptMs).toBeLessThan(10_000);
    // act cancels a step by killing it (SIGKILL through Go's exec.CommandContext),
    // so main cannot clean up; post, run after the cancel, stops what the state file names.
    expect(run.output).toMatch(/this step has been cancelled/);
    expect(run.output).toMatch(/❌ {2}Failure - Main \.\/ /u);
    expect(run.output).not.toMatch(/this step should have been skipped/);
    const post = run.output.slice(run.output.indexOf('Run Post ./'));
    expect(post).toMatch(/slow stopped \(SIGTERM/);
    expect(post).toMatch(/web stopped \(SIGTERM/);
    // act ends a cancelled step with SIGKILL: main recorded no result, so the summary says so.
    expect(summaryOf(run)).toMatch(/\| slow \|.*\| not ready \|.*never ready; stopped because the main step ended first/);

    expect(isAlive(daemonPid(made))).toBe(false);
    expectNothingLeft(made, run, [readFileSync(join(made.out, 'bgsvc-id'), 'utf8').trim()]);
  });

  it('6. two uses of the action in one job: each post stops only its own services', async () => {
    const made = await project('two-uses');
    const run = await runAct(made, { env: await ports() });

    expect(run.output).toMatch(/🏁 {2}Job succeeded/u);
    expect(run.code).toBe(0);
    const [backendId, cacheId] = [cookie(made, 'state-backend.json'), cookie(made, 'state-cache.json')];
    expect(backendId).not.toBe(cacheId);
    // Posts run in reverse: the cache's first, stopping only the cache.
    const posts = run.output.split('Run Post ./').slice(1);
    expect(posts).toHaveLength(2);
    expect(posts[0]).toMatch(/cache stopped \(/);
    expect(posts[0]).not.toMatch(/web stop/);
    expect(posts[1]).toMatch(/web stopped \(/);
    expect(posts[1]).not.toMatch(/cache stopped/);
    // web answered the cache's stop command, so it was still up during that post.
    const webLog = readFileSync(join(made.out, 'logs/backend/web.log'), 'utf8');
    expect(webLog).toMatch(/GET \/stop-of-cache #\d+\n[\s\S]*GET \/stop-of-backend #\d+\n[\s\S]*web: SIGTERM/);
    expect(existsSync(join(made.out, 'logs/cache/cache.log'))).toBe(true);

    expect(isAlive(daemonPid(made))).toBe(false);
    expectNothingLeft(made, run, [backendId, cacheId]);
  });
});
