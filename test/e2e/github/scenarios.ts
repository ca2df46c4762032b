// The action's scenarios, run against the built dist/ through the runner
// protocol (harness.ts). Each runtime file calls this once, so the same
// claims are checked under the machine's Node 20 and under Node 24.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/ports.js';
import { isAlive, pidsWithEnv, waitFor } from '../../helpers/proc.js';
import { FIXTURES, RunnerJob, type StepRun } from './harness.js';

const jobs: RunnerJob[] = [];

function expectPromptExit(run: StepRun): void {
  // The runner waits for the step's pipes: a service holding one would hang the job.
  expect(run.pipesClosedAfterExitMs).toBeLessThan(1000);
  // Nor may a handle of ours keep the process alive until the entry's safety net fires.
  expect(run.stderr).not.toMatch(/kept this step alive/);
}

function servicesOutput(
  job: RunnerJob,
  id: string,
): Record<string, { pid: number; log: string; 'ready-ms': number | null; port?: number; export?: Record<string, string> }> {
  return JSON.parse(job.outputs(id).services ?? '{}');
}

export function describeActionScenarios(node: string, options: { user?: string } = {}): void {
  const newJob = () => {
    const job = new RunnerJob(node, options.user);
    jobs.push(job);
    return job;
  };
  afterEach(() => {
    for (const job of jobs.splice(0)) job.cleanup();
  });

  describe('main then post, through the runner protocol', () => {
    it('starts a service on a port it chose, hands its values to later steps, and post stops it and writes the summary', async () => {
      const job = newJob();
      const main = await job.main({
        id: 'svc',
        inputs: {
          services: `
commands:
  - name: web
    command: node ${FIXTURES}/http-after.mjs
    env: { DELAY_MS: "300" }
    port: auto
    wait-on: http://127.0.0.1:$PORT/
    export:
      WEB_URL: http://127.0.0.1:\${PORT}/
`,
        },
      });
      expect(main.stdout).toMatch(/web ready in/);
      expect(main.code).toBe(0);
      expectPromptExit(main);

      const outputs = job.outputs('svc');
      expect(existsSync(outputs['log-dir']!)).toBe(true);
      expect(outputs['state-file']).toMatch(/runner-temp\/bgsvc\/svc\/state\.json$/);
      const services = servicesOutput(job, 'svc');
      expect(services.web!.log).toBe(join(outputs['log-dir']!, 'web.log'));
      expect(services.web!['ready-ms']).toBeGreaterThanOrEqual(250);
      expect(isAlive(services.web!.pid)).toBe(true);
      // port: auto chose it; the output and GITHUB_ENV hand it and the export: values on.
      const port = services.web!.port!;
      expect(port).toBeGreaterThan(1023);
      expect(services.web!.export).toEqual({ WEB_URL: `http://127.0.0.1:${port}/` });
      expect(job.exportedEnv()).toEqual({ BGSVC_PORT_WEB: String(port), WEB_URL: `http://127.0.0.1:${port}/` });
      expect(job.savedState('svc')['state-dir']).toBe(join(job.runnerTemp, 'bgsvc', 'svc'));

      // A later step reaches the service through the variable, as a workflow's `run:` would.
      const use = await job.shell(`node -e "fetch(process.env.WEB_URL).then(r => r.text()).then(t => process.exit(t === 'ok' && process.env.BGSVC_PORT_WEB === '${port}' ? 0 : 1))"`);
      expect(use.code).toBe(0);
      const failing = await job.shell('echo "tests failed" && exit 1');
      expect(failing.code).toBe(1);

      const post = await job.post('svc');
      expect(post.code).toBe(0);
      expectPromptExit(post);
      expect(post.stdout).toMatch(/web stopped \(SIGTERM/);
      expect(job.leftovers('svc')).toEqual([]);
      // Nothing failed, and log-output-if defaults to failure.
      expect(post.groups).toEqual([]);
      expect(post.annotations).toEqual([]);
      const summary = job.summary('svc');
      expect(summary).toMatch(/\| service \| command \| waited on \| ready in \| ran for \| how it ended \| peak memory \| CPU time \| log size \|/);
      expect(summary).toMatch(/\| web \| <code>node .*http-after\.mjs<\/code> \| <code>http:\/\/127\.0\.0\.1:\d+\/<\/code> \| \d+ms \| [\d.]+m?s \| stopped \(SIGTERM\) \| [\d.]+ MB \| [\d.]+m?s \| \d+ B \|/);
      expect(summary).toMatch(
        /```mermaid\ngantt\n[\s\S]*section web\n\s+waiting for http#58;\/\/127\.0\.0\.1#58;\d+\/ :done, \d+, \d+\n\s+running :active, \d+, \d+\n\s+stopping :done, \d+, \d+\n\s+stopped :done, milestone, (\d+), \1\n/,
      );
    });

    it('starts a service only once what it needs is ready, stops it first, and prints each log in a group', async () => {
      const job = newJob();
      const main = await job.main({
        id: 'stack',
        inputs: {
          services: `
commands:
  - name: api
    needs: [db]
    command: echo "api listening"; exec sleep 1000
    wait-on: "log: api listening"
  - name: db
    command: echo "db booting"; sleep 0.4; touch db.ready; echo "db up"; exec sleep 1000
    wait-on: file:db.ready
`,
          'log-output-if': 'always',
        },
      });
      expect(main.code).toBe(0);
      expectPromptExit(main);
      expect(main.stdout.indexOf('db ready')).toBeLessThan(main.stdout.indexOf('api started'));

      const post = await job.post('stack');
      expect(post.code).toBe(0);
      expect(post.stdout.indexOf('api stopped')).toBeLessThan(post.stdout.indexOf('db stopped'));
      expect(post.groups).toEqual(['api (1 line)', 'db (2 lines)']);
      expect(post.stdout).toMatch(/::group::db \(2 lines\)\nlog: .*db\.log\n::stop-commands::\S+\ndb booting\ndb up\n::\S+::\n::endgroup::/);
      expect(job.leftovers('stack')).toEqual([]);
      expect(job.summary('stack')).toMatch(/section api[\s\S]*section db/);
    });

    it('fails main at once when a service exits before it is ready, with its log tail and an annotation', async () => {
      const job = newJob();
      const port = await freePort();
      const otherPort = await freePort();
      const main = await job.main({
        id: 'crash',
        inputs: {
          services: `
commands:
  - name: api
    command: echo "booting api"; echo "::error::not a command of ours"; echo "config missing DATABASE_URL" >&2; sleep 0.2; exit 3
    wait-on: tcp:127.0.0.1:${port}
    timeout: 30s
  - name: slow
    command: exec sleep 1000
    wait-on: tcp:127.0.0.1:${otherPort}
`,
        },
      });
      expect(main.code).toBe(1);
      expect(main.ms).toBeLessThan(5000);
      expectPromptExit(main);
      const errors = main.annotations.filter((annotation) => annotation.level === 'error');
      expect(errors[0]).toMatchObject({ properties: { title: 'bgsvc: api did not start' } });
      expect(errors[0]!.message).toMatch(/^api exited with code 3 before it was ready/);
      expect(errors.at(-1)!.message).toMatch(/^bgsvc could not start service api, so it stopped everything it had started/);
      // The service's own `::error::` line is shown, not obeyed.
      expect(errors.some((annotation) => annotation.message === 'not a command of ours')).toBe(false);
      expect(main.groups).toEqual(['api: last 3 lines of its log']);
      expect(main.stdout).toMatch(/config missing DATABASE_URL/);
      // Main's plain lines go straight to the stdout pipe until its first toolkit
      // command (here the log group), then through the toolkit: in order either way.
      const order = ['api started', '::group::api: last 3 lines', 'config missing DATABASE_URL', '::endgroup::'].map((text) => main.stdout.indexOf(text));
      expect(order.every((at) => at >= 0), main.stdout).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(job.leftovers('crash')).toEqual([]);

      const post = await job.post('crash');
      expect(post.code).toBe(0);
      expect(post.groups).toEqual(['api (3 lines)']);
      expect(job.summary('crash')).toMatch(/\| api \|.*\| not ready \|.*\| \*\*exited 3 before it was ready\*\* \|/);
      // The innocent one says why it was stopped, unmarked, and its (empty) log is not printed as a failure's.
      expect(job.summary('crash')).toMatch(/\| slow \|.*\| not ready \|.*\| never ready; stopped because api failed \|/);
      expect(post.stdout).not.toMatch(/slow/);
      expect(job.summary('crash')).toMatch(/section api\n\s+waiting for tcp#58;127\.0\.0\.1#58;\d+ :crit, \d+, \d+\n\s+exit 3 :crit, milestone, (\d+), \1\n/);
    });

    it('fails at the wait-for deadline (a bare number is milliseconds, as in background-action) and stops the service', async () => {
      const job = newJob();
      const port = await freePort();
      const main = await job.main({
        id: 'slow',
        inputs: { run: 'sleep 1000', name: 'slow', 'wait-on': `tcp:127.0.0.1:${port}`, 'wait-for': '800' },
      });
      expect(main.code).toBe(1);
      expect(main.ms).toBeLessThan(6000);
      expect(main.annotations[0]!.message).toMatch(new RegExp(`^slow was not ready after 800ms: still waiting for tcp:127.0.0.1:${port}`));
      expect(job.leftovers('slow')).toEqual([]);
      const post = await job.post('slow');
      expect(post.code).toBe(0);
      expect(post.groups).toEqual([]);
      expect(post.stdout).toMatch(/slow: its log is empty/);
      expect(job.summary('slow')).toMatch(/not ready by its deadline, then stopped/);
    });

    it('reports a service that died during the job as a warning, with its exit code and when', async () => {
      const job = newJob();
      const main = await job.main({
        id: 'flaky',
        inputs: {
          services: `
commands:
  - name: flaky
    command: echo ready; sleep 0.8; echo "out of memory" >&2; exit 7
    wait-on: "log: ready"
  - name: steady
    command: exec sleep 1000
`,
        },
      });
      expect(main.code).toBe(0);
      await job.shell('sleep 1');
      const post = await job.post('flaky');
      expect(post.code).toBe(0);
      const warnings = post.annotations.filter((annotation) => annotation.level === 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.properties.title).toBe('bgsvc: flaky died during the job');
      expect(warnings[0]!.message).toMatch(/^flaky exited with code 7 at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \([\d.]+m?s after start, [\d.]+m?s after it was ready\), before the post step/);
      // log-output-if: failure covers a crash during the job.
      expect(post.groups).toEqual(['flaky (2 lines)']);
      // Post writes plain lines straight to stdout until the toolkit's first command,
      // then through the toolkit: either way, in the order they were written.
      const order = ['steady stopped', '::warning', '::group::flaky', 'out of memory', '::endgroup::'].map((text) => post.stdout.indexOf(text));
      expect(order.every((at) => at >= 0), post.stdout).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(job.leftovers('flaky')).toEqual([]);
      expect(job.summary('flaky')).toMatch(/\| flaky \|.*\*\*exited 7 during the job\*\*/);
      // The crash is the mark where the running bar ends, not the bar's label.
      expect(job.summary('flaky')).toMatch(/section flaky\n\s+waiting for log#58; ready :done, \d+, \d+\n\s+running :active, \d+, (\d+)\n\s+exit 7 :crit, milestone, \1, \1\n/);
    });

    it('stops what it started when the runner cancels main (SIGINT) during the wait, and post finds nothing left', async () => {
      const job = newJob();
      const port = await freePort();
      const main = await job.main({
        id: 'cancel',
        inputs: {
          services: `
commands:
  - name: quick
    command: exec sleep 1000
    settle: 0
  - name: slow
    command: sh -c 'sleep 1000' & exec sleep 1000
    wait-on: tcp:127.0.0.1:${port}
    timeout: 60s
`,
        },
        cancel: { when: /slow started/, signal: 'SIGINT' },
      });
      expect(main.code).not.toBe(0);
      expect(main.ms).toBeLessThan(5000);
      expectPromptExit(main);
      expect(main.annotations.at(-1)!.message).toMatch(/^bgsvc was cancelled \(SIGINT\) while waiting/);
      expect(job.leftovers('cancel')).toEqual([]);
      const post = await job.post('cancel');
      expect(post.code).toBe(0);
      expect(job.leftovers('cancel')).toEqual([]);
      // Neither did anything wrong: they say why they were stopped, and neither is marked.
      expect(job.summary('cancel')).toMatch(/\| quick \|.*\| stopped \(SIGTERM\) because the start was cancelled \|/);
      expect(job.summary('cancel')).toMatch(/\| slow \|.*\| not ready \|.*\| never ready; stopped because the start was cancelled \|/);
    });

    it('does not report a daemon as dead during the job when main stopped it and a second signal cut main short', async () => {
      const job = newJob();
      const port = await freePort();
      const main = await job.main({
        id: 'twice',
        inputs: {
          services: `
commands:
  - name: daemon
    command: (setsid sh -c 'trap "sleep 1; exit 0" TERM; touch daemon.up; while :; do sleep 0.01; done' >/dev/null 2>&1 &); exit 0
    wait-on: file:daemon.up
  - name: slow
    command: exec sleep 1000
    wait-on: tcp:127.0.0.1:${port}
`,
        },
        // The runner's cancel: SIGINT, then SIGTERM while main is still stopping the
        // daemon (its TERM trap takes a second).
        cancel: { when: /daemon ready/, signal: 'SIGINT', then: { signal: 'SIGTERM', afterMs: 400 } },
      });
      expect(main.code).not.toBe(0);
      // The daemon ends its trap and exits, as if it had died on its own.
      await job.shell('sleep 1.5');
      const post = await job.post('twice');
      expect(post.code).toBe(0);
      expect(post.annotations.filter((annotation) => /died/.test(annotation.properties.title ?? ''))).toEqual([]);
      expect(post.stdout).not.toMatch(/daemon died|died during the job/);
      expect(job.leftovers('twice')).toEqual([]);
    });

    it('loses nothing when main is killed outright during the wait: post stops everything from the state file', async () => {
      const job = newJob();
      const port = await freePort();
      const main = await job.main({
        id: 'killed',
        inputs: {
          services: `
commands:
  - name: quick
    command: setsid sleep 1000 & exec sleep 1000
    settle: 0
  - name: slow
    command: exec sleep 1000
    wait-on: tcp:127.0.0.1:${port}
`,
        },
        cancel: { when: /slow started/, signal: 'SIGKILL' },
      });
      expect(main.signal).toBe('SIGKILL');
      expect(await waitFor(() => job.leftovers('killed').length >= 3, 2000)).toBe(true);
      const post = await job.post('killed');
      expect(post.code).toBe(0);
      expect(job.leftovers('killed')).toEqual([]);
      // slow never became ready: post prints its log (failure), not quick's.
      expect(post.groups).toEqual([]);
      expect(post.stdout).toMatch(/slow: its log is empty/);
      expect(job.summary('killed')).toMatch(/\| quick \|.*\| stopped \(SIGTERM\) \|/);
      expect(job.summary('killed')).toMatch(/\| slow \|.*\| never ready; stopped because the main step ended first \|/);
    });

    it('keeps two uses of the action in one job apart: each post stops only its own services', async () => {
      const job = newJob();
      const first = await job.main({ id: '__owner_bgsvc', inputs: { run: 'exec sleep 1000', name: 'one' } });
      const second = await job.main({ id: '__owner_bgsvc_2', inputs: { run: 'exec sleep 1000', name: 'two' } });
      expect(first.code).toBe(0);
      expect(second.code).toBe(0);
      expect(job.outputs('__owner_bgsvc')['state-file']).not.toBe(job.outputs('__owner_bgsvc_2')['state-file']);
      expect(job.cookie('__owner_bgsvc')).not.toBe(job.cookie('__owner_bgsvc_2'));

      // Post steps run in reverse order of their mains.
      const secondPost = await job.post('__owner_bgsvc_2');
      expect(secondPost.code).toBe(0);
      expect(job.leftovers('__owner_bgsvc_2')).toEqual([]);
      expect(job.leftovers('__owner_bgsvc').length).toBeGreaterThan(0);
      const firstPost = await job.post('__owner_bgsvc');
      expect(firstPost.code).toBe(0);
      expect(job.leftovers('__owner_bgsvc')).toEqual([]);
    });

    it("runs background-action's short form as it would: the script, wait-on, wait-for, tail and log-output-resume", async () => {
      const job = newJob();
      const [a, b] = [await freePort(), await freePort()];
      const main = await job.main({
        id: 'compat',
        inputs: {
          run: `echo "installing"\nPORT=${a} DELAY_MS=200 node ${FIXTURES}/http-after.mjs &\nPORT=${b} node ${FIXTURES}/http-after.mjs &\n`,
          'wait-on': `http://127.0.0.1:${a}, tcp:127.0.0.1:${b}`,
          'wait-for': '30s',
          tail: 'true',
          'log-output-if': 'true',
          'log-output-resume': 'stderr',
        },
      });
      expect(main.code).toBe(0);
      expectPromptExit(main);
      expect(main.stdout).toMatch(/^http-after\.mjs \| installing$/m);
      expect(main.stdout).toMatch(new RegExp(`^http-after\\.mjs \\| Listening on ${a}$`, 'm'));
      const pids = pidsWithEnv('BGSVC_ID', job.cookie('compat'));
      expect(pids.length).toBeGreaterThanOrEqual(2);
      expect(await (await fetch(`http://127.0.0.1:${b}/`)).text()).toBe('ok');

      const post = await job.post('compat');
      expect(post.code).toBe(0);
      // Everything was tailed already: nothing is printed twice.
      expect(post.stdout).toMatch(/http-after\.mjs: nothing new in its log since main's tail/);
      expect(job.leftovers('compat')).toEqual([]);
    });

    // Two jobs side by side, so the pair costs the time of one.
    it("runs background-action v2 jobs: shutdown-grace (bare ms) bounds a graceful stop whose output is kept, a later step reads stdout-log/stderr-log, and shutdown: false is SIGKILL at once", async () => {
      await Promise.all([gracefulV2Job(newJob()), shutdownOffV2Job(newJob())]);
    });

    it('fails on a config mistake with the CLI\'s message naming the input, and starts nothing', async () => {
      const job = newJob();
      const main = await job.main({
        id: 'typo',
        inputs: { services: 'commands:\n  - name: api\n    command: sleep 1\n    wait_on: tcp:3000\n' },
      });
      expect(main.code).toBe(1);
      expect(main.annotations.map((annotation) => annotation.message)).toEqual([
        'input "services":4:5: commands[0]: unknown key "wait_on"; did you mean "wait-on"?',
        'bgsvc: a problem in the inputs or config (above); nothing was started',
      ]);
      // Set before the config is read: upload-artifact still gets a path.
      expect(job.outputs('typo')).toMatchObject({
        'log-dir': join(job.runnerTemp, 'bgsvc', 'typo', 'logs'),
        'state-file': join(job.runnerTemp, 'bgsvc', 'typo', 'state.json'),
      });
      const post = await job.post('typo');
      expect(post.code).toBe(0);
      expect(post.stdout).toMatch(/nothing to stop: the main step did not start any service/);
    });

    it('puts a config file mistake on the file\'s line, as an annotation GitHub shows in the diff', async () => {
      const job = newJob();
      mkdirSync(join(job.workspace, 'ci'));
      writeFileSync(join(job.workspace, 'ci', 'services.yml'), 'commands:\n  - name: api\n    comand: npm start\n');
      const main = await job.main({ id: 'file', inputs: { config: 'services.yml', 'working-directory': 'ci' } });
      expect(main.code).toBe(1);
      expect(main.annotations).toContainEqual({
        level: 'error',
        properties: { title: 'bgsvc config', file: 'ci/services.yml', line: '3', col: '5' },
        message: 'services.yml:3:5: commands[0]: unknown key "comand"; did you mean "command"?',
      });
      expect(job.outputs('file')['log-dir']).toBe(join(job.runnerTemp, 'bgsvc', 'file', 'logs'));
    });

    it('rejects run together with services and a missing working-directory, naming each input, and still sets the log-dir output', async () => {
      const job = newJob();
      const main = await job.main({ id: 'mixed', inputs: { run: 'sleep 1', services: 'commands: []', 'log-dir': 'artifacts/logs', 'working-directory': 'nowhere' } });
      expect(main.code).toBe(1);
      expect(main.annotations.map((annotation) => annotation.message)).toEqual([
        `input "working-directory": no such directory: ${join(job.workspace, 'nowhere')}`,
        'input "run": cannot be combined with input "services": "run" is the short form; put every service in "services" instead',
        'bgsvc: 2 problems in the inputs or config (above); nothing was started',
      ]);
      expect(job.savedState('mixed')).toEqual({});
      // Even after an input error, log-dir is the input's path (relative to working-directory), as the step would have used it.
      expect(job.outputs('mixed')['log-dir']).toBe(join(job.workspace, 'nowhere', 'artifacts', 'logs'));
    });

    it('names an unusable log-dir input in the failure, starts nothing, and still hands that path on as the log-dir output', async () => {
      const job = newJob();
      writeFileSync(join(job.workspace, 'not-a-dir'), '');
      const main = await job.main({ id: 'baddir', inputs: { run: 'exec sleep 1000', 'log-dir': 'not-a-dir' } });
      expect(main.code).toBe(1);
      expect(main.annotations.at(-1)!.message).toMatch(/^bgsvc could not start: .*not-a-dir/);
      expect(main.stdout).not.toMatch(/started \(pid/);
      expect(job.outputs('baddir')['log-dir']).toBe(join(job.workspace, 'not-a-dir'));
    });
  });
}

// shutdown: true (v2's default), a grace of 400 (v2 reads a bare number as ms),
// and a later step reading the log through the stdout-log and stderr-log outputs.
async function gracefulV2Job(job: RunnerJob): Promise<void> {
  const port = await freePort();
  const main = await job.main({
    id: 'v2',
    inputs: {
      run: `echo "installing"\nPORT=${port} EXIT_AFTER_MS=5000 node ${FIXTURES}/graceful.mjs &\n`,
      name: 'sut',
      'wait-on': `http://127.0.0.1:${port}`,
      shutdown: 'true',
      'shutdown-grace': '400',
      'log-output-if': 'true',
    },
  });
  expect(main.code).toBe(0);
  expectPromptExit(main);
  const outputs = job.outputs('v2');
  const log = join(outputs['log-dir']!, 'sut.log');
  expect(outputs['stdout-log']).toBe(log);
  expect(outputs['stderr-log']).toBe(log);
  // As the runner substitutes ${{ steps.v2.outputs.stdout-log }} and stderr-log.
  const later = await job.shell(`grep -q "listening on ${port}" "${outputs['stdout-log']}" && grep -q "a line on stderr" "${outputs['stderr-log']}"`);
  expect(later.code).toBe(0);

  const post = await job.post('v2');
  expect(post.code).toBe(0);
  // 400 ms, not the 10 s default: the service takes 5 s to exit and is killed at the grace.
  expect(post.ms).toBeLessThan(4000);
  expect(post.stdout).toMatch(/sut killed with SIGKILL after [\d.]+m?s \(it ignored the stop signal for its whole 400ms grace period\)/);
  // What it wrote on the way down is in the log post prints.
  expect(post.groups).toEqual(['sut (4 lines)']);
  expect(post.stdout).toMatch(/::group::sut \(4 lines\)[\s\S]*SIGTERM: flushing and shutting down[\s\S]*::endgroup::/);
  expect(job.leftovers('v2')).toEqual([]);
}

// shutdown: false, with two services: no stop signal but SIGKILL, nothing left,
// and the log outputs holding one path per line.
async function shutdownOffV2Job(job: RunnerJob): Promise<void> {
  const [a, b] = [await freePort(), await freePort()];
  const main = await job.main({
    id: 'v2off',
    inputs: {
      run: `PORT=${a} node ${FIXTURES}/graceful.mjs &\nPORT=${b} node ${FIXTURES}/graceful.mjs &\n`,
      name: 'sut',
      'wait-on': `tcp:127.0.0.1:${a}, tcp:127.0.0.1:${b}`,
      shutdown: 'false',
      'log-output-if': 'always',
    },
  });
  expect(main.code).toBe(0);
  expect(main.stdout).toMatch(/shutdown is false: the post step stops the services with SIGKILL/);
  const logDir = job.outputs('v2off')['log-dir']!;
  const paths = [join(logDir, 'sut-1.log'), join(logDir, 'sut-2.log')].join('\n');
  expect(job.outputs('v2off')['stdout-log']).toBe(paths);
  expect(job.outputs('v2off')['stderr-log']).toBe(paths);

  const post = await job.post('v2off');
  expect(post.code).toBe(0);
  expect(post.stdout).toMatch(/sut-1 stopped \(SIGKILL/);
  expect(post.stdout).toMatch(/sut-2 stopped \(SIGKILL/);
  expect(post.groups).toEqual(['sut-1 (2 lines)', 'sut-2 (2 lines)']);
  expect(post.stdout).not.toMatch(/SIGTERM: flushing/);
  expect(job.leftovers('v2off')).toEqual([]);
  expect(job.summary('v2off')).toMatch(/\| sut-1 \|.*\| stopped \(SIGKILL\) \|/);
}
