import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchService, readExitFile } from '../../src/process/index.js';
import { isAlive, pidsWithEnv, waitFor } from '../helpers/proc.js';
import { createScope, type TestScope } from '../fixtures/process/services.js';
import { currentPlatform } from '../../src/process/index.js';
import { reaperArgs } from '../../src/process/reaper.js';

let scope: TestScope;
beforeEach(() => {
  scope = createScope();
});
afterEach(() => scope.cleanup());

const O_CLOEXEC = 0o2000000;
function inheritedDescriptors(): string[] {
  return readdirSync('/proc/self/fd').filter((fd) => {
    if (Number(fd) <= 2) return false;
    try {
      const flags = /^flags:\s+(\d+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
      return flags !== undefined && (parseInt(flags, 8) & O_CLOEXEC) === 0;
    } catch {
      return false;
    }
  });
}

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

describe('launchService', () => {
  it('writes stdout and stderr interleaved, in order, to the log file', async () => {
    const service = scope.launch('echo one; echo two >&2; echo three; echo four >&2');
    expect((await service.exited).code).toBe(0);
    expect(readFileSync(service.logFile, 'utf8')).toBe('one\ntwo\nthree\nfour\n');
  });

  it('starts a fresh log, owner-only, and keeps the earlier one once as <name>.prev.log', async () => {
    writeFileSync(join(scope.dir, 'svc.log'), 'earlier\n', { mode: 0o644 });
    writeFileSync(join(scope.dir, 'svc.prev.log'), 'oldest\n', { mode: 0o600 });
    const service = scope.launch('echo later');
    await service.exited;
    expect(readFileSync(service.logFile, 'utf8')).toBe('later\n');
    expect(statSync(service.logFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(scope.dir, 'svc.prev.log'), 'utf8')).toBe('earlier\n');
  });

  it('refuses a symlink in place of the log, before spawning, and leaves its target alone', () => {
    const target = join(scope.dir, 'target');
    writeFileSync(target, 'untouched\n');
    symlinkSync(target, join(scope.dir, 'svc.log'));
    expect(() => scope.launch('touch ran')).toThrow(/svc\.log is a symbolic link, not a log bgsvc wrote; remove it/);
    expect(readFileSync(target, 'utf8')).toBe('untouched\n');
    expect(existsSync(join(scope.dir, 'ran'))).toBe(false);
  });

  it('gives the service /dev/null as stdin, so cat ends at once', async () => {
    const started = Date.now();
    const service = scope.launch('cat; echo "cat ended with $?"');
    expect((await service.exited).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(readFileSync(service.logFile, 'utf8')).toBe('cat ended with 0\n');
  });

  it('runs the command with the given environment and working directory', async () => {
    const cwd = join(scope.dir, 'work dir');
    mkdirSync(cwd);
    const service = launchService({
      platform: currentPlatform(),
      name: 'envcwd',
      command: 'echo "$GREETING|$BGSVC_ID|$(pwd)"',
      shell: '/bin/sh',
      cwd,
      env: { PATH: process.env.PATH, GREETING: 'hello "world"', BGSVC_ID: scope.id },
      logFile: join(scope.dir, 'envcwd.log'),
      exitFile: join(scope.dir, 'envcwd.exit'),
    });
    await service.exited;
    expect(readFileSync(join(scope.dir, 'envcwd.log'), 'utf8')).toBe(`hello "world"|${scope.id}|${cwd}\n`);
  });

  it('passes shell, command and exit file as arguments, never interpolated into the wrapper', async () => {
    const exitFile = join(scope.dir, "it's $(touch pwned) `x`.exit");
    const service = launchService({
      platform: currentPlatform(),
      name: 'quotes',
      command: `printf '%s\\n' "a'b\\"c" '$HOME' && exit 4`,
      shell: '/bin/sh',
      cwd: scope.dir,
      env: { ...process.env, ...scope.cookie },
      logFile: join(scope.dir, 'quotes.log'),
      exitFile,
    });
    expect((await service.exited).code).toBe(4);
    expect(readFileSync(join(scope.dir, 'quotes.log'), 'utf8')).toBe(`a'b"c\n$HOME\n`);
    expect(readExitFile(exitFile)?.code).toBe(4);
    expect(existsSync(join(scope.dir, 'pwned'))).toBe(false);
  });

  it('records "exit 3" and the exit time when the command exits on its own', async () => {
    const before = Date.now();
    const service = scope.launch('sleep 0.1; exit 3');
    const exit = await service.exited;
    expect(exit).toMatchObject({ code: 3, signal: null });
    expect(readFileSync(service.exitFile, 'utf8')).toBe('exit 3\n');
    const record = readExitFile(service.exitFile);
    expect(record).toMatchObject({ code: 3, signal: null });
    expect(record!.atMs).toBeGreaterThanOrEqual(before + 90);
    expect(record!.atMs).toBeLessThanOrEqual(exit.atMs + 50);
  });

  it('keeps the command a zombie until its exit file is written, so an exit is never invisible to start', async () => {
    // The wrapper writes the exit file through "<file>.<wrapper pid>.tmp"; a FIFO
    // there holds it at that write (open blocks until a reader comes). Were the
    // command reaped first, its exit would be in neither /proc nor the file.
    // The wrapper runs bare (no launchService watcher, which would read the FIFO
    // once it is renamed into place).
    const exitFile = join(scope.dir, 'svc.exit');
    const wrapper = spawn('perl', reaperArgs({ shell: '/bin/sh', command: 'sleep 0.3; exit 3', exitFile })!, { stdio: 'ignore' });
    const closed = new Promise<number | null>((resolve) => wrapper.on('close', resolve));
    try {
      const platform = currentPlatform();
      const gate = `${exitFile}.${wrapper.pid}.tmp`;
      expect(spawnSync('mkfifo', [gate]).status).toBe(0);
      expect(await waitFor(() => platform.childrenOf?.(wrapper.pid!)?.exiting === 1, 5_000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(platform.childrenOf?.(wrapper.pid!)).toEqual({ live: 0, exiting: 1 });
      expect(existsSync(exitFile)).toBe(false);
      // Reading the FIFO lets the write finish; the rename puts it in place, then the zombie is reaped.
      expect(readFileSync(gate, 'utf8')).toBe('exit 3\n');
      expect(await closed).toBe(3);
      expect(statSync(exitFile).isFIFO()).toBe(true);
    } finally {
      // A wrapper that failed the test may sit blocked on the FIFO.
      if (wrapper.exitCode === null && wrapper.signalCode === null) wrapper.kill('SIGKILL');
    }
  });

  it.each([
    ['sleep 0.1; exit 3', 'exit 3\n', 3],
    ['kill -TERM $$', 'signal TERM\n', 143],
  ])('still records the exit where waitid is refused (it reaps first, as before): %s', async (command, recorded, code) => {
    // A syscall number no kernel has (ENOSYS) stands for a kernel without waitid.
    const exitFile = join(scope.dir, 'svc.exit');
    const args = reaperArgs({ shell: '/bin/sh', command, exitFile })!;
    args[4] = '99999'; // -e, script, prctl, getrusage, waitid
    const wrapper = spawn('perl', args, { stdio: 'ignore' });
    const closed = new Promise<number | null | 'still running'>((resolve) => {
      wrapper.on('close', resolve);
      setTimeout(() => resolve('still running'), 10_000).unref();
    });
    try {
      expect(await closed).toBe(code);
      expect(readFileSync(exitFile, 'utf8')).toBe(recorded);
    } finally {
      // A wrapper without the fallback spins on the refused call.
      if (wrapper.exitCode === null && wrapper.signalCode === null) wrapper.kill('SIGKILL');
    }
  });

  it('records the signal when the command is killed by someone else', async () => {
    const service = scope.launch('kill -KILL $$');
    expect(await service.exited).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(readExitFile(service.exitFile)).toMatchObject({ code: null, signal: 'SIGKILL' });
  });

  it('removes a stale exit file from an earlier run', async () => {
    writeFileSync(join(scope.dir, 'svc.exit'), 'exit 9\n');
    const service = scope.launch('sleep 1000');
    expect(readExitFile(service.exitFile)).toBeUndefined();
    process.kill(-service.pid, 'SIGKILL');
    await service.exited;
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('writes no exit file when the group is stopped with %s', async (signal) => {
    const service = scope.launch('sleep 1000');
    // Until the service's shell has exec'd sleep: dash drops a trapped signal
    // that lands between a subshell's fork and its reset of the wrapper's
    // traps, and under load that window was hit (the test then hung).
    await scope.waitForCommand('sleep 1000');
    process.kill(-service.pid, signal);
    const exit = await service.exited;
    expect(exit.signal).toBe(signal);
    expect(pidsWithEnv('BGSVC_ID', scope.id)).toEqual([]);
    expect(existsSync(service.exitFile)).toBe(false);
    expect(readExitFile(service.exitFile)).toBeUndefined();
  });

  it('resolves `exited` within milliseconds of the exit', async () => {
    const service = scope.launch('exit 0');
    const exit = await service.exited;
    const record = readExitFile(service.exitFile);
    expect(record?.code).toBe(0);
    expect(exit.atMs - record!.atMs).toBeLessThan(100);
  });

  // The reaper wrapper lives on while the daemon does, so only the exit file
  // can tell: at once (before launch starts watching it, a moment after the
  // spawn: the watcher is looked past by a service ready at once) and later.
  it.each([
    ['at once', '(setsid sleep 1000 &); exit 3', 3],
    ['after 300 ms', '(setsid sleep 1000 &); sleep 0.3; exit 4', 4],
  ])('resolves `exited` when the command exits %s and leaves a daemon under the wrapper', async (_when, command, code) => {
    const service = scope.launch(command);
    expect(service.reaper).toBe(true);
    const exit = await Promise.race([service.exited, new Promise<undefined>((resolve) => setTimeout(resolve, 2000))]);
    expect(exit).toMatchObject({ code, signal: null });
    expect(exit!.atMs - readExitFile(service.exitFile)!.atMs).toBeLessThan(100);
    expect(isAlive(service.pid)).toBe(true);
  });

  it('points fd 0 at /dev/null and fds 1 and 2 of every service process at the log file', async () => {
    const service = scope.launch('sleep 1000 & sleep 1000');
    const pids = await scope.waitForProcesses(3);
    for (const pid of pids) {
      expect(readlinkSync(`/proc/${pid}/fd/0`)).toBe('/dev/null');
      expect(readlinkSync(`/proc/${pid}/fd/1`)).toBe(service.logFile);
      // The sh wrapper alone keeps its stderr quiet, so its "Terminated" stays out of the
      // log; the reaper prints nothing of the kind.
      expect(readlinkSync(`/proc/${pid}/fd/2`)).toBe(pid === service.pid && !service.reaper ? '/dev/null' : service.logFile);
    }
  });

  it('hands the service no descriptor of ours beyond 0, 1 and 2, and no ignored or blocked signal', async () => {
    const service = scope.launch('exec sleep 1000');
    const sleeper = await scope.waitForCommand('sleep 1000');
    // Plus whatever this test process inherited without close-on-exec (a CI harness's pipe, say),
    // which any child of it gets: bgsvc itself adds nothing.
    expect(readdirSync(`/proc/${sleeper}/fd`).sort()).toEqual(['0', '1', '2', ...inheritedDescriptors()].sort());
    // An ignored SIGINT would make `stop-signal: SIGINT` a no-op (what `cmd &` in a script does).
    const status = readFileSync(`/proc/${sleeper}/status`, 'utf8');
    expect(status).toMatch(/^SigIgn:\s+0+$/m);
    expect(status).toMatch(/^SigBlk:\s+0+$/m);
    process.kill(-service.pid, 'SIGINT');
    expect((await service.exited).signal).toBe('SIGINT');
  });

  it('keeps the shell\'s "Terminated" report out of the log when the service is stopped by a signal', async () => {
    const service = scope.launch('echo up; echo err >&2; exec sleep 1000');
    // The exec'd sleep, not a process count: the wrapper and its child shell are two
    // processes before the echoes have run, and a stop then leaves an empty log.
    await scope.waitForCommand('sleep 1000');
    process.kill(-service.pid, 'SIGTERM');
    await service.exited;
    expect(readFileSync(service.logFile, 'utf8')).toBe('up\nerr\n');
  });

  it('makes the wrapper its own session and process group leader, with its start time', async () => {
    const service = scope.launch('sleep 1000');
    const fields = statFields(service.pid);
    expect(Number(fields[2])).toBe(service.pid); // pgrp
    expect(Number(fields[3])).toBe(service.pid); // session
    expect(service.startTime).toBe(fields[19]);
    expect(service.startTime).toMatch(/^\d+$/);
  });

  it('stops keeping the event loop alive after release()', async () => {
    const service = scope.launch('sleep 1000');
    await scope.waitForProcesses(3);
    const count = () => process.getActiveResourcesInfo().filter((name) => name === 'ProcessWrap').length;
    const before = count();
    service.release();
    expect(count()).toBe(before - 1);
    expect(isAlive(service.pid)).toBe(true);
  });

  it('lands a 200 MB burst completely in the log, about as fast as writing to the file directly', async () => {
    const bytes = 200_000_000;
    const direct = join(scope.dir, 'direct.bin');
    const directStarted = performance.now();
    spawnSync('/bin/sh', ['-c', `head -c ${bytes} /dev/zero > "${direct}"`]);
    const directMs = performance.now() - directStarted;

    const started = performance.now();
    const service = scope.launch(`head -c ${bytes} /dev/zero`);
    expect((await service.exited).code).toBe(0);
    const serviceMs = performance.now() - started;
    expect(statSync(service.logFile).size).toBe(bytes);
    expect(serviceMs).toBeLessThan(directMs * 3 + 500);
  });

  it('fails clearly and spawns nothing when the log file cannot be opened', () => {
    const notADirectory = join(scope.dir, 'file');
    writeFileSync(notADirectory, '');
    const logFile = join(notADirectory, 'svc.log');
    expect(() =>
      launchService({
        platform: currentPlatform(),
        name: 'nolog',
        command: 'sleep 1000',
        shell: '/bin/sh',
        cwd: scope.dir,
        env: { ...process.env, BGSVC_ID: `${scope.id}-nolog` },
        logFile,
        exitFile: join(scope.dir, 'nolog.exit'),
      }),
    ).toThrow(/Cannot open the log file of service "nolog" at .*svc\.log \(ENOTDIR\)/);
    expect(pidsWithEnv('BGSVC_ID', `${scope.id}-nolog`)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('fails clearly when the log directory is read-only', () => {
    const readOnly = join(scope.dir, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    expect(() =>
      launchService({
        platform: currentPlatform(),
        name: 'ro',
        command: 'sleep 1000',
        shell: '/bin/sh',
        cwd: scope.dir,
        env: { ...process.env, BGSVC_ID: `${scope.id}-ro` },
        logFile: join(readOnly, 'ro.log'),
        exitFile: join(scope.dir, 'ro.exit'),
      }),
    ).toThrow(/\(EACCES\)/);
    expect(pidsWithEnv('BGSVC_ID', `${scope.id}-ro`)).toEqual([]);
  });

  it('fails clearly when the working directory is missing', () => {
    expect(() =>
      launchService({
        platform: currentPlatform(),
        name: 'nocwd',
        command: 'true',
        shell: '/bin/sh',
        cwd: join(scope.dir, 'missing'),
        env: process.env,
        logFile: join(scope.dir, 'nocwd.log'),
        exitFile: join(scope.dir, 'nocwd.exit'),
      }),
    ).toThrow(/working directory of service "nocwd" does not exist/);
  });

  it('reports a missing shell as exit 127 in the log and the exit file', async () => {
    const service = launchService({
      platform: currentPlatform(),
      name: 'noshell',
      command: 'true',
      shell: '/nonexistent/shell',
      cwd: scope.dir,
      env: process.env,
      logFile: join(scope.dir, 'noshell.log'),
      exitFile: join(scope.dir, 'noshell.exit'),
    });
    expect((await service.exited).code).toBe(127);
    expect(readExitFile(join(scope.dir, 'noshell.exit'))?.code).toBe(127);
    await waitFor(() => readFileSync(join(scope.dir, 'noshell.log'), 'utf8').length > 0);
    expect(readFileSync(join(scope.dir, 'noshell.log'), 'utf8')).toMatch(/nonexistent/);
  });
});
