import { describe, expect, it } from 'vitest';
import { commandHoldsEnv, parseLsof, parsePsTable } from '../../src/process/darwin.js';
import { parseExitRecord } from '../../src/process/exit-file.js';
import { listeningInodes } from '../../src/process/linux-listeners.js';
import { envNeedles, environHolds, isExitingOrExited, parseStat } from '../../src/process/proc-read.js';

describe('parseStat', () => {
  const tail = '4321 4321 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 987654 1000 100';
  it.each([
    ['a plain name', `1234 (sleep) S 1 ${tail}`, 'sleep'],
    ['spaces and parentheses in the name', `1234 (a) b (c) S 1 ${tail}`, 'a) b (c'],
  ])('reads ids, state and start time with %s', (_label, text, comm) => {
    expect(parseStat(text)).toEqual({ pid: 1234, comm, state: 'S', ppid: 1, pgid: 4321, sid: 4321, flags: 4194560, startTime: '987654' });
  });

  it('tells a task on its way out (PF_EXITING, 0x4, in the flags) and a zombie from a running one', () => {
    const withFlags = (state: string, flags: number) => parseStat(`1234 (sleep) ${state} 1 4321 4321 0 -1 ${flags} ${tail.split(' ').slice(5).join(' ')}`)!;
    expect(isExitingOrExited(withFlags('S', 4194560))).toBe(false);
    expect(isExitingOrExited(withFlags('R', 4194560 | 0x4))).toBe(true);
    expect(isExitingOrExited(withFlags('Z', 4194564))).toBe(true);
    expect(isExitingOrExited(withFlags('D', 0x4))).toBe(true);
  });

  it('reads where the environment ends (field 51): 0 while an exec is laying out the new program, absent before Linux 3.5', () => {
    // A real line from Linux 6.18 (cat reading its own stat).
    const line = (envEnd: string) =>
      `30948 (cat) R 30946 30946 22827 0 -1 4194304 102 0 0 0 0 0 0 0 20 0 1 0 659855 3133440 381 18446744073709551615 94237338664960 94237338684841 140736517984688 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 94237338700848 94237338702464 94237938688000 140736517990911 140736517990931 140736517990931 ${envEnd} 0`;
    expect(parseStat(line('140736517992427'))).toMatchObject({ pid: 30948, comm: 'cat', startTime: '659855', envEnd: 140736517992427 });
    expect(parseStat(line('0'))?.envEnd).toBe(0);
    expect(parseStat(`1234 (sleep) S 1 ${tail}`)?.envEnd).toBeUndefined();
  });

  it('rejects a truncated line', () => {
    expect(parseStat('1234 (sleep) S 1 2 3')).toBeUndefined();
  });
});

describe('environHolds', () => {
  const environ = Buffer.from('PATH=/bin\0BGSVC_ID=abc\0BGSVC_SERVICE=api\0');
  it.each([
    [{ BGSVC_ID: 'abc' }, true],
    [{ BGSVC_ID: 'abc', BGSVC_SERVICE: 'api' }, true],
    [{ PATH: '/bin' }, true],
    [{ BGSVC_ID: 'ab' }, false],
    [{ BGSVC_ID: 'abcd' }, false],
    [{ GSVC_ID: 'abc' }, false],
    [{ BGSVC_ID: 'abc', BGSVC_SERVICE: 'db' }, false],
  ])('%j → %s', (vars, expected) => {
    expect(environHolds(environ, envNeedles(vars))).toBe(expected);
  });

  it('matches a last entry without a trailing NUL', () => {
    expect(environHolds(Buffer.from('A=1\0BGSVC_ID=abc'), envNeedles({ BGSVC_ID: 'abc' }))).toBe(true);
  });
});

describe('parseExitRecord', () => {
  it.each([
    ['exit 3\n', { code: 3, signal: null, atMs: 5 }],
    ['exit 0\n', { code: 0, signal: null, atMs: 5 }],
    ['signal KILL\n', { code: null, signal: 'SIGKILL', atMs: 5 }],
    ['signal SIGTERM\n', { code: null, signal: 'SIGTERM', atMs: 5 }],
    ['', undefined],
    ['exit\n', undefined],
    ['exit x\n', undefined],
    ['garbage', undefined],
  ])('%j', (text, expected) => {
    expect(parseExitRecord(text, 5)).toEqual(expected);
  });
});

describe('listeningInodes', () => {
  const table = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0 100 0 0 10 0',
    '   1: 0100007F:0BB8 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0 20 4 30 10 -1',
    '   2: 00000000:0BB9 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0 100 0 0 10 0',
    '   3: 00000000000000000000000001000000:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 444 1',
  ].join('\n');
  it('keeps LISTEN sockets on the port, IPv4 and IPv6', () => {
    expect(listeningInodes(table, 3000)).toEqual(['111', '444']);
    expect(listeningInodes(table, 3001)).toEqual(['333']);
    expect(listeningInodes(table, 80)).toEqual([]);
  });
});

describe('macOS parsers', () => {
  const ps = [
    '    1     0     1 Ss   Mon Jan  1 08:00:00 2024     /sbin/launchd',
    '  501     1   501 S    Tue Feb 13 10:11:12 2024     /bin/sh -c sleep 1000 PATH=/bin BGSVC_ID=abc BGSVC_SERVICE=api',
    '  502   501   501 Z    Tue Feb 13 10:11:13 2024     <defunct>',
    'garbage line',
  ].join('\n');

  it('reads pid, parent, group, zombie state, start time and command from one ps call', () => {
    expect(parsePsTable(ps)).toEqual([
      { pid: 1, ppid: 0, pgid: 1, sid: -1, startTime: 'Mon Jan 1 08:00:00 2024', zombie: false, command: '/sbin/launchd' },
      {
        pid: 501,
        ppid: 1,
        pgid: 501,
        sid: -1,
        startTime: 'Tue Feb 13 10:11:12 2024',
        zombie: false,
        command: '/bin/sh -c sleep 1000 PATH=/bin BGSVC_ID=abc BGSVC_SERVICE=api',
      },
      { pid: 502, ppid: 501, pgid: 501, sid: -1, startTime: 'Tue Feb 13 10:11:13 2024', zombie: true, command: '<defunct>' },
    ]);
  });

  it.each([
    [{ BGSVC_ID: 'abc' }, true],
    [{ BGSVC_ID: 'abc', BGSVC_SERVICE: 'api' }, true],
    [{ BGSVC_ID: 'ab' }, false],
    [{ BGSVC_SERVICE: 'db' }, false],
  ])('finds %j in `ps -E` output: %s', (vars, expected) => {
    expect(commandHoldsEnv('/bin/sh -c sleep 1000 PATH=/bin BGSVC_ID=abc BGSVC_SERVICE=api', vars)).toBe(expected);
  });

  it('reads pid and command from lsof -F output', () => {
    expect(parseLsof('p123\ncnode\nf12\np456\ncpython3\nf3\n')).toEqual([
      { pid: 123, command: 'node' },
      { pid: 456, command: 'python3' },
    ]);
  });
});
