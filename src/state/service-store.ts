// The one owner of a state file while a use case runs (DESIGN §7): every
// change to a service's story goes through a named transition here, and each
// transition is on disk before the caller goes on (batched within one turn of
// the event loop). Use cases read the state; only this changes it.
//
// A service's lifecycle, as these transitions write it:
//   launched → ready → stopping → stopped(outcome) | left running(outcome)
//   launched → start failed(reason) → stopping → stopped | left running
// and, for the whole start: its result (ready, failed with culprits, cancelled),
// then "all stopped" once every service is verified gone.
import { batchedStateWriter } from './batched-write.js';
import { leftRunning, type ServiceCost, type StartFailure, type StartResult, type StopOutcome } from './outcomes.js';
import type { ListenRecord, ServiceRecord, StateFile, AdoptedRecord } from './schema.js';
import { writeState } from './store.js';

export type ReadonlyState = Readonly<Omit<StateFile, 'services'>> & { readonly services: ReadonlyArray<Readonly<ServiceRecord>> };

export class ServiceStore {
  private readonly persist: () => Promise<void>;

  private constructor(
    private readonly file: StateFile,
    private readonly write: (state: StateFile) => void,
  ) {
    this.persist = batchedStateWriter(file, write);
  }

  /** A new start's state, on disk before anything is launched. */
  static create(fields: Pick<StateFile, 'id' | 'createdAt' | 'stateDir' | 'logDir'>, write: (state: StateFile) => void = writeState): ServiceStore {
    const store = new ServiceStore({ schema: 'bgsvc-state', version: 1, ...fields, complete: false, services: [] }, write);
    store.writeNow();
    return store;
  }

  /** A state read from disk (readState's `ok`), to stop or report on. */
  static of(state: StateFile, write: (state: StateFile) => void = writeState): ServiceStore {
    return new ServiceStore(state, write);
  }

  get state(): ReadonlyState {
    return this.file;
  }

  service(name: string): Readonly<ServiceRecord> | undefined {
    return this.file.services.find((record) => record.name === name);
  }

  /**
   * Its wrapper was spawned: recorded at once, so a crash of bgsvc from here on cannot lose it. `order`: config order, for reading.
   * A relaunch (its chosen port was taken before it could bind) replaces the first attempt, which exited leaving nothing.
   */
  launched(record: ServiceRecord, order: readonly string[]): Promise<void> {
    this.file.services = this.file.services.filter((entry) => entry.name !== record.name);
    this.file.services.push(record);
    this.file.services.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    return this.persist();
  }

  /** Its probes passed (or it outlived its settle time). */
  ready(
    name: string,
    found: { at: number; listeners: ListenRecord[]; adopted: AdoptedRecord[]; daemonized?: boolean; exports?: Record<string, string> },
  ): Promise<void> {
    const record = this.mutable(name);
    record.readyAt = found.at;
    if (found.exports !== undefined) record.exports = found.exports;
    if (found.listeners.length > 0) record.listeners = found.listeners;
    if (found.adopted.length > 0) record.adopted = found.adopted;
    if (found.daemonized !== undefined) record.daemonized = found.daemonized;
    return this.persist();
  }

  /** Its own start failed: it is a culprit. */
  startFailed(name: string, failure: StartFailure): Promise<void> {
    this.mutable(name).startFailure = failure;
    return this.persist();
  }

  /** How the whole start ended, written before anything is stopped because of it. */
  startFinished(result: StartResult): void {
    this.file.startResult = result;
    if (result.outcome === 'ready') this.file.complete = true;
    this.writeNow();
  }

  /** Bgsvc began stopping it: on disk before any signal, so a stop cut short never reads as a death during the job. */
  stopping(name: string, at: number): Promise<void> {
    this.mutable(name).stoppingAt = at;
    return this.persist();
  }

  /** What its processes cost, measured by its stop (before the outcome is recorded). */
  costMeasured(name: string, cost: ServiceCost): Promise<void> {
    this.mutable(name).cost = cost;
    return this.persist();
  }

  /** How its stop ended. Something left running keeps it unstopped: the next stop tries again and says so again. */
  stopped(name: string, outcome: StopOutcome, at: number): Promise<void> {
    const record = this.mutable(name);
    record.stopOutcome = outcome;
    if (leftRunning(outcome)) {
      record.stopFailed = true;
    } else {
      record.stoppedAt = at;
      delete record.stopFailed;
    }
    return this.persist();
  }

  /** Every service is verified gone: the run is over. */
  allStopped(at: number): void {
    if (this.file.stoppedAt !== undefined || !this.file.services.every((record) => record.stoppedAt !== undefined)) return;
    this.file.stoppedAt = at;
    this.writeNow();
  }

  private mutable(name: string): ServiceRecord {
    const record = this.file.services.find((entry) => entry.name === name);
    if (!record) throw new Error(`bgsvc: no service "${name}" in ${this.file.stateDir}`);
    return record;
  }

  private writeNow(): void {
    this.write(this.file);
  }
}
