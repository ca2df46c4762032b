// Validation works on plain JS values; this maps a field path back to the YAML
// node it came from, so every issue can say line and column.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { FieldPath, PathSegment, Position, Target } from './field-path.js';

export class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The position of the path's node, or of the deepest ancestor that exists in the source. */
  locate(path: FieldPath, target: Target = 'value'): Position | undefined {
    let node: unknown = this.doc.contents;
    let pair: Pair | undefined;
    for (const segment of path) {
      const collection = this.resolve(node);
      const found = this.child(collection, segment);
      if (found === undefined) {
        // Not in the source (e.g. a merged key): the parent is the best place to point at.
        return this.position(collection);
      }
      node = found.node;
      pair = found.pair;
    }
    if (target === 'key' && pair !== undefined) return this.position(pair.key);
    // An empty value (`name:` with nothing) has no text of its own; point at its key.
    if (pair !== undefined && isEmpty(node)) return this.position(pair.key);
    return this.position(node);
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  private child(collection: unknown, segment: PathSegment): { node: unknown; pair?: Pair } | undefined {
    if (isSeq(collection) && typeof segment === 'number') {
      const item: unknown = collection.items[segment];
      return item === undefined ? undefined : { node: item };
    }
    if (isMap(collection)) {
      for (const pair of collection.items) {
        if (isPair(pair) && keyText(pair.key) === String(segment)) return { node: pair.value, pair };
      }
    }
    return undefined;
  }

  private position(node: unknown): Position | undefined {
    const range = (node as Node | null | undefined)?.range;
    if (range === undefined || range === null) return undefined;
    const { line, col } = this.lineCounter.linePos(range[0]);
    return { line, column: col };
  }
}

function isEmpty(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  const range = isScalar(node) ? node.range : undefined;
  return range !== undefined && range !== null && range[0] === range[1];
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
