import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// True when `node <this file>` started the process (the runner's way), false
// when it was imported (@github/local-action imports the entry and calls run()).
export function isMainScript(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
