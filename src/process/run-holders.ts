// Whether a port or socket is served by a service of this very start: a
// probe may wait on what another service serves (api behind a proxy probes
// db's port), and that is no leftover of an earlier job. Decided here, with
// the rest of "which processes are ours" (ownership.ts).
import type { ListenedTarget, ServiceProcesses } from './ownership.js';
import type { ProcessPlatform } from './types.js';

/** What a start knows of one of its services: enough to tell its processes. */
export interface RunService extends Pick<ServiceProcesses, 'adopted' | 'startTime'> {
  name: string;
  /** What its probes found listening at ready (absent before). */
  listeners?: ListenedTarget[];
}

/**
 * The service of this start (run id `runId`) that holds `target`, or
 * undefined when the holder is someone else's. A visible holder is ours if it
 * carries the run's cookie with that service's name, is one of the service's
 * adopted holders (same pid and start time), or holds what the service's
 * probes found listening at its ready and started after the service did (a
 * daemon that overwrote its environment, such as redis-server --daemonize,
 * under the reaper wrapper: the target was checked free before the service
 * launched). When no holder is visible (another user's process, one started
 * through sudo), the target is ours if a service of this start recorded it.
 */
export function runServiceHolding(target: ListenedTarget, run: { runId: string; services: readonly RunService[] }, platform: ProcessPlatform): string | undefined {
  const holders = target.kind === 'tcp' ? platform.findListeners(target.port) : platform.findSocketListeners(target.path);
  if (holders.length > 0) {
    const owners = holders.map(({ pid }) =>
      run.services.find(
        (service) =>
          platform.hasEnv(pid, { BGSVC_ID: run.runId, BGSVC_SERVICE: service.name }) ||
          (service.adopted ?? []).some((holder) => holder.pid === pid && platform.isAlive(pid, holder.startTime)) ||
          (recorded(service, target) && startedSince(platform.startTimeOf(pid), service.startTime)),
      ),
    );
    // Every visible holder must be ours: one stranger among them is a conflict.
    return owners.every((owner) => owner !== undefined) ? owners[0]!.name : undefined;
  }
  return run.services.find((service) => recorded(service, target))?.name;
}

function recorded(service: RunService, target: ListenedTarget): boolean {
  return (service.listeners ?? []).some((listener) => sameTarget(listener, target));
}

// Start times compare as numbers where the platform gives clock ticks (Linux);
// elsewhere (macOS) nothing is assumed.
function startedSince(startTime: string | undefined, reference: string): boolean {
  if (!startTime || !/^\d+$/.test(startTime) || !/^\d+$/.test(reference)) return false;
  return Number(startTime) >= Number(reference);
}

function sameTarget(a: ListenedTarget, b: ListenedTarget): boolean {
  if (a.kind === 'tcp' && b.kind === 'tcp') return a.port === b.port;
  return a.kind === 'socket' && b.kind === 'socket' && a.path === b.path;
}
