// Text to one YAML or JSON document as a plain value, with a collector that
// points into that text: the main config and each file it includes.

import { Composer, LineCounter, Parser, YAMLParseError, type Document } from 'yaml';
import { documentIssues } from './document-checks.js';
import { ConfigError, configErrorAt, type ConfigIssue } from './errors.js';
import { IssueCollector } from './issues.js';
import { findTooDeep, MAX_NESTING } from './nesting.js';
import { Locator } from './positions.js';
import { MAX_CONFIG_BYTES, tooLargeError } from './read-file.js';
import { syntaxIssues } from './syntax.js';

// Anchors are handy for shared env blocks; a billion-laughs document is not.
const MAX_ALIAS_COUNT = 100;

/**
 * One YAML or JSON document as a plain value, with a collector that locates
 * its fields in this text. Throws ConfigError when the text cannot be read as
 * a document at all (too large, a NUL byte, syntax errors).
 */
export function parseDocument(text: string, source: string): { root: unknown; issues: IssueCollector } {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_CONFIG_BYTES) throw tooLargeError(source, size);

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

  try {
    return { root: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), issues };
  } catch (error) {
    throw configErrorAt(source, describeToJsError(error), error);
  }
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
