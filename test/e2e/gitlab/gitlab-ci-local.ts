// Runs a job of a fixture's .gitlab-ci.yml with gitlab-ci-local, a real GitLab
// CI client: shell executor, after_script, CI_JOB_STATUS, artifacts, and, like
// the real runner, it waits until the job's output pipe closes. So a service
// holding that pipe hangs the job here exactly as it hangs a GitLab runner.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { outsideCiEnv } from '../../helpers/examples.js';
import { scratchDir } from '../../helpers/scratch.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const GITLAB_CI_LOCAL = join(ROOT, 'node_modules/.bin/gitlab-ci-local');
/** The built CLI, as the fixtures' `$BGSVC` (they default to `npx bgsvc`, which users type). */
export const BUILT_BGSVC = `node ${join(ROOT, 'dist/cli.cjs')}`;

export interface JobRun {
  /** gitlab-ci-local's exit code: 0 when the job passed. */
  code: number | null;
  ms: number;
  /** What gitlab-ci-local printed (its summary line names the job's exit code: `FAIL 3`). */
  output: string;
  /** The job log, `.gitlab-ci-local/output/<job>.log`. */
  log: string;
  /** Where the fixture ran: CI_PROJECT_DIR. */
  dir: string;
  /** Where the job's artifacts were exported. */
  artifacts: string;
}

/** A fresh copy of test/e2e/gitlab/<fixture>, world-readable so a job can drop to another user. */
export function copyFixture(fixture: string): string {
  const dir = scratchDir(`gl-${fixture}`);
  cpSync(resolve(import.meta.dirname, fixture), dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}

export function runJob(
  dir: string,
  job: string,
  options: { variables?: Record<string, string>; timeoutMs?: number; bgsvc?: string } = {},
): Promise<JobRun> {
  const variables = {
    // gitlab-ci-local sets GITLAB_CI=false; GitLab runners set true, and bgsvc keys its GitLab edge on it.
    GITLAB_CI: 'true',
    BGSVC: options.bgsvc ?? BUILT_BGSVC,
    ...options.variables,
  };
  // No schema validation (a second per job); no warning for overriding GITLAB_CI.
  const args = ['--no-json-schema-validation', '--no-color', '--ignore-predefined-vars', 'GITLAB_CI'];
  for (const [key, value] of Object.entries(variables)) args.push('--variable', `${key}=${value}`);
  args.push(job);
  const started = performance.now();
  // gitlab-ci-local takes only a relative --cwd: run it from the fixture dir itself.
  const child = spawn(GITLAB_CI_LOCAL, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...outsideCiEnv(), FORCE_COLOR: '0' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      const logFile = join(dir, '.gitlab-ci-local/output', `${job}.log`);
      done({
        code,
        ms: performance.now() - started,
        output: withoutColors(output),
        log: existsSync(logFile) ? withoutColors(readFileSync(logFile, 'utf8')) : '',
        dir,
        artifacts: join(dir, '.gitlab-ci-local/artifacts', job),
      });
    });
  });
}

// bgsvc colours its lines on GitLab (the job log renders ANSI); assertions read plain text.
function withoutColors(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The BGSVC_ID of the run recorded in the job's state dir ($CI_PROJECT_DIR/.bgsvc). */
export function recordedId(dir: string): string {
  return JSON.parse(readFileSync(join(dir, '.bgsvc/state.json'), 'utf8')).id;
}

/** gitlab-ci-local's rendering of a GitLab section marker in the job log. */
export function sectionsIn(log: string): string[] {
  return [...log.matchAll(/^(\S+)_started$/gm)].map((match) => match[1]!);
}

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
