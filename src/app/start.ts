import { randomHex } from '../random.js';
import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import type { Plan, ServicePlan } from '../config/types.js';
import { incrementalSnapshots, type LaunchedService } from '../process/index.js';
import { assertSafeLocation, ensurePrivateDir, ServiceStore, type ReadonlyState, type StateLocation } from '../state/index.js';
import type { Deps } from './deps.js';
import type { LogDirProblem } from './events.js';
import { refreshEnvFile } from './env-file.js';
import { launchAndWait, type LaunchContext } from './launch-and-wait.js';
import { stopLeftovers } from './leftovers.js';
import { checkLogDir } from './preflight.js';
import { selectServices } from './select.js';
import { holdingStateLock } from './state-lock.js';
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
  | { ok: true; state: ReadonlyState }
  | { ok: false; state: ReadonlyState | undefined; aborted: boolean; failed: string[] };

// start: launch every selected service detached, record it on disk at once,
// and wait until each is ready. On any failure or cancel, stop what was started
// so a failed start never leaks (the logs stay for reading). The state dir's
// lock is held throughout, so a stop in between waits instead of racing it.
export async function startServices(options: StartOptions): Promise<StartResult> {
  const { location, deps } = options;
  // A usage mistake (--only naming no service) is reported before anything is made on disk.
  const services = selectServices(options.plan, options.only);
  assertSafeLocation(location, { create: true });
  return holdingStateLock(location.stateDir, deps, async () => {
    await stopLeftovers({ location, deps });
    const unusable = prepareDirs(location);
    if (unusable) {
      deps.emit({ type: 'log-dir-unusable', ...unusable });
      return { ok: false, state: undefined, aborted: false, failed: [] };
    }
    deps.emit({ type: 'config', source: options.plan.source, services: services.map((service) => service.name) });
    const store = ServiceStore.create({
      // BGSVC_ID: every process of this start carries it, so stop finds daemons too.
      id: randomHex(12),
      createdAt: Date.now(),
      stateDir: location.stateDir,
      logDir: location.logDir,
    });
    const launch = await launchInDependencyOrder(services, store, options);
    return launch.ok ? recordReady(store) : abandonStart(store, launch, options);
  });
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

type LaunchOutcome = { ok: true } | { ok: false; aborted: boolean; failed: string[] };

// Each service starts once everything it needs is ready; independent ones side
// by side. The first failure (or a cancel) aborts every wait still running.
async function launchInDependencyOrder(services: ServicePlan[], store: ServiceStore, options: StartOptions): Promise<LaunchOutcome> {
  const { deps } = options;
  const failFast = new AbortController();
  // Every service's wait listens on it (its probes too): Node warns of a leak past 10.
  setMaxListeners(0, failFast.signal);
  const onCancel = () => failFast.abort(options.signal?.reason);
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  const launched: LaunchedService[] = [];
  const failed: string[] = [];
  const context: LaunchContext = {
    store,
    emit: deps.emit,
    platform: deps.platform,
    baseEnv: deps.env,
    cancel: failFast.signal,
    onLaunched: (service) => launched.push(service),
    table: incrementalSnapshots(deps.platform),
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
    if (results.every(Boolean) && !failFast.signal.aborted) return { ok: true };
    return { ok: false, aborted: options.signal?.aborted ?? false, failed };
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
    // The services live on after this process exits; nothing of theirs may keep it alive.
    for (const service of launched) service.release();
  }
}

function recordReady(store: ServiceStore): StartResult {
  store.startFinished({ outcome: 'ready', failed: [], at: Date.now() });
  refreshEnvFile(store.state);
  return { ok: true, state: store.state };
}

// Recorded before the stop, so a later reader knows why these were stopped
// even if this process dies mid-stop; then everything started is stopped.
async function abandonStart(store: ServiceStore, launch: Extract<LaunchOutcome, { ok: false }>, options: StartOptions): Promise<StartResult> {
  const { aborted, failed } = launch;
  store.startFinished({ outcome: aborted && failed.length === 0 ? 'cancelled' : 'failed', failed: [...failed], at: Date.now() });
  options.deps.emit({ type: 'start-abandoned', cancelled: aborted, failed: [...failed] });
  await stopRecordedServices(store, { deps: options.deps });
  return { ok: false, state: store.state, aborted, failed };
}
