// The bench's own /proc reader, deliberately not bgsvc's: "every process is
// gone" must be checked by code that is not the code being measured.
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { now, sleep } from './clock.mjs';

const scratch = Buffer.alloc(4096);

/** Live (not zombie) pids whose environment holds every `KEY=value` of `env`. */
export function findByEnv(env) {
  const needles = Object.entries(env).map(([key, value]) => Buffer.from(`\0${key}=${value}\0`));
  const found = [];
  for (const entry of readdirSync('/proc')) {
    const code = entry.charCodeAt(0);
    if (code < 48 || code > 57) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    let environ;
    try {
      environ = Buffer.concat([NUL, readFileSync(`/proc/${pid}/environ`), NUL]);
    } catch {
      continue; // gone, or another user's
    }
    if (needles.every((needle) => environ.indexOf(needle) >= 0) && isAlive(pid)) found.push(pid);
  }
  return found;
}

const NUL = Buffer.from([0]);

/** Exists and is not a zombie: a zombie has released everything and only awaits reaping. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code === 'ESRCH') return false;
  }
  const state = readState(pid);
  return state !== undefined && state !== 'Z' && state !== 'X';
}

function readState(pid) {
  let fd;
  try {
    fd = openSync(`/proc/${pid}/stat`, 'r');
  } catch {
    return undefined;
  }
  try {
    const length = readSync(fd, scratch, 0, scratch.length, null);
    const text = scratch.toString('latin1', 0, length);
    return text[text.lastIndexOf(')') + 2];
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** utime + stime in clock ticks (usually 10 ms each), or undefined when gone. */
export function cpuTicks(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

// Polls `pids` until none is alive or `deadline` (ms, bench clock) passes.
// Like a careful stopper it stops at the first live pid, so a poll is cheap
// and does not steal much CPU from the tool being measured (2 cores).
export async function waitUntilGone(pids, { deadline, stepMs = 2 }) {
  const pending = [...pids];
  for (;;) {
    while (pending.length > 0 && !isAlive(pending[0])) pending.shift();
    if (pending.length === 0) return { goneAt: now(), survivors: [] };
    if (now() >= deadline) return { goneAt: undefined, survivors: pending.filter(isAlive) };
    await sleep(stepMs);
  }
}

// Waits until exactly `count` processes carry `env`, twice in a row (trees
// fork in bursts); bounded. Returns their pids, or throws with what it saw.
export async function waitForCount(env, count, { timeoutMs, stepMs = 20 }) {
  const deadline = now() + timeoutMs;
  let previous = -1;
  for (;;) {
    const pids = findByEnv(env);
    if (pids.length === count && previous === count) return pids;
    if (now() >= deadline) throw new Error(`expected ${count} processes with ${JSON.stringify(env)}, found ${pids.length}`);
    previous = pids.length;
    await sleep(stepMs);
  }
}

// Waits until every pid has finished starting up: alive at least `minAgeMs`
// and using under ~20% of a core over the last 100 ms. A waiter that is still
// loading its modules is not yet waiting, and a server that listened before
// its waiter could poll would measure start-up, not detection.
export async function waitUntilIdle(pids, { minAgeMs = 100, timeoutMs = 5000 } = {}) {
  const started = now();
  const deadline = started + timeoutMs;
  let last = pids.map(cpuTicks);
  let lastAt = now();
  for (;;) {
    await sleep(100);
    const ticks = pids.map(cpuTicks);
    const at = now();
    const idle = ticks.every((value, index) => value === undefined || value - last[index] <= 2);
    if (idle && at - started >= minAgeMs && at - lastAt >= 90) return true;
    if (at >= deadline) return false;
    last = ticks;
    lastAt = at;
  }
}

// SIGKILL every process carrying `env` (cleanup); repeats while new ones appear, bounded.
export function killByEnv(env) {
  let killed = 0;
  for (let round = 0; round < 5; round += 1) {
    const pids = findByEnv(env);
    if (pids.length === 0) break;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
        killed += 1;
      } catch {
        // Already gone.
      }
    }
  }
  return killed;
}

/** How many zombies pid 1 has not reaped yet. */
export function unreapedOrphans() {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    const code = entry.charCodeAt(0);
    if (code < 48 || code > 57) continue;
    let text;
    try {
      text = readFileSync(`/proc/${entry}/stat`, 'latin1');
    } catch {
      continue;
    }
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' && fields[1] === '1') count += 1;
  }
  return count;
}

// Waits (bounded) until pid 1 has reaped the orphans of earlier runs. Some
// inits reap lazily (this VM's, about every 2 s; systemd at once), and
// hundreds of zombies slow every tool that reads the process table.
export async function waitUntilReaped({ timeoutMs = 5000, stepMs = 50 } = {}) {
  const deadline = now() + timeoutMs;
  while (unreapedOrphans() > 0 && now() < deadline) await sleep(stepMs);
  return unreapedOrphans();
}
