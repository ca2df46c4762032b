// What one live process has cost so far, from /proc: read just before a
// SIGKILL, for the case where the wrapper's own account (cost-file.ts) never
// comes because the wrapper is killed too; and by `status` while it runs.
import { readProcText } from './proc-read.js';
import type { ProcessUsage } from './types.js';

/**
 * USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every architecture
 * Node runs on (the kernel keeps it fixed for user space whatever CONFIG_HZ is).
 */
const TICKS_PER_SECOND = 100;

export function readLinuxUsage(pid: number, startTime: string): ProcessUsage | undefined {
  const stat = readProcText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const usage = parseUsage(stat, startTime);
  if (!usage) return undefined;
  // VmHWM: the peak resident set; absent for zombies and kernel threads.
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readProcText(`/proc/${pid}/status`) ?? '');
  return hwm ? { ...usage, peakMemoryBytes: Number(hwm[1]) * 1024 } : usage;
}

// Fields 14-17 of /proc/<pid>/stat: utime, stime, cutime, cstime; counted
// from the last ')' like parseStat, and only while the pid is the same process.
export function parseUsage(stat: string, startTime: string): Omit<ProcessUsage, 'peakMemoryBytes'> | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[19] !== startTime) return undefined;
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
  if (![utime, stime, cutime, cstime].every(Number.isFinite)) return undefined;
  const ms = (ticks: number) => Math.round((ticks * 1000) / TICKS_PER_SECOND);
  return { cpuMs: ms(utime + stime), reapedCpuMs: ms(cutime + cstime) };
}
