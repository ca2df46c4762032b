import type { ProbeSpec } from '../config/types.js';
import type { ProbeContext } from './context.js';
import { runProbe } from './run-probe.js';
import { sleep } from '../sleep.js';
import { describeError } from './time.js';
import { monotonicMs } from '../clock.js';

export interface WaitOptions {
  probes: ProbeSpec[];
  /** The deadline, relative to the call. Infinity: none. */
  timeoutMs: number;
  /** The service's log, for `log` probes (required if there is one). */
  logFile?: string;
  /** Where relative file:/socket: paths and cmd: probes resolve. */
  cwd: string;
  shell: string;
  env: NodeJS.ProcessEnv;
  /** Settles → stop waiting at once with outcome 'interrupted' (the caller passes "service exited"). */
  until?: Promise<unknown>;
  signal?: AbortSignal;
  onProbePassed?: (probe: ProbeSpec, ms: number) => void;
}

export interface PendingProbe {
  probe: ProbeSpec;
  /** Why its latest attempt failed: "ECONNREFUSED", "HTTP 503", "exit 2: no response". */
  lastError?: string;
}

export type WaitResult =
  | { outcome: 'ready'; ms: number }
  | { outcome: 'timeout'; ms: number; pending: PendingProbe[] }
  | { outcome: 'interrupted'; ms: number; value: unknown; pending: PendingProbe[] }
  | { outcome: 'aborted'; ms: number; pending: PendingProbe[] };

type Decision =
  | { outcome: 'ready' | 'timeout' | 'aborted' }
  | { outcome: 'interrupted'; value: unknown }
  | { outcome: 'callback-threw'; error: unknown };

interface ProbeState {
  probe: ProbeSpec;
  passed: boolean;
  lastError: string | undefined;
}

/**
 * Runners close their handles within a tick or two of the abort; this only
 * keeps a misbehaving one from turning "never hangs" into a hang.
 */
const SETTLE_LIMIT_MS = 2_000;

// The readiness race: every probe passing vs the service exiting (`until`) vs
// the deadline vs cancellation. Whatever wins, every probe is stopped and has
// released its sockets, watchers, timers and processes before this resolves,
// so a finished wait can never keep the CLI alive.
export async function waitUntilReady(options: WaitOptions): Promise<WaitResult> {
  validateWaitOptions(options);
  const started = monotonicMs();
  const elapsed = () => monotonicMs() - started;
  const stop = new AbortController();
  const states: ProbeState[] = options.probes.map((probe) => ({ probe, passed: false, lastError: undefined }));

  let decidedAt = 0;
  let decided = false;
  let settleDecision!: (decision: Decision) => void;
  const decision = new Promise<Decision>((resolve) => (settleDecision = resolve));
  const decide = (next: Decision) => {
    if (decided) return;
    decided = true;
    decidedAt = elapsed();
    settleDecision(next);
  };

  const onAbort = () => decide({ outcome: 'aborted' });
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  options.until?.then(
    (value) => decide({ outcome: 'interrupted', value }),
    // A rejected "service exited" promise still means: stop waiting on it.
    (error: unknown) => decide({ outcome: 'interrupted', value: error }),
  );
  if (Number.isFinite(options.timeoutMs)) {
    sleep(options.timeoutMs, stop.signal).then(
      () => decide({ outcome: 'timeout' }),
      () => {},
    );
  }
  if (states.length === 0) decide({ outcome: 'ready' });

  const running = decided ? [] : states.map((state) => watchProbe(state));
  function watchProbe(state: ProbeState): Promise<void> {
    const context: ProbeContext = {
      signal: stop.signal,
      deadline: started + options.timeoutMs,
      cwd: options.cwd,
      shell: options.shell,
      env: options.env,
      logFile: options.logFile,
      // After the outcome, an attempt cut short may still explain a probe that
      // had no error yet ("no response after 1000 ms"), but not overwrite one.
      reportError: (message) => {
        if (!decided || state.lastError === undefined) state.lastError = message;
      },
    };
    return runProbe(state.probe, context).then(
      () => {
        if (decided) return;
        state.passed = true;
        try {
          options.onProbePassed?.(state.probe, elapsed());
        } catch (error) {
          decide({ outcome: 'callback-threw', error });
          return;
        }
        if (states.every((other) => other.passed)) decide({ outcome: 'ready' });
      },
      (error: unknown) => {
        if (!stop.signal.aborted) context.reportError(describeError(error));
      },
    );
  }

  const result = await decision;
  options.signal?.removeEventListener('abort', onAbort);
  stop.abort();
  await settleWithin(running, SETTLE_LIMIT_MS);

  const ms = decidedAt;
  const pending = states
    .filter((state) => !state.passed)
    .map(({ probe, lastError }): PendingProbe => (lastError === undefined ? { probe } : { probe, lastError }));
  switch (result.outcome) {
    case 'ready':
      return { outcome: 'ready', ms };
    case 'timeout':
    case 'aborted':
      return { outcome: result.outcome, ms, pending };
    case 'interrupted':
      return { outcome: 'interrupted', ms, value: result.value, pending };
    case 'callback-threw':
      throw result.error;
  }
}

// Bad options are a programming error in the caller: fail before starting anything.
function validateWaitOptions(options: WaitOptions): void {
  if (typeof options.timeoutMs !== 'number' || Number.isNaN(options.timeoutMs) || options.timeoutMs < 0) {
    throw new TypeError(`Expected timeoutMs to be a non-negative number or Infinity, got ${String(options.timeoutMs)}`);
  }
  if (options.logFile === undefined && options.probes.some((probe) => probe.kind === 'log')) {
    throw new TypeError('A `log` probe needs the logFile option (the service log it reads)');
  }
}

async function settleWithin(promises: Array<Promise<void>>, limitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, limitMs);
    timer.unref();
  });
  await Promise.race([Promise.allSettled(promises), limit]);
  clearTimeout(timer);
}
