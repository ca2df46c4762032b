// `bgsvc logs | head`: a reader that closes the pipe early ends the command
// quietly with exit 0 (no EPIPE stack trace), even under `set -o pipefail`,
// GitHub's bash default. A real pipe into `head -n 1`; the log is far larger
// than a pipe's buffer, so the CLI is bound to write into a closed pipe.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, killLeftovers } from '../helpers/cli.js';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { cliForOtherUsers, nonRootPrerequisites, PLAIN_USER, projectAs } from '../helpers/users.js';

const stateDirs: string[] = [];
afterEach(() => {
  for (const dir of stateDirs.splice(0)) killLeftovers(dir);
});

// 200000 lines (1.3 MB) at once, then a line every 50 ms for `logs -f` to follow.
const NOISY = `
commands:
  - name: noisy
    command: seq 1 200000; while sleep 0.05; do echo tick; done
    wait-on: "log: ^200000$"
`;

interface Piped {
  code: number | null;
  stdout: string;
  stderr: string;
}

// bash -o pipefail -c 'bgsvc ARGS [2>&1] | READER': the pipeline's code is bgsvc's.
function pipeInto(
  reader: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; user?: string; stderrToo?: boolean },
): Promise<Piped> {
  const bgsvc = options.user ? ['runuser', '-u', options.user, '--', process.execPath, cliForOtherUsers()] : [process.execPath, CLI];
  const child = spawn('bash', ['-o', 'pipefail', '-c', `"$@" ${options.stderrToo ? '2>&1 ' : ''}| ${reader}`, 'bash', ...bgsvc, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    }),
  );
}

function closedPipeTests(user: string | undefined): void {
  it('logs, logs -f and stop end quietly with 0 when the reader closes the pipe', async () => {
    const made = projectAs(user, NOISY, { name: 'closed-pipe' });
    stateDirs.push(made.stateDir);
    const { cli } = made;
    const env = { BGSVC_STATE_DIR: made.stateDir };
    const start = await cli(['start']);
    expect(start.code, start.stderr).toBe(0);

    // logs reads at most the last 1 MiB: still far more than a pipe holds.
    const logs = await pipeInto('head -n 1', ['logs', 'noisy', '-n', '999999'], { cwd: made.dir, env, user });
    expect(logs).toMatchObject({ code: 0, stderr: '' });
    expect(logs.stdout).toMatch(/^\d+\n$/);

    // Follow: the first line fits the pipe; the next tick after head left meets the closed pipe.
    const follow = await pipeInto('head -n 1', ['logs', '-f', 'noisy', '-n', '1'], { cwd: made.dir, env, user });
    expect(follow).toMatchObject({ code: 0, stderr: '' });
    expect(follow.stdout).toMatch(/^(200000|tick)\n$/);

    // stop writes its lines to stderr, here into a pipe whose reader (`true`) is
    // gone before node has started: the lines are dropped, never the stop itself.
    const stop = await pipeInto('true', ['stop', '--logs', 'always'], { cwd: made.dir, env, user, stderrToo: true });
    expect(stop.code, stop.stderr).toBe(0);
    const status = JSON.parse((await cli(['status', '--json'])).stdout);
    expect(status.services[0]).toMatchObject({ name: 'noisy', state: 'stopped' });
  });
}

describe('a closed stdout, as root', () => closedPipeTests(undefined));
describeWithPrerequisites(`a closed stdout, as ${PLAIN_USER} (GitLab shell executor)`, nonRootPrerequisites(), () => closedPipeTests(PLAIN_USER));
