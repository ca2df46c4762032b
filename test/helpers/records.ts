// A state file's service record as start writes it, for tests of what reads it.
import type { ServiceRecord } from '../../src/state/index.js';

export const T0 = 1_800_000_000_000;

export function serviceRecord(fields: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    name: 'svc',
    command: 'sleep 1000',
    shell: '/bin/sh',
    cwd: '/tmp',
    env: {},
    needs: [],
    stop: undefined,
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 1000,
    probes: [],
    pid: 4242,
    startTime: '7',
    logFile: '/tmp/svc.log',
    exitFile: '/tmp/svc.exit',
    startedAt: T0,
    ...fields,
  };
}
