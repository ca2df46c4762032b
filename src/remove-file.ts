import { unlinkSync } from 'node:fs';

/**
 * Removes one file if it is there (rmSync with force, for a file). unlink, not
 * rmSync: rmSync loads Node's recursive-removal module on first use, which
 * costs each action step about as much as the removal itself (issue 16).
 */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
