import type { NetConnectOpts } from 'node:net';
import { net } from '../builtins.js';
import { describeError, formatMs } from './time.js';
import { monotonicMs } from '../clock.js';

export interface ConnectOnceOptions {
  timeoutMs: number;
  signal: AbortSignal;
}

// How long a probe's connection may linger to close gracefully after success.
const GRACEFUL_CLOSE_MS = 250;

// One connection attempt, shared by tcp/socket probes and the taken-port check.
// Resolves undefined on success or the reason it failed.
export function connectOnce(target: NetConnectOpts, options: ConnectOnceOptions): Promise<string | undefined> {
  const started = monotonicMs();
  if (options.signal.aborted) return Promise.resolve(`no connection after ${formatMs(0)}`);
  return new Promise((resolve) => {
    let failure: string | undefined = 'closed before connecting';
    let settled = false;
    const socket = net().connect(target);
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', giveUp);
      resolve(failure);
    };
    const giveUp = () => {
      failure = `no connection after ${formatMs(monotonicMs() - started)}`;
      socket.destroy();
    };
    const timer = setTimeout(giveUp, options.timeoutMs);
    options.signal.addEventListener('abort', giveUp, { once: true });
    socket.once('connect', () => {
      failure = undefined;
      // Close politely: read and discard what the server sends, then FIN. A
      // destroy() with unread data sends a RST, and naive servers that greet on
      // connect crash on the ECONNRESET (seen with a bare net.createServer).
      socket.resume();
      socket.end();
      socket.unref();
      setTimeout(() => socket.destroy(), GRACEFUL_CLOSE_MS).unref();
      settle();
    });
    socket.on('error', (error) => {
      if (!settled) failure = describeError(error);
    });
    socket.once('close', settle);
  });
}
