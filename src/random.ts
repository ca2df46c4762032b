// Random names and ids (temporary file names, a run's cookie, the runner's
// file-command delimiters) from /dev/urandom, the kernel's CSPRNG that
// node:crypto reads too. Loading node:crypto costs a process 8-13 ms here
// (OpenSSL's set-up and the streams it pulls in), more than everything these
// few bytes need; the action's steps paid it on every job (issue 16).
import { closeSync, openSync, readSync } from 'node:fs';
import { crypto } from './builtins.js';

/** Read ahead, so one open serves a whole run's names. */
const POOL_BYTES = 256;
let pool: Buffer = Buffer.alloc(0);
let used = 0;

export function randomBytes(count: number): Buffer {
  if (count > POOL_BYTES) return readRandom(count);
  if (used + count > pool.length) {
    pool = readRandom(POOL_BYTES);
    used = 0;
  }
  // A copy: bytes handed out are never handed out again.
  const bytes = Buffer.from(pool.subarray(used, used + count));
  used += count;
  return bytes;
}

export function randomHex(byteCount: number): string {
  return randomBytes(byteCount).toString('hex');
}

/** An RFC 9562 version 4 UUID, what crypto.randomUUID() returns. */
export function randomUUID(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function readRandom(count: number): Buffer {
  const bytes = Buffer.alloc(count);
  let fd: number;
  try {
    fd = openSync('/dev/urandom', 'r');
  } catch {
    // A sandbox without /dev: node:crypto knows other ways (getrandom).
    return crypto().randomBytes(count);
  }
  try {
    let filled = 0;
    while (filled < count) {
      const read = readSync(fd, bytes, filled, count - filled, null);
      if (read === 0) throw new Error('/dev/urandom ended');
      filled += read;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
