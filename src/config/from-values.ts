// A Plan from plain values that were never config text: the action's short form
// builds them from its inputs. The same validation as a file gets, without the
// YAML parser (about 35 ms of the main step's start-up) and without positions,
// since there is no text to point into.

import { resolve } from 'node:path';
import { IssueCollector } from './issues.js';
import type { Environment, Plan, ShellLookup } from './types.js';
import { validateConfig } from './validate.js';

/** Validates `root` as a config; `source` names it in messages. Throws ConfigError. */
export function planFromValues(root: unknown, options: { source: string; cwd: string; shellExists?: ShellLookup; environment?: Environment }): Plan {
  const issues = new IssueCollector(options.source);
  const plan = validateConfig(root, { cwd: resolve(options.cwd), issues, shellExists: options.shellExists, environment: options.environment });
  if (!issues.isEmpty) throw issues.toError();
  return plan;
}
