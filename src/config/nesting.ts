// Nesting depth, measured on the parser's token tree before any of it is
// composed. Composing recurses once per level: a few hundred levels of `[` or
// `- ` in a 64 KB file overflow the stack, and near the stack limit V8 may
// abort the whole process (a fatal "out of memory" while compiling a regex)
// instead of throwing. The token tree is built iteratively, so measuring it is safe.

import type { CST } from 'yaml';

/** A config is 5-7 levels deep (document, commands, service, wait-on, probe, headers). */
export const MAX_NESTING = 64;

/** The offset of the first collection nested deeper than `MAX_NESTING`, or undefined. */
export function findTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > MAX_NESTING) return token.offset;
        for (const item of token.items) {
          if (item.key) stack.push([item.key, depth + 1]);
          if (item.value) stack.push([item.value, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}
