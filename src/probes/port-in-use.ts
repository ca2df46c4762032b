import type { ProbeSpec } from '../config/types.js';
import { connectOnce } from './connect.js';
import { isLoopbackHost, probeAddresses } from './hosts.js';
import { parseProbeUrl } from './http.js';

/** Loopback answers (or refuses) in microseconds; this only bounds a stuck SYN. */
const DEFAULT_TIMEOUT_MS = 200;

export interface TakenTarget {
  probe: ProbeSpec;
  /** The address that accepted: 127.0.0.1 or ::1 for `localhost`. */
  host: string;
  port: number;
}

// A port already accepting before the service starts (an orphan from an
// earlier job) would make its probe pass at once against the wrong process,
// so start reports it instead of waiting. Loopback targets only: a remote
// host being up is expected, and we could not name its holder anyway.
export async function findTakenTargets(
  probes: ProbeSpec[],
  options: { timeoutMs?: number } = {},
): Promise<TakenTarget[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = new AbortController().signal;
  const checks = probes.map(async (probe): Promise<TakenTarget | undefined> => {
    const target = localTarget(probe);
    if (!target) return undefined;
    const addresses = probeAddresses(target.host);
    const failures = await Promise.all(
      addresses.map((host) => connectOnce({ host, port: target.port }, { timeoutMs, signal })),
    );
    const index = failures.findIndex((failure) => failure === undefined);
    return index < 0 ? undefined : { probe, host: addresses[index]!, port: target.port };
  });
  return (await Promise.all(checks)).filter((taken): taken is TakenTarget => taken !== undefined);
}

export function localTarget(probe: ProbeSpec): { host: string; port: number } | undefined {
  if (probe.kind === 'tcp') return isLoopbackHost(probe.host) ? { host: probe.host, port: probe.port } : undefined;
  if (probe.kind !== 'http') return undefined;
  let url: URL;
  try {
    url = parseProbeUrl(probe.url);
  } catch {
    return undefined;
  }
  if (!isLoopbackHost(url.hostname)) return undefined;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return { host: url.hostname, port };
}
