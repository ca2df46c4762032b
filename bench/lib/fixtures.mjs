// Paths, scratch directories, ports, and the tools as users run them.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, run } from './procs.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'bench/fixtures');
export const fixture = (name) => join(FIXTURES, name);

/** The product as users get it: the built CLI. */
export const DIST_CLI = join(ROOT, 'dist/cli.cjs');
/** What the scenarios run: DIST_CLI, or its snapshot once `snapshotCli` ran. */
export let BGSVC = DIST_CLI;
/** The action's steps (action.yml `main:` and `post:`), or their snapshots. */
export let ACTION_MAIN = join(ROOT, 'dist/main.cjs');
export let ACTION_POST = join(ROOT, 'dist/post.cjs');

// Runs a copy of dist/ taken at the start (self-contained bundles), so a
// rebuild during the run (`npm run bundle` empties dist/ first) can neither
// break a measurement nor mix two builds in one results file.
export function snapshotCli() {
  const dir = join(scratchDir(), 'dist');
  mkdirSync(dir, { recursive: true });
  // cli.cjs requires the YAML parser beside it when a command reads a config.
  for (const file of readdirSync(join(ROOT, 'dist'))) copyFileSync(join(ROOT, 'dist', file), join(dir, file));
  BGSVC = join(dir, 'cli.cjs');
  ACTION_MAIN = join(dir, 'main.cjs');
  ACTION_POST = join(dir, 'post.cjs');
  return BGSVC;
}
/** Peers, each through its own bin script (what npx would run, without npx's start-up). */
export const WAIT_ON = join(ROOT, 'node_modules/wait-on/bin/wait-on');
export const SST = join(ROOT, 'node_modules/start-server-and-test/src/bin/start.js');
export const CONCURRENTLY = join(ROOT, 'node_modules/concurrently/dist/bin/concurrently.js');
export const NODE = process.execPath;

let scratchRoot;

// One scratch directory per run, removed by run.mjs at the end.
export function scratchDir() {
  scratchRoot ??= mkdtempSync(join(tmpdir(), 'bgsvc-bench-'));
  return scratchRoot;
}

let counter = 0;
export function freshDir(label) {
  counter += 1;
  const dir = join(scratchDir(), `${label}-${counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A project directory holding bgsvc.yml, with its own state dir (fresh, like a CI job). */
export function bgsvcProject(label, config) {
  const dir = freshDir(label);
  writeFileSync(join(dir, 'bgsvc.yml'), config);
  const stateDir = join(dir, '.bgsvc');
  return { dir, stateDir, logDir: join(stateDir, 'logs'), env: { BGSVC_STATE_DIR: stateDir } };
}

// The lines of a failed CLI run worth quoting: its error, else its last line.
export function describeFailure(output) {
  const lines = output.trim().split('\n');
  return (lines.find((line) => /\b\w*Error\b|failed:/.test(line)) ?? lines.at(-1) ?? '').trim().slice(0, 200);
}

/** `node dist/cli.cjs ARGS` in a project, started now. */
export function launchBgsvc(project, args, options = {}) {
  return launch(NODE, [BGSVC, ...args], { cwd: project.dir, ...options, env: { ...project.env, ...options.env } });
}

export function runBgsvc(project, args, options = {}) {
  return run(NODE, [BGSVC, ...args], { cwd: project.dir, ...options, env: { ...project.env, ...options.env } });
}

/** Stops what a project started (not measured); a failure here is a bench bug worth seeing. */
export async function stopQuietly(project) {
  const result = await runBgsvc(project, ['stop', '--logs', 'never'], { capMs: 30_000 });
  if (result.code !== 0) throw new Error(`bgsvc stop failed (${result.code}): ${describeFailure(result.output)}`);
}

/** Ports handed out in this run: the kernel may offer a just-closed port again, and two services on one port would share a listener. */
const handedOut = new Set();

/** A TCP port on 127.0.0.1 that was free a moment ago and not handed out before in this run. */
export async function freePort() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await ephemeralPort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error('no unused free port in 50 attempts');
}

function ephemeralPort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** YAML double-quoted scalar. */
export const yamlString = (text) => JSON.stringify(String(text));

/** One POSIX shell word, single-quoted. */
export const shellQuote = (text) => `'${String(text).replaceAll("'", `'\\''`)}'`;

// bgsvc's "+0.02s web stopped (SIGTERM, 31ms)": the time it measured itself.
export function parseStoppedMs(output) {
  const values = [...output.matchAll(/ stopped \([^,]+, ([\d.]+)(ms|s)\)/g)].map(([, value, unit]) => Number(value) * (unit === 's' ? 1000 : 1));
  const killed = [...output.matchAll(/ killed with SIGKILL after ([\d.]+)(ms|s)/g)].map(([, value, unit]) => Number(value) * (unit === 's' ? 1000 : 1));
  const all = [...values, ...killed];
  return all.length === 0 ? undefined : Math.max(...all);
}
