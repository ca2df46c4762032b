// 4. Overhead: what bgsvc itself costs a job. `--version` (start-up alone),
// and `run` around a service that is ready at once and a command that exits
// at once, against bare node and against the naive shell pattern; and the
// action's own steps (dist/main.cjs, dist/post.cjs) as the runner runs them, on
// Node 24 (what `runs: using: node24` runs) and on the Node running the bench.
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { actionJob, resolveNode24, runActionStep } from '../lib/action.mjs';
import { ACTION_MAIN, ACTION_POST, BGSVC, FIXTURES, NODE, ROOT, bgsvcProject, describeFailure, freshDir, runBgsvc, shellQuote, yamlString } from '../lib/fixtures.mjs';
import { run as runProcess } from '../lib/procs.mjs';
import { summarize } from '../lib/stats.mjs';
import { formatMs } from '../lib/table.mjs';

export const id = 'overhead';
export const title = '4. Overhead';

const SERVICE = 'echo ready; exec sleep 60';
const CONFIG = `commands:
  - name: svc
    command: ${yamlString(SERVICE)}
    wait-on: "log: ^ready"
    timeout: 10s
`;

export async function run(context) {
  const reps = context.reps ?? (context.quick ? 3 : 20);
  const runReps = context.quick ? Math.min(reps, 2) : Math.min(reps, 10);
  const times = { node: [], version: [], run: [], start: [], stop: [], naive: [] };
  const failures = [];

  // Warm the page cache, so the first sample does not pay for reading node and the bundle from disk.
  await timed([NODE, '-e', '0']);
  await timed([NODE, BGSVC, '--version']);
  for (let rep = 0; rep < reps; rep += 1) {
    times.node.push(await timed([NODE, '-e', '0']));
    times.version.push(await timed([NODE, BGSVC, '--version']));
    context.progress(`overhead start-up ${rep + 1}/${reps}`);
  }
  for (let rep = 0; rep < runReps; rep += 1) {
    const project = bgsvcProject('overhead-run', CONFIG);
    const ran = await runBgsvc(project, ['run', '--', 'true'], { capMs: 20_000 });
    if (ran.code === 0) times.run.push(ran.at - ran.handle.spawnedAt);
    else failures.push(`run exited ${ran.code}: ${describeFailure(ran.output)}`);

    const separate = bgsvcProject('overhead-start', CONFIG);
    const started = await runBgsvc(separate, ['start'], { capMs: 20_000 });
    const stopped = await runBgsvc(separate, ['stop'], { capMs: 20_000 });
    if (started.code === 0 && stopped.code === 0) {
      times.start.push(started.at - started.handle.spawnedAt);
      times.stop.push(stopped.at - stopped.handle.spawnedAt);
    } else failures.push(`start/stop exited ${started.code}/${stopped.code}`);

    // The same service and command without bgsvc: `svc > log & true; kill $!`.
    const dir = freshDir('overhead-naive');
    times.naive.push(await timed(['/bin/sh', '-c', `sh -c ${shellQuote(SERVICE)} > ${shellQuote(join(dir, 'svc.log'))} 2>&1 & true; kill $!`], dir));
    context.progress(`overhead run ${rep + 1}/${runReps}`);
  }

  const node = summarize(times.node).median;
  const naive = summarize(times.naive).median;
  const row = (tool, values, notes) => ({ tool, ...summarize(values), notes });
  const runMedian = summarize(times.run).median;
  const tables = [
    {
      id: 'overhead',
      title: `${title}: start-up and \`run\``,
      method:
        'wall time from spawn to exit, seen by the bench. The service prints "ready" at once and `wait-on: "log: ^ready"`; the command is `true`. ' +
        'Each `run`/`start` uses a fresh project and state dir, as a CI job would.',
      ratio: { label: '÷ node -e 0', ref: 'node -e 0', direction: 'row/ref' },
      rows: [
        row('node -e 0', times.node, 'bare Node start-up and exit: the floor for any Node CLI'),
        row('bgsvc --version', times.version, `loads dist/cli.cjs (${kib(sizeOf(BGSVC))}), not the YAML parser`),
        row('bgsvc run -- true', times.run, `start + wait + command + stop; ${formatMs(runMedian - naive)} above the naive shell`),
        row('bgsvc start', times.start, 'the same service, start alone'),
        row('bgsvc stop', times.stop, 'and stop alone'),
        row('shell: svc & true; kill $!', times.naive, 'the service\'s and command\'s own time, no waiting, no cleanup check'),
      ],
      footnotes: failures.length > 0 ? [`${failures.length} failed: ${failures[0]}`] : [],
    },
    {
      id: 'overhead-dist',
      title: `${title}: size of dist/ (per entry)`,
      unit: 'bytes',
      format: (bytes) => (Number.isFinite(bytes) ? kib(bytes) : '—'),
      // The ratio column holds the gzipped size instead (display.ratio).
      ratio: { label: 'gzip', ref: undefined, direction: 'row/ref' },
      rows: distEntries().map(({ name, bytes, gzip }) => ({
        tool: `dist/${name}`,
        n: 1,
        median: bytes,
        p95: bytes,
        display: { ratio: kib(gzip) },
        notes: 'size on disk; "gzip" is the gzipped size',
      })),
    },
  ];
  const action = await measureActionSteps(context, reps);
  tables.splice(1, 0, ...action.tables);
  const versionRatio = summarize(times.version).median / node;
  const goals = [
    { goal: '`bgsvc --version` ≤ 1.5× `node -e 0`', met: versionRatio <= 1.5, value: `${versionRatio.toFixed(2)}× (${formatMs(summarize(times.version).median)} vs ${formatMs(node)})` },
    {
      goal: '`bgsvc run` total ≤ 200 ms above the service\'s own time',
      met: Number.isFinite(runMedian) && runMedian - naive <= 200,
      value: `${formatMs(runMedian)} total, ${formatMs(runMedian - naive)} above the naive shell's ${formatMs(naive)}; ${(runMedian / node).toFixed(2)}× node -e 0`,
    },
    ...action.goals,
  ];
  return { tables, goals };
}

// Issue 16: what the action itself costs each job, main and post each being a
// step of their own that pays a Node start-up.
const ACTION_INPUTS = { run: 'exec sleep 60', name: 'svc', 'wait-on': 'file:/' };
const SPAWN_ONE = join(FIXTURES, 'spawn-one.cjs');

async function measureActionSteps(context, reps) {
  const runtimes = [];
  const node24 = await resolveNode24();
  if (node24.path) runtimes.push({ label: 'Node 24', node: node24.path, version: node24.version });
  if (!process.version.startsWith('v24.')) runtimes.push({ label: `Node ${process.version.slice(1).split('.')[0]}`, node: NODE, version: process.version });
  const builds = [{ label: '', main: ACTION_MAIN, post: ACTION_POST }];
  // An earlier build's steps, taking turns with the current ones in every round (--baseline).
  if (context.baseline) builds.push({ label: 'baseline: ', main: join(context.baseline, 'main.cjs'), post: join(context.baseline, 'post.cjs') });
  const emptyTimes = () => ({ node: [], floor: [], ...Object.fromEntries(builds.flatMap((build) => ['loadMain', 'loadPost', 'postEmpty', 'main', 'postStop'].map((key) => [build.label + key, []]))) });
  const samples = new Map(runtimes.map((runtime) => [runtime, emptyTimes()]));
  const failures = [];
  // Loaded, not run: required as a module, so it is not the process main script.
  const loadOnly = (script) => ['-e', `require(${JSON.stringify(script)})`];

  const oneRound = async (runtime, times) => {
    times.node.push(await timed([runtime.node, '-e', '0']));
    // Not a peer: what any Node launcher pays to start one service (spawn, log, state file).
    const floorDir = freshDir('overhead-action-floor');
    times.floor.push(await timed([runtime.node, SPAWN_ONE, floorDir, ACTION_INPUTS.run]));
    // Its service, stopped outside the measurement (its own process group).
    process.kill(-JSON.parse(readFileSync(join(floorDir, 'state.json'), 'utf8')).pid, 'SIGKILL');
    for (const build of builds) {
      const key = (name) => build.label + name;
      // Imported, not run (the entry runs only as the process's main script): the bundle's load alone.
      times[key('loadMain')].push(await timed([runtime.node, ...loadOnly(build.main)]));
      times[key('loadPost')].push(await timed([runtime.node, ...loadOnly(build.post)]));
      // Post with a state dir that holds nothing (main saved one, then started nothing).
      const idle = actionJob('overhead-action-idle');
      const emptyStateDir = freshDir('overhead-action-empty-state');
      times[key('postEmpty')].push((await runActionStep(idle, { node: runtime.node, script: build.post, step: 'post', inputs: ACTION_INPUTS, state: { 'state-dir': emptyStateDir } })).ms);
      // Main with one service whose probe passes at once, then post stopping it.
      const job = actionJob('overhead-action');
      const main = await runActionStep(job, { node: runtime.node, script: build.main, step: 'main', inputs: ACTION_INPUTS });
      times[key('main')].push(main.ms);
      times[key('postStop')].push((await runActionStep(job, { node: runtime.node, script: build.post, step: 'post', inputs: ACTION_INPUTS, state: main.saved })).ms);
    }
  };
  // One unmeasured round per runtime warms the page cache; then the runtimes take turns, so drift hits both alike.
  for (const runtime of runtimes) {
    try {
      await oneRound(runtime, emptyTimes());
    } catch (error) {
      failures.push(`${runtime.label}: ${error.message}`);
    }
  }
  for (let rep = 0; rep < reps && failures.length === 0; rep += 1) {
    for (const runtime of rep % 2 === 0 ? runtimes : [...runtimes].reverse()) await oneRound(runtime, samples.get(runtime));
    context.progress(`overhead action steps ${rep + 1}/${reps}`);
  }

  const tables = [];
  const goals = [];
  for (const runtime of runtimes) {
    const times = samples.get(runtime);
    const row = (tool, values, notes) => ({ tool, ...summarize(values), notes });
    const node = summarize(times.node).median;
    const median = (values) => summarize(values).median;
    const above = (values) => `${formatMs(median(values) - node)} above node -e 0`;
    tables.push({
      id: `overhead-action-${runtime.label.toLowerCase().replace(/\s+/g, '')}`,
      title: `${title}: the action's steps on ${runtime.label} (${runtime.version})`,
      method:
        'wall time from spawn to exit, seen by the bench, of `node dist/main.cjs` and `node dist/post.cjs` run as the runner runs them: inputs as INPUT_* (action.yml defaults filled in), ' +
        'fresh GITHUB_STATE/OUTPUT/ENV/PATH/STEP_SUMMARY files, stdout and stderr piped, post given main\'s saved state as STATE_*. ' +
        `Inputs \`run: ${ACTION_INPUTS.run}\`, \`wait-on: "${ACTION_INPUTS['wait-on']}"\` (passes at once). "load" rows require the bundle without running it.` +
        (runtime.label === 'Node 24' ? ' Node 24 is the npm package node@24 (`npx -y -p node@24`), what `runs: using: node24` runs.' : ''),
      ratio: { label: '÷ node -e 0', ref: 'node -e 0', direction: 'row/ref' },
      rows: [
        row('node -e 0', times.node, `bare ${runtime.label} start-up and exit`),
        row('floor: spawn one service from Node', times.floor, `bench/fixtures/spawn-one.cjs, not a peer; ${above(times.floor)}`),
        row('load dist/main.cjs', times.loadMain, `require only: ${above(times.loadMain)}`),
        row('load dist/post.cjs', times.loadPost, `require only: ${above(times.loadPost)}`),
        row('post: nothing to stop', times.postEmpty, `empty state dir; ${above(times.postEmpty)}`),
        row('main: one service, ready at once', times.main, `start, probe, state, outputs; ${above(times.main)}`),
        row('post: stop that service', times.postStop, `stop, summary; ${above(times.postStop)}`),
        ...(context.baseline
          ? [
              row('baseline: load main.cjs', times['baseline: loadMain'], `${context.baseline}; ${above(times['baseline: loadMain'])}`),
              row('baseline: load post.cjs', times['baseline: loadPost'], above(times['baseline: loadPost'])),
              row('baseline: post: nothing to stop', times['baseline: postEmpty'], above(times['baseline: postEmpty'])),
              row('baseline: main: one service', times['baseline: main'], above(times['baseline: main'])),
              row('baseline: post: stop it', times['baseline: postStop'], above(times['baseline: postStop'])),
            ]
          : []),
      ],
      footnotes: failures.length > 0 ? [`${failures.length} failed: ${failures[0]}`] : [],
    });
    const measured = failures.length === 0 && times.main.length > 0;
    const judge = (met, value) => (measured ? { met, value } : { met: undefined, value: `not measured: ${failures[0] ?? 'no samples'}` });
    goals.push(
      { goal: `${runtime.label}: dist/post.cjs with nothing to stop ≤ 1.5× \`node -e 0\``, ...judge(median(times.postEmpty) / node <= 1.5, `${(median(times.postEmpty) / node).toFixed(2)}× (${formatMs(median(times.postEmpty))} vs ${formatMs(node)})`) },
      { goal: `${runtime.label}: dist/main.cjs, one service ready at once, ≤ \`node -e 0\` + 25 ms`, ...judge(median(times.main) - node <= 25, `+${formatMs(median(times.main) - node)} (${formatMs(median(times.main))} vs ${formatMs(node)})`) },
      { goal: `${runtime.label}: dist/post.cjs stopping it ≤ \`node -e 0\` + 40 ms`, ...judge(median(times.postStop) - node <= 40, `+${formatMs(median(times.postStop) - node)} (${formatMs(median(times.postStop))} vs ${formatMs(node)})`) },
    );
  }
  if (runtimes.every((runtime) => runtime.label !== 'Node 24')) {
    goals.push({ goal: 'Node 24: the action\'s steps', met: undefined, value: `not measured: no Node 24 (${node24.reason})` });
  }
  return { tables, goals };
}

async function timed([file, ...args], cwd) {
  const result = await runProcess(file, args, { cwd, capMs: 10_000, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.code !== 0) throw new Error(`${file} ${args.join(' ')} exited ${result.code}: ${result.output}`);
  return result.at - result.handle.spawnedAt;
}

// Every entry in dist/ as it is now; cli.cjs as measured (the run's snapshot).
function distEntries() {
  const dir = join(ROOT, 'dist');
  const names = readdirSync(dir).filter((name) => /\.c?js$/.test(name) && name !== 'cli.cjs');
  return [{ name: 'cli.cjs', path: BGSVC }, ...names.sort().map((name) => ({ name, path: join(dir, name) }))].flatMap(({ name, path }) => {
    try {
      return [{ name, bytes: sizeOf(path), gzip: gzipSync(readFileSync(path)).length }];
    } catch {
      return []; // removed by a rebuild meanwhile
    }
  });
}

function sizeOf(path) {
  return statSync(path).size;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
