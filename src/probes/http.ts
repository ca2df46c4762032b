import type { ClientRequest } from 'node:http';
import { http, https } from '../builtins.js';
import type { ProbeRunner } from './context.js';
import { probeAddresses, stripBrackets } from './hosts.js';
import { attemptAny, pollUntilSuccess } from './poll.js';
import { describeError, formatMs } from './time.js';
import { monotonicMs } from '../clock.js';

/** A server that accepts but never answers must not stall the probe. */
export const REQUEST_TIMEOUT_MS = 2_000;

export interface HttpTarget {
  url: URL;
  method: string;
  headers: Record<string, string>;
  accept: (status: number) => boolean;
}

// wait-on's `http-get://` spelling means a GET, which is what we send anyway.
export function parseProbeUrl(text: string): URL {
  return new URL(text.replace(/^(https?)-get:/i, '$1:'));
}

// Readiness means "answers with an acceptable status"; with no list, any
// non-error status (redirects included, since we never follow them).
export function acceptStatus(status: number[] | undefined): (code: number) => boolean {
  if (status === undefined || status.length === 0) return (code) => code >= 200 && code <= 399;
  const allowed = new Set(status);
  return (code) => allowed.has(code);
}

// `http://…`/`https://…` passes once a request answers with an accepted status.
export const runHttpProbe: ProbeRunner<'http'> = async (probe, context) => {
  const url = parseProbeUrl(probe.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`unsupported protocol ${JSON.stringify(url.protocol)} in ${JSON.stringify(probe.url)}`);
  }
  const target: HttpTarget = { url, method: probe.method, headers: probe.headers, accept: acceptStatus(probe.status) };
  await pollUntilSuccess(
    attemptAny(probeAddresses(url.hostname), (address, signal) => requestOnce(target, address, signal)),
    context,
  );
};

// One request to one address. Resolves only after the socket is closed:
// `agent: false` (no keep-alive pool) and destroying the request as soon as
// the status is known leave nothing behind.
export function requestOnce(target: HttpTarget, address: string, signal: AbortSignal): Promise<string | undefined> {
  const started = monotonicMs();
  if (signal.aborted) return Promise.resolve(`no response after ${formatMs(0)}`);
  const { url } = target;
  const secure = url.protocol === 'https:';
  return new Promise((resolve) => {
    let failure: string | undefined = 'closed without a response';
    let answered = false;
    let gaveUp = false;
    let request: ClientRequest;
    try {
      request = (secure ? https() : http()).request({
        host: stripBrackets(address),
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: target.method,
        // The Host header stays as written even when `localhost` is dialled as
        // 127.0.0.1 or ::1: virtual hosts and dev servers check it.
        headers: { host: url.host, ...target.headers },
        auth: url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined,
        agent: false,
        // Readiness only, like the wait-on package's default: CI services
        // commonly use self-signed certificates, and no data is exchanged.
        rejectUnauthorized: false,
      });
    } catch (error) {
      resolve(describeError(error));
      return;
    }
    const giveUp = () => {
      gaveUp = true;
      if (!answered) failure = `no response after ${formatMs(monotonicMs() - started)}`;
      request.destroy();
    };
    const timer = setTimeout(giveUp, REQUEST_TIMEOUT_MS);
    signal.addEventListener('abort', giveUp, { once: true });
    request.on('response', (response) => {
      answered = true;
      const status = response.statusCode ?? 0;
      failure = target.accept(status) ? undefined : `HTTP ${status}`;
      response.on('error', () => {});
      request.destroy();
    });
    request.on('error', (error) => {
      // Destroying a request reports "socket hang up"; the reason we gave up is the real one.
      if (!answered && !gaveUp) failure = describeError(error);
    });
    request.once('close', () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', giveUp);
      resolve(failure);
    });
    request.end();
  });
}
