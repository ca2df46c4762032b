import { randomHex } from '../random.js';
import { statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogDirProblem } from './events.js';
import { removeFile } from '../remove-file.js';

/** Less than this free in the log dir and services would lose their output. */
const MIN_FREE_BYTES = 1024 * 1024;

// A service whose log cannot be written runs blind, and its failure cannot be
// shown; better to refuse before starting anything (nothing to clean up then).
export function checkLogDir(logDir: string): LogDirProblem | undefined {
  // A random name made with O_EXCL ('wx'): in a shared sticky log dir, a name
  // another user could guess could be a symlink they planted.
  const probe = join(logDir, `.bgsvc-write-test-${randomHex(8)}`);
  try {
    writeFileSync(probe, 'ok', { mode: 0o600, flag: 'wx' });
    removeFile(probe);
  } catch (error) {
    return { kind: 'not-writable', code: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  try {
    const stats = statfsSync(logDir);
    const free = stats.bavail * stats.bsize;
    if (free < MIN_FREE_BYTES) {
      return { kind: 'low-space', freeKiB: Math.floor(free / 1024) };
    }
  } catch {
    // statfs unsupported here: the write test above is all we can do.
  }
  return undefined;
}
