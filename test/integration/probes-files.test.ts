// file: and log: probes against real files that appear and grow while we wait.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.js';
import type { ProbeSpec } from '../../src/config/types.js';
import { waitUntilReady, type WaitOptions } from '../../src/probes/index.js';

const tempDir = (): string => scratchDir('probes');

function options(probes: ProbeSpec[], extra: Partial<WaitOptions> = {}): WaitOptions {
  return { probes, timeoutMs: 5_000, cwd: process.cwd(), shell: '/bin/sh', env: process.env, ...extra };
}

const log = (pattern: string): ProbeSpec => ({ kind: 'log', text: `log: ${pattern}`, pattern });
const file = (path: string): ProbeSpec => ({ kind: 'file', text: `file:${path}`, path });

// Runs `act` after `ms`, recording when it happened, to measure detection latency.
function later(ms: number, act: () => void): { at: () => number } {
  let at = 0;
  setTimeout(() => {
    act();
    at = performance.now();
  }, ms);
  return { at: () => at };
}

describe('file probe', () => {
  it('is ready once the file is created, relative to cwd, via the directory watch', async () => {
    const dir = tempDir();
    const created = later(150, () => writeFileSync(join(dir, 'ready.marker'), ''));

    const result = await waitUntilReady(options([file('ready.marker')], { cwd: dir }));
    const detectedAt = performance.now();

    expect(result.outcome).toBe('ready');
    expect(result.ms).toBeGreaterThanOrEqual(140);
    // Well under the 100 ms fallback poll: the watcher saw it.
    expect(detectedAt - created.at()).toBeLessThan(50);
  });

  it('is ready when its directory is created later too (the poll re-arms the watch)', async () => {
    const dir = tempDir();
    later(100, () => {
      mkdirSync(join(dir, 'run'));
      writeFileSync(join(dir, 'run', 'app.pid'), '123');
    });
    const result = await waitUntilReady(options([file(join(dir, 'run', 'app.pid'))]));
    expect(result.outcome).toBe('ready');
  });

  it('stays pending with ENOENT when the file never appears', async () => {
    const dir = tempDir();
    const result = await waitUntilReady(options([file(join(dir, 'never'))], { timeoutMs: 100 }));
    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ lastError: 'ENOENT' }] });
  });
});

describe('log probe', () => {
  it('matches a line appended later, and not an earlier line that does not match', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'api.log');
    writeFileSync(logFile, 'booting\nconnecting to db\n');
    const appended = later(150, () => appendFileSync(logFile, 'Listening on :3000\n'));

    const result = await waitUntilReady(options([log('Listening on :\\d+')], { logFile }));
    const detectedAt = performance.now();

    expect(result.outcome).toBe('ready');
    expect(result.ms).toBeGreaterThanOrEqual(140);
    expect(detectedAt - appended.at()).toBeLessThan(50);
  });

  it('does not match lines that do not match', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'api.log');
    writeFileSync(logFile, 'Listening soon\n');
    later(30, () => appendFileSync(logFile, 'still starting\nListen on nothing\n'));

    const result = await waitUntilReady(options([log('^Listening on')], { logFile, timeoutMs: 200 }));

    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ lastError: 'no matching line yet' }] });
  });

  it('picks up a log file created after the wait starts', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'late.log');
    later(100, () => writeFileSync(logFile, 'ready to accept connections\n'));
    const result = await waitUntilReady(options([log('ready to accept')], { logFile }));
    expect(result.outcome).toBe('ready');
  });

  it('says the log file does not exist when it never appears', async () => {
    const dir = tempDir();
    const result = await waitUntilReady(options([log('x')], { logFile: join(dir, 'none.log'), timeoutMs: 100 }));
    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ lastError: 'the log file does not exist yet' }] });
  });

  it('matches a last line that has no newline yet, even when it arrives in pieces', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'partial.log');
    writeFileSync(logFile, 'Listen');
    later(50, () => appendFileSync(logFile, 'ing on 8080'));
    const result = await waitUntilReady(options([log('Listening on \\d+$')], { logFile }));
    expect(result.outcome).toBe('ready');
    expect(result.ms).toBeGreaterThanOrEqual(40);
  });

  it('finds a match after megabytes of output and across read chunks', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'big.log');
    const noise = `${'x'.repeat(99)}\n`.repeat(30_000);
    writeFileSync(logFile, `${noise}multi-byte é ✓ split Ready ✓\n${noise}`);
    const result = await waitUntilReady(options([log('é ✓ split Ready ✓$')], { logFile }));
    expect(result.outcome).toBe('ready');
  });

  it('strips a CRLF line ending before matching', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'crlf.log');
    writeFileSync(logFile, 'started\r\nmore\r\n');
    const result = await waitUntilReady(options([log('^started$')], { logFile }));
    expect(result.outcome).toBe('ready');
  });

  it('rejects a log probe without a log file before starting anything', async () => {
    await expect(waitUntilReady(options([log('x')]))).rejects.toThrow(/logFile/);
  });

  it('keeps an invalid pattern pending with the regex error', async () => {
    const dir = tempDir();
    const result = await waitUntilReady(options([log('(')], { logFile: join(dir, 'a.log'), timeoutMs: 50 }));
    const lastError = expect.stringMatching(/Invalid regular expression/);
    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ lastError }] });
  });
});
