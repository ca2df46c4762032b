import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/config/index.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1.5s', 1_500],
    ['0.25m', 15_000],
    ['0', 0],
    ['0s', 0],
    ['10', 10_000],
    ['2.5', 2_500],
    [' 30s ', 30_000],
    [10, 10_000],
    [0.5, 500],
    [0, 0],
  ])('reads %j as %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each([
    ['abc123'], // not 123 ms: DESIGN §2
    ['-1s'],
    [-1],
    ['10 s'],
    ['1d'],
    ['5sec'],
    ['30S'],
    ['1m30s'],
    ['.5s'],
    ['1e3'],
    [''],
    ['ms'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [undefined],
    [true],
    [['1s']],
    [{ s: 1 }],
  ])('rejects %j', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [999.4, '999ms'],
    [999.6, '1s'],
    [1_000, '1s'],
    [1_200, '1.2s'],
    [59_900, '59.9s'],
    [59_960, '1m'],
    [60_000, '1m'],
    [125_000, '2m 5s'],
    [3_600_000, '1h'],
    [5_430_000, '1h 30m'],
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
