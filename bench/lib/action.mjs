// The action's steps run the way the GitHub runner runs them: `node
// dist/main.cjs` with its inputs as INPUT_* variables (action.yml's defaults
// filled in), a fresh GITHUB_STATE / GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH /
// GITHUB_STEP_SUMMARY file per step, stdout and stderr as pipes, and the post
// step fed main's saved state as STATE_* variables.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT, freshDir } from './fixtures.mjs';
import { run } from './procs.mjs';

const INPUT_DEFAULTS = readInputDefaults();

/** One job's workspace and RUNNER_TEMP; each step gets its own command files. */
export function actionJob(label) {
  const root = freshDir(label);
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'runner-temp');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  return { root, workspace, runnerTemp };
}

/**
 * Runs one step (`node SCRIPT`) of the action; `state` is what main saved
 * (STATE_<name> for post). Resolves with the spawn → exit time and the
 * step's saved state, parsed from its GITHUB_STATE file.
 */
export async function runActionStep(job, { node, script, step, inputs, state = {}, capMs = 20_000 }) {
  const files = stepFiles(job, step);
  const env = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: 'bgsvc',
    GITHUB_WORKSPACE: job.workspace,
    RUNNER_TEMP: job.runnerTemp,
    GITHUB_STATE: files.state,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
  };
  for (const [name, value] of Object.entries({ ...INPUT_DEFAULTS, ...inputs })) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(state)) env[`STATE_${name}`] = value;
  const result = await run(node, [script], { cwd: job.workspace, env: withoutRunnerEnv(env), capMs });
  if (result.code !== 0) throw new Error(`${script} (${step}) exited ${result.code}: ${result.output.trim().split('\n').slice(-3).join(' | ')}`);
  return { ms: result.at - result.handle.spawnedAt, saved: parseFileCommands(readFileSync(files.state, 'utf8')), output: result.output };
}

/** The Node of the npm package node@24 (what `runs: using: node24` runs), fetched by npx; never a dependency. */
export function resolveNode24() {
  return new Promise((resolve) => {
    execFile('npx', ['-y', '-p', 'node@24', '--', 'node', '-p', 'process.execPath + " " + process.version'], { timeout: 180_000 }, (error, stdout) => {
      const [path, version] = (stdout ?? '').trim().split('\n').at(-1)?.split(' ') ?? [];
      if (error || !version?.startsWith('v24.')) resolve({ reason: error ? error.message.split('\n')[0] : `npx gave ${JSON.stringify(stdout.trim())}` });
      else resolve({ path, version });
    });
  });
}

// The runner's own variables of the bench's environment (it may itself run inside Actions) must not leak in.
function withoutRunnerEnv(env) {
  const cleared = {};
  for (const key of Object.keys(process.env)) if (/^(?:INPUT_|STATE_|GITHUB_|RUNNER_|BGSVC_|ACTIONS_)/.test(key)) cleared[key] = undefined;
  return { ...cleared, ...env };
}

function stepFiles(job, step) {
  const dir = join(job.root, 'files', step);
  mkdirSync(dir, { recursive: true });
  const files = { state: join(dir, 'state'), output: join(dir, 'output'), env: join(dir, 'env'), path: join(dir, 'path'), summary: join(dir, 'summary') };
  // The runner creates these before the step starts.
  for (const file of Object.values(files)) writeFileSync(file, '');
  return files;
}

function readInputDefaults() {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const defaults = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) if (input?.default !== undefined) defaults[name] = String(input.default);
  return defaults;
}

// The file-command format: `name<<DELIMITER`, the value's lines, `DELIMITER`; or `name=value`.
function parseFileCommands(text) {
  const result = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const heredoc = /^([^=]+?)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value = [];
      for (i += 1; i < lines.length && lines[i] !== heredoc[2]; i += 1) value.push(lines[i]);
      result[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      result[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return result;
}
