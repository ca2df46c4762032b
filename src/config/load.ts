// Finds the config (explicit file, inline input text, or a well-known file name
// in the working directory) and hands its text to parseConfig.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { configErrorAt } from './errors.js';
import { parseConfig } from './parse.js';
import { readConfigFile } from './read-file.js';
import { CONFIG_FILE_NAMES, type Environment, type Plan, type ShellLookup } from './types.js';

export { CONFIG_FILE_NAMES };

/** Tried in this order when neither a file nor inline text is given (DESIGN §2). */

export interface LoadConfigOptions {
  /** The directory bgsvc runs in: relative `file` and service `cwd` values resolve against it. */
  cwd: string;
  /** An explicit config file (`--config`, the action's `config:` input). */
  file?: string;
  /** Config text given inline (the action's `services:` input). */
  inlineText?: string;
  /** How inline text is named in messages, e.g. `input "services"`. */
  inlineLabel?: string;
  /** Checks each configured `shell:`; the edges pass one that searches their PATH. */
  shellExists?: ShellLookup;
  /** The environment services inherit, for $VAR in probe targets and `export:` values; the edges pass it. */
  environment?: Environment;
}

/**
 * Reads and validates the config from the first place that has one. An empty
 * `file` or `inlineText` counts as not given: CI inputs that are unset read as "".
 */
export function loadConfig(options: LoadConfigOptions): Plan {
  const cwd = resolve(options.cwd);
  if (options.file !== undefined && options.file !== '') {
    const file = resolve(cwd, options.file);
    return parseConfig(readConfigFile(file, options.file), { source: options.file, cwd, file, shellExists: options.shellExists, environment: options.environment });
  }
  if (options.inlineText !== undefined && options.inlineText !== '') {
    return parseConfig(options.inlineText, { source: options.inlineLabel ?? 'inline config', cwd, shellExists: options.shellExists, environment: options.environment });
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = resolve(cwd, name);
    if (isFile(path)) return parseConfig(readConfigFile(path, name), { source: name, cwd, file: path, shellExists: options.shellExists, environment: options.environment });
  }
  const names = CONFIG_FILE_NAMES.join(', ');
  throw configErrorAt(cwd, `no config found: looked for ${names} in this directory; create one, or point to a file with --config (the action's "config" input)`);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
