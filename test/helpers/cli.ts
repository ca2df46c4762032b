// Runs the built CLI (dist/cli.cjs, what users get) the way a CI runner does:
// stdout and stderr are pipes, and we note when each one closes.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { killAllWithEnv } from './proc.js';
import { scratchDir } from './scratch.js';

export const CLI = resolve(import.meta.dirname, '../../dist/cli.cjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From spawn to process exit. */
  ms: number;
  /** From process exit until both pipes reached EOF: the stuck-runner measure. */
  pipesClosedAfterExitMs: number;
}

export function runCli(
  args: string[],
  options: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    onSpawn?: (pid: number) => void;
    /** Run as another user (through runuser), from a copy of the CLI that user can read. */
    as?: { user: string; cli: string };
  },
): Promise<CliRun> {
  const started = performance.now();
  const [file, argv] = options.as
    ? ['runuser', ['-u', options.as.user, '--', process.execPath, options.as.cli, ...args]]
    : [process.execPath, [CLI, ...args]];
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) options.onSpawn?.(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const closed = (stream: NodeJS.ReadableStream) => new Promise<number>((done) => stream.on('end', () => done(performance.now())));
  const stdoutClosed = closed(child.stdout);
  const stderrClosed = closed(child.stderr);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((done) => {
    child.on('exit', async (code, signal) => {
      const exitedAt = performance.now();
      // A runner would wait for ever here if a service held the pipes; we give up after 5 s.
      const both = await Promise.race([
        Promise.all([stdoutClosed, stderrClosed]).then((times) => Math.max(...times)),
        new Promise<number>((give) => setTimeout(() => give(Number.POSITIVE_INFINITY), 5000)),
      ]);
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: exitedAt - started, pipesClosedAfterExitMs: both - exitedAt });
    });
  });
}

/** A fresh project dir holding `bgsvc.yml`, with its own state dir. */
export function makeProject(config: string): { dir: string; env: NodeJS.ProcessEnv; stateDir: string } {
  const dir = scratchDir('test');
  writeFileSync(join(dir, 'bgsvc.yml'), config);
  const stateDir = join(dir, '.state');
  return { dir, stateDir, env: { BGSVC_STATE_DIR: stateDir } };
}

export function readStateFile(stateDir: string): { id: string; services: Array<{ name: string; pid: number }> } {
  return JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8'));
}

/** Test cleanup: kill whatever the run in stateDir left, so one failure cannot cascade. */
export function killLeftovers(stateDir: string): void {
  try {
    killAllWithEnv('BGSVC_ID', readStateFile(stateDir).id);
  } catch {
    // No state: nothing was started.
  }
}

/**
 * A project factory for a test file: every project it makes is cleaned up
 * (its processes killed) after each test, pass or fail.
 */
export function useProjects(afterEachHook: (cleanup: () => void) => void): typeof makeProject {
  const stateDirs: string[] = [];
  afterEachHook(() => {
    for (const dir of stateDirs.splice(0)) killLeftovers(dir);
  });
  return (config) => {
    const made = makeProject(config);
    stateDirs.push(made.stateDir);
    return made;
  };
}
