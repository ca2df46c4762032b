// Independent /proc readers for assertions. Deliberately not the code under
// test: a test that checks "nothing is left" with the same scanner it tests
// could not fail when the scanner is wrong.
import { readdirSync, readFileSync } from 'node:fs';

/** Pids (not zombies) whose environment contains `key=value`. */
export function pidsWithEnv(key: string, value: string): number[] {
  const needle = Buffer.from(`\0${key}=${value}\0`);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const environ = Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${pid}/environ`)]);
      if (environ.indexOf(needle) >= 0 && !isZombie(pid)) found.push(pid);
    } catch {
      // Gone or not readable.
    }
  }
  return found;
}

/** The process's argv joined by spaces; '' once it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The parent pid, from /proc/<pid>/stat; undefined once the process is gone. */
export function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

/** Polls `predicate` until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, stepMs = 10): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return predicate();
}

/**
 * Waits until a process carrying `key=value` runs exactly `wanted` (argv joined by
 * spaces) and returns its pid, or undefined after `timeoutMs`. Tests use it where a
 * process count is not enough: the service's shell must have got past what runs
 * before that command (its output, its trap).
 */
export async function waitForCommandWithEnv(key: string, value: string, wanted: string, timeoutMs = 5000): Promise<number | undefined> {
  let found: number | undefined;
  await waitFor(() => (found = pidsWithEnv(key, value).find((pid) => commandLine(pid) === wanted)) !== undefined, timeoutMs);
  return found;
}

/** Kills every process carrying `key=value` (test cleanup, so one failure does not leak into the next). */
export function killAllWithEnv(key: string, value: string): void {
  for (const pid of pidsWithEnv(key, value)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** The local addresses listening on a TCP port, from /proc/net/tcp{,6}: ['127.0.0.1'], or ['0.0.0.0'] / ['::'] for every interface. */
export function listenAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue;
      const [hex, portHex] = local.split(':') as [string, string];
      if (Number.parseInt(portHex, 16) !== port) continue;
      addresses.push(hex.length === 8 ? (hex.match(/../g) ?? []).reverse().map((byte) => Number.parseInt(byte, 16)).join('.') : ipv6(hex));
    }
  }
  return addresses;
}

// /proc/net/tcp6 writes an address as four 32-bit words, each in host byte order; the common ones are named.
function ipv6(hex: string): string {
  if (/^0{32}$/.test(hex)) return '::';
  if (hex === '00000000000000000000000001000000') return '::1';
  return hex;
}
