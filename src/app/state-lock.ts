import { withStateLock } from '../state/index.js';
import type { Deps } from './deps.js';

/**
 * A stop may wait out every grace period of another, and a start every
 * deadline of its services; past this, something is wrong and the waiter says so.
 */
const LOCK_TIMEOUT_MS = 5 * 60_000;

// Every path that changes a state dir (start, stop, run's start and its stop)
// holds its lock: two of them at once would each stop, record and report the
// same services. A lock whose holder died (killed outright) is stale, and taken.
export function holdingStateLock<T>(stateDir: string, deps: Deps, work: () => Promise<T>): Promise<T> {
  const { platform, emit } = deps;
  return withStateLock(
    {
      stateDir,
      self: { pid: process.pid, startTime: platform.startTimeOf(process.pid) ?? '' },
      isAlive: (holder) => platform.isAlive(holder.pid, holder.startTime || undefined),
      timeoutMs: LOCK_TIMEOUT_MS,
      onWait: (holder) => emit({ type: 'waiting-for-lock', pid: holder.pid }),
    },
    work,
  );
}
