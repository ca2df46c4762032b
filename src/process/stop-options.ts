// Stop options are checked before anything is signalled: an empty cookie would
// match every process on the machine, and pid 0 or -1 would address our own
// group or everything we may signal.
import { constants } from 'node:os';

export function assertCookie(cookie: Record<string, string>): void {
  const entries = Object.entries(cookie);
  if (entries.length === 0) throw new Error('Expected a cookie with at least one environment entry, got {}');
  for (const [key, value] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || typeof value !== 'string' || value === '' || /[\0\s]/.test(value)) {
      throw new Error(`Expected cookie entries NAME=non-empty-value without spaces, got ${JSON.stringify(key)}=${JSON.stringify(value)}`);
    }
  }
}

export function assertSignal(signal: string): asserts signal is NodeJS.Signals {
  if (!Object.hasOwn(constants.signals, signal)) throw new Error(`Expected a signal name such as SIGTERM, got ${JSON.stringify(signal)}`);
}

export function assertGrace(graceMs: number): void {
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new Error(`Expected graceMs to be a non-negative number, got ${graceMs}`);
}

export function assertRecordedPid(pid: number): void {
  if (!Number.isSafeInteger(pid) || pid <= 1) throw new Error(`Expected a recorded pid greater than 1, got ${pid}`);
}
