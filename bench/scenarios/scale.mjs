// 5. Scale: 50 services with mixed probes. What bgsvc adds on top of the
// slowest service's own readiness, and how long stopping all of them takes.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, now, parseStamp, readStamp, sleep } from '../lib/clock.mjs';
import { NODE, bgsvcProject, describeFailure, fixture, freePort, freshDir, launchBgsvc, parseStoppedMs, shellQuote, yamlString } from '../lib/fixtures.mjs';
import { findByEnv, killByEnv, waitUntilGone } from '../lib/proc.mjs';
import { launch, waitExit } from '../lib/procs.mjs';
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
  const samples = { overhead: [], start: [], shellAllReady: [], aboveShell: [], slowest: [], slowestKinds: [], stopGone: [], stopExit: [], stopOwn: [], survivors: [], failures: [] };
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
        'Each run starts the same services with the same delays twice, in alternating order: under `bgsvc start`, and from one shell script (`cmd &` ×50, the limit: its "ready" is the latest stamp, which no waiter could see sooner). ' +
        'The 20 Node servers take most of the 2 cores while they boot, under both. ' +
        'Stop = spawn of `bgsvc stop` → every process of the run gone (/proc).',
      // No peer runs 50 services with readiness probes, so there is nothing to divide by.
      ratio: undefined,
      rows: [
        row('start: bgsvc start, spawn → exit', samples.start, 'all 50 launched, probed and ready, state written'),
        row('start: shell `&` ×50 → last ready', samples.shellAllReady, 'the limit: the same services, no probes, no state'),
        row('start: bgsvc above the shell', samples.aboveShell, 'per run, bgsvc − shell: Node start-up, 50 launches and their state writes, probing'),
        row('start: bgsvc exit − latest stamp', samples.overhead, `the tail: from the last service ready to bgsvc done; the last was ${countKinds(samples.slowestKinds)}`),
        row('start: latest stamp under bgsvc', samples.slowest, 'its stamp − the spawn of `bgsvc start`'),
        row('stop: spawn → all gone', samples.stopGone, 'the CLI, node start-up included', { survivors }),
        row('stop: CLI exit', samples.stopExit, 'after its final sweep', { survivors }),
        row('stop: its own time (slowest service)', samples.stopOwn, 'the largest ms in its "stopped" lines'),
      ],
      footnotes: samples.failures.length > 0 ? [`${samples.failures.length} run(s) failed: ${samples.failures[0]}`] : [],
    },
  ];
  const overhead = summarize(samples.aboveShell);
  const tail = summarize(samples.overhead);
  const stop = summarize(samples.stopGone);
  const goals = [
    {
      goal: 'all-ready overhead ≤ 150 ms above the slowest service',
      met: overhead.n > 0 && overhead.median <= 150,
      value: `above the shell-started limit p50 ${formatMs(overhead.median)}, p95 ${formatMs(overhead.p95)}; after the last service was ready p50 ${formatMs(tail.median)}, p95 ${formatMs(tail.p95)}`,
    },
    {
      goal: 'stop-all ≤ 500 ms, 0 survivors',
      met: stop.n > 0 && stop.median <= 500 && survivors === 0,
      value: `p50 ${formatMs(stop.median)} spawn → all gone, CLI exit p50 ${formatMs(summarize(samples.stopExit).median)}; survivors ${survivors ?? '—'}`,
    },
  ];
  return { tables, goals };
}

async function measureOnce(samples, random, rep) {
  const plan = [];
  for (const [kind, n] of Object.entries(MIX)) {
    for (let index = 0; index < n; index += 1) plan.push({ kind, name: `${kind}-${index}`, delayMs: random.between(DELAY.min, DELAY.max) });
  }
  // The same services and delays under both; the order alternates, as the
  // machine warms up over a run.
  const order = rep % 2 === 0 ? [measureBgsvc, measureShell] : [measureShell, measureBgsvc];
  const results = {};
  for (const measure of order) Object.assign(results, await measure(plan, samples, rep));
  if (results.bgsvcAllReady !== undefined && results.shellAllReady !== undefined) samples.aboveShell.push(results.bgsvcAllReady - results.shellAllReady);
}

async function measureBgsvc(plan, samples, rep) {
  const services = await describeAll(plan);
  const project = bgsvcProject('scale', `timeout: 30s\ncommands:\n${services.map(toYaml).join('')}`);
  const mark = { SCALE_MARK: `${process.pid}-${rep}-bgsvc` };
  try {
    const start = launchBgsvc(project, ['start'], { env: mark });
    const exit = await waitExit(start, 60_000);
    if (exit.code !== 0) throw new Error(`bgsvc start exited ${exit.code}: ${describeFailure(start.output)}`);
    const stamps = readStamps(services, project.dir, project.logDir);
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
    return { bgsvcAllReady: exit.at - start.spawnedAt };
  } finally {
    killByEnv(mark);
  }
}

// The limit: one shell starts all 50 with `&`, each writing its own log,
// and the moment the last one is ready is read from the stamps, which no
// real waiter could know sooner.
async function measureShell(plan, samples, rep) {
  const services = await describeAll(plan);
  const dir = freshDir('scale-shell');
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  const lines = services.map((service) => {
    const env = Object.entries(service.env).map(([key, value]) => `${key}=${shellQuote(value)} `).join('');
    return `${env}sh -c ${shellQuote(service.command)} > ${shellQuote(join(logDir, `${service.name}.log`))} 2>&1 < /dev/null &`;
  });
  writeFileSync(join(dir, 'launch.sh'), `${lines.join('\n')}\n`);
  const mark = { SCALE_MARK: `${process.pid}-${rep}-shell` };
  try {
    const shell = launch('/bin/sh', ['launch.sh'], { cwd: dir, env: mark });
    const exit = await waitExit(shell, 10_000);
    if (exit.code !== 0) throw new Error(`the shell launcher exited ${exit.code}`);
    const deadline = now() + 30_000;
    let stamps = readStamps(services, dir, logDir, { missing: 'keep' });
    while (stamps.some((stamp) => stamp === undefined) && now() < deadline) {
      await sleep(20);
      stamps = readStamps(services, dir, logDir, { missing: 'keep' });
    }
    if (stamps.some((stamp) => stamp === undefined)) throw new Error('the shell-launched services were not all ready in 30 s');
    const allReady = Math.max(...stamps) - shell.spawnedAt;
    samples.shellAllReady.push(allReady);
    return { shellAllReady: allReady };
  } finally {
    // Until they are gone: a SIGKILLed process lingers for a moment, and the
    // run's own sweep right after the last repetition would count it as leaked.
    const pids = findByEnv(mark);
    killByEnv(mark);
    await waitUntilGone(pids, { deadline: now() + 5_000 });
    rmSync(dir, { recursive: true, force: true });
  }
}

// One after another: free ports are found by binding and closing, so
// side-by-side searches could be handed the same port.
async function describeAll(plan) {
  const services = [];
  for (const entry of plan) services.push(await describeService(entry));
  return services;
}

function readStamps(services, dir, logDir, { missing = 'throw' } = {}) {
  const stamps = services.map((service) => service.readyAt(dir, logDir));
  const absent = services.filter((_, index) => stamps[index] === undefined).map((service) => service.name);
  if (absent.length > 0 && missing === 'throw') throw new Error(`no ready stamp for ${absent.join(', ')}`);
  return stamps;
}

const toYaml = (service) => {
  const env = Object.keys(service.env).length === 0 ? '' : `    env: { ${Object.entries(service.env).map(([key, value]) => `${key}: ${yamlString(value)}`).join(', ')} }\n`;
  return `  - name: ${service.name}\n    command: ${yamlString(service.command)}\n${env}    wait-on: ${yamlString(service.probe)}\n`;
};

// One service of a kind: its command, env and probe, and how to read when it was ready.
async function describeService({ kind, name, delayMs }) {
  const seconds = (delayMs / 1000).toFixed(3);
  switch (kind) {
    case 'tcp':
    case 'http': {
      const port = await freePort();
      return {
        name,
        kind,
        command: `${NODE} ${fixture('listen-after.mjs')}`,
        env: { PORT: String(port), MODE: kind, DELAY_MS: String(delayMs), STAMP_FILE: `${name}.stamp` },
        probe: kind === 'tcp' ? `tcp:127.0.0.1:${port}` : `http://127.0.0.1:${port}/`,
        readyAt: (dir) => readStamp(join(dir, `${name}.stamp`)),
      };
    }
    case 'log':
      return {
        name,
        kind,
        command: `sleep ${seconds}; echo "READY $(date +%s%N)"; exec sleep 60`,
        env: {},
        probe: 'log: ^READY',
        readyAt: (dir, logDir) => readLogStamp(join(logDir, `${name}.log`)),
      };
    case 'file':
    case 'cmd': {
      const marker = `${name}.ready`;
      return {
        name,
        kind,
        command: `sleep ${seconds}; date +%s%N > ${marker}.tmp && mv ${marker}.tmp ${marker}; exec sleep 60`,
        env: {},
        probe: kind === 'file' ? `file:${marker}` : `cmd: test -e ${marker}`,
        readyAt: (dir) => readStamp(join(dir, marker)),
      };
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
