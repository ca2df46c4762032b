// Where the CLI keeps its state: the environment's word, which only an edge reads.
import { isAbsolute, join, resolve } from 'node:path';
import type { StateLocation } from '../state/index.js';

// DESIGN §5: $BGSVC_STATE_DIR, else the GitLab project dir (after_script is a
// fresh shell in the same checkout), else .bgsvc in the working directory.
// The GitHub action passes its own per-step dir explicitly.
export function locateState(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stateDir?: string;
  logDir?: string;
}): StateLocation {
  const { cwd, env } = options;
  const chosen = options.stateDir ?? env.BGSVC_STATE_DIR;
  const base = chosen ?? (env.GITLAB_CI === 'true' && env.CI_PROJECT_DIR ? join(env.CI_PROJECT_DIR, '.bgsvc') : join(cwd, '.bgsvc'));
  const stateDir = resolve(cwd, base);
  const logDir = options.logDir ? resolveFrom(cwd, options.logDir) : join(stateDir, 'logs');
  const stateOrigin = chosen ? 'user' : 'default';
  // The default log dir sits in the state dir, so it was chosen with it.
  return { stateDir, logDir, origin: { stateDir: stateOrigin, logDir: options.logDir ? 'user' : stateOrigin }, cwd };
}

function resolveFrom(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
