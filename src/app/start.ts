import { crypto } from '../builtins.js';
import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import type { Plan, ProbeSpec, ServicePlan } from '../config/types.js';
import { formatDuration } from '../config/duration.js';
import {
  countLeftBehind,
  findTargetHolders,
  incrementalSnapshots,
  launchService,
  resolveShell,
  type LaunchedService,
  type ProcessPlatform,
  type ProcessSnapshot,
} from '../process/index.js';
import { describePending, findTakenTargets, listenTargetsOf, waitUntilReady, type ListenTarget } from '../probes/index.js';
import {
  assertSafeLocation,
  batchedStateWriter,
  ensurePrivateDir,
  writeState,
  type ServiceRecord,
  type StartFailure,
  type StartFailureReason,
  type StateFile,
  type StateLocation,
} from '../state/index.js';
import { readLogTail } from '../report/log-tail.js';
import type { Deps } from './deps.js';
import type { Emit, LogDirProblem } from './events.js';
import { stopLeftovers } from './leftovers.js';
import { checkLogDir } from './preflight.js';
import { selectServices } from './select.js';
import { stopRecordedServices } from './stop.js';

export interface StartOptions {
  plan: Plan;
  location: StateLocation;
  only?: string[];
  /** Aborted when the user or the runner cancels (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  deps: Deps;
}

export type StartResult =
  | { ok: true; state: StateFile }
  | { ok: false; state: StateFile | undefined; aborted: boolean; failed: string[] };

const LOG_TAIL_LINES = 20;
const PROGRESS_EVERY_MS = 10_000;

// start: launch every selected service detached, record it on disk at once,
// and wait until each is ready. On any failure or cancel, stop what was started
// so a failed start never leaks (the logs stay for reading).
export async function startServices(options: StartOptions): Promise<StartResult> {
  const { plan, location, deps } = options;
  const { emit, platform } = deps;
  const services = selectServices(plan, options.only);
  assertSafeLocation(location, { create: true });
  await stopLeftovers({ location, deps });
  const unusable = prepareDirs(location);
  if (unusable) {
    emit({ type: 'log-dir-unusable', ...unusable });
    return { ok: false, state: undefined, aborted: false, failed: [] };
  }

  emit({ type: 'config', source: plan.source, services: services.map((service) => service.name) });
  const state: StateFile = {
    schema: 'bgsvc-state',
    version: 1,
    id: crypto().randomBytes(12).toString('hex'),
    createdAt: Date.now(),
    stateDir: location.stateDir,
    logDir: location.logDir,
    complete: false,
    services: [],
  };
  writeState(state);

  const failFast = new AbortController();
  // Every service's wait listens on it (its probes too): Node warns of a leak past 10.
  setMaxListeners(0, failFast.signal);
  const onCancel = () => failFast.abort(options.signal?.reason);
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  const launched: LaunchedService[] = [];
  const failed: string[] = [];
  const context: LaunchContext = {
    state,
    emit,
    platform,
    baseEnv: deps.env,
    cancel: failFast.signal,
    onLaunched: (service) => launched.push(service),
    table: incrementalSnapshots(platform),
    persist: batchedStateWriter(state),
    onFailed: (name) => {
      failed.push(name);
      failFast.abort('failed');
    },
    order: services.map((service) => service.name),
  };
  const byName = new Map(services.map((service) => [service.name, service]));
  const readiness = new Map<string, Promise<boolean>>();
  const whenReady = (service: ServicePlan): Promise<boolean> => {
    let promise = readiness.get(service.name);
    if (!promise) {
      promise = (async () => {
        const needs = await Promise.all(service.needs.map((name) => whenReady(byName.get(name)!)));
        if (!needs.every(Boolean) || failFast.signal.aborted) return false;
        return launchAndWait(service, context);
      })();
      readiness.set(service.name, promise);
    }
    return promise;
  };

  try {
    const results = await Promise.all(services.map(whenReady));
    if (results.every(Boolean) && !failFast.signal.aborted) {
      state.complete = true;
      state.startResult = { outcome: 'ready', failed: [], at: Date.now() };
      writeState(state);
      return { ok: true, state };
    }
    const aborted = options.signal?.aborted ?? false;
    // Recorded before the stop below, so a later reader knows why these were stopped even if this process dies mid-stop.
    state.startResult = { outcome: aborted && failed.length === 0 ? 'cancelled' : 'failed', failed: [...failed], at: Date.now() };
    writeState(state);
    emit({ type: 'start-abandoned', cancelled: aborted, failed: [...failed] });
    await stopRecordedServices(state, { deps });
    return { ok: false, state, aborted, failed };
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
    // The services live on after this process exits; nothing of theirs may keep it alive.
    for (const service of launched) service.release();
  }
}

// The state and log dirs, owner-only; what is wrong when the logs cannot be written.
function prepareDirs(location: StateLocation): { path: string; problem: LogDirProblem } | undefined {
  try {
    ensurePrivateDir(location.stateDir);
    ensurePrivateDir(join(location.stateDir, 'run'));
    ensurePrivateDir(location.logDir);
  } catch (error) {
    return { path: (error as NodeJS.ErrnoException).path ?? location.stateDir, problem: { kind: 'cannot-create', message: (error as Error).message } };
  }
  const problem = checkLogDir(location.logDir);
  return problem === undefined ? undefined : { path: location.logDir, problem };
}

interface LaunchContext {
  state: StateFile;
  emit: Emit;
  platform: ProcessPlatform;
  baseEnv: NodeJS.ProcessEnv;
  cancel: AbortSignal;
  onLaunched: (service: LaunchedService) => void;
  onFailed: (name: string) => void;
  /** The process table now, read incrementally across services. */
  table: () => ProcessSnapshot;
  /**
   * Writes the state file once at the end of this turn of the event loop,
   * for every service launched or ready in it: before any probe runs and
   * before anything is reported. 50 writes, one per launch, cost 300 ms
   * on a busy machine (ext4 flushes on each rename over the old file).
   */
  persist: () => Promise<void>;
  /** Service names in config order. */
  order: string[];
}

async function launchAndWait(service: ServicePlan, context: LaunchContext): Promise<boolean> {
  const { state, emit, platform } = context;
  const logFile = join(state.logDir, `${service.name}.log`);
  const fail = (reason: StartFailureReason, message: string, withLog = true, exit?: StartFailure['exit'] & { atMs: number }) => {
    // The store keeps why, for post, status and the summary: this one is a culprit.
    const record = state.services.find((entry) => entry.name === service.name);
    if (record) {
      record.startFailure = exit
        ? { reason, at: exit.atMs, exit: { code: exit.code, signal: exit.signal } }
        : { reason, at: Date.now() };
    }
    emit({
      type: 'failed',
      service: service.name,
      reason,
      message,
      logFile: withLog ? logFile : undefined,
      logTail: withLog ? readLogTail(logFile, LOG_TAIL_LINES) : [],
    });
    context.onFailed(service.name);
    return false;
  };

  const taken = await findTakenTargets(service.probes);
  if (taken.length > 0) return fail('port-taken', describeTakenPorts(service.name, taken, platform), false);
  if (context.cancel.aborted) return false;

  const shell = resolveShell(service.shell, service.env.PATH ?? context.baseEnv.PATH);
  const exitFile = join(state.stateDir, 'run', `${service.name}.exit`);
  const env: NodeJS.ProcessEnv = {
    ...context.baseEnv,
    ...service.env,
    BGSVC_ID: state.id,
    BGSVC_SERVICE: service.name,
    BGSVC_LOG_DIR: state.logDir,
  };
  let launched: LaunchedService;
  try {
    launched = launchService({ name: service.name, command: service.command, shell, cwd: service.cwd, env, logFile, exitFile, platform });
  } catch (error) {
    return fail('launch', `${service.name} could not be started: ${(error as Error).message}`, false);
  }
  context.onLaunched(launched);
  const record: ServiceRecord = {
    name: service.name,
    command: service.command,
    shell,
    cwd: service.cwd,
    env: service.env,
    needs: service.needs,
    stop: service.stop,
    stopSignal: service.stopSignal,
    stopTimeoutMs: service.stopTimeoutMs,
    probes: service.probes.map((probe) => probe.text),
    pid: launched.pid,
    startTime: launched.startTime,
    logFile,
    exitFile,
    startedAt: Date.now(),
  };
  state.services.push(record);
  // Launch order varies run to run; config order reads better in status and reports.
  state.services.sort((a, b) => context.order.indexOf(a.name) - context.order.indexOf(b.name));
  await context.persist();
  emit({ type: 'started', service: service.name, pid: launched.pid, command: service.command, logFile });

  const cookie = { BGSVC_ID: state.id, BGSVC_SERVICE: service.name };
  // A service without probes is ready once it has outlived its settle time:
  // a command that fails at once (not found, not executable, a crash on
  // start-up) must fail the start, not be reported ready.
  const settling = service.probes.length === 0 && service.settleMs > 0;
  const probes: ProbeSpec[] = settling
    ? [{ kind: 'delay', text: `settle ${formatDuration(service.settleMs)}`, ms: service.settleMs }]
    : service.probes;
  // A command that exits 0 before ready has usually daemonized (pg_ctl start,
  // redis-server --daemonize yes): keep waiting on the probes, which decide.
  let leftAfterExit0: number | undefined;
  const diedEarly = launched.exited.then((exit) => {
    if (exit.code !== 0 || exit.signal) return exit;
    const left = countLeftBehind(launched.pid, cookie, platform);
    leftAfterExit0 = left;
    emit({ type: 'daemonized', service: service.name, left, waitingForProbes: service.probes.length > 0 });
    return new Promise<never>(() => {});
  });

  const passed = new Set<string>();
  const progress = setInterval(() => {
    emit({
      type: 'waiting',
      service: service.name,
      pending: record.probes.filter((probe) => !passed.has(probe)).map((probe) => ({ probe })),
      ms: Date.now() - record.startedAt,
      timeoutMs: service.timeoutMs,
    });
  }, PROGRESS_EVERY_MS);
  progress.unref();
  const result = await waitUntilReady({
    probes,
    timeoutMs: service.timeoutMs,
    logFile,
    cwd: service.cwd,
    shell,
    env,
    until: diedEarly,
    signal: context.cancel,
    onProbePassed: (probe, ms) => {
      passed.add(probe.text);
      if (service.probes.length > 1) emit({ type: 'probe-passed', service: service.name, probe: probe.text, ms });
    },
  }).finally(() => clearInterval(progress));

  switch (result.outcome) {
    case 'ready':
      record.readyAt = Date.now();
      // Under a reaper wrapper a daemon that rewrote its environment is still in
      // the service's tree; a port holder outside it (docker-proxy for `docker
      // run -d -p`) is not the service's to kill, so adopt only without one.
      const listeners = listenTargetsOf(service.probes, service.cwd);
      if (!launched.reaper) adoptPortHolders(service.name, listeners, record, cookie, context);
      if (listeners.length > 0) record.listeners = listeners;
      if (leftAfterExit0 !== undefined) record.daemonized = leftAfterExit0 > 0 || (record.adopted?.length ?? 0) > 0;
      await context.persist();
      emit({
        type: 'ready',
        service: service.name,
        ms: record.readyAt - record.startedAt,
        probes: record.probes,
        settledMs: settling ? service.settleMs : undefined,
      });
      return true;
    case 'interrupted': {
      const exit = result.value as { code: number | null; signal: string | null; atMs: number };
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      const after = formatDuration(Date.now() - record.startedAt);
      return fail('exited', `${service.name} ${how} before it was ready (${after} after start)`, true, exit);
    }
    case 'timeout':
      return fail(
        'timeout',
        `${service.name} was not ready after ${formatDuration(service.timeoutMs)}: still waiting for ${describePending(result.pending)}`,
      );
    case 'aborted':
      return false;
  }
}

function adoptPortHolders(
  name: string,
  targets: ListenTarget[],
  record: ServiceRecord,
  cookie: Record<string, string>,
  context: LaunchContext,
): void {
  const adopted = findTargetHolders({
    targets,
    cookie,
    runCookie: { BGSVC_ID: context.state.id },
    startedAfter: record.startTime,
    platform: context.platform,
    table: context.table,
  });
  if (adopted.length === 0) return;
  record.adopted = adopted;
  context.emit({ type: 'adopted', service: name, holders: adopted.map(({ pid, command }) => ({ pid, command })) });
}

function describeTakenPorts(
  name: string,
  taken: Array<{ probe: { text: string }; host: string; port: number }>,
  platform: ProcessPlatform,
): string {
  const parts = taken.map(({ probe, port }) => {
    const holders = platform.findListeners(port);
    const who =
      holders.length > 0
        ? ` by ${holders.map((holder) => `pid ${holder.pid} (${holder.command})`).join(', ')}`
        : '';
    return `port ${port} (${probe.text}) is already in use${who}`;
  });
  return (
    `${name} was not started: ${parts.join('; ')}. Its probe would pass at once against the wrong process. ` +
    'Stop the old process (often a leftover of an earlier job) or use another port.'
  );
}
