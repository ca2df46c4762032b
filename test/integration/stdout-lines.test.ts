// The post step's plain lines go straight to fd 1 (src/edges/github/stdout-lines.ts).
// Real pipes, real child processes: a reader that falls behind on a pipe Node
// has made non-blocking (EAGAIN), and a reader that has gone (EPIPE).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.js';

let dir: string;
beforeAll(async () => {
  dir = scratchDir('stdout-lines');
  await build({
    entryPoints: [resolve('src/edges/github/stdout-lines.ts')],
    outfile: join(dir, 'stdout-lines.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
});

function runChild(script: string, onSpawn?: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const file = join(dir, `child-${Math.random().toString(16).slice(2)}.cjs`);
  writeFileSync(file, `const { writeLine } = require('./stdout-lines.cjs');\n${script}\n`);
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stdout!.on('error', () => {});
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  onSpawn?.(child);
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

describe('writeLine', () => {
  it('writes every line whole and in order to a non-blocking pipe whose reader falls behind', async () => {
    // process.stdout on a pipe makes fd 1 non-blocking (libuv), as after a toolkit
    // command; 4 MiB cannot fit a 64 KiB pipe, so the writer meets EAGAIN and waits.
    const lines = 4096;
    const result = await runChild(
      `process.stdout;
const flags = parseInt(/flags:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/fdinfo/1', 'utf8'))[1], 8);
for (let i = 0; i < ${lines}; i += 1) writeLine(String(i).padStart(6, '0') + ' ' + 'x'.repeat(1017));
process.stderr.write('nonblocking=' + ((flags & 0o4000) !== 0) + '\\n');`,
      (child) => {
        // Read nothing for half a second, then everything.
        child.stdout!.pause();
        setTimeout(() => child.stdout!.resume(), 500);
      },
    );
    expect(result).toMatchObject({ code: 0, stderr: 'nonblocking=true\n' });
    const received = result.stdout.split('\n');
    expect(received.pop()).toBe('');
    expect(received).toHaveLength(lines);
    received.forEach((line, index) => expect(line).toBe(`${String(index).padStart(6, '0')} ${'x'.repeat(1017)}`));
  });

  it('ends quietly when nobody reads any more (EPIPE): the step goes on', async () => {
    const result = await runChild(
      `setTimeout(() => { for (let i = 0; i < 100; i += 1) writeLine('line ' + i); process.stderr.write('went on\\n'); }, 300);`,
      (child) => child.stdout!.destroy(),
    );
    expect(result).toMatchObject({ code: 0, stderr: 'went on\n' });
  });
});
