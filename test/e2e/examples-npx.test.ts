// Every example's documented command works from its own folder in a clone,
// before any publishing: `npx bgsvc` there must resolve to this repository's
// bin (the root package.json names it), not ask the registry. A folder with
// its own package.json is an npm project of its own, where npx looked for
// bgsvc and then fetched it: a 404 (issue 18). --offline turns any registry
// lookup into a failure here instead of a fetch.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { missingPrerequisites, describeWithPrerequisites } from '../helpers/binaries.js';
import { outsideCiEnv } from '../helpers/examples.js';
import { scratchDir } from '../helpers/scratch.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');

// The commands an example's config files tell people to run: `#   npx bgsvc …` lines.
function documentedCommands(folder: string): string[] {
  return readdirSync(folder)
    .filter((file) => /\.ya?ml$/.test(file))
    .flatMap((file) => readFileSync(join(folder, file), 'utf8').split('\n'))
    .map((line) => /^#.*?\b(npx bgsvc\b[^#]*)/.exec(line)?.[1]?.trim())
    .filter((command): command is string => command !== undefined);
}

function npx(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('npx', ['--offline', ...args], { cwd: options.cwd, env: { ...outsideCiEnv(), NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    }),
  );
}

// The demo alone runs from the repository root (`npm run demo`, test/e2e/demo.test.ts).
const FOLDERS = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'demo')
  .map((entry) => entry.name);

// npm's local project for a folder: the nearest one, upwards, holding a
// package.json or a node_modules folder (https://docs.npmjs.com/cli/v11/configuring-npm/folders#more-information).
// npx runs the bin of that project when its name is the one asked for.
function npmProjectOf(folder: string): string {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'node_modules'))) return dir;
    if (dirname(dir) === dir) return dir;
  }
}

describeWithPrerequisites('examples, run from their own folders with npx', missingPrerequisites(['npx']), () => {
  it('documents npx bgsvc in every example, from a folder that belongs to this repository\'s npm project', () => {
    expect(FOLDERS.length).toBeGreaterThanOrEqual(7);
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(root).toMatchObject({ name: 'bgsvc', bin: { bgsvc: 'dist/cli.cjs' } });
    const found = FOLDERS.map((name) => ({ name, project: npmProjectOf(join(EXAMPLES, name)), documented: documentedCommands(join(EXAMPLES, name)).length > 0 }));
    expect(found).toEqual(FOLDERS.map((name) => ({ name, project: ROOT, documented: true })));
  });

  // One real npx from an example folder: the rule above is what makes this work.
  it('runs examples/ports as documented, in place: npx bgsvc run -- node check.mjs', async () => {
    const folder = join(EXAMPLES, 'ports');
    expect(documentedCommands(folder)).toContain('npx bgsvc run -- node check.mjs');
    // port: auto, so it runs in the checkout itself; only the state goes elsewhere.
    const run = await npx(['bgsvc', 'run', '--', 'node', 'check.mjs'], { cwd: folder, env: { BGSVC_STATE_DIR: scratchDir('examples-npx') } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/API_URL=http:\/\/127\.0\.0\.1:\d+: api on \d+/);
    expect(run.stderr).toMatch(/web stopped/);
  });
});
