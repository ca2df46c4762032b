// Runs a workflow of test/e2e/act/<scenario> with nektos/act in self-hosted
// mode (`-P ubuntu-latest=-self-hosted`: steps run on this machine, no Docker),
// a GitHub Actions client nobody here wrote. The workflow uses the action as
// users do: `actions/checkout` (act copies the repo for it, offline) and then
// `uses: ./` on a repo holding action.yml and dist/. act runs the action with
// the `node` first on its PATH, so Node 24 goes there, as `using: node24` asks.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { act, node24Bin } from '../../helpers/clients.js';
import { outsideCiEnv } from '../../helpers/examples.js';
import { killAllWithEnv, pidsWithEnv } from '../../helpers/proc.js';
import { scratchDir } from '../../helpers/scratch.js';
import { runCommand } from '../../helpers/examples.js';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Every process of a run carries this (passed with `act --env`): the leak check and the cleanup find them by it. */
export const MARK = 'BGSVC_ACT_RUN';

export interface ActProject {
  /** The repository act runs: action.yml, dist/, services/ and the scenario's files. */
  repo: string;
  /** Outside the repo, which act copies away and deletes: steps and services leave their evidence here. */
  out: string;
  /** The value of BGSVC_ACT_RUN for this project's runs. */
  mark: string;
}

export interface ActRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** act's output, colours removed. */
  output: string;
  ms: number;
  /** Milliseconds from the SIGINT to act's exit, when `interrupt` fired. */
  afterInterruptMs?: number;
  /** The most processes carrying the run's mark seen at once while act ran (sampled). */
  peakProcesses: number;
}

/** A fresh repo for the scenario, committed, and an evidence dir beside it. */
export async function actProject(scenario: string): Promise<ActProject> {
  const root = scratchDir(`act-${scenario}`);
  chmodSync(root, 0o755);
  const repo = join(root, 'repo');
  const out = join(root, 'out');
  mkdirSync(out);
  cpSync(join(ROOT, 'action.yml'), join(repo, 'action.yml'));
  cpSync(join(ROOT, 'dist'), join(repo, 'dist'), { recursive: true });
  cpSync(join(import.meta.dirname, 'services'), join(repo, 'services'), { recursive: true });
  cpSync(join(import.meta.dirname, scenario), repo, { recursive: true });
  const git = (...args: string[]) => runCommand(['git', '-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: repo });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  const commit = await git('commit', '-qm', `scenario ${scenario}`);
  if (commit.code !== 0) throw new Error(`git commit failed in ${repo}: ${commit.stderr}`);
  return { repo, out, mark: randomBytes(8).toString('hex') };
}

export function runAct(
  project: ActProject,
  options: { env?: Record<string, string>; interrupt?: RegExp; timeoutMs?: number } = {},
): Promise<ActRun> {
  const args = ['push', '-P', 'ubuntu-latest=-self-hosted', '--no-cache-server'];
  // act keeps its per-job dirs (workspace copy, RUNNER_TEMP) here and deletes them after the job.
  args.push('--action-cache-path', join(project.out, '..', 'act-cache'));
  for (const [key, value] of Object.entries({ [MARK]: project.mark, OUT: project.out, ...options.env })) args.push('--env', `${key}=${value}`);
  const started = performance.now();
  const child = spawn(act().path, args, {
    cwd: project.repo,
    env: { ...actEnv(), PATH: `${node24Bin().path}:${process.env.PATH}`, ACT_DISABLE_VERSION_CHECK: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child.pid!);
  let output = '';
  let interruptedAt: number | undefined;
  const onData = (chunk: Buffer) => {
    output += chunk;
    if (options.interrupt && interruptedAt === undefined && options.interrupt.test(withoutColors(output))) {
      interruptedAt = performance.now();
      child.kill('SIGINT');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, pidsWithEnv(MARK, project.mark).length)), 200);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      const ended = performance.now();
      clearInterval(sampler);
      clearTimeout(timer);
      running.delete(child.pid!);
      // Kept with the scratch dir when a test fails, for reading.
      appendFileSync(join(project.out, '..', 'act-output.txt'), output);
      done({
        code,
        signal,
        output: withoutColors(output),
        ms: ended - started,
        afterInterruptMs: interruptedAt === undefined ? undefined : ended - interruptedAt,
        peakProcesses: peak,
      });
    });
  });
}

const running = new Set<number>();

/** Test cleanup: act itself if still running, then every process of the project's runs. */
export function killActProject(project: ActProject): void {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
  killAllWithEnv(MARK, project.mark);
}

/** The processes of the project's runs still alive: what must be empty after a job. */
export function leftovers(project: ActProject): number[] {
  return pidsWithEnv(MARK, project.mark);
}

/** act's step lines, `Success - Main ./` → { result: 'Success', step: 'Main ./' }, in order. */
export function stepResults(run: ActRun): Array<{ result: 'Success' | 'Failure'; step: string }> {
  return [...run.output.matchAll(/^\[[^\]]+\]\s+(?:✅|❌)\s+(Success|Failure) - (.+?)(?: \[[^\]]+\])?$/gmu)].map((match) => ({
    result: match[1] as 'Success' | 'Failure',
    step: match[2]!,
  }));
}

/** The job summary as act prints it after the step that wrote it (`⚙  Summary - …`). */
export function summaryOf(run: ActRun): string {
  const match = /⚙ {2}Summary - ([\s\S]*?)\n(?=\[[^\]\n]+\] )/u.exec(run.output);
  return match ? match[1]! : '';
}

/** How long act says a step took (`Success - Post ./ [816.388474ms]`), in ms. */
export function stepMs(run: ActRun, step: string): number {
  const line = run.output.split('\n').find((text) => /(Success|Failure) - /.test(text) && text.includes(` - ${step} [`));
  const match = line && /\[([\d.]+)(µs|ms|s)\]$/u.exec(line);
  if (!match) throw new Error(`no duration for step "${step}" in:\n${run.output}`);
  const value = Number(match[1]);
  return match[2] === 's' ? value * 1000 : match[2] === 'ms' ? value : value / 1000;
}

// The suite may itself run inside a CI job: its GITHUB_*, RUNNER_* and
// ACTIONS_* must not leak into act's steps (act keeps what it does not set).
function actEnv(): NodeJS.ProcessEnv {
  const env = outsideCiEnv();
  for (const key of Object.keys(env)) {
    if (/^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)/.test(key)) delete env[key];
  }
  return env;
}

function withoutColors(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
