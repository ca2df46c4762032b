// Quickstart command 1 must work: the demo starts, probes, uses and stops
// three services (one a setsid daemon) and leaves nothing running.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run demo', () => {
  it('runs the demo end to end with nothing left behind', () => {
    const demo = spawnSync(process.execPath, ['examples/demo/run-demo.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const output = demo.stdout + demo.stderr;
    expect(output, output).toMatch(/web ready in/);
    expect(output).toMatch(/worker ready in .*log: worker ready/);
    expect(output).toMatch(/cache ready in/);
    expect(output).toMatch(/check: all services answered/);
    expect(output).toMatch(/processes left carrying BGSVC_ID=\w+: 0/);
    expect(demo.status).toBe(0);
  });
});
