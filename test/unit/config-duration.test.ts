import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/config/index.js';
import { checkDuration } from '../../src/config/duration.js';

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
    // One grammar with the action's wait-for: units combine, spaces and v2's spellings read.
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['2m 5s', 125_000], // what formatDuration prints reads back
    ['1h 30m', 5_400_000],
    ['1s500ms', 1_500],
    ['10 s', 10_000],
    ['5sec', 5_000],
    ['2 minutes', 120_000],
    ['250msec', 250],
    ['1hr', 3_600_000],
    ['30S', 30_000],
    ['1d', 86_400_000], // read, so checkDuration can say it passes the 24h limit
  ])('reads %j as %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each([
    ['abc123'], // not 123 ms: DESIGN §2
    ['-1s'],
    [-1],
    ['1m30'], // a unit on every part once one has a unit
    ['1s2'],
    ['5 parsecs'],
    ['30s later'],
    ['s30'],
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

  it('reads a bare number as milliseconds only when asked (wait-for, shutdown-grace), and units the same either way', () => {
    expect(parseDuration('1500', { bareNumberUnit: 'ms' })).toBe(1_500);
    expect(parseDuration(1500, { bareNumberUnit: 'ms' })).toBe(1_500);
    expect(parseDuration('1500')).toBe(1_500_000);
    expect(parseDuration('1h30m', { bareNumberUnit: 'ms' })).toBe(5_400_000);
    expect(parseDuration('abc123', { bareNumberUnit: 'ms' })).toBeUndefined();
  });
});

describe('checkDuration', () => {
  it.each([
    ['abc123', {}, 'invalid duration "abc123" (expected a number of seconds, or numbers with units ms, s, m or h, e.g. 500ms, 30s, 2m, 1h30m)'],
    ['abc123', { bareNumberUnit: 'ms' as const }, 'invalid duration "abc123" (expected a number of milliseconds (in wait-for and shutdown-grace, as in background-action; elsewhere a bare number is seconds), or numbers with units ms, s, m or h, e.g. 500ms, 30s, 5m, 1h30m)'],
    ['-1s', {}, 'invalid duration "-1s": must not be negative'],
    ['0s', {}, 'invalid duration "0s": must be greater than 0'],
    ['24h1s', {}, 'invalid duration "24h1s": that is longer than the 24h limit'],
    ['2d', {}, 'invalid duration "2d": 48h is longer than the 24h limit'],
  ])('says what is wrong with %j %j', (input, options, error) => {
    expect(checkDuration(input, { allowZero: false, ...options })).toEqual({ error });
  });

  it('accepts 24h exactly, however it is written', () => {
    expect(checkDuration('24h', { allowZero: false })).toBe(86_400_000);
    expect(checkDuration('23h60m', { allowZero: false })).toBe(86_400_000);
    expect(checkDuration('1d', { allowZero: false })).toBe(86_400_000);
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
