import { formatDuration, parseDuration } from '../config/duration.js';
import { ConfigError } from '../config/errors.js';
import type { LoadConfigOptions } from '../config/load.js';
import { UsageError } from '../app/errors.js';
import { showLogs } from '../app/logs.js';
import { runWithServices, signalExitCode } from '../app/run.js';
import { DEFAULT_COMMAND_GRACE_MS } from '../app/stop-run-command.js';
import { startServices } from '../app/start.js';
import { readStatus, type StatusReport } from '../app/status.js';
import { describeCpuTime, describePeakMemory } from '../report/cost-words.js';
import { stopFromState } from '../app/stop.js';
import { waitOnProbes } from '../app/wait-on.js';
import { readExported } from '../app/env.js';
import { ENV_FORMATS, formatVariables, type EnvFormat } from '../report/exported-env.js';
import { describePending } from '../probes/index.js';
import type { Deps } from '../app/deps.js';
import type { ProcessPlatform } from '../process/platform.js';
import { shellLookup } from '../process/shell.js';
import { UnsafeDirError } from '../state/index.js';
import { locateState } from './state-location.js';
import { parseCli, type CommandName, type ParsedCommand } from './cli-args.js';
import { helpText } from './cli-help.js';
import { createGitlabEmitter } from './gitlab.js';
import { logsForJobStatus } from './gitlab-job-status.js';
import { createTerminalEmitter, shouldUseColor, type LogsPolicy, type TerminalOptions } from './terminal.js';
import { version } from '../version.js';
import { monotonicMs } from '../clock.js';

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM, with the signal name as reason. */
  signal?: AbortSignal;
  /** The process table, as entries/ chose it for this machine. */
  platform: ProcessPlatform;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const DEFAULT_WAIT_ON_TIMEOUT_MS = 60_000;

// The CLI edge: argv → a use case, events → terminal lines, outcome → exit code.
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const started = monotonicMs();
  try {
    const parsed = parseCli(argv);
    if (parsed.kind === 'version') {
      io.stdout.write(`${version}\n`);
      return EXIT_OK;
    }
    if (parsed.kind === 'help') {
      io.stdout.write(helpText(parsed.topic));
      return EXIT_OK;
    }
    if (parsed.help) {
      io.stdout.write(helpText(parsed.command));
      return EXIT_OK;
    }
    return await dispatch(parsed, io, () => monotonicMs() - started);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const line of error.message.split('\n')) io.stderr.write(`bgsvc: ${line}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`bgsvc: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UnsafeDirError) {
      io.stderr.write(`bgsvc: ${error.message}\n`);
      // The user's BGSVC_STATE_DIR or --log-dir is their config to fix; an
      // unsafe default location is the machine's problem.
      return error.unsafe.origin === 'user' ? EXIT_USAGE : EXIT_FAILED;
    }
    io.stderr.write(`bgsvc: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILED;
  }
}

async function dispatch(parsed: ParsedCommand, io: CliIo, elapsed: () => number): Promise<number> {
  const { values } = parsed;
  const command: CommandName = parsed.command;
  if (command !== 'run' && parsed.rest !== undefined) {
    throw new UsageError(`${command} takes no "--"; only run does (bgsvc run -- npm test)`);
  }
  // In GitLab's after_script, a job that did not pass shows every service's log.
  const jobStatus = command === 'stop' && values.logs === undefined ? logsForJobStatus(io.env) : undefined;
  const logs = jobStatus?.logs ?? readLogsPolicy(values.logs);
  const emit = createEmitter(
    { write: (text) => io.stderr.write(text), color: shouldUseColor(io.stderr, io.env), logs, elapsed },
    io.env,
  );
  if (jobStatus) {
    emit({ type: 'note', level: 'info', message: `CI_JOB_STATUS=${jobStatus.status}: printing every service's log` });
  }
  const location = locateState({ cwd: io.cwd, env: io.env, logDir: values['log-dir'] as string | undefined });
  const only = values.only as string[] | undefined;
  const deps: Deps = { platform: io.platform, env: io.env, emit };

  switch (command) {
    case 'start': {
      noPositionals(parsed, 'start [-c FILE] [--only NAME…]');
      const plan = await loadConfig({ cwd: io.cwd, file: values.config as string | undefined, shellExists: shellLookup(io.env.PATH), environment: io.env });
      const result = await startServices({ plan, location, only, signal: io.signal, deps });
      if (result.ok) return EXIT_OK;
      return result.aborted ? signalExitCode(io.signal?.reason) : EXIT_FAILED;
    }
    case 'run': {
      if (parsed.positionals.length > 0) {
        throw new UsageError(`run: put the command after "--": bgsvc run -- ${parsed.positionals.join(' ')}`);
      }
      if (parsed.rest === undefined) {
        throw new UsageError('run needs the command after "--", for example: bgsvc run -- npm test');
      }
      if (parsed.rest.length === 0) throw new UsageError('run: nothing after "--"; for example: bgsvc run -- npm test');
      const failFast = readFailFast(values);
      const plan = await loadConfig({ cwd: io.cwd, file: values.config as string | undefined, shellExists: shellLookup(io.env.PATH), environment: io.env });
      const result = await runWithServices({ plan, location, only, command: parsed.rest, signal: io.signal, deps, failFast });
      return result.exitCode;
    }
    case 'stop': {
      const report = await stopFromState(location, { names: parsed.positionals, deps });
      return report.survivors ? EXIT_FAILED : EXIT_OK;
    }
    case 'status': {
      noPositionals(parsed, 'status [--json]');
      const report = readStatus(location, io.platform);
      io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatStatus(report));
      return report.kind === 'invalid' ? EXIT_FAILED : EXIT_OK;
    }
    case 'env': {
      noPositionals(parsed, 'env [--format sh|dotenv|json]');
      const format = (values.format ?? 'sh') as EnvFormat;
      if (!ENV_FORMATS.includes(format)) throw new UsageError(`env: --format takes ${ENV_FORMATS.join(', ')}, got "${String(values.format)}"`);
      const report = readExported(location);
      if (report.kind === 'invalid') {
        emit({ type: 'note', level: 'error', message: `cannot read ${report.stateFile}: ${report.problem}` });
        return EXIT_FAILED;
      }
      // Nothing started is not an error for `eval "$(bgsvc env)"`: it sets nothing, and says so where eval does not look.
      if (report.kind === 'none') emit({ type: 'note', level: 'info', message: `no services: no state file at ${report.stateFile}` });
      io.stdout.write(formatVariables(report.kind === 'ok' ? report.variables : {}, format));
      return EXIT_OK;
    }
    case 'logs': {
      if (parsed.positionals.length > 1) throw new UsageError('logs takes at most one service name: bgsvc logs [NAME] [-n LINES] [-f]');
      const lines = values.lines === undefined ? 100 : Number(values.lines);
      if (!Number.isInteger(lines) || lines < 0) throw new UsageError(`logs: -n takes a whole number of lines, got "${values.lines}"`);
      await showLogs({
        location,
        platform: io.platform,
        name: parsed.positionals[0],
        lines,
        follow: values.follow === true,
        write: (text) => io.stdout.write(text),
        signal: io.signal,
      });
      return EXIT_OK;
    }
    case 'wait-on': {
      const timeoutMs = values.timeout === undefined ? DEFAULT_WAIT_ON_TIMEOUT_MS : parseDuration(values.timeout);
      if (timeoutMs === undefined || timeoutMs <= 0) {
        throw new UsageError(`wait-on: --timeout takes a duration such as 500ms, 30s, 2m or 1h30m (a bare number is seconds), got "${values.timeout}"`);
      }
      const result = await waitOnProbes({ probes: parsed.positionals, timeoutMs, cwd: io.cwd, env: io.env, signal: io.signal });
      if (result.outcome === 'ready') {
        emit({ type: 'note', level: 'info', message: `ready in ${formatDuration(result.ms)}: ${parsed.positionals.join(', ')}` });
        return EXIT_OK;
      }
      if (result.outcome === 'aborted') return signalExitCode(io.signal?.reason);
      emit({ type: 'note', level: 'error', message: `not ready after ${formatDuration(timeoutMs)}: ${describePending(result.pending)}` });
      return EXIT_FAILED;
    }
  }
}

// GitLab renders sections; everywhere else gets plain lines.
function createEmitter(options: TerminalOptions, env: NodeJS.ProcessEnv) {
  return env.GITLAB_CI === 'true' ? createGitlabEmitter(options) : createTerminalEmitter(options);
}

function noPositionals(parsed: ParsedCommand, usage: string): void {
  if (parsed.positionals.length > 0) {
    throw new UsageError(`${parsed.command}: unexpected argument "${parsed.positionals[0]}". Usage: bgsvc ${usage}`);
  }
}

// run --fail-fast [--grace DURATION]: the grace defaults to a service's default stop-timeout.
function readFailFast(values: ParsedCommand['values']): { graceMs: number } | undefined {
  const grace = values.grace as string | undefined;
  if (values['fail-fast'] !== true) {
    if (grace !== undefined) throw new UsageError('run: --grace applies only with --fail-fast (bgsvc run --fail-fast --grace 5s -- npm test)');
    return undefined;
  }
  if (grace === undefined) return { graceMs: DEFAULT_COMMAND_GRACE_MS };
  const graceMs = parseDuration(grace);
  if (graceMs === undefined) throw new UsageError(`run: --grace takes a duration such as 500ms, 10s, 1m or 1m30s (a bare number is seconds), got "${grace}"`);
  return { graceMs };
}

function readLogsPolicy(value: unknown): LogsPolicy {
  if (value === undefined) return 'failure';
  if (value === 'failure' || value === 'always' || value === 'never') return value;
  throw new UsageError(`--logs takes failure, always or never, got "${String(value)}"`);
}

function formatStatus(report: StatusReport): string {
  if (report.kind === 'none') return `no services: no state file at ${report.stateFile}\n`;
  if (report.kind === 'invalid') return `cannot read ${report.stateFile}: ${report.problem}\n`;
  // A PORT column only when a service has one (port: auto or port: N).
  const withPorts = report.services.some((service) => service.port !== undefined);
  const rows = report.services.map((service) => {
    const state =
      service.state === 'exited'
        ? service.exitSignal
          ? `exited (${service.exitSignal})`
          : `exited ${service.exitCode}`
        : service.state === 'stop-failed'
          ? `stop failed: ${service.stopResult ?? 'something is left running'}`
          : service.state;
    return [
      service.name,
      String(service.pid),
      ...(withPorts ? [service.port === undefined ? '-' : String(service.port)] : []),
      state,
      formatDuration(service.uptimeMs),
      service.readyMs === undefined ? '-' : formatDuration(service.readyMs),
      service.cost ? describePeakMemory(service.cost) : '-',
      service.cost ? describeCpuTime(service.cost) : '-',
      service.logFile,
    ];
  });
  return table([['NAME', 'PID', ...(withPorts ? ['PORT'] : []), 'STATE', 'UPTIME', 'READY IN', 'PEAK MEM', 'CPU', 'LOG'], ...rows]);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
}

// Only start and run read a config, so only they load the config loader and
// its YAML parser (60% of the CLI's code, in dist/yaml.cjs): --version,
// status, logs and stop start sooner without it.
async function loadConfig(options: LoadConfigOptions) {
  const { loadConfig: load } = await import('../config/load.js');
  return load(options);
}
