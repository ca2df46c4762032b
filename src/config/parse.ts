// Config text (YAML or JSON) to a validated Plan, or a ConfigError listing every problem.

import { resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError, configErrorAt } from './errors.js';
import { IssueCollector } from './issues.js';
import { Locator } from './positions.js';
import { syntaxIssues } from './syntax.js';
import type { Plan } from './types.js';
import { validateConfig } from './validate.js';

/**
 * A config lists a few services; past this size it is a mistake (a log or a
 * binary passed with --config), and the YAML parser needs ~3 ms per KB of
 * adversarial input (deep nesting, an error per character).
 */
export const MAX_CONFIG_BYTES = 64 * 1024;

// Anchors are handy for shared env blocks; a billion-laughs document is not.
const MAX_ALIAS_COUNT = 100;

/** Parses and validates config text; `source` names it in messages. Throws ConfigError. */
export function parseConfig(text: string, options: { source: string; cwd: string }): Plan {
  const { source } = options;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  if (text.trim() === '' || isOnlyComments(text)) throw emptyError(source);

  const lineCounter = new LineCounter();
  const doc = parseYaml(text, lineCounter, source);
  const issues = new IssueCollector(source, new Locator(doc, lineCounter));
  const syntax = syntaxIssues(doc, lineCounter, text);
  if (syntax.length > 0) {
    for (const issue of syntax) issues.addLocated(issue);
    throw issues.toError();
  }

  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw configErrorAt(source, `too many alias (*anchor) expansions; the limit is ${MAX_ALIAS_COUNT}`, error);
  }
  if (root === null || root === undefined) throw emptyError(source);

  const plan = validateConfig(root, { cwd: resolve(options.cwd), issues });
  if (!issues.isEmpty) throw issues.toError();
  return plan;
}

function parseYaml(text: string, lineCounter: LineCounter, source: string): Document {
  // The parser makes an Error per problem, and garbage input has one per character;
  // capturing a stack trace for each made 64 KB of "]" take a second. Restored below.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // prettyErrors off: messages stay one line; positions come from the LineCounter.
    return parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true });
  } catch (error) {
    // The parser reports its own failures as errors; this is for anything it throws anyway.
    throw configErrorAt(source, `cannot parse: ${error instanceof Error ? error.message : String(error)}`, error);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
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

export function tooLargeError(source: string, bytes: number): ConfigError {
  return configErrorAt(source, `the config is ${formatSize(bytes)}; at most ${formatSize(MAX_CONFIG_BYTES)} is accepted (is this the right file?)`);
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
