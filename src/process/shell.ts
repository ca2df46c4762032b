import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { ShellLookup } from '../config/types.js';

// Finds an executable on PATH without spawning anything (start-up cost matters).
export function findOnPath(command: string, pathVar: string): string | undefined {
  if (command.includes('/')) return isExecutable(command) ? command : undefined;
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// The contract's default shell: bash if present on the services' PATH, else sh.
export function resolveShell(configured: string | undefined, pathVar: string | undefined): string {
  if (configured) return configured;
  return findOnPath('bash', pathVar ?? '') ?? '/bin/sh';
}

// Config validation's `shell:` check, answered from the PATH the services will
// inherit (or the one a service's own env sets); a relative path is the service's cwd's.
export function shellLookup(inheritedPath: string | undefined): ShellLookup {
  return (shell, { cwd, path }) => findOnPath(shell.includes('/') ? resolve(cwd, shell) : shell, path ?? inheritedPath ?? '') !== undefined;
}
