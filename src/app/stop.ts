import { existsSync } from 'node:fs';
import { snapshotPerTurn, sweepByCookie, type ProcessPlatform } from '../process/index.js';
import { assertSafeLocation, readState, ServiceStore, type ReadonlyState, type ServiceRecord, type StateLocation } from '../state/index.js';
import { UsageError } from './errors.js';
import type { Deps } from './deps.js';
import { leftRunning, type Emit, type StopOutcome } from './events.js';
import { refreshEnvFile } from './env-file.js';
import { holdingStateLock } from './state-lock.js';
import { stopOneService } from './stop-service.js';

export interface StopReport {
  outcomes: Map<string, StopOutcome>;
  /** Something of ours could not be killed: the only stop problem that fails a job. */
  survivors: boolean;
  nothingToDo: boolean;
}

export interface StopOptions {
  /** Only these services; all when absent. */
  names?: string[];
  /** deps.env: what stop commands run on (the service's own env and BGSVC_* go on top). */
  deps: Deps;
}


// stop: read what start recorded and stop it. Idempotent: a second run, or a
// state whose processes are gone, is a clean no-op.
export async function stopFromState(location: StateLocation, options: StopOptions): Promise<StopReport> {
  assertSafeLocation(location, { create: false });
  if (!existsSync(location.stateDir)) return stopLocked(location, options);
  return holdingStateLock(location.stateDir, options.deps, () => stopLocked(location, options));
}

async function stopLocked(location: StateLocation, options: StopOptions): Promise<StopReport> {
  const { emit, platform } = options.deps;
  const read = readState(location.stateDir);
  if (read.kind === 'missing') {
    emit({ type: 'nothing-to-stop', reason: 'no-state-file', path: read.path });
    return emptyReport();
  }
  if (read.kind === 'invalid') {
    emit({
      type: 'state-unusable',
      path: read.path,
      problem: read.problem,
      ...(read.id ? { recovery: 'sweep', id: read.id } : { recovery: 'none' }),
    });
    if (read.id) await sweepLeaked(read.id, emit, platform);
    return emptyReport();
  }
  return stopRecordedServices(ServiceStore.of(read.state), options);
}

export async function stopRecordedServices(store: ServiceStore, options: StopOptions): Promise<StopReport> {
  const { emit, platform, env: baseEnv } = options.deps;
  const { state } = store;
  const chosen = chooseServices(state, options.names);
  const pending = chosen.filter((record) => record.stoppedAt === undefined);
  const report: StopReport = { outcomes: new Map(), survivors: false, nothingToDo: pending.length === 0 };

  // Services whose dependents are done stop side by side, from one table read.
  const sharedSnapshot = snapshotPerTurn(platform);
  // Reverse dependency order: a service stops only after everything that needs it.
  const done = new Map<string, Promise<void>>();
  const stopAfterDependents = (record: Readonly<ServiceRecord>): Promise<void> => {
    let promise = done.get(record.name);
    if (!promise) {
      const dependents = pending.filter((other) => other.needs.includes(record.name));
      promise = Promise.all(dependents.map(stopAfterDependents)).then(async () => {
        const outcome = await stopOneService(record, { store, emit, platform, sharedSnapshot, baseEnv });
        report.outcomes.set(record.name, outcome);
        const notGone = leftRunning(outcome);
        if (notGone) report.survivors = true;
        // Something of it still runs: the store keeps it unstopped, and the next
        // stop (or the next start's leftover check) tries again and says so again.
        await store.stopped(record.name, outcome, Date.now());
      });
      done.set(record.name, promise);
    }
    return promise;
  };
  await Promise.all(pending.map(stopAfterDependents));

  // The run-wide sweep once every service has had its stop (not after `stop api`
  // alone, which must leave the others' processes be).
  if (state.services.every((record) => record.stoppedAt !== undefined || report.outcomes.has(record.name))) {
    const leaked = await sweepLeaked(state.id, emit, platform);
    if (leaked !== 'none') report.nothingToDo = false;
    if (leaked === 'survivors') report.survivors = true;
    store.allStopped(Date.now());
  }
  if (report.nothingToDo) {
    emit({ type: 'nothing-to-stop', reason: 'all-stopped', path: state.stateDir });
  } else {
    refreshEnvFile(store.state);
  }
  return report;
}

function chooseServices(state: ReadonlyState, names: string[] | undefined): ReadonlyArray<Readonly<ServiceRecord>> {
  if (!names || names.length === 0) return state.services;
  return names.map((name) => {
    const record = state.services.find((service) => service.name === name);
    if (!record) {
      const known = state.services.map((service) => service.name).join(', ') || 'none';
      throw new UsageError(`no service named "${name}" was started from ${state.stateDir} (started: ${known})`);
    }
    return record;
  });
}

// Whatever still carries this start's cookie escaped every tree: kill it.
// Says what it found: nothing, everything killed, or survivors.
async function sweepLeaked(id: string, emit: Emit, platform: ProcessPlatform): Promise<'none' | 'killed' | 'survivors'> {
  const result = await sweepByCookie({ cookie: { BGSVC_ID: id }, signal: 'SIGKILL', graceMs: 0, platform, nameProcesses: true });
  if (result.found === 0) return 'none';
  const killed = result.survivors.length === 0;
  const listed = killed ? result.processes : result.survivors;
  emit({ type: 'leaked', processes: listed.map(({ pid, command }) => ({ pid, command })), killed });
  return killed ? 'killed' : 'survivors';
}

function emptyReport(): StopReport {
  return { outcomes: new Map(), survivors: false, nothingToDo: true };
}
