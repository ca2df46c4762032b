// Every process the bench starts goes through `launch`: it carries the run's
// mark in its environment (so do its descendants, daemons included), it is
// tracked until it exits, and `cleanUp` kills whatever is left, even when a
// scenario throws or the run is interrupted.
import { spawn } from 'node:child_process';
import { now } from './clock.mjs';
import { killByEnv } from './proc.mjs';

export const RUN_KEY = 'BGSVC_BENCH_RUN';
export const RUN_ID = `${process.pid}-${Date.now().toString(36)}`;
export const RUN_MARK = { [RUN_KEY]: RUN_ID };

/** Captured output is capped: a chatty tool must not grow the bench's heap without bound. */
const MAX_CAPTURE = 1 << 20;

const live = new Map();

/**
 * Starts a process. `watch` maps names to regexes tested against stdout +
 * stderr; `seen` records when each first matched (bench clock), e.g. the
 * moment a tool printed "exited with code 3".
 */
export function launch(file, args, options = {}) {
  const detached = options.detached ?? false;
  const spawnedAt = now();
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env, ...RUN_MARK },
    detached,
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
  const handle = {
    child,
    pid: child.pid,
    spawnedAt,
    output: '',
    seen: new Map(),
    exit: undefined,
  };
  const watch = Object.entries(options.watch ?? {});
  const onData = (chunk) => {
    const at = now();
    if (handle.output.length < MAX_CAPTURE) handle.output += chunk;
    for (const [name, pattern] of watch) {
      if (!handle.seen.has(name) && pattern.test(handle.output)) handle.seen.set(name, at);
    }
  };
  child.stdout?.setEncoding('utf8').on('data', onData);
  child.stderr?.setEncoding('utf8').on('data', onData);
  if (child.pid !== undefined) live.set(child.pid, { detached });
  handle.exit = new Promise((resolve) => {
    child.once('error', (error) => {
      if (child.pid !== undefined) live.delete(child.pid);
      resolve({ code: null, signal: null, at: now(), error });
    });
    child.once('exit', (code, signal) => {
      live.delete(child.pid);
      resolve({ code, signal, at: now() });
    });
  });
  return handle;
}

// Waits for exit, at most `capMs`; past the cap the process (its group when
// detached) is killed and the result says so. Output is complete on return.
export async function waitExit(handle, capMs) {
  let timer;
  const capped = new Promise((resolve) => {
    timer = setTimeout(() => resolve('cap'), capMs);
  });
  const first = await Promise.race([handle.exit, capped]);
  clearTimeout(timer);
  if (first === 'cap') {
    killHandle(handle);
    const exit = await handle.exit;
    await streamsClosed(handle);
    return { ...exit, timedOut: true };
  }
  await streamsClosed(handle);
  return { ...first, timedOut: false };
}

/** launch + waitExit. */
export function run(file, args, options = {}) {
  const handle = launch(file, args, options);
  return waitExit(handle, options.capMs ?? 30_000).then((exit) => ({ ...exit, handle, output: handle.output }));
}

export function killHandle(handle, signal = 'SIGKILL') {
  const entry = live.get(handle.pid);
  if (!entry) return;
  try {
    process.kill(entry.detached ? -handle.pid : handle.pid, signal);
  } catch {
    // Already gone.
  }
}

// The final sweep: tracked processes and groups first, then anything that
// still carries this run's mark (grandchildren, daemons, services bgsvc left).
export function cleanUp() {
  for (const [pid, { detached }] of live) {
    try {
      process.kill(detached ? -pid : pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  live.clear();
  return killByEnv(RUN_MARK);
}

// A child's pipes may deliver their last bytes after 'exit'; a stuck one
// (a daemon holding it) must not stall the run, so this is bounded.
function streamsClosed(handle) {
  const streams = [handle.child.stdout, handle.child.stderr].filter((stream) => stream && !stream.closed);
  if (streams.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    let left = streams.length;
    const timer = setTimeout(resolve, 1000);
    for (const stream of streams) {
      stream.once('close', () => {
        left -= 1;
        if (left === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
}
