// One service's start: check its ports are free, launch it detached, record it
// on disk at once, and wait until it is ready, it exits, its deadline passes,
// or the start is cancelled. The result is the service's story so far, in the
// store (its record) and in events.
import { join } from 'node:path';
import type { ProbeSpec, ServicePlan } from '../config/types.js';
import { formatDuration } from '../config/duration.js';
import { sleep } from '../sleep.js';
import {
  countLeftBehind,
  findTargetHolders,
  launchService,
  readExitFile,
  resolveShell,
  type ExitRecord,
  type LaunchedService,
  type ProcessPlatform,
} from '../process/index.js';
import { describePending, listenTargetsOf, waitUntilReady, type ListenTarget } from '../probes/index.js';
import type { AdoptedRecord, ServiceRecord, StartFailure, StartFailureReason } from '../state/index.js';
import { readLogTail } from '../report/log-tail.js';
import { expandExports, readProbeAtLaunch } from '../config/service-variables.js';
import { chooseFreePort } from '../probes/free-port.js';
import type { LaunchContext } from './launch-context.js';
import { RUN_COOKIE } from './stop-run-command.js';
import { describeTakenPorts, saysAddressInUse } from './port-conflicts.js';
import { checkProbeTargets, isBorrowed } from './probe-targets-taken.js';
import { finishTask } from './task.js';
import { monotonicMs } from '../clock.js';

export type { LaunchContext };

const LOG_TAIL_LINES = 20;
const PROGRESS_EVERY_MS = 10_000;

export async function launchAndWait(service: ServicePlan, context: LaunchContext): Promise<boolean> {
  const first = await attemptLaunch(service, context, { mayRelaunch: service.port === 'auto' });
  if (first !== 'address-in-use') return first;
  // Another process took the chosen port between choosing and binding (the
  // race `port: auto` cannot close): choose again, once.
  context.emit({ type: 'port-retry', service: service.name, port: context.store.service(service.name)?.port ?? 0 });
  return (await attemptLaunch(service, context, { mayRelaunch: false })) === true;
}

async function attemptLaunch(service: ServicePlan, context: LaunchContext, options: { mayRelaunch: boolean }): Promise<boolean | 'address-in-use'> {
  const { store, emit, platform } = context;
  const { state } = store;
  const logFile = join(state.logDir, `${service.name}.log`);
  const fail = async (reason: StartFailureReason, message: string, withLog = true, exit?: StartFailure['exit'] & { atMs: number }) => {
    // The store keeps why, for post, status and the summary: this one is a culprit.
    if (store.service(service.name)) {
      await store.startFailed(
        service.name,
        exit ? { reason, at: exit.atMs, exit: { code: exit.code, signal: exit.signal } } : { reason, at: Date.now() },
      );
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

  let port: number | undefined;
  try {
    port = service.port === 'auto' ? await chooseFreePort() : service.port;
  } catch (error) {
    return fail('launch', `${service.name} was not started: ${(error as Error).message}`, false);
  }
  const env: NodeJS.ProcessEnv = {
    ...context.baseEnv,
    ...service.env,
    ...(port === undefined ? {} : { PORT: String(port) }),
    BGSVC_ID: state.id,
    BGSVC_SERVICE: service.name,
    BGSVC_LOG_DIR: state.logDir,
  };
  // A `bgsvc start` inside `bgsvc run --fail-fast`'s command: its services are
  // not part of that command's tree, and must not be killed with it.
  delete env[RUN_COOKIE];
  let probes: ProbeSpec[];
  try {
    probes = service.probesAtLaunch ? service.probesAtLaunch.map((entry) => readProbeAtLaunch(entry, env)) : service.probes;
  } catch (error) {
    return fail('launch', `${service.name} was not started: ${(error as Error).message}`, false);
  }

  const pinned: ProbeSpec[] = typeof service.port === 'number' ? [{ kind: 'tcp', text: `port: ${service.port}`, host: 'localhost', port: service.port }] : [];
  const { conflicts, borrowed } = await checkProbeTargets({ service: service.name, pinned, probes, cwd: service.cwd, store, platform });
  if (conflicts.length > 0) return fail('port-taken', describeTakenPorts(service.name, conflicts, platform), false);
  if (context.cancel.aborted) return false;

  const shell = resolveShell(service.shell, service.env.PATH ?? context.baseEnv.PATH);
  const exitFile = join(state.stateDir, 'run', `${service.name}.exit`);
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
    probes: probes.map((probe) => probe.text),
    ...(port === undefined ? {} : { port }),
    pid: launched.pid,
    startTime: launched.startTime,
    logFile,
    exitFile,
    startedAt: Date.now(),
    ...(service.task ? { task: true as const } : {}),
  };
  // Launch order varies run to run; the store keeps config order, which reads better.
  await store.launched(record, context.order);
  emit({ type: 'started', service: service.name, pid: launched.pid, command: service.command, logFile, ...(port === undefined ? {} : { port }) });
  const exports = () => (service.exports ? expandExports(service.exports, env) : undefined);
  if (service.task) return finishTask(service, record, launched, context, fail, exports);

  const cookie = { BGSVC_ID: state.id, BGSVC_SERVICE: service.name };
  // A service without probes is ready once it has outlived its settle time:
  // a command that fails at once (not found, not executable, a crash on
  // start-up) must fail the start, not be reported ready.
  const settling = probes.length === 0 && service.settleMs > 0;
  const waitedOn: ProbeSpec[] = settling
    ? [{ kind: 'delay', text: `settle ${formatDuration(service.settleMs)}`, ms: service.settleMs }]
    : probes;
  // A command that exits 0 before ready has usually daemonized (pg_ctl start,
  // redis-server --daemonize yes): keep waiting on the probes, which decide.
  let leftAfterExit0: number | undefined;
  let waitEnded = false;
  const noteDaemonized = (waitingForProbes: boolean) => {
    const left = countLeftBehind(launched.pid, cookie, platform);
    leftAfterExit0 = left;
    emit({ type: 'daemonized', service: service.name, left, waitingForProbes });
  };
  const diedEarly = launched.exited.then((exit) => {
    // After ready it is no longer "early": `run` reports such an exit as a death.
    if (waitEnded) return new Promise<never>(() => {});
    if (exit.code !== 0 || exit.signal) return exit;
    noteDaemonized(probes.length > 0);
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
  let result = await waitUntilReady({
    probes: waitedOn,
    timeoutMs: service.timeoutMs,
    logFile,
    cwd: service.cwd,
    shell,
    env,
    until: diedEarly,
    signal: context.cancel,
    onProbePassed: (probe, ms) => {
      passed.add(probe.text);
      if (probes.length > 1) emit({ type: 'probe-passed', service: service.name, probe: probe.text, ms });
    },
  }).finally(() => {
    waitEnded = true;
    clearInterval(progress);
  });

  // The wrapper's exit file and the probes race: a command that daemonizes
  // (redis-server --daemonize yes) exits a moment before its server listens,
  // and one that crashes right after it bound its port exits a moment after;
  // on a busy machine the probe can pass before the exit is seen. So when the
  // probes pass, an exit that already happened is decided as if it had come
  // first: exit 0 is the daemon's fork, anything else a service that died
  // before it was ready. That exit is in the exit file, or on its way there
  // while the reaper wrapper has a child it has not reaped yet.
  if (result.outcome === 'ready' && leftAfterExit0 === undefined) {
    const exitAtReady = readExitFile(exitFile) ?? (launched.reaper ? await exitInFlight(exitFile, launched.pid, platform, context.cancel) : undefined);
    if (exitAtReady && (exitAtReady.code !== 0 || exitAtReady.signal)) result = { ...result, outcome: 'interrupted', value: exitAtReady, pending: [] };
    // Its probes have passed: nothing is left to wait for.
    else if (exitAtReady) noteDaemonized(false);
  }

  switch (result.outcome) {
    case 'ready': {
      const readyAt = Date.now();
      // Under a reaper wrapper a daemon that rewrote its environment is still in
      // the service's tree; a port holder outside it (docker-proxy for `docker
      // run -d -p`) is not the service's to kill, so adopt only without one.
      // What another service of this start serves is that service's to verify closed, not this one's.
      const listeners = listenTargetsOf(probes, service.cwd).filter((target) => !isBorrowed(target, borrowed));
      const adopted = launched.reaper ? [] : adoptPortHolders(service.name, listeners, record, cookie, context);
      const daemonized = leftAfterExit0 === undefined ? undefined : leftAfterExit0 > 0 || adopted.length > 0;
      await store.ready(service.name, { at: readyAt, listeners, adopted, exports: exports(), ...(daemonized === undefined ? {} : { daemonized }) });
      emit({
        type: 'ready',
        service: service.name,
        ms: readyAt - record.startedAt,
        probes: record.probes,
        settledMs: settling ? service.settleMs : undefined,
      });
      return true;
    }
    case 'interrupted': {
      const exit = result.value as { code: number | null; signal: string | null; atMs: number };
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      // From its exit, not from when bgsvc noticed it: the summary's "ran for" says the same.
      const after = formatDuration(Math.max(0, exit.atMs - record.startedAt));
      if (options.mayRelaunch && exit.code !== 0 && saysAddressInUse(logFile) && countLeftBehind(launched.pid, cookie, platform) === 0) {
        return 'address-in-use';
      }
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

/** The wrapper writes the exit file as soon as the command exits: a few ms, more on a loaded machine. */
const EXIT_IN_FLIGHT_MS = 1_000;
const EXIT_POLL_MS = 5;

// An exit the reaper wrapper has not recorded yet. The wrapper writes a
// command's exit file before it reaps it (reaper.ts), so from the moment the
// command starts to exit until its exit file exists, the wrapper has a child
// that is exiting or a zombie. While it has one (the command, or an orphan of
// it), wait, bounded, for the file; once it has none, the file says whether the
// command had exited. A wrapper that has not forked the command yet has no such
// child: a service without probes, ready at once, is not held up.
async function exitInFlight(exitFile: string, wrapper: number, platform: ProcessPlatform, cancel: AbortSignal): Promise<ExitRecord | undefined> {
  const deadline = monotonicMs() + EXIT_IN_FLIGHT_MS;
  while ((platform.childrenOf?.(wrapper)?.exiting ?? 0) > 0) {
    if (monotonicMs() >= deadline || cancel.aborted) break;
    await sleep(EXIT_POLL_MS);
    const exit = readExitFile(exitFile);
    if (exit) return exit;
  }
  return readExitFile(exitFile);
}

function adoptPortHolders(
  name: string,
  targets: ListenTarget[],
  record: ServiceRecord,
  cookie: Record<string, string>,
  context: LaunchContext,
): AdoptedRecord[] {
  const adopted = findTargetHolders({
    targets,
    cookie,
    runCookie: { BGSVC_ID: context.store.state.id },
    startedAfter: record.startTime,
    platform: context.platform,
    table: context.table,
  });
  if (adopted.length > 0) context.emit({ type: 'adopted', service: name, holders: adopted.map(({ pid, command }) => ({ pid, command })) });
  return adopted;
}
