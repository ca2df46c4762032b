// The action's post step (post-if: always()): stop everything main recorded,
// report services that died during the job, print logs per log-output-if and
// write the job summary. Cleanup must never fail a job, so problems become
// warnings, except a process that could not be killed.
import { join } from 'node:path';
import type { BgsvcEvent, StopOutcome } from '../../app/events.js';
import { describeOutcome, stopFromState, type StopReport } from '../../app/stop.js';
import { formatDuration } from '../../config/duration.js';
import { readExitFile } from '../../process/index.js';
import { logSize } from '../../report/log-tail.js';
import { readState, UnsafeDirError, type ServiceRecord } from '../../state/index.js';
import { isBadOutcome, shouldUseColor } from '../terminal.js';
import { LOG_GROUP_MAX_LINES, SAVED } from './constants.js';
import { DEFAULT_POST_OPTIONS, type PostOptions } from './post-options.js';
import type { ActionsIo } from './io.js';
import { printServiceLog } from './log-groups.js';
import { shouldPrintLog, type LogCondition, type LogReason } from './log-policy.js';
import type { StepContext } from './main.js';
import { createGithubEmitter } from './render.js';
import { serviceEnvironment } from './service-env.js';
import { renderSummary, type ServiceRow } from './summary.js';

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
  const began = performance.now();
  const stateDir = io.getState(SAVED.stateDir);
  if (stateDir === '') {
    io.info('bgsvc: nothing to stop: the main step did not start any service');
    return;
  }
  const options = readPostOptions(io.getState(SAVED.postOptions));
  const failures = readRecord<LogReason>(io.getState(SAVED.failures));
  const tailed = readRecord<number>(io.getState(SAVED.tailed));

  const stoppingAt = new Map<string, number>();
  let unkillable = false;
  const render = createGithubEmitter(io, {
    color: shouldUseColor({ isTTY: false }, context.env),
    elapsed: () => performance.now() - began,
  });
  const emit = (event: BgsvcEvent) => {
    if (event.type === 'stopping') stoppingAt.set(event.service, Date.now());
    if (event.type === 'leaked' && !event.killed) unkillable = true;
    render(event);
  };
  const report = await stopFromState(
    { stateDir, logDir: join(stateDir, 'logs'), cwd: context.cwd },
    { emit, baseEnv: serviceEnvironment(context.env) },
  );
  if (report.survivors || unkillable) {
    io.setFailed('bgsvc could not stop every process it started (see the errors above); they may still be running on this runner');
  }

  const read = readState(stateDir);
  // Missing: main stopped before its first spawn. Invalid: stop already warned.
  if (read.kind !== 'ok') return;
  const { state } = read;

  for (const record of state.services) {
    const outcome = report.outcomes.get(record.name);
    if (outcome && diedDuringJob(record, outcome, failures)) {
      io.warning(describeDeath(record, outcome), { title: `bgsvc: ${record.name} died during the job` });
    }
  }

  if (options.logOutput) {
    for (const record of state.services) {
      const reason = logReason(record, report.outcomes.get(record.name), failures);
      if (!shouldPrintLog(options.logOutputIf, reason)) continue;
      const fromOffset = options.resume ? tailed[record.name] ?? 0 : 0;
      printServiceLog(io, { name: record.name, logFile: record.logFile, fromOffset }, LOG_GROUP_MAX_LINES);
    }
  }

  if (!context.env.GITHUB_STEP_SUMMARY) return;
  const saved = { failures, mainResult: io.getState(SAVED.mainResult) };
  const rows = state.services.map((record) => summaryRow(record, report, saved, stoppingAt.get(record.name)));
  try {
    await io.appendSummary(renderSummary(rows, { logDir: state.logDir, origin: state.createdAt }));
  } catch (error) {
    io.warning(`bgsvc could not write the job summary: ${error instanceof Error ? error.message : String(error)}`, { title: 'bgsvc' });
  }
}

// Ready, then gone before post came to stop it: a crash worth an annotation.
function diedDuringJob(record: ServiceRecord, outcome: StopOutcome, failures: Record<string, LogReason>): outcome is Extract<StopOutcome, { kind: 'exited' }> {
  if (outcome.kind !== 'exited' || record.readyAt === undefined || failures[record.name] !== undefined) return false;
  return outcome.code !== 0 || outcome.signal !== null || outcome.daemonized;
}

function describeDeath(record: ServiceRecord, outcome: Extract<StopOutcome, { kind: 'exited' }>): string {
  if (outcome.daemonized) {
    return `${record.name}'s daemon was no longer running when the post step came to stop it (its command had exited 0 to daemonize); log: ${record.logFile}`;
  }
  const how = outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${outcome.code}`;
  const at = new Date(outcome.atMs).toISOString().replace(/\.\d+Z$/, 'Z');
  const sinceReady = record.readyAt === undefined ? '' : `, ${formatDuration(Math.max(0, outcome.atMs - record.readyAt))} after it was ready`;
  return `${record.name} ${how} at ${at} (${formatDuration(Math.max(0, outcome.afterStartMs))} after start${sinceReady}), before the post step; log: ${record.logFile}`;
}

function logReason(record: ServiceRecord, outcome: StopOutcome | undefined, failures: Record<string, LogReason>): LogReason {
  const failed = failures[record.name];
  if (failed !== undefined) return failed;
  if (outcome?.kind === 'exited') return 'exit-early';
  // Exits are handled above; what else is bad is what the terminal marks so.
  if (outcome && isBadOutcome(outcome)) return 'failure';
  // Main was cancelled (or killed) while this one was still starting.
  if (record.readyAt === undefined) return 'failure';
  return 'success';
}

function summaryRow(
  record: ServiceRecord,
  report: StopReport,
  saved: { failures: Record<string, LogReason>; mainResult: string },
  stoppingAt: number | undefined,
): ServiceRow {
  const { failures, mainResult } = saved;
  const outcome = report.outcomes.get(record.name);
  const failed = failures[record.name];
  const exit = readExitFile(record.exitFile);
  let endedAt = record.stoppedAt ?? Date.now();
  let ended = record.stopResult ?? 'stopped';
  let trouble = failed !== undefined;
  let exited: ServiceRow['exited'];
  if (failed !== undefined) {
    if (failed === 'exit-early' && exit) {
      endedAt = exit.atMs;
      exited = { at: exit.atMs, code: exit.code, signal: exit.signal };
      ended = `${exit.signal ? `killed by ${exit.signal}` : `exited ${exit.code}`} before it was ready`;
    } else if (failed === 'timeout') {
      ended = `not ready by its deadline, then ${record.stopResult ?? 'stopped'}`;
    } else {
      ended = `failed to start, then ${record.stopResult ?? 'stopped'}`;
    }
  } else if (outcome?.kind === 'exited') {
    if (!outcome.daemonized) {
      endedAt = outcome.atMs;
      exited = { at: outcome.atMs, code: outcome.code, signal: outcome.signal };
    }
    ended = outcome.daemonized
      ? 'daemon gone before post'
      : `${outcome.signal ? `killed by ${outcome.signal}` : `exited ${outcome.code}`} during the job`;
    trouble = outcome.code !== 0 || outcome.signal !== null || outcome.daemonized;
  } else if (outcome?.kind === 'killed') {
    ended = 'killed after grace';
  } else if (outcome?.kind === 'survivors') {
    ended = `could not be stopped (${outcome.processes.length} process(es) left)`;
    trouble = true;
  } else if (outcome?.kind === 'still-listening' || outcome?.kind === 'stop-command-failed') {
    ended = describeOutcome(outcome);
    trouble = true;
  } else if (record.readyAt === undefined) {
    // Main was cancelled or killed while this one was still starting.
    ended = `never ready (main ended first), then ${record.stopResult ?? 'stopped'}`;
    trouble = true;
  } else if (outcome === undefined) {
    // Main stopped it: another service failed, or the step was cancelled.
    const why = mainResult === 'cancelled' ? 'cancelled' : 'another service failed';
    ended = `${record.stopResult ?? 'stopped'} by main (${why})`;
  }
  return {
    name: record.name,
    command: record.command,
    startedAt: record.startedAt,
    readyAt: record.readyAt,
    stoppingAt: outcome && outcome.kind !== 'exited' && outcome.kind !== 'not-running' ? stoppingAt : undefined,
    endedAt,
    ended,
    trouble,
    logBytes: logSize(record.logFile),
    probes: record.probes,
    exited,
    stopFailed: record.stopFailed,
  };
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
