// Stopping 50 services records each one as it finishes; writing the state
// file (write + rename) for each cost 40 ms of a 500 ms budget. Writes asked
// for in one turn of the event loop become one write at its end.
import type { StateFile } from './schema.js';
import { writeState } from './store.js';

/**
 * Returns `persist`: every call in one turn resolves once a single write that
 * follows all of them has landed, and rejects if it failed, so the caller
 * sees the error where it asked for the write.
 */
export function batchedStateWriter(state: StateFile, write: (state: StateFile) => void = writeState): () => Promise<void> {
  let next: Promise<void> | undefined;
  return () => {
    next ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        next = undefined;
        try {
          write(state);
          resolve();
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    return next;
  };
}
