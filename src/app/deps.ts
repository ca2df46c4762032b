import type { ProcessPlatform } from '../process/index.js';
import type { Emit } from './events.js';

/**
 * What a use case needs from the world: one required object, built at the
 * edge from what entries/ hands it (DESIGN §7). The core reads no environment
 * but `env`, sees processes only through `platform`, and says what happened
 * only through `emit`.
 */
export interface Deps {
  platform: ProcessPlatform;
  /** The environment services, their stop commands and `run`'s command inherit. */
  env: NodeJS.ProcessEnv;
  emit: Emit;
}
