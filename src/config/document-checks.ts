// Checks on the parsed YAML document before it becomes plain values: aliases
// without an anchor, and duplicate keys. Both in one linear pass; the YAML
// library's own duplicate-key check compares every key with every other, and
// a 64 KB mapping of short keys took seconds.

import { isAlias, isMap, isScalar, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigIssue } from './errors.js';

type LocatedIssue = Omit<ConfigIssue, 'source'>;

export function documentIssues(doc: Document, lineCounter: LineCounter): LocatedIssue[] {
  const anchors = new Set<string>();
  const issues: LocatedIssue[] = [];
  const at = (node: Node | null | undefined, message: string) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    issues.push({ line, column: col, path: '', message });
  };
  try {
    visit(doc, {
      Node(_key, node) {
        // The parser accepts `*name` without an `&name` before it and only fails
        // while converting, without a position.
        if (isAlias(node)) {
          if (!anchors.has(node.source)) at(node, `*${node.source} refers to no anchor: an alias needs an "&${node.source}" earlier in the file`);
          return;
        }
        if (node.anchor !== undefined) anchors.add(node.anchor);
        if (!isMap(node)) return;
        const keys = new Set<string>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          // Keys become strings in the plain value, so 1 and "1" are the same key.
          const key = String(pair.key.value);
          if (keys.has(key)) at(pair.key, `syntax error: duplicate key ${JSON.stringify(key)}; a key may appear only once in a mapping`);
          keys.add(key);
        }
      },
    });
  } catch (error) {
    // The walk recurses; nesting is capped before this (nesting.ts), so this is a backstop.
    if (!(error instanceof RangeError)) throw error;
    return [{ path: '', message: 'the document is nested too deeply to read' }];
  }
  return issues;
}
