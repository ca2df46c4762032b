// The action's inputs: background-action's forms keep their meaning, bgsvc's
// own forms work, and every mistake names the input it came from.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import { readMainSettings } from '../../src/edges/github/inputs.js';
import { chooseStateDir } from '../../src/edges/github/state-dir.js';
import { parseLogOutputIf, parseStreamSwitch, shouldPrintLog } from '../../src/edges/github/log-policy.js';
import { planShortForm, splitRunInput } from '../../src/edges/github/short-form.js';
import { parseWaitFor } from '../../src/edges/github/wait-for.js';
import { parseWaitOnInput } from '../../src/edges/github/wait-on.js';
import { shortFormLogOutputs } from '../../src/edges/github/short-form-logs.js';
import { scratchDir } from '../helpers/scratch.js';

describe('wait-for', () => {
  it.each([
    ['30000', 30_000], // background-action: a bare number is milliseconds
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['2 min', 120_000],
    ['10sec', 10_000],
    ['1.5s', 1_500],
    [' 5M ', 300_000],
    // background-action v2's other spellings
    ['250msec', 250],
    ['10 minutes', 600_000],
    ['1d', 86_400_000],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseWaitFor(text)).toBe(ms);
  });

  it.each([
    ['abc123', /invalid duration "abc123"/], // not 123 ms
    ['5 parsecs', /invalid duration/],
    ['30s later', /invalid duration/],
    ['0', /must be greater than 0/],
    ['25h', /longer than the 24h limit/],
    ['1w', /longer than the 24h limit/],
    ['-5s', /invalid duration "-5s": must not be negative/],
  ])('rejects %j', (text, message) => {
    const result = parseWaitFor(text);
    expect(typeof result).toBe('object');
    expect((result as { error: string }).error).toMatch(message);
  });
});

describe('run', () => {
  it.each([
    ['one command', 'npm start', { commands: ['npm start'], script: false }],
    ['one command per line', 'npm run api\nnpm run worker\n', { commands: ['npm run api', 'npm run worker'], script: false }],
    ['every line backgrounded: still one service each, without the &', 'node a.js &\nnode b.js &', { commands: ['node a.js', 'node b.js'], script: false }],
    ['comments and blank lines are skipped', '# the api\n\nnpm start\n', { commands: ['npm start'], script: false }],
    ['a trailing && is not a background &', 'make && ./server &&', { commands: ['make && ./server &&'], script: false }],
  ])('%s', (_, run, expected) => {
    expect(splitRunInput(run)).toEqual(expected);
  });

  it.each([
    ["background-action's idiom: setup, then `cmd &`", 'npm install\nPORT=1 node a.js &\nPORT=2 node b.js &\n'],
    ['a continued line', 'node server.js \\\n  --port 3000'],
    ['a compound command', 'if [ -f x ]; then\n  node a.js\nfi'],
    ['a cd that the next line depends on', 'cd backend\nnpm start'],
    ['an export', 'export PORT=3000\nnpm start'],
    ['a heredoc', 'cat > cfg <<EOF\nx\nEOF\nnode a.js'],
  ])('keeps %s as one script, as background-action runs it', (_, run) => {
    const split = splitRunInput(run);
    expect(split.script).toBe(true);
    expect(split.commands).toEqual([run.trimEnd()]);
  });

  it('names services after their commands, or after the name input', () => {
    const cwd = tmpdir();
    const base = { waitOn: '', waitFor: '', cwd, defaultTimeoutMs: 300_000 };
    const names = (run: string, name = '') => planShortForm({ ...base, run, name }).services.map((service) => service.name);
    expect(names('npx http-server dist -p 8080')).toEqual(['http-server']);
    expect(names('npm start', 'api')).toEqual(['api']);
    expect(names('npx serve a\nnpx serve b')).toEqual(['serve', 'serve-2']);
    expect(names('node a.js\nnode b.js', 'web')).toEqual(['web-1', 'web-2']);
    expect(names('npm ci\nPORT=1 npx static-server &')).toEqual(['static-server']);
  });

  it('gives each service every wait-on probe and the wait-for deadline', () => {
    const plan = planShortForm({
      run: 'node a.js\nnode b.js',
      name: '',
      waitOn: 'http://localhost:3000\ntcp:5432',
      waitFor: '45s',
      cwd: tmpdir(),
      defaultTimeoutMs: 300_000,
    });
    for (const service of plan.services) {
      expect(service.probes.map((probe) => probe.text)).toEqual(['http://localhost:3000', 'tcp:5432']);
      expect(service.timeoutMs).toBe(45_000);
    }
  });

  it('rejects a log: probe shared by several run lines, naming wait-on', () => {
    expect(() =>
      planShortForm({ run: 'node a.js\nnode b.js', name: '', waitOn: 'log: ready', waitFor: '', cwd: tmpdir(), defaultTimeoutMs: 1000 }),
    ).toThrow(/input "wait-on": a "log:" probe reads one service's log, but "run" starts 2/);
  });
});

describe('wait-on', () => {
  it.each([
    ['commas and newlines, trimmed', 'http://localhost:3000, tcp:5432\n  socket:/tmp/s.sock  ', ['http://localhost:3000', 'tcp:5432', 'socket:/tmp/s.sock']],
    ["wait-on's default type is a file", 'dist/index.html\n/tmp/ready', ['file:dist/index.html', 'file:/tmp/ready']],
    ["background-action's file://relative form", 'file://very-important-secrets.txt', ['file:very-important-secrets.txt']],
    ['http-get and https-get', 'http-get://localhost:2121', ['http-get://localhost:2121']],
    ["bgsvc's log: and cmd: keep their commas", 'log: ready, steady\ncmd: test -f a,b', ['log: ready, steady', 'cmd: test -f a,b']],
  ])('%s', (_, text, probes) => {
    expect(parseWaitOnInput(text)).toEqual({ probes });
  });

  it('reads a JSON wait-on config: its resources, and its timeout', () => {
    expect(parseWaitOnInput('{"resources": ["tcp:5432", "http://localhost:3000"], "timeout": 20000, "interval": 100}')).toEqual({
      probes: ['tcp:5432', 'http://localhost:3000'],
      timeoutMs: 20_000,
    });
  });

  it.each([
    ['htp://localhost:3000', /^input "wait-on":1: unknown probe "htp:\/\/localhost:3000" .*did you mean "http:\/\/localhost:3000"\?/],
    ['tcp:5432\nlocalhost:3000', /^input "wait-on":2: unknown probe "localhost:3000".*did you mean "tcp:localhost:3000"\?/],
    ['3000', /did you mean "tcp:3000"\?/],
    ['{"resources": ["tcp:1"], "headers": {"a": "b"}}', /"headers" are not supported; use the "services" input with object probes/],
    ['{"resources": "tcp:1"}', /needs a "resources" list of strings/],
    ['{"resources": [', /not valid JSON/],
  ])('names the input and line for %j', (text, message) => {
    const result = parseWaitOnInput(text);
    expect('issues' in result).toBe(true);
    expect(new ConfigError((result as { issues: ConstructorParameters<typeof ConfigError>[0] }).issues).message).toMatch(message);
  });
});

describe('log-output-if, log-output, tail', () => {
  it.each([
    ['', ['failure']],
    ['failure', ['failure']],
    ['true', ['always']],
    ['false', ['never']],
    ['timeout,exit-early', ['timeout', 'exit-early']],
    ['early-exit', ['exit-early']], // background-action's action.yml spelling
  ])('reads log-output-if %j', (text, conditions) => {
    expect(parseLogOutputIf(text)).toEqual(conditions);
  });

  it('rejects an unknown log-output-if value, quoting it', () => {
    expect(parseLogOutputIf('fail')).toEqual({ error: expect.stringMatching(/^unknown value "fail" \(expected failure, always/) });
  });

  it.each([
    [['failure'], 'timeout', true],
    [['failure'], 'exit-early', true],
    [['failure'], 'failure', true],
    [['failure'], 'success', false],
    [['always'], 'success', true],
    [['never'], 'failure', false],
    [['timeout'], 'exit-early', false],
    [['timeout', 'exit-early'], 'exit-early', true],
    [['success'], 'success', true],
  ] as const)('with %j prints the log of a service that ended in %s: %s', (conditions, reason, expected) => {
    expect(shouldPrintLog([...conditions], reason)).toBe(expected);
  });

  it.each([
    ['', true, true],
    ['stdout,stderr', false, true],
    ['stderr', false, true],
    ['false', true, false],
    ['true', false, true],
  ])('reads the stream switch %j (fallback %s) as %s: stdout and stderr share one log', (text, fallback, expected) => {
    expect(parseStreamSwitch(text, fallback)).toBe(expected);
  });
});

describe('the inputs together', () => {
  const settingsFor = (inputs: Record<string, string>, cwd = scratchDir('inputs')) =>
    readMainSettings((name) => inputs[name] ?? '', { cwd });
  const problems = async (inputs: Record<string, string>, cwd?: string) => {
    try {
      await settingsFor(inputs, cwd);
    } catch (error) {
      if (error instanceof ConfigError) return error.message.split('\n');
      throw error;
    }
    return [];
  };

  it('reports a services mistake as the CLI does, with the input as the file', async () => {
    expect(await problems({ services: 'commands:\n  - name: api\n    command: npm start\n    wait_on: tcp:3000\n' })).toEqual([
      'input "services":4:5: commands[0]: unknown key "wait_on"; did you mean "wait-on"?',
    ]);
  });

  it('names both inputs when run is mixed with services or config', async () => {
    expect(await problems({ run: 'npm start', services: 'commands: []', config: 'bgsvc.yml' })).toEqual([
      'input "run": cannot be combined with input "services": "run" is the short form; put every service in "services" instead',
      'input "run": cannot be combined with input "config": "run" is the short form; put every service in "config" instead',
    ]);
  });

  it('rejects short-form inputs without run, and every bad value at once', async () => {
    expect(await problems({ services: 'commands: [{name: a, command: b}]', 'wait-on': 'tcp:1', 'stop-timeout': 'soon', 'log-output-if': 'sometimes', tail: 'yes' })).toEqual([
      'input "wait-on": belongs to the short form and needs input "run"; with "services" or "config", set it per service in the config (wait-on, timeout, name)',
      'input "stop-timeout": invalid duration "soon" (expected a number of seconds, or numbers with units ms, s, m or h, e.g. 500ms, 30s, 2m, 1h30m)',
      'input "log-output-if": unknown value "sometimes" (expected failure, always, never, timeout, exit-early or success (comma-separated to combine))',
      'input "tail": unknown value "yes" (expected true, false, stdout, stderr or stdout,stderr)',
    ]);
  });

  it('says what to give when there is no service anywhere', async () => {
    expect((await problems({}))[0]).toMatch(/^bgsvc: no services given: set the "services" input \(YAML\), the "config" input \(a file\), or "run" \(\+ "wait-on"\), or add bgsvc\.yml to /);
  });

  it('falls back to bgsvc.yml in working-directory, and resolves paths from there', async () => {
    const root = scratchDir('inputs');
    const project = join(root, 'backend');
    mkdirSync(project);
    writeFileSync(join(project, 'bgsvc.yml'), 'commands:\n  - name: api\n    command: npm start\n    cwd: api\n');
    const settings = await readMainSettings((name) => ({ 'working-directory': 'backend', 'log-dir': 'logs', 'stop-timeout': '3s' })[name] ?? '', { cwd: root });
    expect(settings.cwd).toBe(project);
    expect(settings.logDir).toBe(join(project, 'logs'));
    expect(settings.plan.source).toBe('bgsvc.yml');
    expect(settings.plan.services[0]).toMatchObject({ name: 'api', cwd: join(project, 'api'), stopTimeoutMs: 3000 });
  });

  it('names a working-directory that does not exist', async () => {
    expect(await problems({ 'working-directory': 'nope', run: 'npm start' }, '/tmp')).toEqual(['input "working-directory": no such directory: /tmp/nope']);
  });

  it('defaults the short form to a 5 minute deadline, as background-action documents', async () => {
    const settings = await settingsFor({ run: 'npm start', 'wait-on': 'tcp:3000' });
    expect(settings.plan.services[0]!.timeoutMs).toBe(300_000);
    expect(settings.post).toEqual({ logOutputIf: ['failure'], logOutput: true, resume: false });
    expect(settings.tail).toBe(false);
  });
});

describe('state directory', () => {
  it('is $BGSVC_STATE_DIR when the workflow sets it', () => {
    expect(chooseStateDir({ BGSVC_STATE_DIR: 'state', RUNNER_TEMP: '/rt', GITHUB_ACTION: 'svc' }, '/work')).toBe('/work/state');
  });

  it("is the step's own directory under RUNNER_TEMP, named by GITHUB_ACTION", () => {
    expect(chooseStateDir({ RUNNER_TEMP: '/rt', GITHUB_ACTION: 'svc' }, '/work')).toBe('/rt/bgsvc/svc');
    expect(chooseStateDir({ RUNNER_TEMP: '/rt', GITHUB_ACTION: '__owner_bgsvc_2' }, '/work')).toBe('/rt/bgsvc/__owner_bgsvc_2');
    expect(chooseStateDir({ RUNNER_TEMP: '/rt', GITHUB_ACTION: '../x y' }, '/work')).toBe('/rt/bgsvc/x-y');
  });

  it('never reuses a directory that already holds a state file, and invents a name when there is no step id', () => {
    const runnerTemp = scratchDir('rt');
    mkdirSync(join(runnerTemp, 'bgsvc', 'svc'), { recursive: true });
    writeFileSync(join(runnerTemp, 'bgsvc', 'svc', 'state.json'), '{}');
    expect(chooseStateDir({ RUNNER_TEMP: runnerTemp, GITHUB_ACTION: 'svc' }, '/work')).toBe(join(runnerTemp, 'bgsvc', 'svc-2'));
    expect(chooseStateDir({ RUNNER_TEMP: runnerTemp }, '/work')).toMatch(/\/bgsvc\/step-[0-9a-f]{8}$/);
  });
});

// background-action v2 added these (its action.yml at commit 790349b0d675ee1a98b698f86eae920309726812).
describe("background-action v2's shutdown, shutdown-grace and log outputs", () => {
  const settingsFor = (inputs: Record<string, string>) => readMainSettings((name) => inputs[name] ?? '', { cwd: scratchDir('inputs') });
  const problems = async (inputs: Record<string, string>) => {
    try {
      await settingsFor(inputs);
    } catch (error) {
      if (error instanceof ConfigError) return error.message.split('\n');
      throw error;
    }
    return [];
  };
  const twoServices = 'commands:\n  - name: a\n    command: x\n    stop-timeout: 30s\n  - name: b\n    command: y\n';

  it.each([
    ['500', 500], // as v2 reads it: a bare number is milliseconds (stop-timeout's would be seconds)
    ['10s', 10_000],
    ['1m30s', 90_000],
    ['2 seconds', 2_000],
  ])('reads shutdown-grace %j as a %d ms stop-timeout for every service', async (grace, ms) => {
    const short = await settingsFor({ run: 'npm start', 'shutdown-grace': grace });
    expect(short.plan.services.map((service) => service.stopTimeoutMs)).toEqual([ms]);
    // It overrides the config, as the stop-timeout input does.
    const config = await settingsFor({ services: twoServices, 'shutdown-grace': grace });
    expect(config.plan.services.map((service) => service.stopTimeoutMs)).toEqual([ms, ms]);
  });

  it('keeps the graceful stop by default and with shutdown: true, in any case YAML allows', async () => {
    for (const shutdown of ['', 'true', 'True', 'TRUE']) {
      const settings = await settingsFor({ services: twoServices, shutdown });
      expect(settings.shutdown).toBe(true);
      expect(settings.plan.services.map((service) => [service.stopSignal, service.stopTimeoutMs])).toEqual([
        ['SIGTERM', 30_000],
        ['SIGTERM', 10_000],
      ]);
    }
  });

  it('stops every service with SIGKILL, keeping their grace, when shutdown is false', async () => {
    const settings = await settingsFor({ services: twoServices, shutdown: 'false', 'shutdown-grace': '3s' });
    expect(settings.shutdown).toBe(false);
    expect(settings.plan.services.map((service) => [service.stopSignal, service.stopTimeoutMs])).toEqual([
      ['SIGKILL', 3_000],
      ['SIGKILL', 3_000],
    ]);
  });

  it('refuses a shutdown value that is not true or false, and a bad or doubled grace, naming each input', async () => {
    expect(await problems({ run: 'npm start', shutdown: 'no', 'shutdown-grace': 'soon' })).toEqual([
      'input "shutdown-grace": invalid duration "soon" (expected a number of milliseconds (in wait-for and shutdown-grace, as in background-action; elsewhere a bare number is seconds), or numbers with units ms, s, m or h, e.g. 500ms, 30s, 5m, 1h30m)',
      'input "shutdown": unknown value "no" (expected true or false)',
    ]);
    expect(await problems({ run: 'npm start', 'shutdown-grace': '0' })).toEqual(['input "shutdown-grace": invalid duration "0": must be greater than 0']);
    expect(await problems({ run: 'npm start', 'shutdown-grace': '5s', 'stop-timeout': '5s' })).toEqual([
      'input "shutdown-grace": cannot be combined with input "stop-timeout": both set the grace between the stop signal and SIGKILL; keep one',
    ]);
  });

  it('points stdout-log and stderr-log at the one interleaved log of each short-form service', async () => {
    const one = await settingsFor({ run: 'npm start', name: 'api' });
    expect(one.shortForm).toBe(true);
    expect(shortFormLogOutputs(one.plan, '/logs')).toEqual({ 'stdout-log': '/logs/api.log', 'stderr-log': '/logs/api.log' });
    const several = await settingsFor({ run: 'node a.js &\nnode b.js &', name: 'web' });
    expect(shortFormLogOutputs(several.plan, '/logs')).toEqual({ 'stdout-log': '/logs/web-1.log\n/logs/web-2.log', 'stderr-log': '/logs/web-1.log\n/logs/web-2.log' });
    expect((await settingsFor({ services: twoServices })).shortForm).toBe(false);
  });
});
