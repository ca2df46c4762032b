// Small, allocation-light readers for /proc. A stop pass reads a few hundred
// /proc files; readFileSync's fstat + growing buffers doubles that cost, and
// the stop budget (300 processes in ≤ 60 ms) leaves no room for it.
import { closeSync, openSync, readSync } from 'node:fs';

let scratch = Buffer.allocUnsafe(64 * 1024);

/** The whole file as bytes (a view valid until the next read), or undefined if it cannot be read. */
export function readProcBytes(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger, 0, 0, length);
        scratch = bigger;
      }
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return scratch.subarray(0, length);
  } catch {
    // ESRCH/EACCES mid-read: the process went away or hides its memory.
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export function readProcText(path: string): string | undefined {
  return readProcBytes(path)?.toString('latin1');
}

/** argv joined by spaces, or undefined when unreadable or empty (kernel threads, zombies). */
export function readCommandLine(pid: number): string | undefined {
  const bytes = readProcBytes(`/proc/${pid}/cmdline`);
  if (!bytes || bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  return (text.endsWith('\0') ? text.slice(0, -1) : text).split('\0').join(' ');
}

export interface ProcStat {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  state: string;
  /** Field 9, the kernel's PF_* flags: PF_EXITING (0x4) is set from the first step of a task's exit. */
  flags: number;
  /** Field 22: clock ticks after boot; with the pid, it identifies one process for its lifetime. */
  startTime: string;
  comm: string;
  /**
   * Field 51, where the environment ends in the process's memory: 0 while an
   * execve is between its new address space and the new program's stack, and
   * for tasks with no memory; undefined before Linux 3.5.
   */
  envEnd: number | undefined;
}

// /proc/<pid>/stat: "pid (comm) state ppid pgrp session … starttime …". comm may
// hold spaces and parentheses, so fields are counted from the last ')'.
export function parseStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const fields = text.slice(close + 2).split(' ');
  const startTime = fields[19];
  if (fields.length < 20 || startTime === undefined) return undefined;
  return {
    pid: Number(text.slice(0, open - 1)),
    comm: text.slice(open + 1, close),
    state: fields[0] ?? '',
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    sid: Number(fields[3]),
    flags: Number(fields[6]),
    startTime,
    envEnd: fields[48] === undefined ? undefined : Number(fields[48]),
  };
}

export function readStat(pid: number): ProcStat | undefined {
  const text = readSmallProcFile(`/proc/${pid}/stat`);
  return text === undefined ? undefined : parseStat(text);
}

// /proc/<pid>/stat is one short record that the kernel returns in a single
// read; skipping the read that would confirm EOF saves a quarter of the syscalls
// of the hottest loop (every poll and every scan reads it for each process).
function readSmallProcFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const length = readSync(fd, scratch, 0, scratch.length, null);
    return scratch.toString('latin1', 0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Z (zombie) and X (dead) are exited processes that only await reaping. */
export function isExitedState(state: string): boolean {
  return state === 'Z' || state === 'X' || state === 'x';
}

const PF_EXITING = 0x4;
/** A kernel thread: it has no memory, so no environment and no command line. */
export const PF_KTHREAD = 0x200000;

/** Exited, or on its way: PF_EXITING is set before the kernel releases anything of the task. */
export function isExitingOrExited(stat: ProcStat): boolean {
  return isExitedState(stat.state) || (stat.flags & PF_EXITING) !== 0;
}

/** The byte strings `\0key=value\0` to look for in an environment block. */
export function envNeedles(vars: Record<string, string>): Buffer[] {
  return Object.entries(vars).map(([key, value]) => Buffer.from(`\0${key}=${value}\0`, 'utf8'));
}

// Exact entries only: BGSVC_ID=abc must not match BGSVC_ID=abcd or XBGSVC_ID=abc.
export function environHolds(environ: Buffer, needles: Buffer[]): boolean {
  return framedEnvironHolds(frameEnviron(environ), needles);
}

/** The environment block with a NUL at each end, so every entry is framed like a needle. A copy. */
export function frameEnviron(environ: Buffer): Buffer {
  return Buffer.concat([NUL, environ, NUL]);
}

export function framedEnvironHolds(framed: Buffer, needles: Buffer[]): boolean {
  return needles.every((needle) => framed.indexOf(needle) >= 0);
}

const NUL = Buffer.from([0]);
