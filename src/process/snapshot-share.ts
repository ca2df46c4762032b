// Stops that begin together read the process table once. Stopping 50
// services side by side would otherwise read it 50 times in a row (each read
// a stat file, and an environment, per process), before the first signal of
// the last service: about 7 ms a service here.
import type { ProcessPlatform, ProcessSnapshot } from './types.js';

/**
 * A source of snapshots shared by every caller in one turn of the event
 * loop; the next turn reads afresh. Stops started from one `Promise.all`
 * begin in the same turn, so they all get the same table, at most as old as
 * that turn's synchronous work (terminate re-checks each pid before it signals).
 */
export function snapshotPerTurn(platform: ProcessPlatform): () => ProcessSnapshot {
  let current: ProcessSnapshot | undefined;
  return () => {
    if (!current) {
      current = platform.snapshot();
      setImmediate(() => {
        current = undefined;
      }).unref();
    }
    return current;
  };
}

/**
 * A fresh table on every call, each read from the one before it, so only
 * processes created since cost a /proc read (see linux-snapshot.ts).
 */
export function incrementalSnapshots(platform: ProcessPlatform): () => ProcessSnapshot {
  let last: ProcessSnapshot | undefined;
  return () => {
    last = platform.snapshot(last);
    return last;
  };
}
