// What the action's bundles hold and load (issue 16). Each job pays for
// loading dist/main.js and dist/post.js, once per step, so they stay small:
// no toolkit HTTP client (undici) or platform helpers (scripts/build.mjs
// stubs them), and post never loads the YAML parser. The time this saves is
// measured by the bench (docs/benchmarks.md, overhead); this pins the cause.
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dist = (name: string) => join(ROOT, 'dist', name);
const MAX_STEP_BYTES = 400_000;

// esbuild opens each bundled module with a `// node_modules/<package>/<file>` line.
function bundledPackages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...new Set([...text.matchAll(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)].map((match) => match[1]!))].sort();
}

// Runs node with a preload that reports, as the process exits, every CommonJS file it loaded (dist/yaml.cjs is one).
async function loadedFiles(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ files: string[]; stdout: string; code: number | null }> {
  const preload = join(scratchDir('dist-loads'), 'report-loads.cjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write('LOADS ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n");
  const child = spawn(process.execPath, ['-r', preload, ...args], { cwd: scratchDir('dist-cwd'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const line = stderr.split('\n').find((text) => text.startsWith('LOADS '));
  if (!line) throw new Error(`no load report; stderr: ${stderr}`);
  return { files: JSON.parse(line.slice(6)) as string[], stdout, code };
}

describe("the action's bundles", () => {
  it.each(['main.js', 'post.js'])(`keeps dist/%s under ${MAX_STEP_BYTES / 1000} KB`, (name) => {
    expect(statSync(dist(name)).size).toBeLessThan(MAX_STEP_BYTES);
  });

  it('bundle @actions/core and nothing else from node_modules (no undici, http-client, exec, io or yaml)', () => {
    // The markers are read: the YAML parser's own bundle is full of them.
    expect(bundledPackages(dist('yaml.cjs'))).toEqual(['yaml']);
    expect(bundledPackages(dist('main.js'))).toEqual(['@actions/core']);
    expect(bundledPackages(dist('post.js'))).toEqual(['@actions/core']);
  });

  it('post runs without loading the YAML parser, which main requires from dist/yaml.cjs', async () => {
    const yaml = dist('yaml.cjs');
    // Imported, not run: main's static imports alone load the parser.
    const main = await loadedFiles(['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(dist('main.js')).href)})`]);
    expect(main.files).toContain(yaml);
    // Post as the runner starts it, given a state dir with nothing in it.
    const post = await loadedFiles([dist('post.js')], { 'STATE_state-dir': scratchDir('dist-empty-state') });
    expect(post).toMatchObject({ code: 0, stdout: expect.stringContaining('nothing to stop') });
    expect(post.files).not.toContain(yaml);
    expect(readFileSync(dist('post.js'), 'utf8')).not.toContain('yaml.cjs');
  });
});
