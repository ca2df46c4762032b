// The three small replacements for Node built-ins that each step of the action
// used to load (issue 16): random names from /dev/urandom, a sleep on plain
// timers, the job summary's append. Real files, real timers.
import { readFileSync, writeFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendStepSummary } from '../../src/edges/github/step-summary.js';
import { randomBytes, randomHex, randomUUID } from '../../src/random.js';
import { sleep } from '../../src/sleep.js';
import { scratchDir } from '../helpers/scratch.js';

describe('random names', () => {
  it('gives hex of the asked length, never the same twice in 10,000 draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i += 1) {
      const hex = randomHex(8);
      expect(hex).toMatch(/^[0-9a-f]{16}$/);
      seen.add(hex);
    }
    expect(seen.size).toBe(10_000);
  });

  it('hands out bytes once each, across refills of its pool, and serves requests larger than the pool', () => {
    // 300 draws of 7 bytes cross the 256-byte pool's refill several times.
    const draws = Array.from({ length: 300 }, () => randomBytes(7).toString('hex'));
    expect(new Set(draws).size).toBe(300);
    const large = randomBytes(4096);
    expect(large).toHaveLength(4096);
    // Random bytes, not a zero buffer: all 256 values show up in 4 KiB (the odds against are ~1e-6).
    expect(new Set(large).size).toBeGreaterThan(200);
  });

  it('makes version 4 UUIDs, as crypto.randomUUID() does (the runner protocol delimiters use them)', () => {
    const uuids = Array.from({ length: 1000 }, () => randomUUID());
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uuids).size).toBe(1000);
  });
});

describe('sleep', () => {
  const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

  it('waits at least the time asked', async () => {
    const started = performance.now();
    await sleep(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });

  it("rejects with the signal's reason as soon as it aborts, and leaves no timer behind", async () => {
    const before = timers();
    const controller = new AbortController();
    const started = performance.now();
    const slept = sleep(60_000, controller.signal);
    expect(timers()).toBe(before + 1);
    setTimeout(() => controller.abort(new Error('stop now')), 20);
    await expect(slept).rejects.toThrow('stop now');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(timers()).toBe(before);
  });

  it('rejects at once when the signal has already aborted, and a finished sleep keeps no abort listener', async () => {
    const aborted = AbortSignal.abort(new Error('gone'));
    await expect(sleep(60_000, aborted)).rejects.toThrow('gone');
    const controller = new AbortController();
    await sleep(1, controller.signal);
    // Aborting after it resolved changes nothing and throws nothing.
    controller.abort();
  });
});

describe('appendStepSummary', () => {
  it('appends the markdown and a line end to the file, keeping what is there', () => {
    const file = join(scratchDir('step-summary'), 'summary.md');
    writeFileSync(file, '# earlier step\n');
    appendStepSummary(file, '| a | b |');
    appendStepSummary(file, 'ünïcode ✓');
    expect(readFileSync(file, 'utf8')).toBe(`# earlier step\n| a | b |${EOL}ünïcode ✓${EOL}`);
  });

  it("says what is wrong in @actions/core's words when the runner gave no summary file", () => {
    expect(() => appendStepSummary(undefined, 'x')).toThrow('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    expect(() => appendStepSummary('', 'x')).toThrow('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    const missing = join(scratchDir('step-summary'), 'no-such-dir', 'summary.md');
    expect(() => appendStepSummary(missing, 'x')).toThrow(`Unable to access summary file: '${missing}'`);
  });
});
