// Every input, output and saved-state name of the action in one place, so
// action.yml, the edge and the tests cannot drift apart (actions/cache does the same).

export const INPUT = {
  services: 'services',
  config: 'config',
  workingDirectory: 'working-directory',
  run: 'run',
  name: 'name',
  waitOn: 'wait-on',
  waitFor: 'wait-for',
  logDir: 'log-dir',
  stopTimeout: 'stop-timeout',
  tail: 'tail',
  logOutput: 'log-output',
  logOutputIf: 'log-output-if',
  logOutputResume: 'log-output-resume',
  shutdown: 'shutdown',
  shutdownGrace: 'shutdown-grace',
} as const;

export const OUTPUT = {
  logDir: 'log-dir',
  stateFile: 'state-file',
  services: 'services',
  stdoutLog: 'stdout-log',
  stderrLog: 'stderr-log',
} as const;

/** What main hands to post through core.saveState (post reads it as STATE_<name>). */
export const SAVED = {
  stateDir: 'state-dir',
  postOptions: 'post-options',
  tailed: 'tailed',
} as const;

/** background-action's default deadline for `wait-for`. */
export const DEFAULT_WAIT_FOR_MS = 5 * 60_000;

/** Post prints at most this many lines of a log; the file keeps the rest. */
export const LOG_GROUP_MAX_LINES = 200;

/** Main shows this many lines of a failing service's log. */
export const FAILURE_TAIL_LINES = 20;
