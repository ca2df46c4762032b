// Temp dirs made by tests. They are removed once the file's tests pass and kept
// (and named) when one fails, so the logs in them can be read. Without this a
// full run left ~1 GB in /tmp (the fault matrix's log-filling rows) and repeated
// runs filled the disk, which then failed unrelated tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh dir under the system temp dir, named `bgsvc-<name>-XXXXXX`, removed after the file. */
export function scratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bgsvc-${name}-`));
  made.push(dir);
  return dir;
}

/** How many dirs exist so far: pass it to `removeScratch` to remove only the ones made after. */
export function scratchMark(): number {
  return made.length;
}

/** Removes the dirs made since `mark`; they are forgotten either way. */
export function removeScratch(mark = 0): void {
  for (const dir of made.splice(mark)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Forgets the dirs made since `mark` without removing them, and returns them. */
export function keepScratch(mark = 0): string[] {
  return made.splice(mark);
}
