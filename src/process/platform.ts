// The one OS boundary of process/: everything that reads the process table or
// asks "who is this pid" goes through a ProcessPlatform, so a Windows
// (`taskkill /T`) implementation can slot in without touching the stop logic.
import { createDarwinPlatform } from './darwin.js';
import { createLinuxPlatform } from './linux.js';
import { createUnsupportedPlatform } from './unsupported.js';

export type { ProcessInfo, ProcessPlatform, ProcessSnapshot } from './types.js';
import type { ProcessPlatform } from './types.js';

let cached: ProcessPlatform | undefined;

// Chosen on first use, not at module load (nothing runs at import time).
export function currentPlatform(): ProcessPlatform {
  cached ??= createPlatform(process.platform);
  return cached;
}

function createPlatform(name: NodeJS.Platform): ProcessPlatform {
  if (name === 'linux') return createLinuxPlatform();
  if (name === 'darwin') return createDarwinPlatform();
  return createUnsupportedPlatform(name);
}

// Launching needs /bin/sh and a POSIX process model; refuse before spawning anything.
export function assertProcessControlSupported(name: NodeJS.Platform = process.platform): void {
  if (name !== 'linux' && name !== 'darwin') {
    throw new Error(`bgsvc: process control is unsupported on ${name} (Linux and macOS only)`);
  }
}
