// Every sample in README.md and docs/*.md is true (issue 18): each bgsvc config
// is validated by the real loader, each GitHub workflow's bgsvc steps use only
// inputs that action.yml declares (and their `services:` text is a valid
// config too), each GitLab job parses, and every relative link reaches a file
// and heading that exist. The README's own config then runs for real, with the
// README's commands, as root and as GitLab's shell-executor user.
//
// A block that is meant to be wrong (an error example) is skipped by a marker
// on the line right before its fence: <!-- sample: not-a-config (why) -->.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/index.js';
import { COMMANDS, parseCli, type CommandName } from '../../src/edges/cli-args.js';
import { helpText } from '../../src/edges/cli-help.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { pidsWithEnv } from '../helpers/proc.js';
import { scratchDir } from '../helpers/scratch.js';
import { nonRootPrerequisites, PLAIN_USER, runCliAs, userDir } from '../helpers/users.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

interface Block {
  /** `docs/config.md:120`: where the fence opens. */
  where: string;
  doc: string;
  lang: string;
  text: string;
  /** The first line's `# path` comment, when the block names the file it is. */
  file?: string;
  skip?: string;
}

function blocksOf(doc: string): Block[] {
  const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let at = 0; at < lines.length; at++) {
    const open = /^(\s*)(`{3,})(\w*)\s*$/.exec(lines[at]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let end = at + 1;
    while (end < lines.length && lines[end]!.trim() !== fence) body.push(lines[end++]!.slice(indent!.length));
    const marker = /<!--\s*sample:\s*([^>]*?)\s*-->/.exec(lines[at - 1] ?? '');
    const text = body.join('\n');
    const named = /^#\s+(\S+\.ya?ml)\b/.exec(body[0] ?? '');
    blocks.push({ where: `${doc}:${at + 1}`, doc, lang: lang!, text, file: named?.[1], skip: marker?.[1] });
    at = end;
  }
  return blocks;
}

const blocks = DOCS.flatMap(blocksOf);
const yamlBlocks = blocks.filter((block) => block.lang === 'yaml' || block.lang === 'yml');
const CONFIG_KEYS = ['commands', 'background', 'backgroundDirectives', 'templates'];

type Kind = 'config' | 'included' | 'workflow' | 'gitlab' | 'other';

function kindOf(block: Block, value: unknown): Kind {
  if (block.file === '.gitlab-ci.yml') return 'gitlab';
  if (block.file?.startsWith('.github/')) return 'workflow';
  if (Array.isArray(value)) return value.some((step) => isObject(step) && ('uses' in step || 'run' in step)) ? 'workflow' : 'other';
  if (!isObject(value)) return 'other';
  if ('jobs' in value || 'steps' in value || 'uses' in value) return 'workflow';
  if (CONFIG_KEYS.some((key) => key in value)) {
    // A file of templates for other configs to include: valid only as an include.
    return block.file !== undefined && !['commands', 'services', 'background', 'backgroundDirectives'].some((key) => key in value) ? 'included' : 'config';
  }
  if (Object.values(value).some((job) => isObject(job) && ('script' in job || 'extends' in job)) || 'script' in value) return 'gitlab';
  return 'other';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `uses: …/bgsvc@…` step anywhere in a parsed block. */
function bgsvcSteps(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(bgsvcSteps);
  if (!isObject(value)) return [];
  const own = typeof value.uses === 'string' && /(^|\/)bgsvc@/.test(value.uses) ? [value] : [];
  return [...own, ...Object.values(value).flatMap(bgsvcSteps)];
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
const INPUTS = Object.keys(action.inputs);

// The job variables and runner paths that samples may rely on, as a runner gives them.
const ENVIRONMENT = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/home/runner', RUNNER_TEMP: '/home/runner/work/_temp', CI_PROJECT_DIR: '/builds/acme/app' };

// Files the samples name (`# ci/services.yml`), written where an `include:` beside them finds them.
const project = scratchDir('docs-samples');
for (const block of yamlBlocks) {
  if (!block.file || block.skip) continue;
  mkdirSync(dirname(join(project, block.file)), { recursive: true });
  writeFileSync(join(project, block.file), block.text);
}

function validateConfig(text: string, source: string): void {
  parseConfig(text, { source, cwd: project, file: join(project, 'bgsvc.yml'), environment: ENVIRONMENT });
}

const counts = { config: 0, included: 0, workflow: 0, gitlab: 0, other: 0, skipped: 0, inlineServices: 0 };
afterAll(() => {
  console.log(`docs samples: ${JSON.stringify(counts)} of ${yamlBlocks.length} yaml blocks in ${DOCS.length} files`);
});

describe('the yaml samples in README.md and docs/', () => {
  it('finds the samples (the README has its config, a workflow and a GitLab job)', () => {
    const kinds = yamlBlocks.filter((block) => block.doc === 'README.md').map((block) => kindOf(block, parse(block.text)));
    expect(kinds).toEqual(expect.arrayContaining(['config', 'workflow', 'gitlab']));
  });

  it.each(yamlBlocks.map((block) => [block.where, block] as const))('%s is true', (_where, block) => {
    if (block.skip) {
      expect(block.skip, 'a skip marker says why').toMatch(/\S+ \(.+\)/);
      counts.skipped++;
      return;
    }
    const value: unknown = parse(block.text);
    const kind = kindOf(block, value);
    counts[kind]++;
    if (kind === 'config') validateConfig(block.text, block.where);
    if (kind === 'included') {
      // Checked on its own, as an include of a config that uses none of it: its templates' own mistakes still count.
      validateConfig(`include: [${block.file}]\ncommands:\n  - name: probe\n    command: "true"\n`, `${block.where} (as an include)`);
    }
    for (const step of bgsvcSteps(value)) {
      const inputs = isObject(step.with) ? step.with : {};
      expect(Object.keys(inputs).filter((name) => !INPUTS.includes(name)), `inputs action.yml does not declare (${block.where})`).toEqual([]);
      if (typeof inputs.services === 'string') {
        validateConfig(inputs.services, `${block.where} input "services"`);
        counts.inlineServices++;
      }
    }
  });
});

// GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered.
function anchorsOf(path: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (/^\s*`{3,}/.test(line)) inFence = !inFence;
    if (inFence) continue;
    for (const id of line.matchAll(/<a id="([^"]+)"/g)) anchors.add(id[1]!);
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function linksOf(doc: string): Array<{ target: string; line: number }> {
  const links: Array<{ target: string; line: number }> = [];
  let inFence = false;
  readFileSync(join(ROOT, doc), 'utf8').split('\n').forEach((line, index) => {
    if (/^\s*`{3,}/.test(line)) inFence = !inFence;
    if (inFence) return;
    // Inline code is not a link: `[a](b)` inside backticks stays text.
    for (const link of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push({ target: link[1]!, line: index + 1 });
  });
  return links;
}

describe('the relative links in README.md and docs/', () => {
  const links = DOCS.flatMap((doc) => linksOf(doc).filter((link) => !/^[a-z]+:/i.test(link.target)).map((link) => ({ ...link, doc })));

  it.each(links.map((link) => [`${link.doc}:${link.line} ${link.target}`, link] as const))('%s exists', (_name, link) => {
    const [path, anchor] = link.target.split('#') as [string, string | undefined];
    const target = path === '' ? join(ROOT, link.doc) : resolve(dirname(join(ROOT, link.doc)), path);
    expect(relative(ROOT, target).startsWith('..'), 'stays inside the repository').toBe(false);
    expect(existsSync(target), `${relative(ROOT, target)} exists`).toBe(true);
    if (anchor !== undefined) {
      expect(statSync(target).isFile() && target.endsWith('.md'), 'an anchor points into a markdown file').toBe(true);
      expect([...anchorsOf(target)], `#${anchor} in ${relative(ROOT, target)}`).toContain(anchor);
    }
  });
});

// docs/cli.md's synopsis: every flag it shows is one the CLI accepts, and it shows every flag `bgsvc COMMAND --help` does.
function flagsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/(?<![\w-])(--[a-z][a-z-]*|-[a-z])(?![\w-])/g)].map((match) => match[1]!))].sort();
}

function synopsisFlags(): Map<string, string[]> {
  const block = blocksOf('docs/cli.md').find((candidate) => candidate.lang === '' && /^bgsvc start /m.test(candidate.text));
  if (!block) throw new Error('docs/cli.md has no synopsis block');
  const lines = new Map<string, string>();
  let current = '';
  for (const line of block.text.split('\n')) {
    const command = /^bgsvc ([a-z-]+)/.exec(line);
    if (command) current = command[1]!;
    // The description column starts after a run of spaces; only the usage part holds flags.
    const usage = line.split(/\s{3,}(?=[a-z])/)[0]!;
    lines.set(current, `${lines.get(current) ?? ''} ${command ? usage.slice(command[0].length) : usage}`);
  }
  return new Map([...lines].filter(([name]) => (COMMANDS as readonly string[]).includes(name)).map(([name, text]) => [name, flagsIn(text)]));
}

describe("docs/cli.md's synopsis", () => {
  const synopsis = synopsisFlags();

  it('lists every command', () => {
    expect([...synopsis.keys()].sort()).toEqual([...COMMANDS].sort());
  });

  it.each([...COMMANDS])('shows the flags of %s that its help shows, and only flags it accepts', (command) => {
    const usage = /^Usage: .*$/m.exec(helpText(command as CommandName))![0];
    const documented = synopsis.get(command) ?? [];
    expect(documented).toEqual(expect.arrayContaining(flagsIn(usage)));
    for (const flag of documented) expect(() => parseCli([command, flag, 'value']), `${command} ${flag}`).not.toThrow();
  });
});

// The README's config, its commands, and an app that does what its comments say:
// `npm start` listens on $PORT and answers /health; the tests read $API_URL.
const README_APP = {
  'package.json': JSON.stringify({ name: 'app', private: true, scripts: { start: 'node server.js', test: 'node test.js' } }),
  'server.js': `require('node:http').createServer((req, res) => res.end(req.url === '/health' ? 'ok' : 'hello from the api'))
  .listen(Number(process.env.PORT), '127.0.0.1');\n`,
  'test.js': `fetch(process.env.API_URL).then((r) => r.text()).then((text) => console.log('test got: ' + text));\n`,
};

function readmeProject(dir: string): void {
  const config = yamlBlocks.find((block) => block.doc === 'README.md' && block.file === 'bgsvc.yml');
  if (!config) throw new Error('README.md has no "# bgsvc.yml" block');
  writeFileSync(join(dir, 'bgsvc.yml'), config.text);
  for (const [name, text] of Object.entries(README_APP)) writeFileSync(join(dir, name), text);
  chmodSync(dir, 0o755);
}

function expectReadmeRun(run: CliRun, dir: string): void {
  expect(run.stderr).toMatch(/api started \(pid \d+, port \d+\), log \/.*\/\.bgsvc\/logs\/api\.log/);
  expect(run.stderr).toMatch(/api ready in [\d.]+m?s \(http:\/\/127\.0\.0\.1:\d+\/health\)/);
  expect(run.stdout).toContain('test got: hello from the api');
  expect(run.stderr).toMatch(/api stopped \(SIGTERM, \d+ms\); peak \d+ MB, CPU [\d.]+m?s/);
  expect(run.code).toBe(0);
  const state = JSON.parse(readFileSync(join(dir, '.bgsvc/state.json'), 'utf8')) as { id: string };
  expect(pidsWithEnv('BGSVC_ID', state.id)).toEqual([]);
}

// `npx bgsvc run -- npm test` as the README writes it, with the built CLI in npx's place.
const README_COMMAND = ['run', '--', 'npm', 'test'];
const QUIET_NPM = { npm_config_update_notifier: 'false', npm_config_fund: 'false' };

// Side by side, so the two runs cost the time of one.
describe.concurrent("the README's config and command, run for real", () => {
  it('as root: npm start is ready on its $PORT, npm test sees $API_URL, nothing is left', async () => {
    const dir = scratchDir('docs-readme');
    readmeProject(dir);
    expectReadmeRun(await runCli(README_COMMAND, { cwd: dir, env: QUIET_NPM }), dir);
  });

  const reason = nonRootPrerequisites();
  it.skipIf(reason !== undefined && process.env.CI !== 'true')(`as ${PLAIN_USER} (GitLab's shell executor), from a project that user owns`, async () => {
    if (reason !== undefined) throw new Error(`cannot run: ${reason} (CI=true: .ci/run sets it up)`);
    const dir = userDir(PLAIN_USER, 'docs-readme');
    readmeProject(dir);
    expectReadmeRun(await runCliAs(PLAIN_USER, README_COMMAND, { cwd: dir, env: QUIET_NPM }), dir);
  });
});
