// Network probes against real servers on loopback: tcp, http, https, Unix
// sockets, the localhost double-dial, and the taken-port check.
import { execFileSync } from 'node:child_process';
import { createServer as createHttpsServer } from 'node:https';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeSpec } from '../../src/config/types.js';
import { findTakenTargets, waitUntilReady, type WaitOptions } from '../../src/probes/index.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function options(probes: ProbeSpec[], extra: Partial<WaitOptions> = {}): WaitOptions {
  return { probes, timeoutMs: 5_000, cwd: process.cwd(), shell: '/bin/sh', env: process.env, ...extra };
}

const tcp = (port: number, host = '127.0.0.1'): ProbeSpec => ({ kind: 'tcp', text: `tcp:${host}:${port}`, host, port });
const http = (url: string, extra: Partial<Extract<ProbeSpec, { kind: 'http' }>> = {}): ProbeSpec => ({
  kind: 'http',
  text: url,
  url,
  method: 'GET',
  status: undefined,
  headers: {},
  ...extra,
});

const connections = new WeakMap<Server | HttpServer, Set<Socket>>();

function listen(server: Server | HttpServer, host: string, port = 0): Promise<number> {
  const open = new Set<Socket>();
  connections.set(server, open);
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

// Servers here may hold connections they never read from; close those too.
function close(server: Server | HttpServer): Promise<void> {
  if ('closeAllConnections' in server) server.closeAllConnections();
  for (const socket of connections.get(server) ?? []) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

// A port that was free a moment ago: bind 0, note it, release it.
async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  const port = await listen(server, host);
  await close(server);
  return port;
}

async function canListenOn(host: string): Promise<boolean> {
  try {
    await freePort(host);
    return true;
  } catch {
    return false;
  }
}
const ipv6 = await canListenOn('::1');
const NO_IPV6 = 'IPv6 loopback (::1) is unavailable on this machine';

function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): HttpServer {
  const server = createHttpServer(handler);
  cleanups.push(() => close(server));
  return server;
}

describe('tcp probe', () => {
  it('detects a server that starts listening 300 ms later, soon after it listens', async () => {
    const port = await freePort();
    const server = createServer((socket) => socket.destroy());
    cleanups.push(() => close(server));
    let listenedAt = 0;
    setTimeout(() => {
      void listen(server, '127.0.0.1', port).then(() => (listenedAt = performance.now()));
    }, 300);

    const result = await waitUntilReady(options([tcp(port)]));
    const detectedAt = performance.now();

    expect(result.outcome).toBe('ready');
    expect(result.ms).toBeGreaterThanOrEqual(290);
    expect(listenedAt).toBeGreaterThan(0);
    // Loose: the design target is ~15 ms; this only catches a broken schedule.
    expect(detectedAt - listenedAt).toBeLessThan(100);
  });

  it('reports ECONNREFUSED for a port nobody listens on', async () => {
    const port = await freePort();
    const result = await waitUntilReady(options([tcp(port)], { timeoutMs: 150 }));
    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ probe: { port }, lastError: 'ECONNREFUSED' }] });
  });
});

describe('http probe', () => {
  it('stays pending through 503 and is ready at the first 200', async () => {
    let requests = 0;
    const server = serve((_request, response) => {
      requests += 1;
      response.writeHead(requests < 4 ? 503 : 200).end('body');
    });
    const port = await listen(server, '127.0.0.1');

    const result = await waitUntilReady(options([http(`http://127.0.0.1:${port}/health`)]));

    expect(result.outcome).toBe('ready');
    expect(requests).toBe(4);
  });

  it('names the last status when it never turns ready', async () => {
    const server = serve((_request, response) => response.writeHead(503).end());
    const port = await listen(server, '127.0.0.1');
    const result = await waitUntilReady(options([http(`http://127.0.0.1:${port}/`)], { timeoutMs: 150 }));
    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ lastError: 'HTTP 503' }] });
  });

  it('honours the status list, the method and the headers', async () => {
    const seen: Array<{ method?: string; token?: string; host?: string }> = [];
    const server = serve((request, response) => {
      seen.push({ method: request.method, token: request.headers['x-token'] as string, host: request.headers.host });
      const authorised = request.method === 'POST' && request.headers['x-token'] === 'secret';
      response.writeHead(authorised ? 418 : 200).end();
    });
    const port = await listen(server, '127.0.0.1');
    const probe = http(`http://127.0.0.1:${port}/`, { method: 'POST', status: [418], headers: { 'X-Token': 'secret' } });

    const result = await waitUntilReady(options([probe]));

    expect(result.outcome).toBe('ready');
    expect(seen[0]).toEqual({ method: 'POST', token: 'secret', host: `127.0.0.1:${port}` });
  });

  it('does not follow redirects and counts a 3xx as ready by default', async () => {
    const paths: string[] = [];
    const server = serve((request, response) => {
      paths.push(request.url ?? '');
      response.writeHead(302, { location: '/elsewhere' }).end();
    });
    const port = await listen(server, '127.0.0.1');
    const result = await waitUntilReady(options([http(`http://127.0.0.1:${port}/start?x=1`)]));
    expect(result.outcome).toBe('ready');
    expect(paths).toEqual(['/start?x=1']);
  });

  it('retries a server that accepts but never answers, and says so', async () => {
    const hanging = createServer(() => {});
    cleanups.push(() => close(hanging));
    const port = await listen(hanging, '127.0.0.1');
    const result = await waitUntilReady(options([http(`http://127.0.0.1:${port}/`)], { timeoutMs: 300 }));
    const lastError = expect.stringMatching(/^no response after \d+ ms$/);
    expect(result).toMatchObject({ outcome: 'timeout', pending: [{ lastError }] });
  });
});

// A throwaway self-signed certificate, as CI services use; needs the openssl CLI.
function selfSignedCert(): { key: Buffer; cert: Buffer } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'bgsvc-cert-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'];
    execFileSync('openssl', [...args, '-keyout', key, '-out', cert], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('https probe', () => {
  it('is ready against a self-signed certificate (readiness only, not verified)', async (context) => {
    const credentials = selfSignedCert();
    if (!credentials) return context.skip('the openssl CLI is needed to make a test certificate');
    const server = createHttpsServer(credentials, (_request, response) => response.writeHead(204).end());
    cleanups.push(() => close(server));
    const port = await listen(server, '127.0.0.1');

    const result = await waitUntilReady(options([http(`https://localhost:${port}/`)]));

    expect(result.outcome).toBe('ready');
  });
});

describe('localhost', () => {
  it('is ready when the server binds 127.0.0.1 only, and keeps the Host header as written', async () => {
    const hosts: Array<string | undefined> = [];
    const server = serve((request, response) => {
      hosts.push(request.headers.host);
      response.end();
    });
    const port = await listen(server, '127.0.0.1');

    const results = await Promise.all([
      waitUntilReady(options([tcp(port, 'localhost')])),
      waitUntilReady(options([http(`http://localhost:${port}/`)])),
    ]);

    expect(results.map((result) => result.outcome)).toEqual(['ready', 'ready']);
    expect(hosts).toContain(`localhost:${port}`);
  });

  it('is ready when the server binds ::1 only', async (context) => {
    if (!ipv6) context.skip(NO_IPV6);
    const server = serve((_request, response) => response.end());
    const port = await listen(server, '::1');

    const results = await Promise.all([
      waitUntilReady(options([tcp(port, 'localhost')])),
      waitUntilReady(options([http(`http://localhost:${port}/`)])),
    ]);

    expect(results.map((result) => result.outcome)).toEqual(['ready', 'ready']);
  });

  it('dials 127.0.0.1 for a 0.0.0.0 target', async () => {
    const server = serve((_request, response) => response.end());
    const port = await listen(server, '127.0.0.1');
    const results = await Promise.all([
      waitUntilReady(options([tcp(port, '0.0.0.0')])),
      waitUntilReady(options([http(`http://0.0.0.0:${port}/`)])),
    ]);
    expect(results.map((result) => result.outcome)).toEqual(['ready', 'ready']);
  });
});

describe('socket probe', () => {
  it('is ready once a Unix socket accepts, resolving the path against cwd', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bgsvc-probes-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const server = createServer((socket) => socket.destroy());
    cleanups.push(() => close(server));
    setTimeout(() => server.listen(join(dir, 'app.sock')), 150);

    const result = await waitUntilReady(
      options([{ kind: 'socket', text: 'socket:app.sock', path: 'app.sock' }], { cwd: dir }),
    );

    expect(result.outcome).toBe('ready');
    expect(result.ms).toBeGreaterThanOrEqual(140);
  });
});

describe('findTakenTargets', () => {
  it('reports a loopback port a server already holds, and not a free one', async () => {
    const server = createServer((socket) => socket.destroy());
    cleanups.push(() => close(server));
    const held = await listen(server, '127.0.0.1');
    const free = await freePort();
    const probes = [tcp(held), tcp(free), http(`http://localhost:${held}/health`), http(`http://localhost:${free}/`)];

    const taken = await findTakenTargets(probes);

    expect(taken).toEqual([
      { probe: probes[0], host: '127.0.0.1', port: held },
      { probe: probes[2], host: '127.0.0.1', port: held },
    ]);
  });

  it('finds a localhost target held on ::1 only', async (context) => {
    if (!ipv6) context.skip(NO_IPV6);
    const server = createServer((socket) => socket.destroy());
    cleanups.push(() => close(server));
    const held = await listen(server, '::1');
    const taken = await findTakenTargets([tcp(held, 'localhost')]);
    expect(taken).toMatchObject([{ host: '::1', port: held }]);
  });

  it('ignores targets that are not on this machine', async () => {
    const taken = await findTakenTargets([tcp(80, '192.0.2.1'), http('http://example.invalid:81/')]);
    expect(taken).toEqual([]);
  });
});

describe('probes are polite to the server they probe', () => {
  it('closes a tcp probe with FIN, not RST, so a server that greets on connect sees no ECONNRESET', async () => {
    const errors: string[] = [];
    const greeted = new Promise<void>((done) => {
      const server = createServer((socket) => {
        socket.on('error', (error: NodeJS.ErrnoException) => errors.push(String(error.code)));
        socket.on('close', () => done());
        socket.end('hello from the server\n');
      });
      cleanups.push(() => close(server));
      void listen(server, '127.0.0.1').then((port) => waitUntilReady(options([tcp(port)])));
    });
    await greeted;
    expect(errors).toEqual([]);
  });
});
