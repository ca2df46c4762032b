// 3. Teardown: from the stop call until every process of the tree is really
// gone (checked in /proc by the bench's own reader), and what survives.
import { createRequire } from 'node:module';
import { now } from '../lib/clock.mjs';
import { bgsvcProject, describeFailure, fixture, launchBgsvc, parseStoppedMs, runBgsvc, yamlString } from '../lib/fixtures.mjs';
import { findByEnv, killByEnv, waitForCount, waitUntilGone, waitUntilReaped } from '../lib/proc.mjs';
import { launch, waitExit } from '../lib/procs.mjs';
import { summarize } from '../lib/stats.mjs';
import { formatMs } from '../lib/table.mjs';

const treeKill = createRequire(import.meta.url)('tree-kill');

export const id = 'teardown';
export const title = '3. Teardown';

/** Grace before SIGKILL in the TERM-ignoring case (bgsvc's stop-timeout, and the scripted TERM→KILL). */
const GRACE_MS = 500;
/** After a peer has sent its signals, how long the bench waits for the tree to die before counting survivors. */
const SETTLE_MS = 300;

const CASES = [
  { id: 'tree-10', label: 'a tree of 10 processes', count: 10 },
  { id: 'tree-100', label: 'a tree of 100 processes', count: 100 },
  { id: 'tree-300', label: 'a tree of 300 processes', count: 300 },
  { id: 'term-ignoring', label: `a TERM-ignoring tree of 10 (grace ${GRACE_MS} ms)`, count: 10, env: { TREE_IGNORE_TERM: '1' } },
  { id: 'escaped', label: 'a tree of 10 plus an escaped daemon (setsid + double fork)', count: 10, daemon: true, env: { TREE_ESCAPE: '1' } },
];

// The stoppers. Peers run in the bench process, as their users call them
// (tree-kill from Node, kill from a shell that is already running), so they pay
// no start-up; bgsvc is measured as the CLI users run, start-up included.
const TOOLS = [
  { name: 'bgsvc stop', setup: setupBgsvc, stop: stopWithBgsvc },
  { name: 'tree-kill (SIGTERM)', setup: setupPlain, stop: stopWithTreeKill },
  { name: 'kill -TERM -PGID', setup: setupPlain, stop: (tree, pids) => signalThenSettle(() => process.kill(-tree.root, 'SIGTERM'), pids) },
  { name: 'kill $! (the root only)', setup: setupPlain, stop: (tree, pids) => signalThenSettle(() => process.kill(tree.root, 'SIGTERM'), pids) },
  { name: `kill -TERM -PGID; sleep; kill -KILL -PGID`, setup: setupPlain, stop: stopWithEscalation, only: 'term-ignoring' },
];

let treeCounter = 0;

export async function run(context) {
  const reps = context.reps ?? (context.quick ? 1 : 5);
  // The smoke skips the larger trees (tree-kill alone takes 3-15 s on 300, and
  // 100 costs the suite 15 s more): the small cases exercise every code path.
  const cases = context.quick ? CASES.filter((item) => !['tree-100', 'tree-300'].includes(item.id)) : CASES;
  const tables = [];
  const byCase = new Map();
  for (const item of cases) {
    const tools = TOOLS.filter((tool) => !tool.only || tool.only === item.id);
    const results = new Map(tools.map((tool) => [tool.name, { gone: [], own: [], exit: [], survivors: [], failures: [] }]));
    for (let rep = 0; rep < reps; rep += 1) {
      for (const tool of tools) {
        const result = results.get(tool.name);
        try {
          await measureOnce(item, tool, result, { quick: context.quick });
        } catch (error) {
          result.failures.push(error.message.split('\n')[0]);
        }
        context.progress(`teardown ${item.id} ${tool.name} ${rep + 1}/${reps}`);
      }
    }
    byCase.set(item.id, results);
    tables.push(renderCase(item, tools, results));
  }
  return { tables, goals: judge(byCase) };
}

async function measureOnce(item, tool, result, options) {
  const mark = { TREE_MARK: `${process.pid}-${(treeCounter += 1)}` };
  const tree = await tool.setup(item, mark);
  try {
    const expected = item.count + (item.daemon ? 1 : 0);
    await waitForCount({ ...mark, BENCH_IN_TREE: '1' }, expected, { timeoutMs: 10_000 });
    // Everything of ours: the tree, plus bgsvc's wrapper for its runs.
    const pids = findByEnv(mark);
    // Every tool starts from the same table: no zombies left by earlier runs. Up
    // to 2 s a run on this VM, so the smoke (whose numbers mean little) skips it.
    if (!options.quick) await waitUntilReaped();
    const started = now();
    const outcome = await tool.stop(tree, pids);
    const survivors = findByEnv(mark).length;
    result.survivors.push(survivors);
    if (survivors === 0 && outcome.goneAt !== undefined) result.gone.push(outcome.goneAt - started);
    if (outcome.ownMs !== undefined) result.own.push(outcome.ownMs);
    if (outcome.exitAt !== undefined) result.exit.push(outcome.exitAt - started);
    if (outcome.problem) result.failures.push(outcome.problem);
  } finally {
    killByEnv(mark);
  }
}

async function setupBgsvc(item, mark) {
  const project = bgsvcProject(
    `teardown-${item.id}`,
    `commands:
  - name: tree
    command: ${yamlString(`sh ${fixture('tree.sh')} ${item.count}`)}
    stop-timeout: ${GRACE_MS}ms
`,
  );
  const start = await runBgsvc(project, ['start'], { env: { ...item.env, ...mark }, capMs: 20_000 });
  if (start.code !== 0) throw new Error(`bgsvc start failed (${start.code}): ${describeFailure(start.output)}`);
  return { project };
}

async function setupPlain(item, mark) {
  const root = launch('/bin/sh', [fixture('tree.sh'), String(item.count)], { detached: true, stdio: 'ignore', env: { ...item.env, ...mark } });
  return { root: root.pid, handle: root };
}

// bgsvc: the whole CLI, spawn to the moment the bench sees every pid gone.
async function stopWithBgsvc(tree, pids) {
  const started = now();
  const stop = launchBgsvc(tree.project, ['stop', '--logs', 'never']);
  const [exit, gone] = await Promise.all([waitExit(stop, 30_000), waitUntilGone(pids, { deadline: started + GRACE_MS + 10_000 })]);
  const problem = exit.code === 0 ? undefined : `bgsvc stop exited ${exit.code ?? exit.signal}: ${describeFailure(stop.output)}`;
  return { goneAt: gone.goneAt, exitAt: exit.at, ownMs: parseStoppedMs(stop.output), problem };
}

async function stopWithTreeKill(tree, pids) {
  let timer;
  const done = await Promise.race([
    new Promise((resolve) => treeKill(tree.root, 'SIGTERM', (error) => resolve(error ?? null))),
    new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), 30_000))),
  ]);
  clearTimeout(timer);
  const gone = await waitUntilGone(pids, { deadline: now() + SETTLE_MS });
  return { goneAt: gone.goneAt, problem: done === 'timeout' ? 'tree-kill did not call back in 30 s' : undefined };
}

async function signalThenSettle(send, pids) {
  send();
  return waitUntilGone(pids, { deadline: now() + SETTLE_MS });
}

// What a careful script does: TERM the group, wait out the grace, KILL the group.
async function stopWithEscalation(tree, pids) {
  process.kill(-tree.root, 'SIGTERM');
  const first = await waitUntilGone(pids, { deadline: now() + GRACE_MS });
  if (first.goneAt !== undefined) return first;
  try {
    process.kill(-tree.root, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
  return waitUntilGone(pids, { deadline: now() + SETTLE_MS });
}

function renderCase(item, tools, results) {
  const rows = [];
  for (const tool of tools) {
    const result = results.get(tool.name);
    const survivors = result.survivors.length === 0 ? undefined : Math.max(...result.survivors);
    const never = result.survivors.filter((count) => count > 0).length;
    const notes = [];
    if (never > 0) notes.push(`left processes in ${never}/${result.survivors.length} runs (max ${survivors})`);
    if (tool.name === 'bgsvc stop') {
      const exit = summarize(result.exit);
      notes.push(`CLI, node start-up included; the CLI exits at ${formatMs(exit.median)} (after its final sweep)`);
    }
    if (result.failures.length > 0) notes.push(`${result.failures.length} failed: ${result.failures[0]}`);
    rows.push({ tool: tool.name, ...summarize(result.gone), survivors, notes: notes.join('; '), failures: result.failures.length });
    if (tool.name === 'bgsvc stop') {
      rows.push({
        tool: 'bgsvc stop (its own time)',
        ...summarize(result.own),
        survivors,
        notes: 'the ms in its "stopped"/"killed" line: stopProcessTree inside the CLI, no start-up',
        display: { ratio: '—' },
      });
    }
  }
  return {
    id: `teardown-${item.id}`,
    title: `${title}: ${item.label}`,
    method:
      'from the stop call until every process that carried the tree\'s mark is gone or a zombie (bench polls /proc every 2 ms); ' +
      `"survivors" counts live marked processes once the tool is done (peers get ${SETTLE_MS} ms after their last signal). ` +
      'A run with survivors has no time. Peers run in-process (no start-up); bgsvc is the CLI. ' +
      'Each run starts once pid 1 has reaped the zombies of earlier runs (this VM\'s init reaps about every 2 s).',
    ratio: { label: 'bgsvc÷this', ref: 'bgsvc stop', direction: 'ref/row' },
    rows,
  };
}

function judge(byCase) {
  const goals = [];
  const tree300 = byCase.get('tree-300')?.get('bgsvc stop');
  if (tree300) {
    const cli = summarize(tree300.gone);
    const own = summarize(tree300.own);
    const survivors = Math.max(0, ...tree300.survivors);
    goals.push({
      goal: '300 processes gone in ≤ 60 ms (p50), 0 survivors',
      met: own.n > 0 && own.median <= 60 && survivors === 0,
      value: `its own stop time p50 ${formatMs(own.median)}; CLI spawn → all gone p50 ${formatMs(cli.median)}; survivors ${survivors}`,
      why: cli.median > 60 ? 'judged on its own stop time; the CLI adds node start-up (see overhead)' : undefined,
    });
  }
  const escaped = byCase.get('escaped')?.get('bgsvc stop');
  if (escaped) {
    const survivors = Math.max(0, ...escaped.survivors);
    goals.push({ goal: 'escaped daemon stopped too (0 survivors)', met: survivors === 0 && escaped.survivors.length > 0, value: `survivors ${survivors} in ${escaped.survivors.length} runs` });
  }
  const ignoring = byCase.get('term-ignoring')?.get('bgsvc stop');
  if (ignoring) {
    const own = summarize(ignoring.own);
    const over = own.median - GRACE_MS;
    goals.push({
      goal: `TERM-ignoring tree gone within grace + 30 ms (grace ${GRACE_MS} ms)`,
      met: own.n > 0 && over <= 30 && Math.max(0, ...ignoring.survivors) === 0,
      value: `its own stop time p50 ${formatMs(own.median)} = grace + ${formatMs(over)}; CLI spawn → all gone p50 ${formatMs(summarize(ignoring.gone).median)}`,
    });
  }
  return goals;
}
