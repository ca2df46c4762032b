// The race itself: cmd/delay probes, every outcome, and that nothing (timer,
// socket, watcher, child) outlives a finished wait.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.js';
import type { ProbeSpec } from '../../src/config/types.js';
import { waitUntilReady, type WaitOptions } from '../../src/probes/index.js';
import { pidsWithEnv } from '../helpers/proc.js';

const tempDir = (): string => scratchDir('probes');

function options(probes: ProbeSpec[], extra: Partial<WaitOptions> = {}): WaitOptions {
  return { probes, timeoutMs: 5_000, cwd: process.cwd(), shell: '/bin/sh', env: process.env, ...extra };
}

const cmd = (command: string): ProbeSpec => ({ kind: 'cmd', text: `cmd: ${command}`, command });
const delay = (ms: number): ProbeSpec => ({ kind: 'delay', text: `delay: ${ms}ms`, ms });
const tcp = (port: number): ProbeSpec => ({ kind: 'tcp', text: `tcp:${port}`, host: '127.0.0.1', port });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

function listenOn(port: number): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

// Handle kinds a probe could leak; counted by type, since the runner has its own.
const WATCHED = [
  'TCPSocketWrap',
  'TCPWRAP',
  'PipeWrap',
  'PIPEWRAP',
  'ProcessWrap',
  'FSEventWrap',
  'Timeout',
  'FSReqCallback',
  'FileHandle',
  'StatWatcher',
];
function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) {
    if (WATCHED.includes(type)) counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

describe('cmd probe', () => {
  it('retries until the command exits 0 (third attempt here)', async () => {
    const dir = tempDir();
    const script = 'n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; echo "attempt $n"; [ $n -ge 3 ]';
    const result = await waitUntilReady(options([cmd(script)], { cwd: dir }));
    expect(result.outcome).toBe('ready');
    expect(readFileSync(join(dir, 'count'), 'utf8').trim()).toBe('3');
  });

  it('reports the exit code and the last output line', async () => {
    const result = await waitUntilReady(options([cmd('echo first; echo "no response" >&2; exit 2')], { timeoutMs: 150 }));
    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ lastError: 'exit 2: no response' }] });
  });

  it('runs with the given env and shell', async () => {
    const result = await waitUntilReady(
      options([cmd('[ "$PROBE_MARK" = yes ] && [ -n "$BASH_VERSION" ]')], {
        env: { ...process.env, PROBE_MARK: 'yes' },
        shell: 'bash',
        timeoutMs: 2_000,
      }),
    );
    expect(result.outcome).toBe('ready');
  });

  it('kills a hung attempt at the deadline and leaves no process behind', async () => {
    const mark = `probe-${process.pid}-${Date.now()}`;
    const result = await waitUntilReady(
      options([cmd('sleep 30')], { timeoutMs: 200, env: { ...process.env, BGSVC_PROBE_TEST: mark } }),
    );
    const lastError = expect.stringMatching(/^(no exit|still running) after \d+ ms$/);
    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ lastError }] });
    expect(pidsWithEnv('BGSVC_PROBE_TEST', mark)).toEqual([]);
  });
});

describe('waitUntilReady', () => {
  it('passes a delay probe once that much time has passed', async () => {
    const result = await waitUntilReady(options([delay(120)]));
    expect(result.outcome).toBe('ready');
    expect(result.ms).toBeGreaterThanOrEqual(115);
    expect(result.ms).toBeLessThan(500);
  });

  it('is ready at once with no probes', async () => {
    expect(await waitUntilReady(options([]))).toMatchObject({ outcome: 'ready' });
  });

  it('needs every probe, reports each as it passes, and keeps passed ones passed', async () => {
    const port = await freePort();
    let server: Server | undefined;
    setTimeout(() => void listenOn(port).then((s) => (server = s)), 200);
    const passed: Array<[string, number]> = [];

    const result = await waitUntilReady(
      options([delay(50), tcp(port), delay(100)], { onProbePassed: (probe, ms) => passed.push([probe.text, ms]) }),
    );
    await new Promise((done) => server?.close(done));

    expect(result.outcome).toBe('ready');
    expect(passed.map(([text]) => text)).toEqual(['delay: 50ms', 'delay: 100ms', `tcp:${port}`]);
    expect(result.ms).toBeGreaterThanOrEqual(190);
    expect(passed[2]?.[1]).toBeCloseTo(result.ms, 0);
  });

  it('times out naming only the probes still pending, with their last error', async () => {
    const port = await freePort();
    const probes = [delay(10), tcp(port), cmd('exit 3')];
    const result = await waitUntilReady(options(probes, { timeoutMs: 300 }));
    expect(result).toEqual({
      outcome: 'timeout',
      ms: expect.any(Number),
      pending: [
        { probe: probes[1], lastError: 'ECONNREFUSED' },
        { probe: probes[2], lastError: 'exit 3' },
      ],
    });
    expect(result.ms).toBeGreaterThanOrEqual(295);
    expect(result.ms).toBeLessThan(400);
  });

  it('is interrupted within a few ms when `until` resolves, carrying its value', async () => {
    const port = await freePort();
    let exited!: (value: unknown) => void;
    const until = new Promise((done) => (exited = done));
    setTimeout(() => exited({ code: 1 }), 100);
    const started = performance.now();

    const result = await waitUntilReady(options([tcp(port), cmd('sleep 30')], { until }));

    expect(result).toMatchObject({ outcome: 'interrupted', value: { code: 1 }, pending: [{ lastError: 'ECONNREFUSED' }, {}] });
    expect(result.ms).toBeLessThan(130);
    // Resolving includes killing the cmd attempt and closing sockets.
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('stops at once on abort, and does not start when already aborted', async () => {
    const port = await freePort();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    const result = await waitUntilReady(options([tcp(port)], { signal: controller.signal }));
    expect(result).toMatchObject({ outcome: 'aborted', pending: [{ lastError: 'ECONNREFUSED' }] });
    expect(result.ms).toBeGreaterThanOrEqual(75);
    expect(result.ms).toBeLessThan(110);

    const dir = tempDir();
    const again = await waitUntilReady(options([cmd('touch ran')], { signal: controller.signal, cwd: dir }));
    expect(again).toMatchObject({ outcome: 'aborted', pending: [{}] });
    expect(() => readFileSync(join(dir, 'ran'))).toThrow();
  });

  it('rejects a negative or NaN timeout, quoting it', async () => {
    await expect(waitUntilReady(options([], { timeoutMs: Number.NaN }))).rejects.toThrow('got NaN');
    await expect(waitUntilReady(options([], { timeoutMs: -1 }))).rejects.toThrow('got -1');
  });

  it('rejects with the error when onProbePassed throws, after cleaning up', async () => {
    const boom = new Error('boom');
    const port = await freePort();
    const waiting = waitUntilReady(options([delay(1), tcp(port)], { onProbePassed: () => { throw boom; } }));
    await expect(waiting).rejects.toBe(boom);
  });

  it('leaves no timers, sockets, watchers, files or processes open after any outcome', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'svc.log');
    writeFileSync(logFile, 'booting\n');
    const port = await freePort();
    const everything = (): ProbeSpec[] => [
      tcp(port),
      { kind: 'http', text: 'http', url: `http://localhost:${port}/`, method: 'GET', status: undefined, headers: {} },
      { kind: 'socket', text: 'socket', path: join(dir, 'none.sock') },
      { kind: 'file', text: 'file', path: join(dir, 'nothing') },
      { kind: 'log', text: 'log', pattern: 'never' },
      cmd('sleep 5'),
      delay(60_000),
    ];
    const base = { cwd: dir, logFile };
    const before = resourceCounts();

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const outcomes = [
      (await waitUntilReady(options(everything(), { ...base, timeoutMs: 150 }))).outcome,
      (await waitUntilReady(options(everything(), { ...base, until: new Promise((done) => setTimeout(done, 100)) }))).outcome,
      (await waitUntilReady(options(everything(), { ...base, signal: controller.signal }))).outcome,
      (await waitUntilReady(options([{ kind: 'log', text: 'log', pattern: 'booting' }, delay(20)], base))).outcome,
    ];

    expect(outcomes).toEqual(['timeout', 'interrupted', 'aborted', 'ready']);
    // No kind may grow; one may shrink when a timer from an earlier test expires meanwhile.
    const after = resourceCounts();
    for (const [type, count] of Object.entries(after)) {
      expect({ type, count }).toEqual({ type, count: Math.min(count, before[type] ?? 0) });
    }
  });

  it('lets a CLI process exit by itself after every outcome', async () => {
    const dir = tempDir();
    const bundle = join(dir, 'probes.mjs');
    await build({
      entryPoints: [resolve('src/probes/index.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const port = await freePort();
    writeFileSync(
      join(dir, 'main.mjs'),
      `import { waitUntilReady } from './probes.mjs';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
const base = { cwd: ${JSON.stringify(dir)}, shell: '/bin/sh', env: process.env, logFile: ${JSON.stringify(join(dir, 'svc.log'))} };
const probes = [
  { kind: 'tcp', text: 't', host: 'localhost', port: ${port} },
  { kind: 'http', text: 'h', url: 'http://localhost:${port}/', method: 'GET', status: undefined, headers: {} },
  { kind: 'log', text: 'l', pattern: 'up' },
  { kind: 'file', text: 'f', path: 'marker' },
  { kind: 'cmd', text: 'c', command: 'sleep 5' },
  { kind: 'delay', text: 'd', ms: 60000 },
];
const out = [];
out.push((await waitUntilReady({ ...base, probes, timeoutMs: 100 })).outcome);
out.push((await waitUntilReady({ ...base, probes, timeoutMs: 60000, until: new Promise((r) => setTimeout(r, 50)) })).outcome);
out.push((await waitUntilReady({ ...base, probes, timeoutMs: 60000, signal: AbortSignal.timeout(50) })).outcome);
const server = createServer((s) => s.destroy()).listen(${port}, '127.0.0.1');
writeFileSync(${JSON.stringify(join(dir, 'svc.log'))}, 'up');
writeFileSync(${JSON.stringify(join(dir, 'marker'))}, '');
out.push((await waitUntilReady({ ...base, probes: [probes[0], probes[2], probes[3]], timeoutMs: 60000 })).outcome);
server.close();
console.log(out.join(','));
`,
    );
    const child = spawn(process.execPath, [join(dir, 'main.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const started = performance.now();
    const code = await new Promise<number | null>((done) => {
      const guard = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', (exitCode) => {
        clearTimeout(guard);
        done(exitCode);
      });
    });
    expect({ code, stdout: stdout.trim() }).toEqual({ code: 0, stdout: 'timeout,interrupted,aborted,ready' });
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
