// Reading and combining what a service cost: the wrappers' cost files, the
// /proc fields read before a stop signal, which source wins, and the words.
import { describe, expect, it } from 'vitest';
import { costFileFor, parseCostFile } from '../../src/process/cost-file.js';
import { parseUsage } from '../../src/process/linux-usage.js';
import { combineCost } from '../../src/process/service-cost.js';
import { describeCost, formatMemory } from '../../src/report/cost-words.js';

const MB = 1024 * 1024;

describe('cost files', () => {
  it.each([
    { text: 'tree 1982347 251188\n', cost: { scope: 'tree', cpuMs: 1982, peakMemoryBytes: 251188 * 1024 } },
    { text: 'tree 0 0\n', cost: { scope: 'tree', cpuMs: 0, peakMemoryBytes: 0 } },
    // dash prints six decimals, bash three.
    { text: 'children\n0m0.000000s 0m0.010000s\n0m1.490000s 0m0.430000s\n', cost: { scope: 'children', cpuMs: 1920 } },
    { text: 'children\n0m0.004s 0m0.002s\n61m2.500s 0m0.250s\n', cost: { scope: 'children', cpuMs: 3_662_750 } },
    { text: '', cost: undefined },
    { text: 'tree 12\n', cost: undefined },
    { text: 'children\n0m0.00s 0m0.00s\n', cost: undefined },
    { text: 'exit 0\n', cost: undefined },
  ])('reads $text.length bytes as $cost.scope', ({ text, cost }) => {
    expect(parseCostFile(text)).toEqual(cost);
  });

  it('sits beside the exit file', () => {
    expect(costFileFor('/s/run/api.exit')).toBe('/s/run/api.cost');
    expect(costFileFor('/s/run/odd')).toBe('/s/run/odd.cost');
  });
});

describe('/proc/<pid>/stat times', () => {
  // A real line's shape: comm with spaces and parentheses, utime..cstime at fields 14-17, starttime at 22.
  const stat = '4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 500 0 0 0 123 45 600 7 20 0 1 0 987654 1000 100';
  it('adds user and system time, its own and its reaped children\'s, in ms', () => {
    expect(parseUsage(stat, '987654')).toEqual({ cpuMs: 1680, reapedCpuMs: 6070 });
  });
  it('refuses a pid that now holds another process', () => {
    expect(parseUsage(stat, '111')).toBeUndefined();
  });
});

describe('which account wins', () => {
  const atSignal = [
    { pid: 10, usage: { cpuMs: 5, reapedCpuMs: 400, peakMemoryBytes: 4 * MB } },
    { pid: 11, usage: { cpuMs: 900, reapedCpuMs: 100, peakMemoryBytes: 120 * MB } },
    { pid: 12, usage: { cpuMs: 50, reapedCpuMs: 0 } },
  ];

  it('takes the reaper\'s whole-tree account as complete, over anything read before the signal', () => {
    expect(combineCost({ scope: 'tree', cpuMs: 2000, peakMemoryBytes: 250 * MB }, atSignal, 10)).toEqual({ peakMemoryBytes: 250 * MB, cpuMs: 2000, complete: true });
  });

  it('without it, adds up what the tree had used at the signal, the wrapper\'s own time and memory left out, as a lower bound', () => {
    expect(combineCost(undefined, atSignal, 10)).toEqual({ peakMemoryBytes: 120 * MB, cpuMs: 400 + 1000 + 50, complete: false });
    expect(combineCost(undefined, atSignal)).toEqual({ peakMemoryBytes: 120 * MB, cpuMs: 405 + 1000 + 50, complete: false });
  });

  it('keeps the larger of two lower bounds rather than a sum that could count a process twice', () => {
    expect(combineCost({ scope: 'children', cpuMs: 3000 }, atSignal, 10)).toEqual({ peakMemoryBytes: 120 * MB, cpuMs: 3000, complete: false });
    expect(combineCost({ scope: 'children', cpuMs: 30 }, [], 10)).toEqual({ peakMemoryBytes: null, cpuMs: 30, complete: false });
  });

  it('claims nothing when nothing was read', () => {
    expect(combineCost(undefined, [])).toBeUndefined();
  });
});

describe('cost in words', () => {
  it.each([
    { cost: { peakMemoryBytes: 251 * MB, cpuMs: 1980, complete: true }, words: 'peak 251 MB, CPU 2s' },
    { cost: { peakMemoryBytes: 97 * MB, cpuMs: 510, complete: false }, words: 'peak ≥ 97 MB, CPU ≥ 510ms' },
    { cost: { peakMemoryBytes: null, cpuMs: 1200, complete: false }, words: 'peak unknown, CPU ≥ 1.2s' },
  ])('$words', ({ cost, words }) => {
    expect(describeCost(cost)).toBe(words);
  });

  it.each([
    [900 * 1024, '900 KB'],
    [5.25 * MB, '5.3 MB'],
    [212.4 * MB, '212 MB'],
    [3.2 * 1024 * MB, '3.2 GB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(formatMemory(bytes)).toBe(text);
  });
});
