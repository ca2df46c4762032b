import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// True when `node <this file>` started the process (the runner's way), false
// when it was imported (@github/local-action imports the entry and calls run()).
export function isMainScript(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false;
  const modulePath = fileURLToPath(moduleUrl);
  // The runner's way, `node /…/dist/post.cjs`: Node made argv[1] absolute and
  // loaded that very file, so the paths match without asking the file system
  // (realpathSync's walk costs a step ~2 ms on a slow VM; issue 16).
  if (resolve(argv1) === modulePath) return true;
  try {
    // Through a symlink, or another script (local-action's) that imported this one.
    return realpathSync.native(argv1) === realpathSync.native(modulePath);
  } catch {
    return false;
  }
}

// The runner's way in: run the step, then make sure the process ends. Services
// are detached and released, but should any handle still hold the loop open,
// leave anyway: the runner waits for this process before the next step.
export async function runIfMainScript(moduleUrl: string, run: () => Promise<void>): Promise<void> {
  if (!isMainScript(moduleUrl)) return;
  await run();
  setTimeout(() => {
    process.stderr.write('bgsvc: an open handle kept this step alive; exiting anyway\n');
    process.exit();
  }, 3000).unref();
}
