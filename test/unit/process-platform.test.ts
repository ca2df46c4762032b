import { describe, expect, it } from 'vitest';
import { assertProcessControlSupported } from '../../src/process/platform.js';
import { createUnsupportedPlatform } from '../../src/process/unsupported.js';
import { pidsUnchangedSince, type PidCounters } from '../../src/process/linux-snapshot.js';

describe('unsupported platforms', () => {
  it.each(['snapshot', 'findByEnv', 'isAlive', 'startTimeOf', 'findListeners'] as const)('refuses %s with a clear error', (method) => {
    const platform = createUnsupportedPlatform('win32');
    expect(() => (platform[method] as (...args: unknown[]) => unknown)({ BGSVC_ID: 'x' })).toThrow(
      'bgsvc: process control is unsupported on win32 (Linux and macOS only)',
    );
  });

  it.each([
    ['win32', true],
    ['aix', true],
    ['linux', false],
    ['darwin', false],
  ] as const)('refuses to launch on %s: %s', (name, refused) => {
    const attempt = () => assertProcessControlSupported(name);
    if (refused) expect(attempt).toThrow(/unsupported on/);
    else expect(attempt).not.toThrow();
  });
});

describe('which pids a Linux rescan may reuse', () => {
  const at = (lastPid: number, forks: number, freePids = 32000): PidCounters => ({ lastPid, forks, freePids });

  it('reuses every pid when nothing forked since', () => {
    const unchanged = pidsUnchangedSince(at(500, 9000), at(500, 9000))!;
    expect([1, 499, 500, 501, 32767].every(unchanged)).toBe(true);
  });

  it('re-reads the pids handed out since: (last pid then, last pid now]', () => {
    const unchanged = pidsUnchangedSince(at(100, 9000), at(200, 9100))!;
    expect([99, 100, 201, 5000].map(unchanged)).toEqual([true, true, true, true]);
    expect([101, 150, 200].map(unchanged)).toEqual([false, false, false]);
  });

  it('follows the counter round past pid_max', () => {
    const unchanged = pidsUnchangedSince(at(32700, 9000), at(400, 9500))!;
    expect([32701, 32767, 300, 400].map(unchanged)).toEqual([false, false, false, false]);
    expect([401, 1000, 32700].map(unchanged)).toEqual([true, true, true]);
  });

  it('reuses nothing once the forks near the free pids (the counter may have come round), or without counters', () => {
    expect(pidsUnchangedSince(at(100, 9000), at(200, 9000 + 15_999))).toBeDefined();
    expect(pidsUnchangedSince(at(100, 9000), at(200, 9000 + 16_000))).toBeUndefined();
    // A crowded table: 2,000 free pids come round after 2,000 forks.
    expect(pidsUnchangedSince(at(100, 9000, 2000), at(200, 9000 + 999, 2000))).toBeDefined();
    expect(pidsUnchangedSince(at(100, 9000, 2000), at(200, 9000 + 1000, 2000))).toBeUndefined();
    expect(pidsUnchangedSince(undefined, at(200, 9000))).toBeUndefined();
    expect(pidsUnchangedSince(at(100, 9000), undefined)).toBeUndefined();
  });
});
