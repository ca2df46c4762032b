// 5. Scale: 50 services with mixed probes. What bgsvc adds on top of the
// slowest service's own readiness, and how long stopping all of them takes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, now, parseStamp, readStamp } from '../lib/clock.mjs';
import { NODE, bgsvcProject, describeFailure, fixture, freePort, launchBgsvc, parseStoppedMs, yamlString } from '../lib/fixtures.mjs';
import { findByEnv, killByEnv, waitUntilGone } from '../lib/proc.mjs';
import { waitExit } from '../lib/procs.mjs';
import { summarize } from '../lib/stats.mjs';
import { formatMs } from '../lib/table.mjs';

export const id = 'scale';
export const title = '5. Scale';

/** How many services of each probe kind (50 in all). */
const MIX = { tcp: 10, http: 10, log: 15, file: 10, cmd: 5 };
const DELAY = { min: 200, max: 800 };

export async function run(context) {
  const reps = context.reps ?? (context.quick ? 1 : 5);
  const random = createRandom(context.seed + 1);
  const samples = { overhead: [], start: [], slowest: [], slowestKinds: [], stopGone: [], stopExit: [], stopOwn: [], survivors: [], failures: [] };
  for (let rep = 0; rep < reps; rep += 1) {
    try {
      await measureOnce(samples, random, rep);
    } catch (error) {
      samples.failures.push(error.message.split('\n')[0]);
    }
    context.progress(`scale ${rep + 1}/${reps}`);
  }
  const count = Object.values(MIX).reduce((sum, n) => sum + n, 0);
  const survivors = samples.survivors.length === 0 ? undefined : Math.max(...samples.survivors);
  const row = (tool, values, notes, extra = {}) => ({ tool, ...summarize(values), notes, ...extra });
  const tables = [
    {
      id: 'scale',
      title: `${title}: ${count} services (${Object.entries(MIX).map(([kind, n]) => `${n} ${kind}`).join(', ')})`,
      method:
        `each service gets ready ${DELAY.min}–${DELAY.max} ms after it starts and stamps that moment (listen, log line, file or marker written). ` +
        'Overhead = `bgsvc start` exits − the latest stamp. Stop = spawn of `bgsvc stop` → every process of the run gone (/proc).',
      // No peer runs 50 services with readiness probes, so there is nothing to divide by.
      ratio: undefined,
      rows: [
        row('start: overhead above the slowest', samples.overhead, `what bgsvc adds once the last service is ready; the slowest was ${countKinds(samples.slowestKinds)}`),
        row('start: CLI wall time', samples.start, 'spawn → exit, all ready'),
        row('start: slowest service\'s own readiness', samples.slowest, 'its stamp − the spawn of `bgsvc start`'),
        row('stop: spawn → all gone', samples.stopGone, 'the CLI, node start-up included', { survivors }),
        row('stop: CLI exit', samples.stopExit, 'after its final sweep', { survivors }),
        row('stop: its own time (slowest service)', samples.stopOwn, 'the largest ms in its "stopped" lines'),
      ],
      footnotes: samples.failures.length > 0 ? [`${samples.failures.length} run(s) failed: ${samples.failures[0]}`] : [],
    },
  ];
  const overhead = summarize(samples.overhead);
  const stop = summarize(samples.stopGone);
  const goals = [
    { goal: 'all-ready overhead ≤ 150 ms above the slowest service', met: overhead.n > 0 && overhead.median <= 150, value: `p50 ${formatMs(overhead.median)}, p95 ${formatMs(overhead.p95)}` },
    {
      goal: 'stop-all ≤ 500 ms, 0 survivors',
      met: stop.n > 0 && stop.median <= 500 && survivors === 0,
      value: `p50 ${formatMs(stop.median)} spawn → all gone, CLI exit p50 ${formatMs(summarize(samples.stopExit).median)}; survivors ${survivors ?? '—'}`,
    },
  ];
  return { tables, goals };
}

async function measureOnce(samples, random, rep) {
  const services = [];
  for (const [kind, n] of Object.entries(MIX)) {
    for (let index = 0; index < n; index += 1) services.push(await describeService(kind, `${kind}-${index}`, random.between(DELAY.min, DELAY.max)));
  }
  const project = bgsvcProject('scale', `timeout: 30s\ncommands:\n${services.map((service) => service.yaml).join('')}`);
  const mark = { SCALE_MARK: `${process.pid}-${rep}` };
  try {
    const start = launchBgsvc(project, ['start'], { env: mark });
    const exit = await waitExit(start, 60_000);
    if (exit.code !== 0) throw new Error(`bgsvc start exited ${exit.code}: ${describeFailure(start.output)}`);
    const stamps = services.map((service) => service.readyAt(project));
    if (stamps.some((stamp) => stamp === undefined)) throw new Error(`no ready stamp for ${services.filter((_, i) => stamps[i] === undefined).map((s) => s.name).join(', ')}`);
    const slowest = Math.max(...stamps);
    samples.slowestKinds.push(services[stamps.indexOf(slowest)].kind);
    samples.overhead.push(exit.at - slowest);
    samples.start.push(exit.at - start.spawnedAt);
    samples.slowest.push(slowest - start.spawnedAt);

    const pids = findByEnv(mark);
    const stopStarted = now();
    const stop = launchBgsvc(project, ['stop', '--logs', 'never'], { env: mark });
    const [stopExit, gone] = await Promise.all([waitExit(stop, 60_000), waitUntilGone(pids, { deadline: stopStarted + 15_000 })]);
    const survivors = findByEnv(mark).length;
    samples.survivors.push(survivors);
    if (survivors === 0 && gone.goneAt !== undefined) samples.stopGone.push(gone.goneAt - stopStarted);
    samples.stopExit.push(stopExit.at - stopStarted);
    const own = parseStoppedMs(stop.output);
    if (own !== undefined) samples.stopOwn.push(own);
  } finally {
    killByEnv(mark);
  }
}

// One service of a kind: its bgsvc.yml entry, and how to read when it was ready.
async function describeService(kind, name, delayMs) {
  const seconds = (delayMs / 1000).toFixed(3);
  const entry = (command, probe, env = '') => `  - name: ${name}\n    command: ${yamlString(command)}\n${env}    wait-on: ${yamlString(probe)}\n`;
  switch (kind) {
    case 'tcp':
    case 'http': {
      const port = await freePort();
      const env = `    env: { PORT: "${port}", MODE: "${kind}", DELAY_MS: "${delayMs}", STAMP_FILE: "${name}.stamp" }\n`;
      const probe = kind === 'tcp' ? `tcp:127.0.0.1:${port}` : `http://127.0.0.1:${port}/`;
      return { name, kind, yaml: entry(`${NODE} ${fixture('listen-after.mjs')}`, probe, env), readyAt: (project) => readStamp(join(project.dir, `${name}.stamp`)) };
    }
    case 'log':
      return {
        name,
        kind,
        yaml: entry(`sleep ${seconds}; echo "READY $(date +%s%N)"; exec sleep 60`, 'log: ^READY'),
        readyAt: (project) => readLogStamp(join(project.logDir, `${name}.log`)),
      };
    case 'file':
    case 'cmd': {
      const marker = `${name}.ready`;
      const command = `sleep ${seconds}; date +%s%N > ${marker}.tmp && mv ${marker}.tmp ${marker}; exec sleep 60`;
      const probe = kind === 'file' ? `file:${marker}` : `cmd: test -e ${marker}`;
      return { name, kind, yaml: entry(command, probe), readyAt: (project) => readStamp(join(project.dir, marker)) };
    }
    default:
      throw new Error(`unknown probe kind ${kind}`);
  }
}

function readLogStamp(logFile) {
  try {
    const match = /^READY (\d+)$/m.exec(readFileSync(logFile, 'utf8'));
    return match ? parseStamp(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

// "http ×3, cmd ×2": which probe kind the last-ready service had, per run.
function countKinds(kinds) {
  const counts = new Map();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${kind} ×${n}`).join(', ') || '—';
}
