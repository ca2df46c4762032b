// The action's post step (post-if: always()): stop everything main recorded,
// report services that died during the job, print logs per log-output-if and
// write the job summary. Cleanup must never fail a job, so problems become
// warnings, except a process that could not be killed.
import { join } from 'node:path';
import type { BgsvcEvent } from '../../app/events.js';
import { stopFromState } from '../../app/stop.js';
import { formatDuration } from '../../config/duration.js';
import { logSize } from '../../report/log-tail.js';
import { exitOf, isTrouble, serviceEnd, type ServiceEnd, type StartEndedBy } from '../../report/service-end.js';
import { describeStopOutcome } from '../../report/stop-outcome.js';
import { readState, UnsafeDirError, type ServiceRecord } from '../../state/index.js';
import { shouldUseColor } from '../terminal.js';
import { LOG_GROUP_MAX_LINES, SAVED } from './constants.js';
import { DEFAULT_POST_OPTIONS, type PostOptions } from './post-options.js';
import type { ActionsIo } from './io.js';
import { printServiceLog } from './log-groups.js';
import { shouldPrintLog, type LogCondition, type LogReason } from './log-policy.js';
import type { StepContext } from './main.js';
import { createGithubEmitter } from './render.js';
import { serviceEnvironment } from './service-env.js';
import { renderSummary, type ServiceRow } from './summary.js';
import { monotonicMs } from '../../clock.js';

export async function runActionPost(io: ActionsIo, context: StepContext): Promise<void> {
  try {
    await stopAndReport(io, context);
  } catch (error) {
    // Not a cleanup hiccup: what main started cannot be trusted or stopped from there.
    if (error instanceof UnsafeDirError) return io.setFailed(`bgsvc post step: ${error.message}`);
    io.warning(`bgsvc post step: ${error instanceof Error ? error.message : String(error)}`, { title: 'bgsvc' });
  }
}

async function stopAndReport(io: ActionsIo, context: StepContext): Promise<void> {
  const began = monotonicMs();
  const stateDir = io.getState(SAVED.stateDir);
  if (stateDir === '') {
    io.info('bgsvc: nothing to stop: the main step did not start any service');
    return;
  }
  const options = readPostOptions(io.getState(SAVED.postOptions));
  const tailed = readRecord<number>(io.getState(SAVED.tailed));

  const stoppingAt = new Map<string, number>();
  let unkillable = false;
  const render = createGithubEmitter(io, {
    color: shouldUseColor({ isTTY: false }, context.env),
    elapsed: () => monotonicMs() - began,
  });
  const emit = (event: BgsvcEvent) => {
    if (event.type === 'stopping') stoppingAt.set(event.service, Date.now());
    if (event.type === 'leaked' && !event.killed) unkillable = true;
    render(event);
  };
  const report = await stopFromState(
    { stateDir, logDir: join(stateDir, 'logs'), cwd: context.cwd },
    { deps: { platform: context.platform, env: serviceEnvironment(context.env), emit } },
  );
  if (report.survivors || unkillable) {
    io.setFailed('bgsvc could not stop every process it started (see the errors above); they may still be running on this runner');
  }

  const read = readState(stateDir);
  // Missing: main stopped before its first spawn. Invalid: stop already warned.
  if (read.kind !== 'ok') return;
  const { state } = read;

  // Each service's end, decided once from the store; everything below only words it.
  const ends = new Map(state.services.map((record) => [record.name, serviceEnd(record, state)]));
  for (const record of state.services) {
    const end = ends.get(record.name)!;
    if (end.kind === 'exited' || end.kind === 'daemon-gone') {
      if (isTrouble(end)) io.warning(describeDeath(record, end), { title: `bgsvc: ${record.name} died during the job` });
    }
  }

  if (options.logOutput) {
    for (const record of state.services) {
      if (!shouldPrintLog(options.logOutputIf, logReason(ends.get(record.name)!))) continue;
      const fromOffset = options.resume ? tailed[record.name] ?? 0 : 0;
      printServiceLog(io, { name: record.name, logFile: record.logFile, fromOffset }, LOG_GROUP_MAX_LINES);
    }
  }

  if (!context.env.GITHUB_STEP_SUMMARY) return;
  const rows = state.services.map((record) => summaryRow(record, ends.get(record.name)!, stoppingAt.get(record.name)));
  try {
    await io.appendSummary(renderSummary(rows, { logDir: state.logDir, origin: state.createdAt }));
  } catch (error) {
    io.warning(`bgsvc could not write the job summary: ${error instanceof Error ? error.message : String(error)}`, { title: 'bgsvc' });
  }
}

function describeDeath(record: ServiceRecord, end: Extract<ServiceEnd, { kind: 'exited' | 'daemon-gone' }>): string {
  if (end.kind === 'daemon-gone') {
    return `${record.name}'s daemon was no longer running when the post step came to stop it (its command had exited 0 to daemonize); log: ${record.logFile}`;
  }
  const how = end.signal ? `was killed by ${end.signal}` : `exited with code ${end.code}`;
  const at = new Date(end.at).toISOString().replace(/\.\d+Z$/, 'Z');
  const sinceReady = record.readyAt === undefined ? '' : `, ${formatDuration(Math.max(0, end.at - record.readyAt))} after it was ready`;
  return `${record.name} ${how} at ${at} (${formatDuration(Math.max(0, end.afterStartMs))} after start${sinceReady}), before the post step; log: ${record.logFile}`;
}

// log-output-if's conditions, per service: a service stopped because another
// failed did nothing wrong, so `failure` shows the culprit's log, not its.
function logReason(end: ServiceEnd): LogReason {
  switch (end.kind) {
    case 'start-failed':
      return end.reason === 'timeout' ? 'timeout' : end.reason === 'exited' ? 'exit-early' : 'failure';
    case 'exited':
      return 'exit-early';
    case 'start-abandoned':
      // Killed with main before it was ready: nobody knows it would have been.
      return end.because === 'interrupted' ? 'failure' : 'success';
    default:
      return isTrouble(end) ? 'failure' : 'success';
  }
}

function summaryRow(record: ServiceRecord, end: ServiceEnd, stoppingAt: number | undefined): ServiceRow {
  const exited = exitOf(end);
  const stopped = end.kind === 'stopped' || end.kind === 'left-running' || (end.kind === 'start-abandoned' && end.stop !== undefined);
  return {
    name: record.name,
    command: record.command,
    startedAt: record.startedAt,
    readyAt: record.readyAt,
    stoppingAt: stopped ? stoppingAt : undefined,
    endedAt: exited?.at ?? record.stoppedAt ?? Date.now(),
    ended: describeEnd(end),
    trouble: isTrouble(end),
    logBytes: logSize(record.logFile),
    probes: record.probes,
    exited,
    stopFailed: end.kind === 'left-running',
    ...(record.cost && { cost: record.cost }),
  };
}

// The summary table's "how it ended" cell.
function describeEnd(end: ServiceEnd): string {
  switch (end.kind) {
    case 'start-failed':
      if (end.reason === 'exited' && end.exit) {
        return `${end.exit.signal ? `killed by ${end.exit.signal}` : `exited ${end.exit.code}`} before it was ready`;
      }
      return end.reason === 'timeout' ? 'not ready by its deadline, then stopped' : 'failed to start';
    case 'start-abandoned':
      return `never ready; stopped because ${describeStartEnd(end.because)}`;
    case 'exited':
      return `${end.signal ? `killed by ${end.signal}` : `exited ${end.code}`} during the job`;
    case 'daemon-gone':
      return 'daemon gone before post';
    case 'task-done':
      return `task: done in ${formatDuration(end.afterStartMs)} (exit 0)`;
    case 'stopped':
      return end.because === undefined ? describeStopOutcome(end.outcome) : `${describeStopOutcome(end.outcome)} because ${describeStartEnd(end.because)}`;
    case 'left-running':
      return `could not be stopped: ${describeStopOutcome(end.outcome)}`;
    case 'running':
      return 'still running';
  }
}

// Why main stopped a service it had started: "api failed", "the start was cancelled".
function describeStartEnd(because: StartEndedBy): string {
  if (because === 'cancelled') return 'the start was cancelled';
  if (because === 'interrupted') return 'the main step ended first';
  return `${because.failed.join(', ')} failed`;
}

function readPostOptions(text: string): PostOptions {
  const parsed = readRecord<unknown>(text) as Partial<PostOptions>;
  const conditions = Array.isArray(parsed.logOutputIf) ? (parsed.logOutputIf as LogCondition[]) : DEFAULT_POST_OPTIONS.logOutputIf;
  return {
    logOutputIf: conditions,
    logOutput: typeof parsed.logOutput === 'boolean' ? parsed.logOutput : DEFAULT_POST_OPTIONS.logOutput,
    resume: typeof parsed.resume === 'boolean' ? parsed.resume : DEFAULT_POST_OPTIONS.resume,
  };
}

// Saved state is ours, but a hand-edited or truncated value must not stop the cleanup.
function readRecord<T>(text: string): Record<string, T> {
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, T>) : {};
  } catch {
    return {};
  }
}
