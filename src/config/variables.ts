// `$VAR` and `${VAR}` in probe targets and `export:` values, expanded from the
// service's environment. Not a shell: no defaults, no commands, no globbing;
// `$$` is a literal `$`, and a `$` followed by neither a name nor `{` stays as
// written (a URL's `?a=$` is left alone). An unknown name is an error, never
// an empty string: `http://127.0.0.1:$PROT/` must not probe port 80.

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

export type Piece = { text: string } | { variable: string };

/** The pieces of `value`, or what is malformed in it. */
export function splitVariables(value: string): Piece[] | { error: string } {
  const pieces: Piece[] = [];
  let literal = '';
  let at = 0;
  while (at < value.length) {
    const dollar = value.indexOf('$', at);
    if (dollar < 0) {
      literal += value.slice(at);
      break;
    }
    literal += value.slice(at, dollar);
    const next = value[dollar + 1];
    if (next === '$') {
      literal += '$';
      at = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = value.indexOf('}', dollar + 2);
      const name = close < 0 ? undefined : value.slice(dollar + 2, close);
      if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        const written = close < 0 ? value.slice(dollar) : value.slice(dollar, close + 1);
        return { error: `${JSON.stringify(written)} is not a variable: write \${NAME} with NAME of letters, digits and _ (or $$ for a literal $)` };
      }
      if (literal) pieces.push({ text: literal });
      literal = '';
      pieces.push({ variable: name });
      at = close + 1;
      continue;
    }
    NAME.lastIndex = dollar + 1;
    const match = NAME.exec(value);
    if (match === null) {
      literal += '$';
      at = dollar + 1;
      continue;
    }
    if (literal) pieces.push({ text: literal });
    literal = '';
    pieces.push({ variable: match[0] });
    at = dollar + 1 + match[0].length;
  }
  if (literal) pieces.push({ text: literal });
  return pieces;
}

/** The names `value` refers to, in order, each once. */
export function variablesIn(value: string): string[] {
  const pieces = splitVariables(value);
  if ('error' in pieces) return [];
  return [...new Set(pieces.flatMap((piece) => ('variable' in piece ? [piece.variable] : [])))];
}

/** A variable's value, or undefined when there is no such variable. */
export type Lookup = (name: string) => string | undefined;

/** Looks names up in a plain record (own keys only: `constructor` is not a variable). */
export function lookupIn(values: Readonly<Record<string, string | undefined>>): Lookup {
  return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
}

/** `value` with every variable replaced; names `lookup` does not know are reported, not emptied. */
export function expandVariables(value: string, lookup: Lookup): { value: string } | { error: string; unknown?: string } {
  const pieces = splitVariables(value);
  if ('error' in pieces) return pieces;
  let out = '';
  for (const piece of pieces) {
    if ('text' in piece) {
      out += piece.text;
      continue;
    }
    const found = lookup(piece.variable);
    if (found === undefined) return { error: `unknown variable $${piece.variable}`, unknown: piece.variable };
    out += found;
  }
  return { value: out };
}

/** Whether `value` uses `$` at all (most probes do not, and skip all of this). */
export function mayHaveVariables(value: string): boolean {
  return value.includes('$');
}
