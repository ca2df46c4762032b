// Config text (YAML or JSON) to a validated Plan, or a ConfigError listing every problem.

import { resolve } from 'node:path';
import { Composer, LineCounter, Parser, YAMLParseError, type Document } from 'yaml';
import { documentIssues } from './document-checks.js';
import { ConfigError, configErrorAt, type ConfigIssue } from './errors.js';
import { IssueCollector } from './issues.js';
import { findTooDeep, MAX_NESTING } from './nesting.js';
import { Locator } from './positions.js';
import { syntaxIssues } from './syntax.js';
import type { Environment, Plan, ShellLookup } from './types.js';
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
export function parseConfig(text: string, options: { source: string; cwd: string; shellExists?: ShellLookup; environment?: Environment }): Plan {
  const { source } = options;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);
  if (text.trim() === '' || isOnlyComments(text)) throw emptyError(source);

  const nul = nulByteIssue(text);
  if (nul !== undefined) throw new ConfigError([{ source, ...nul }]);

  const lineCounter = new LineCounter();
  const doc = parseYaml(text, lineCounter, source);
  const issues = new IssueCollector(source, new Locator(doc, lineCounter));
  const syntax = [...syntaxIssues(doc, lineCounter, text), ...documentIssues(doc, lineCounter)];
  if (syntax.length > 0) {
    for (const issue of syntax) issues.addLocated(issue);
    throw issues.toError();
  }

  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw configErrorAt(source, describeToJsError(error), error);
  }
  if (root === null || root === undefined) throw emptyError(source);

  const plan = validateConfig(root, { cwd: resolve(options.cwd), issues, shellExists: options.shellExists, environment: options.environment });
  if (!issues.isEmpty) throw issues.toError();
  return plan;
}

function parseYaml(text: string, lineCounter: LineCounter, source: string): Document {
  // The parser makes an Error per problem, and garbage input has one per character;
  // capturing a stack trace for each made 64 KB of "]" take a second. Restored below.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // parseDocument's two steps, with the depth check between them (see nesting.ts).
    const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    const tooDeep = findTooDeep(tokens);
    if (tooDeep !== undefined) {
      const { line, col } = lineCounter.linePos(tooDeep);
      const message = `syntax error: nested more than ${MAX_NESTING} levels deep (a config needs a handful)`;
      throw new ConfigError([{ source, line, column: col, path: '', message }]);
    }
    // prettyErrors off: messages stay one line; positions come from the LineCounter.
    // uniqueKeys off: documentIssues finds duplicates in linear time.
    const composer = new Composer({ prettyErrors: false, merge: true, uniqueKeys: false });
    const [doc, extra] = composer.compose(tokens, true, text.length);
    if (doc === undefined) throw new Error('the YAML composer returned no document');
    if (extra !== undefined) doc.errors.push(new YAMLParseError([extra.range[0], extra.range[1]], 'MULTIPLE_DOCS', 'multiple documents'));
    return doc;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // The parser reports its own failures as errors; this is for anything it throws anyway.
    throw configErrorAt(source, `cannot parse: ${error instanceof Error ? error.message : String(error)}`, error);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

// YAML allows no NUL, and no command, path or environment variable can hold
// one: a NUL means a binary or UTF-16 file, so say that rather than list syntax errors.
function nulByteIssue(text: string): Omit<ConfigIssue, 'source'> | undefined {
  const offset = text.indexOf('\0');
  if (offset < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(0, lineStart).split('\n').length;
  return {
    line,
    column: offset - lineStart + 1,
    path: '',
    message: 'contains a NUL byte; a config is text (is this a binary or UTF-16 file? save it as UTF-8)',
  };
}

// After the alias check above, conversion fails only on an alias bomb, on a
// merge (`<<`) of something that is not a mapping, or on nesting too deep.
function describeToJsError(error: unknown): string {
  if (error instanceof ReferenceError) return `too many alias (*anchor) expansions; the limit is ${MAX_ALIAS_COUNT}`;
  if (error instanceof RangeError) return 'the document is nested too deeply to read';
  const detail = error instanceof Error ? error.message : String(error);
  return `cannot read the document: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`;
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
