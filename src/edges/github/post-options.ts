// What post needs from main's inputs, in a module of its own: post reads it
// without importing the input parsing (and through it the YAML parser) that
// only main runs.
import type { LogCondition } from './log-policy.js';

/** What post needs from main's inputs, handed over with saveState. */
export interface PostOptions {
  logOutputIf: LogCondition[];
  /** `log-output`: false turns post's log groups off whatever log-output-if says. */
  logOutput: boolean;
  /** `log-output-resume`: post starts each log where main's tail stopped. */
  resume: boolean;
}

export const DEFAULT_POST_OPTIONS: PostOptions = { logOutputIf: ['failure'], logOutput: true, resume: false };
