// Independent /proc readers for processes the cookie cannot see: servers such
// as PostgreSQL's backends and Redis rewrite their title over the memory that
// /proc/<pid>/environ shows, so "nothing left" is also checked by family tree
// and by the pid a server wrote to its pid file.
import { readdirSync, readFileSync } from 'node:fs';
import { isAlive } from './proc.js';

/** Every live descendant of `pid`, from one pass over /proc. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (isAlive(next)) found.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

/** The pid on the first line of a server's pid file (redis.pid, postmaster.pid). */
export function pidFromFile(file: string): number {
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

/**
 * Test cleanup for servers the cookie cannot find: kill the pid and its
 * descendants, if its command line still matches (a pid reused since is spared).
 */
export function killFamilyOf(pid: number, command: RegExp): void {
  let line = '';
  try {
    line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return;
  }
  if (command.test(line)) killFamily(pid);
}

/** Kills the pid and its descendants; only for pids proven ours just before. */
export function killFamily(pid: number): void {
  for (const target of [pid, ...descendantsOf(pid)]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
