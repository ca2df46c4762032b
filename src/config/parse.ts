// Config text (YAML or JSON) to a validated Plan, or a ConfigError listing every problem.

import { resolve } from 'node:path';
import { parseDocument } from './document.js';
import { configErrorAt, type ConfigError } from './errors.js';
import { loadIncludes } from './include.js';
import { MAX_CONFIG_BYTES, tooLargeError } from './read-file.js';
import type { Environment, Plan, ShellLookup } from './types.js';
import { validateConfig } from './validate.js';

export { MAX_CONFIG_BYTES, tooLargeError };

export interface ParseOptions {
  /** Names the config in messages: the path as the user wrote it, or a label such as `input "services"`. */
  source: string;
  /** The working directory: service `cwd` values resolve against it, and no included file may lie outside it. */
  cwd: string;
  /** The config file's absolute path, which its `include:` entries are relative to; inline text's are relative to `cwd`. */
  file?: string;
  shellExists?: ShellLookup;
  /** The environment services inherit, for $VAR in probe targets and `export:` values. */
  environment?: Environment;
}

/** Parses and validates config text; `source` names it in messages. Throws ConfigError. */
export function parseConfig(text: string, options: ParseOptions): Plan {
  const { source } = options;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  if (text.trim() === '' || isOnlyComments(text)) throw emptyError(source);
  const { root, issues } = parseDocument(text, source);
  if (root === null || root === undefined) throw emptyError(source);

  const cwd = resolve(options.cwd);
  const included = loadIncludes(root, { issues, cwd, file: options.file === undefined ? undefined : resolve(cwd, options.file) });
  const plan = validateConfig(root, { cwd, issues, shellExists: options.shellExists, environment: options.environment, included });
  if (!issues.isEmpty) throw issues.toError();
  return plan;
}

function isOnlyComments(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(?:#.*)?$/.test(line));
}

function emptyError(source: string): ConfigError {
  return configErrorAt(
    source,
    'the config is empty: expected a "commands:" list of services, each with a name and a command',
  );
}
