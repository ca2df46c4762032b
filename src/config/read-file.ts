// Reads one config file from disk: the main config, or a file it includes.

import { readFileSync, statSync } from 'node:fs';
import { decodeConfig } from './encoding.js';
import { ConfigError, configErrorAt } from './errors.js';

/**
 * A config lists a few services; past this size it is a mistake (a log or a
 * binary passed with --config), and the YAML parser needs ~3 ms per KB of
 * adversarial input (deep nesting, an error per character).
 */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** The file's text; `source` names it in messages. The size is checked before reading, so a huge file costs nothing. */
export function readConfigFile(path: string, source: string): string {
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

export function tooLargeError(source: string, bytes: number): ConfigError {
  return configErrorAt(source, `the config is ${formatSize(bytes)}; at most ${formatSize(MAX_CONFIG_BYTES)} is accepted (is this the right file?)`);
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
