import { describe, expect, it } from 'vitest';
import { parseProbe, type ProbeSpec } from '../../src/config/index.js';

const http = (text: string, url: string, extra: Partial<Extract<ProbeSpec, { kind: 'http' }>> = {}): ProbeSpec => ({
  kind: 'http', text, url, method: 'GET', status: undefined, headers: {}, ...extra,
});

describe('probe strings', () => {
  it.each<[string, ProbeSpec]>([
    ['http://127.0.0.1:3000/health', http('http://127.0.0.1:3000/health', 'http://127.0.0.1:3000/health')],
    ['https://localhost/ready', http('https://localhost/ready', 'https://localhost/ready')],
    ['http://localhost:3000', http('http://localhost:3000', 'http://localhost:3000/')],
    ['http-get://localhost:8080/x', http('http-get://localhost:8080/x', 'http://localhost:8080/x')],
    ['https-get://example.test', http('https-get://example.test', 'https://example.test/')],
    ['tcp:6379', { kind: 'tcp', text: 'tcp:6379', host: 'localhost', port: 6379 }],
    ['tcp:db.internal:5432', { kind: 'tcp', text: 'tcp:db.internal:5432', host: 'db.internal', port: 5432 }],
    ['tcp:127.0.0.1:1', { kind: 'tcp', text: 'tcp:127.0.0.1:1', host: '127.0.0.1', port: 1 }],
    ['tcp:[::1]:65535', { kind: 'tcp', text: 'tcp:[::1]:65535', host: '::1', port: 65535 }],
    ['tcp://localhost:80', { kind: 'tcp', text: 'tcp://localhost:80', host: 'localhost', port: 80 }],
    ['socket:/tmp/app.sock', { kind: 'socket', text: 'socket:/tmp/app.sock', path: '/tmp/app.sock' }],
    ['file:ready.flag', { kind: 'file', text: 'file:ready.flag', path: 'ready.flag' }],
    ['file:/tmp/ready', { kind: 'file', text: 'file:/tmp/ready', path: '/tmp/ready' }],
    ['file:///tmp/ready', { kind: 'file', text: 'file:///tmp/ready', path: '/tmp/ready' }],
    ['log: Listening on', { kind: 'log', text: 'log: Listening on', pattern: 'Listening on' }],
    ['log:ready in \\d+ms', { kind: 'log', text: 'log:ready in \\d+ms', pattern: 'ready in \\d+ms' }],
    ['cmd: pg_isready -h 127.0.0.1', { kind: 'cmd', text: 'cmd: pg_isready -h 127.0.0.1', command: 'pg_isready -h 127.0.0.1' }],
    ['delay: 2s', { kind: 'delay', text: 'delay: 2s', ms: 2_000 }],
    ['delay: 1.5', { kind: 'delay', text: 'delay: 1.5', ms: 1_500 }],
    ['  tcp:6379  ', { kind: 'tcp', text: 'tcp:6379', host: 'localhost', port: 6379 }],
  ])('reads %j', (input, spec) => {
    expect(parseProbe(input)).toEqual(spec);
  });

  it.each([
    ['htp://localhost:3000', 'unknown probe "htp://localhost:3000" (expected http://…, https://…, tcp:PORT', 'did you mean "http://localhost:3000"?'],
    ['HTTP://localhost', 'unknown probe "HTTP://localhost"', 'did you mean "http://localhost"?'],
    ['/tmp/x', 'unknown probe "/tmp/x"', 'did you mean "file:/tmp/x"?'],
    ['./ready', 'unknown probe "./ready"', 'did you mean "file:./ready"?'],
    ['3000', 'unknown probe "3000"', 'did you mean "tcp:3000"?'],
    ['localhost:3000', 'unknown probe "localhost:3000"', 'did you mean "tcp:localhost:3000"?'],
    ['unix:/tmp/a.sock', 'unknown probe "unix:/tmp/a.sock"', 'did you mean "socket:/tmp/a.sock"?'],
    ['sleep: 2s', 'unknown probe "sleep: 2s"', 'did you mean "delay: 2s"?'],
    ['ready', 'unknown probe "ready" (expected', 'delay: DURATION)'],
    ['tcp:abc', 'invalid tcp probe "tcp:abc": "abc" is not a port number (1-65535)', 'expected tcp:PORT, tcp:HOST:PORT or tcp:[IPv6]:PORT'],
    ['tcp:localhost', 'invalid tcp probe "tcp:localhost"', 'is not a port number'],
    ['tcp:0', 'invalid tcp probe "tcp:0": port 0 is out of range (1-65535)', ''],
    ['tcp:70000', 'port 70000 is out of range', ''],
    ['tcp:::1:80', 'write an IPv6 address in brackets: [::1]:80', ''],
    ['tcp:', 'invalid tcp probe "tcp:"', ''],
    ['http://', 'invalid http probe "http://": not a valid URL', ''],
    ['http://local host/', 'a URL cannot contain spaces', ''],
    ['http://localhost:99999/', 'not a valid URL', ''],
    ['socket:', 'invalid socket probe "socket:": the path is empty', ''],
    ['file:', 'invalid file probe "file:": the path is empty', ''],
    ['log:', 'invalid log probe "log:": the pattern is empty', ''],
    ['log: (', 'invalid regular expression "(": Unterminated group', ''],
    ['cmd:', 'invalid cmd probe "cmd:": the command is empty', ''],
    ['delay: soon', 'invalid delay probe "delay: soon": invalid duration "soon"', ''],
    ['delay: -1s', 'must not be negative', ''],
    ['', 'empty probe (expected http://…', ''],
  ])('rejects %j, naming it', (input, fragment, hint) => {
    const result = parseProbe(input);
    expect(result).toEqual({ error: expect.stringContaining(fragment) });
    expect((result as { error: string }).error).toContain(hint);
  });
});

describe('probe objects', () => {
  it.each<[unknown, ProbeSpec]>([
    [{ http: 'http://127.0.0.1:3000/health' }, http('http://127.0.0.1:3000/health', 'http://127.0.0.1:3000/health')],
    [
      { http: 'https://localhost:8443/s', method: 'head', status: [200, 204], headers: { Authorization: 'Bearer x', 'X-Retry': 1 } },
      http('https://localhost:8443/s', 'https://localhost:8443/s', { method: 'HEAD', status: [200, 204], headers: { Authorization: 'Bearer x', 'X-Retry': '1' } }),
    ],
    [{ http: 'http://x', status: 401 }, http('http://x', 'http://x/', { status: [401] })],
    [{ tcp: 6379 }, { kind: 'tcp', text: 'tcp:6379', host: 'localhost', port: 6379 }],
    [{ tcp: '6379' }, { kind: 'tcp', text: 'tcp:6379', host: 'localhost', port: 6379 }],
    [{ tcp: 'db:5432' }, { kind: 'tcp', text: 'tcp:db:5432', host: 'db', port: 5432 }],
    [{ tcp: '[::1]:80' }, { kind: 'tcp', text: 'tcp:[::1]:80', host: '::1', port: 80 }],
    [{ socket: '/run/a.sock' }, { kind: 'socket', text: 'socket:/run/a.sock', path: '/run/a.sock' }],
    [{ file: 'ready.flag' }, { kind: 'file', text: 'file:ready.flag', path: 'ready.flag' }],
    [{ log: 'Listening on' }, { kind: 'log', text: 'log: Listening on', pattern: 'Listening on' }],
    [{ cmd: 'redis-cli ping' }, { kind: 'cmd', text: 'cmd: redis-cli ping', command: 'redis-cli ping' }],
    [{ delay: '2s' }, { kind: 'delay', text: 'delay: 2s', ms: 2_000 }],
    [{ delay: 3 }, { kind: 'delay', text: 'delay: 3s', ms: 3_000 }],
  ])('reads %j', (input, spec) => {
    expect(parseProbe(input)).toEqual(spec);
  });

  it.each([
    [{ stauts: 200, http: 'http://x' }, 'unknown probe key "stauts"; did you mean "status"?'],
    [{ url: 'http://x' }, 'unknown probe key "url" (expected one of http, tcp, socket, file, log, cmd, delay'],
    [{ https: 'https://x' }, 'unknown probe key "https"; did you mean "http"?'],
    [{}, 'a probe object needs one of "http", "tcp", "socket", "file", "log", "cmd" or "delay"'],
    [{ http: 'http://x', tcp: 80 }, 'a probe has both "http" and "tcp"; write one probe per list entry'],
    [{ tcp: 80, status: 200 }, '"status" only applies to http probes'],
    [{ http: 'ftp://x' }, 'http: invalid URL "ftp://x"'],
    [{ http: 42 }, 'http: expected a URL, got number 42'],
    [{ http: 'http://x', status: 99 }, 'status: expected HTTP status codes from 100 to 599, got 99'],
    [{ http: 'http://x', status: [] }, 'status: expected at least one status code'],
    [{ http: 'http://x', status: '200' }, 'status: expected HTTP status codes from 100 to 599, got "200"'],
    [{ http: 'http://x', method: 'GET /' }, 'method: expected an HTTP method'],
    [{ http: 'http://x', headers: ['a'] }, 'headers: expected a mapping of header names to values, got a list'],
    [{ http: 'http://x', headers: { 'Bad Name': 'x' } }, 'headers: invalid header name "Bad Name"'],
    [{ http: 'http://x', headers: { A: 'x\ny' } }, 'a value cannot contain line breaks'],
    [{ tcp: 'abc' }, 'tcp: "abc" is not a port number (1-65535) (expected PORT, HOST:PORT or [IPv6]:PORT)'],
    [{ tcp: 'tcp:6379' }, 'tcp: write the target without "tcp:"'],
    [{ tcp: true }, 'tcp: expected a port or "HOST:PORT", got boolean true'],
    [{ socket: '' }, 'socket: expected a non-empty string'],
    [{ log: '[' }, 'log: invalid regular expression "["'],
    [{ cmd: null }, 'cmd: expected a non-empty string, got nothing (null)'],
    [{ delay: 'later' }, 'delay: invalid duration "later"'],
  ])('rejects %j', (input, fragment) => {
    expect(parseProbe(input)).toEqual({ error: expect.stringContaining(fragment) });
  });

  it.each([
    [null, 'empty probe'],
    [6379, 'did you mean "tcp:6379"?'],
    [[['tcp:1']], 'expected one probe, got a nested list'],
    [true, 'expected a probe'],
  ])('rejects %j as a probe', (input, fragment) => {
    expect(parseProbe(input)).toEqual({ error: expect.stringContaining(fragment) });
  });
});
