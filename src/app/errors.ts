// Bad usage (flags, names, arguments): exit code 2, like a config error.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
