// 5. Scale: 50 services with mixed probes. What bgsvc adds on top of the
// slowest service's own readiness, and how long stopping all of them takes.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
/** --quick (the test suite's smoke): every kind and every launcher, a fifth of the services. */
const QUICK_MIX = { tcp: 2, http: 2, log: 3, file: 2, cmd: 1 };
const DELAY = { min: 200, max: 800 };

// What else starts the same 50 services, each run, so bgsvc's figure can be
// split into what any launcher pays and what bgsvc's own work adds. Their
// "all ready" is the latest stamp, which no waiter could see sooner.
const LAUNCHERS = {
  // The limit, and what the goal is judged against: what users write today.
  shell: { line: (command) => `sh -c ${command}` },
  // The same, but each service in its own session, as bgsvc starts it (so that
  // a stop reaches its whole group). Every session is its own scheduling
  // group (autogroup), which might change who gets the 2 cores while 20
  // servers boot; measured, it changes little.
  setsid: { line: (command) => `setsid sh -c ${command}`, available: () => existsSync('/usr/bin/setsid') || existsSync('/bin/setsid') },
  // A bare Node process spawning each one detached: Node's start-up and a
  // blocking fork of a 40 MB process per service, with nothing of bgsvc's.
  node: {},
};

export async function run(context) {
  const reps = context.reps ?? (context.quick ? 1 : 5);
  const random = createRandom(context.seed + 1);
  const samples = { overhead: [], start: [], shellAllReady: [], setsidAllReady: [], nodeAllReady: [], aboveShell: [], aboveSetsid: [], aboveNode: [], slowest: [], slowestKinds: [], stopGone: [], stopExit: [], stopOwn: [], survivors: [], failures: [] };
  const mix = context.quick ? QUICK_MIX : MIX;
  for (let rep = 0; rep < reps; rep += 1) {
    try {
      await measureOnce(samples, random, rep, mix);
    } catch (error) {
      samples.failures.push(error.message.split('\n')[0]);
    }
    context.progress(`scale ${rep + 1}/${reps}`);
  }
  const count = Object.values(mix).reduce((sum, n) => sum + n, 0);
  const survivors = samples.survivors.length === 0 ? undefined : Math.max(...samples.survivors);
  const row = (tool, values, notes, extra = {}) => ({ tool, ...summarize(values), notes, ...extra });
  const tables = [
    {
      id: 'scale',
      title: `${title}: ${count} services (${Object.entries(mix).map(([kind, n]) => `${n} ${kind}`).join(', ')})`,
      method:
        `each service gets ready ${DELAY.min}–${DELAY.max} ms after it starts and stamps that moment (listen, log line, file or marker written). ` +
        'Each run starts the same services with the same delays four times, in rotating order: under `bgsvc start`; from one shell script (`cmd &` ×' + count + ', the limit: its "ready" is the latest stamp, which no waiter could see sooner); from a shell script that gives each service its own session (`setsid cmd &`), as bgsvc does; and from a bare Node script that spawns each one detached (bench/fixtures/spawn-all.mjs: the floor for a launcher written in Node). ' +
        `The ${mix.tcp + mix.http} Node servers take most of the 2 cores while they boot, whoever starts them. ` +
        'Stop = spawn of `bgsvc stop` → every process of the run gone (/proc).',
      // No peer runs 50 services with readiness probes, so there is nothing to divide by.
      ratio: undefined,
      rows: [
        row('start: bgsvc start, spawn → exit', samples.start, `all ${count} launched, probed and ready, state written`),
        row(`start: shell \`&\` ×${count} → last ready`, samples.shellAllReady, 'the limit: the same services, no probes, no state'),
        row(`start: shell \`setsid … &\` ×${count} → last ready`, samples.setsidAllReady, LAUNCHERS.setsid.available() ? 'each service in its own session, as under bgsvc' : 'not run: no setsid(1) on this machine'),
        row(`start: bare Node, spawn ×${count} → last ready`, samples.nodeAllReady, 'node start-up, then spawn(detached) per service: nothing of bgsvc'),
        row('start: bgsvc above the shell', samples.aboveShell, 'per run, bgsvc − shell: what the goal judges'),
        row('start: bgsvc above `setsid` shell', samples.aboveSetsid, 'per run: the part not due to giving each service a session'),
        row('start: bgsvc above bare Node', samples.aboveNode, 'per run: bgsvc\'s own work (config, state, probes), beyond any Node launcher'),
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
      value:
        `above the shell-started limit p50 ${formatMs(overhead.median)}, p95 ${formatMs(overhead.p95)}; ` +
        `above a shell that gives each service a session p50 ${formatMs(summarize(samples.aboveSetsid).median)}; ` +
        `above a bare Node launcher p50 ${formatMs(summarize(samples.aboveNode).median)}; ` +
        `after the last service was ready p50 ${formatMs(tail.median)}, p95 ${formatMs(tail.p95)}`,
    },
    {
      goal: 'stop-all ≤ 500 ms, 0 survivors',
      met: stop.n > 0 && stop.median <= 500 && survivors === 0,
      value: `p50 ${formatMs(stop.median)} spawn → all gone, CLI exit p50 ${formatMs(summarize(samples.stopExit).median)}; survivors ${survivors ?? '—'}`,
    },
  ];
  return { tables, goals };
}

async function measureOnce(samples, random, rep, mix) {
  const plan = [];
  for (const [kind, n] of Object.entries(mix)) {
    for (let index = 0; index < n; index += 1) plan.push({ kind, name: `${kind}-${index}`, delayMs: random.between(DELAY.min, DELAY.max) });
  }
  // The same services and delays under each; the order rotates, as the
  // machine warms up over a run.
  const measures = [
    measureBgsvc,
    ...Object.keys(LAUNCHERS)
      .filter((kind) => LAUNCHERS[kind].available?.() ?? true)
      .map((kind) => (...args) => measureLauncher(kind, ...args)),
  ];
  const order = measures.map((_, index) => measures[(index + rep) % measures.length]);
  const results = {};
  for (const measure of order) Object.assign(results, await measure(plan, samples, rep));
  if (results.bgsvc === undefined) return;
  for (const [kind, key] of [['shell', 'aboveShell'], ['setsid', 'aboveSetsid'], ['node', 'aboveNode']]) {
    if (results[kind] !== undefined) samples[key].push(results.bgsvc - results[kind]);
  }
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
    return { bgsvc: exit.at - start.spawnedAt };
  } finally {
    killByEnv(mark);
  }
}

// One launcher other than bgsvc (see LAUNCHERS) starts all 50, each writing
// its own log, and the moment the last one is ready is read from the stamps.
async function measureLauncher(kind, plan, samples, rep) {
  const services = await describeAll(plan);
  const dir = freshDir(`scale-${kind}`);
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  const logOf = (service) => join(logDir, `${service.name}.log`);
  const mark = { SCALE_MARK: `${process.pid}-${rep}-${kind}` };
  let launcher;
  if (kind === 'node') {
    writeFileSync(join(dir, 'launch.json'), JSON.stringify(services.map((service) => ({ command: service.command, env: service.env, log: logOf(service) }))));
    launcher = () => launch(NODE, [fixture('spawn-all.mjs'), 'launch.json'], { cwd: dir, env: mark });
  } else {
    const lines = services.map((service) => {
      const env = Object.entries(service.env).map(([key, value]) => `${key}=${shellQuote(value)} `).join('');
      return `${env}${LAUNCHERS[kind].line(shellQuote(service.command))} > ${shellQuote(logOf(service))} 2>&1 < /dev/null &`;
    });
    writeFileSync(join(dir, 'launch.sh'), `${lines.join('\n')}\n`);
    launcher = () => launch('/bin/sh', ['launch.sh'], { cwd: dir, env: mark });
  }
  try {
    const started = launcher();
    const exit = await waitExit(started, 10_000);
    if (exit.code !== 0) throw new Error(`the ${kind} launcher exited ${exit.code}: ${describeFailure(started.output)}`);
    const deadline = now() + 30_000;
    let stamps = readStamps(services, dir, logDir, { missing: 'keep' });
    while (stamps.some((stamp) => stamp === undefined) && now() < deadline) {
      await sleep(20);
      stamps = readStamps(services, dir, logDir, { missing: 'keep' });
    }
    if (stamps.some((stamp) => stamp === undefined)) throw new Error(`the services started by the ${kind} launcher were not all ready in 30 s`);
    const allReady = Math.max(...stamps) - started.spawnedAt;
    samples[`${kind}AllReady`].push(allReady);
    return { [kind]: allReady };
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
