#!/usr/bin/env node
// `npm run bench`: bgsvc against the tools users would otherwise pick, on the
// scenarios of issue 5. Prints one Markdown table per scenario and writes the
// results to bench/results/latest.json.
//
//   --quick            tiny repetitions (the CI smoke; no timing is judged)
//   --only a,b         scenarios by id: readiness, fail-fast, teardown, overhead, scale, throughput
//   --reps N           repetitions per measurement (each scenario has its own default)
//   --compare FILE     print the change of every median against an earlier results file
//   --baseline DIR     overhead: also run the action steps of an earlier build (DIR holds its
//                      main.cjs and post.cjs, e.g. dist/ of a worktree at the old commit), in the
//                      same rounds as the current ones, so a before/after comes from one run
//   --out FILE         where to write the results (default bench/results/latest.json)
//   --seed N           seed for the random start-up delays (default 5)
//   --verbose          a progress line per measurement on stderr
//   --keep-env         keep NODE_EXTRA_CA_CERTS and NODE_OPTIONS for the measured processes
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { now } from './lib/clock.mjs';
import { DIST_CLI, ROOT, scratchDir, snapshotCli } from './lib/fixtures.mjs';
import { cleanUp } from './lib/procs.mjs';
import { formatMs, renderGoals, renderTable } from './lib/table.mjs';
import * as readiness from './scenarios/readiness.mjs';
import * as failFast from './scenarios/fail-fast.mjs';
import * as teardown from './scenarios/teardown.mjs';
import * as overhead from './scenarios/overhead.mjs';
import * as scale from './scenarios/scale.mjs';
import * as throughput from './scenarios/throughput.mjs';

const SCENARIOS = [readiness, failFast, teardown, overhead, scale, throughput];

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    reps: { type: 'string' },
    compare: { type: 'string' },
    baseline: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '5' },
    verbose: { type: 'boolean', default: false },
    'keep-env': { type: 'boolean', default: false },
  },
  strict: true,
});

const only = flags.only?.flatMap((item) => item.split(',')).filter(Boolean);
const unknown = only?.filter((name) => !SCENARIOS.some((scenario) => scenario.id === name)) ?? [];
if (unknown.length > 0) fail(`unknown scenario ${unknown.map((name) => JSON.stringify(name)).join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
const reps = flags.reps === undefined ? undefined : Number(flags.reps);
if (reps !== undefined && (!Number.isInteger(reps) || reps < 1 || reps > 1000)) fail(`--reps takes a whole number from 1 to 1000, got "${flags.reps}"`);
const seed = Number(flags.seed);
if (!Number.isInteger(seed)) fail(`--seed takes a whole number, got "${flags.seed}"`);
if (!existsSync(DIST_CLI)) fail(`${DIST_CLI} is missing: run npm run bundle first`);
const outFile = resolve(flags.out ?? join(ROOT, 'bench/results/latest.json'));
const previous = flags.compare === undefined ? undefined : readResults(flags.compare);
const baseline = flags.baseline === undefined ? undefined : resolve(flags.baseline);
if (baseline && !['main.cjs', 'post.cjs'].every((name) => existsSync(join(baseline, name)))) fail(`--baseline ${baseline}: no main.cjs and post.cjs there (give the dist/ of an earlier build)`);

// Whatever happens, nothing the bench started may outlive it.
let cleaned = false;
function finalCleanUp() {
  if (cleaned) return;
  cleaned = true;
  cleanUp();
  rmSync(scratchDir(), { recursive: true, force: true });
}
process.on('exit', finalCleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    process.stderr.write(`\nbench: ${signal}: cleaning up\n`);
    finalCleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

snapshotCli();
const machine = describeMachine();
// Every tool measured here is a Node process (bgsvc, the peers, the bare-node
// baseline, the fixture servers), and these variables change what each one does
// before its first line runs: NODE_EXTRA_CA_CERTS makes it load a CA bundle at
// start (on the machine of docs/benchmarks.md, 22 ms → 60-75 ms of CPU for
// `node -e 0`). CI runners do not set them, so the run drops them, and says so.
machine.removedEnv = flags['keep-env'] ? [] : dropNodeStartupEnv();
const selected = SCENARIOS.filter((scenario) => !only || only.includes(scenario.id));
const runStarted = now();
print(`# bgsvc benchmarks${flags.quick ? ' (--quick: a smoke, the numbers mean little)' : ''}\n`);
print(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Linux ${machine.kernel}, Node ${machine.node}; load average at start ${machine.loadAtStart.join(' ')}\n`);
if (machine.removedEnv.length > 0) {
  print(`Removed from the environment of every measured process: ${machine.removedEnv.join(', ')} (it changes every Node start-up; CI runners do not set it; --keep-env keeps it).\n`);
}
print('Ratios are bgsvc ÷ this tool unless a table says otherwise: below 1 means bgsvc took less time.\n');

const results = [];
let failures = 0;
for (const scenario of selected) {
  const started = now();
  print(`## ${scenario.title}\n`);
  const context = {
    quick: flags.quick,
    reps,
    seed,
    baseline,
    progress: (message) => {
      if (flags.verbose) process.stderr.write(`  [${((now() - started) / 1000).toFixed(1)} s] ${message}\n`);
      else if (process.stderr.isTTY) process.stderr.write(`\r\u001b[2K  … ${message}`);
    },
  };
  try {
    const { tables, goals, notes = [] } = await scenario.run(context);
    if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K');
    for (const table of tables) print(renderTable(table));
    for (const note of notes) print(`${note}\n`);
    print(renderGoals(goals));
    const leftovers = cleanUp();
    if (leftovers > 0) print(`warning: swept ${leftovers} process(es) this scenario left behind\n`);
    results.push({ id: scenario.id, title: scenario.title, seconds: round((now() - started) / 1000), tables: tables.map(stripDisplay), goals, notes, leftovers });
  } catch (error) {
    failures += 1;
    cleanUp();
    print(`scenario ${scenario.id} failed: ${error.stack ?? error}\n`);
    results.push({ id: scenario.id, title: scenario.title, error: String(error.stack ?? error) });
  }
  print(`(${scenario.id}: ${((now() - started) / 1000).toFixed(1)} s)\n`);
}

const totalSeconds = (now() - runStarted) / 1000;
machine.loadAtEnd = loadavg().map((value) => value.toFixed(2));
const report = {
  schema: 'bgsvc-bench',
  version: 1,
  date: new Date().toISOString(),
  quick: flags.quick,
  reps: reps ?? null,
  seed,
  seconds: round(totalSeconds),
  machine,
  scenarios: results,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
print(`Results: ${outFile}. Total ${totalSeconds.toFixed(1)} s; load average at end ${machine.loadAtEnd.join(' ')}.\n`);
if (previous) print(renderComparison(previous, report));
process.exitCode = failures > 0 ? 1 : 0;

function dropNodeStartupEnv() {
  const names = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((name) => process.env[name] !== undefined);
  for (const name of names) delete process.env[name];
  return names;
}

function describeMachine() {
  const cpuinfo = safeRead('/proc/cpuinfo');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  return {
    cpu: model,
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    loadAtStart: loadavg().map((value) => value.toFixed(2)),
  };
}

// The change of every median, matched by table id and tool name.
function renderComparison(before, after) {
  const lines = [`## Compared with ${flags.compare} (${before.date ?? 'undated'})`, '', '| table | tool | before | after | change |', '|---|---|---:|---:|---:|'];
  const oldTables = new Map();
  for (const scenario of before.scenarios ?? []) for (const table of scenario.tables ?? []) oldTables.set(table.id, table);
  for (const scenario of after.scenarios) {
    for (const table of scenario.tables ?? []) {
      const old = oldTables.get(table.id);
      for (const row of table.rows) {
        const oldRow = old?.rows.find((candidate) => candidate.tool === row.tool);
        const format = table.unit === 'bytes' ? (value) => (Number.isFinite(value) ? `${(value / 1024).toFixed(0)} KiB` : '—') : formatMs;
        const change =
          oldRow && Number.isFinite(oldRow.median) && Number.isFinite(row.median) && oldRow.median !== 0
            ? `${row.median >= oldRow.median ? '+' : ''}${(((row.median - oldRow.median) / oldRow.median) * 100).toFixed(1)}%`
            : '—';
        lines.push(`| ${table.id} | ${row.tool} | ${format(oldRow?.median)} | ${format(row.median)} | ${change} |`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function readResults(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read --compare ${file}: ${error.message}`);
  }
  if (parsed?.schema !== 'bgsvc-bench') fail(`--compare ${file}: not a bgsvc bench results file`);
  return parsed;
}

function stripDisplay(table) {
  const { format, ...rest } = table;
  return { ...rest, unit: rest.unit ?? 'ms' };
}

function safeRead(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function round(value) {
  return Math.round(value * 100) / 100;
}

function print(text) {
  process.stdout.write(`${text}\n`);
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
