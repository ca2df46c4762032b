import type { CommandName } from './cli-args.js';

const OVERVIEW = `bgsvc: run the background services a CI job needs, wait until they are ready, and stop them all at the end.

Usage:
  bgsvc start  [-c FILE] [--only NAME…] [--log-dir DIR]   start, wait until ready, record state; leave them running
  bgsvc stop   [NAME…] [--logs failure|always|never]      stop (reverse dependency order) and report
  bgsvc status [--json]                                   name, pid, state, uptime, ready time, cost
  bgsvc logs   [NAME] [-n LINES] [-f]                     show a service's log (all services without NAME)
  bgsvc run    [-c FILE] [--only NAME…] [--log-dir DIR] [--logs failure|always|never]
               [--fail-fast [--grace 10s]] -- CMD …       start, run CMD, always stop; exit with CMD's code
  bgsvc wait-on PROBE… [--timeout 60s]                    wait for probes, like the wait-on package
  bgsvc env    [--format sh|dotenv|json]                  the services' export: values and ports, for later steps

Config: -c FILE, else bgsvc.yml, bgsvc.yaml or .bgsvc.yml in the working directory.
        Shared definitions: templates: {NAME: {params: [version], command: …}} and
        include: [ci/services.yml]; a service says template: NAME, params: {version: "16"},
        and its command, stop and cmd: probes read $param_version.
State:  $BGSVC_STATE_DIR, else $CI_PROJECT_DIR/.bgsvc on GitLab, else ./.bgsvc (logs in <state>/logs).
Durations (config and flags): 500ms, 1.5s, 30s, 2m, 1h30m; a bare number is seconds (only the
        GitHub Action's wait-for and shutdown-grace read it as milliseconds, as background-action does).
Exit codes: 0 ok; 1 a service failed (exited, timed out, could not be stopped); 2 bad usage or config.
            run exits with CMD's code, or 1 when --fail-fast stopped CMD because a service died.

Run "bgsvc help COMMAND" for details. Docs: README.md and docs/cli.md, docs/config.md in the package
(node_modules/bgsvc), or the repository.
`;

const DETAILS: Record<CommandName, string> = {
  start: `Usage: bgsvc start [-c FILE] [--only NAME…] [--log-dir DIR]

Starts every service (or only the named ones and what they need), each detached with its
output in <log dir>/<name>.log, waits until every probe passes, and exits 0 leaving them running.
If one fails (exits, or misses its deadline), everything started is stopped and it exits 1.
A one-shot task (ready: exit: migrations, seeding, a build) is ready when it exits 0, and
what needs it starts after it; a non-zero exit fails the start like any other failure.
Processes left by an earlier, never-stopped run of the same state dir are stopped first.
A service with "port: auto" gets a port free on 127.0.0.1 and ::1 as $PORT; probe targets and
export: values expand $VAR and \${VAR} from its environment. Once ready, the export: values and
ports are written to <state dir>/env (source .bgsvc/env) and shown by bgsvc env.

  -c, --config FILE   config file (default: bgsvc.yml, bgsvc.yaml, .bgsvc.yml)
      --only NAME     start only this service and what it needs (repeat, or a,b)
      --log-dir DIR   where logs go (default: <state dir>/logs)
`,
  stop: `Usage: bgsvc stop [NAME…] [--logs failure|always|never]

Stops what start recorded: each service's stop command, then its stop signal to the whole
process tree, SIGKILL after its stop-timeout, and a sweep for processes that carry this run's
BGSVC_ID (daemons that forked away). Running it twice is a no-op. Exits 1 only if something
could not be killed. Each "stopped" line ends with what the service cost: the peak memory of
its largest process and the CPU time of all its processes, exited ones included
("peak 246 MB, CPU 1.4s"; "≥" marks a lower bound, e.g. after a SIGKILL).
(The GitHub Action's shutdown-grace input, background-action v2's name,
sets that stop-timeout; its shutdown: false sets stop-signal SIGKILL: no graceful shutdown.)

  --logs WHEN   print log tails: failure (default: services that crashed), always, never.
                In GitLab's after_script without --logs, CI_JOB_STATUS=failed or canceled
                prints every service's log tail, each in a collapsed section.
`,
  status: `Usage: bgsvc status [--json]

Shows each service's name, pid, state (starting / running / exited N / stopped / done, for a
task that exited 0 / stop failed), uptime, ready time, and cost: PEAK MEM (the largest single
process's peak resident memory, not a sum) and CPU (user + system time of all its processes).
While a service runs they are a reading so far ("≥"); once it ended, its wrapper's whole count.
--json gives them as numbers: cost.peakMemoryBytes, cost.cpuMs, cost.complete (false: lower bounds;
null: the OS did not tell).
`,
  logs: `Usage: bgsvc logs [NAME] [-n LINES] [-f]

Prints the last lines of a service's log, or of every service's log.

  -n, --lines N   how many lines (default 100)
  -f, --follow    keep printing new lines until the service ends or you press Ctrl-C
`,
  run: `Usage: bgsvc run [-c FILE] [--only NAME…] [--log-dir DIR] [--logs WHEN] [--fail-fast [--grace 10s]] -- CMD [ARG…]

Starts the services, runs CMD with the terminal, then always stops every service, and exits
with CMD's exit code. A single CMD word with spaces runs under sh -c: bgsvc run -- "npm test && npm run e2e".
SIGINT and SIGTERM are passed to CMD, and the services are still stopped.
CMD's environment has the services' export: values and ports (BGSVC_PORT_<NAME>).

The moment a service exits while CMD runs (even with code 0: it no longer serves), bgsvc says
so: its name, exit code or signal, when, and the last lines of its log. A task (ready: exit)
that finished is not such an exit. Without --fail-fast, CMD goes on and bgsvc still exits
with CMD's code.

  -c, --config FILE    config file (default: bgsvc.yml, bgsvc.yaml, .bgsvc.yml)
      --only NAME      start only this service and what it needs (repeat, or a,b)
      --log-dir DIR    where logs go (default: <state dir>/logs)
      --logs WHEN      log tails at the stop: failure (default), always, never
      --fail-fast      when a service exits while CMD runs, stop CMD: SIGTERM to its whole
                       process tree (CMD, its children, and anything carrying its
                       BGSVC_RUN_ID), SIGKILL after the grace; then stop the services and exit 1
      --grace DURATION with --fail-fast: CMD's time between SIGTERM and SIGKILL
                       (default 10s, the same as a service's default stop-timeout)
`,
  'wait-on': `Usage: bgsvc wait-on PROBE… [--timeout 60s]

Waits until every probe passes, then exits 0; exits 1 at the deadline, naming what is pending.
Probes: http://…, https://…, tcp:PORT, tcp:HOST:PORT, socket:PATH, file:PATH, "cmd: COMMAND", "delay: 2s".

  -t, --timeout DURATION   deadline (default 60s), e.g. 500ms, 30s, 2m, 1h30m
`,
  env: `Usage: bgsvc env [--format sh|dotenv|json]

Prints what the running services hand to later steps: each service's export: values (expanded
once it was ready) and its port as BGSVC_PORT_<NAME> (port: auto or port: N). Nothing is printed
when nothing runs.

  -f, --format FORMAT   sh (default): export NAME='value' lines, for eval "$(bgsvc env)";
                        dotenv: NAME=value lines (GitLab's artifacts:reports:dotenv);
                        json: one object of NAME: value
`,
};

export function helpText(topic?: CommandName): string {
  return topic ? DETAILS[topic] : OVERVIEW;
}
