// Runs a job of a fixture's .gitlab-ci.yml with GitLab Runner's own shell
// executor (`gitlab-runner exec shell`, v16.11), as the user `gitlab-runner`
// (no sudo), the way shell executors run jobs. The runner fetches the fixture's
// git repo into builds/0/project-0, runs `script` and `after_script` in fresh
// bash login shells with GITLAB_CI=true and CI_JOB_STATUS, and writes the raw
// trace (section markers and colours) to stdout, which is what we assert on.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gitlabRunner } from '../../helpers/clients.js';
import { runCommand } from '../../helpers/examples.js';
import { killAllWithEnv, pidsWithEnv } from '../../helpers/proc.js';
import { scratchDir } from '../../helpers/scratch.js';

export const RUNNER_USER = 'gitlab-runner';
/** Every process of a job carries this (the shell executor passes the runner's environment on). */
export const MARK = 'BGSVC_GLR_RUN';

export interface RunnerProject {
  root: string;
  /** The fixture's git repo: where `exec` runs. */
  repo: string;
  /** CI_PROJECT_DIR: the runner's checkout of the repo. */
  buildDir: string;
  mark: string;
  /** The runner binary and a `git` shim (see shimGit), first on the runner's PATH. */
  bin: string;
  home: string;
}

export interface RunnerJob {
  code: number | null;
  /** The raw trace: ANSI colours, `\e[0K` erases and `\r` kept, as GitLab would store it. */
  trace: string;
  /** The trace without colour codes, for readable assertions. */
  text: string;
  ms: number;
  /** Each line of the trace (colours removed) with when it arrived, in ms since the runner started. */
  lines: Array<{ at: number; text: string }>;
  /** The most processes carrying the project's mark seen at once while the job ran (sampled). */
  peakProcesses: number;
}

/**
 * The packed tarball installed with --omit=dev into an empty folder, once per
 * test file: `node_modules/` to put in each fixture repo, as `npm ci` would.
 */
export async function installPackedBgsvc(): Promise<string> {
  const work = scratchDir('glr-pack');
  const root = resolve(import.meta.dirname, '../../..');
  const pack = await runCommand(['npm', 'pack', '--json', '--pack-destination', work], { cwd: root, timeoutMs: 120_000 });
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const tarball = join(work, JSON.parse(pack.stdout)[0].filename);
  const install = await runCommand(['npm', 'install', '--omit=dev', '--no-audit', '--no-fund', '--no-save', tarball], { cwd: work, timeoutMs: 120_000 });
  if (install.code !== 0) throw new Error(`npm install of ${tarball} failed:\n${install.stderr}`);
  return join(work, 'node_modules');
}

/** A fresh git repo holding test/e2e/gitlab-runner/<fixture> and the installed bgsvc, owned by gitlab-runner. */
export async function runnerProject(fixture: string, nodeModules: string): Promise<RunnerProject> {
  const root = scratchDir(`glr-${fixture}`);
  chmodSync(root, 0o755);
  const repo = join(root, 'repo');
  cpSync(resolve(import.meta.dirname, fixture), repo, { recursive: true });
  // verbatimSymlinks: .bin/bgsvc stays relative (../bgsvc/dist/cli.cjs), as npm made it.
  cpSync(nodeModules, join(repo, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  const git = (...args: string[]) => runCommand(['git', '-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: repo });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  const commit = await git('commit', '-qm', `fixture ${fixture}`);
  if (commit.code !== 0) throw new Error(`git commit failed in ${repo}: ${commit.stderr}`);

  const bin = join(root, 'bin');
  mkdirSync(bin);
  // A hard link (same filesystem) or a copy: the cache under /root is closed to gitlab-runner.
  try {
    linkSync(gitlabRunner().path, join(bin, 'gitlab-runner'));
  } catch {
    copyFileSync(gitlabRunner().path, join(bin, 'gitlab-runner'));
  }
  chmodSync(join(bin, 'gitlab-runner'), 0o755);
  shimGit(bin);
  // An empty HOME: the executor runs `bash --login`, and the user's skeleton
  // ~/.bash_logout (clear_console) fails "Preparing environment", as GitLab's
  // docs on shell profile loading warn. Real installs delete that file.
  const home = join(root, 'home');
  mkdirSync(home);
  spawnSync('chown', ['-R', RUNNER_USER, root], { stdio: 'inherit' });
  return { root, repo, buildDir: join(repo, 'builds/0/project-0'), mark: randomBytes(8).toString('hex'), bin, home };
}

// `gitlab-runner exec` in v16.11.0 reads `git config extensions.objectFormat`
// (exit 1 when unset: exec dies), and passes its output with the trailing
// newline to `git init --object-format`, which fails ("unknown hash algorithm
// 'sha1\n'"); v17.0 removed exec, so it was never fixed. This shim answers that
// one question without the newline, for the runner process only (the job's
// login shell sets its own PATH); every other call goes to git itself.
function shimGit(bin: string): void {
  const git = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nif [ "$*" = "config extensions.objectFormat" ]; then printf sha1; exit 0; fi\nexec ${git} "$@"\n`,
    { mode: 0o755 },
  );
}

const running = new Set<number>();

export function runRunnerJob(project: RunnerProject, job: string, options: { timeoutSeconds?: number } = {}): Promise<RunnerJob> {
  const env = [`HOME=${project.home}`, `PATH=${project.bin}:/usr/local/bin:/usr/bin:/bin`, 'LANG=C.UTF-8', `${MARK}=${project.mark}`];
  const timeout = options.timeoutSeconds ? ['--timeout', String(options.timeoutSeconds)] : [];
  const argv = ['-u', RUNNER_USER, '--', 'env', '-i', ...env, join(project.bin, 'gitlab-runner'), 'exec', 'shell', ...timeout, job];
  const started = performance.now();
  const child = spawn('runuser', argv, { cwd: project.repo, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child.pid!);
  let trace = '';
  let stderr = '';
  const lines: RunnerJob['lines'] = [];
  let partial = '';
  child.stdout.on('data', (chunk) => {
    trace += chunk;
    const at = performance.now() - started;
    const split = (partial + chunk).split('\n');
    partial = split.pop()!;
    for (const line of split) lines.push({ at, text: line.replace(/\u001b\[[0-9;]*m/g, '') });
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, pidsWithEnv(MARK, project.mark).length)), 200);
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      running.delete(child.pid!);
      // Kept with the scratch dir when a test fails, for reading.
      writeFileSync(join(project.root, `trace-${job}.txt`), `${trace}\n--- stderr ---\n${stderr}`);
      done({ code, trace, text: trace.replace(/\u001b\[[0-9;]*m/g, ''), ms: performance.now() - started, lines, peakProcesses: peak });
    });
  });
}

/** When the first trace line matching `pattern` arrived (ms since the runner started). */
export function lineAt(job: RunnerJob, pattern: RegExp): number {
  const line = job.lines.find((candidate) => pattern.test(candidate.text));
  if (!line) throw new Error(`no line matching ${pattern} in the trace:\n${job.text}`);
  return line.at;
}

/** Processes of the project's jobs still alive. */
export function leftovers(project: RunnerProject): number[] {
  return pidsWithEnv(MARK, project.mark);
}

/** Test cleanup: runners still running, then every process of the project's jobs. */
export function killRunnerProject(project: RunnerProject): void {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
  killAllWithEnv(MARK, project.mark);
}

/** The raw section markers of the trace, `start:<name>[collapsed=true]` / `end:<name>`, in order. */
export function sectionMarkers(trace: string): string[] {
  return [...trace.matchAll(/\u001b\[0Ksection_(start|end):\d+:([A-Za-z0-9_.-]+)(\[collapsed=true\])?\r\u001b\[0K/g)].map(
    (match) => `${match[1]}:${match[2]}${match[3] ?? ''}`,
  );
}
