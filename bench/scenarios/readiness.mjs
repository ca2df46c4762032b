// 1. Readiness detection latency: from the moment a server is listening (it
// records the moment itself) to the moment the waiter knows. Every waiter is
// measured as a CLI, the way CI scripts use it: `waiter && next-step`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, readStamp, waitForStamp } from '../lib/clock.mjs';
import {
  BGSVC,
  NODE,
  SST,
  WAIT_ON,
  bgsvcProject,
  describeFailure,
  fixture,
  freePort,
  freshDir,
  launchBgsvc,
  stopQuietly,
  yamlString,
} from '../lib/fixtures.mjs';
import { waitUntilIdle } from '../lib/proc.mjs';
import { launch, waitExit } from '../lib/procs.mjs';
import { summarize } from '../lib/stats.mjs';
import { formatMs } from '../lib/table.mjs';

export const id = 'readiness';
export const title = '1. Readiness detection latency';

const DELAY = { min: 200, max: 800 };
/** The naive pattern's sleep, sized so it covers the slowest start (800 ms + start-up). */
const NAIVE_SLEEP_S = 1;
const WAITER_CAP_MS = 15_000;

export async function run(context) {
  const random = createRandom(context.seed);
  const reps = context.reps ?? (context.quick ? 3 : 30);
  // start-server-and-test polls every 2 s, so each of its repetitions costs
  // ~2.5 s; its latency is spread evenly over that interval, and 8 samples
  // show it well enough.
  const sstReps = context.quick ? 1 : Math.min(reps, 8);

  const tcp = await measurePaired(context, { probe: 'tcp', reps, random, naive: true });
  const http = await measurePaired(context, { probe: 'http', reps, random, naive: false });
  const sst = await measureStartServerAndTest(context, { reps: sstReps, random });
  const log = await measureLogLine(context, { reps, random });

  const method =
    'waiters are spawned first and given time to finish loading (until idle in /proc), then the server is spawned; ' +
    `it listens ${DELAY.min}–${DELAY.max} ms (seeded random) after it starts and stamps that moment. ` +
    'Two moments per waiter, both seen by the bench and minus the listen stamp: "says ready" = its ready line arrives on the pipe ' +
    '(bgsvc: "ready in …"; wait-on run with -l: "complete"), "exits" = its process exits, when `waiter && next-step` can go on. ' +
    'The waiters of one repetition wait on the same server side by side. Ratios compare like with like (line with line, exit with exit).';
  const waiterRows = (result, target, extra) => [
    row('bgsvc wait-on: says ready', result.bgsvcLine, `node dist/cli.cjs wait-on ${target}`),
    row('bgsvc wait-on: exits', result.bgsvc, 'the line above, plus Node shutting down'),
    row('wait-on: says ready', result.waitOnLine, `wait-on -l ${target} (250 ms interval)${extra}`),
    { ...row('wait-on: exits', result.waitOn, ''), ref: 'bgsvc wait-on: exits' },
  ];
  const tables = [
    {
      id: 'readiness-tcp',
      title: `${title}: tcp probe`,
      method,
      ratio: { label: 'bgsvc÷this', ref: 'bgsvc wait-on: says ready', direction: 'ref/row' },
      rows: [
        ...waiterRows(tcp, 'tcp:127.0.0.1:PORT', ''),
        { ...naiveRow(tcp.naive), ref: 'bgsvc wait-on: exits' },
        { tool: 'start-server-and-test', n: 0, notes: 'n/a: it takes only URLs and ports (HTTP); see the http table' },
      ],
    },
    {
      id: 'readiness-http',
      title: `${title}: http probe`,
      method:
        `${method} start-server-and-test starts the server itself (so it runs on its own) with \`date +%s%N > stamp\` as its test command: ` +
        'its moment is that stamp (one sh + date after it knew, ~2 ms), compared with bgsvc\'s exit.',
      ratio: { label: 'bgsvc÷this', ref: 'bgsvc wait-on: says ready', direction: 'ref/row' },
      rows: [
        ...waiterRows(http, 'http://127.0.0.1:PORT/', '; HEAD where bgsvc sends GET'),
        { ...row('start-server-and-test: runs the test', sst, `its own wait (2 s interval); ${sstReps} reps, each ~2.5 s`), ref: 'bgsvc wait-on: exits' },
      ],
    },
    {
      id: 'readiness-log',
      title: `${title}: log-line probe`,
      method:
        'a bgsvc.yml service (node) prints `READY <stamp>` to its log after a random 200–800 ms, the stamp taken just before the write; ' +
        '`bgsvc start` waits on `log: ^READY`. "says ready" = its "svc ready" line arrives on the pipe; "exits" = `bgsvc start` exits. ' +
        'The shell loop polls the same log file side by side. No peer has a log-line probe.',
      ratio: { label: 'bgsvc÷this', ref: 'bgsvc start: says ready', direction: 'ref/row' },
      rows: [
        row('bgsvc start: says ready', log.line, '`log: ^READY`, watched with inotify'),
        row('bgsvc start: exits', log.exit, 'the line above, plus writing state and Node shutting down'),
        { ...row('shell: until grep -q; do sleep 0.1', log.grep, 'the usual CI loop, at a brisk 100 ms'), ref: 'bgsvc start: exits' },
      ],
    },
  ];

  // Judged on the moment bgsvc knows (its ready line): that is the detection
  // latency the goal is about; the exit figure is printed beside it.
  const goals = [
    goal('bgsvc tcp p50 ≤ 15 ms and p95 ≤ 40 ms', tcp.bgsvcLine, tcp.bgsvc, { p50: 15, p95: 40 }),
    goal('bgsvc http p50 ≤ 15 ms and p95 ≤ 40 ms', http.bgsvcLine, http.bgsvc, { p50: 15, p95: 40 }),
    goal('bgsvc log-line p50 ≤ 5 ms', log.line, log.exit, { p50: 5 }),
  ];
  return { tables, goals };
}

// Waiters for one probe kind, side by side against the same server per repetition.
async function measurePaired(context, { probe, reps, random, naive }) {
  const samples = { bgsvc: sample(), bgsvcLine: sample(), waitOn: sample(), waitOnLine: sample(), naive: sample() };
  for (let rep = 0; rep < reps; rep += 1) {
    const port = await freePort();
    const dir = freshDir(`ready-${probe}`);
    const stampFile = join(dir, 'listening');
    const target = probe === 'tcp' ? `tcp:127.0.0.1:${port}` : `http://127.0.0.1:${port}/`;
    const waiters = {
      bgsvc: launch(NODE, [BGSVC, 'wait-on', target, '--timeout', '15s'], { cwd: dir, watch: { ready: /ready in/ } }),
      waitOn: launch(NODE, [WAIT_ON, '-l', target, '--timeout', '15000'], { cwd: dir, watch: { ready: /complete/ } }),
    };
    await waitUntilIdle(Object.values(waiters).map((waiter) => waiter.pid), { minAgeMs: 150 });
    const server = launch(NODE, [fixture('listen-after.mjs')], {
      cwd: dir,
      detached: true,
      env: { PORT: String(port), DELAY_MS: String(random.between(DELAY.min, DELAY.max)), MODE: probe, STAMP_FILE: stampFile },
    });
    // The naive pattern: `server & sleep 1; next-step`. Its sleep starts with the server.
    const sleeper = naive ? launch('/bin/sleep', [String(NAIVE_SLEEP_S)], { cwd: dir }) : undefined;
    try {
      const exits = Object.fromEntries(
        await Promise.all(Object.entries(waiters).map(async ([name, waiter]) => [name, await waitExit(waiter, WAITER_CAP_MS)])),
      );
      const listenedAt = await waitForStamp(stampFile, { timeoutMs: 5000 });
      for (const [name, exit] of Object.entries(exits)) {
        if (exit.code !== 0 || listenedAt === undefined) samples[name].fail(describeExit(exit, waiters[name].output));
        else samples[name].add(exit.at - listenedAt);
      }
      for (const [name, waiter] of Object.entries(waiters)) {
        const lineAt = waiter.seen.get('ready');
        if (lineAt === undefined || listenedAt === undefined) samples[`${name}Line`].fail('no ready line');
        else samples[`${name}Line`].add(lineAt - listenedAt);
      }
      if (sleeper) {
        const exit = await waitExit(sleeper, 5000);
        if (listenedAt === undefined || exit.at < listenedAt) samples.naive.early += 1;
        else samples.naive.add(exit.at - listenedAt);
      }
    } finally {
      server.child.kill('SIGKILL');
      await waitExit(server, 5000);
    }
    context.progress(`readiness ${probe} ${rep + 1}/${reps}`);
  }
  return samples;
}

// start-server-and-test starts the server itself, so it runs on its own.
async function measureStartServerAndTest(context, { reps, random }) {
  const result = sample();
  for (let rep = 0; rep < reps; rep += 1) {
    const port = await freePort();
    const dir = freshDir('ready-sst');
    const stampFile = join(dir, 'listening');
    const testStamp = join(dir, 'test-started');
    const sst = launch(
      NODE,
      [SST, `${NODE} ${fixture('listen-after.mjs')}`, `http://127.0.0.1:${port}/`, `date +%s%N > ${testStamp}`],
      { cwd: dir, detached: true, env: { PORT: String(port), DELAY_MS: String(random.between(DELAY.min, DELAY.max)), MODE: 'http', STAMP_FILE: stampFile } },
    );
    const exit = await waitExit(sst, WAITER_CAP_MS);
    const listenedAt = readStamp(stampFile);
    const testAt = readStamp(testStamp);
    if (exit.code !== 0 || listenedAt === undefined || testAt === undefined) result.fail(describeExit(exit, sst.output));
    else result.add(testAt - listenedAt);
    context.progress(`readiness start-server-and-test ${rep + 1}/${reps}`);
  }
  return result;
}

async function measureLogLine(context, { reps, random }) {
  const samples = { exit: sample(), line: sample(), grep: sample() };
  for (let rep = 0; rep < reps; rep += 1) {
    const delay = random.between(DELAY.min, DELAY.max);
    const project = bgsvcProject(
      'ready-log',
      `commands:
  - name: svc
    command: ${yamlString(`${NODE} ${fixture('log-after.mjs')}`)}
    env: { DELAY_MS: "${delay}" }
    wait-on: "log: ^READY"
    timeout: 15s
`,
    );
    const logFile = join(project.logDir, 'svc.log');
    const start = launchBgsvc(project, ['start'], { watch: { ready: /svc ready in/ } });
    const grep = launch('/bin/sh', ['-c', `until grep -q '^READY' "$1" 2>/dev/null; do sleep 0.1; done`, 'sh', logFile], {
      cwd: project.dir,
    });
    try {
      const exit = await waitExit(start, WAITER_CAP_MS);
      const grepExit = await waitExit(grep, WAITER_CAP_MS);
      const stamp = readReadyStamp(logFile);
      if (exit.code !== 0 || stamp === undefined) {
        samples.exit.fail(describeExit(exit, start.output));
        samples.line.fail('no ready line');
      } else {
        samples.exit.add(exit.at - stamp);
        const lineAt = start.seen.get('ready');
        if (lineAt === undefined) samples.line.fail('no ready line');
        else samples.line.add(lineAt - stamp);
      }
      if (grepExit.code !== 0 || stamp === undefined) samples.grep.fail(describeExit(grepExit, grep.output));
      else samples.grep.add(grepExit.at - stamp);
    } finally {
      await stopQuietly(project);
    }
    context.progress(`readiness log-line ${rep + 1}/${reps}`);
  }
  return samples;
}

function readReadyStamp(logFile) {
  try {
    const match = /^READY ([\d.]+)$/m.exec(readFileSync(logFile, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function sample() {
  const values = [];
  const failures = [];
  return {
    values,
    failures,
    early: 0,
    add: (value) => values.push(value),
    fail: (why) => failures.push(why),
  };
}

function row(tool, result, notes) {
  const summary = summarize(result.values);
  const failed = result.failures.length > 0 ? `${result.failures.length} failed (${result.failures[0]})` : '';
  return { tool, ...summary, notes: [notes, failed].filter(Boolean).join('; '), failures: result.failures.length };
}

function naiveRow(result) {
  const base = row('shell: server & sleep 1', result, 'fixed sleep sized for the slowest start');
  if (result.early > 0) base.notes += `; ${result.early} proceeded before the server listened`;
  return base;
}

function goal(text, line, exit, limits) {
  const known = summarize(line.values);
  const exited = summarize(exit.values);
  const met = known.n > 0 && known.median <= limits.p50 && (limits.p95 === undefined || known.p95 <= limits.p95);
  return {
    goal: text,
    met,
    value: `says ready p50 ${formatMs(known.median)}, p95 ${formatMs(known.p95)}, n=${known.n}; exits p50 ${formatMs(exited.median)}, p95 ${formatMs(exited.p95)}`,
    why: 'judged on the moment bgsvc says ready; the exit adds Node shutting down',
  };
}

function describeExit(exit, output) {
  if (exit.timedOut) return 'timed out';
  const why = describeFailure(output);
  return `exit ${exit.code ?? exit.signal}${why ? `: ${why}` : ''}`;
}
