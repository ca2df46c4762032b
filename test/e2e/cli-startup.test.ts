// What the CLI loads before it answers. Start-up is measured by the bench
// (docs/benchmarks.md, problem 5); this pins the reason it is short: commands
// that read no config load neither the YAML parser nor the heavy built-ins.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, killLeftovers, makeProject } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

const HEAVY = ['child_process', 'crypto', 'http', 'https', 'tls'];

// A preload that reports, as the process exits, which built-ins and files it loaded.
function preload(): string {
  const file = join(scratchDir('loads'), 'report-loads.cjs');
  writeFileSync(
    file,
    `process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
  process.stderr.write('LOADS ' + JSON.stringify({ builtins, files: Object.keys(require.cache) }) + '\\n');
});\n`,
  );
  return file;
}

async function loadsOf(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ heavy: string[]; yaml: boolean; code: number | null }> {
  const child = spawn(process.execPath, ['-r', preload(), CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  const line = stderr.split('\n').find((text) => text.startsWith('LOADS '));
  if (!line) throw new Error(`no load report; stderr: ${stderr}`);
  const { builtins, files } = JSON.parse(line.slice(6)) as { builtins: string[]; files: string[] };
  return { heavy: builtins.filter((name) => HEAVY.includes(name)), yaml: files.some((file) => file.endsWith('/yaml.cjs')), code };
}

describe('CLI start-up', () => {
  it('answers --version without the YAML parser, child_process, crypto or http(s)', async () => {
    expect(await loadsOf(['--version'], scratchDir('loads'))).toEqual({ heavy: [], yaml: false, code: 0 });
  });

  it('stops without the YAML parser, and loads it (and what it launches with) for start', async () => {
    const project = makeProject('commands:\n  - name: a\n    command: exec sleep 60\n');
    try {
      const start = await loadsOf(['start'], project.dir, project.env);
      expect(start).toMatchObject({ yaml: true, code: 0 });
      // Random names come from /dev/urandom (src/random.ts): node:crypto stays unloaded.
      expect(start.heavy).toContain('child_process');
      expect(start.heavy).not.toContain('crypto');
      const stop = await loadsOf(['stop'], project.dir, project.env);
      expect(stop).toMatchObject({ yaml: false, code: 0 });
      expect(stop.heavy).not.toContain('http');
    } finally {
      killLeftovers(project.stateDir);
    }
  });
});
