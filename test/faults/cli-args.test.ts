// CLI argument errors (issue 4), through dist/cli.cjs: each is a usage error
// (exit 2, one line on stderr, no stack trace, nothing started) that says what
// to type instead.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useProjects } from '../helpers/cli.js';

const makeProject = useProjects(afterEach);

const CONFIG = 'commands:\n  - name: api\n    command: exec sleep 1000\n  - name: db\n    command: exec sleep 1000\n';

interface ArgCase {
  args: string[];
  /** What the error says is wrong. */
  problem: RegExp;
  /** What to type instead: a usage line, an example, the allowed values, or where to look. */
  hint: RegExp;
  /** The project has a bgsvc.yml (default) or nothing at all. */
  config?: boolean;
  /** The state dir holds a finished run of api and db, so names can be looked up. */
  state?: boolean;
}

const cases: Record<string, ArgCase> = {
  'an unknown flag': { args: ['start', '--bogus'], problem: /start: unknown option --bogus/, hint: /See: bgsvc start --help/ },
  'a misspelt flag': { args: ['start', '--confg', 'x.yml'], problem: /unknown option --confg/, hint: /See: bgsvc start --help/ },
  'an unknown short flag': { args: ['logs', '-x'], problem: /logs: unknown option -x/, hint: /See: bgsvc logs --help/ },
  'a flag of another command': { args: ['stop', '--json'], problem: /stop: unknown option --json/, hint: /See: bgsvc stop --help/ },
  'an unknown command': { args: ['strat'], problem: /unknown command "strat"/, hint: /commands: start, stop, status, logs, run, wait-on, env\. See: bgsvc --help/ },
  'an option instead of a command': { args: ['--frob'], problem: /unknown option "--frob"/, hint: /See: bgsvc --help/ },
  'help on an unknown command': { args: ['help', 'nope'], problem: /unknown command "nope"/, hint: /See: bgsvc --help/ },
  'run without "--"': { args: ['run', 'npm', 'test'], problem: /run: put the command after "--"/, hint: /bgsvc run -- npm test/ },
  'run with no command': { args: ['run'], problem: /run needs the command after "--"/, hint: /for example: bgsvc run -- npm test/ },
  'run with nothing after "--"': { args: ['run', '--'], problem: /run: nothing after "--"/, hint: /for example: bgsvc run -- npm test/ },
  '"--" given to start': { args: ['start', '--', 'npm', 'test'], problem: /start takes no "--"; only run does/, hint: /\(bgsvc run -- npm test\)/ },
  'no config in the directory': {
    args: ['start'],
    config: false,
    problem: /no config found: looked for bgsvc\.yml, bgsvc\.yaml, \.bgsvc\.yml in this directory/,
    hint: /create one, or point to a file with --config/,
  },
  'no config for run': { args: ['run', '--', 'true'], config: false, problem: /no config found/, hint: /point to a file with --config/ },
  'a config file that does not exist': { args: ['start', '-c', 'nope.yml'], problem: /nope\.yml: config file not found/, hint: /\(looked at \/.*\/nope\.yml\)/ },
  'a directory as the config file': { args: ['start', '--config', '.'], problem: /is a directory, not a config file/, hint: /\(\/.*\)/ },
  '-c without a file': { args: ['start', '-c'], problem: /start: option -c, --config <value> needs a value/, hint: /See: bgsvc start --help/ },
  '--only without a name': { args: ['start', '--only'], problem: /option --only <value> needs a value/, hint: /See: bgsvc start --help/ },
  '--only naming no service': { args: ['start', '--only', 'nope'], problem: /--only: no service named "nope" in bgsvc\.yml/, hint: /\(services: api, db\)/ },
  'a stray argument to start': { args: ['start', 'api'], problem: /start: unexpected argument "api"/, hint: /Usage: bgsvc start \[-c FILE\] \[--only NAME…\]/ },
  'a stray argument to status': { args: ['status', 'api'], problem: /status: unexpected argument "api"/, hint: /Usage: bgsvc status \[--json\]/ },
  'logs of a service that does not exist': { args: ['logs', 'nope'], state: true, problem: /no service named "nope"/, hint: /\(services: api, db\)/ },
  'logs of two services': { args: ['logs', 'api', 'db'], state: true, problem: /logs takes at most one service name/, hint: /bgsvc logs \[NAME\] \[-n LINES\] \[-f\]/ },
  'logs before anything was started': { args: ['logs', 'api'], problem: /no services were started here/, hint: /no state file at \/.*state\.json/ },
  'stop of a service that was not started': { args: ['stop', 'nope'], state: true, problem: /no service named "nope" was started from/, hint: /\(started: api, db\)/ },
  'a bad --logs value for stop': { args: ['stop', '--logs', 'sometimes'], problem: /--logs takes failure, always or never/, hint: /got "sometimes"/ },
  'a bad --logs value for run': { args: ['run', '--logs', 'yes', '--', 'true'], problem: /--logs takes failure, always or never/, hint: /got "yes"/ },
  '--logs without a value': { args: ['stop', '--logs'], problem: /stop: option --logs <value> needs a value/, hint: /See: bgsvc stop --help/ },
  '-n that is not a number': { args: ['logs', 'api', '-n', 'abc'], state: true, problem: /logs: -n takes a whole number of lines/, hint: /got "abc"/ },
  '-n with a fraction': { args: ['logs', '-n', '1.5'], state: true, problem: /-n takes a whole number of lines/, hint: /got "1\.5"/ },
  '-n with a negative number': { args: ['logs', '--lines=-5'], state: true, problem: /-n takes a whole number of lines/, hint: /got "-5"/ },
  '-n without a value': { args: ['logs', '-n'], state: true, problem: /logs: option -n, --lines <value> needs a value/, hint: /See: bgsvc logs --help/ },
  'a value given to the -f flag': { args: ['logs', '--follow=yes'], state: true, problem: /option --follow takes no value/, hint: /write just --follow/ },
  'a value given to --json': { args: ['status', '--json=true'], problem: /option --json takes no value/, hint: /write just --json/ },
  'a --timeout that is no duration': { args: ['wait-on', '--timeout', 'soon', 'tcp:1'], problem: /wait-on: --timeout takes a duration/, hint: /such as 500ms, 30s, 2m or 1h30m \(a bare number is seconds\), got "soon"/ },
  'a zero --timeout': { args: ['wait-on', '-t', '0', 'tcp:1'], problem: /--timeout takes a duration/, hint: /got "0"/ },
  'a negative --timeout': { args: ['wait-on', '--timeout=-1s', 'tcp:1'], problem: /--timeout takes a duration/, hint: /got "-1s"/ },
  'wait-on without probes': { args: ['wait-on'], problem: /wait-on needs at least one probe/, hint: /for example: bgsvc wait-on tcp:5432 http:\/\/localhost:3000/ },
  'wait-on with a bad probe': { args: ['wait-on', 'htp://localhost:3000'], problem: /unknown probe "htp:\/\/localhost:3000"/, hint: /did you mean "http:\/\/localhost:3000"\?/ },
};

/** A finished run of api and db: enough for name lookups, with nothing alive. */
function writeStoppedState(stateDir: string): void {
  mkdirSync(join(stateDir, 'logs'), { recursive: true, mode: 0o700 });
  const record = (name: string) => ({
    name,
    command: 'exec sleep 1000',
    shell: '/bin/sh',
    cwd: stateDir,
    env: {},
    needs: [],
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 1000,
    probes: [],
    // A pid no process has: the services are long gone.
    pid: 2_000_000_000,
    startTime: '1',
    logFile: join(stateDir, 'logs', `${name}.log`),
    exitFile: join(stateDir, 'run', `${name}.exit`),
    startedAt: Date.now() - 2000,
    stoppedAt: Date.now() - 1000,
    stopResult: 'stopped (SIGTERM)',
  });
  const state = {
    schema: 'bgsvc-state',
    version: 1,
    id: 'feedfacefeedfacefeedface',
    createdAt: Date.now() - 2000,
    stateDir,
    logDir: join(stateDir, 'logs'),
    complete: true,
    stoppedAt: Date.now() - 1000,
    services: [record('api'), record('db')],
  };
  writeFileSync(join(stateDir, 'state.json'), JSON.stringify(state), { mode: 0o600 });
}

describe('CLI argument errors', () => {
  it.concurrent.each(Object.entries(cases))('%s: a usage error that says what to type', async (_title, entry) => {
    const { dir, env, stateDir } = makeProject(CONFIG);
    if (entry.config === false) rmSync(join(dir, 'bgsvc.yml'));
    if (entry.state) writeStoppedState(stateDir);
    const run = await runCli(entry.args, { cwd: dir, env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^bgsvc: /);
    expect(run.stderr).toMatch(entry.problem);
    expect(run.stderr).toMatch(entry.hint);
    // Nothing started, nothing created.
    if (!entry.state) expect(existsSync(stateDir)).toBe(false);
    expect(existsSync(join(dir, '.bgsvc'))).toBe(false);
  });

  it('prints help, not an error, for --help on every command, and exits 0', async () => {
    const { dir, env } = makeProject(CONFIG);
    for (const command of ['start', 'stop', 'status', 'logs', 'run', 'wait-on']) {
      const run = await runCli([command, '--help'], { cwd: dir, env });
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`^Usage: bgsvc ${command}`));
      expect(run.stderr).toBe('');
    }
  });
});
