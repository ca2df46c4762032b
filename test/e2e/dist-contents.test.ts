// What the action's bundles hold and load (issue 16). Each job pays for
// loading dist/main.cjs and dist/post.cjs, once per step, so they stay small:
// no toolkit HTTP client (undici) or platform helpers (scripts/build.mjs
// stubs them); post never loads the YAML parser, nor does main for the short
// form (`run`), which has no YAML to read. The time this saves is
// measured by the bench (docs/benchmarks.md, overhead); this pins the cause.
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killLeftovers } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dist = (name: string) => join(ROOT, 'dist', name);
const require = createRequire(import.meta.url);
const MAX_STEP_BYTES = 400_000;

// esbuild opens each bundled module with a `// node_modules/<package>/<file>` line.
function bundledPackages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...new Set([...text.matchAll(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)].map((match) => match[1]!))].sort();
}

// Runs node with a preload that reports, as the process exits, every CommonJS
// file it loaded (dist/yaml.cjs is one) and every Node built-in it loaded
// after the preload (process.moduleLoadList names them "NativeModule <id>").
async function loadedFiles(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ files: string[]; builtins: string[]; touched: string[]; stdout: string; code: number | null }> {
  const preload = join(scratchDir('dist-loads'), 'report-loads.cjs');
  writeFileSync(
    preload,
    'const before = new Set(process.moduleLoadList);\n' +
      "const builtins = () => process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13));\n" +
      // Which of process.stdout and process.stderr the step touched (the first touch builds a stream).
      'const touched = [];\n' +
      "for (const name of ['stdout', 'stderr']) { const own = Object.getOwnPropertyDescriptor(process, name); Object.defineProperty(process, name, { configurable: true, enumerable: own.enumerable, get() { if (!touched.includes(name)) touched.push(name); return own.get.call(process); } }); }\n" +
      // Listed first, written with fs: process.stderr on a pipe would itself load net and the streams.
      "process.on('exit', () => { const report = JSON.stringify({ files: Object.keys(require.cache), builtins: builtins(), touched }); require('fs').writeSync(2, 'LOADS ' + report + '\\n'); });\n",
  );
  const child = spawn(process.execPath, ['-r', preload, ...args], { cwd: scratchDir('dist-cwd'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const line = stderr.split('\n').find((text) => text.startsWith('LOADS '));
  if (!line) throw new Error(`no load report; stderr: ${stderr}`);
  const loads = JSON.parse(line.slice(6)) as { files: string[]; builtins: string[]; touched: string[] };
  return { ...loads, stdout, code };
}

describe("the action's bundles", () => {
  it.each(['main.cjs', 'post.cjs'])(`keeps dist/%s under ${MAX_STEP_BYTES / 1000} KB`, (name) => {
    expect(statSync(dist(name)).size).toBeLessThan(MAX_STEP_BYTES);
  });

  it('bundle @actions/core and nothing else from node_modules (no undici, http-client, exec, io or yaml)', () => {
    // The YAML parser's bundle is minified (no markers to read): it is the yaml
    // package, whole, and needs nothing but Node's built-ins.
    const yaml = readFileSync(dist('yaml.cjs'), 'utf8');
    expect([...new Set([...yaml.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]))].filter((id) => !builtinModules.includes(id!.replace(/^node:/, '')))).toEqual([]);
    expect(Object.keys(require(dist('yaml.cjs')))).toEqual(expect.arrayContaining(['parse', 'parseDocument', 'stringify', 'LineCounter', 'YAMLParseError']));
    expect(bundledPackages(dist('main.cjs'))).toEqual(['@actions/core']);
    expect(bundledPackages(dist('post.cjs'))).toEqual(['@actions/core']);
  });

  it('post runs without loading the YAML parser', async () => {
    // Post as the runner starts it, given a state dir with nothing in it.
    const post = await loadedFiles([dist('post.cjs')], { 'STATE_state-dir': scratchDir('dist-empty-state') });
    expect(post).toMatchObject({ code: 0, stdout: expect.stringContaining('nothing to stop') });
    expect(post.files).not.toContain(dist('yaml.cjs'));
    expect(readFileSync(dist('post.cjs'), 'utf8')).not.toContain('yaml.cjs');
  });

  // Each costs a step milliseconds to load and none is needed for what it does:
  // crypto for random names (bgsvc and @actions/core's file commands read
  // /dev/urandom: src/random.ts), fs/promises for the job summary (one append:
  // step-summary.ts), timers/promises for sleeps (src/sleep.ts).
  const HEAVY_BUILTINS = ['crypto', 'fs/promises', 'timers/promises', 'readline'];

  it('main starts and post stops a service without loading node:crypto, fs/promises, timers/promises or readline, nor building process.stdout', async () => {
    const stateDir = join(scratchDir('dist-post-stop'), 'state');
    const summary = join(scratchDir('dist-post-stop'), 'summary.md');
    writeFileSync(summary, '');
    try {
      // The runner's command files, as it always gives them: outputs, state and variables print nothing.
      const runnerFiles = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV'].map((name) => [name, join(scratchDir('dist-post-stop'), name)]));
      for (const file of Object.values(runnerFiles)) writeFileSync(file, '');
      const started = await loadedFiles([dist('main.cjs')], { BGSVC_STATE_DIR: stateDir, INPUT_RUN: 'exec sleep 30', 'INPUT_WAIT-ON': 'file:/', ...runnerFiles });
      expect(started).toMatchObject({ code: 0, stdout: expect.stringContaining('1 service ready') });
      const post = await loadedFiles([dist('post.cjs')], { 'STATE_state-dir': stateDir, GITHUB_STEP_SUMMARY: summary });
      expect(post).toMatchObject({ code: 0, stdout: expect.stringMatching(/stopped \(SIGTERM/) });
      // It did write the summary, through its own append.
      expect(readFileSync(summary, 'utf8')).toMatch(/```mermaid/);
      for (const step of [started, post]) expect(step.builtins.filter((id) => HEAVY_BUILTINS.includes(id))).toEqual([]);
      // Their lines went straight to the stdout pipe: neither built a net.Socket for it. Post
      // loads neither net nor the streams at all; main does, for child_process, which needs them.
      for (const step of [started, post]) expect(step.touched).toEqual([]);
      expect(post.builtins.filter((id) => id === 'net' || id === 'stream')).toEqual([]);
      expect(started.stdout).toMatch(/sleep started \(pid \d+\)/);
      expect(readFileSync(runnerFiles.GITHUB_OUTPUT!, 'utf8')).toMatch(/^services<</m);
      // The check sees loads at all: both steps did load the modules they use.
      expect(started.builtins).toContain('child_process');
    } finally {
      killLeftovers(stateDir);
    }
  });

  it('main requires the YAML parser only to read services written in YAML, not for the short form', async () => {
    const runMain = async (inputs: Record<string, string>) => {
      const stateDir = join(scratchDir('dist-main'), 'state');
      try {
        return await loadedFiles([dist('main.cjs')], { BGSVC_STATE_DIR: stateDir, ...inputs });
      } finally {
        killLeftovers(stateDir);
      }
    };
    const shortForm = await runMain({ INPUT_RUN: 'exec sleep 30', 'INPUT_WAIT-ON': 'file:/' });
    expect(shortForm).toMatchObject({ code: 0, stdout: expect.stringContaining('1 service ready') });
    expect(shortForm.files).not.toContain(dist('yaml.cjs'));
    const yaml = await runMain({ INPUT_SERVICES: 'commands:\n  - name: svc\n    command: exec sleep 30\n    wait-on: "file:/"\n' });
    expect(yaml).toMatchObject({ code: 0, stdout: expect.stringContaining('1 service ready') });
    expect(yaml.files).toContain(dist('yaml.cjs'));
  });
});
