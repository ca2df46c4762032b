// How values are quoted in messages: users must recognise what they wrote,
// but one pasted 5 kB script must not flood the CI log.

const MAX_QUOTED_CHARS = 60;

/** The value as JSON, shortened with `…` past ~60 characters. Collections are named, not dumped. */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS - 1)}…` : value;
    return JSON.stringify(short);
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describeValue(value);
}

/** A short name for what was found, for "expected X, got Y". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return `${typeof value} ${String(value)}`;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a, b or c" for lists of allowed things. */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
