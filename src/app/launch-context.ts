// What every service's launch in one start shares: the store, the emitter, the
// platform, the cancel signal and the bookkeeping of what was launched. Its own
// module so a task's wait (task.ts) and the launch (launch-and-wait.ts) can both
// name it without importing each other.
import type { LaunchedService, ProcessPlatform, ProcessSnapshot } from '../process/index.js';
import type { ServiceStore } from '../state/index.js';
import type { Emit } from './events.js';

export interface LaunchContext {
  /**
   * The state's owner. Its transitions write the state file once at the end
   * of this turn of the event loop, for every service launched or ready in
   * it: before any probe runs and before anything is reported. 50 writes, one
   * per launch, cost 300 ms on a busy machine (ext4 flushes on each rename).
   */
  store: ServiceStore;
  emit: Emit;
  platform: ProcessPlatform;
  baseEnv: NodeJS.ProcessEnv;
  cancel: AbortSignal;
  onLaunched: (service: LaunchedService) => void;
  onFailed: (name: string) => void;
  /** The process table now, read incrementally across services. */
  table: () => ProcessSnapshot;
  /** Service names in config order. */
  order: string[];
}
