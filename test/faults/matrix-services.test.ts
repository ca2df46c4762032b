// Fault matrix, part 1: services that misbehave in every way we know of.
// Each scenario runs REPS times (20 in CI) with real processes; a stranger
// process runs beside it and must survive; /proc is scanned after each stop.
import { connect } from 'node:net';
import { expect, it, vi } from 'vitest';
import { startServices } from '../../src/app/start.js';
import { stopFromState } from '../../src/app/stop.js';
import { readState } from '../../src/state/index.js';
import { freePort } from '../helpers/ports.js';
import { pidsWithEnv, waitFor, waitForCommandWithEnv } from '../helpers/proc.js';
import { resolve } from 'node:path';
import { collect, plan, REPS, runScenario, sandbox, SCENARIO_TIMEOUT_MS, withDeadline, type Row } from './lib/matrix.js';

vi.setConfig({ testTimeout: SCENARIO_TIMEOUT_MS });

const HTTP_SERVER = resolve(import.meta.dirname, '../fixtures/services/http-after.mjs');

interface ServiceScenario {
  name: string;
  config: (port: number) => string;
  /** Whether start should succeed. */
  ready: boolean;
  /** Wait until this many processes carry the cookie before stopping (forks take time). */
  minProcesses?: number;
  /** Time to let the service misbehave after ready. */
  settleMs?: number;
  /** Before the stop, wait for a process with this command line (the service has set itself up). */
  settledWhen?: string;
  /** What the stop must report for the service. */
  expectStop?: RegExp;
  /** The service's port must be free after stop (for processes the cookie cannot see). */
  portFreedByStop?: boolean;
}

const SCENARIOS: ServiceScenario[] = [
  {
    name: 'crashes before ready',
    config: (port) => `commands:\n  - name: s\n    command: sleep 0.05; exit 3\n    wait-on: tcp:127.0.0.1:${port}\n`,
    ready: false,
  },
  {
    name: 'crashes after ready',
    // settle: 0, so it is ready at once and the crash comes after.
    config: () => 'settle: 0\ncommands:\n  - name: s\n    command: sleep 0.1; exit 4\n',
    ready: true,
    settleMs: 250,
    expectStop: /"kind":"exited","code":4/,
  },
  {
    name: 'ignores SIGTERM',
    config: () => "stop-timeout: 300ms\ncommands:\n  - name: s\n    command: trap '' TERM; sleep 1000\n",
    ready: true,
    minProcesses: 2,
    // The shell execs sleep once the trap is set (SIG_IGN survives exec). A stop that
    // lands before the trap ends the service by SIGTERM, rightly, so wait for the sleep.
    settledWhen: 'sleep 1000',
    expectStop: /"kind":"killed"/,
  },
  {
    name: 'ignores SIGTERM and SIGINT, with children that do too',
    config: () =>
      "stop-timeout: 300ms\ncommands:\n  - name: s\n    stop-signal: SIGINT\n    command: trap '' TERM INT; for i in 1 2 3 4 5; do sleep 1000 & done; wait\n",
    ready: true,
    minProcesses: 7,
    expectStop: /"kind":"killed"/,
  },
  {
    name: 'forks 200 descendants',
    config: () => 'commands:\n  - name: s\n    command: for i in $(seq 200); do sleep 1000 & done; wait\n',
    ready: true,
    minProcesses: 202,
  },
  {
    name: 'double-forks a daemon',
    config: () => "commands:\n  - name: s\n    command: sh -c '(setsid sleep 1000 &) &'; sleep 1000\n",
    ready: true,
    minProcesses: 3,
  },
  {
    name: 'calls setsid in a grandchild',
    config: () => "commands:\n  - name: s\n    command: sh -c 'setsid sleep 1000 & wait' & wait\n",
    ready: true,
    minProcesses: 3,
  },
  {
    name: 'changes its process group',
    config: () => `commands:\n  - name: s\n    command: perl -e 'setpgrp(0, 0); exec "sleep", "1000"' & wait\n`,
    ready: true,
    minProcesses: 3,
  },
  {
    // redis-server --daemonize yes does this: setproctitle overwrites its environment.
    name: 'daemonizes, drops its environment and listens on the probed port',
    config: (port) =>
      `commands:\n  - name: s\n    command: sh -c '(setsid env -i PORT=${port} ${process.execPath} ${HTTP_SERVER} &) &'\n    wait-on: tcp:127.0.0.1:${port}\n`,
    ready: true,
    portFreedByStop: true,
  },
  {
    name: 'execs into another program with an empty environment',
    config: () => 'commands:\n  - name: s\n    command: exec env -i sleep 1000\n',
    ready: true,
    minProcesses: 1,
  },
  {
    name: 'closes its stdout and stderr',
    config: () => 'commands:\n  - name: s\n    command: exec >&- 2>&-; sleep 1000\n',
    ready: true,
    minProcesses: 2,
  },
  {
    name: 'fills its log at full speed',
    config: () => 'commands:\n  - name: s\n    command: yes "a line of log output that never ends"\n',
    ready: true,
    minProcesses: 2,
    settleMs: 200,
  },
];

const rows: Row[] = [];

it.each(SCENARIOS)('a service that $name leaks nothing and kills no stranger', async (scenario) => {
  const row = await runScenario(scenario.name, async () => {
    const { dir, location } = sandbox();
    const { events, emit } = collect();
    const port = await freePort();
    const started = await withDeadline(startServices({ plan: plan(scenario.config(port), dir), location, emit }), 'start');
    const read = readState(location.stateDir);
    const ids = read.kind === 'ok' ? [read.state.id] : [];
    if (started.ok !== scenario.ready) throw Object.assign(new Error(`start ok=${started.ok}, expected ${scenario.ready}`), { ids });
    if (scenario.minProcesses) {
      const enough = await waitFor(() => pidsWithEnv('BGSVC_ID', ids[0]!).length >= scenario.minProcesses!, 5000);
      if (!enough) throw Object.assign(new Error(`fewer than ${scenario.minProcesses} processes appeared`), { ids });
    }
    if (scenario.settleMs) await new Promise((wait) => setTimeout(wait, scenario.settleMs));
    if (scenario.settledWhen) {
      const settled = await waitForCommandWithEnv('BGSVC_ID', ids[0]!, scenario.settledWhen, 5000);
      if (settled === undefined) throw Object.assign(new Error(`no process "${scenario.settledWhen}" appeared`), { ids });
    }
    const report = await withDeadline(stopFromState(location, { emit }), 'stop');
    if (report.survivors) throw Object.assign(new Error('stop reported survivors'), { ids });
    if (scenario.portFreedByStop && (await accepts(port))) {
      throw Object.assign(new Error(`something still listens on port ${port} after stop`), { ids });
    }
    if (scenario.expectStop) {
      const stopped = JSON.stringify(events.filter((event) => event.type === 'stopped'));
      if (!scenario.expectStop.test(stopped)) throw Object.assign(new Error(`stop reported ${stopped}`), { ids });
    }
    return { ids };
  });
  rows.push(row);
  expect(row.failures).toEqual([]);
  expect({ reps: row.reps, leaks: row.leaks, wrongKills: row.wrongKills, hang: row.hang }).toEqual({ reps: REPS, leaks: 0, wrongKills: 0, hang: false });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
