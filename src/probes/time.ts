// Error codes (ECONNREFUSED) are what users search for; messages are the fallback.
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === 'string' && code.length > 0 ? code : error.message;
  }
  return String(error);
}

// Rounds for messages: sub-millisecond precision is noise to a reader.
export function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}
