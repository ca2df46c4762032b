// 2. Fail fast: a service exits with code 3 after 300 ms and is never ready
// (deadline 30 s). How long after its exit does the tool fail, and does it
// say why (the exit code, the log tail)?
import { join } from 'node:path';
import { waitForStamp } from '../lib/clock.mjs';
import { NODE, SST, WAIT_ON, bgsvcProject, fixture, freePort, freshDir, launchBgsvc, yamlString } from '../lib/fixtures.mjs';
import { launch, waitExit } from '../lib/procs.mjs';
import { summarize } from '../lib/stats.mjs';
import { formatMs } from '../lib/table.mjs';

export const id = 'fail-fast';
export const title = '2. Fail fast';

const LOG_LINE = /fatal: DATABASE_URL is not set/;
const NAMES_CODE = /code:? 3\b|exit(?:ed)? (?:with )?(?:code |status )?3\b/i;

export async function run(context) {
  const reps = context.reps ?? (context.quick ? 3 : 20);
  const sstReps = context.quick ? 1 : Math.min(reps, 10);
  const waitOnCapMs = context.quick ? 1500 : 5000;

  const bgsvc = { line: sample(), exit: sample() };
  const sst = { line: sample(), exit: sample() };
  // Interleaved, so a slow stretch of the machine hits both tools alike.
  for (let rep = 0; rep < Math.max(reps, sstReps); rep += 1) {
    if (rep < reps) await measureBgsvc(bgsvc);
    if (rep < sstReps) await measureStartServerAndTest(sst);
    context.progress(`fail-fast ${rep + 1}/${Math.max(reps, sstReps)}`);
  }
  const waitOn = await measureWaitOn(waitOnCapMs);

  const tables = [
    {
      id: 'fail-fast',
      title: `${title}: service exits with code 3 after 300 ms, deadline 30 s`,
      method:
        'the service stamps the moment just before `exit 3`; latency = when the tool printed its failure (or exited) − that stamp. ' +
        '"code" and "log" say whether the failure output names exit code 3 and shows the service\'s own error line.',
      ratio: { label: 'bgsvc÷this', ref: 'bgsvc start (failure line)', direction: 'ref/row' },
      rows: [
        row('bgsvc start (failure line)', bgsvc.line, 'prints "api failed: api exited with code 3 before it was ready"'),
        row('bgsvc start (exit)', bgsvc.exit, 'exits 1 after stopping what it started', { facts: false }),
        row('start-server-and-test (failure line)', sst.line, 'prints "server closed unexpectedly"'),
        row('start-server-and-test (exit)', sst.exit, 'exits 1', { facts: false }),
        {
          tool: 'shell: svc & wait-on tcp:PORT',
          n: waitOn.n,
          display: { median: 'never', p95: 'never' },
          notes: `never noticed: ${waitOn.outcome} at its --timeout (${formatMs(waitOnCapMs)} here; the default is infinite)`,
        },
      ],
    },
  ];
  const summary = summarize(bgsvc.line.values);
  const complete = bgsvc.line.values.length > 0 && bgsvc.line.names === bgsvc.line.values.length && bgsvc.line.logs === bgsvc.line.values.length;
  const goals = [
    {
      goal: 'bgsvc fails p50 ≤ 15 ms after the exit, naming the exit code and showing the log tail',
      met: summary.n > 0 && summary.median <= 15 && complete,
      value: `p50 ${formatMs(summary.median)}, p95 ${formatMs(summary.p95)}; code named ${bgsvc.line.names}/${summary.n}, log tail ${bgsvc.line.logs}/${summary.n}`,
    },
  ];
  return { tables, goals };
}

async function measureBgsvc(result) {
  const port = await freePort();
  const project = bgsvcProject(
    'fail-bgsvc',
    `commands:
  - name: api
    command: ${yamlString(`sh ${fixture('fail-after.sh')}`)}
    env: { STAMP_FILE: ${yamlString('exited')} }
    wait-on: tcp:127.0.0.1:${port}
    timeout: 30s
`,
  );
  const start = launchBgsvc(project, ['start'], { watch: { failed: /api exited with code 3/ } });
  const exit = await waitExit(start, 40_000);
  const exitedAt = await waitForStamp(join(project.dir, 'exited'), { timeoutMs: 1000 });
  record(result, { exit, output: start.output, failedAt: start.seen.get('failed'), exitedAt, expectCode: 1 });
}

async function measureStartServerAndTest(result) {
  const port = await freePort();
  const dir = freshDir('fail-sst');
  const sst = launch(NODE, [SST, `sh ${fixture('fail-after.sh')}`, `http://127.0.0.1:${port}/`, 'true'], {
    cwd: dir,
    detached: true,
    env: { STAMP_FILE: join(dir, 'exited') },
    watch: { failed: /server closed unexpectedly/ },
  });
  const exit = await waitExit(sst, 40_000);
  const exitedAt = await waitForStamp(join(dir, 'exited'), { timeoutMs: 1000 });
  record(result, { exit, output: sst.output, failedAt: sst.seen.get('failed'), exitedAt, expectCode: 1 });
}

// The naive pattern: wait-on knows nothing of the service, so it waits for its timeout.
async function measureWaitOn(capMs) {
  const port = await freePort();
  const dir = freshDir('fail-wait-on');
  const shell = launch('/bin/sh', ['-c', `sh "$1" & exec "$2" "$3" "tcp:127.0.0.1:${port}" --timeout ${capMs}`, 'sh', fixture('fail-after.sh'), NODE, WAIT_ON], {
    cwd: dir,
    detached: true,
    env: { STAMP_FILE: join(dir, 'exited') },
  });
  const exit = await waitExit(shell, capMs + 10_000);
  return { n: 1, outcome: exit.code === 0 ? 'succeeded?!' : exit.timedOut ? 'still waiting' : `exit ${exit.code}` };
}

function record(result, { exit, output, failedAt, exitedAt, expectCode }) {
  if (exitedAt === undefined || exit.timedOut || exit.code !== expectCode) {
    const why = exit.timedOut ? 'timed out' : `exit ${exit.code}${exitedAt === undefined ? ', no exit stamp' : ''}`;
    result.line.failures.push(why);
    result.exit.failures.push(why);
    return;
  }
  result.exit.values.push(exit.at - exitedAt);
  if (failedAt === undefined) result.line.failures.push('no failure line');
  else result.line.values.push(failedAt - exitedAt);
  if (NAMES_CODE.test(output)) result.line.names += 1;
  if (LOG_LINE.test(output)) result.line.logs += 1;
}

function sample() {
  return { values: [], failures: [], names: 0, logs: 0 };
}

// Failure-line rows also say what the message contained.
function row(tool, result, notes, { facts = true } = {}) {
  const summary = summarize(result.values);
  const contents = facts && summary.n > 0 ? `; code named ${result.names}/${summary.n}, log shown ${result.logs}/${summary.n}` : '';
  const failed = result.failures.length > 0 ? `; ${result.failures.length} failed (${result.failures[0]})` : '';
  return { tool, ...summary, notes: `${notes}${contents}${failed}`, failures: result.failures.length };
}
