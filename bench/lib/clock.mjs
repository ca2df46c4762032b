// One clock for every process of a run: wall-clock milliseconds with
// sub-millisecond precision. Node fixtures write `performance.timeOrigin +
// performance.now()`, shell fixtures `date +%s%N`; both read CLOCK_REALTIME,
// so a server's "listening" stamp and the bench's "waiter exited" moment can
// be subtracted. (Measured here: node processes agree to about 10 µs.)
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const now = () => performance.timeOrigin + performance.now();

export { sleep };

// "1795353444695105495" (date +%s%N, ns) or "1795353444695.105" (ms) → ms.
export function parseStamp(text) {
  const trimmed = String(text).trim();
  if (/^\d{16,}$/.test(trimmed)) return Number(trimmed.slice(0, -6)) + Number(trimmed.slice(-6)) / 1e6;
  const ms = Number(trimmed);
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`Expected a timestamp, got ${JSON.stringify(text)}`);
  return ms;
}

// A stamp file, or undefined while it does not exist (or is still empty).
export function readStamp(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return text.trim() === '' ? undefined : parseStamp(text);
}

// Polls for a stamp file; bounded, so a fixture that never writes cannot hang a run.
export async function waitForStamp(path, { timeoutMs, stepMs = 5 }) {
  const deadline = now() + timeoutMs;
  for (;;) {
    const stamp = readStamp(path);
    if (stamp !== undefined) return stamp;
    if (now() >= deadline) return undefined;
    await sleep(stepMs);
  }
}

// Deterministic delays (mulberry32), so two runs wait on the same schedule.
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, between: (min, max) => Math.round(min + next() * (max - min)) };
}
