// The examples under examples/ run in the suite as users would run them: from
// their own directory. They use the servers' well-known ports (6379, 3000…)
// so they read naturally; a test copies one and swaps those for free ports.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLI } from './cli.js';
import { killAllWithEnv, pidsWithEnv } from './proc.js';
import { killFamily } from './proc-tree.js';
import { scratchDir } from './scratch.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');

/** A copy of examples/<name> in a fresh world-readable dir, with each `from` port replaced by its `to`. */
export function copyExample(name: string, ports: Record<number, number> = {}): string {
  const dir = scratchDir(`example-${name}`);
  cpSync(join(EXAMPLES, name), dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, file);
    if (!statSync(path).isFile()) continue;
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of Object.entries(ports)) text = text.replace(new RegExp(`\\b${from}\\b`, 'g'), String(to));
    writeFileSync(path, text);
  }
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the built CLI in `dir`, as `user` when given (tests run as root here,
 * and initdb refuses root; on CI runners users are not root and run it plainly).
 */
export function bgsvc(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; user?: string }): Promise<Run> {
  const argv = [process.execPath, CLI, ...args];
  return runCommand(options.user ? ['runuser', '-u', options.user, '--', ...argv] : argv, options);
}

export function runCommand(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Run> {
  const started = performance.now();
  const [file, ...args] = argv;
  const child = spawn(file!, args, {
    cwd: options.cwd,
    env: { ...outsideCiEnv(), NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/**
 * This process's environment minus what would point bgsvc elsewhere when the
 * suite itself runs in a CI job: a GitLab job's CI_PROJECT_DIR would put every
 * test's state in one shared dir.
 */
export function outsideCiEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('BGSVC_') || key.startsWith('CI_') || key === 'GITLAB_CI') delete env[key];
  }
  return env;
}

/** Hands a dir (recursively) to a user, so a service run as that user can write there. */
export function giveTo(dir: string, user: string): void {
  spawnSync('chown', ['-R', user, dir], { stdio: 'inherit' });
}

/** The BGSVC_ID recorded by the last start in `dir` (default state dir). */
export function recordedId(dir: string): string {
  return JSON.parse(readFileSync(join(dir, '.bgsvc/state.json'), 'utf8')).id;
}

/**
 * Test cleanup, so one failure cannot leak into the next: the recorded
 * wrappers with every descendant (servers that rewrote their environment
 * included), then whatever still carries the cookie.
 */
export function killRun(dir: string): void {
  let state: { id: string; services: Array<{ pid: number }> };
  try {
    state = JSON.parse(readFileSync(join(dir, '.bgsvc/state.json'), 'utf8'));
  } catch {
    return;
  }
  // A wrapper still carrying the cookie is ours, and so is everything under it.
  const ours = new Set(pidsWithEnv('BGSVC_ID', state.id));
  for (const service of state.services) if (ours.has(service.pid)) killFamily(service.pid);
  killAllWithEnv('BGSVC_ID', state.id);
}
