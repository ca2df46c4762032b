// Three job summaries a user reads, built as post builds them: a ServiceRow per
// service, with timestamps as a real run records them (offsets from the moment
// the start began, in epoch ms). Shared by the rendering test and
// scripts/render-summary-pngs.mjs, which draws them for docs/.
import type { ServiceRow } from '../../src/edges/github/summary.js';

export interface SummaryScenario {
  /** Names the PNG: docs/summary-<name>.png. */
  name: string;
  /** When the start began (the state's createdAt): time zero of the axis. */
  origin: number;
  rows: ServiceRow[];
}

const T0 = 1_754_000_000_000;
const MB = 1024 * 1024;
const at = (seconds: number) => T0 + Math.round(seconds * 1000);

const db = (overrides: Partial<ServiceRow> = {}): ServiceRow => ({
  name: 'db',
  command: 'pg_ctl -D "$RUNNER_TEMP/pg" -l "$BGSVC_LOG_DIR/db.pg.log" start',
  probes: ['tcp:127.0.0.1:5432'],
  startedAt: at(0.012),
  readyAt: at(1.843),
  stoppingAt: at(41.262),
  endedAt: at(41.604),
  ended: 'stopped (SIGTERM)',
  trouble: false,
  logBytes: 4_310,
  cost: { peakMemoryBytes: 38 * MB, cpuMs: 640, complete: true },
  ...overrides,
});

const cache = (overrides: Partial<ServiceRow> = {}): ServiceRow => ({
  name: 'cache',
  command: 'redis-server --port 6379 --save ""',
  probes: ['tcp:127.0.0.1:6379'],
  startedAt: at(0.014),
  readyAt: at(0.071),
  stoppingAt: at(41.203),
  endedAt: at(41.214),
  ended: 'stopped (SIGTERM)',
  trouble: false,
  logBytes: 1_022,
  cost: { peakMemoryBytes: 11 * MB, cpuMs: 190, complete: true },
  ...overrides,
});

const api = (overrides: Partial<ServiceRow> = {}): ServiceRow => ({
  name: 'api',
  command: 'node dist/server.js',
  probes: ['http://127.0.0.1:3000/health'],
  startedAt: at(1.851),
  readyAt: at(2.604),
  stoppingAt: at(41.203),
  endedAt: at(41.258),
  ended: 'stopped (SIGTERM)',
  trouble: false,
  logBytes: 18_944,
  cost: { peakMemoryBytes: 142 * MB, cpuMs: 3_810, complete: true },
  ...overrides,
});

const worker = (overrides: Partial<ServiceRow> = {}): ServiceRow => ({
  name: 'worker',
  command: 'node dist/worker.js',
  probes: ['log: worker listening'],
  startedAt: at(0.015),
  readyAt: at(0.388),
  stoppingAt: at(41.203),
  endedAt: at(41.231),
  ended: 'stopped (SIGTERM)',
  trouble: false,
  logBytes: 2_048,
  cost: { peakMemoryBytes: 96 * MB, cpuMs: 1_270, complete: true },
  ...overrides,
});

export const SUMMARY_SCENARIOS: SummaryScenario[] = [
  {
    // Everything got ready, the tests ran ~38 s, post stopped api and cache, then db (api needs it).
    name: 'all-ready',
    origin: T0,
    rows: [db(), cache(), api()],
  },
  {
    // The worker crashed with exit 1 at +17.3 s; post found it gone and stopped the rest.
    name: 'crash',
    origin: T0,
    rows: [
      db(),
      cache(),
      api(),
      worker({
        stoppingAt: undefined,
        endedAt: at(17.306),
        ended: 'exited 1 during the job',
        trouble: true,
        exited: { at: at(17.306), code: 1, signal: null },
      }),
    ],
  },
  {
    // api (needs db) exited 3 before it was ready; main stopped db and cache at once.
    name: 'failed-start',
    origin: T0,
    rows: [
      db({ stoppingAt: undefined, endedAt: at(2.398), ended: 'stopped (SIGTERM) by main (another service failed)' }),
      cache({ stoppingAt: undefined, endedAt: at(2.279), ended: 'stopped (SIGTERM) by main (another service failed)' }),
      api({
        readyAt: undefined,
        stoppingAt: undefined,
        endedAt: at(2.262),
        ended: 'exited 3 before it was ready',
        trouble: true,
        exited: { at: at(2.262), code: 3, signal: null },
      }),
    ],
  },
];
