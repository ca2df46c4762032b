// Fault matrix, part 3: the misbehaving services of part 1, through the built
// CLI as the real runners' unprivileged users (GitHub-hosted: `runner`, with
// passwordless sudo; GitLab's shell executor: `gitlab-runner`, without), while
// a root process and another user's process run beside them. Leaks are counted
// from /proc as root, which sees what bgsvc, as that user, may not.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { describeWithPrerequisites } from '../helpers/binaries.js';
import { readStateFile } from '../helpers/cli.js';
import { freePort } from '../helpers/ports.js';
import { isAlive, pidsWithEnv, waitFor, waitForCommandWithEnv } from '../helpers/proc.js';
import { nonRootPrerequisites, OTHER_USER, PLAIN_USER, runCliAs, SUDO_USER, userDir } from '../helpers/users.js';
import { accepts, HangError, REPS, runScenario, type Row } from './lib/matrix.js';
import { HTTP_SERVER, SCENARIOS } from './lib/service-scenarios.js';

/** Through the CLI each repetition costs a few process starts: fewer of them than in part 1. */
const NONROOT_REPS = Math.max(1, Math.ceil(REPS / 10));
vi.setConfig({ testTimeout: 60_000 + NONROOT_REPS * 15_000 });

// Root's settle time is the default's concern (ready-means-ready.test.ts); here
// the stops are, so probe-less services settle in 100 ms, as in part 1.
function withShortSettle(config: string): string {
  return config.startsWith('commands:') || config.startsWith('stop-timeout:') ? `settle: 100ms\n${config}` : config;
}

function failure(message: string, ids: string[]): Error {
  return Object.assign(new Error(message), { ids });
}

for (const user of [SUDO_USER, PLAIN_USER]) {
  describeWithPrerequisites(`fault matrix as ${user}`, nonRootPrerequisites(), () => {
    const rows: Row[] = [];

    it.each(SCENARIOS)(`as ${user}: a service that $name leaks nothing and kills no stranger`, async (scenario) => {
      // Another user's process beside ours; root's is runScenario's own stranger.
      const neighbour: ChildProcess = spawn('runuser', ['-u', OTHER_USER, '--', 'sleep', '1000'], { stdio: 'ignore', detached: true });
      try {
        const row = await runScenario(`as ${user}: ${scenario.name}`, async ({ rep }) => {
          const dir = userDir(user, 'fault-nonroot');
          // The checkout may be closed to this user: the server fixture goes with the config.
          copyFileSync(HTTP_SERVER, join(dir, 'http-after.mjs'));
          const port = await freePort();
          const config = withShortSettle(scenario.config(port)).replaceAll(HTTP_SERVER, join(dir, 'http-after.mjs'));
          writeFileSync(join(dir, 'bgsvc.yml'), config);
          const stateDir = join(dir, `state-${rep}`);
          const env = { BGSVC_STATE_DIR: stateDir };
          const start = await runCliAs(user, ['start'], { cwd: dir, env, timeoutMs: 30_000 });
          let ids: string[] = [];
          try {
            ids = [readStateFile(stateDir).id];
          } catch {
            // Nothing was recorded: nothing can have leaked.
          }
          if (start.signal === 'SIGKILL') throw Object.assign(new HangError('start did not finish'), { ids });
          if ((start.code === 0) !== scenario.ready) throw failure(`start exited ${start.code}, expected ready=${scenario.ready}: ${start.stderr}`, ids);
          if (scenario.minProcesses && !(await waitFor(() => pidsWithEnv('BGSVC_ID', ids[0]!).length >= scenario.minProcesses!, 15_000))) {
            // A slow machine, not a leak: still stop, so the leak count is bgsvc's alone.
            await runCliAs(user, ['stop'], { cwd: dir, env, timeoutMs: 30_000 });
            throw failure(`fewer than ${scenario.minProcesses} processes appeared in 15 s`, ids);
          }
          if (scenario.settleMs) await new Promise((wait) => setTimeout(wait, scenario.settleMs));
          if (scenario.settledWhen && (await waitForCommandWithEnv('BGSVC_ID', ids[0]!, scenario.settledWhen, 5000)) === undefined) {
            throw failure(`no process "${scenario.settledWhen}" appeared`, ids);
          }
          const stop = await runCliAs(user, ['stop'], { cwd: dir, env, timeoutMs: 30_000 });
          if (stop.signal === 'SIGKILL') throw Object.assign(new HangError('stop did not finish'), { ids });
          if (stop.code !== 0) throw failure(`stop exited ${stop.code}: ${stop.stderr}`, ids);
          if (scenario.portFreedByStop && (await accepts(port))) throw failure(`something still listens on port ${port} after stop`, ids);
          if (!isAlive(neighbour.pid!)) throw failure(`${OTHER_USER}'s process was killed`, ids);
          return { ids };
        }, NONROOT_REPS);
        rows.push(row);
        expect(row.failures).toEqual([]);
        expect({ reps: row.reps, leaks: row.leaks, wrongKills: row.wrongKills, hang: row.hang }).toEqual({
          reps: NONROOT_REPS,
          leaks: 0,
          wrongKills: 0,
          hang: false,
        });
      } finally {
        neighbour.kill('SIGKILL');
        // Waited for: a pkill still running when the next scenario starts its
        // neighbour would kill that one, and the next row would blame bgsvc.
        spawnSync('pkill', ['-KILL', '-u', OTHER_USER, '-x', 'sleep'], { stdio: 'ignore', timeout: 10_000 });
      }
    });
  });
}
