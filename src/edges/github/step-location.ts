// Where this use of the action keeps its state and logs, from the environment
// and two inputs alone (working-directory, log-dir): known before the config
// is read, so the log-dir and state-file outputs are set even when the config
// or another input is wrong, and upload-artifact always gets a path.
import { join, resolve } from 'node:path';
import type { StateLocation } from '../../state/index.js';
import { INPUT } from './constants.js';
import { chooseStateDir } from './state-dir.js';

export function locateStep(getInput: (name: string) => string, options: { env: NodeJS.ProcessEnv; cwd: string }): StateLocation & { cwd: string } {
  // The same resolution as readMainSettings, which also checks that this directory exists.
  const cwd = resolve(options.cwd, getInput(INPUT.workingDirectory).trim() || '.');
  const stateDir = chooseStateDir(options.env, cwd);
  const stateOrigin = options.env.BGSVC_STATE_DIR ? 'user' : 'default';
  // Any text is a path; whether bgsvc may use it (owned by this user, not
  // writable by others) is checked when the services start.
  const logDirInput = getInput(INPUT.logDir).trim();
  return {
    stateDir,
    logDir: logDirInput ? resolve(cwd, logDirInput) : join(stateDir, 'logs'),
    origin: { stateDir: stateOrigin, logDir: logDirInput ? 'user' : stateOrigin },
    cwd,
  };
}
