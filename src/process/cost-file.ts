// Reads `<name>.cost`, written by the wrapper (reaper.ts, wrapper.ts) as its
// very last act, once every child it waits for is gone: the CPU time and
// peak memory of what it reaped. Written whether the service exited on its
// own or was stopped; missing when the wrapper itself was killed (SIGKILL
// after the grace period) or is still running.
//
// Two forms, one per wrapper:
//   "tree <cpu µs> <max rss KB>"   the reaper (Linux with perl): a child
//       subreaper reaps every descendant, so getrusage(RUSAGE_CHILDREN)
//       covers the whole tree, exited processes included.
//   "children" + the output of sh's `times`   the sh wrapper: only what its
//       own child waited for; orphans re-parented to init escape it, and sh
//       cannot tell memory.
import { readFileSync } from 'node:fs';

export interface WrapperCost {
  /** `tree`: every process of the service; `children`: only those its shell waited for. */
  scope: 'tree' | 'children';
  /** User + system CPU time. */
  cpuMs: number;
  /** The largest peak resident set of any one process (ru_maxrss); undefined when the wrapper cannot tell. */
  peakMemoryBytes?: number;
}

/** `<run>/<name>.cost`, beside the service's exit file. */
export function costFileFor(exitFile: string): string {
  return exitFile.endsWith('.exit') ? `${exitFile.slice(0, -'.exit'.length)}.cost` : `${exitFile}.cost`;
}

export function readCostFile(costFile: string): WrapperCost | undefined {
  try {
    return parseCostFile(readFileSync(costFile, 'utf8'));
  } catch {
    return undefined;
  }
}

export function parseCostFile(text: string): WrapperCost | undefined {
  const tree = /^tree (\d+) (\d+)\s*$/.exec(text);
  if (tree) return { scope: 'tree', cpuMs: Math.round(Number(tree[1]) / 1000), peakMemoryBytes: Number(tree[2]) * 1024 };
  if (!text.startsWith('children\n')) return undefined;
  // `times` prints the shell's own user and system time on one line, then its
  // children's: "0m1.02s 0m0.01s" (dash and bash; dash with 6 decimals).
  const children = text.split('\n')[2]?.trim() ?? '';
  const times = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(children);
  if (!times) return undefined;
  const [, userMin, userSec, systemMin, systemSec] = times.map(Number) as [number, number, number, number, number];
  return { scope: 'children', cpuMs: Math.round((userMin * 60 + userSec + systemMin * 60 + systemSec) * 1000) };
}
