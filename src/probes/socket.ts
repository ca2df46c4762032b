import { resolve } from 'node:path';
import { connectOnce } from './connect.js';
import type { ProbeRunner } from './context.js';
import { pollUntilSuccess } from './poll.js';
import { CONNECT_TIMEOUT_MS } from './tcp.js';

// `socket:/path.sock` passes once a Unix socket there accepts a connection: the
// file alone existing is not enough (a stale socket file refuses).
export const runSocketProbe: ProbeRunner<'socket'> = (probe, context) => {
  const path = resolve(context.cwd, probe.path);
  return pollUntilSuccess((signal) => connectOnce({ path }, { timeoutMs: CONNECT_TIMEOUT_MS, signal }), context);
};
