// What a service cost (DESIGN §2): peak memory and CPU time of its processes,
// decided once at stop from what was read, never sampled. Two sources:
// - the wrapper's account (cost-file.ts), written when its last child is gone;
//   the reaper's covers the whole tree, exited processes included;
// - /proc just before a SIGKILL that takes the wrapper too (linux-usage.ts;
//   see terminate.ts's measureUsage), for when that account never comes.
// Only the reaper's account is complete; anything else is a lower bound, and
// is marked so rather than passed off as the whole.
import { readCostFile, type WrapperCost } from './cost-file.js';
import type { ProcessUsage } from './types.js';

export interface MeasuredCost {
  /** The largest peak resident set of any one of its processes; null when the OS did not tell. */
  peakMemoryBytes: number | null;
  /** User + system CPU time of its processes; null when nothing could be read. */
  cpuMs: number | null;
  /** True only for the whole tree, exited processes included; otherwise both numbers are lower bounds. */
  complete: boolean;
}

export interface CostSources {
  costFile: string;
  /** Each live process as it stood just before a SIGKILL (terminate's `usageAtSignal`). */
  atSignal?: ReadonlyArray<{ pid: number; usage: ProcessUsage }>;
  /** The wrapper's pid: its own time and memory are bgsvc's, not the service's; what it reaped is the service's. */
  wrapperPid?: number;
}

export function measureServiceCost(sources: CostSources): MeasuredCost | undefined {
  return combineCost(readCostFile(sources.costFile), sources.atSignal ?? [], sources.wrapperPid);
}

export function combineCost(
  wrapper: WrapperCost | undefined,
  atSignal: ReadonlyArray<{ pid: number; usage: ProcessUsage }>,
  wrapperPid?: number,
): MeasuredCost | undefined {
  if (wrapper?.scope === 'tree') return { peakMemoryBytes: wrapper.peakMemoryBytes ?? null, cpuMs: wrapper.cpuMs, complete: true };
  // Each source alone is a lower bound of the truth, so the larger one is too.
  // (Summing could count a process twice: alive at the signal, reaped later.)
  let cpuMs: number | null = wrapper?.cpuMs ?? null;
  let peak: number | null = wrapper?.peakMemoryBytes ?? null;
  if (atSignal.length > 0) {
    let live = 0;
    for (const { pid, usage } of atSignal) {
      live += usage.reapedCpuMs + (pid === wrapperPid ? 0 : usage.cpuMs);
      if (pid !== wrapperPid && usage.peakMemoryBytes !== undefined) peak = Math.max(peak ?? 0, usage.peakMemoryBytes);
    }
    cpuMs = Math.max(cpuMs ?? 0, live);
  }
  if (cpuMs === null && peak === null) return undefined;
  return { peakMemoryBytes: peak, cpuMs, complete: false };
}
