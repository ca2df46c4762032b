import { describe, expect, it } from 'vitest';
import { assertProcessControlSupported } from '../../src/process/platform.js';
import { createUnsupportedPlatform } from '../../src/process/unsupported.js';

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
