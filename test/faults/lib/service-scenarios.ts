// The misbehaving services of the fault matrix, shared by the in-process run
// (matrix-services.test.ts, as root) and the one through the CLI as the real
// runners' unprivileged users (matrix-nonroot.test.ts).
import { resolve } from 'node:path';

export const HTTP_SERVER = resolve(import.meta.dirname, '../../fixtures/services/http-after.mjs');

export interface ServiceScenario {
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

export const SCENARIOS: ServiceScenario[] = [
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
