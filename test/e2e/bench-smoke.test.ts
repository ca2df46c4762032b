// The benchmark suite still runs end to end: `node bench/run.mjs --quick`
// exits 0 and prints a table for every scenario. No timing is asserted; the
// numbers live in docs/benchmarks.md and come from a quiet machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCENARIOS = ['readiness', 'fail-fast', 'teardown', 'overhead', 'scale', 'throughput'];
const scratch = mkdtempSync(join(tmpdir(), 'bgsvc-bench-smoke-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface BenchResults {
  schema: string;
  scenarios: Array<{ id: string; error?: string; tables?: Array<{ title: string; rows: Array<{ tool: string; n: number }> }> }>;
}

function runBench(args: string[], limitMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['bench/run.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // SIGTERM lets the bench clean up what it started before it exits.
    const timer = setTimeout(() => child.kill('SIGTERM'), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

it('runs every scenario of the quick bench and prints each table', async () => {
  const out = join(scratch, 'results.json');
  // One repetition a measurement: this proves the suite runs, not how fast.
  const result = await runBench(['--quick', '--reps', '1', '--out', out], 110_000);
  expect(result.code, result.stderr).toBe(0);

  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
  expect(report.schema).toBe('bgsvc-bench');
  expect(report.scenarios.map((scenario) => scenario.id)).toEqual(SCENARIOS);
  for (const scenario of report.scenarios) {
    expect(scenario.error).toBeUndefined();
    expect(scenario.tables?.length).toBeGreaterThan(0);
    for (const table of scenario.tables ?? []) {
      expect(result.stdout).toContain(`### ${table.title}`);
      // Every measured row appears in the printed table.
      for (const row of table.rows.filter((item) => item.n > 0)) expect(result.stdout).toContain(`| ${row.tool} `);
    }
  }
}, 120_000);

it('rejects an unknown scenario with exit code 2 and names the known ones', async () => {
  const result = await runBench(['--only', 'nope'], 10_000);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/unknown scenario "nope"; known: readiness, fail-fast/);
});
