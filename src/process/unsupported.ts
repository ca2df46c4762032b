import type { ProcessPlatform } from './types.js';

// Windows (and anything else untested) gets a platform that refuses every call,
// so a failure names the cause instead of half-working. A `taskkill /T`-based
// implementation can replace this behind the same interface.
export function createUnsupportedPlatform(name: string): ProcessPlatform {
  const refuse = (): never => {
    throw new Error(`bgsvc: process control is unsupported on ${name} (Linux and macOS only)`);
  };
  return {
    snapshot: refuse,
    findByEnv: refuse,
    isAlive: refuse,
    hasEnv: refuse,
    startTimeOf: refuse,
    findListeners: refuse,
    findSocketListeners: refuse,
  };
}
