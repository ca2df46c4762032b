// 4. Overhead: what bgsvc itself costs a job. `--version` (start-up alone),
// and `run` around a service that is ready at once and a command that exits
// at once, against bare node and against the naive shell pattern.
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BGSVC, NODE, ROOT, bgsvcProject, describeFailure, freshDir, runBgsvc, shellQuote, yamlString } from '../lib/fixtures.mjs';
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
  const versionRatio = summarize(times.version).median / node;
  const goals = [
    { goal: '`bgsvc --version` ≤ 1.5× `node -e 0`', met: versionRatio <= 1.5, value: `${versionRatio.toFixed(2)}× (${formatMs(summarize(times.version).median)} vs ${formatMs(node)})` },
    {
      goal: '`bgsvc run` total ≤ 200 ms above the service\'s own time',
      met: Number.isFinite(runMedian) && runMedian - naive <= 200,
      value: `${formatMs(runMedian)} total, ${formatMs(runMedian - naive)} above the naive shell's ${formatMs(naive)}; ${(runMedian / node).toFixed(2)}× node -e 0`,
    },
  ];
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
