// A field's path inside a config (`commands[1].wait-on[0]`) and a position in
// its text. Kept apart from positions.ts, which needs the YAML parser: a plan
// built from plain values (the action's short form) never loads it.

export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

/** `commands[1].wait-on[0]`; keys that are not plain words are bracketed: `env["A B"]`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export interface Position {
  line: number;
  column: number;
}

/** Where to point: the value at the path, or the key that introduces it. */
export type Target = 'value' | 'key';
