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
    const environ = readEnvironSettled(pid);
    if (environ && Buffer.concat([Buffer.from([0]), environ]).indexOf(needle) >= 0 && !isZombie(pid)) found.push(pid);
  }
  return found;
}

// A process in the middle of an exec reads as having no environment for a
// moment; counted as "not ours" then, a leftover could pass for gone. Read it
// again until the exec is through (a few µs; 200 ms at most).
function readEnvironSettled(pid: number): Buffer | undefined {
  const deadline = Date.now() + 200;
  for (;;) {
    let environ: Buffer;
    try {
      environ = readFileSync(`/proc/${pid}/environ`);
    } catch {
      return undefined; // Gone or not readable.
    }
    if (environ.length > 0 || !isMidExec(pid) || Date.now() > deadline) return environ;
  }
}

/**
 * Read without the product's reader: stat says the process is neither a zombie
 * nor exiting (PF_EXITING, 0x4) nor a kernel thread (PF_KTHREAD, 0x200000) and
 * has env_end (field 51) 0: its exec has swapped in the new memory but not yet
 * laid out the environment. Call it when the environment read empty.
 */
export function isMidExec(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return !'ZXx'.includes(fields[0]!) && (Number(fields[6]) & 0x200004) === 0 && fields[48] === '0';
  } catch {
    return false;
  }
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
