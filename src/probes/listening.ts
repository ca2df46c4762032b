// What a service's probes found listening at ready, and whether it still
// listens after the service was stopped. A port or socket that is still open
// is the one leak bgsvc can see even when it cannot see the process behind
// it (started through sudo, another user's, non-dumpable like ssh-agent).
import { resolve } from 'node:path';
import type { ProbeSpec } from '../config/types.js';
import { connectOnce } from './connect.js';
import { probeAddresses } from './hosts.js';
import { localTarget } from './port-in-use.js';
import { sleep } from '../sleep.js';
import { monotonicMs } from '../clock.js';

export type ListenTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'socket'; path: string };

/** Loopback answers (or refuses) in microseconds; this only bounds a stuck SYN. */
const ATTEMPT_TIMEOUT_MS = 200;
const POLL_MS = 25;

// The loopback tcp/http targets and Unix sockets among a service's probes:
// at ready every probe has passed, so each of them was listening then.
export function listenTargetsOf(probes: ProbeSpec[], cwd: string): ListenTarget[] {
  const targets: ListenTarget[] = [];
  for (const probe of probes) {
    if (probe.kind === 'socket') {
      targets.push({ kind: 'socket', path: resolve(cwd, probe.path) });
      continue;
    }
    const local = localTarget(probe);
    if (local && !targets.some((t) => t.kind === 'tcp' && t.host === local.host && t.port === local.port)) {
      targets.push({ kind: 'tcp', host: local.host, port: local.port });
    }
  }
  return targets;
}

export function describeListenTarget(target: ListenTarget): string {
  return target.kind === 'socket' ? `socket:${target.path}` : `tcp:${target.host}:${target.port}`;
}

// Waits until none of the targets accepts a connection any more, up to
// `timeoutMs` (a stop command such as `kill $(cat pid)` returns before its
// target has exited); returns those still accepting then.
export async function waitUntilClosed(targets: ListenTarget[], options: { timeoutMs: number }): Promise<ListenTarget[]> {
  const deadline = monotonicMs() + options.timeoutMs;
  let open = targets;
  for (;;) {
    open = (await Promise.all(open.map(async (target) => ((await accepts(target)) ? [target] : [])))).flat();
    if (open.length === 0 || monotonicMs() >= deadline) return open;
    await sleep(POLL_MS);
  }
}

async function accepts(target: ListenTarget): Promise<boolean> {
  const signal = new AbortController().signal;
  const options = { timeoutMs: ATTEMPT_TIMEOUT_MS, signal };
  if (target.kind === 'socket') return (await connectOnce({ path: target.path }, options)) === undefined;
  const attempts = probeAddresses(target.host).map((host) => connectOnce({ host, port: target.port }, options));
  return (await Promise.all(attempts)).some((failure) => failure === undefined);
}
