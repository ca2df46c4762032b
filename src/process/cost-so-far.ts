// What a running service has cost so far, for `status`: one read of /proc per
// process of its tree, on demand (no sampling). A lower bound, like any
// reading taken while it runs: processes that already exited kept their peak
// memory to themselves.
import { combineCost, type MeasuredCost } from './service-cost.js';
import type { ServiceProcesses } from './ownership.js';
import { findOurProcesses, protectedPids } from './tree.js';
import type { ProcessPlatform, ProcessSnapshot } from './types.js';

export function costSoFar(service: ServiceProcesses, platform: ProcessPlatform, snapshot: ProcessSnapshot): MeasuredCost | undefined {
  if (!platform.usageOf) return undefined;
  const ours = findOurProcesses(snapshot, {
    leader: { pid: service.pid, startTime: service.startTime },
    cookie: service.cookie,
    adopted: service.adopted,
    spared: protectedPids(snapshot.processes, process.pid),
  });
  const atSignal = [];
  for (const info of ours.processes.values()) {
    const usage = platform.usageOf(info.pid, info.startTime);
    if (usage) atSignal.push({ pid: info.pid, usage });
  }
  return combineCost(undefined, atSignal, ours.leaderVerified ? service.pid : undefined);
}
