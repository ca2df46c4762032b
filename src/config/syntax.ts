// YAML (and JSON, parsed by the same library) syntax errors as ConfigIssues, with
// the library's line and column and a hint where its wording is obscure.

import type { Document, LineCounter, YAMLError } from 'yaml';
import type { ConfigIssue } from './errors.js';

/** One issue per line: after the first error on a line the rest are usually echoes of it. */
export function syntaxIssues(doc: Document, lineCounter: LineCounter, text: string): Omit<ConfigIssue, 'source'>[] {
  const looksLikeJson = /^\s*[[{]/.test(text);
  const seenLines = new Set<number>();
  const issues: Omit<ConfigIssue, 'source'>[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    // In JSON an unexpected value is nearly always a missing comma before it.
    const hint = looksLikeJson && error.code === 'UNEXPECTED_TOKEN' ? ' (is a "," missing before it?)' : '';
    issues.push({ line, column: col, path: '', message: `syntax error: ${describeYamlError(error, text)}${hint}` });
  }
  return issues;
}

function describeYamlError(error: YAMLError, text: string): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `duplicate key ${JSON.stringify(keyAt(text, error.pos[0]))}; a key may appear only once in a mapping`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `${lowerFirst(error.message)}; quote a value that contains ": " (for example wait-on: "log: Listening on")`;
    case 'MULTIPLE_DOCS':
      return 'the config must be a single YAML document; remove the extra "---"';
    case 'RESOURCE_EXHAUSTION':
      return 'the document is nested too deeply to parse';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed as indentation in YAML; indent with spaces';
    default:
      return lowerFirst(error.message);
  }
}

// The library points at the duplicate key but does not name it.
function keyAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const line = text.slice(offset, end === -1 ? undefined : end);
  const key = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^:]*?))\s*:/.exec(line);
  return key?.[1] ?? key?.[2] ?? key?.[3] ?? line.trim();
}

function lowerFirst(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message[0]?.toLowerCase() + message.slice(1) : message;
}
