// The pure decisions behind probes, table-driven.
import { describe, expect, it } from 'vitest';
import type { ProbeSpec } from '../../src/config/types.js';
import { describeFailure, lastLine } from '../../src/probes/cmd.js';
import { describeProbe } from '../../src/probes/index.js';
import { isLoopbackHost, probeAddresses } from '../../src/probes/hosts.js';
import { acceptStatus, parseProbeUrl } from '../../src/probes/http.js';
import { retryDelayMs } from '../../src/probes/poll.js';

describe('probeAddresses', () => {
  it.each([
    ['localhost', ['127.0.0.1', '::1']],
    ['LOCALHOST', ['127.0.0.1', '::1']],
    ['0.0.0.0', ['127.0.0.1']],
    ['::', ['::1']],
    ['[::]', ['::1']],
    ['[::1]', ['::1']],
    ['127.0.0.2', ['127.0.0.2']],
    ['db.internal', ['db.internal']],
  ])('dials %s as %j', (host, expected) => {
    expect(probeAddresses(host)).toEqual(expected);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', true],
    ['::', true],
    ['10.0.0.1', false],
    ['128.0.0.1', false],
    ['::2', false],
    ['example.com', false],
    ['localhost.example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [0, 10],
    [2_999, 10],
    [3_000, 25],
    [9_999, 25],
    [10_000, 50],
    [600_000, 50],
  ])('after %i ms waits %i ms', (elapsed, expected) => {
    expect(retryDelayMs(elapsed)).toBe(expected);
  });
});

describe('acceptStatus', () => {
  it.each([
    [undefined, 200, true],
    [undefined, 204, true],
    [undefined, 301, true],
    [undefined, 399, true],
    [undefined, 199, false],
    [undefined, 400, false],
    [undefined, 503, false],
    [[], 200, true],
    [[401, 404], 404, true],
    [[401, 404], 200, false],
  ])('list %j accepts %i: %s', (list, status, expected) => {
    expect(acceptStatus(list)(status)).toBe(expected);
  });
});

describe('parseProbeUrl', () => {
  it.each([
    ['http://localhost:3000/health', 'http:', 'localhost', '3000', '/health'],
    ['http-get://localhost:3000/a?b=1', 'http:', 'localhost', '3000', '/a'],
    ['https-get://[::1]:8443/', 'https:', '[::1]', '8443', '/'],
    ['https://example.com', 'https:', 'example.com', '', '/'],
  ])('%s', (text, protocol, hostname, port, pathname) => {
    expect(parseProbeUrl(text)).toMatchObject({ protocol, hostname, port, pathname });
  });
});

describe('cmd probe messages', () => {
  const result = { code: 2, signal: null, timedOut: false, output: '', ms: 12.4 };
  it.each([
    [{ ...result, output: 'first\nno response\n\n' }, false, 'exit 2: no response'],
    [{ ...result, output: '' }, false, 'exit 2'],
    [{ ...result, code: null, signal: 'SIGSEGV', output: 'boom\r\n' }, false, 'killed by SIGSEGV: boom'],
    [{ ...result, code: null, signal: 'SIGKILL', timedOut: true, ms: 5000 }, false, 'no exit after 5000 ms'],
    [{ ...result, code: null, signal: 'SIGKILL' }, true, 'still running after 12 ms'],
  ])('%j (aborted: %s) → %s', (input, aborted, expected) => {
    expect(describeFailure(input, aborted)).toBe(expected);
  });

  it('cuts a very long last line', () => {
    const line = lastLine(`x\n${'y'.repeat(500)}`);
    expect(line).toHaveLength(200);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('describeProbe', () => {
  const probes: Array<[ProbeSpec, string]> = [
    [{ kind: 'tcp', text: 'tcp:3000', host: 'localhost', port: 3000 }, 'tcp:3000'],
    [{ kind: 'tcp', text: '', host: '::1', port: 3000 }, 'tcp:[::1]:3000'],
    [{ kind: 'http', text: '', url: 'http://x/', method: 'GET', status: undefined, headers: {} }, 'http://x/'],
    [{ kind: 'http', text: '', url: 'http://x/', method: 'post', status: [201], headers: {} }, 'POST http://x/'],
    [{ kind: 'socket', text: '', path: '/run/a.sock' }, 'socket:/run/a.sock'],
    [{ kind: 'file', text: '', path: 'ready' }, 'file:ready'],
    [{ kind: 'log', text: ' ', pattern: 'Listening' }, 'log: Listening'],
    [{ kind: 'cmd', text: '', command: 'pg_isready' }, 'cmd: pg_isready'],
    [{ kind: 'delay', text: '', ms: 2000 }, 'delay: 2000ms'],
  ];
  it.each(probes)('%j reads %s', (probe, expected) => {
    expect(describeProbe(probe)).toBe(expected);
  });
});
