// Runs dist/main.cjs and dist/post.cjs the way the GitHub runner does: inputs as
// INPUT_* variables (defaults from action.yml filled in), one GITHUB_STATE /
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY file per step, stdout and stderr as pipes
// whose closing is timed, and post fed main's saved state as STATE_* variables.
// Parsing is done here, independently of @actions/core, so a wrong file format
// on our side fails the tests instead of agreeing with itself.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { killAllWithEnv, pidsWithEnv } from '../../helpers/proc.js';
import { uidOf } from '../../helpers/users.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const MAIN = join(ROOT, 'dist/main.cjs');
export const POST = join(ROOT, 'dist/post.cjs');
export const FIXTURES = join(ROOT, 'test/fixtures/services');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  properties: Record<string, string>;
  message: string;
}

export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout without ANSI colours: workflow commands included, as the runner reads them. */
  stdout: string;
  stderr: string;
  ms: number;
  /** From exit until both pipes reached EOF; the runner waits for exactly this. */
  pipesClosedAfterExitMs: number;
  annotations: Annotation[];
  /** `::group::` titles, in order. */
  groups: string[];
}

export interface ActionStepOptions {
  /** The step id; also what the runner puts in GITHUB_ACTION. */
  id: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /**
   * Sends this signal to main as soon as its stdout matches `when`; `then`, a
   * second one `afterMs` later (the runner's SIGINT, then SIGTERM).
   */
  cancel?: { when: RegExp; signal: NodeJS.Signals; then?: { signal: NodeJS.Signals; afterMs: number } };
}

interface StepFiles {
  state: string;
  output: string;
  summary: string;
  /** GITHUB_ENV: variables the runner sets for every later step. */
  env: string;
}

const ACTION_INPUT_DEFAULTS = readInputDefaults();

let readableCopy: { dir: string; main: string; post: string; fixtures: string } | undefined;

// The checkout may sit in a dir only root can enter (CI clones anywhere): a job
// run as another user runs a copy of dist/ and of the service fixtures.
function copyForOtherUsers(): NonNullable<typeof readableCopy> {
  if (readableCopy) return readableCopy;
  const dir = mkdtempSync(join(tmpdir(), 'bgsvc-gh-dist-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755);
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(FIXTURES, join(dir, 'fixtures'), { recursive: true });
  readableCopy = { dir, main: join(dir, 'dist/main.cjs'), post: join(dir, 'dist/post.cjs'), fixtures: join(dir, 'fixtures') };
  return readableCopy;
}

export class RunnerJob {
  readonly root = mkdtempSync(join(tmpdir(), 'bgsvc-gh-'));
  readonly workspace = join(this.root, 'workspace');
  readonly runnerTemp = join(this.root, 'runner-temp');
  private readonly steps = new Map<string, { options: ActionStepOptions; main: StepFiles; post?: StepFiles }>();

  /**
   * `user`: run every step as this user (setpriv, no process in between, so
   * the runner's signals reach the step itself), as GitHub-hosted jobs run as
   * `runner`; the job's dirs and files are that user's.
   */
  constructor(
    private readonly node: string = process.execPath,
    private readonly user?: string,
  ) {
    mkdirSync(this.workspace, { recursive: true });
    mkdirSync(this.runnerTemp, { recursive: true });
    this.own(this.root, this.workspace, this.runnerTemp);
  }

  private own(...paths: string[]): void {
    if (!this.user) return;
    const uid = uidOf(this.user);
    for (const path of paths) chownSync(path, uid, uid);
  }

  /** The action's main step. */
  async main(options: ActionStepOptions): Promise<StepRun> {
    const files = this.stepFiles(`${options.id}-main`);
    this.steps.set(options.id, { options, main: files });
    return this.spawnStep(this.user ? copyForOtherUsers().main : MAIN, { ...this.inputEnv(options), ...this.fileEnv(files), ...options.env }, options.cancel);
  }

  /** The action's post step, with main's saved state passed back as STATE_<name>. */
  async post(id: string): Promise<StepRun> {
    const step = this.steps.get(id);
    if (!step) throw new Error(`no main step "${id}" ran in this job`);
    const files = this.stepFiles(`${id}-post`);
    step.post = files;
    const state: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(this.savedState(id))) state[`STATE_${name}`] = value;
    return this.spawnStep(this.user ? copyForOtherUsers().post : POST, { ...this.inputEnv(step.options), ...this.fileEnv(files), ...state, ...step.options.env });
  }

  /** A plain `run:` step between main and post (sh -c, as `shell: sh` would). */
  async shell(command: string): Promise<StepRun> {
    return this.spawnStep('/bin/sh', { ...this.baseEnv(), ...this.exportedEnv(), GITHUB_ACTION: '__run' }, undefined, ['-c', command]);
  }

  /** What the earlier main steps wrote to GITHUB_ENV, as the runner hands it to later steps. */
  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const step of this.steps.values()) Object.assign(env, parseFileCommands(readFileSync(step.main.env, 'utf8')));
    return env;
  }

  /** What main saved with core.saveState, parsed from its GITHUB_STATE file. */
  savedState(id: string): Record<string, string> {
    return parseFileCommands(readFileSync(this.requireStep(id).main.state, 'utf8'));
  }

  /** The step's outputs, parsed from its GITHUB_OUTPUT file. */
  outputs(id: string): Record<string, string> {
    return parseFileCommands(readFileSync(this.requireStep(id).main.output, 'utf8'));
  }

  /** The markdown post appended to its job summary file. */
  summary(id: string): string {
    const post = this.requireStep(id).post;
    return post ? readFileSync(post.summary, 'utf8') : '';
  }

  /** The BGSVC_ID every process of this step's start carries. */
  cookie(id: string): string {
    const stateFile = this.outputs(id)['state-file'];
    if (!stateFile) throw new Error(`step "${id}" set no state-file output`);
    return JSON.parse(readFileSync(stateFile, 'utf8')).id;
  }

  /** Live processes started by the step, found by scanning /proc for its cookie. */
  leftovers(id: string): number[] {
    return pidsWithEnv('BGSVC_ID', this.cookie(id));
  }

  /** Test cleanup: kill whatever any step left, then remove the job's directories. */
  cleanup(): void {
    for (const id of this.steps.keys()) {
      try {
        killAllWithEnv('BGSVC_ID', this.cookie(id));
      } catch {
        // Nothing was started.
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }

  private requireStep(id: string) {
    const step = this.steps.get(id);
    if (!step) throw new Error(`no step "${id}"`);
    return step;
  }

  private stepFiles(name: string): StepFiles {
    const dir = join(this.root, 'files', name);
    mkdirSync(dir, { recursive: true });
    const files = { state: join(dir, 'state'), output: join(dir, 'output'), summary: join(dir, 'summary'), env: join(dir, 'env') };
    // The runner creates these before the step starts; @actions/core requires them to exist.
    for (const file of Object.values(files)) writeFileSync(file, '');
    this.own(join(this.root, 'files'), dir, ...Object.values(files));
    return files;
  }

  private baseEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    // Nothing of the environment the tests run in may leak in (they may run inside Actions).
    for (const [key, value] of Object.entries(process.env)) {
      if (!/^(?:INPUT_|STATE_|GITHUB_|RUNNER_|BGSVC_|ACTIONS_)/.test(key)) env[key] = value;
    }
    return { ...env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: this.workspace, RUNNER_TEMP: this.runnerTemp };
  }

  private inputEnv(options: ActionStepOptions): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...this.baseEnv(), GITHUB_ACTION: options.id };
    for (const [name, value] of Object.entries({ ...ACTION_INPUT_DEFAULTS, ...options.inputs })) {
      env[inputVariable(name)] = this.user ? value.replaceAll(FIXTURES, copyForOtherUsers().fixtures) : value;
    }
    return env;
  }

  private fileEnv(files: StepFiles): NodeJS.ProcessEnv {
    return { GITHUB_STATE: files.state, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, GITHUB_ENV: files.env };
  }

  private spawnStep(
    script: string,
    env: NodeJS.ProcessEnv,
    cancel?: ActionStepOptions['cancel'],
    args?: string[],
  ): Promise<StepRun> {
    const started = performance.now();
    const [file, argv] = args ? [script, args] : [this.node, [script]];
    const [command, commandArgs] = this.user
      ? ['setpriv', ['--reuid', this.user, '--regid', this.user, '--init-groups', file, ...argv]]
      : [file, argv];
    const child = spawn(command, commandArgs, { cwd: this.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let cancelled = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (cancel && !cancelled && cancel.when.test(stripAnsi(stdout))) {
        cancelled = true;
        child.kill(cancel.signal);
        const then = cancel.then;
        if (then) setTimeout(() => child.kill(then.signal), then.afterMs);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const closed = (stream: NodeJS.ReadableStream) => new Promise<number>((done) => stream.on('end', () => done(performance.now())));
    const pipesClosed = Promise.all([closed(child.stdout), closed(child.stderr)]).then((times) => Math.max(...times));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    return new Promise((done) => {
      child.on('exit', async (code, signal) => {
        const exitedAt = performance.now();
        // A runner would wait for ever on a pipe a service inherited; we give up after 5 s.
        const closedAt = await Promise.race([pipesClosed, sleep(5000).then(() => Number.POSITIVE_INFINITY)]);
        clearTimeout(timer);
        const text = stripAnsi(stdout);
        done({
          code,
          signal,
          stdout: text,
          stderr: stripAnsi(stderr),
          ms: exitedAt - started,
          pipesClosedAfterExitMs: closedAt - exitedAt,
          annotations: parseAnnotations(text),
          groups: [...commandLines(text).matchAll(/^::group::(.*)$/gm)].map((match) => match[1]!),
        });
      });
    });
  }
}

/** `INPUT_<NAME>`: upper-cased, spaces to underscores, hyphens kept (`INPUT_WAIT-ON`). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The file-command format: `name<<DELIMITER`, the value's lines, `DELIMITER`; or `name=value`. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`unterminated value for "${name}" (no closing ${delimiter})`);
      result[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`not a file command: ${JSON.stringify(line)}`);
    result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}

/** The lines the runner reads as commands: none between `::stop-commands::T` and `::T::`. */
export function commandLines(stdout: string): string {
  const kept: string[] = [];
  let resumeToken: string | undefined;
  for (const line of stdout.split('\n')) {
    if (resumeToken !== undefined) {
      if (line.trim() === `::${resumeToken}::`) resumeToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line.trim());
    if (stop) resumeToken = stop[1];
    else kept.push(line);
  }
  return kept.join('\n');
}

/** `::error title=…,file=…::message`, with the runner's escapes undone. */
export function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = [];
  for (const match of commandLines(stdout).matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    found.push({ level: match[1] as Annotation['level'], properties, message: unescapeData(match[3]!) });
  }
  return found;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}

// The runner passes every declared input that has a default, even when the workflow omits it.
function readInputDefaults(): Record<string, string> {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default !== undefined) defaults[name] = String(input.default);
  }
  return defaults;
}

export interface NodeRuntime {
  label: string;
  /** Absolute path of the node binary, or undefined when it could not be had. */
  path: string | undefined;
  /** Why it is missing. */
  reason?: string;
}

const NODE24_CACHE = join(tmpdir(), 'bgsvc-node24-path');

/**
 * Node 24 (what `runs: using: node24` gives) from the npm package `node@24`,
 * resolved once and cached. Never a project dependency.
 */
export async function resolveNode24(): Promise<NodeRuntime> {
  const label = 'Node 24 (npm package node@24)';
  if (existsSync(NODE24_CACHE)) {
    const cached = readFileSync(NODE24_CACHE, 'utf8').trim();
    if (cached && (await nodeVersion(cached))?.startsWith('v24.')) return { label, path: cached };
  }
  try {
    const path = await new Promise<string>((done, fail) => {
      execFile('npx', ['-y', '-p', 'node@24', '--', 'node', '-p', 'process.execPath'], { timeout: 120_000 }, (error, stdout) =>
        error ? fail(error) : done(stdout.trim().split('\n').at(-1)!.trim()),
      );
    });
    const version = await nodeVersion(path);
    if (!version?.startsWith('v24.')) return { label, path: undefined, reason: `npx gave ${path}, which reports ${version ?? 'no version'}` };
    writeFileSync(NODE24_CACHE, path);
    return { label, path };
  } catch (error) {
    return { label, path: undefined, reason: `could not fetch node@24 with npx: ${(error as Error).message.split('\n')[0]}` };
  }
}

function nodeVersion(path: string): Promise<string | undefined> {
  return new Promise((done) => {
    execFile(path, ['--version'], { timeout: 10_000 }, (error, stdout) => done(error ? undefined : stdout.trim()));
  });
}
