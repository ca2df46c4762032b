// The action steps' plain lines go straight to fd 1 (src/edges/github/stdout-lines.ts)
// until the toolkit first prints (io.ts). Real pipes, real child processes: a
// reader that falls behind on a pipe Node has made non-blocking (EAGAIN), a
// reader that has gone (EPIPE), and the hand-over to the toolkit.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.js';

let dir: string;
beforeAll(async () => {
  dir = scratchDir('stdout-lines');
  for (const [source, out] of [
    ['src/edges/github/stdout-lines.ts', 'stdout-lines.cjs'],
    ['src/edges/github/io.ts', 'io.cjs'],
  ]) {
    await build({ entryPoints: [resolve(source!)], outfile: join(dir, out!), bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
  }
});

function runChild(
  script: string,
  onSpawn?: (child: ReturnType<typeof spawn>) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const file = join(dir, `child-${Math.random().toString(16).slice(2)}.cjs`);
  writeFileSync(file, `const { writeLine } = require('./stdout-lines.cjs');\n${script}\n`);
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'], env });
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

describe('createActionsIo({ directStdout: true })', () => {
  // Which call first touched process.stdout (building its stream), and what reached the pipe.
  const script = `
const { createActionsIo } = require('./io.cjs');
const calls = [];
let touchedBy = null;
const own = Object.getOwnPropertyDescriptor(process, 'stdout');
Object.defineProperty(process, 'stdout', { configurable: true, enumerable: own.enumerable, get() { touchedBy ??= calls.at(-1); return own.get.call(process); } });
const io = createActionsIo({ directStdout: true });
const call = (name, fn) => { calls.push(name); fn(); };
call('info a', () => io.info('a'));
call('setOutput', () => io.setOutput('x', '1'));
call('saveState', () => io.saveState('s', '2'));
call('info b', () => io.info('b'));
call('warning', () => io.warning('w'));
call('info c', () => io.info('c'));
require('fs').writeSync(2, JSON.stringify({ touchedBy }));`;
  const withoutRunnerFiles = () => {
    const env = { ...process.env };
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV']) delete env[name];
    return env;
  };

  it('keeps writing lines itself across outputs and state the runner takes as files, and hands over at the first command', async () => {
    const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state') };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const result = await runChild(script, undefined, { ...withoutRunnerFiles(), ...files });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stderr)).toEqual({ touchedBy: 'warning' });
    expect(result.stdout).toBe('a\nb\n::warning::w\nc\n');
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toMatch(/^x<<ghadelimiter_.*\n1\n/);
  });

  it('hands over at set-output when the runner gives no output file (the toolkit prints it), lines still in order', async () => {
    const result = await runChild(script, undefined, withoutRunnerFiles());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stderr)).toEqual({ touchedBy: 'setOutput' });
    expect(result.stdout).toBe('a\n\n::set-output name=x::1\n::save-state name=s::2\nb\n::warning::w\nc\n');
  });
});
