// The fault matrix's harness: run a scenario N times against real processes,
// count what matters (leaked processes, strangers killed, hangs, worst time),
// and record a row for docs/reliability.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config/index.js';
import type { BgsvcEvent } from '../../../src/app/events.js';
import type { StateLocation } from '../../../src/state/index.js';
import type { Deps } from '../../../src/app/deps.js';
import { currentPlatform } from '../../../src/process/index.js';
import { isAlive, killAllWithEnv, pidsWithEnv } from '../../helpers/proc.js';
import { keepScratch, removeScratch, scratchDir, scratchMark } from '../../helpers/scratch.js';

/**
 * Repetitions per scenario: 8 in CI (what keeps the whole suite under its
 * 10 minutes on 2 cores, now that it covers ports, tasks, templates and
 * costs too), more with BGSVC_FAULT_REPS; docs/reliability.md has runs of
 * 20 and 100.
 */
export const REPS = Number(process.env.BGSVC_FAULT_REPS ?? 8);
/** Any single operation past this counts as a hang (and is cut off). */
export const HANG_MS = 30_000;
/** A whole scenario's vitest deadline: generous per repetition, so BGSVC_FAULT_REPS=100 is not cut off. */
export const SCENARIO_TIMEOUT_MS = 30_000 + REPS * 3_000;
export const RESULTS_DIR = process.env.BGSVC_FAULT_RESULTS ?? join(tmpdir(), 'bgsvc-fault-results');

export interface Outcome {
  /** Processes of this run (by BGSVC_ID) still alive at the end. */
  leaks: number;
  /** Bystander processes that died. */
  wrongKills: number;
  hang: boolean;
  ms: number;
}

export interface Row extends Outcome {
  scenario: string;
  reps: number;
  failures: string[];
}

/** A bystander: a process bgsvc did not start and must never kill. */
export function startStranger(): ChildProcess {
  return spawn('sleep', ['1000'], { stdio: 'ignore', detached: true });
}

export function sandbox(): { dir: string; location: StateLocation } {
  const dir = scratchDir('fault');
  const stateDir = join(dir, 'state');
  return { dir, location: { stateDir, logDir: join(stateDir, 'logs') } };
}

// The matrix is about stopping (leaks, wrong kills, hangs), not about how long
// a probe-less service must run to count as ready: 100 ms of settle time instead
// of 1 s keeps 20 repetitions a row affordable, and still fails a command that
// dies at once. A row that sets a shorter one keeps it.
const MATRIX_SETTLE_MS = 100;

export function plan(yaml: string, cwd: string) {
  const parsed = parseConfig(yaml, { source: 'fault.yml', cwd });
  return { ...parsed, services: parsed.services.map((service) => ({ ...service, settleMs: Math.min(service.settleMs, MATRIX_SETTLE_MS) })) };
}

export function collect(): { events: BgsvcEvent[]; emit: (event: BgsvcEvent) => void } {
  const events: BgsvcEvent[] = [];
  return { events, emit: (event) => events.push(event) };
}

/** What the use cases need, as the CLI builds it: this machine's process table and this process's environment. */
export function depsFor(emit: (event: BgsvcEvent) => void): Deps {
  return { platform: currentPlatform(), env: process.env, emit };
}

export async function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HangError(`${what} did not finish within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export class HangError extends Error {}

/** Live processes carrying this cookie, after a short settle for zombies to be reaped. */
export function leakedBy(id: string): number[] {
  return pidsWithEnv('BGSVC_ID', id);
}

export interface RepContext {
  rep: number;
  stranger: ChildProcess;
}

// Runs one scenario REPS times. Each repetition returns the BGSVC_IDs it
// created; leaks are counted from /proc, the stranger is checked after each.
export async function runScenario(
  scenario: string,
  body: (context: RepContext) => Promise<{ ids: string[] }>,
  reps = REPS,
): Promise<Row> {
  // `reps` counts the repetitions that ran, so a cut-off run cannot claim more than it did.
  const row: Row = { scenario, reps: 0, leaks: 0, wrongKills: 0, hang: false, ms: 0, failures: [] };
  const stranger = startStranger();
  try {
    for (let rep = 0; rep < reps; rep++) {
      const started = performance.now();
      const dirsBefore = scratchMark();
      let ids: string[] = [];
      let failed = false;
      try {
        ({ ids } = await body({ rep, stranger }));
      } catch (error) {
        if (error instanceof HangError) row.hang = true;
        row.failures.push(`rep ${rep}: ${(error as Error).message}`);
        ids = (error as { ids?: string[] }).ids ?? [];
        failed = true;
      }
      row.ms = Math.max(row.ms, performance.now() - started);
      row.reps += 1;
      for (const id of ids) {
        const left = leakedBy(id);
        row.leaks += left.length;
        if (left.length > 0) failed = true;
        killAllWithEnv('BGSVC_ID', id);
      }
      // Each repetition's sandbox goes at once (a log-filling row writes ~50 MB a repetition);
      // a failed one's stays, named in the failure, for its logs.
      if (failed) {
        const kept = keepScratch(dirsBefore);
        if (kept.length > 0) row.failures.push(`rep ${rep}: its files are kept in ${kept.join(' ')}`);
      } else {
        removeScratch(dirsBefore);
      }
      if (!isAlive(stranger.pid!)) {
        row.wrongKills += 1;
        row.failures.push(`rep ${rep}: the stranger (pid ${stranger.pid}) was killed`);
        break;
      }
    }
  } finally {
    stranger.kill('SIGKILL');
    recordRow(row);
  }
  return row;
}

function recordRow(row: Row): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${row.scenario.replace(/[^A-Za-z0-9_-]+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ ...row, ms: Math.round(row.ms) }, null, 2));
}

/** Whether something accepts connections on 127.0.0.1:port (a listener the stop should have ended). */
export function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
