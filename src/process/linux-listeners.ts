// Who holds a TCP port in LISTEN state, from /proc alone: the socket inodes in
// /proc/net/tcp{,6}, then the processes whose fds point at `socket:[inode]`.
// Used to name the holder of a port taken before a service starts.
import { readdirSync, readlinkSync } from 'node:fs';
import { readCommandLine, readProcText, readStat } from './proc-read.js';

const TCP_LISTEN = '0A';

export function findLinuxListeners(port: number, startedSince?: string): Array<{ pid: number; command: string }> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const inode of listeningInodes(readProcText(table) ?? '', port)) inodes.add(inode);
  }
  return holdersOf(inodes, startedSince);
}

// The same for a Unix socket, from /proc/net/unix (its last column is the bound path).
export function findLinuxSocketListeners(path: string, startedSince?: string): Array<{ pid: number; command: string }> {
  return holdersOf(new Set(listeningUnixInodes(readProcText('/proc/net/unix') ?? '', path)), startedSince);
}

// Lines: "Num RefCount Protocol Flags Type St Inode Path"; a listening socket has
// the __SO_ACCEPTCON flag (0x10000).
export function listeningUnixInodes(table: string, path: string): string[] {
  const inodes: string[] = [];
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [flags, inode, bound] = [fields[3], fields[6], fields.slice(7).join(' ')];
    if (!flags || !inode || bound !== path) continue;
    if ((Number.parseInt(flags, 16) & 0x10000) !== 0) inodes.push(inode);
  }
  return inodes;
}

function holdersOf(inodes: Set<string>, startedSince: string | undefined): Array<{ pid: number; command: string }> {
  if (inodes.size === 0) return [];
  // Start times are clock ticks since boot: one stat read spares the fd walk
  // (a readlink per fd, dozens for a Node process) of every older process.
  const since = startedSince !== undefined && /^\d+$/.test(startedSince) ? Number(startedSince) : undefined;
  const holders: Array<{ pid: number; command: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (since !== undefined && !(Number(readStat(pid)?.startTime) >= since)) continue;
    if (holdsAnySocket(pid, inodes)) holders.push({ pid, command: readCommandLine(pid) ?? '' });
  }
  return holders;
}

// Lines: "sl local_address rem_address st … uid timeout inode …", addresses as HEXIP:HEXPORT.
export function listeningInodes(table: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    const inode = fields[9];
    if (!local || !inode || fields[3] !== TCP_LISTEN || inode === '0') continue;
    if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) inodes.push(inode);
  }
  return inodes;
}

function holdsAnySocket(pid: number, inodes: Set<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false; // gone, or another user's process
  }
  for (const fd of fds) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return true;
    } catch {
      // fd closed meanwhile
    }
  }
  return false;
}
