import { isAbsolute, join, resolve } from 'node:path';

export interface StateLocation {
  stateDir: string;
  logDir: string;
}

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
  const base =
    options.stateDir ??
    env.BGSVC_STATE_DIR ??
    (env.GITLAB_CI === 'true' && env.CI_PROJECT_DIR ? join(env.CI_PROJECT_DIR, '.bgsvc') : join(cwd, '.bgsvc'));
  const stateDir = resolve(cwd, base);
  const logDir = options.logDir ? resolveFrom(cwd, options.logDir) : join(stateDir, 'logs');
  return { stateDir, logDir };
}

function resolveFrom(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
