import { randomHex } from '../random.js';
import { linkSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../sleep.js';
import { removeFile } from '../remove-file.js';
import { monotonicMs } from '../clock.js';

export interface LockHolder {
  pid: number;
  startTime: string;
}

export interface LockOptions {
  stateDir: string;
  /** Who we are, written into the lock so others can tell whether we still live. */
  self: LockHolder;
  /** Whether the recorded holder is still that process (pid and start time). */
  isAlive: (holder: LockHolder) => boolean;
  /** Give up waiting for a live holder after this long. */
  timeoutMs: number;
  /** Told once when we start waiting for another holder. */
  onWait?: (holder: LockHolder) => void;
}

const POLL_MS = 20;

// Two `stop`s at once (a post step and a manual stop, a retried after_script)
// must not both stop and report the same services: the second waits for the
// first, then finds nothing left to do. A lock whose holder died is stale.
export async function withStateLock<T>(options: LockOptions, work: () => Promise<T>): Promise<T> {
  const path = join(options.stateDir, 'lock');
  const deadline = monotonicMs() + options.timeoutMs;
  let told = false;
  for (;;) {
    const holder = tryAcquire(path, options.self);
    if (holder === undefined) break;
    if (!holder || !options.isAlive(holder)) {
      removeFile(path);
      continue;
    }
    if (monotonicMs() >= deadline) {
      throw new Error(`another bgsvc (pid ${holder.pid}) has held ${path} for over ${options.timeoutMs} ms`);
    }
    if (!told) options.onWait?.(holder);
    told = true;
    await sleep(POLL_MS);
  }
  try {
    return await work();
  } finally {
    removeFile(path);
  }
}

// undefined: acquired. null: a lock exists but is unreadable. Otherwise its holder.
// The lock appears with its content in one step (write a temp file, then
// link it): a reader never sees an empty lock and mistakes it for stale. The
// temp name is random and made with O_EXCL ('wx'), never through a planted file.
function tryAcquire(path: string, self: LockHolder): LockHolder | null | undefined {
  const temp = `${path}.${randomHex(8)}.tmp`;
  writeFileSync(temp, JSON.stringify(self), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, path);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    removeFile(temp);
  }
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : null;
  } catch {
    return null;
  }
}
