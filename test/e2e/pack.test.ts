// `npx bgsvc` as users get it: the package exactly as `npm pack` builds it for
// publishing, installed with no dev dependencies into an empty folder, then
// run there, by hand and from a GitLab job. And dist/cli.cjs needs no
// node_modules at all: everything it uses is bundled.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killRun, runCommand } from '../helpers/examples.js';
import { pidsWithEnv } from '../helpers/proc.js';
import { recordedId, runJob } from './gitlab/gitlab-ci-local.js';
import { scratchDir } from '../helpers/scratch.js';

const ROOT = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** What `npm pack` may ship: the CLI bundle, the schema, the user docs, the README (and package.json, always). */
const SHIPPED = /^(dist\/(cli|yaml)\.cjs|schema\/[^/]+\.json|docs\/[^/]+\.md|README\.md|package\.json|LICENSE(\.\w+)?)$/;
// Issue 16: the tarball stays under its size the day that issue was filed (132.5 kB, at be5261c).
const MAX_PACKED_BYTES = 132_500;

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string; size: number }>;
}

let work: string;
let packed: Packed;
let tarball: string;
const dirs: string[] = [];

beforeAll(() => {
  work = scratchDir('pack');
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  packed = JSON.parse(json)[0];
  tarball = join(work, packed.filename);
}, 60_000);

afterAll(() => {
  for (const dir of dirs) killRun(dir);
});

describe('the published package', () => {
  it(`ships the CLI bundle, the schema and the CLI's reference docs, and nothing heavy (under ${MAX_PACKED_BYTES / 1000} kB packed)`, () => {
    const paths = packed.files.map((file) => file.path).sort();
    expect(paths.filter((path) => !SHIPPED.test(path))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['README.md', 'dist/cli.cjs', 'dist/yaml.cjs', 'package.json', 'schema/bgsvc.schema.json']));
    // The reference a user of the CLI looks up while using it (`bgsvc --help` names cli.md
    // and config.md "in the package"; gitlab.md for the CI it runs in); the rest is in the repository.
    expect(paths.filter((path) => path.startsWith('docs/'))).toEqual(['docs/cli.md', 'docs/config.md', 'docs/gitlab.md']);
    expect(packed.size).toBeLessThan(MAX_PACKED_BYTES);
    console.log(`npm pack: ${packed.filename} ${(packed.size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${paths.length} files`);
  });

  it('has a dist/cli.cjs with its shebang that runs alone, without node_modules', async () => {
    const cli = readFileSync(join(ROOT, 'dist/cli.cjs'), 'utf8');
    expect(cli.split('\n')[0]).toBe('#!/usr/bin/env node');
    // Alone in an empty dir, far from any node_modules: it parses YAML and runs a service.
    const alone = scratchDir('alone');
    dirs.push(alone);
    for (const file of ['cli.cjs', 'yaml.cjs']) copyFileSync(join(ROOT, 'dist', file), join(alone, file));
    writeFileSync(join(alone, 'bgsvc.yml'), 'commands:\n  - name: greeter\n    command: echo "hello from a service"; exec sleep 60\n    wait-on:\n      log: hello\n');
    expect((await runCommand([process.execPath, 'cli.cjs', '--version'], { cwd: alone })).stdout.trim()).toBe(version);
    const run = await runCommand([process.execPath, 'cli.cjs', 'run', '--', 'true'], { cwd: alone });
    expect(run.stderr).toMatch(/greeter ready in .*\(log: hello\)/);
    expect(run.stderr).toMatch(/greeter stopped \(SIGTERM/);
    expect(run.code).toBe(0);
    expect(pidsWithEnv('BGSVC_ID', recordedId(alone))).toEqual([]);
  });

  describe('installed from the tarball with --omit=dev into an empty folder', () => {
    let project: string;
    beforeAll(async () => {
      project = join(work, 'project');
      mkdirSync(project);
      const install = await runCommand(['npm', 'install', '--omit=dev', '--no-audit', '--no-fund', tarball], { cwd: project, timeoutMs: 120_000 });
      if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
    }, 150_000);

    it('answers `npx bgsvc --version`', async () => {
      const result = await runCommand(['npx', 'bgsvc', '--version'], { cwd: project });
      expect(result.stdout.trim()).toBe(version);
      expect(result.code).toBe(0);
    });

    it('starts and stops a real service with `npx bgsvc start` / `npx bgsvc stop`', async () => {
      const dir = join(project, 'start-stop');
      mkdirSync(dir);
      dirs.push(dir);
      writeFileSync(
        join(dir, 'bgsvc.yml'),
        'commands:\n  - name: web\n    command: node -e "require(\'http\').createServer((q, r) => r.end(\'up\')).listen(0, () => console.log(\'listening\'))"\n    wait-on:\n      log: listening\n',
      );
      const start = await runCommand(['npx', 'bgsvc', 'start'], { cwd: dir });
      expect(start.stderr).toMatch(/web ready in/);
      expect(start.code).toBe(0);
      const id = recordedId(dir);
      expect(pidsWithEnv('BGSVC_ID', id).length).toBeGreaterThan(0);
      const stop = await runCommand(['npx', 'bgsvc', 'stop'], { cwd: dir });
      expect(stop.stderr).toMatch(/web stopped \(SIGTERM/);
      expect(stop.code).toBe(0);
      expect(pidsWithEnv('BGSVC_ID', id)).toEqual([]);
    });

    it('runs GitLab scenario 1 with the installed `npx bgsvc`, exactly as the job is written', async () => {
      // The fixture files next to the installed node_modules: `$BGSVC` keeps its default, `npx bgsvc`.
      cpSync(resolve(import.meta.dirname, 'gitlab/pass'), project, { recursive: true });
      dirs.push(project);
      const run = await runJob(project, 'test', { bgsvc: 'npx bgsvc' });
      expect(run.log).toMatch(/\$ \$BGSVC start/);
      expect(run.log).toMatch(/worker ready in/);
      expect(run.log).toMatch(/check: api answered/);
      expect(run.log).toMatch(/api stopped \(SIGTERM/);
      expect(run.code).toBe(0);
      expect(pidsWithEnv('BGSVC_ID', recordedId(project))).toEqual([]);
      expect(readFileSync(join(run.artifacts, '.bgsvc/logs/api.log'), 'utf8')).toMatch(/GET \/check/);
    });
  });
  // Until the package is published, the README's install line is
  // `npm i -D github:<owner>/bgsvc`: the same git fetcher as git+file, offline
  // here. dist/ is committed, and there is no `build`/`prepare` script, so npm
  // installs the repository as it is, with none of its dev dependencies.
  describe('installed from the git repository (git+file://, --offline)', () => {
    let project: string;
    beforeAll(async () => {
      const repo = join(work, 'bgsvc.git');
      execFileSync('git', ['clone', '-q', '--bare', ROOT, repo]);
      project = join(work, 'from-git');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), '{"name": "app", "version": "1.0.0", "private": true}\n');
      const install = await runCommand(['npm', 'install', '-D', '--offline', '--no-audit', '--no-fund', `git+file://${repo}`], { cwd: project, timeoutMs: 120_000 });
      if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
    }, 150_000);

    it('installs bgsvc alone (no dev dependencies) and `npx bgsvc run` starts and stops a service', async () => {
      expect(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['bgsvc']);
      expect((await runCommand(['npx', 'bgsvc', '--version'], { cwd: project })).stdout.trim()).toBe(version);
      dirs.push(project);
      writeFileSync(join(project, 'bgsvc.yml'), 'commands:\n  - name: greeter\n    command: echo hello; exec sleep 60\n    wait-on:\n      log: hello\n');
      const run = await runCommand(['npx', 'bgsvc', 'run', '--', 'true'], { cwd: project });
      expect(run.stderr).toMatch(/greeter stopped \(SIGTERM/);
      expect(run.code).toBe(0);
      expect(pidsWithEnv('BGSVC_ID', recordedId(project))).toEqual([]);
    });
  });
});
