// A service's cost in a few words, the same on the stop line, in `status`
// and in the job summary. A lower bound (the wrapper's account of the whole
// tree was not available) says "≥"; what the OS did not tell says "unknown".
import { formatDuration } from '../config/duration.js';
import type { ServiceCost } from '../state/outcomes.js';

/** "peak 251 MB, CPU 1.9s"; "peak ≥ 251 MB, CPU ≥ 1.9s" for a lower bound. */
export function describeCost(cost: ServiceCost): string {
  return `peak ${describePeakMemory(cost)}, CPU ${describeCpuTime(cost)}`;
}

export function describePeakMemory(cost: ServiceCost | undefined): string {
  if (cost?.peakMemoryBytes == null) return 'unknown';
  return `${atLeast(cost)}${formatMemory(cost.peakMemoryBytes)}`;
}

export function describeCpuTime(cost: ServiceCost | undefined): string {
  if (cost?.cpuMs == null) return 'unknown';
  return `${atLeast(cost)}${formatDuration(cost.cpuMs)}`;
}

function atLeast(cost: ServiceCost): string {
  return cost.complete ? '' : '≥ ';
}

export function formatMemory(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib < 1) return `${Math.round(bytes / 1024)} KB`;
  if (mib < 1024) return `${mib < 10 ? mib.toFixed(1) : Math.round(mib)} MB`;
  return `${(mib / 1024).toFixed(1)} GB`;
}
