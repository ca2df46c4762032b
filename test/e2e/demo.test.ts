// Quickstart command 1 must work: the demo starts, probes, uses and stops
// three services (one a setsid daemon) and leaves nothing running, nor its
// temp folder, unless asked to keep the logs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.js';

const ROOT = resolve(import.meta.dirname, '../..');

// In its own TMPDIR, so "nothing left behind" is a plain listing.
function runDemo(options: { args?: string[]; env?: NodeJS.ProcessEnv } = {}) {
  const tmp = scratchDir('demo-tmp');
  const demo = spawnSync(process.execPath, ['examples/demo/run-demo.mjs', ...(options.args ?? [])], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TMPDIR: tmp, ...options.env },
  });
  return { demo, output: demo.stdout + demo.stderr, left: readdirSync(tmp) };
}

describe('npm run demo', () => {
  it('runs the demo end to end with nothing left behind, not even its temp folder', () => {
    const { demo, output, left } = runDemo();
    expect(output, output).toMatch(/web ready in/);
    expect(output).toMatch(/worker ready in .*log: worker ready/);
    expect(output).toMatch(/cache ready in/);
    expect(output).toMatch(/check: all services answered/);
    expect(output).toMatch(/processes left carrying BGSVC_ID=\w+: 0/);
    expect(output).toMatch(/demo: state and logs removed \(keep them with: npm run demo -- --keep\)/);
    expect(demo.status).toBe(0);
    expect(left).toEqual([]);
  });

  it('keeps the logs when asked, and says where', () => {
    const { demo, output, left } = runDemo({ args: ['--keep'] });
    expect(demo.status, output).toBe(0);
    const kept = /demo: logs are kept in (\S+)\n/.exec(output)?.[1];
    expect(kept).toBeDefined();
    expect(left).toHaveLength(1);
    expect(kept).toMatch(new RegExp(`/${left[0]}/logs$`));
    expect(readdirSync(kept!).sort()).toEqual(expect.arrayContaining(['cache.log', 'web.log', 'worker.log']));
    expect(existsSync(join(kept!, '..', 'state.json'))).toBe(true);
  });
});
