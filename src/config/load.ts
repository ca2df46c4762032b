// Finds the config (explicit file, inline input text, or a well-known file name
// in the working directory) and hands its text to parseConfig.

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeConfig } from './encoding.js';
import { ConfigError, configErrorAt } from './errors.js';
import { MAX_CONFIG_BYTES, parseConfig, tooLargeError } from './parse.js';
import { CONFIG_FILE_NAMES, type Plan, type ShellLookup, type Environment } from './types.js';

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
    return parseConfig(readConfigFile(resolve(cwd, options.file), options.file), { source: options.file, cwd, shellExists: options.shellExists, environment: options.environment });
  }
  if (options.inlineText !== undefined && options.inlineText !== '') {
    return parseConfig(options.inlineText, { source: options.inlineLabel ?? 'inline config', cwd, shellExists: options.shellExists, environment: options.environment });
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = resolve(cwd, name);
    if (isFile(path)) return parseConfig(readConfigFile(path, name), { source: name, cwd, shellExists: options.shellExists, environment: options.environment });
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

// The size is checked before reading, so a huge file costs nothing.
function readConfigFile(path: string, source: string): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw configErrorAt(source, `is a directory, not a config file (${path})`);
    size = stats.size;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw configErrorAt(source, describeReadError(error, path), error);
  }
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw configErrorAt(source, describeReadError(error, path), error);
  }
  return decodeConfig(bytes, source);
}

function describeReadError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `config file not found (looked at ${path})`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read the config file: permission denied (${path})`;
  return `cannot read the config file ${path}: ${error instanceof Error ? error.message : String(error)}`;
}
