// The store is the only writer of a state file: each transition lands on disk
// (in one write per turn of the event loop), and a stop that left something
// running keeps the service unstopped, so the next stop tries again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readState, ServiceStore, type StateFile } from '../../src/state/index.js';
import { serviceRecord, T0 } from '../helpers/records.js';
import { scratchDir } from '../helpers/scratch.js';

const record = (name: string) => serviceRecord({ name, logFile: `/tmp/${name}.log`, exitFile: `/tmp/${name}.exit` });

function onDisk(stateDir: string): StateFile {
  return JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as StateFile;
}

describe('ServiceStore', () => {
  it('is on disk from its creation, and after each transition, in config order', async () => {
    const stateDir = scratchDir('store');
    const store = ServiceStore.create({ id: 'abcdefgh12345678', createdAt: T0, stateDir, logDir: join(stateDir, 'logs') });
    expect(onDisk(stateDir)).toMatchObject({ id: 'abcdefgh12345678', complete: false, services: [] });

    await Promise.all([store.launched(record('db'), ['api', 'db']), store.launched(record('api'), ['api', 'db'])]);
    expect(onDisk(stateDir).services.map((service) => service.name)).toEqual(['api', 'db']);

    await store.ready('api', { at: T0 + 50, listeners: [{ kind: 'tcp', host: '127.0.0.1', port: 5432 }], adopted: [] });
    await store.startFailed('db', { reason: 'exited', at: T0 + 60, exit: { code: 3, signal: null } });
    store.startFinished({ outcome: 'failed', failed: ['db'], at: T0 + 70 });
    const written = onDisk(stateDir);
    expect(written.services[0]).toMatchObject({ name: 'api', readyAt: T0 + 50, listeners: [{ port: 5432 }] });
    expect(written.services[0]!.adopted).toBeUndefined();
    expect(written.services[1]).toMatchObject({ name: 'db', startFailure: { reason: 'exited', exit: { code: 3 } } });
    expect(written).toMatchObject({ complete: false, startResult: { outcome: 'failed', failed: ['db'] } });
  });

  it('keeps a service whose stop left something running unstopped, and the run open', async () => {
    const stateDir = scratchDir('store');
    const store = ServiceStore.create({ id: 'abcdefgh12345678', createdAt: T0, stateDir, logDir: stateDir });
    await store.launched(record('api'), ['api', 'db']);
    await store.launched(record('db'), ['api', 'db']);
    await store.stopping('api', T0 + 100);
    await store.stopped('api', { kind: 'still-listening', targets: [{ target: 'tcp:127.0.0.1:5432', holders: [] }] }, T0 + 200);
    await store.stopped('db', { kind: 'stopped', signal: 'SIGTERM', ms: 12 }, T0 + 210);
    store.allStopped(T0 + 220);
    const read = readState(stateDir);
    if (read.kind !== 'ok') throw new Error(read.kind);
    expect(read.state.services[0]).toMatchObject({ stoppingAt: T0 + 100, stopFailed: true, stopOutcome: { kind: 'still-listening' } });
    expect(read.state.services[0]!.stoppedAt).toBeUndefined();
    expect(read.state.services[1]).toMatchObject({ stoppedAt: T0 + 210, stopOutcome: { kind: 'stopped' } });
    expect(read.state.stoppedAt).toBeUndefined();

    // The next stop, from the file, finishes the job.
    const again = ServiceStore.of(read.state);
    await again.stopped('api', { kind: 'stopped', signal: 'SIGTERM', ms: 5 }, T0 + 300);
    again.allStopped(T0 + 310);
    expect(onDisk(stateDir)).toMatchObject({ stoppedAt: T0 + 310 });
  });

  it('refuses a transition for a service it does not hold', async () => {
    const stateDir = scratchDir('store');
    const store = ServiceStore.create({ id: 'abcdefgh12345678', createdAt: T0, stateDir, logDir: stateDir });
    expect(() => store.stopping('ghost', T0)).toThrow(/no service "ghost"/);
  });
});
