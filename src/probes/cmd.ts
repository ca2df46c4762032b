import { runCommand } from '../process/run-command.js';
import type { ProbeRunner } from './context.js';
import { sleep } from '../sleep.js';
import { formatMs } from './time.js';
import { monotonicMs } from '../clock.js';

/** A check such as pg_isready answers in well under this; a hung one is cut off. */
const ATTEMPT_TIMEOUT_MS = 5_000;
/** Each attempt costs a process spawn, so these are spaced more than socket probes. */
const RETRY_DELAY_MS = 100;

// `cmd: <command>` passes once the command exits 0 (pg_isready, redis-cli ping).
export const runCmdProbe: ProbeRunner<'cmd'> = async (probe, context) => {
  for (;;) {
    context.signal.throwIfAborted();
    const timeoutMs = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, context.deadline - monotonicMs()));
    const result = await runCommand({
      shell: context.shell,
      command: probe.command,
      cwd: context.cwd,
      env: context.env,
      timeoutMs,
      signal: context.signal,
    });
    // A child's process handle finishes closing a loop turn after it exits;
    // waiting that turn means a settled wait holds no handle at all.
    await sleep(0);
    if (result.code === 0 && !result.timedOut) return;
    context.reportError(describeFailure(result, context.signal.aborted));
    await sleep(RETRY_DELAY_MS, context.signal);
  }
};

// "exit 2: no response" is what a user needs to see in a timeout message.
export function describeFailure(
  result: { code: number | null; signal: string | null; timedOut: boolean; output: string; ms: number },
  aborted: boolean,
): string {
  const line = lastLine(result.output);
  const suffix = line ? `: ${line}` : '';
  if (result.timedOut) return `no exit after ${formatMs(result.ms)}${suffix}`;
  if (aborted) return `still running after ${formatMs(result.ms)}${suffix}`;
  if (result.code !== null) return `exit ${result.code}${suffix}`;
  return `killed by ${result.signal ?? 'a signal'}${suffix}`;
}

/** Long enough for an error message, short enough for a one-line summary. */
const MAX_LINE_CHARS = 200;

// The last non-empty line is where tools put their verdict.
export function lastLine(output: string): string {
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  const last = lines.filter((line) => line.length > 0).at(-1) ?? '';
  return last.length > MAX_LINE_CHARS ? `${last.slice(0, MAX_LINE_CHARS - 1)}…` : last;
}
