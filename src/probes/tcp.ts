import { connectOnce } from './connect.js';
import type { ProbeRunner } from './context.js';
import { probeAddresses } from './hosts.js';
import { attemptAny, pollUntilSuccess } from './poll.js';

/** Long enough for a remote SYN/ACK; a refused loopback connect fails in microseconds anyway. */
export const CONNECT_TIMEOUT_MS = 2_000;

// `tcp:host:port` passes once anything accepts a connection there.
export const runTcpProbe: ProbeRunner<'tcp'> = (probe, context) =>
  pollUntilSuccess(
    attemptAny(probeAddresses(probe.host), (host, signal) =>
      connectOnce({ host, port: probe.port }, { timeoutMs: CONNECT_TIMEOUT_MS, signal }),
    ),
    context,
  );
